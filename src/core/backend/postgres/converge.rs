//! A preset's setup takes back, in its scope, what the user holds beyond the preset:
//! read-only after read/write used to leave INSERT, UPDATE, DELETE, CREATE on the schema
//! and the write default privileges in place, so "read-only" kept writing (and verify,
//! which looks only for what is missing, passed). Setup converges instead: whatever
//! another preset, an earlier run or a hand grant left (column grants and grant options
//! included) goes, object by object, in the same transaction as the grants, so there is
//! no moment without them. What the user owns (the read/write connector's own tables)
//! is its own, and left alone. Verify lists the same extras as FAIL rows, so a grant
//! beyond the preset shows up there too, not only a missing one.

use std::fmt::Write;

use crate::core::quote::pg::dollar_quote;

/// `ARRAY['A', 'B']::text[]` of privilege names the generator writes itself.
pub(crate) fn names(v: &[&str]) -> String {
    let items: Vec<String> = v.iter().map(|x| format!("'{x}'")).collect();
    format!("ARRAY[{}]::text[]", items.join(", "))
}

/// One loop: over `rows` (a SELECT yielding `priv`, `grantable`, `keep` and what
/// `statement` needs), revoking each privilege that is not kept, and the grant option of
/// each one that is. `statement` is a `format(…)` call with `@PRIV@` where the privilege
/// goes. CASCADE: where the user passed a grant on, that goes too (else PostgreSQL
/// refuses with "dependent privileges exist").
fn revoke_loop(out: &mut String, rows: &str, statement: &str) {
    let privilege =
        "CASE WHEN r.priv = ANY (r.keep) THEN 'GRANT OPTION FOR ' ELSE '' END || r.priv";
    let _ = write!(
        out,
        "
  FOR r IN
    {rows}
  LOOP
    CONTINUE WHEN r.priv = ANY (r.keep) AND NOT r.grantable;
    EXECUTE {};
  END LOOP;
",
        statement.replace("@PRIV@", privilege)
    );
}

/// One kind of privilege the user may hold in scope: a SELECT over the catalogs (columns
/// `label`, `priv`, `grantable`, `keep` and what `statement` needs, for the role
/// `target_oid`), the statement that revokes one row (`@PRIV@` where the privilege goes)
/// and what verify calls it.
struct Source {
    what: &'static str,
    rows: String,
    statement: &'static str,
}

/// What a setup keeps in its scope: the schemas (`filter`, a condition over
/// `pg_namespace n`) and, per kind, the privileges it grants (`ARRAY[…]::text[]`), the
/// default privileges only when `future`.
pub(crate) struct Keep {
    /// The schemas in scope.
    pub filter: String,
    /// On the database.
    pub db: String,
    /// On each schema.
    pub schema: String,
    /// On tables and views.
    pub tables: String,
    /// On sequences.
    pub seqs: String,
    /// On functions.
    pub funcs: String,
    /// Default privileges are granted (for the same kinds).
    pub future: bool,
}

/// Every kind of privilege the user may hold in scope, with what the setup keeps.
fn sources(k: &Keep) -> Vec<Source> {
    let Keep {
        filter,
        db,
        schema,
        tables,
        seqs,
        funcs,
        future: _,
    } = k;
    let none = names(&[]);
    let future = |v: &str| {
        if k.future {
            v.to_string()
        } else {
            none.clone()
        }
    };
    vec![
        Source {
            what: "'database'",
            rows: format!(
                "SELECT current_database()::text AS label, a.privilege_type AS priv, a.is_grantable AS grantable, {db} AS keep
      FROM pg_database d, aclexplode(d.datacl) a
     WHERE d.datname = current_database() AND a.grantee = target_oid AND d.datdba <> target_oid"
            ),
            statement: "format('REVOKE %s ON DATABASE %I FROM %I CASCADE', @PRIV@, current_database(), target_role)",
        },
        Source {
            what: "'schema'",
            rows: format!(
                "SELECT format('%I', n.nspname) AS label, n.nspname, a.privilege_type AS priv, a.is_grantable AS grantable, {schema} AS keep
      FROM pg_namespace n, aclexplode(n.nspacl) a
     WHERE {filter}
       AND a.grantee = target_oid AND n.nspowner <> target_oid"
            ),
            statement: "format('REVOKE %s ON SCHEMA %I FROM %I CASCADE', @PRIV@, r.nspname, target_role)",
        },
        Source {
            what: "lower(x.kind)",
            rows: format!(
                "SELECT format('%I.%I', n.nspname, c.relname) AS label, c.oid::regclass::text AS obj,
           CASE WHEN c.relkind = 'S' THEN 'SEQUENCE' ELSE 'TABLE' END AS kind,
           a.privilege_type AS priv, a.is_grantable AS grantable,
           CASE WHEN c.relkind = 'S' THEN {seqs} ELSE {tables} END AS keep
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace, aclexplode(c.relacl) a
     WHERE {filter}
       AND a.grantee = target_oid AND c.relowner <> target_oid"
            ),
            statement: "format('REVOKE %s ON %s %s FROM %I CASCADE', @PRIV@, r.kind, r.obj, target_role)",
        },
        // The presets grant no column privileges: every one held is beyond them.
        Source {
            what: "'column'",
            rows: format!(
                "SELECT format('%I.%I.%I', n.nspname, c.relname, att.attname) AS label,
           c.oid::regclass::text AS obj, att.attname, a.privilege_type AS priv,
           a.is_grantable AS grantable, {none} AS keep
      FROM pg_attribute att JOIN pg_class c ON c.oid = att.attrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace, aclexplode(att.attacl) a
     WHERE {filter}
       AND a.grantee = target_oid AND c.relowner <> target_oid"
            ),
            statement: "format('REVOKE %s (%I) ON TABLE %s FROM %I CASCADE', @PRIV@, r.attname, r.obj, target_role)",
        },
        Source {
            what: "'function'",
            rows: format!(
                "SELECT format('%I.%I(%s)', n.nspname, f.proname, pg_get_function_identity_arguments(f.oid)) AS label,
           f.oid::regprocedure::text AS obj,
           a.privilege_type AS priv, a.is_grantable AS grantable, {funcs} AS keep
      FROM pg_proc f JOIN pg_namespace n ON n.oid = f.pronamespace, aclexplode(f.proacl) a
     WHERE {filter}
       AND a.grantee = target_oid AND f.proowner <> target_oid"
            ),
            statement: "format('REVOKE %s ON ROUTINE %s FROM %I CASCADE', @PRIV@, r.obj, target_role)",
        },
        // Whoever they are for: another preset's owner list leaves its own.
        Source {
            what: "'default privilege ' || lower(x.kind)",
            rows: format!(
                "SELECT format('%I ', n.nspname) || 'for objects created by ' || pg_get_userbyid(d.defaclrole) AS label,
           pg_get_userbyid(d.defaclrole) AS owner, n.nspname,
           CASE d.defaclobjtype WHEN 'r' THEN 'TABLES' WHEN 'S' THEN 'SEQUENCES'
                WHEN 'f' THEN 'FUNCTIONS' WHEN 'T' THEN 'TYPES' ELSE 'SCHEMAS' END AS kind,
           a.privilege_type AS priv, a.is_grantable AS grantable,
           CASE d.defaclobjtype WHEN 'r' THEN {} WHEN 'S' THEN {} WHEN 'f' THEN {}
                ELSE {none} END AS keep
      FROM pg_default_acl d JOIN pg_namespace n ON n.oid = d.defaclnamespace, aclexplode(d.defaclacl) a
     WHERE {filter}
       AND a.grantee = target_oid AND d.defaclrole <> target_oid",
                future(tables),
                future(seqs),
                future(funcs),
            ),
            statement: "format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA %I REVOKE %s ON %s FROM %I CASCADE', r.owner, r.nspname, @PRIV@, r.kind, target_role)",
        },
    ]
}

/// The DO block that takes back what `role` (a literal) holds in scope beyond `k`
/// (nothing for a new role).
pub(crate) fn take_back(role: &str, k: &Keep) -> String {
    let mut b = format!(
        "
DECLARE
  target_role text := {role};
  target_oid oid := (SELECT oid FROM pg_roles WHERE rolname = {role});
  r record;
BEGIN
  IF target_oid IS NULL THEN
    RETURN;
  END IF;"
    );
    for s in sources(k) {
        revoke_loop(&mut b, &s.rows, s.statement);
    }
    b.push_str("END\n");
    format!(
        "-- Take back what the user holds here beyond this preset (another preset, a hand\n-- grant): a re-run with any preset ends with exactly this one's privileges\nDO {} LANGUAGE plpgsql;",
        dollar_quote(&b)
    )
}

/// Verify's rows for what the user holds in scope beyond `k`, each a FAIL (`UNION ALL`
/// lines after the other checks; the role's oid from CTE `r`).
pub(crate) fn verify_extras(k: &Keep) -> String {
    let mut q = String::new();
    for s in sources(k) {
        let _ = write!(
            q,
            "
  UNION ALL
  SELECT 9, 'extra ' || {} || ' ' || CASE WHEN x.priv = ANY (x.keep) THEN 'GRANT OPTION FOR ' ELSE '' END || x.priv,
         x.label, false
    FROM ({}) x
   WHERE NOT (x.priv = ANY (x.keep) AND NOT x.grantable)",
            s.what,
            s.rows.replace("target_oid", "(SELECT oid FROM r)")
        );
    }
    q
}
