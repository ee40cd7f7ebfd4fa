//! Form state in a URL fragment (`#host=…&role=…`): starting values for embeds and
//! shareable links. A fragment never reaches a server. Passwords are never part of it.

use super::form::{Form, Scope};

/// Decodes `application/x-www-form-urlencoded` text (`+` is a space here, as in
/// `URLSearchParams`); bad escapes are kept as typed, bad UTF-8 becomes U+FFFD.
fn decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < b.len() => match (hex(b[i + 1]), hex(b[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push(h * 16 + l);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(c: u8) -> Option<u8> {
    (c as char).to_digit(16).map(|d| d as u8)
}

fn encode(s: &str) -> String {
    super::conn::percent_encode(s)
}

/// Every `key=value` pair of a fragment, decoded, in order.
///
/// ```
/// use grantsmith::core::share::fragment_pairs;
/// assert_eq!(fragment_pairs("#db=mysql&role=a+b%26c"),
///     vec![("db".to_string(), "mysql".to_string()), ("role".to_string(), "a b&c".to_string())]);
/// ```
pub fn fragment_pairs(fragment: &str) -> Vec<(String, String)> {
    let frag = fragment.strip_prefix('#').unwrap_or(fragment);
    frag.split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (decode(k), decode(v))
        })
        .collect()
}

/// Starting values of another database's form: its text fields by their keys
/// (`client-host`, `warehouse`, …) and `ssl`.
///
/// ```
/// use grantsmith::core::dialect::{Access, Dialect, DialectForm, Key};
/// use grantsmith::core::share::apply_dialect_fragment;
/// let mut f = DialectForm::new(Dialect::MySql, Access::ReadOnly);
/// apply_dialect_fragment(&mut f, "#db=mysql&host=db.example.com&client-host=10.0.%25&ssl=1");
/// assert_eq!((f.get(Key::Host), f.get(Key::ClientHost), f.ssl), ("db.example.com", "10.0.%", true));
/// ```
pub fn apply_dialect_fragment(form: &mut super::dialect::DialectForm, fragment: &str) {
    for (k, v) in fragment_pairs(fragment) {
        if k == "ssl" {
            form.ssl = matches!(v.as_str(), "1" | "true" | "on" | "yes");
        } else if let Some(key) = super::dialect::Key::ALL
            .into_iter()
            .find(|key| key.as_str() == k)
        {
            form.set(key, v);
        }
    }
}

/// Starting values read from a fragment: only the keys present are set.
///
/// ```
/// use grantsmith::core::share::apply_fragment;
/// use grantsmith::core::{Form, Scope};
/// let mut f = Form::default();
/// apply_fragment(&mut f, "#host=db.example.com&role=app+user&scope=listed&schemas=a%2Cb&rls=1");
/// assert_eq!((f.host.as_str(), f.role.as_str(), f.schemas.as_str()), ("db.example.com", "app user", "a,b"));
/// assert_eq!((f.scope, f.rls), (Scope::Listed, true));
/// ```
pub fn apply_fragment(form: &mut Form, fragment: &str) {
    for (k, v) in fragment_pairs(fragment) {
        match k.as_str() {
            "host" => form.host = v,
            "port" => form.port = v,
            "role" => form.role = v,
            "database" => form.database = v,
            "schemas" => form.schemas = v,
            "owners" => form.owners = v,
            "scope" => {
                form.scope = if v == "listed" {
                    Scope::Listed
                } else {
                    Scope::All
                }
            }
            "rls" => form.rls = matches!(v.as_str(), "1" | "true" | "on" | "yes"),
            _ => {}
        }
    }
}

/// The fragment that restores `form` (without `#`), listing only fields that differ
/// from the defaults.
///
/// ```
/// use grantsmith::core::share::{apply_fragment, to_fragment};
/// use grantsmith::core::Form;
/// let f = Form { host: "h.example.com".into(), role: "a&b=c d".into(), ..Form::default() };
/// let mut back = Form::default();
/// apply_fragment(&mut back, &to_fragment(&f));
/// assert_eq!(back, f);
/// ```
pub fn to_fragment(form: &Form) -> String {
    let d = Form::default();
    let mut parts = Vec::new();
    for (k, v, dv) in [
        ("host", &form.host, &d.host),
        ("port", &form.port, &d.port),
        ("role", &form.role, &d.role),
        ("database", &form.database, &d.database),
        ("schemas", &form.schemas, &d.schemas),
        ("owners", &form.owners, &d.owners),
    ] {
        if v != dv {
            parts.push(format!("{k}={}", encode(v)));
        }
    }
    if form.scope == Scope::Listed {
        parts.push("scope=listed".into());
    }
    if form.rls {
        parts.push("rls=1".into());
    }
    parts.join("&")
}
