//! The stand-in database the dry run builds before the setup script: the form's
//! schemas (or sample ones for "all schemas"), its owner roles, and in each schema a
//! table with rows, a view, a sequence and a function owned by the first owner (and a
//! table with row-level security when the form asks for policies), plus one schema
//! the form leaves out, which the new user must not reach.

use crate::core::quote::pg::{Ident, Literal};

/// The stand-in objects' names (fixed, so the probes and the reader know them).
pub const TABLE: &str = "dry_run_table";
/// The view over [`TABLE`].
pub const VIEW: &str = "dry_run_view";
/// The sequence.
pub const SEQUENCE: &str = "dry_run_seq";
/// The function (`() RETURNS int`).
pub const FUNCTION: &str = "dry_run_fn";
/// The table with row-level security (RLS on only).
pub const RLS_TABLE: &str = "dry_run_rls";
/// The table an owner creates after setup: default privileges reach it or not.
pub const LATER_TABLE: &str = "dry_run_later";
/// The schema the form leaves out (listed schemas only).
pub const UNLISTED: &str = "dry_run_unlisted";
/// Rows in each stand-in table.
pub const ROWS: u32 = 3;

/// `schema.name`, both quoted.
pub fn qualified(schema: &Ident, name: &str) -> String {
    format!("{schema}.{}", fixed(name))
}

/// A fixed stand-in name as an identifier (they are short, plain and valid).
pub fn fixed(name: &str) -> Ident {
    Ident::new(name).expect("stand-in names are valid identifiers")
}

/// The statements that build the stand-in, run as the superuser before setup.
/// `owners` are created unless they exist (the superuser [`super::SUPERUSER`], or `runner`,
/// a provider's administrator made with its roles); objects belong to `first` (the
/// first owner, else the runner). With `defaults` (the script sets the owners' default
/// privileges) a `runner` that is not the superuser is granted each owner it did not
/// make, as a working setup needs: `ALTER DEFAULT PRIVILEGES FOR ROLE` wants the
/// owner's privileges from PostgreSQL 16 (PGlite is 17), or the setup's first check
/// stops (`guard.rs`, `owner_checks`). A plain GRANT, so the plan runs on 14 and 15
/// too: the administrators' stand-ins are INHERIT roles, so from 16 the grant's
/// INHERIT option is TRUE by default (seen on 16, 17 and 18).
pub fn statements(
    schemas: &[Ident],
    unlisted: &[Ident],
    owners: &[Ident],
    first: &Ident,
    runner: &Ident,
    rls: bool,
    defaults: bool,
) -> Vec<String> {
    let mut v = Vec::new();
    let made = |o: &Ident| o.raw() == super::SUPERUSER || o == runner;
    for o in owners.iter().filter(|o| !made(o)) {
        v.push(format!("CREATE ROLE {o} NOLOGIN"));
        if defaults && runner.raw() != super::SUPERUSER {
            v.push(format!("GRANT {o} TO {runner}"));
        }
    }
    for s in schemas.iter().chain(unlisted) {
        if s.raw() != "public" {
            v.push(format!("CREATE SCHEMA {s} AUTHORIZATION {first}"));
        } else if first.raw() != super::SUPERUSER {
            // Since PostgreSQL 15 schema public belongs to pg_database_owner and only
            // it may create there: the owner of the application's tables in public
            // has been given CREATE on it.
            v.push(format!("GRANT USAGE, CREATE ON SCHEMA {s} TO {first}"));
        }
        let (t, view, seq, f) = (
            qualified(s, TABLE),
            qualified(s, VIEW),
            qualified(s, SEQUENCE),
            qualified(s, FUNCTION),
        );
        v.push(format!("CREATE TABLE {t} (id int, note text)"));
        v.push(format!(
            "INSERT INTO {t} SELECT n, 'row ' || n FROM generate_series(1, {ROWS}) n"
        ));
        v.push(format!("ALTER TABLE {t} OWNER TO {first}"));
        v.push(format!("CREATE VIEW {view} AS SELECT * FROM {t}"));
        v.push(format!("ALTER VIEW {view} OWNER TO {first}"));
        v.push(format!("CREATE SEQUENCE {seq}"));
        v.push(format!("ALTER SEQUENCE {seq} OWNER TO {first}"));
        v.push(format!(
            "CREATE FUNCTION {f}() RETURNS int LANGUAGE sql AS {}",
            Literal::new("SELECT 42").expect("plain text")
        ));
        v.push(format!("ALTER FUNCTION {f}() OWNER TO {first}"));
        // Every role may run a new function (PUBLIC's default EXECUTE): taken back on
        // the stand-in so the probe shows what the script itself grants.
        v.push(format!("REVOKE EXECUTE ON FUNCTION {f}() FROM PUBLIC"));
        if rls {
            let r = qualified(s, RLS_TABLE);
            v.push(format!("CREATE TABLE {r} (id int)"));
            v.push(format!("INSERT INTO {r} SELECT generate_series(1, {ROWS})"));
            v.push(format!("ALTER TABLE {r} ENABLE ROW LEVEL SECURITY"));
            v.push(format!("ALTER TABLE {r} OWNER TO {first}"));
        }
    }
    v
}

/// After setup: the first owner creates a table in each schema, which default
/// privileges (the "future objects" promise) reach or not. Run as the superuser, which
/// takes the owner's identity for the `CREATE` and comes back.
pub fn later(schemas: &[Ident], creator: &Ident) -> Vec<String> {
    let mut v = vec![format!("SET SESSION AUTHORIZATION {creator}")];
    for s in schemas {
        let t = qualified(s, LATER_TABLE);
        v.push(format!("CREATE TABLE {t} (id int)"));
        v.push(format!("INSERT INTO {t} VALUES (1)"));
    }
    v.push(format!(
        "SET SESSION AUTHORIZATION {}",
        fixed(super::SUPERUSER)
    ));
    v
}
