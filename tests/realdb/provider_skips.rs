//! Finding 7 of the least-privilege issue: on a provider the setup grants only what the
//! role running it may grant, and used to skip the rest without a word (RDS, schema
//! `sales`, a table there owned by another role: verify as the same role passed). Now a
//! NOTICE names every object and schema left out, before the script ends, and verify as
//! the same role expects exactly the rest (as a superuser it shows the gap as FAIL).

use grantsmith::core::{generate, Db, Field, Intent, Preset, Scope};

use super::server::{Server, SU_PASSWORD};

const RUNNER: &str = "rds_master";
const RUNNER_PW: &str = "runner-secret";
const DB: &str = "rds_app";
const HOST: &str = "app.c9akciq32.eu-west-1.rds.amazonaws.com";

/// Runs after `providers::run`, which made the RDS fixture (`rds_app`, schema `sales`).
pub fn run(s: &Server) {
    s.su(
        DB,
        "CREATE TABLE sales.other3 (id int); ALTER TABLE sales.other3 OWNER TO other_owner;
         CREATE SCHEMA theirs AUTHORIZATION other_owner;",
    );
    let mut listed = Intent::new(Db::Postgres, Preset::ReadOnly).with(Field::Schemas, "sales");
    listed.scope = Scope::Listed;
    let mut all = Intent::new(Db::Postgres, Preset::Metadata);
    all.scope = Scope::All;
    for (n, form) in [listed, all].into_iter().enumerate() {
        let f = form
            .with(Field::Host, HOST)
            .with(Field::Database, DB)
            .with(Field::Role, format!("gs_skips_{n}"))
            .with(Field::Password, "a-long-role-password-1");
        let ctx = format!("{} #{n}", s.version);
        let out = generate(&f);
        let (_, said) = s
            .psql_full(RUNNER, RUNNER_PW, DB, out.setup.as_deref().unwrap(), &[])
            .unwrap_or_else(|e| panic!("{ctx}: setup: {e}"));
        assert!(
            said.contains(
                "NOTICE:  Not granted SELECT on sales.other3: rds_master may not grant it there"
            ),
            "{ctx}: {said}"
        );
        if n == 1 {
            assert!(
                said.contains("NOTICE:  Not granted on schemas theirs"),
                "{ctx}: {said}"
            );
        }
        let verify = out.verify.as_deref().unwrap();
        let as_runner = s.psql(RUNNER, RUNNER_PW, DB, verify).unwrap();
        assert!(!as_runner.contains("FAIL"), "{ctx}: {as_runner}");
        let as_su = s.psql("postgres", SU_PASSWORD, DB, verify).unwrap();
        assert!(
            as_su.contains("sales.other3|FAIL"),
            "{ctx}: a superuser sees the gap: {as_su}"
        );
        s.psql(RUNNER, RUNNER_PW, DB, out.uninstall.as_deref().unwrap())
            .unwrap_or_else(|e| panic!("{ctx}: uninstall: {e}"));
    }
    s.su(DB, "DROP TABLE sales.other3; DROP SCHEMA theirs;");
    println!("PostgreSQL {}: provider skips named", s.version);
}
