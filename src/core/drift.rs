//! Reading back what the inspect query printed ([`inspect_sql`]): the facts about one
//! PostgreSQL user, checked to be whole, of this format and of the user asked about. A
//! paste that is not (another tool's output, psql's aligned table, a cut copy, another
//! user's facts) gets a message saying what was expected, never a partial reading.
//!
//! [`inspect_sql`]: super::backend::postgres::inspect::inspect_sql

pub mod cdc;
mod compare;
pub mod expect;
mod expiry;
mod fix;
pub mod format;
pub mod mysql;
mod script;

pub use compare::{compare, Report, Row, Status};
pub use expect::{DefaultGrant, Expect};

use format::{HEADER, TRAILER, VERSION};

/// One fact: its kind (`attr`, `member`, `table`, …) and its fields, unescaped.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Fact {
    /// What the line is about.
    pub kind: String,
    /// The line's other fields, as the database spelled them.
    pub fields: Vec<String>,
}

/// What the inspect query said about a user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inspection {
    /// The user it was run for.
    pub role: String,
    /// The database it was run in.
    pub database: String,
    /// Whether the user exists there.
    pub exists: bool,
    /// The role that ran the query (default privileges with no owner listed are that
    /// role's).
    pub runner: String,
    /// The scope's fingerprint ([`scope_tag`](super::backend::postgres::inspect::scope_tag)).
    pub tag: String,
    /// Every fact, in the order printed.
    pub facts: Vec<Fact>,
}

/// Each kind of fact and how many fields follow it.
pub const KINDS: [(&str, usize); 22] = [
    ("attr", 1),
    ("member", 3),
    // A role the user belongs to that may write or grant (PostgreSQL): its membership
    // is dangerous, whatever the role's name.
    ("writer", 1),
    ("database", 3),
    ("schema", 3),
    ("table", 4),
    ("sequence", 4),
    ("column", 5),
    ("function", 4),
    ("default", 5),
    ("policy", 3),
    ("owns", 3),
    ("object", 4),
    // What the setup withholds there (TRIGGER on a superuser's table): not expected.
    ("withheld", 4),
    // Change data capture (PostgreSQL): a publication (name, owner, `all tables` or
    // empty, what it publishes), a table or (empty table) schema it names, a slot
    // (name, plugin, database, active, PID, wal_status, WAL kept). Added in format 2
    // without a new version: older pastes have none and still read.
    ("publication", 4),
    ("published", 3),
    ("slot", 7),
    // The owners group's listed tables (schema, table, owner now).
    ("grouped", 3),
    // When the password stops working (PostgreSQL's VALID UNTIL, in UTC; none: no line).
    (expiry::KIND, 1),
    // MySQL and MariaDB's: the same, then who decides it (`account` or `default`, the
    // server's default_password_lifetime).
    (expiry::KIND, 2),
    // MySQL and MariaDB.
    ("global", 2),
    ("routine", 5),
];

/// A field as printed: `\\`, `\t`, `\n` and `\r` stand for themselves.
fn unescape(field: &str) -> Result<String, String> {
    let mut out = String::with_capacity(field.len());
    let mut chars = field.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        out.push(match chars.next() {
            Some('\\') => '\\',
            Some('t') => '\t',
            Some('n') => '\n',
            Some('r') => '\r',
            _ => {
                return Err(format!(
                    "a lone backslash in {}",
                    super::text::quoted(field)
                ))
            }
        });
    }
    Ok(out)
}

/// One line's fields, unescaped.
fn fields(line: &str) -> Result<Vec<String>, String> {
    line.split('\t').map(unescape).collect()
}

/// Reads a paste of the inspect query's output for the user `role`.
///
/// ```
/// use grantsmith::core::drift::read;
/// let paste = "grantsmith-inspect\t2\tapp\tshop\texists\tadmin\t0\nattr\tCREATEROLE\ntable\tpublic\torders\tSELECT\t\ngrantsmith-inspect-end\t2\n";
/// let i = read(paste, "app").unwrap();
/// assert_eq!((i.database.as_str(), i.facts.len()), ("shop", 2));
/// assert!(read(paste, "other").unwrap_err().contains("for the user app, not other"));
/// assert!(read(&paste[..60], "app").unwrap_err().contains("cut short"));
/// // Blank lines around it and an indent are what pasting does, not a change.
/// let indented: String = paste.lines().map(|l| format!("    {l}\n")).collect();
/// assert_eq!(read(&format!("\n\n{indented}\n"), "app").unwrap().facts.len(), 2);
/// ```
pub fn read(paste: &str, role: &str) -> Result<Inspection, String> {
    let lines: Vec<&str> = paste
        .lines()
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        // An indent a docs page, a chat or an editor added: every line starts with a
        // keyword (the header, a fact's kind), never with a space or a tab.
        .map(|l| l.trim_start_matches([' ', '\t']))
        .filter(|l| !l.trim().is_empty())
        .collect();
    let Some(first) = lines.first() else {
        return Err("Paste the inspect query's output here (psql -At prints it).".into());
    };
    let head = header(first, role)?;
    let last = lines
        .last()
        .and_then(|l| fields(l).ok())
        .unwrap_or_default();
    let count = match last.as_slice() {
        [t, n] if t == TRAILER => n.parse::<usize>().ok(),
        _ => None,
    };
    let Some(count) = count.filter(|_| lines.len() >= 2) else {
        return Err(format!(
            "The output is cut short: its last line ({TRAILER} and the number of facts) is \
             missing. Copy all the query prints."
        ));
    };
    let body = &lines[1..lines.len() - 1];
    if body.len() != count {
        return Err(format!(
            "The output has {} facts, but its last line counts {count}: lines are missing or \
             were added. Copy all the query prints, and nothing else.",
            body.len()
        ));
    }
    let mut facts = Vec::with_capacity(body.len());
    for (n, line) in body.iter().enumerate() {
        let f = fields(line).map_err(|m| format!("Line {}: {m}", n + 2))?;
        let known = f
            .split_first()
            .and_then(|(kind, rest)| KINDS.iter().find(|(k, n)| k == kind && *n == rest.len()));
        match known {
            Some((kind, _)) => facts.push(Fact {
                kind: kind.to_string(),
                fields: f[1..].to_vec(),
            }),
            None => {
                return Err(format!(
                    "Line {} is not a fact the inspect query writes: {}",
                    n + 2,
                    super::text::quoted(line)
                ))
            }
        }
    }
    Ok(Inspection {
        role: head[2].clone(),
        database: head[3].clone(),
        exists: head[4] == "exists",
        runner: head[5].clone(),
        tag: head[6].clone(),
        facts,
    })
}

/// The first line's fields, checked: the inspect query's, of this version, for `role`.
fn header(first: &str, role: &str) -> Result<Vec<String>, String> {
    // psql's aligned table: a header row and `|` between columns. A genuine first line
    // starts with the header field, whatever a name in it holds (`etl | prod`).
    let table =
        first.trim_start().starts_with("line") || first.contains(" | ") || first.starts_with("---");
    if table && !first.starts_with(HEADER) {
        return Err(
            "This looks like psql's table output: run the inspect query with psql -At \
                    (unaligned, no header), which prints one plain line per fact."
                .into(),
        );
    }
    let head = fields(first).map_err(|m| format!("Line 1: {m}"))?;
    // A terminal or an editor may have turned the tabs into spaces: names may hold
    // spaces, so the fields cannot be told apart again; say exactly that.
    let spaced = first
        .strip_prefix(HEADER)
        .is_some_and(|rest| rest.starts_with(' '));
    if spaced && !first.contains('\t') {
        return Err(
            "The tabs between the fields were turned into spaces (a terminal or an editor \
             does that), so the fields cannot be told apart: redirect psql -At's output to a \
             file (psql -At -f inspect.sql > facts.txt) and paste the file."
                .into(),
        );
    }
    if head.first().map(String::as_str) != Some(HEADER) {
        return Err(format!(
            "This is not the inspect query's output: its first line starts with {HEADER}. \
             Copy the query from this page, run it with psql -At and paste all it prints."
        ));
    }
    if head.get(1).map(String::as_str) != Some(VERSION) || head.len() != 7 {
        return Err(
            "This output comes from another version of the inspect query: copy the \
                    query from this page again and run it."
                .into(),
        );
    }
    if head[2] != role {
        return Err(format!(
            "This is the output for the user {}, not {role}: run the inspect query shown \
             here, for this user.",
            head[2]
        ));
    }
    Ok(head)
}

/// Reads a paste for the setup `e` describes and compares it with what that setup
/// grants; a paste from another database or made for another scope is refused.
pub fn check(e: &Expect, paste: &str) -> Result<Report, String> {
    let mut i = read(paste, e.role.raw())?;
    i.facts.retain(|f| !in_temporary_schema(f));
    if i.database != e.database.raw() {
        return Err(format!(
            "This output comes from the database {}, and the setup is for {}: run the \
             inspect query in {}.",
            i.database,
            e.database.raw(),
            e.database.raw()
        ));
    }
    if i.tag != e.tag() {
        return Err(
            "This output was made for other schemas or another preset: copy the inspect \
             query shown here again and run it."
                .into(),
        );
    }
    Ok(compare(e, &i))
}

/// Whether a fact is about a temporary schema (`pg_temp_N`, `pg_toast_temp_N`) or what is
/// in it. The check leaves those out, as verify does: what is in them lives for one
/// session and no other session may use it, and the original's all-schemas sweep grants
/// on the ones that exist when it runs, which would read as extra. Only PostgreSQL
/// names a schema so (`pg_` is reserved: `CREATE SCHEMA` refuses it).
fn in_temporary_schema(f: &Fact) -> bool {
    let schema = match f.kind.as_str() {
        "schema" | "table" | "sequence" | "column" | "function" | "policy" => f.fields.first(),
        "default" | "owns" | "object" | "withheld" => f.fields.get(1),
        _ => None,
    };
    schema.is_some_and(|s| s.starts_with("pg_temp_") || s.starts_with("pg_toast_temp_"))
}
