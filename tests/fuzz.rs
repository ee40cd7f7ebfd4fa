//! Seeded fuzzing of every core entry point with hostile text: `GS_FUZZ_N` inputs
//! (default 3,000 for a plain `cargo test`; the test command runs 100,000; a million on
//! demand), seed printed and replayable with `GS_SEED`. For each input:
//! - nothing panics, and Generate is enabled exactly when there is a script;
//! - no output holds a NUL, and no `--` comment holds a control character but the
//!   newline that ends it (PostgreSQL ends a comment at CR too, MySQL at LF, so the
//!   rest of the line would run): the scripts generated and the drift check's fix
//!   scripts alike;
//! - every dollar-quoted body ends where the generator meant it to (`$tag$ LANGUAGE`);
//! - a script tokenizes (in its database's rules, dollar-quoted bodies included) to the
//!   same structure as the same intent with plain names;
//! - connection strings and share links decode back to what was typed;
//! - output size stays linear in input size.

#[path = "common/rng.rs"]
mod rng;

use grantsmith::core::backend::Backend;
use grantsmith::core::privileges::Privileges;
use grantsmith::core::share::{from_fragment, to_fragment};
use grantsmith::core::text::{js_trim, split_unique};
use grantsmith::core::{generate, Db, Field, Intent, Output, Preset, Scope};
use rng::Rng;
use sqlparser::dialect::{
    BigQueryDialect, Dialect, MsSqlDialect, MySqlDialect, PostgreSqlDialect, RedshiftSqlDialect,
    SnowflakeDialect,
};
use sqlparser::tokenizer::{Token, Tokenizer, Whitespace};

/// Pieces of hostile names: every quote of every database, escapes, comment starts,
/// dollar tags, list separators, control characters, non-ASCII and look-alike spaces.
const HOSTILE: &[&str] = &[
    "a", "B", "_", "%", "'", "\"", "`", "[", "]", "\\", "$", "$$", "$gs$", "$gs1$", "--", "/*",
    "*/", ";", ",", " ", "é", "德", "😀", "\u{feff}", "\u{2028}", "\u{a0}", "GO", "DROP", "@", ":",
    "/", "?", "#", "&", "=", "+", "{", "}", "N'", "E'",
];

/// Control characters (every database refuses most of them in names): in one hostile
/// name out of eight.
const CONTROL: &[&str] = &["\n", "\r", "\t", "\0", "\u{1}", "\u{7f}", "a", "'"];

/// Plain names, for the twin whose token structure the hostile script must keep.
const PLAIN: &[&str] = &[
    "alpha", "beta", "gamma", "delta", "eps", "zeta", "eta", "theta",
];

fn hostile(rng: &mut Rng) -> String {
    let max = if rng.below(50) == 0 { 400 } else { 8 };
    let mut w = rng.word(HOSTILE, max);
    if rng.below(8) == 0 {
        w.push_str(&rng.word(CONTROL, 3));
    }
    w
}

/// Every (database, access) the page offers.
fn combos() -> Vec<(Db, Preset)> {
    Db::ALL
        .iter()
        .flat_map(|d| Backend::presets(*d).iter().map(move |a| (*d, *a)))
        .collect()
}

/// A plausible value for a field (most forms should reach their scripts).
fn plain_value(db: Db, f: Field, n: usize) -> String {
    let name = PLAIN[n % PLAIN.len()];
    match (db, f) {
        (Db::BigQuery, Field::Database) => "my-project".into(),
        (Db::BigQuery, Field::Role) => "sa@my-project.iam.gserviceaccount.com".into(),
        (Db::Snowflake, Field::Host) => "myorg-myaccount".into(),
        (_, Field::Host) => "db.example.com".into(),
        (_, Field::Port) => "5433".into(),
        (_, Field::Password) => "Passw0rdXyz".into(),
        (_, Field::Tables) => format!("public.{name}"),
        (Db::Redshift, _) | (Db::BigQuery, _) => name.into(),
        _ => name.into(),
    }
}

/// A random intent: each field plain, hostile, empty or a (hostile) list.
fn intent(rng: &mut Rng) -> Intent {
    let all = combos();
    let (db, preset) = all[rng.below(all.len())];
    let mut i = Intent::new(db, preset);
    let spec = i.spec();
    let keys: Vec<Field> = spec
        .fields_for(preset)
        .map(|f| f.key)
        .chain([Field::Password])
        .collect();
    for (n, key) in keys.into_iter().enumerate() {
        // Hosts, ports, project IDs and e-mails have strict forms: mostly valid, so that
        // most inputs reach the renderers with hostile names in them.
        let strict = matches!(
            key,
            Field::Host | Field::Port | Field::Location | Field::PublicKey
        ) || (db == Db::BigQuery && matches!(key, Field::Database | Field::Role))
            || (db == Db::Postgres && key == Field::Database);
        if strict && rng.below(8) != 0 {
            if key == Field::Host && db != Db::Snowflake && rng.below(3) == 0 {
                // An IPv6 address, bare or in brackets: each form spells it its way.
                i.set(key, ["::1", "[2001:db8::5]", " [::1] "][rng.below(3)]);
            } else if key != Field::Location && key != Field::PublicKey {
                i.set(key, plain_value(db, key, n));
            }
            continue;
        }
        let v = match rng.below(6) {
            0 => continue,
            1 => String::new(),
            2 if matches!(key, Field::Schemas | Field::Owners) => {
                let items = if rng.below(20) == 0 {
                    300
                } else {
                    1 + rng.below(4)
                };
                (0..items)
                    .map(|_| {
                        if rng.below(2) == 0 {
                            hostile(rng)
                        } else {
                            PLAIN[rng.below(8)].into()
                        }
                    })
                    .collect::<Vec<_>>()
                    .join(", ")
            }
            // Tables as schema.table, each part quoted (hostile parts may hold dots).
            2 | 3 if key == Field::Tables => (0..1 + rng.below(3))
                .map(|_| {
                    let q = |s: String| format!("\"{}\"", s.replace('"', "\"\""));
                    format!("{}.{}", q(hostile(rng)), q(hostile(rng)))
                })
                .collect::<Vec<_>>()
                .join(", "),
            2 | 3 => hostile(rng),
            _ => plain_value(db, key, n),
        };
        i.set(key, v);
    }
    for s in grantsmith::core::intent::Switch::ALL {
        i.set_switch(*s, rng.below(2) == 0);
    }
    // A value the form does not show (a link or profile made for another preset):
    // never refused in silence (Generate enabled with nothing written).
    if rng.below(4) == 0 {
        let hidden: Vec<Field> = Field::ALL
            .into_iter()
            .filter(|f| *f != Field::Password && spec.fields_for(preset).all(|s| s.key != *f))
            .collect();
        if !hidden.is_empty() {
            let f = hidden[rng.below(hidden.len())];
            i.set(f, hostile(rng));
        }
    }
    i.scope = if rng.below(2) == 0 {
        Scope::All
    } else {
        Scope::Listed
    };
    i.rls = rng.below(2) == 0;
    i.tls = rng.below(2) == 0;
    // A verifier is 8,192 HMACs: drawn in one case in ten (its text is base64 anyway).
    i.scram = rng.below(10) == 0;
    i.custom = Privileges::from_key(&rng.word(
        &[
            "table.SELECT,",
            "table.TRIGGER,",
            "sequence.USAGE,",
            "schema.USAGE,",
            "database.CONNECT,",
            "function.EXECUTE,",
            "future,",
        ],
        5,
    ));
    i
}

/// The same intent with every name plain: list items keep their number.
fn plain_twin(i: &Intent) -> Intent {
    let mut t = i.clone();
    let spec = i.spec();
    for (n, f) in spec.fields_for(i.preset).map(|f| f.key).enumerate() {
        let v = i.get(f);
        let plain = match f {
            Field::Port | Field::Host | Field::Include | Field::Exclude | Field::PublicKey => {
                continue
            }
            // Each distinct schema a plain name of its own, so that repeats stay repeats.
            Field::Tables => match split_unique(v) {
                Some(items) => {
                    let mut seen: Vec<String> = Vec::new();
                    items
                        .iter()
                        .enumerate()
                        .map(|(k, item)| {
                            let schema =
                                grantsmith::core::backend::postgres::cdc::names::table(item)
                                    .map(|t| t.schema.raw().to_string())
                                    .unwrap_or_default();
                            if !seen.contains(&schema) {
                                seen.push(schema.clone());
                            }
                            let n = seen.iter().position(|s| *s == schema).unwrap_or(0);
                            format!("s{n}.t{k}")
                        })
                        .collect::<Vec<_>>()
                        .join(",")
                }
                None => v.to_string(),
            },
            Field::Schemas | Field::Owners => match split_unique(v) {
                Some(items) => (0..items.len())
                    .map(|k| format!("{}{k}", PLAIN[k % 8]))
                    .collect::<Vec<_>>()
                    .join(","),
                None => v.to_string(),
            },
            _ if js_trim(v).is_empty() => v.to_string(),
            _ => plain_value(i.db, f, n),
        };
        t.set(f, plain);
    }
    if !i.get(Field::Password).is_empty() {
        t.set(Field::Password, "Passw0rdXyz");
    }
    t
}

fn dialect(db: Db) -> Box<dyn Dialect> {
    match db {
        Db::Postgres => Box::new(PostgreSqlDialect {}),
        Db::MySql => Box::new(MySqlDialect {}),
        Db::SqlServer => Box::new(MsSqlDialect {}),
        Db::Snowflake => Box::new(SnowflakeDialect {}),
        Db::Redshift => Box::new(RedshiftSqlDialect {}),
        Db::BigQuery => Box::new(BigQueryDialect {}),
    }
}

/// Tokens with every name, string and number as one atom, dollar-quoted bodies
/// tokenized in turn; comments checked on the way: no control character but the
/// newline that ends one (the tokenizer ends a PostgreSQL comment at CR too, and keeps
/// the CR, so a comment ended early is caught here as well).
fn shape(db: Db, sql: &str, out: &mut Vec<String>) -> Result<(), String> {
    let d = dialect(db);
    // What the user does before running it (the placeholder is not SQL on purpose).
    let sql = sql.replace("[[REPLACE_WITH_PASSWORD]]", "'pw'");
    let tokens = Tokenizer::new(d.as_ref(), &sql)
        .tokenize()
        .map_err(|e| format!("tokenize: {e}"))?;
    for t in tokens {
        match t {
            Token::Whitespace(Whitespace::SingleLineComment { comment, .. }) => {
                let text = comment.strip_suffix('\n').unwrap_or(&comment);
                if text
                    .chars()
                    .any(grantsmith::core::quote::is_unsafe_in_comment)
                {
                    return Err(format!("a control character inside a comment: {comment:?}"));
                }
            }
            Token::Whitespace(_) => {}
            Token::DollarQuotedString(s) => {
                out.push("<$".into());
                shape(db, &s.value, out)?;
                out.push("$>".into());
            }
            Token::Word(_)
            | Token::Number(..)
            | Token::SingleQuotedString(_)
            | Token::DoubleQuotedString(_)
            | Token::NationalStringLiteral(_)
            | Token::SingleQuotedByteStringLiteral(_)
            | Token::EscapedStringLiteral(_) => out.push("<atom>".into()),
            t => out.push(t.to_string()),
        }
    }
    Ok(())
}

/// Every `DO $tag$` body closes at `$tag$ LANGUAGE plpgsql;`, nowhere earlier.
fn dollar_bodies_close_where_meant(sql: &str) -> Result<(), String> {
    for (at, _) in sql.match_indices("DO $") {
        let rest = &sql[at + 3..];
        let tag_len = rest[1..].find('$').ok_or("unterminated tag")? + 2;
        let tag = &rest[..tag_len];
        let body_end = rest[tag_len..].find(tag).ok_or("unclosed body")? + tag_len;
        if !rest[body_end + tag.len()..].starts_with(" LANGUAGE plpgsql;") {
            return Err(format!("the body opened by {tag} closes early"));
        }
    }
    Ok(())
}

fn percent_decode(s: &str) -> Vec<u8> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut k = 0;
    while k < b.len() {
        if b[k] == b'%' && k + 2 < b.len() {
            out.push(u8::from_str_radix(&s[k + 1..k + 3], 16).unwrap());
            k += 3;
        } else {
            out.push(b[k]);
            k += 1;
        }
    }
    out
}

/// `scheme://user:password@host:port/db?…` back into its parts.
fn uri_parts(uri: &str) -> (String, String, String) {
    let rest = uri.split_once("://").unwrap().1;
    let (auth, path) = rest.rsplit_once('@').unwrap();
    let (user, pw) = auth.split_once(':').unwrap();
    let db = path.split_once('/').unwrap().1.split('?').next().unwrap();
    let dec = |s: &str| String::from_utf8(percent_decode(s)).unwrap();
    (dec(user), dec(pw), dec(db))
}

/// The host of `scheme://user:password@host:port/…`, an IPv6 address out of its brackets.
fn uri_host(uri: &str) -> &str {
    let after = uri.rsplit_once('@').unwrap().1;
    let hostport = after.split('/').next().unwrap();
    match hostport.strip_prefix('[') {
        Some(v6) => v6.split_once(']').unwrap().0,
        None => hostport.rsplit_once(':').unwrap().0,
    }
}

/// libpq's keyword/value grammar: `key='value'` with `\\` escaping the next character.
fn keyword_values(s: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut chars = s.chars().peekable();
    while chars.peek().is_some() {
        let key: String = chars.by_ref().take_while(|c| *c != '=').collect();
        let mut value = String::new();
        if chars.peek() == Some(&'\'') {
            chars.next();
            while let Some(c) = chars.next() {
                match c {
                    '\\' => value.extend(chars.next()),
                    '\'' => break,
                    c => value.push(c),
                }
            }
            chars.next_if_eq(&' ');
        } else {
            value = chars.by_ref().take_while(|c| *c != ' ').collect();
        }
        out.push((key.trim().to_string(), value));
    }
    out
}

/// A `.pgpass` line's fields: split at unescaped `:`, `\\` escaping the next character.
fn pgpass_fields(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => fields.last_mut().unwrap().extend(chars.next()),
            ':' => fields.push(String::new()),
            c => fields.last_mut().unwrap().push(c),
        }
    }
    fields
}

/// The libpq forms carry exactly the user, password and database the URI does.
fn check_libpq_forms(i: &Intent) -> Result<(), String> {
    use grantsmith::core::client::Client;
    use grantsmith::core::client_form;
    let Some(Ok(uri)) = client_form(i, Client::Uri) else {
        return Ok(());
    };
    let (user, pw, db) = uri_parts(&uri);
    if let Some(Ok(kv)) = client_form(i, Client::KeywordValue) {
        let pairs = keyword_values(&kv);
        let get = |k: &str| {
            pairs
                .iter()
                .find(|(key, _)| key == k)
                .map(|(_, v)| v.clone())
        };
        let got = (get("user"), get("password"), get("dbname"));
        if got != (Some(user.clone()), Some(pw.clone()), Some(db.clone())) {
            return Err(format!("keyword/value {kv:?} reads back as {got:?}"));
        }
        // The host a client resolves: the URI's, out of its brackets.
        if get("host").as_deref() != Some(uri_host(&uri)) {
            return Err(format!(
                "keyword/value {kv:?}: host is not the URI's {uri:?}"
            ));
        }
    }
    if let Some(Ok(line)) = client_form(i, Client::Pgpass) {
        let f = pgpass_fields(&line);
        if f.len() != 5
            || (f[0].as_str(), f[2].as_str(), f[3].as_str(), f[4].as_str())
                != (uri_host(&uri), db.as_str(), user.as_str(), pw.as_str())
        {
            return Err(format!(".pgpass {line:?} reads back as {f:?}"));
        }
    }
    Ok(())
}

/// The value of `key` in a code form's line `<indent><key><sep><literal>,` (Node,
/// Python), or `props.setProperty("<key>", <literal>);` (Java: sep `java`).
fn code_value(code: &str, key: &str, sep: &str) -> Option<String> {
    let prefix = if sep == "java" {
        format!("props.setProperty(\"{key}\", ")
    } else {
        format!("{key}{sep}")
    };
    let line = code
        .lines()
        .find_map(|l| l.trim_start().strip_prefix(&prefix))?;
    let lit = line
        .strip_suffix(");")
        .or(line.strip_suffix(".encode(),"))
        .or(line.strip_suffix(','))
        .unwrap_or(line);
    if sep == ": " {
        return serde_json::from_str(lit).ok();
    }
    // Python writes \\, \" and \xNN; Java \\, \" and three octal digits.
    let body = lit.strip_prefix('"')?.strip_suffix('"')?;
    let mut out = String::new();
    let mut chars = body.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next()? {
            'x' => {
                let hex: String = chars.by_ref().take(2).collect();
                out.push(char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?);
            }
            d @ '0'..='3' if sep == "java" => {
                let oct: String = std::iter::once(d).chain(chars.by_ref().take(2)).collect();
                out.push(char::from_u32(u32::from_str_radix(&oct, 8).ok()?)?);
            }
            c => out.push(c),
        }
    }
    Some(out)
}

/// The Node, Python and Java forms carry exactly the user, password and database the
/// URI does (PostgreSQL's and MySQL's).
fn check_code_forms(i: &Intent) -> Result<(), String> {
    use grantsmith::core::client::Client;
    use grantsmith::core::client_form;
    let uri_form = if i.db == Db::MySql {
        Client::MySqlUri
    } else {
        Client::Uri
    };
    let Some(Ok(uri)) = client_form(i, uri_form) else {
        return Ok(());
    };
    let want = uri_parts(&uri);
    for (form, sep, db) in [
        (Client::NodePg, ": ", "database"),
        (Client::Psycopg, "=", "dbname"),
        (Client::SqlAlchemyPg, "=", "database"),
        (Client::JdbcPg, "java", ""),
        (Client::Mysql2, ": ", "database"),
        (Client::PyMySql, "=", "database"),
        (Client::SqlAlchemyMySql, "=", "database"),
        (Client::JdbcMySql, "java", ""),
    ] {
        let Some(Ok(code)) = client_form(i, form) else {
            continue;
        };
        let user_key = if matches!(form, Client::SqlAlchemyPg | Client::SqlAlchemyMySql) {
            "username"
        } else {
            "user"
        };
        let database = match form {
            // pgjdbc: percent-encoded in the URL; MySQL Connector/J: setCatalog.
            Client::JdbcPg => code
                .split("jdbc:postgresql://")
                .nth(1)
                .and_then(|r| r.split_once('/'))
                .and_then(|(_, p)| p.split('"').next())
                .map(|p| String::from_utf8_lossy(&percent_decode(p)).into_owned()),
            Client::JdbcMySql => code
                .split("conn.setCatalog(")
                .nth(1)
                .and_then(|r| code_value(&format!("props.setProperty(\"db\", {r}"), "db", "java")),
            _ => code_value(&code, db, sep),
        };
        let mut password = code_value(&code, "password", sep);
        if form == Client::SqlAlchemyMySql && password.is_none() {
            // A non-ASCII password goes through connect_args as bytes.
            password = code
                .split("\"password\": ")
                .nth(1)
                .and_then(|r| r.rsplit_once(".encode()"))
                .and_then(|(lit, _)| code_value(&format!("password={lit},"), "password", "="));
        }
        let host_key = if sep == "java" { None } else { Some("host") };
        if let Some(k) = host_key {
            let host = code_value(&code, k, sep);
            if host.as_deref() != Some(uri_host(&uri)) {
                return Err(format!("{form:?} {code:?}: host {host:?} is not the URI's"));
            }
        }
        let got = (code_value(&code, user_key, sep), password, database);
        if got
            != (
                Some(want.0.clone()),
                Some(want.1.clone()),
                Some(want.2.clone()),
            )
        {
            return Err(format!("{form:?} {code:?} reads back as {got:?}"));
        }
    }
    Ok(())
}

fn check_conn(i: &Intent, out: &Output) -> Result<(), String> {
    let Some(conn) = &out.conn else { return Ok(()) };
    let typed_pw = i.get(Field::Password);
    let role = js_trim(i.get(Field::Role));
    match i.db {
        Db::Postgres | Db::MySql | Db::Redshift => {
            let (user, pw, _db) = uri_parts(conn);
            if !typed_pw.is_empty() && pw != typed_pw {
                return Err(format!("password {pw:?} != {typed_pw:?}"));
            }
            let want = if i.db == Db::Redshift {
                role.to_ascii_lowercase()
            } else {
                role.to_string()
            };
            if !role.is_empty() && user != want {
                return Err(format!("user {user:?} != {want:?}"));
            }
        }
        _ => {}
    }
    Ok(())
}

fn check_share(i: &Intent) -> Result<(), String> {
    let back = from_fragment(&to_fragment(i));
    for f in Field::ALL {
        let want = if f == Field::Password { "" } else { i.get(f) };
        if back.get(f) != want {
            return Err(format!(
                "share link: {f:?} came back {:?}, not {want:?}",
                back.get(f)
            ));
        }
    }
    if (
        back.db,
        back.preset,
        back.scope,
        back.rls,
        back.tls,
        &back.custom,
    ) != (i.db, i.preset, i.scope, i.rls, i.tls, &i.custom)
    {
        return Err("share link: an option came back different".into());
    }
    Ok(())
}

fn check(i: &Intent) -> Result<(), String> {
    let out = generate(i);
    if out.ready() != out.setup.is_some() {
        return Err(format!(
            "Generate {} but setup {:?}",
            out.ready(),
            out.setup.is_some()
        ));
    }
    let texts = [
        &out.setup,
        &out.verify,
        &out.uninstall,
        &out.conn,
        &out.policy_name,
        &out.summary,
        &out.inspect,
    ];
    let input: usize = Field::ALL.iter().map(|f| i.get(*f).len()).sum();
    for t in texts.iter().filter_map(|t| t.as_ref()) {
        if t.contains('\0') {
            return Err("NUL in the output".into());
        }
        if t.len() > 40_000 + 60 * input {
            return Err(format!(
                "output of {} bytes for {input} bytes typed",
                t.len()
            ));
        }
    }
    let share = to_fragment(i);
    if share.contains('\0') {
        return Err("NUL in the share link".into());
    }
    check_share(i)?;
    check_conn(i, &out)?;
    check_libpq_forms(i)?;
    check_code_forms(i)?;
    for sql in [&out.setup, &out.verify, &out.uninstall]
        .into_iter()
        .flatten()
    {
        dollar_bodies_close_where_meant(sql)?;
    }
    if out.setup.is_none() {
        return Ok(());
    }
    let twin = generate(&plain_twin(i));
    let (Some(a), Some(b)) = (&out.setup, &twin.setup) else {
        return Ok(());
    };
    let inspect = out.inspect.as_ref().zip(twin.inspect.as_ref());
    for (ours, plain) in [
        (a, b),
        (out.verify.as_ref().unwrap(), twin.verify.as_ref().unwrap()),
        (
            out.uninstall.as_ref().unwrap(),
            twin.uninstall.as_ref().unwrap(),
        ),
    ]
    .into_iter()
    .chain(inspect)
    {
        let (mut s1, mut s2) = (Vec::new(), Vec::new());
        shape(i.db, ours, &mut s1).map_err(|e| format!("{e}\n{ours}"))?;
        shape(i.db, plain, &mut s2).map_err(|e| format!("plain twin: {e}"))?;
        if s1 != s2 {
            let at = (0..s1.len().max(s2.len()))
                .find(|k| s1.get(*k) != s2.get(*k))
                .unwrap_or(0);
            return Err(format!(
                "token structure differs from plain names at {at}: {:?} vs {:?}",
                &s1[at.saturating_sub(3)..(at + 3).min(s1.len())],
                &s2[at.saturating_sub(3)..(at + 3).min(s2.len())]
            ));
        }
    }
    Ok(())
}

#[test]
fn hostile_inputs_through_every_entry_point() {
    let n: usize = std::env::var("GS_FUZZ_N")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(3_000);
    let seed = Rng::env_seed();
    println!("fuzz: {n} inputs, GS_SEED={seed}");
    let mut rng = Rng(seed);
    let (mut scripts, mut refused) = (0, 0);
    for case in 0..n {
        let state = rng.0;
        let i = intent(&mut rng);
        let result = std::panic::catch_unwind(|| check(&i)).unwrap_or_else(|_| Err("panic".into()));
        if let Err(e) = result {
            panic!("case {case} (GS_SEED={seed}, state {state}): {e}\n{i:?}");
        }
        if grantsmith::core::check(&i).ready() {
            scripts += 1
        } else {
            refused += 1
        }
    }
    println!("fuzz: {scripts} inputs reached their scripts, {refused} were refused with a message");
    assert!(
        scripts > n / 20,
        "too few inputs reached a script: {scripts}"
    );
}

#[test]
fn repeated_names_collapse_to_the_first_in_order() {
    let seed = Rng::env_seed();
    let mut rng = Rng(seed);
    for _ in 0..2_000 {
        let n = rng.below(60);
        let list: Vec<String> = (0..n)
            .map(|_| rng.word(&["a", "b", "c", " ", "é"], 3))
            .collect();
        let text = list.join(",");
        let mut naive: Vec<&str> = Vec::new();
        for item in grantsmith::core::text::split_list(&text).unwrap_or_default() {
            if !naive.contains(&item) {
                naive.push(item);
            }
        }
        let naive = (!naive.is_empty()).then_some(naive);
        assert_eq!(split_unique(&text), naive, "{text:?} (GS_SEED={seed})");
    }
}

#[test]
fn the_edge_cases_it_found() {
    use grantsmith::core::quote::pg::dollar_quote;
    // A body ending in `$` or `$gs` closed its quote early.
    for body in ["x$", "x$gs", "$", "a$$b$gs$c$"] {
        let q = dollar_quote(body);
        dollar_bodies_close_where_meant(&format!("DO {q} LANGUAGE plpgsql;"))
            .unwrap_or_else(|e| panic!("{body:?}: {e}"));
    }
    // NUL in a password is refused with a verifier too.
    let i = Intent::default()
        .with(Field::Host, "db.example.com")
        .with(Field::Password, "a\0b");
    assert!(generate(&i).error(Field::Password).is_some());
    // A metadata-only value from a link does not stop another preset, in silence or
    // at all: the read-only connector writes its scripts.
    let ro = Intent::new(Db::Postgres, Preset::ReadOnly)
        .with(Field::Host, "db.example.com")
        .with(Field::Database, "app")
        .with(Field::PasswordEnvName, "%");
    assert!(generate(&ro).setup.is_some(), "{:?}", generate(&ro).hint);
    // The metadata summary takes one line and an environment variable name.
    let m = Intent::new(Db::Postgres, Preset::Metadata)
        .with(Field::Host, "db.example.com")
        .with(Field::Database, "app");
    let bad = generate(
        &m.clone()
            .with(Field::ConnectionName, "a\nb")
            .with(Field::PasswordEnvName, "PG PW"),
    );
    assert!(
        bad.error(Field::ConnectionName).is_some() && bad.error(Field::PasswordEnvName).is_some()
    );
    assert!(bad.summary.is_none());
    // Lists name each schema and owner once.
    let sql = generate(
        &m.clone()
            .with(Field::Schemas, "sales, sales")
            .with(Field::Owners, "o, o"),
    )
    .setup
    .unwrap();
    assert!(sql.contains("FOREACH s IN ARRAY ARRAY['sales'] LOOP"));
    assert_eq!(sql.matches("-- Schema sales\n").count(), 1);
    assert!(sql.contains("FOR ROLE \"o\" IN SCHEMA \"sales\"\n"));
    // Zero-padded ports are written as the number.
    let conn = generate(
        &m.clone()
            .with(Field::Port, format!("{}5432", "0".repeat(1000))),
    )
    .conn
    .unwrap();
    assert!(conn.contains("db.example.com:5432/app"), "{conn}");
    // Linear: 200 schemas × 200 owners stay small; an absurd field is refused.
    let list = |p: &str| {
        (0..200)
            .map(|k| format!("{p}{k}"))
            .collect::<Vec<_>>()
            .join(",")
    };
    let big = generate(
        &m.clone()
            .with(Field::Schemas, list("s"))
            .with(Field::Owners, list("o")),
    )
    .setup
    .unwrap();
    assert!(big.len() < 100_000, "{} bytes", big.len());
    let huge = generate(&m.clone().with(Field::Schemas, "s,".repeat(40_000)));
    assert!(huge.error(Field::Schemas).unwrap().starts_with("Too long"));
}

/// Random facts of every kind, with hostile fields, under a header that matches: the
/// comparison and the fix script take any of them without a panic, a fact that
/// cannot be fixed safely is listed for a person instead of written as SQL, and every
/// line of the fix script is checked as the generated scripts are (its comments hold no
/// control character, its dollar-quoted bodies close where meant).
#[test]
fn hostile_pastes_through_the_drift_check() {
    use grantsmith::core::check_paste;
    use grantsmith::core::drift::KINDS;
    let esc = |s: &str| {
        s.replace('\\', "\\\\")
            .replace('\t', "\\t")
            .replace('\n', "\\n")
            .replace('\r', "\\r")
    };
    let role = "fu\"zz'\\";
    let pg = Intent::new(Db::Postgres, Preset::ReadWrite)
        .with(Field::Host, "db.example.com")
        .with(Field::Database, "shop")
        .with(Field::Role, role)
        .with(Field::Owners, "own\"er");
    let my = Intent::new(Db::MySql, Preset::ReadOnly)
        .with(Field::Host, "db.example.com")
        .with(Field::Role, role)
        .with(Field::Schemas, "shop");
    let q = generate(&pg).inspect.unwrap();
    let at = q.find("current_user, '").unwrap() + "current_user, '".len();
    let pg_head = format!(
        "grantsmith-inspect\t2\t{}\tshop\texists\trunner\t{}",
        esc(role),
        &q[at..at + 8]
    );
    let my_head = format!(
        "grantsmith-inspect\t2\t{}\t%\texists\troot@localhost\tmysql",
        esc(role)
    );
    let seed = Rng::env_seed();
    let mut rng = Rng(seed);
    for case in 0..2_000 {
        let words = [
            "SELECT",
            "INSERT",
            "USAGE",
            "CREATE",
            "EXECUTE",
            "SUPERUSER",
            "grantable",
            "",
            "r",
            "S",
            "direct",
            "table",
            // What a name made with CREATE can hold to end a comment line early.
            "_x\nGO\n",
            "x\r$$",
            "\u{b}\u{c}\u{85}\u{1b}",
        ];
        let n = rng.below(12);
        let mut lines = Vec::new();
        for _ in 0..n {
            let (kind, arity) = KINDS[rng.below(KINDS.len())];
            let fields: Vec<String> = (0..arity)
                .map(|_| match rng.below(3) {
                    0 => hostile(&mut rng),
                    _ => words[rng.below(words.len())].to_string(),
                })
                .collect();
            lines.push(format!(
                "{kind}\t{}",
                fields.iter().map(|f| esc(f)).collect::<Vec<_>>().join("\t")
            ));
        }
        for (i, head) in [(&pg, &pg_head), (&my, &my_head)] {
            let paste = format!(
                "{head}\n{}\ngrantsmith-inspect-end\t{n}\n",
                lines.join("\n")
            );
            let paste = if n == 0 {
                paste.replace("\n\n", "\n")
            } else {
                paste
            };
            let r = std::panic::catch_unwind(|| check_paste(i, &paste))
                .unwrap_or_else(|_| panic!("case {case} (GS_SEED={seed}): panic\n{paste}"));
            let report = match r {
                Some(Ok(report)) => report,
                other => panic!("case {case} (GS_SEED={seed}): {other:?}\n{paste}"),
            };
            let fix = report.fix_sql();
            assert!(!fix.is_empty());
            if let Err(e) = shape(i.db, &fix, &mut Vec::new())
                .and_then(|_| dollar_bodies_close_where_meant(&fix))
            {
                panic!("case {case} (GS_SEED={seed}): {e}\n{fix}");
            }
            // Every unfixable row is listed; every fixable one has its statement.
            for row in report
                .rows
                .iter()
                .filter(|r| r.status != grantsmith::core::drift::Status::Present)
            {
                match &row.fix {
                    Some(s) => assert!(fix.contains(s.as_str()), "case {case}: {s}"),
                    None => assert!(
                        fix.contains(&format!("--   {}", row.what)),
                        "case {case}: {}",
                        row.what
                    ),
                }
            }
        }
    }
}
