//! The fix script's `--` lines, from pastes whose names, privilege words, attributes and
//! membership fields carry line breaks and other control characters: the DBA runs that
//! script as an administrator, so text read back from a paste must stay inside its
//! comment (PostgreSQL and psql end one at LF or CR, MySQL at LF) or inside quotes.

use super::esc;
use grantsmith::core::drift::{Report, Status};
use grantsmith::core::{check_paste, generate, Db, Field, Intent, Preset};

/// What a paste smuggles after a break: a statement that must never start a line.
const INJECTED: &[&str] = &["DROP ROLE victim;", "GO", "$$"];

/// Hostile text for every field: each break (and control character) followed by a
/// statement, as a name made with CREATE (or a doctored paste) could carry it.
const PAYLOADS: &[&str] = &[
    "x\nDROP ROLE victim;",
    "x\rDROP ROLE victim;",
    "x\r\nDROP ROLE victim;",
    "_x\nGO\nDROP ROLE victim;",
    "x\r$$",
    "x\r$$\nDROP ROLE victim;",
    "x\u{b}DROP ROLE victim;",
    "x\u{c}DROP ROLE victim;",
    "x\u{85}DROP ROLE victim;",
    "x\u{1b}[2KDROP ROLE victim;",
    "x\tDROP ROLE victim;\u{7f}",
];

/// PostgreSQL facts, `{}` standing for the payload: every field that reaches a row.
const PG_FACTS: &[&[&str]] = &[
    &["database", "shop", "CONNECT", ""],
    &["schema", "public", "USAGE", ""],
    &["table", "public", "orders", "SELECT", ""],
    &["object", "schema", "public", "", ""],
    &["object", "table", "public", "orders", ""],
    &["attr", "{}"],
    &["member", "{}", "direct", ""],
    &["member", "pg_monitor", "{}", "admin"],
    &["database", "shop", "{}", "grantable"],
    &["schema", "{}", "CREATE", ""],
    &["schema", "public", "{}", ""],
    &["table", "public", "{}", "INSERT", "grantable"],
    &["sequence", "public", "{}", "{}", ""],
    &["column", "public", "orders", "{}", "UPDATE", ""],
    &["column", "public", "orders", "note", "{}", ""],
    &["function", "public", "g({})", "EXECUTE", ""],
    &["function", "{}", "f()", "{}", "grantable"],
    &["default", "{}", "{}", "r", "INSERT", ""],
    &["default", "owner_role", "public", "{}", "{}", ""],
    &["policy", "public", "orders", "{}"],
    &["owns", "{}", "public", "{}"],
    &["owns", "function", "{}", "{}"],
];

/// MySQL facts, `{}` standing for the payload.
const MY_FACTS: &[&[&str]] = &[
    &["schema", "shop", "SELECT", ""],
    &["global", "{}", ""],
    &["global", "FILE", "grantable"],
    &["schema", "{}", "SELECT", "grantable"],
    &["schema", "shop", "{}", ""],
    &["table", "shop", "{}", "INSERT", "grantable"],
    &["column", "shop", "t", "{}", "UPDATE", ""],
    &["column", "{}", "t", "c", "{}", "grantable"],
    &["routine", "shop", "{}", "PROCEDURE", "EXECUTE", "grantable"],
    &["routine", "{}", "p", "{}", "ALTER ROUTINE", ""],
];

/// A paste as psql -At (or mysql -N -B -r) prints it: `head`, the facts with `{}`
/// replaced by `payload`, the trailer.
fn paste(head: &str, facts: &[&[&str]], payload: &str) -> String {
    let mut s = format!("{head}\n");
    for f in facts {
        let fields: Vec<String> = f.iter().map(|x| esc(&x.replace("{}", payload))).collect();
        s += &fields.join("\t");
        s.push('\n');
    }
    s + &format!("grantsmith-inspect-end\t{}\n", facts.len())
}

/// The PostgreSQL header for `i`, run by `runner`.
fn pg_head(i: &Intent, runner: &str) -> String {
    let q = generate(i).inspect.unwrap();
    let at = q.find("current_user, '").unwrap() + "current_user, '".len();
    let tag = &q[at..at + 8];
    format!(
        "grantsmith-inspect\t2\tapp\tshop\texists\t{}\t{tag}",
        esc(runner)
    )
}

/// Where a SQL lexer is at a point of the script.
#[derive(Clone, PartialEq, Debug)]
enum At {
    Statement,
    Quoted(char),
    Dollar(String),
    Comment,
}

/// Checks `fix` line by line. Lines split at LF (as the brief's reader sees them): one
/// that starts with `--` holds no control character. Lines split at LF and CR, with the
/// quotes and comments of `db` followed across them: one that starts outside quotes
/// does not start with an injected statement, and nothing is left open at the end.
fn assert_safe(db: Db, fix: &str, what: &str) {
    for line in fix.split('\n') {
        if line.trim_start().starts_with("--") {
            assert!(
                !line
                    .chars()
                    .any(grantsmith::core::quote::is_unsafe_in_comment),
                "{what}: a control character in a comment line {line:?}\n{fix}"
            );
        }
    }
    let mut at = At::Statement;
    let mut line_start = (At::Statement, 0);
    let chars: Vec<(usize, char)> = fix.char_indices().collect();
    let mut k = 0;
    let check_line = |start: &(At, usize), end: usize| {
        let text = fix[start.1..end].trim_start();
        if start.0 == At::Statement {
            for s in INJECTED {
                assert!(
                    !text.starts_with(s),
                    "{what}: {s:?} starts a line of the script: {text:?}\n{fix}"
                );
            }
        }
    };
    while k < chars.len() {
        let (pos, c) = chars[k];
        let next = chars.get(k + 1).map(|(_, c)| *c);
        if c == '\n' || c == '\r' {
            check_line(&line_start, pos);
            if at == At::Comment {
                at = At::Statement;
            }
            line_start = (at.clone(), pos + 1);
            k += 1;
            continue;
        }
        match &at {
            At::Statement => match c {
                '-' if next == Some('-') => at = At::Comment,
                '\'' | '"' | '`' => at = At::Quoted(c),
                '$' if db == Db::Postgres => {
                    let rest = &fix[pos + 1..];
                    let tag_len = rest
                        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                        .unwrap_or(rest.len());
                    if rest[tag_len..].starts_with('$') {
                        let tag = format!("${}$", &rest[..tag_len]);
                        k += tag.chars().count() - 1;
                        at = At::Dollar(tag);
                    }
                }
                _ => {}
            },
            At::Quoted(q) => {
                if c == '\\' && db == Db::MySql && *q != '`' {
                    k += 1;
                } else if c == *q {
                    at = At::Statement;
                }
            }
            At::Dollar(tag) => {
                if fix[pos..].starts_with(tag.as_str()) {
                    k += tag.chars().count() - 1;
                    at = At::Statement;
                }
            }
            At::Comment => {}
        }
        k += 1;
    }
    check_line(&line_start, fix.len());
    assert!(
        matches!(at, At::Statement | At::Comment),
        "{what}: the script ends inside {at:?}\n{fix}"
    );
}

/// Every row that differs is listed in the script, each on its own comment line.
fn assert_listed(r: &Report, fix: &str, what: &str) {
    assert!(r.drift(), "{what}: no drift reported\n{fix}");
    for row in r.rows.iter().filter(|x| x.status != Status::Present) {
        assert!(
            fix.lines().any(|l| l == format!("--   {row}")),
            "{what}: {row} is not listed\n{fix}"
        );
    }
}

#[test]
fn postgresql_paste_fields_stay_inside_their_comments() {
    let i = Intent::new(Db::Postgres, Preset::ReadOnly)
        .with(Field::Host, "db.example.com")
        .with(Field::Database, "shop")
        .with(Field::Role, "app")
        .with(Field::Schemas, "public")
        .with(Field::Owners, "owner_role");
    // No owner listed: missing default privileges name the runner from the header.
    let any_owner = i.clone().with(Field::Owners, "");
    for p in PAYLOADS {
        let what = format!("PostgreSQL, {p:?}");
        let r = check_paste(&i, &paste(&pg_head(&i, "owner_role"), PG_FACTS, p))
            .unwrap()
            .unwrap_or_else(|e| panic!("{what}: {e}"));
        let fix = r.fix_sql();
        assert_safe(Db::Postgres, &fix, &what);
        assert_listed(&r, &fix, &what);
        // Names still reach their statements, quoted.
        let schema = format!("REVOKE CREATE ON SCHEMA \"{p}\" FROM \"app\";");
        assert!(fix.contains(&schema), "{what}: {schema}\n{fix}");
        let schema: &[&[&str]] = &[&["object", "schema", "public", "", ""]];
        let r = check_paste(&any_owner, &paste(&pg_head(&any_owner, p), schema, p))
            .unwrap()
            .unwrap_or_else(|e| panic!("{what}: {e}"));
        let fix = r.fix_sql();
        assert_safe(Db::Postgres, &fix, &what);
        assert_listed(&r, &fix, &what);
        assert!(fix.contains(&format!("FOR ROLE \"{p}\"")), "{what}\n{fix}");
    }
}

#[test]
fn mysql_paste_fields_stay_inside_their_comments() {
    let i = Intent::new(Db::MySql, Preset::ReadOnly)
        .with(Field::Host, "db.example.com")
        .with(Field::Role, "app")
        .with(Field::Schemas, "shop");
    let head = "grantsmith-inspect\t2\tapp\t%\texists\troot@localhost\tmysql";
    for p in PAYLOADS {
        let what = format!("MySQL, {p:?}");
        let r = check_paste(&i, &paste(head, MY_FACTS, p))
            .unwrap()
            .unwrap_or_else(|e| panic!("{what}: {e}"));
        let fix = r.fix_sql();
        assert_safe(Db::MySql, &fix, &what);
        assert_listed(&r, &fix, &what);
        let option = format!("REVOKE GRANT OPTION ON `{p}`.* FROM 'app'@'%';");
        assert!(fix.contains(&option), "{what}: {option}\n{fix}");
    }
}
