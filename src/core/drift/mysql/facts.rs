//! The privilege facts of a MySQL / MariaDB paste: their kinds, where each privilege is
//! (the `ON` clause a REVOKE names) and how a row describes it.

use crate::core::quote::mysql::Ident;

/// A privilege word MySQL or MariaDB prints: upper-case letters, spaces and `_` only,
/// so it can be written back into a statement as it is.
pub(super) fn privilege_word(p: &str) -> Option<&str> {
    let ok = !p.is_empty()
        && p.bytes()
            .all(|b| b.is_ascii_uppercase() || b == b' ' || b == b'_');
    ok.then_some(p)
}

/// The kinds of fact the MySQL query writes.
pub(super) const LEVELS: [&str; 5] = ["global", "schema", "table", "column", "routine"];

/// A name from the paste as an identifier; `None` for an empty one, which MySQL
/// cannot hold (that row then gets no statement).
fn name(raw: &str) -> Option<Ident> {
    (!raw.is_empty()).then(|| Ident::new(raw))
}

/// `(ON clause, privilege, grantable)` of a fact (one of [`LEVELS`]); the clause is
/// `None` when a name in it is empty.
pub(super) fn level<'a>(kind: &str, f: &'a [String]) -> (Option<String>, &'a str, bool) {
    let two = || Some(format!("{}.{}", name(&f[0])?, name(&f[1])?));
    let (on, rest) = match kind {
        "global" => (Some("*.*".to_string()), &f[0..]),
        "schema" => (name(&f[0]).map(|d| format!("{d}.*")), &f[1..]),
        "table" => (two(), &f[2..]),
        "column" => (two(), &f[3..]),
        _ => {
            let kind = if f[2] == "PROCEDURE" {
                "PROCEDURE"
            } else {
                "FUNCTION"
            };
            (two().map(|t| format!("{kind} {t}")), &f[3..])
        }
    };
    (
        on,
        rest[0].as_str(),
        rest.get(1).is_some_and(|g| g == "grantable"),
    )
}

/// Where a fact's privilege is, in words (escaped by [`super::row`]).
pub(super) fn describe(kind: &str, f: &[String]) -> String {
    let id = |n: usize| Ident::new(&f[n]).to_string();
    match kind {
        "global" => "every database (*.*)".to_string(),
        "schema" => format!("database {}", id(0)),
        "table" => format!("table {}.{}", id(0), id(1)),
        "column" => format!("column {} of {}.{}", id(2), id(0), id(1)),
        _ => format!("{} {}.{}", f[2].to_ascii_lowercase(), id(0), id(1)),
    }
}
