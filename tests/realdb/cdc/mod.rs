//! Change data capture for real, on a server started with `wal_level = logical`: every
//! variant of the preset runs twice with zero errors and warnings (as a superuser and as
//! provider administrators where the provider allows it), then the new user, over a
//! replication connection (Debian's `pg_recvlogical` with `pgoutput`), receives an
//! INSERT, an UPDATE and a DELETE on a published table and nothing from a table outside
//! the publication; verify passes; uninstall leaves no slot, publication or role, twice.
//! A table without a replica identity is named, and its UPDATE refused once published;
//! a user without REPLICATION cannot start replication.

use grantsmith::core::provider::{Pick, Provider};
use grantsmith::core::{generate, Db, Field, Intent, Preset};
use std::process::Command;

use super::server::Server;

mod cases;
mod drift;
mod owners;

pub(super) const PW: &str = "Str0ng!Passw0rd-42";
pub(super) const RUNNER_PW: &str = "runner-secret";

/// The application's tables, owned by `owner`; a row that exists before any slot (its
/// DELETE is then the only place its key can appear in the stream).
pub(super) fn tables(s: &Server, db: &str, owner: &str) {
    s.su("postgres", &format!("CREATE DATABASE {db} OWNER {owner};"));
    s.su(
        db,
        &format!(
            "SET ROLE {owner};
         CREATE SCHEMA IF NOT EXISTS app;
         CREATE TABLE app.orders (k text PRIMARY KEY, note text);
         CREATE TABLE app.other_tbl (k text PRIMARY KEY);
         CREATE TABLE app.nopk (x text);
         INSERT INTO app.orders VALUES ('gone-before-start-key', 'old');"
        ),
    );
}

pub(super) fn intent(db: &str, role: &str, tables: &str, provider: Option<Provider>) -> Intent {
    let mut i = Intent::new(Db::Postgres, Preset::Cdc)
        .with(Field::Host, "db.example.com")
        .with(Field::Database, db)
        .with(Field::Role, role)
        .with(Field::Tables, tables)
        .with(Field::Password, PW);
    if let Some(p) = provider {
        i.set_provider(Pick::from_key(p.as_str()).unwrap());
    }
    i
}

/// Setup twice and verify, as `runner`: no error, no warning, every row passing except
/// those in `failing` (check names).
pub(super) fn set_up(s: &Server, runner: (&str, &str), db: &str, i: &Intent, failing: &[&str]) {
    let out = generate(i);
    assert!(out.ready(), "{:?}", out.errors);
    for run in 1..=2 {
        s.psql_clean(runner.0, runner.1, db, out.setup.as_ref().unwrap())
            .unwrap_or_else(|e| {
                panic!(
                    "PostgreSQL {} setup run {run} as {}: {e}",
                    s.version, runner.0
                )
            });
    }
    let rows = s
        .psql(runner.0, runner.1, db, out.verify.as_ref().unwrap())
        .unwrap();
    let failed: Vec<&str> = rows.lines().filter(|l| l.ends_with("|FAIL")).collect();
    assert_eq!(
        failed.len(),
        failing.len(),
        "PostgreSQL {}: {rows}",
        s.version
    );
    for f in failing {
        assert!(
            failed.iter().any(|l| l.starts_with(f)),
            "{f} should fail: {rows}"
        );
    }
}

/// Uninstall twice as `runner`, then nothing of the user is left.
pub(super) fn tear_down(s: &Server, runner: (&str, &str), db: &str, i: &Intent) {
    let out = generate(i);
    for run in 1..=2 {
        s.psql_clean(runner.0, runner.1, db, out.uninstall.as_ref().unwrap())
            .unwrap_or_else(|e| panic!("PostgreSQL {} uninstall run {run}: {e}", s.version));
    }
    let left = s.su(db, &format!(
        "SELECT (SELECT count(*) FROM pg_replication_slots) || ',' || (SELECT count(*) FROM pg_publication)
             || ',' || (SELECT count(*) FROM pg_roles WHERE rolname = '{}')",
        i.get(Field::Role).replace('\'', "''")
    ));
    assert_eq!(
        left.trim(),
        "0,0,0",
        "PostgreSQL {}: slot, publication, role left",
        s.version
    );
}

/// `name` as pgoutput's `publication_names` reads it (an identifier list).
fn ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// `pg_recvlogical` as `user` on this server's socket with `args`: Ok(stderr) or Err.
pub(super) fn recvlogical(
    s: &Server,
    user: &str,
    db: &str,
    args: &[&str],
) -> Result<String, String> {
    let out = Command::new("timeout")
        .arg("60")
        .arg("/usr/bin/pg_recvlogical")
        .args([
            "-h",
            &s.socket_dir().display().to_string(),
            "-p",
            &s.port.to_string(),
        ])
        .args(["-U", user, "-d", db])
        .args(args)
        .env("PGPASSWORD", PW)
        .env_remove("PGSERVICE")
        .output()
        .expect("pg_recvlogical (Debian postgresql-client)");
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    if out.status.success() {
        Ok(err)
    } else {
        Err(err)
    }
}

/// As the new user over a replication connection: the changes to `app.orders` arrive,
/// the one to `app.other_tbl` does not. `tool_makes_slot`: the user creates the slot
/// first, as a tool does.
pub(super) fn stream(s: &Server, db: &str, i: &Intent, tool_makes_slot: bool) {
    let user = i.get(Field::Role);
    let slot = grantsmith::core::backend::postgres::cdc::names::slot(user).to_string();
    let slot = slot.trim_matches('\'');
    let publication = grantsmith::core::backend::postgres::cdc::names::publication(user);
    if tool_makes_slot {
        recvlogical(
            s,
            user,
            db,
            &["-S", slot, "--create-slot", "-P", "pgoutput"],
        )
        .unwrap_or_else(|e| {
            panic!(
                "PostgreSQL {}: the user could not create its slot: {e}",
                s.version
            )
        });
    }
    s.su(
        db,
        "INSERT INTO app.orders VALUES ('k-new', 'hello-insert');
              UPDATE app.orders SET note = 'changed-upd' WHERE k = 'k-new';
              DELETE FROM app.orders WHERE k = 'gone-before-start-key';
              INSERT INTO app.other_tbl VALUES ('outside-value');
              INSERT INTO app.orders VALUES ('gone-before-start-key', 'old');",
    );
    let end = s.su(db, "SELECT pg_current_wal_lsn()");
    let file = s.socket_dir().join("stream.bin");
    let _ = std::fs::remove_file(&file);
    let names = format!("publication_names={}", ident(publication.raw()));
    recvlogical(
        s,
        user,
        db,
        &[
            "-S",
            slot,
            "--start",
            "-P",
            "pgoutput",
            "-o",
            "proto_version=1",
            "-o",
            &names,
            "-E",
            end.trim(),
            "--no-loop",
            "-f",
            &file.display().to_string(),
        ],
    )
    .unwrap_or_else(|e| panic!("PostgreSQL {}: replication as {user}: {e}", s.version));
    let bytes = std::fs::read(&file).unwrap();
    let has = |w: &str| bytes.windows(w.len()).any(|x| x == w.as_bytes());
    for w in [
        "orders",
        "hello-insert",
        "changed-upd",
        "gone-before-start-key",
    ] {
        assert!(has(w), "PostgreSQL {}: {w} not in the stream", s.version);
    }
    for w in ["other_tbl", "outside-value"] {
        assert!(
            !has(w),
            "PostgreSQL {}: {w} in the stream, but not published",
            s.version
        );
    }
    s.su(
        db,
        "DELETE FROM app.orders WHERE k = 'k-new'; DELETE FROM app.other_tbl;",
    );
}

/// Every scenario on a `wal_level = logical` server of `major`.
pub fn run(major: u32) {
    let s = Server::start_logical(major);
    cases::as_superuser(&s);
    cases::as_rds(&s);
    owners::run(&s);
    if major >= 16 {
        cases::as_admin_with_replication(&s, Provider::Azure);
        cases::as_admin_with_replication(&s, Provider::CloudSql);
    }
    cases::where_sql_cannot_give_replication(&s);
    println!("PostgreSQL {}: change data capture passed", s.version);
}
