//! The inspect query: everything a PostgreSQL user has, one line per fact, for the drift
//! check. Read-only; `psql -At` prints it as lines a person can paste back. Each line is
//! tab-separated fields, names escaped (`\\`, `\t`, `\n`, `\r`), so any name reads back
//! exactly; the first line names the format, the user and the database, the last one
//! counts the facts, so a foreign, cut or another user's paste is told apart
//! ([`crate::core::drift`]). Besides the user's facts it lists the objects the setup
//! grants on (`object` lines: the schemas in scope and their tables, sequences and
//! functions, as the role running it sees them), so the check can tell what is missing.

use super::hosted::grantable;
use super::trigger::withheld;
use crate::core::drift::expect::kind;
use crate::core::drift::format::{scope_tag, HEADER, TRAILER, VERSION};
use crate::core::drift::Expect;
use crate::core::privileges::Class;
use crate::core::quote::pg::Literal;

/// The inspect query for the user named `role` (run in the database it connects to):
/// `schemas` selects the schemas in scope as `(oid, nspname)` and `objects` is the
/// `UNION ALL …` of the `object` facts over them (see [`crate::core::drift::Expect`]).
///
/// ```
/// use grantsmith::core::backend::postgres::inspect::inspect_sql;
/// let q = inspect_sql("o'neil", "SELECT n.oid, n.nspname FROM pg_namespace n WHERE false", "");
/// assert!(q.contains("rolname = 'o''neil'"));
/// assert!(q.starts_with("-- Everything the user has"));
/// ```
pub fn inspect_sql(role: &str, schemas: &str, objects: &str) -> String {
    let lit = Literal::generated(role);
    let tag = scope_tag(&format!("{schemas}{objects}"));
    format!(
        r"-- Everything the user has, one line per fact (tab-separated fields). Read-only: run
-- it in the database the user connects to with psql -At, which prints one plain line
-- per row; the first and last lines frame the facts, so a cut copy is told apart.
WITH RECURSIVE r AS (SELECT oid FROM pg_roles WHERE rolname = {lit}),
m (roleid, admin, depth) AS (
  SELECT a.roleid, a.admin_option, 1 FROM pg_auth_members a WHERE a.member = (SELECT oid FROM r)
  UNION
  SELECT a.roleid, a.admin_option, m.depth + 1 FROM pg_auth_members a JOIN m ON a.member = m.roleid
   WHERE m.depth < 32
),
-- Each role the user belongs to, and every role that one belongs to in turn.
reach (top, roleid, depth) AS (
  SELECT m.roleid, m.roleid, 0 FROM m
  UNION
  SELECT reach.top, a.roleid, reach.depth + 1 FROM pg_auth_members a JOIN reach ON a.member = reach.roleid
   WHERE reach.depth < 32
),
-- Roles that may change data or structure, or hand privileges on: an attribute, a write
-- privilege, a grant option, or ownership. A member may do what they may.
w (roleid) AS (
  SELECT oid FROM pg_roles WHERE rolsuper OR rolcreaterole OR rolcreatedb OR rolbypassrls OR rolreplication
  UNION SELECT a.grantee FROM pg_class c, LATERAL aclexplode(c.relacl) a
   WHERE a.is_grantable OR a.privilege_type IN ('INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'MAINTAIN')
  UNION SELECT a.grantee FROM pg_attribute t, LATERAL aclexplode(t.attacl) a
   WHERE a.is_grantable OR a.privilege_type IN ('INSERT', 'UPDATE')
  UNION SELECT a.grantee FROM pg_namespace n, LATERAL aclexplode(n.nspacl) a
   WHERE a.is_grantable OR a.privilege_type = 'CREATE'
  UNION SELECT a.grantee FROM pg_database d, LATERAL aclexplode(d.datacl) a
   WHERE d.datname = current_database() AND (a.is_grantable OR a.privilege_type = 'CREATE')
  UNION SELECT relowner FROM pg_class
  UNION SELECT nspowner FROM pg_namespace
),
s (oid, nspname) AS (
  {schemas}
),
g (grantable) AS (VALUES (ARRAY['', 'grantable'])),
facts (f) AS (
  -- Attributes that widen what the user may do, and LOGIN and INHERIT as they are.
  SELECT ARRAY['attr', a.attr]::text[] FROM pg_roles p, LATERAL (VALUES ('SUPERUSER', p.rolsuper),
      ('CREATEDB', p.rolcreatedb), ('CREATEROLE', p.rolcreaterole), ('REPLICATION', p.rolreplication),
      ('BYPASSRLS', p.rolbypassrls), ('NOLOGIN', NOT p.rolcanlogin), ('NOINHERIT', NOT p.rolinherit)) a(attr, set)
   WHERE p.oid = (SELECT oid FROM r) AND a.set
  UNION ALL
  -- When the password stops working, in UTC; empty for never (none, or infinity). Always
  -- one line, so a paste without it (an older query's) is told from one without expiry.
  SELECT ARRAY['expires', CASE WHEN p.rolvaliduntil IS NULL OR p.rolvaliduntil = 'infinity' THEN ''
         WHEN isfinite(p.rolvaliduntil) THEN to_char(p.rolvaliduntil AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS')
         ELSE p.rolvaliduntil::text END]::text[]
    FROM pg_roles p WHERE p.oid = (SELECT oid FROM r)
  UNION ALL
  SELECT ARRAY['member', pg_get_userbyid(m.roleid), CASE WHEN m.depth = 1 THEN 'direct' ELSE 'inherited' END,
         CASE WHEN m.admin THEN 'admin' ELSE '' END]::text[] FROM m
  UNION ALL
  SELECT ARRAY['writer', pg_get_userbyid(x.top)]::text[] FROM reach x JOIN w ON w.roleid = x.roleid
  UNION ALL
  SELECT ARRAY['database', d.datname, a.privilege_type, (SELECT grantable[a.is_grantable::int + 1] FROM g)]::text[]
    FROM pg_database d, LATERAL aclexplode(d.datacl) a
   WHERE d.datname = current_database() AND a.grantee = (SELECT oid FROM r)
  UNION ALL
  SELECT ARRAY['schema', n.nspname, a.privilege_type, (SELECT grantable[a.is_grantable::int + 1] FROM g)]::text[]
    FROM pg_namespace n, LATERAL aclexplode(n.nspacl) a WHERE a.grantee = (SELECT oid FROM r)
  UNION ALL
  SELECT ARRAY[CASE WHEN c.relkind = 'S' THEN 'sequence' ELSE 'table' END, n.nspname, c.relname, a.privilege_type,
         (SELECT grantable[a.is_grantable::int + 1] FROM g)]::text[]
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace, LATERAL aclexplode(c.relacl) a
   WHERE a.grantee = (SELECT oid FROM r) AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
  UNION ALL
  SELECT ARRAY['column', n.nspname, c.relname, t.attname, a.privilege_type,
         (SELECT grantable[a.is_grantable::int + 1] FROM g)]::text[]
    FROM pg_attribute t JOIN pg_class c ON c.oid = t.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace,
         LATERAL aclexplode(t.attacl) a
   WHERE a.grantee = (SELECT oid FROM r) AND NOT t.attisdropped
  UNION ALL
  SELECT ARRAY['function', n.nspname, p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')',
         a.privilege_type, (SELECT grantable[a.is_grantable::int + 1] FROM g)]::text[]
    FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace, LATERAL aclexplode(p.proacl) a
   WHERE a.grantee = (SELECT oid FROM r)
  UNION ALL
  SELECT ARRAY['default', pg_get_userbyid(d.defaclrole), coalesce(n.nspname, ''), d.defaclobjtype::text,
         a.privilege_type, (SELECT grantable[a.is_grantable::int + 1] FROM g)]::text[]
    FROM pg_default_acl d LEFT JOIN pg_namespace n ON n.oid = d.defaclnamespace, LATERAL aclexplode(d.defaclacl) a
   WHERE a.grantee = (SELECT oid FROM r)
  UNION ALL
  SELECT ARRAY['policy', n.nspname, c.relname, p.polname]::text[]
    FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE (SELECT oid FROM r) = ANY (p.polroles)
  UNION ALL
  SELECT ARRAY['owns', CASE WHEN c.relkind = 'S' THEN 'sequence' ELSE 'table' END, n.nspname, c.relname]::text[]
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relowner = (SELECT oid FROM r)
  UNION ALL
  SELECT ARRAY['owns', 'schema', n.nspname, '']::text[] FROM pg_namespace n WHERE n.nspowner = (SELECT oid FROM r)
  UNION ALL
  SELECT ARRAY['owns', 'function', n.nspname, p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')']::text[]
    FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE p.proowner = (SELECT oid FROM r)
  UNION ALL
  SELECT ARRAY['owns', 'database', '', d.datname]::text[] FROM pg_database d WHERE d.datdba = (SELECT oid FROM r)
  -- The objects the setup grants on, as the role running this sees them.
  UNION ALL
  SELECT ARRAY['object', 'schema', s.nspname, '', (SELECT string_agg(a.privilege_type, ',')
         FROM pg_namespace n, aclexplode(coalesce(n.nspacl, acldefault('n', n.nspowner))) a
         WHERE n.oid = s.oid AND a.grantee = 0)]::text[] FROM s{objects}
),
-- Every field escaped (\\, tab, line feed, carriage return), joined by tabs.
lines (part, line) AS (
  SELECT part, (SELECT string_agg(replace(replace(replace(replace(coalesce(x, ''), '\', '\\'),
                 E'\t', '\t'), E'\n', '\n'), E'\r', '\r'), E'\t' ORDER BY o)
                  FROM unnest(f) WITH ORDINALITY u(x, o))
    FROM (SELECT 0 AS part, ARRAY['{HEADER}', '{VERSION}', {lit}, current_database(),
                 CASE WHEN (SELECT oid FROM r) IS NULL THEN 'missing' ELSE 'exists' END,
                 current_user, '{tag}']::text[] AS f
          UNION ALL
          SELECT DISTINCT 1, f FROM facts) x
)
SELECT line FROM (
  SELECT part, line FROM lines
  UNION ALL
  SELECT 2, '{TRAILER}' || E'\t' || (SELECT count(*) FROM lines WHERE part = 1)
) y ORDER BY part, line;"
    )
}

/// The `UNION ALL` lines listing the objects in scope that the setup grants on, each
/// with what PUBLIC holds on it (a grant the setup may not make, like USAGE on
/// `public` before PostgreSQL 15, is there for everyone).
pub fn object_facts(e: &Expect) -> String {
    let mut q = String::new();
    for (class, privs) in e.objects.iter().filter(|(_, p)| !p.is_empty()) {
        let filter = grantable(e.hosted, *class, privs);
        let (name, from, acl) = match class {
            Class::Functions => (
                "f.proname || '(' || pg_get_function_identity_arguments(f.oid) || ')'",
                "pg_proc f ON f.pronamespace = s.oid AND f.prokind IN ('f', 'a', 'w')",
                "coalesce(f.proacl, acldefault('f', f.proowner))",
            ),
            Class::Sequences => (
                "c.relname",
                "pg_class c ON c.relnamespace = s.oid AND c.relkind = 'S'",
                "coalesce(c.relacl, acldefault('s', c.relowner))",
            ),
            Class::Tables => (
                "c.relname",
                "pg_class c ON c.relnamespace = s.oid AND c.relkind IN ('r', 'p', 'v', 'm', 'f')",
                "coalesce(c.relacl, acldefault('r', c.relowner))",
            ),
        };
        q.push_str(&format!(
            "\n  UNION ALL\n  SELECT ARRAY['object', '{}', s.nspname, {name}, {}]::text[] FROM s JOIN {from}{filter}",
            kind(*class),
            everyone(acl)
        ));
        if *class == Class::Tables && privs.contains(&"TRIGGER") {
            q.push_str(&format!(
                "\n  UNION ALL\n  SELECT ARRAY['withheld', 'table', s.nspname, c.relname, 'TRIGGER']::text[] FROM s JOIN {from}{filter}\n     AND {}",
                withheld("'TRIGGER'", "c.relowner")
            ));
        }
    }
    // TRIGGER in the default privileges of an owner it is withheld from (the same
    // lines in every build: the scope's fingerprint covers them).
    for o in &e.trigger_owners {
        {
            let o = o.literal();
            let owner = format!("(SELECT oid FROM pg_roles WHERE rolname = {o})");
            q.push_str(&format!(
                "\n  UNION ALL\n  SELECT ARRAY['withheld', 'default', {o}, '', 'TRIGGER']::text[] WHERE {}",
                withheld("'TRIGGER'", &owner)
            ));
        }
    }
    q
}

/// The inspect query for what a setup grants.
pub fn query(e: &Expect) -> String {
    inspect_sql(e.role.raw(), &e.schemas, &e.facts_sql)
}

/// The privileges PUBLIC holds in `acl`, comma-separated.
pub(crate) fn everyone(acl: &str) -> String {
    format!(
        "(SELECT string_agg(a.privilege_type, ',' ORDER BY a.privilege_type) FROM aclexplode({acl}) a WHERE a.grantee = 0)"
    )
}
