//! A seeded property test: hostile role, schema, owner and database names. Each case is
//! either refused by the app with a field message (and then it must deserve refusal),
//! or its script runs clean on the real server and creates exactly the names typed.
//! Replay a failure with `GS_SEED=<seed printed on failure>`.

use grantsmith::core::quote::pg::MAX_IDENT_BYTES;
use grantsmith::core::{generate, Field, Intent, Scope};

use super::server::{Server, SU_PASSWORD};

/// Cases per server version: 5 versions × 100 ≥ the 500 the issue asks for.
const CASES: usize = 100;

const PIECES: &[&str] = &[
    "\"", "'", "\\", "$", "$$", "$gs$", "$tag$", ";", "--", " ", "/*", "*/", "%I", "%s", "\t",
    "\r", "DROP", "Select", "TABLE", "user", "public", "none", "pg_", "ÄÖ", "é", "德", "🙂", "x",
    "Y", "_", "-", ".", "(", ")", "E'", "\\'", "''", "\"\"", "NULL", "::text",
];

#[path = "../common/rng.rs"]
pub mod rng;
use rng::Rng;

fn name(rng: &mut Rng) -> String {
    let mut s: String = (0..1 + rng.below(6))
        .map(|_| PIECES[rng.below(PIECES.len())])
        .collect();
    match rng.below(8) {
        // Exactly at, just under, and just over the 63-byte limit.
        0 => pad_to(&mut s, 62),
        1 => pad_to(&mut s, 63),
        2 => pad_to(&mut s, 64),
        3 => s = s.to_uppercase(),
        _ => {}
    }
    s
}

fn pad_to(s: &mut String, bytes: usize) {
    while s.len() > bytes {
        s.pop();
    }
    while s.len() < bytes {
        s.push('x');
    }
}

fn trim(s: &str) -> &str {
    grantsmith::core::text::js_trim(s)
}

#[derive(PartialEq)]
enum Kind {
    NewRole,
    Owner,
    Schema,
    Database,
}

/// Whether the app must refuse this name: PostgreSQL would reject or change it, or it
/// names a system schema.
fn deserves_refusal(raw: &str, kind: Kind) -> bool {
    let t = trim(raw);
    if t.is_empty() {
        return false; // falls back to the default
    }
    t.len() > MAX_IDENT_BYTES
        || t.contains('\0')
        || (kind == Kind::NewRole && t.starts_with("pg_"))
        || (kind == Kind::Schema && (t.starts_with("pg_") || t == "information_schema"))
        || ((kind == Kind::NewRole || kind == Kind::Owner)
            && [
                "public",
                "none",
                "current_user",
                "session_user",
                "current_role",
            ]
            .contains(&t))
}

pub fn run(s: &Server, major: u32) {
    let seed = Rng::env_seed();
    let mut rng = Rng((seed ^ (major as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)) | 1);
    println!("PostgreSQL {}: hostile names, seed {seed}", s.version);
    s.su("postgres", "CREATE DATABASE hostile;");
    let (mut refused, mut ran) = (0, 0);
    for case in 0..CASES {
        let role = name(&mut rng);
        // Owners must exist; PostgreSQL reserves pg_* for the roles it creates itself.
        let mut owner = name(&mut rng).replacen("pg_", "pq_", 1);
        // The owner must be another role: default privileges a role grants itself are
        // implicit and leave no pg_default_acl row to check.
        if trim(&owner) == trim(&role) {
            owner.push_str("_o");
        }
        let schemas: Vec<String> = (0..1 + rng.below(2)).map(|_| name(&mut rng)).collect();
        let db = if rng.below(10) == 0 {
            name(&mut rng)
        } else {
            "hostile".to_string()
        };
        let form = {
            let mut i = Intent::default()
                .with(Field::Host, "db.example.com")
                .with(Field::Role, role.clone())
                .with(Field::Database, db.clone())
                .with(
                    Field::Schemas,
                    schemas
                        .iter()
                        .map(|x| x.replace([',', '\n'], ""))
                        .collect::<Vec<_>>()
                        .join(","),
                )
                .with(Field::Owners, owner.replace([',', '\n'], ""));
            i.scope = if rng.below(2) == 0 {
                Scope::Listed
            } else {
                Scope::All
            };
            i.rls = rng.below(2) == 0;
            i
        };
        let ctx = format!(
            "PostgreSQL {} case {case} (replay: GS_SEED={seed}): role={role:?} owner={:?} schemas={:?} db={db:?} scope={:?} rls={}",
            s.version, form.get(Field::Owners), form.get(Field::Schemas), form.scope, form.rls
        );
        let schema_items: Vec<String> =
            grantsmith::core::text::split_list(form.get(Field::Schemas))
                .unwrap_or_default()
                .into_iter()
                .map(str::to_string)
                .collect();
        let owner_t = trim(form.get(Field::Owners)).to_string();
        let must_refuse = deserves_refusal(&role, Kind::NewRole)
            || deserves_refusal(&owner_t, Kind::Owner)
            || deserves_refusal(&db, Kind::Database)
            || (form.scope == Scope::Listed
                && schema_items
                    .iter()
                    .any(|x| deserves_refusal(x, Kind::Schema)));
        let out = generate(&form);
        if must_refuse {
            assert!(out.setup.is_none(), "{ctx}: should have been refused");
            assert!(!out.errors.is_empty(), "{ctx}: refused without a message");
            refused += 1;
            continue;
        }
        let sql = out
            .setup
            .unwrap_or_else(|| panic!("{ctx}: refused without reason: {:?}", out.errors));
        ran += 1;
        let role_t = match trim(&role) {
            "" => "dreamlit_app",
            t => t,
        };
        let owner_name = if owner_t.is_empty() {
            "postgres".to_string()
        } else {
            owner_t.clone()
        };
        let db_t = match trim(&db) {
            "" => "postgres",
            t => t,
        };
        // With "All schemas" the list is unused: create only names PostgreSQL accepts.
        let schema_list: Vec<String> = if schema_items.is_empty() {
            vec!["public".into()]
        } else {
            schema_items
                .iter()
                .filter(|x| !deserves_refusal(x, Kind::Schema))
                .cloned()
                .collect()
        };
        one_case(
            s,
            &ctx,
            &sql,
            role_t,
            &owner_name,
            &schema_list,
            db_t,
            &form,
        );
    }
    println!(
        "PostgreSQL {}: {ran} hostile scripts ran, {refused} refused",
        s.version
    );
    assert!(ran > CASES / 4, "too few cases reached the server ({ran})");
}

#[allow(clippy::too_many_arguments)]
fn one_case(
    s: &Server,
    ctx: &str,
    sql: &str,
    role: &str,
    owner: &str,
    schemas: &[String],
    db: &str,
    form: &Intent,
) {
    let su = |db: &str, q: &str, vars: &[(&str, &str)]| {
        s.psql_vars("postgres", SU_PASSWORD, db, q, vars)
            .unwrap_or_else(|e| panic!("{ctx}: fixture SQL failed: {e}\n{q}"))
    };
    let new_db = db != "hostile" && db != "postgres";
    if new_db {
        su("postgres", "CREATE DATABASE :\"db\";", &[("db", db)]);
    }
    if owner != "postgres" {
        su("postgres", "CREATE ROLE :\"o\";", &[("o", owner)]);
    }
    let mut distinct = schemas.to_vec();
    distinct.sort();
    distinct.dedup();
    for sch in &distinct {
        su(
            db,
            "CREATE SCHEMA IF NOT EXISTS :\"s\" AUTHORIZATION :\"o\";
                CREATE TABLE :\"s\".t (x int); INSERT INTO :\"s\".t VALUES (1);
                ALTER TABLE :\"s\".t OWNER TO :\"o\";
                ALTER TABLE :\"s\".t ENABLE ROW LEVEL SECURITY;",
            &[("s", sch), ("o", owner)],
        );
    }
    let roles_before = su("postgres", "SELECT count(*) FROM pg_roles;", &[]);
    // An empty role field means the default role, which an earlier scenario made.
    let existed = su(
        "postgres",
        "SELECT count(*) FROM pg_roles WHERE rolname = :'r';",
        &[("r", role)],
    );
    let run = sql.replace("[[REPLACE_WITH_PASSWORD]]", "'pw'");
    s.psql("postgres", SU_PASSWORD, db, &run)
        .unwrap_or_else(|e| panic!("{ctx}: script failed: {e}\n--- script ---\n{run}"));
    // Exactly one new role, with exactly the typed name, and the grants on exactly the
    // typed schemas.
    let roles_after = su("postgres", "SELECT count(*) FROM pg_roles;", &[]);
    assert_eq!(
        roles_after.trim().parse::<i64>().unwrap(),
        roles_before.trim().parse::<i64>().unwrap() + 1 - existed.trim().parse::<i64>().unwrap(),
        "{ctx}: role count"
    );
    let check = su(
        db,
        "SELECT (SELECT count(*) FROM pg_roles WHERE rolname = :'r'),
                has_database_privilege(:'r', current_database(), 'CONNECT'),
                (SELECT count(*) FROM pg_default_acl WHERE defaclrole = (SELECT oid FROM pg_roles WHERE rolname = :'o'));",
        &[("r", role), ("o", owner)],
    );
    // Default privileges: the original's four global ones, or three in each listed
    // schema (tables, sequences, functions; no future schemas in a listed scope).
    let defaults = if form.scope == Scope::Listed {
        3 * distinct.len()
    } else {
        4
    };
    assert_eq!(
        check.trim(),
        format!("1|t|{defaults}"),
        "{ctx}: role / connect / default privileges"
    );
    for sch in &distinct {
        let got = su(
            db,
            "SELECT has_schema_privilege(:'r', :'s', 'USAGE'),
                    has_table_privilege(:'r', format('%I.t', :'s'), 'SELECT'),
                    has_table_privilege(:'r', format('%I.t', :'s'), 'INSERT'),
                    (SELECT count(*) FROM pg_policies WHERE schemaname = :'s');",
            &[("r", role), ("s", sch)],
        );
        let want_policy = if form.rls { 1 } else { 0 };
        assert_eq!(
            got.trim(),
            format!("t|t|f|{want_policy}"),
            "{ctx}: schema {sch:?}"
        );
    }
    if form.rls && !distinct.is_empty() {
        let p = su(db, "SELECT DISTINCT policyname FROM pg_policies;", &[]);
        assert_eq!(
            p.trim(),
            generate(form).policy_name.unwrap(),
            "{ctx}: policy name"
        );
    }
    // Clean up for the next case.
    for sch in &distinct {
        if sch == "public" {
            su(db, "DROP TABLE public.t;", &[]);
        } else {
            su(db, "DROP SCHEMA :\"s\" CASCADE;", &[("s", sch)]);
        }
    }
    su(db, "DROP OWNED BY :\"r\";", &[("r", role)]);
    if owner != "postgres" {
        su(db, "DROP OWNED BY :\"o\";", &[("o", owner)]);
    }
    if new_db {
        su("postgres", "DROP DATABASE :\"db\";", &[("db", db)]);
    } else {
        su("postgres", "DROP OWNED BY :\"r\";", &[("r", role)]);
    }
    if existed.trim() == "0" {
        su("postgres", "DROP ROLE :\"r\";", &[("r", role)]);
    }
    if owner != "postgres" {
        su("postgres", "DROP ROLE :\"o\";", &[("o", owner)]);
    }
}
