//! The other databases: goldens for every dialect × access, every generated statement
//! parsed by `sqlparser` in that dialect (where it supports the statement), and hostile
//! names that must not change the token structure of any script.
//!
//! `GS_UPDATE_GOLDEN=1 cargo test --test dialects` rewrites the goldens (then read the
//! diff). `GS_SEED=n` replays the hostile-name cases.

#[path = "../common/hostile.rs"]
mod hostile;
#[path = "../common/rng.rs"]
mod rng;
use hostile::NASTY;

mod bigquery;
mod mysql;
mod redshift;
mod snowflake;
mod sqlserver;

use std::fs;
use std::path::PathBuf;

use grantsmith::core::backend::Backend;
use grantsmith::core::text::split_list;
use grantsmith::core::{generate, Db, Field, Intent, Preset};
use rng::Rng;
use sqlparser::dialect::Dialect as SqlDialect;
use sqlparser::parser::Parser;
use sqlparser::tokenizer::{Token, Tokenizer};

/// The shape of an RSA-2048 public key body (not a real key: only its characters matter).
pub const KEY: &str = "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gunVTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxKLxoS2tFczGkPLPgizskuemMghRniWaoLcyehkd3qqGElvW/VDL5AaWTg0nLVkjRo9z+40RQzuVaE8AkAFmxZzow3x+VJYKdjykkJ0iT9wCS0DRTXu269V264Vf/3jvredZiKRkgwlL9xNAwxXFg0x/XFw005UWVRIkdgcKWTjpBP2dPwVZ4WWC+9aGVd+Gyn1o0CLelf4rEjGoXbAAEgAqeGUxrcIlbjXfbcmwIDAQAB";

/// What each database's module gives the shared tests.
pub struct Case {
    /// Fills in a form with plain names.
    pub sample: fn(&mut Intent),
    /// `(field, value, message)`: input refused with that message next to the field.
    pub refusals: fn() -> Vec<(Field, String, &'static str)>,
    /// Statements sqlparser 0.59 cannot parse in this dialect, by their first words
    /// (upper case): the README lists them as checked by goldens (and, for MySQL, a
    /// real server) only. Anything else that fails to parse fails the test.
    pub unsupported: &'static [&'static str],
    /// sqlparser's dialect for this database.
    pub dialect: fn() -> Box<dyn SqlDialect>,
}

fn case(d: Db) -> &'static Case {
    match d {
        Db::MySql => &mysql::CASE,
        Db::SqlServer => &sqlserver::CASE,
        Db::Snowflake => &snowflake::CASE,
        Db::Redshift => &redshift::CASE,
        Db::BigQuery => &bigquery::CASE,
        Db::Postgres => unreachable!("PostgreSQL has its own tests"),
    }
}

/// A filled-in form with plain names.
pub fn sample(d: Db, a: Preset) -> Intent {
    let mut f = Intent::new(d, a);
    (case(d).sample)(&mut f);
    f
}

/// The databases other than PostgreSQL.
const OTHERS: [Db; 5] = [
    Db::MySql,
    Db::SqlServer,
    Db::Snowflake,
    Db::Redshift,
    Db::BigQuery,
];

fn combos() -> Vec<(Db, Preset)> {
    OTHERS
        .into_iter()
        .flat_map(|d| Backend::presets(d).iter().map(move |a| (d, *a)))
        .collect()
}

fn has_password(d: Db) -> bool {
    Intent::new(d, Preset::ReadOnly).spec().password
}

fn golden_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden/dialects")
        .join(name)
}

fn check_golden(name: &str, actual: &str) {
    let path = golden_path(name);
    if std::env::var_os("GS_UPDATE_GOLDEN").is_some() {
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, actual).unwrap();
        return;
    }
    let expected = fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (GS_UPDATE_GOLDEN=1 writes it)", path.display()));
    assert_eq!(actual, expected, "{name} differs from its golden");
}

#[test]
fn goldens_for_every_dialect_and_access() {
    for (d, a) in combos() {
        let out = generate(&sample(d, a));
        assert_eq!(out.errors, vec![], "{d:?} {a:?}");
        assert_eq!(out.hint, "");
        let base = format!("{}_{}", d.as_str(), a.as_str());
        check_golden(&format!("{base}.sql"), out.setup.as_deref().unwrap());
        check_golden(
            &format!("{base}.verify.sql"),
            out.verify.as_deref().unwrap(),
        );
        check_golden(
            &format!("{base}.uninstall.sql"),
            out.uninstall.as_deref().unwrap(),
        );
        check_golden(&format!("{base}.conn.txt"), out.conn.as_deref().unwrap());
        // Every database writes its inspect query (MySQL's the drift check reads); it
        // lists everything the user has, so it is the same for every preset.
        check_golden(
            &format!("{}.inspect.sql", d.as_str()),
            out.inspect.as_deref().unwrap(),
        );
    }
}

#[test]
fn bad_input_gets_a_message_next_to_the_field_and_no_output() {
    for d in OTHERS {
        for (key, value, message) in (case(d).refusals)() {
            let mut f = sample(d, Preset::ReadOnly);
            f.set(key, value.clone());
            let out = generate(&f);
            assert_eq!(out.error(key), Some(message), "{d:?} {key:?}={value:?}");
            assert_eq!(out.setup, None);
            assert_eq!(out.conn, None);
            assert!(!out.hint.is_empty());
        }
    }
    // Control characters in a password: refused everywhere there is one.
    let mut f = sample(Db::MySql, Preset::ReadOnly);
    f.set(Field::Password, "a\nb");
    assert!(generate(&f).error(Field::Password).is_some());
}

#[test]
fn access_not_offered_falls_back_to_read_only() {
    let f = Intent::new(Db::MySql, Preset::Metadata);
    assert_eq!(f.preset, Preset::ReadOnly);
    assert_eq!(
        Intent::new(Db::BigQuery, Preset::Metadata).preset,
        Preset::Metadata
    );
}

// ---- parsing with sqlparser ----

fn sql_dialect(d: Db) -> Box<dyn SqlDialect> {
    (case(d).dialect)()
}

/// Statements sqlparser 0.59 does not parse in that dialect, by their first words: the
/// README lists them as checked by goldens and (MySQL) a real server only. Anything
/// else that fails to parse fails the test.
fn unsupported(d: Db, stmt: &str) -> Option<usize> {
    let s = stmt.trim_start().to_ascii_uppercase();
    case(d).unsupported.iter().position(|p| s.starts_with(p))
}

/// Splits a script into statements at `;` outside quotes and comments (and at `GO`
/// lines for SQL Server), by the dialect's own quoting rules.
fn statements(d: Db, script: &str) -> Vec<String> {
    let backslash = matches!(d, Db::MySql | Db::Snowflake | Db::BigQuery | Db::Redshift);
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut chars = script.chars().peekable();
    let mut quote: Option<char> = None;
    let mut at_line_start = true;
    while let Some(c) = chars.next() {
        if let Some(q) = quote {
            cur.push(c);
            let escapes = match d {
                Db::MySql => q != '`',
                Db::BigQuery => true,
                _ => q == '\'',
            };
            if c == '\\' && backslash && escapes {
                if let Some(n) = chars.next() {
                    cur.push(n);
                }
                continue;
            }
            let close = if q == '[' { ']' } else { q };
            if c == close {
                if chars.peek() == Some(&close) {
                    cur.push(chars.next().unwrap());
                } else {
                    quote = None;
                }
            }
            continue;
        }
        if at_line_start && d == Db::SqlServer {
            let rest: String = std::iter::once(c)
                .chain(chars.clone())
                .take_while(|c| *c != '\n')
                .collect();
            if rest.trim() == "GO" {
                for _ in 0..rest.len() - 1 {
                    chars.next();
                }
                push_stmt(&mut out, &mut cur);
                continue;
            }
        }
        at_line_start = c == '\n';
        match c {
            '-' if chars.peek() == Some(&'-') => {
                for n in chars.by_ref() {
                    if n == '\n' {
                        at_line_start = true;
                        break;
                    }
                }
                cur.push('\n');
            }
            ';' => push_stmt(&mut out, &mut cur),
            // Snowflake's dollar-quoted block (`EXECUTE IMMEDIATE $$ … $$`): one piece.
            // (Not inside a word: `GOB$$B` is an unquoted identifier.)
            '$' if d == Db::Snowflake
                && chars.peek() == Some(&'$')
                && !cur.ends_with(|p: char| p.is_alphanumeric() || p == '_' || p == '$') =>
            {
                cur.push_str("$$");
                chars.next();
                let mut prev = ' ';
                for n in chars.by_ref() {
                    cur.push(n);
                    if n == '$' && prev == '$' {
                        break;
                    }
                    prev = n;
                }
            }
            '\'' | '"' | '`' => {
                quote = Some(c);
                cur.push(c);
            }
            '[' if d == Db::SqlServer => {
                quote = Some('[');
                cur.push(c);
            }
            _ => cur.push(c),
        }
    }
    assert!(quote.is_none(), "unterminated quote in:\n{script}");
    push_stmt(&mut out, &mut cur);
    out
}

fn push_stmt(out: &mut Vec<String>, cur: &mut String) {
    if !cur.trim().is_empty() {
        out.push(cur.trim().to_string());
    }
    cur.clear();
}

/// Parses every statement of every script; returns which entries of the database's
/// `unsupported` list the statements sqlparser could not parse matched.
fn parse_all(d: Db, f: &Intent, label: &str) -> Vec<(Db, usize)> {
    let out = generate(f);
    let dialect = sql_dialect(d);
    let mut skipped = Vec::new();
    for (what, script) in [
        ("setup", out.setup.as_deref().unwrap()),
        ("verify", out.verify.as_deref().unwrap()),
        ("uninstall", out.uninstall.as_deref().unwrap()),
        ("inspect", out.inspect.as_deref().unwrap()),
    ] {
        for stmt in statements(d, script) {
            match Parser::parse_sql(dialect.as_ref(), &stmt) {
                Ok(parsed) => assert_eq!(parsed.len(), 1, "{label} {what}: one statement: {stmt}"),
                Err(_) if unsupported(d, &stmt).is_some() => {
                    skipped.extend(unsupported(d, &stmt).map(|i| (d, i)));
                }
                Err(e) if std::env::var_os("GS_PARSE_REPORT").is_some() => {
                    println!(
                        "UNPARSED {label} {what}: {}\n    {e}",
                        stmt.lines().next().unwrap_or_default()
                    );
                }
                Err(e) => panic!("{label} {what}: sqlparser refused\n{stmt}\n{e}"),
            }
        }
    }
    skipped
}

#[test]
fn every_statement_parses_in_its_dialect() {
    let mut hit = Vec::new();
    for (d, a) in combos() {
        let mut f = sample(d, a);
        if has_password(d) {
            f.set(Field::Password, "Str0ng-Passw0rd");
        }
        if d == Db::Snowflake {
            f.set(Field::PublicKey, KEY);
        }
        hit.extend(parse_all(d, &f, &format!("{d:?} {a:?}")));
    }
    // The allowed list stays honest: every entry is a statement sqlparser refuses.
    for d in OTHERS {
        for (i, entry) in case(d).unsupported.iter().enumerate() {
            assert!(
                hit.contains(&(d, i)),
                "{d:?}: {entry:?} now parses: drop it from its unsupported list"
            );
        }
    }
}

// ---- hostile names ----

/// Token kinds of a script, names and strings blanked: what hostile text must not change.
fn shape(d: Db, script: &str) -> Vec<String> {
    let dialect = sql_dialect(d);
    let tokens = Tokenizer::new(dialect.as_ref(), script)
        .tokenize()
        .unwrap_or_else(|e| panic!("tokenize: {e}\n{script}"));
    tokens
        .into_iter()
        .filter(|t| !matches!(t, Token::Whitespace(_)))
        .flat_map(|t| match t {
            Token::Word(_) => vec!["<word>".to_string()],
            Token::SingleQuotedString(_)
            | Token::DoubleQuotedString(_)
            | Token::NationalStringLiteral(_) => vec!["<string>".to_string()],
            Token::Number(..) => vec!["<word>".to_string()],
            // A dollar-quoted block (Snowflake's checks) is code: its tokens count, and a
            // name may change none but its own.
            Token::DollarQuotedString(b) => {
                let mut inner = vec!["$$".to_string()];
                inner.extend(shape(d, &b.value));
                inner.push("$$".to_string());
                inner
            }
            t => vec![t.to_string()],
        })
        .collect()
}

#[test]
fn hostile_names_never_change_the_statements() {
    let seed = Rng::env_seed();
    println!("hostile dialect names: GS_SEED={seed}");
    let mut rng = Rng(seed);
    let mut cases = 0;
    for (d, a) in combos() {
        let base = {
            let mut f = sample(d, a);
            f.set(Field::Password, "Str0ng-Passw0rd");
            if d == Db::Snowflake {
                f.set(Field::PublicKey, KEY);
            }
            f
        };
        let plain = generate(&base);
        let plain_shapes: Vec<_> = [
            &plain.setup,
            &plain.verify,
            &plain.uninstall,
            &plain.inspect,
        ]
        .iter()
        .map(|s| shape(d, s.as_deref().unwrap()))
        .collect();
        let mut done = 0;
        let mut tries = 0;
        while done < 60 {
            tries += 1;
            assert!(
                tries < 20_000,
                "{d:?}: the generator rarely passes validation"
            );
            let mut f = base.clone();
            // Only the fields whose text reaches the SQL as a name; one or two list items
            // to keep the statement count equal to the plain form's.
            let one = rng.word(&NASTY, 6);
            let two = rng.word(&NASTY, 6);
            match d {
                Db::BigQuery => {} // names are validated to plain characters
                _ => {
                    f.set(Field::Role, rng.word(&NASTY, 5));
                    f.set(Field::Schemas, format!("{one},{two}"));
                    if d != Db::MySql {
                        f.set(Field::Database, rng.word(&NASTY, 6));
                    }
                }
            }
            if d == Db::MySql {
                f.set(Field::ClientHost, rng.word(&NASTY, 4));
            }
            // SQL Server's change data capture names tables: two, as the sample does.
            if d == Db::SqlServer && a == Preset::Cdc {
                if [&one, &two]
                    .iter()
                    .any(|w| w.contains([',', '\n', '\r', '.']))
                {
                    continue;
                }
                f.set(Field::Tables, format!("{one}.{two}, {two}.{one}"));
            }
            if d == Db::Snowflake {
                f.set(Field::Warehouse, rng.word(&NASTY, 6));
            }
            if d == Db::Redshift {
                // One owner, as in the plain form (a comma would make a list).
                f.set(Field::Owners, rng.word(&NASTY, 6).replace(',', "x"));
            } else if has_password(d) {
                f.set(Field::Password, rng.word(&NASTY, 8));
            }
            let out = generate(&f);
            if out.setup.is_none() {
                continue;
            }
            // Same list length as the plain form (blank items drop, duplicates collapse).
            if d == Db::Redshift && split_list(f.get(Field::Owners)).is_none() {
                continue;
            }
            let joined = format!("{one},{two}");
            let items = split_list(&joined).unwrap_or_default();
            if items.len() != 2 || items[0] == items[1] {
                continue;
            }
            let shapes: Vec<_> = [&out.setup, &out.verify, &out.uninstall, &out.inspect]
                .iter()
                .map(|s| shape(d, s.as_deref().unwrap()))
                .collect();
            for (got, want) in shapes.iter().zip(&plain_shapes) {
                if let Some(i) =
                    (0..got.len().max(want.len())).find(|i| got.get(*i) != want.get(*i))
                {
                    panic!(
                        "{d:?} {a:?}: hostile names changed the tokens at {i} (GS_SEED={seed}): {:?} vs {:?}\n{}\n{}\n{}",
                        &got[i.saturating_sub(3)..(i + 3).min(got.len())],
                        &want[i.saturating_sub(3)..(i + 3).min(want.len())],
                        out.setup.as_deref().unwrap_or_default(),
                        out.verify.as_deref().unwrap_or_default(),
                        out.uninstall.as_deref().unwrap_or_default()
                    );
                }
            }
            parse_all(d, &f, &format!("{d:?} {a:?} hostile (GS_SEED={seed})"));
            done += 1;
            cases += 1;
        }
    }
    assert!(cases > 0);
}
