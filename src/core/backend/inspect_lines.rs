//! How the inspect queries of SQL Server, Snowflake, Redshift and BigQuery (each in its
//! database's `inspect.rs`) write everything the user has, in the PostgreSQL query's
//! line format (a header naming the format, the
//! user, where it runs and the database kind; tab-separated facts with `\\`, `\t`, `\n`
//! and `\r` escaped; a counting trailer), read back by [`crate::core::drift::read`].
//! No comparison uses them yet: they show a DBA what the user holds, in a form a later
//! check (or a diff between two runs) can take. Parsed only (no server of these kinds
//! runs here).
//!
//! Each function takes names already quoted as its dialect's string literals.

use crate::core::drift::format::{HEADER, TRAILER, VERSION};

/// How a dialect spells what the line format needs.
pub(crate) struct Syntax {
    /// A character by code point, `{}` for the code: `CHR({})`, `CHAR({})`.
    pub chr: &'static str,
    /// Concatenation: `||` between parts, else the variadic `CONCAT(…)`.
    pub pipes: bool,
    /// Text conversion around a field, with `{}` for the expression.
    pub text: &'static str,
}

impl Syntax {
    fn c(&self, code: u8) -> String {
        self.chr.replace("{}", &code.to_string())
    }

    fn concat(&self, parts: &[String]) -> String {
        if self.pipes {
            format!("({})", parts.join(" || "))
        } else {
            format!("CONCAT({})", parts.join(", "))
        }
    }

    /// `expr` with `\`, tab, line feed and carriage return escaped.
    fn esc(&self, expr: &str) -> String {
        let bs = self.c(92);
        let mut e = self.text.replace("{}", expr);
        for (code, letter) in [(92, None), (9, Some("t")), (10, Some("n")), (13, Some("r"))] {
            let with = match letter {
                None => self.concat(&[bs.clone(), bs.clone()]),
                Some(l) => self.concat(&[bs.clone(), format!("'{l}'")]),
            };
            e = format!("REPLACE({e}, {}, {with})", self.c(code));
        }
        e
    }

    /// The fields, escaped (NULL as empty), joined by tabs; a constant of plain
    /// characters (`'member'`) needs no escaping (the header's, which hold names the
    /// user typed, always are: the query's shape never depends on a name).
    pub(crate) fn line(&self, fields: &[&str]) -> String {
        self.fields(fields, true)
    }

    fn fields(&self, fields: &[&str], constants: bool) -> String {
        let mut parts = Vec::new();
        for (n, f) in fields.iter().enumerate() {
            if n > 0 {
                parts.push(self.c(9));
            }
            parts.push(if constants && plain(f) {
                f.to_string()
            } else {
                format!("COALESCE({}, '')", self.esc(f))
            });
        }
        self.concat(&parts)
    }

    /// The whole query: `facts` as `SELECT <line> …` joined by UNION ALL, framed by the
    /// header (`head`: the user, where, exists, runner, the kind) and the trailer.
    pub(crate) fn query(&self, intro: &str, head: &[&str], facts: &[String]) -> String {
        let version = format!("'{VERSION}'");
        let header = format!("'{HEADER}'");
        let mut h = vec![header.as_str(), version.as_str()];
        h.extend_from_slice(head);
        let count = self.concat(&[format!("'{TRAILER}'"), self.c(9), self.esc("COUNT(*)")]);
        format!(
            "{intro}WITH facts (line) AS (\n  {}\n)\nSELECT line FROM (\n  SELECT 0 AS part, {} AS line\n  UNION ALL\n  SELECT 1, line FROM facts\n  UNION ALL\n  SELECT 2, (SELECT {count} FROM facts)\n) x ORDER BY part, line;\n",
            facts.join("\n  UNION ALL\n  "),
            self.fields(&h, false),
        )
    }
}

/// Whether `field` is a constant of letters, digits and `-` (nothing to escape).
fn plain(field: &str) -> bool {
    field
        .strip_prefix('\'')
        .and_then(|f| f.strip_suffix('\''))
        .is_some_and(|f| f.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))
}
