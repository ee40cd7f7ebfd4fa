//! The connection details and share links decoded back, each by its own format's rules
//! (URIs, libpq keyword/value strings, `.pgpass` lines, the client code forms), and
//! compared with what was typed.

use grantsmith::core::share::{from_fragment, to_fragment};
use grantsmith::core::text::js_trim;
use grantsmith::core::{Db, Field, Intent, Output};

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
pub(crate) fn check_libpq_forms(i: &Intent) -> Result<(), String> {
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
pub(crate) fn check_code_forms(i: &Intent) -> Result<(), String> {
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

pub(crate) fn check_conn(i: &Intent, out: &Output) -> Result<(), String> {
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

pub(crate) fn check_share(i: &Intent) -> Result<(), String> {
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
