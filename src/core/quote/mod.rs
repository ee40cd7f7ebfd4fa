//! Quoting, each style written once. Every database keeps its own quoting types
//! (`pg::Ident`, `mysql::Ident`, `sqlserver::NStr`, …) so the compiler still stops a
//! name quoted for the wrong database or not at all; their `Display` impls call one of
//! the styles below and nothing else writes user text into SQL.

pub mod bigquery;
pub mod mysql;
pub mod pg;
pub mod redshift;
pub mod snowflake;
pub mod sqlserver;

use std::fmt::{self, Write};

/// Declares one database's quoting type: a newtype over the text as stored (its field
/// private, so only `Display` writes it into SQL), with `new`, `raw`, and a `Display`
/// that writes it in one of the styles below.
macro_rules! quoted {
    ($(#[$doc:meta])* $name:ident => |$f:ident, $text:ident| $write:expr) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub struct $name(String);

        impl $name {
            /// Any text (the form has checked it already).
            pub fn new(raw: &str) -> Self {
                $name(raw.to_string())
            }

            /// The text as stored, unquoted.
            pub fn raw(&self) -> &str {
                &self.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, $f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                let $text = self.0.as_str();
                $write
            }
        }
    };
}
pub(crate) use quoted;

/// `open`, the text with every `close` doubled, `close`: PostgreSQL, Redshift and
/// Snowflake `"…"`, SQL `'…'`, MySQL `` `…` ``, SQL Server `[…]` and `N'…'`.
///
/// ```
/// use grantsmith::core::quote::doubled;
/// struct Br<'a>(&'a str);
/// impl std::fmt::Display for Br<'_> {
///     fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result { doubled(f, "[", ']', self.0) }
/// }
/// assert_eq!(Br("a]b").to_string(), "[a]]b]");
/// ```
pub fn doubled(f: &mut fmt::Formatter<'_>, open: &str, close: char, text: &str) -> fmt::Result {
    f.write_str(open)?;
    for c in text.chars() {
        if c == close {
            f.write_char(c)?;
        }
        f.write_char(c)?;
    }
    f.write_char(close)
}

/// `'…'` with `'` doubled and `\` doubled: string constants of databases that read
/// backslash escapes in them (MySQL in its default `sql_mode`, Redshift).
pub fn doubled_with_backslashes(f: &mut fmt::Formatter<'_>, text: &str) -> fmt::Result {
    f.write_char('\'')?;
    for c in text.chars() {
        match c {
            '\\' => f.write_str("\\\\")?,
            '\'' => f.write_str("''")?,
            c => f.write_char(c)?,
        }
    }
    f.write_char('\'')
}

/// Text inside a `--` comment, every control character but tab (`char::is_control`:
/// C0, DEL, C1) written as `\u{hex}`: PostgreSQL and psql end such a comment at LF or
/// CR, MySQL at LF, so one raw break would let the rest of a name run as a statement in
/// a script a DBA runs as an administrator; the others (vertical tab, form feed, NEL,
/// escape sequences) would break the line or redraw it in an editor or a terminal. A
/// tab is white space within the line (the original applet's comments keep it, and the
/// parity oracle compares them). Everything else is kept as typed, and escaping twice
/// changes nothing.
///
/// ```
/// use grantsmith::core::quote::pg::Comment;
/// assert_eq!(Comment::new("a\nb\rc\u{b}d\te").to_string(), "a\\u{a}b\\u{d}c\\u{b}d\te");
/// ```
pub fn comment(f: &mut fmt::Formatter<'_>, text: &str) -> fmt::Result {
    for c in text.chars() {
        if is_unsafe_in_comment(c) {
            write!(f, "\\u{{{:x}}}", c as u32)?;
        } else {
            f.write_char(c)?;
        }
    }
    Ok(())
}

/// Whether `c` is written escaped inside a `--` comment: a control character other than
/// tab.
pub fn is_unsafe_in_comment(c: char) -> bool {
    c.is_control() && c != '\t'
}

/// `quote`, the text with a backslash before each `quote` and each backslash, `quote`:
/// Snowflake strings, BigQuery strings and identifiers.
pub fn backslashed(f: &mut fmt::Formatter<'_>, quote: char, text: &str) -> fmt::Result {
    f.write_char(quote)?;
    for c in text.chars() {
        if c == quote || c == '\\' {
            f.write_char('\\')?;
        }
        f.write_char(c)?;
    }
    f.write_char(quote)
}
