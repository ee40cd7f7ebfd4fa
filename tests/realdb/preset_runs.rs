//! Every preset other than the original, and the page's passwords, executed for real.

use grantsmith::core::{generate, Field, Intent, Scope};

use super::fixture::{self, OWNER, OWNER_PW};
use super::scenarios::{assert_login, form};
use super::server::{Server, SU_PASSWORD};

/// Every preset other than the original: run twice by the non-superuser owner; exactly
/// the promised privileges; verify passes, then fails on the revoked row; uninstall
/// leaves no role behind.
pub fn presets(s: &Server) {
    use grantsmith::core::privileges::{DbPriv, Privileges, SchemaPriv, SeqPriv, TablePriv};
    use grantsmith::core::{Db, Preset};
    let custom = Privileges {
        database: vec![DbPriv::Connect, DbPriv::Temporary],
        schema: vec![SchemaPriv::Usage],
        tables: vec![TablePriv::Select, TablePriv::Trigger],
        sequences: vec![SeqPriv::Usage],
        functions: true,
        future: true,
    };
    let cases: Vec<(&str, Intent, &[&str])> = vec![
        (
            "p_meta",
            Intent::new(Db::Postgres, Preset::Metadata).with(Field::Schemas, "public, sales"),
            &["public", "sales"],
        ),
        (
            "p_meta_re",
            {
                let mut i = Intent::new(Db::Postgres, Preset::Metadata)
                    .with(Field::Include, "^(sales|Mixed)")
                    .with(Field::Exclude, "Case");
                i.scope = if true { Scope::All } else { Scope::Listed };
                i
            },
            &["sales"],
        ),
        (
            "p_rw",
            Intent::new(Db::Postgres, Preset::ReadWrite).with(Field::Schemas, "sales"),
            &["sales"],
        ),
        (
            "p_ro",
            Intent::new(Db::Postgres, Preset::ReadOnly),
            &["public"],
        ),
        (
            "p_custom",
            {
                let mut i = Intent::new(Db::Postgres, Preset::Custom)
                    .with(Field::Schemas, "public,\nMixed \"Case\"")
                    .with(Field::Owners, OWNER);
                i.custom = custom.clone();
                i
            },
            &["Mixed \"Case\"", "public"],
        ),
    ];
    for (db, mut f, schemas) in cases {
        fixture::database(s, db);
        f.set(Field::Host, "db.example.com");
        f.set(Field::Database, db);
        f.set(Field::Role, format!("{db}_user"));
        let out = generate(&f);
        let sql = out
            .setup
            .clone()
            .unwrap_or_else(|| panic!("{db}: refused {:?}", out.errors))
            .replace("[[REPLACE_WITH_PASSWORD]]", "'pw'");
        // Clean: no WARNING either (on 14, `public` belongs to the bootstrap superuser,
        // and its USAGE is granted only by a role that may grant it).
        for run in 1..=2 {
            s.psql_clean(OWNER, OWNER_PW, db, &sql)
                .unwrap_or_else(|e| panic!("{} {db}: setup run {run}: {e}\n{sql}", s.version));
        }
        assert_login(s, f.get(Field::Role), "pw", db);
        let privs = grantsmith::core::backend::postgres::presets::privileges(&f);
        let expected = fixture::expected_plan_on(s, db, schemas, &privs, OWNER);
        assert_eq!(
            fixture::privileges(s, db, f.get(Field::Role)),
            expected,
            "{} {db}: privileges",
            s.version
        );
        let verify = out.verify.unwrap();
        let rows = s.su(db, &verify);
        assert!(
            !rows.contains("|FAIL"),
            "{} {db}: verify after setup:\n{rows}",
            s.version
        );
        assert!(rows.lines().count() > 5, "{} {db}: {rows}", s.version);
        s.psql(
            OWNER,
            OWNER_PW,
            db,
            &format!(
                "REVOKE SELECT ON {}.{} FROM {};",
                if schemas.contains(&"public") {
                    "public"
                } else {
                    "sales"
                },
                if schemas.contains(&"public") {
                    "orders"
                } else {
                    "deals"
                },
                f.get(Field::Role)
            ),
        )
        .unwrap();
        let failing: Vec<String> = s
            .su(db, &verify)
            .lines()
            .filter(|l| l.ends_with("|FAIL"))
            .map(str::to_string)
            .collect();
        assert_eq!(failing.len(), 1, "{} {db}: {failing:?}", s.version);
        assert!(
            failing[0].starts_with("table SELECT|"),
            "{} {db}: {failing:?}",
            s.version
        );
        let uninstall = out.uninstall.unwrap();
        for run in 1..=2 {
            s.psql_clean(OWNER, OWNER_PW, db, &uninstall)
                .unwrap_or_else(|e| panic!("{} {db}: uninstall run {run}: {e}", s.version));
        }
        assert_eq!(
            fixture::privileges(s, db, f.get(Field::Role)),
            "",
            "{} {db}: traces",
            s.version
        );
        let gone = s
            .psql_vars(
                "postgres",
                SU_PASSWORD,
                "postgres",
                "SELECT count(*) FROM pg_roles WHERE rolname = :'r';",
                &[("r", f.get(Field::Role))],
            )
            .unwrap();
        assert_eq!(gone.trim(), "0", "{} {db}", s.version);
    }
}

/// Passwords typed into the page: the SCRAM verifier computed in Rust is stored as is
/// and accepts the password; plain text works too; the connection URI with the
/// percent-encoded password logs in through libpq.
pub fn passwords(s: &Server) {
    let db = "app_su";
    let pw = "S3cr3t p@ss/'%+:?#";
    for (role, scram) in [("gs_scram", true), ("gs_plain", false)] {
        let f = {
            let mut i = form(role, db, OWNER).with(Field::Password, pw);
            i.scram = scram;
            i.salt = *b"grantsmith-salt!";
            i
        };
        let out = generate(&f);
        s.su(db, out.setup.as_deref().unwrap());
        let stored = s.su(
            "postgres",
            &format!("SELECT rolpassword FROM pg_authid WHERE rolname = '{role}';"),
        );
        if scram {
            let v = grantsmith::core::scram::verifier(pw, b"grantsmith-salt!", 4096).unwrap();
            assert_eq!(stored.trim(), v, "{}: stored verifier", s.version);
        } else {
            assert!(
                stored.starts_with("SCRAM-SHA-256$"),
                "{}: server hashed it",
                s.version
            );
        }
        assert_login(s, role, pw, db);
        // The URI as shown, pointed at the test socket instead of db.example.com.
        let uri = out.conn.unwrap();
        let sock = grantsmith::core::conn::percent_encode(&s.socket_dir().display().to_string());
        let uri = uri.replace("@db.example.com:5432/", &format!("@{sock}:5432/"));
        let who = s
            .psql_uri(&uri, "SELECT current_user;")
            .unwrap_or_else(|e| panic!("{}: URI {uri}: {e}", s.version));
        assert_eq!(who.trim(), role, "{}", s.version);
    }
}
