//! Redshift's setup script: the traps it warns of, then the user and its grants on
//! each schema, its tables and the tables the owners create later.

use super::checks::Checked;
use super::privileges;
use crate::core::backend::checks::{comments, placeholder_trap};
use crate::core::intent::Preset;
use crate::core::quote::pg::Comment;

/// The comment lines at the top of the setup: what could surprise whoever runs it.
fn traps(c: &Checked) -> Vec<String> {
    let mut traps = vec![
        "Redshift has no CONNECT privilege: every user can connect to every database in the cluster; only the grants below limit what it reads.".to_string(),
        "Default privileges apply only to tables created by the users named in FOR USER (by you when none is named): list every user that creates tables here.".to_string(),
        "Redshift has no CREATE USER IF NOT EXISTS: on a re-run, skip the CREATE USER line (ALTER USER resets the password).".to_string(),
    ];
    let all_names = [&c.user, &c.db]
        .into_iter()
        .chain(c.schemas.iter())
        .chain(c.owners.iter());
    if all_names
        .clone()
        .any(|n| n.raw().bytes().any(|b| b.is_ascii_uppercase()))
    {
        traps.push("Redshift folds ASCII letters in names to lower case, quoted or not, unless enable_case_sensitive_identifier is on.".to_string());
    }
    placeholder_trap(&c.pw, &mut traps, "'…'");
    traps
}

/// The setup script: it makes the user (a re-run skips that line) and sets its
/// password, takes back what the read/write script grants when read-only, and grants
/// the preset's privileges on each schema, now and by default.
pub(super) fn setup(c: &Checked) -> String {
    let (user, pw_sql) = (&c.user, &c.pw_sql);
    let (on_schema, on_tables) = privileges(c.preset);
    let mut sql = format!(
        "-- {} user for Amazon Redshift, made by Grantsmith.\n-- Run as a superuser (or a user with CREATE USER and the grant options below) connected to {}.\n",
        if c.preset == Preset::ReadWrite { "Read/write" } else { "Read-only" },
        Comment::new(c.db.raw()),
    );
    comments(&mut sql, &traps(c));
    // VALID UNTIL belongs to PASSWORD in Redshift's CREATE and ALTER USER
    // (docs.aws.amazon.com/redshift/latest/dg/r_ALTER_USER.html); 'infinity' takes an
    // earlier date away on a re-run, as PostgreSQL's does.
    let until = format!(
        " VALID UNTIL {}",
        crate::core::backend::checks::valid_until_sql(c.valid_until.as_deref())
    );
    sql.push_str(&format!(
        "CREATE USER {user} PASSWORD {pw_sql}{until};\nALTER USER {user} PASSWORD {pw_sql}{until};\n"
    ));
    // Default privileges take every owner and every schema in one statement
    // (Redshift's ALTER DEFAULT PRIVILEGES: `FOR USER u [, ...] IN SCHEMA s [, ...]`,
    // docs.aws.amazon.com/redshift/latest/dg/r_ALTER_DEFAULT_PRIVILEGES.html), so the
    // script grows as owners + schemas, not owners × schemas.
    let for_users = c.for_users();
    let in_schemas = c.in_schemas();
    if c.preset != Preset::ReadWrite {
        sql.push_str("-- Read-only: first take back what the read/write script grants, in case it ran before (revoking what was never granted does nothing).\n");
        for s in &c.schemas {
            sql.push_str(&format!(
                "REVOKE CREATE ON SCHEMA {s} FROM {user};\nREVOKE INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {s} FROM {user};\n"
            ));
        }
        sql.push_str(&format!(
            "ALTER DEFAULT PRIVILEGES {for_users}IN SCHEMA {in_schemas} REVOKE INSERT, UPDATE, DELETE ON TABLES FROM {user};\n"
        ));
    }
    for s in &c.schemas {
        sql.push_str(&format!(
            "GRANT {on_schema} ON SCHEMA {s} TO {user};\nGRANT {on_tables} ON ALL TABLES IN SCHEMA {s} TO {user};\n"
        ));
    }
    sql.push_str(&format!(
        "ALTER DEFAULT PRIVILEGES {for_users}IN SCHEMA {in_schemas} GRANT {on_tables} ON TABLES TO {user};\n"
    ));
    sql
}
