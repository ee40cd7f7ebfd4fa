//! Form state in a URL fragment (`#host=…&role=…`): starting values for embeds and
//! shareable links. A fragment never reaches a server. Passwords are never part of it.

use super::intent::{Db, Field, Intent, Preset, Scope};

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

fn on(v: &str) -> bool {
    matches!(v, "1" | "true" | "on" | "yes")
}

/// Applies one `key=value` starting value (fragment, `data-*`, CLI): a field by its
/// key, or an option. `db` and `preset` are read first by [`from_fragment`]; unknown
/// keys are ignored here (the CLI refuses them before).
pub fn apply(i: &mut Intent, key: &str, value: &str) {
    match key {
        "scope" => {
            i.scope = if value == "listed" {
                Scope::Listed
            } else {
                Scope::All
            }
        }
        "all-schemas" => i.scope = if on(value) { Scope::All } else { Scope::Listed },
        "rls" => i.rls = on(value),
        "ssl" => i.tls = on(value),
        "privileges" => i.custom = super::privileges::Privileges::from_key(value),
        // The CLI's --product (a page reads it into its profile first).
        "product" => i.brand = super::brand::Brand::new(value).ok(),
        "provider" => {
            if let Some(p) = super::provider::Pick::from_key(value) {
                i.set_provider(p);
            }
        }
        _ => {
            if let Some(f) = Field::from_key(key) {
                i.set(f, value);
            } else if let Some(s) = super::choices::Switch::from_key(key) {
                i.set_switch(s, on(value));
            }
        }
    }
}

/// The intent a fragment starts with: its database and preset, then every other value
/// in order, exactly as typing them would (a Neon host switches Neon's defaults).
///
/// ```
/// use grantsmith::core::share::from_fragment;
/// use grantsmith::core::{Preset, Db, Field, Scope};
/// let i = from_fragment("#preset=connector-rw&host=db.example.com&role=etl&database=shop");
/// assert_eq!((i.db, i.preset), (Db::Postgres, Preset::ReadWrite));
/// assert_eq!((i.get(Field::Host), i.get(Field::Role), i.get(Field::Database)), ("db.example.com", "etl", "shop"));
/// let m = from_fragment("#db=mysql&client-host=10.0.%25&ssl=1");
/// assert_eq!((m.db, m.get(Field::ClientHost), m.tls), (Db::MySql, "10.0.%", true));
/// ```
pub fn from_fragment(fragment: &str) -> Intent {
    let pairs = fragment_pairs(fragment);
    let value = |k: &str| {
        pairs
            .iter()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.as_str())
    };
    let db = value("db").and_then(Db::from_key).unwrap_or_default();
    let preset = value("preset")
        .and_then(Preset::from_key)
        .unwrap_or_default();
    let mut i = Intent::new(db, preset);
    for (k, v) in &pairs {
        apply(&mut i, k, v);
    }
    i
}

/// The fragment that restores `i` (without `#`): its database and preset where they
/// are not the defaults, then every field and option that differs from the starting
/// values. Never the password.
///
/// ```
/// use grantsmith::core::share::{from_fragment, to_fragment};
/// use grantsmith::core::{Field, Intent};
/// let mut i = Intent::default();
/// i.set(Field::Host, "h.example.com");
/// i.set(Field::Role, "a&b=c d");
/// i.set(Field::Password, "secret");
/// let back = from_fragment(&to_fragment(&i));
/// assert_eq!((back.get(Field::Role), back.get(Field::Password)), ("a&b=c d", ""));
/// ```
pub fn to_fragment(i: &Intent) -> String {
    let d = Intent::new(i.db, i.preset);
    let mut parts = Vec::new();
    if i.db != Db::Postgres {
        parts.push(format!("db={}", i.db.as_str()));
    }
    if i.preset != Intent::new(i.db, Preset::Original).preset {
        parts.push(format!("preset={}", i.preset.as_str()));
    }
    // The other fields as the link's host restores them (a Neon host brings `neondb`
    // and `neondb_owner`): a value equal to those needs no key, one that differs does,
    // even when it is the plain default (`postgres` typed back on a Neon host).
    let restored = d.clone().with(Field::Host, i.get(Field::Host));
    for f in Field::ALL {
        let default = if f == Field::Host { &d } else { &restored };
        if f != Field::Password && i.get(f) != default.get(f) {
            parts.push(format!("{}={}", f.as_str(), encode(i.get(f))));
        }
    }
    if i.scope != d.scope {
        parts.push(format!(
            "scope={}",
            if i.scope == Scope::Listed {
                "listed"
            } else {
                "all"
            }
        ));
    }
    if i.rls {
        parts.push("rls=1".into());
    }
    for s in super::choices::Switch::ALL {
        if i.switch(*s) {
            parts.push(format!("{}=1", s.as_str()));
        }
    }
    if i.custom != d.custom {
        parts.push(format!("privileges={}", encode(&i.custom.to_key())));
    }
    if i.pick() != d.pick() {
        parts.push(format!("provider={}", i.pick().as_str()));
    }
    // A provider's host turns TLS on as it is restored: say so when it was turned off.
    if i.tls != restored.tls {
        parts.push(format!("ssl={}", u8::from(i.tls)));
    }
    parts.join("&")
}
