//! The statements that undo drift, one per row, and each row's words (the fix script
//! that runs them is [`super::script`]). Names from a paste are untrusted text: they
//! reach SQL only as quoted identifiers or literals, and privilege words, attributes and
//! object codes only when they are ones PostgreSQL has; in words, only through
//! [`Comment`].

use super::expect::Expect;
use crate::core::quote::pg::{dollar_quote, Comment, Ident, Literal};

/// Privilege words the catalogs print (`aclexplode`'s `privilege_type`).
const PRIVILEGES: &[&str] = &[
    "SELECT",
    "INSERT",
    "UPDATE",
    "DELETE",
    "TRUNCATE",
    "REFERENCES",
    "TRIGGER",
    "MAINTAIN",
    "USAGE",
    "CREATE",
    "CONNECT",
    "TEMPORARY",
    "EXECUTE",
];

/// Role attributes the inspect query prints, and the clause that takes each back.
const ATTRS: [(&str, &str); 7] = [
    ("SUPERUSER", "NOSUPERUSER"),
    ("CREATEDB", "NOCREATEDB"),
    ("CREATEROLE", "NOCREATEROLE"),
    ("REPLICATION", "NOREPLICATION"),
    ("BYPASSRLS", "NOBYPASSRLS"),
    ("NOLOGIN", "LOGIN"),
    ("NOINHERIT", "INHERIT"),
];

/// `pg_default_acl.defaclobjtype` and the words ALTER DEFAULT PRIVILEGES uses (the
/// lower-case one is for people: `to_lowercase` would bring Unicode's tables into the
/// page).
const DEFAULT_KINDS: [(&str, &str, &str); 5] = [
    ("r", "TABLES", "tables"),
    ("S", "SEQUENCES", "sequences"),
    ("f", "FUNCTIONS", "functions"),
    ("T", "TYPES", "types"),
    ("n", "SCHEMAS", "schemas"),
];

/// A name as SQL quotes it, fit for a comment or the table (control characters escaped).
pub(super) fn q(name: &str) -> String {
    Comment::new(&quoted(name)).to_string()
}

/// `"…"` with `"` doubled, for text that then goes through [`Comment`] whole.
pub(super) fn quoted(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// What a fact is, in words (`fields` with or without the grant option flag), fit for a
/// comment line: every field of a paste, privilege words and attributes as much as
/// names, can hold a line break, so the whole text goes through [`Comment`] once.
pub fn describe(kind: &str, fields: &[String]) -> String {
    Comment::new(&words(kind, fields)).to_string()
}

/// [`describe`]'s text, unescaped.
fn words(kind: &str, fields: &[String]) -> String {
    let q = quoted;
    let f = |n: usize| fields.get(n).map_or("", String::as_str);
    let arity = match kind {
        "database" | "schema" => 2,
        "table" | "sequence" | "function" => 3,
        "default" | "column" => 4,
        _ => usize::MAX,
    };
    let option = if fields.len() > arity && fields[arity] == "grantable" {
        " with grant option"
    } else {
        ""
    };
    let function = |s: &str, name: &str| format!("{}.{name}", q(s));
    match kind {
        "attr" => format!("role attribute {}", f(0)),
        "member" => format!(
            "member of {} ({}{})",
            q(f(0)),
            f(1),
            if f(2) == "admin" {
                ", with admin option"
            } else {
                ""
            }
        ),
        "database" => format!("{} on database {}{option}", f(1), q(f(0))),
        "schema" => format!("{} on schema {}{option}", f(1), q(f(0))),
        "function" => format!("{} on function {}{option}", f(2), function(f(0), f(1))),
        "table" | "sequence" => format!("{} on {kind} {}.{}{option}", f(2), q(f(0)), q(f(1))),
        "column" => format!(
            "{} ({}) on table {}.{}{option}",
            f(3),
            q(f(2)),
            q(f(0)),
            q(f(1))
        ),
        "default" => {
            let what = DEFAULT_KINDS
                .iter()
                .find(|(c, _, _)| *c == f(2))
                .map_or("objects", |(_, _, w)| w);
            let place = match f(1) {
                "" => "anywhere".to_string(),
                s => format!("in schema {}", q(s)),
            };
            format!(
                "default {} on {what} created by {} {place}{option}",
                f(3),
                q(f(0))
            )
        }
        "policy" => format!(
            "policy {} on table {}.{} names the user",
            q(f(2)),
            q(f(0)),
            q(f(1))
        ),
        "owns" if f(0) == "function" => format!("owns function {}", function(f(1), f(2))),
        "owns" => {
            let name = [f(1), f(2)]
                .iter()
                .filter(|n| !n.is_empty())
                .map(|n| q(n))
                .collect::<Vec<_>>()
                .join(".");
            format!("owns {} {name}", f(0))
        }
        _ => kind.to_string(),
    }
}

/// `ALTER ROLE … NOSUPERUSER;` and the like.
pub fn attr(e: &Expect, name: &str) -> Option<String> {
    let (_, back) = ATTRS.iter().find(|(a, _)| *a == name)?;
    Some(format!("ALTER ROLE {} {back};", e.role))
}

/// A name from the paste as an identifier: `None` for one PostgreSQL could not hold
/// (empty, NUL, too long), which then gets no statement.
pub(super) fn name(raw: &str) -> Option<Ident> {
    (!raw.is_empty()).then(|| Ident::new(raw).ok()).flatten()
}

/// `REVOKE group FROM user;`
pub fn leave(e: &Expect, group: &str) -> Option<String> {
    Some(format!("REVOKE {} FROM {};", name(group)?, e.role))
}

/// A known privilege word.
fn privilege(p: &str) -> Option<&str> {
    PRIVILEGES.iter().find(|x| **x == p).copied()
}

/// `ON …` for a fact's object, checked; the function's by look-up (see [`on_function`]).
fn object(kind: &str, fields: &[String]) -> Option<String> {
    let id = |n: usize| name(fields.get(n)?);
    Some(match kind {
        "database" => format!("DATABASE {}", id(0)?),
        "schema" => format!("SCHEMA {}", id(0)?),
        "table" | "column" => format!("TABLE {}.{}", id(0)?, id(1)?),
        "sequence" => format!("SEQUENCE {}.{}", id(0)?, id(1)?),
        _ => return None,
    })
}

/// A function's GRANT or REVOKE: its signature is looked up in the catalog by the
/// printed text, never pasted into the statement.
fn on_function(statement: &str, schema: &str, name: &str, role: &Ident) -> Option<String> {
    let (s, n) = (Literal::new(schema).ok()?, Literal::new(name).ok()?);
    let body = format!(
        "
BEGIN
  EXECUTE format('{statement}', (
    SELECT f.oid::regprocedure FROM pg_proc f JOIN pg_namespace n ON n.oid = f.pronamespace
     WHERE n.nspname = {s}
       AND f.proname || '(' || pg_get_function_identity_arguments(f.oid) || ')' = {n}), {});
END
",
        role.literal()
    );
    Some(format!("DO {} LANGUAGE plpgsql;", dollar_quote(&body)))
}

/// `ALTER DEFAULT PRIVILEGES FOR ROLE o [IN SCHEMA s] {verb} … ON TABLES …;`
fn default_privilege(fields: &[String], verb: &str, to: &str, role: &Ident) -> Option<String> {
    let owner = name(&fields[0])?;
    let place = match fields[1].as_str() {
        "" => String::new(),
        s => format!(" IN SCHEMA {}", name(s)?),
    };
    let (_, what, _) = DEFAULT_KINDS.iter().find(|(c, _, _)| *c == fields[2])?;
    let p = privilege(&fields[3])?;
    Some(format!(
        "ALTER DEFAULT PRIVILEGES FOR ROLE {owner}{place} {verb}{p} ON {what} {to} {role};"
    ))
}

/// The GRANT that gives back an expected privilege (`key`: the fact without the flag).
pub fn grant(e: &Expect, kind: &str, key: &[String]) -> Option<String> {
    let p = privilege(key.last()?)?;
    match kind {
        "function" => on_function(
            &format!("GRANT {p} ON FUNCTION %s TO %I"),
            &key[0],
            &key[1],
            &e.role,
        ),
        "default" => default_privilege(key, "GRANT ", "TO", &e.role),
        _ => Some(format!(
            "GRANT {p} ON {} TO {};",
            object(kind, key)?,
            e.role
        )),
    }
}

/// The REVOKE that takes back an extra privilege, or only its grant option.
pub fn revoke(e: &Expect, kind: &str, fields: &[String], option_only: bool) -> Option<String> {
    let option = if option_only { "GRANT OPTION FOR " } else { "" };
    let n = match kind {
        "database" | "schema" => 1,
        "table" | "sequence" | "function" => 2,
        _ => 3,
    };
    let p = privilege(fields.get(n)?)?;
    match kind {
        "function" => on_function(
            &format!("REVOKE {option}{p} ON FUNCTION %s FROM %I"),
            &fields[0],
            &fields[1],
            &e.role,
        ),
        "default" => default_privilege(fields, &format!("REVOKE {option}"), "FROM", &e.role),
        "column" => Some(format!(
            "REVOKE {option}{p} ({}) ON {} FROM {};",
            name(&fields[2])?,
            object(kind, fields)?,
            e.role
        )),
        _ => Some(format!(
            "REVOKE {option}{p} ON {} FROM {};",
            object(kind, fields)?,
            e.role
        )),
    }
}
