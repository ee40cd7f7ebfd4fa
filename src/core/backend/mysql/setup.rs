//! MySQL's setup script: the traps it warns of, the checks that stop it on an account
//! it did not make, the account and its grants; and what it grants, for the drift check.

use super::checks::Checked;
use super::{guard, privileges, Str};
use crate::core::backend::checks::{comments, placeholder_trap};
use crate::core::drift::mysql::Expect;
use crate::core::intent::Preset;

/// The comment lines at the top of the setup: what could surprise whoever runs it.
pub(super) fn traps(c: &Checked) -> Vec<String> {
    let mut traps = Vec::new();
    if c.client == "%" {
        traps.push("'%' lets this user sign in from any host: name the integration's host or network (10.0.%) if you can.".to_string());
    }
    // (The client host cannot hold one: it is limited to host-name characters.)
    let backslash = Str::new(&c.user).has_backslash()
        || c.pw.as_deref().is_some_and(|p| Str::new(p).has_backslash());
    if backslash {
        traps.push("Written for the default sql_mode: with NO_BACKSLASH_ESCAPES set, the doubled backslashes in the quoted names and password would stay doubled.".to_string());
    }
    if c.preset == Preset::ReadWrite {
        traps.push("MySQL has no table owners: without DROP and ALTER the user cannot drop or alter the tables it creates (grant them only if your transformations replace tables).".to_string());
    }
    if c.dbs.iter().any(|d| d.raw().contains(['_', '%'])) {
        traps.push("_ and % are wildcards in a database-level GRANT: they are escaped with \\ below so the grant covers exactly the named database.".to_string());
    }
    placeholder_trap(&c.pw, &mut traps, "'…'");
    traps
}

/// The setup script: safe to re-run, it resets the password and replaces every
/// privilege of the account with exactly the preset's.
pub(super) fn setup(c: &Checked) -> String {
    let privs = privileges(c.preset).join(", ");
    let mut sql = format!(
        "-- {} user for MySQL / MariaDB, made by Grantsmith.\n-- Run as an administrator (root, for instance): it needs CREATE USER and GRANT OPTION, SELECT on mysql.user, and CREATE, ALTER, SELECT, INSERT and UPDATE on the database grantsmith.\n-- Safe to re-run: it resets the password and replaces every privilege of the user with exactly these.\n",
        if c.preset == Preset::ReadWrite { "Read/write" } else { "Read-only" }
    );
    comments(&mut sql, &traps(c));
    sql.push_str(&account(c));
    for db in &c.dbs {
        sql.push_str(&format!(
            "GRANT {privs} ON {}.* TO {};\n",
            db.grant_pattern(),
            c.account
        ));
    }
    sql
}

/// The statements every preset's setup shares: the checks that stop it on an account
/// it did not make, the account with its password, TLS and expiry, and every privilege
/// it had taken away (the grants follow).
pub(super) fn account(c: &Checked) -> String {
    let account = &c.account;
    let pw_sql = &c.pw_sql;
    let mut sql = guard::setup_checks(account);
    sql.push_str(&guard::make_list());
    let [set_auth, list] = guard::record(account);
    // Listed after the password is set, with the fingerprint of what it set.
    sql.push_str(&format!(
        "CREATE USER IF NOT EXISTS {account} IDENTIFIED BY {pw_sql};\nALTER USER {account} IDENTIFIED BY {pw_sql};\n{set_auth}\n{list}\n"
    ));
    if c.tls {
        sql.push_str(&format!("ALTER USER {account} REQUIRE SSL;\n"));
    }
    sql.push_str(&expiry(c));
    sql.push_str(&format!(
        "REVOKE ALL PRIVILEGES, GRANT OPTION FROM {account};\n"
    ));
    sql
}

/// The password's expiry. MySQL and MariaDB (10.4.3+) count `PASSWORD EXPIRE INTERVAL
/// n DAY` from the password's last change, which is the statement before: the days to
/// the date are counted when the script runs (in UTC), through a prepared statement,
/// since the interval takes a number only; a date already past stops the script with
/// the guard's failing SET. No date: the server's policy (`default_password_lifetime`),
/// so a re-run takes an earlier date away without overriding a DBA's global rule.
fn expiry(c: &Checked) -> String {
    let account = &c.account;
    let Some(date) = &c.valid_until else {
        return format!("ALTER USER {account} PASSWORD EXPIRE DEFAULT;\n");
    };
    let stop = Str::new(&format!(
        "Grantsmith: the expiry date {date} has passed; the password was set, nothing more changed. Pick a later date."
    ));
    let statement = Str::new(&format!("ALTER USER {account} PASSWORD EXPIRE INTERVAL "));
    format!(
        "-- The password stops working on {date} (UTC): the days from today are counted when this runs.
SET @grantsmith_days = DATEDIFF('{date}', UTC_DATE());
SET SESSION completion_type = IF(@grantsmith_days > 0, @@SESSION.completion_type, {stop});
SET @grantsmith_sql = CONCAT({statement}, @grantsmith_days, ' DAY');
PREPARE grantsmith_expiry FROM @grantsmith_sql;
EXECUTE grantsmith_expiry;
DEALLOCATE PREPARE grantsmith_expiry;
"
    )
}

/// What the setup grants, which the inspect query and the drift check compare a
/// server's answer with.
pub(super) fn expect(c: &Checked) -> Expect {
    Expect {
        user: c.user.clone(),
        host: c.client.clone(),
        dbs: c
            .dbs
            .iter()
            .map(|d| d.grant_pattern().raw().to_string())
            .collect(),
        privs: privileges(c.preset),
        global: if c.preset == Preset::Cdc {
            super::cdc::replication_privileges(c.mariadb_105)
        } else {
            &[]
        },
        expiry: c.valid_until.clone(),
    }
}
