//! The fuzzer's inputs: hostile names built from every database's quotes, escapes and
//! control characters, a random intent for any database and access, and its plain twin
//! (the same intent with plain names) whose token structure a hostile script must keep.

use super::rng::Rng;
use grantsmith::core::backend::Backend;
use grantsmith::core::privileges::Privileges;
use grantsmith::core::text::{js_trim, split_unique};
use grantsmith::core::{Db, Field, Intent, Preset, Scope};

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

pub(crate) fn hostile(rng: &mut Rng) -> String {
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
pub(crate) fn intent(rng: &mut Rng) -> Intent {
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
pub(crate) fn plain_twin(i: &Intent) -> Intent {
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
