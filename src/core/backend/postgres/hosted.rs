//! Grants as a hosted provider's administrator may make them. There the script runs as
//! a role that is not a superuser (Supabase's `postgres`, `neondb_owner`, an
//! `rds_superuser` member…): `GRANT … ON ALL TABLES IN SCHEMA` would end in a WARNING
//! for every object it does not own or hold with grant option, and verify would then
//! expect what can never be granted. On a provider, setup grants object by object on
//! exactly what the running role may grant, and verify expects exactly that (so verify
//! runs as the same role).

use std::fmt::Write;

pub use crate::core::privileges::Class;

/// `(alias, has_*_privilege, what lists the objects of schema s)` for a kind of object.
fn parts(class: Class) -> (&'static str, &'static str, &'static str) {
    match class {
            Class::Tables => (
                "c",
                "has_table_privilege",
                "SELECT c.oid::regclass::text AS name FROM pg_class c\n       WHERE c.relnamespace = s.oid AND c.relkind IN ('r', 'p', 'v', 'm', 'f')",
            ),
            Class::Sequences => (
                "c",
                "has_sequence_privilege",
                "SELECT c.oid::regclass::text AS name FROM pg_class c\n       WHERE c.relnamespace = s.oid AND c.relkind = 'S'",
            ),
            Class::Functions => (
                "f",
                "has_function_privilege",
                "SELECT f.oid::regprocedure::text AS name FROM pg_proc f\n       WHERE f.pronamespace = s.oid AND f.prokind IN ('f', 'a', 'w')",
            ),
    }
}

/// The keyword before an object's name in GRANT.
fn keyword(class: Class) -> &'static str {
    match class {
        Class::Tables => "TABLE",
        Class::Sequences => "SEQUENCE",
        Class::Functions => "FUNCTION",
    }
}

/// ` AND has_…_privilege(alias.oid, 'P WITH GRANT OPTION')` for each privilege: the
/// objects the running role may grant `privs` on. Empty off a provider.
pub fn grantable(hosted: bool, class: Class, privs: &[&str]) -> String {
    if !hosted {
        return String::new();
    }
    let (alias, check, _) = parts(class);
    privs
        .iter()
        .map(|p| {
            let test = format!("{check}({alias}.oid, '{p} WITH GRANT OPTION')");
            match class {
                // The planner may test any row of pg_class before the relkind filter,
                // and has_sequence_privilege raises on what is not a sequence.
                Class::Sequences => format!(" AND CASE WHEN c.relkind = 'S' THEN {test} END"),
                _ => format!(" AND {test}"),
            }
        })
        .collect()
}

/// ` AND …`: a schema over `n` is in scope when the running role may grant each of
/// `privs` on it, or everyone has them already (`public` on PostgreSQL 14, owned by the
/// bootstrap superuser). Empty off a provider.
pub fn schema_in_reach(hosted: bool, privs: &[&str]) -> String {
    if !hosted {
        return String::new();
    }
    let mut f: String = privs
        .iter()
        .map(|p| {
            format!(
                "\n     AND (has_schema_privilege(n.oid, '{p} WITH GRANT OPTION') OR has_schema_privilege('public', n.oid, '{p}'))"
            )
        })
        .collect();
    if privs.is_empty() {
        f.push_str("\n     AND has_schema_privilege(n.oid, 'USAGE')");
    }
    f
}

/// The hosted sweep: a DO body's statements, run for each schema `s` (`oid`,
/// `nspname`) the loop query yields. Expects `target_role`, `s`, `o` and `skipped`
/// (text) declared. What is in scope but out of the running role's reach is never
/// skipped silently: a NOTICE names it (the schemas before the loop, the objects of
/// each kind in each schema after its grants), and verify, run as the same role,
/// expects exactly the rest.
pub struct Sweep<'a> {
    /// Privileges on each schema.
    pub schema_privs: &'a [&'a str],
    /// Privileges on the objects of each kind.
    pub objects: Vec<(Class, Vec<&'a str>)>,
}

impl Sweep<'_> {
    /// `FOR s IN <schemas> LOOP … END LOOP;` granting what the running role may grant.
    /// `more` goes at the end of the loop's body.
    /// `reach` is the part of `schemas` that keeps what is out of reach out.
    pub fn render(&self, schemas: &str, reach: &str, indent: &str, more: &str) -> String {
        let mut b = String::new();
        if !reach.is_empty() {
            let _ = writeln!(
                b,
                "{indent}SELECT string_agg(quote_ident(x.nspname), ', ') INTO skipped FROM ({}) x
{indent}  WHERE x.oid NOT IN (SELECT y.oid FROM ({}) y);
{indent}IF skipped IS NOT NULL THEN
{indent}  RAISE NOTICE 'Not granted on schemas %: % may not grant on them (ask their owner, or leave them out)', skipped, current_user;
{indent}END IF;",
                schemas.replace(reach, "").trim_start(),
                schemas.trim_start(),
            );
        }
        let _ = write!(b, "{indent}FOR s IN\n{schemas}\n{indent}LOOP\n");
        for p in self.schema_privs {
            let _ = writeln!(
                b,
                "{indent}  IF has_schema_privilege(s.oid, '{p} WITH GRANT OPTION') THEN
{indent}    EXECUTE format('GRANT {p} ON SCHEMA %I TO %I', s.nspname, target_role);
{indent}  END IF;"
            );
        }
        for (class, privs) in &self.objects {
            if privs.is_empty() {
                continue;
            }
            let (_, _, list) = parts(*class);
            let _ = writeln!(
                b,
                "{indent}  FOR o IN {list}{}
{indent}  LOOP
{indent}    EXECUTE format('GRANT {} ON {} %s TO %I', o.name, target_role);
{indent}  END LOOP;",
                grantable(true, *class, privs),
                privs.join(", "),
                keyword(*class)
            );
            let _ = writeln!(
                b,
                "{indent}  SELECT string_agg(x.name, ', ') INTO skipped FROM ({list} AND NOT (true{})) x;
{indent}  IF skipped IS NOT NULL THEN
{indent}    RAISE NOTICE 'Not granted {} on %: % may not grant it there (ask the owner, or leave them out)', skipped, current_user;
{indent}  END IF;",
                grantable(true, *class, privs),
                privs.join(", ")
            );
        }
        b.push_str(more);
        let _ = writeln!(b, "{indent}END LOOP;");
        b
    }
}

/// PL/pgSQL that stops the script before any grant when a listed schema is missing or
/// out of the running role's reach: the user asked for it, so skipping it silently
/// would be wrong. Expects `s` declared.
pub fn listed_check(array: &str, reach: &str) -> String {
    format!(
        "  FOR s IN SELECT x AS nspname FROM unnest({array}::text[]) x LOOP
    IF NOT EXISTS (SELECT 1 FROM pg_namespace n WHERE n.nspname = s.nspname{reach}) THEN
      RAISE EXCEPTION 'Schema % does not exist here, or % may not grant on it', s.nspname, current_user;
    END IF;
  END LOOP;
"
    )
}

/// Who may run verify: on a provider it expects what the running role may grant.
pub(crate) fn verify_runner(hosted: bool) -> &'static str {
    if hosted {
        "as the role that ran the setup"
    } else {
        "as any role"
    }
}
