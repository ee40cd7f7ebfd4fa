//! The names change data capture needs: the listed tables read as `schema.table`, and
//! the publication and slot named after the user.

use crate::core::quote::pg::{truncate_to_limit, Ident, Literal};

/// A published table: its schema and name, each as PostgreSQL stores it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// Its schema.
    pub schema: Ident,
    /// Its name.
    pub name: Ident,
}

impl std::fmt::Display for Table {
    /// `"schema"."table"`, both quoted.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{}", self.schema, self.name)
    }
}

/// One part of `schema.table`: `"…"` with `""` for a quote (a name with a dot), or the
/// text up to the dot as typed. Returns the part and the rest.
fn part(s: &str) -> Result<(String, &str), String> {
    let Some(quoted) = s.strip_prefix('"') else {
        let end = s.find('.').unwrap_or(s.len());
        return Ok((s[..end].to_string(), &s[end..]));
    };
    let mut out = String::new();
    let mut chars = quoted.char_indices().peekable();
    while let Some((n, c)) = chars.next() {
        if c != '"' {
            out.push(c);
        } else if chars.peek().map(|(_, c)| *c) == Some('"') {
            out.push('"');
            chars.next();
        } else {
            return Ok((out, &quoted[n + 1..]));
        }
    }
    Err("a quoted name is not closed".into())
}

/// Reads one listed table: `schema.table`, a part with a dot in double quotes.
///
/// ```
/// use grantsmith::core::backend::postgres::cdc::names::table;
/// let t = table("public.orders").unwrap();
/// assert_eq!(t.to_string(), "\"public\".\"orders\"");
/// assert_eq!(table("\"a.b\".\"x\"\"y\"").unwrap().name.raw(), "x\"y");
/// assert!(table("orders").is_err());
/// assert!(table("pg_catalog.pg_class").is_err());
/// ```
pub fn table(item: &str) -> Result<Table, String> {
    let shape = || format!("\"{item}\": write each table as schema.table (public.orders)");
    let (schema, rest) = part(item).map_err(|m| format!("\"{item}\": {m}"))?;
    let rest = rest.strip_prefix('.').ok_or_else(shape)?;
    let (name, end) = part(rest).map_err(|m| format!("\"{item}\": {m}"))?;
    if schema.is_empty() || name.is_empty() || !end.is_empty() {
        return Err(shape());
    }
    let schema = Ident::new_schema(&schema).map_err(|e| format!("\"{item}\": {}", e.message()))?;
    let name = Ident::new(&name).map_err(|e| format!("\"{item}\": {}", e.message()))?;
    Ok(Table { schema, name })
}

/// FNV-1a: a short, stable tag that keeps two users' derived names apart where a name
/// had to be cut or changed.
fn tag(s: &str) -> String {
    let h = s.bytes().fold(0x811c_9dc5u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    });
    format!("{h:08x}")
}

/// The publication named after the user: `<user>_pub`, or, where that would pass 63
/// bytes, the user's name cut, a tag of the whole name, and `_pub`.
///
/// ```
/// use grantsmith::core::backend::postgres::cdc::names::publication;
/// assert_eq!(publication("cdc_reader").raw(), "cdc_reader_pub");
/// assert_eq!(publication(&"é".repeat(31)).raw().len(), 63);
/// ```
pub fn publication(user: &str) -> Ident {
    suffixed(user, "_pub", "cdc_pub")
}

/// The owners group named after the user (the owners-group option): `<user>_owners`,
/// cut and tagged past 63 bytes the way [`publication`] is.
///
/// ```
/// use grantsmith::core::backend::postgres::cdc::names::group;
/// assert_eq!(group("cdc_reader").raw(), "cdc_reader_owners");
/// assert!(group(&"é".repeat(31)).raw().len() <= 63);
/// assert_ne!(group(&"x".repeat(60)), group(&"x".repeat(61)));
/// ```
pub fn group(user: &str) -> Ident {
    suffixed(user, "_owners", "cdc_owners")
}

/// `<user><suffix>`, or, where that would pass 63 bytes, the user's name cut, a tag of
/// the whole name, and the suffix (`fallback` cannot happen: kept for the types).
fn suffixed(user: &str, suffix: &str, fallback: &str) -> Ident {
    let name = if user.len() + suffix.len() <= 63 {
        format!("{user}{suffix}")
    } else {
        let mut end = 63 - 1 - 8 - suffix.len();
        while !user.is_char_boundary(end) {
            end -= 1;
        }
        format!("{}_{}{suffix}", &user[..end], tag(user))
    };
    // Under 64 bytes and without NUL by construction.
    Ident::new(truncate_to_limit(&name)).unwrap_or_else(|_| Ident::new(fallback).unwrap())
}

/// The slot named after the user. PostgreSQL takes only `[a-z0-9_]`, at most 63 bytes,
/// as a slot name (`ReplicationSlotValidateName`: names are directory names), so the
/// user's name is lowered and every other character becomes `_`; where that changed or
/// cut it, a tag of the whole name keeps two users' slots apart, else `_slot` follows.
///
/// ```
/// use grantsmith::core::backend::postgres::cdc::names::slot;
/// assert_eq!(slot("cdc_reader").to_string(), "'cdc_reader_slot'");
/// let s = slot("Ünïcode \"User\"").to_string();
/// assert!(s.starts_with("'_n_code__user__") && s.len() == 2 + 14 + 9);
/// assert_ne!(slot("A"), slot("a"));
/// ```
pub fn slot(user: &str) -> Literal {
    let clean: String = user
        .chars()
        .map(|c| match c {
            'a'..='z' | '0'..='9' | '_' => c,
            'A'..='Z' => c.to_ascii_lowercase(),
            _ => '_',
        })
        .collect();
    let exact = clean == user && clean.len() + 5 <= 63;
    let suffix = if exact {
        "_slot".to_string()
    } else {
        format!("_{}", tag(user))
    };
    let base: String = clean.chars().take(63 - suffix.len()).collect();
    Literal::generated(&format!("{base}{suffix}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slot_names_are_valid() {
        for u in [
            "a",
            "A",
            &"x".repeat(63),
            "ünï",
            "a b",
            "'; DROP",
            "é".repeat(31).as_str(),
        ] {
            let s = slot(u).to_string();
            let s = &s[1..s.len() - 1];
            assert!(s.len() <= 63 && !s.is_empty(), "{s}");
            assert!(
                s.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'),
                "{s}"
            );
        }
        assert_ne!(slot(&"x".repeat(60)), slot(&"x".repeat(61)));
    }

    #[test]
    fn publications_fit() {
        for u in ["a", &"x".repeat(63), &"é".repeat(31)] {
            assert!(publication(u).raw().len() <= 63);
        }
        assert_ne!(publication(&"x".repeat(62)), publication(&"x".repeat(63)));
    }
}
