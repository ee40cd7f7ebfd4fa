//! MySQL and MariaDB: accounts are `'user'@'host'`, databases play PostgreSQL's
//! schemas, identifiers are quoted with backticks and, in a database-level GRANT, `_`
//! and `%` are wildcards unless escaped.

pub mod guard;
pub mod spec;

pub use spec::{FIELDS, SPEC};

pub use crate::core::quote::mysql::{Account, Comment, Ident, Str};

use super::checks::{comments, host, list, name, password, placeholder_trap, port};
use crate::core::client::{Client, ConnInfo};
use crate::core::intent::{Field, Intent, Preset};
use crate::core::output::{Errors, Render, Scripts};
use crate::core::text::js_trim;

/// Longest user name MySQL 5.7+ accepts (MariaDB allows 80; the smaller limit keeps
/// one script valid on both).
pub const MAX_USER: usize = 32;
/// Longest database name.
pub const MAX_DB: usize = 64;
/// Longest host part of an account.
pub const MAX_HOST: usize = 255;

/// Privileges on each database, in `SHOW GRANTS` order.
pub fn privileges(preset: Preset) -> &'static [&'static str] {
    match preset {
        Preset::ReadWrite => &[
            "SELECT",
            "INSERT",
            "UPDATE",
            "DELETE",
            "CREATE",
            "SHOW VIEW",
        ],
        // Not offered for MySQL: read-only.
        Preset::ReadOnly | Preset::Original | Preset::Metadata | Preset::Custom => {
            &["SELECT", "SHOW VIEW"]
        }
    }
}

/// A name as MySQL stores it: identifiers and account names are `utf8mb3`, which has
/// no characters beyond U+FFFF (emoji, for one).
fn mysql_name(raw: &str, what: &str, max: usize) -> Result<String, String> {
    let n = name(raw, what, max, false, "MySQL")?;
    if n.chars().any(|c| c as u32 > 0xFFFF) {
        return Err("MySQL names cannot hold characters beyond U+FFFF (emoji, for one)".into());
    }
    Ok(n)
}

/// The host part of an account: a host name, an IP address, a netmask
/// (`10.0.0.0/255.255.255.0`) or a pattern with `%` and `_`; empty means `%`. MySQL
/// compares host names without case and stores them in lower case, so they are
/// written in lower case (the script, verify and `SHOW GRANTS` then agree).
fn client_host(t: &str) -> Result<String, String> {
    if t.is_empty() {
        return Ok("%".into());
    }
    let ok = t.len() <= MAX_HOST
        && t.bytes().all(|b| {
            b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_' | b'%' | b':' | b'/')
        });
    if ok {
        Ok(t.to_ascii_lowercase())
    } else {
        Err("A client host is a host name, an IP address, a netmask (10.0.0.0/255.255.255.0) or a pattern with % and _".into())
    }
}

fn db_name(raw: &str) -> Result<Ident, String> {
    let n = mysql_name(raw, "database", MAX_DB)?;
    if n.contains(['/', '\\', '.']) {
        return Err("Database names cannot contain /, \\ or .".into());
    }
    if n.ends_with(' ') {
        return Err("Database names cannot end with a space".into());
    }
    guard::own_database(&n)?;
    Ok(Ident::new(&n))
}

pub(crate) fn build(i: &Intent, e: &mut Errors) -> Option<Box<dyn Render>> {
    let host = e.take(Field::Host, host(i.get(Field::Host)));
    let port = e.take(Field::Port, port(i.get(Field::Port), "3306"));
    let user = e.take(
        Field::Role,
        mysql_name(i.get(Field::Role), "user name", MAX_USER)
            .and_then(|u| guard::own_user(&u).map(|()| u)),
    );
    let client = e.take(
        Field::ClientHost,
        client_host(js_trim(i.get(Field::ClientHost))),
    );
    let dbs = e.take(
        Field::Schemas,
        list(i.get(Field::Schemas), "", "database", db_name),
    );
    let pw = e.take(Field::Password, password(i.get(Field::Password)));
    let (host, port, user, client, dbs, pw) = (host?, port?, user?, client?, dbs?, pw?);
    let account = Account::new(&user, &client);
    let pw_sql = pw.as_deref().map(|p| Str::new(p).to_string());
    let pw_sql = pw_sql
        .as_deref()
        .unwrap_or(crate::core::conn::PASSWORD_PLACEHOLDER);
    let privs = privileges(i.preset).join(", ");

    let mut traps = Vec::new();
    if client == "%" {
        traps.push("'%' lets this user sign in from any host: name the integration's host or network (10.0.%) if you can.".to_string());
    }
    // (The client host cannot hold one: it is limited to host-name characters.)
    let backslash = Str::new(&user).has_backslash()
        || pw.as_deref().is_some_and(|p| Str::new(p).has_backslash());
    if backslash {
        traps.push("Written for the default sql_mode: with NO_BACKSLASH_ESCAPES set, the doubled backslashes in the quoted names and password would stay doubled.".to_string());
    }
    if i.preset == Preset::ReadWrite {
        traps.push("MySQL has no table owners: without DROP and ALTER the user cannot drop or alter the tables it creates (grant them only if your transformations replace tables).".to_string());
    }
    if dbs.iter().any(|d| d.raw().contains(['_', '%'])) {
        traps.push("_ and % are wildcards in a database-level GRANT: they are escaped with \\ below so the grant covers exactly the named database.".to_string());
    }

    placeholder_trap(&pw, &mut traps, "'…'");
    let mut sql = format!(
        "-- {} user for MySQL / MariaDB, made by Grantsmith.\n-- Run as an administrator (root, for instance): it needs CREATE USER and GRANT OPTION, SELECT on mysql.user, and CREATE, SELECT and INSERT on the database grantsmith.\n-- Safe to re-run: it resets the password and replaces every privilege of the user with exactly these.\n",
        if i.preset == Preset::ReadWrite { "Read/write" } else { "Read-only" }
    );
    comments(&mut sql, &traps);
    sql.push_str(&guard::setup_checks(&account));
    sql.push_str(&format!(
        "CREATE USER IF NOT EXISTS {account} IDENTIFIED BY {pw_sql};\n{}ALTER USER {account} IDENTIFIED BY {pw_sql};\n",
        guard::list(&account)
    ));
    if i.tls {
        sql.push_str(&format!("ALTER USER {account} REQUIRE SSL;\n"));
    }
    sql.push_str(&format!(
        "REVOKE ALL PRIVILEGES, GRANT OPTION FROM {account};\n"
    ));
    for db in &dbs {
        sql.push_str(&format!(
            "GRANT {privs} ON {}.* TO {account};\n",
            db.grant_pattern()
        ));
    }

    let grantee = account.grantee();
    let mut rows = Vec::new();
    for db in &dbs {
        for p in privileges(i.preset) {
            rows.push(format!(
                "SELECT {} AS db, {} AS privilege",
                Str::new(db.grant_pattern().raw()),
                Str::new(p)
            ));
        }
    }
    let expected = rows.join("\n    UNION ALL ");
    let verify = format!(
        "-- Verify the user: one row per expected privilege, status 'ok' or 'MISSING';\n-- rows marked 'EXTRA' are privileges it holds beyond these. Changes nothing.\nSELECT e.db, e.privilege,\n       CASE WHEN p.PRIVILEGE_TYPE IS NULL THEN 'MISSING' ELSE 'ok' END AS status\nFROM (\n    {expected}\n) AS e\nLEFT JOIN information_schema.SCHEMA_PRIVILEGES AS p\n  ON p.GRANTEE = {grantee} AND CAST(p.TABLE_SCHEMA AS BINARY) = CAST(e.db AS BINARY)\n  AND p.PRIVILEGE_TYPE = e.privilege\nUNION ALL\nSELECT p.TABLE_SCHEMA, p.PRIVILEGE_TYPE, 'EXTRA'\nFROM information_schema.SCHEMA_PRIVILEGES AS p\nWHERE p.GRANTEE = {grantee}\n  AND NOT EXISTS (\n    SELECT 1 FROM (\n    {expected}\n    ) AS x\n    WHERE CAST(x.db AS BINARY) = CAST(p.TABLE_SCHEMA AS BINARY) AND x.privilege = p.PRIVILEGE_TYPE\n  );\n"
    );
    let uninstall = format!(
        "-- Uninstall: drops the user and with it every privilege it holds, and takes it off {}.\n-- Tables it created stay (MySQL has no owners). Run as an administrator (root, for instance).\n{}DROP USER IF EXISTS {account};\n{}",
        guard::LIST,
        guard::uninstall_checks(&account),
        guard::unlist(&account)
    );
    let info = ConnInfo {
        host: host.to_string(),
        port,
        database: dbs[0].raw().to_string(),
        user: user.to_string(),
        password: pw,
        tls: i.tls,
    };
    Some(Box::new(Scripts {
        conn: crate::core::client::write(Client::MySqlUri, &info).unwrap_or_default(),
        setup: sql,
        verify,
        uninstall,
        conn_info: Some(info),
        forms: Vec::new(),
        inspect: None,
        drift: Some(crate::core::drift::mysql::Expect {
            user: user.to_string(),
            host: client,
            dbs: dbs
                .iter()
                .map(|d| d.grant_pattern().raw().to_string())
                .collect(),
            privs: privileges(i.preset),
        }),
    }))
}
