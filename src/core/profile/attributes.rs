//! Every attribute `<grantsmith-builder>` takes, and what each takes: the profile's own
//! keys, the starting values and the embed's look, built from the enums and lists the
//! profile reader checks against. The npm package's Custom Elements Manifest and
//! TypeScript declarations are written from this list (tests/package.rs), so they name
//! exactly what the page accepts; the page itself never calls it.

use super::read::{DB_KEYS, MAX_NOTE_CHARS, ON_OFF, PRESET_KEYS, SCOPES, THEMES};
use super::{control, OPTIONS};
use crate::core::intent::{Field, Switch};
use crate::core::provider::Provider;

/// What an attribute's value may be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Takes {
    /// Any text (the builder checks it as it checks typing).
    Text,
    /// Exactly one of these.
    OneOf(Vec<&'static str>),
    /// Some of these, separated by commas.
    ListOf(Vec<&'static str>),
    /// A colour written `#rgb` or `#rrggbb`.
    Colour,
}

/// One attribute of `<grantsmith-builder>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribute {
    /// Its name, as written on the tag (and as the share link's key).
    pub name: String,
    /// What its value may be.
    pub takes: Takes,
    /// What it does, for a docs author (one sentence).
    pub doc: String,
}

fn attr(name: &str, takes: Takes, doc: &str) -> Attribute {
    Attribute {
        name: name.to_string(),
        takes,
        doc: doc.to_string(),
    }
}

/// The items of one of the reader's written-out lists (`"a, b, c"`).
fn split(list: &'static str) -> Vec<&'static str> {
    list.split(", ").collect()
}

/// What a field's starting value sets (exhaustive: a new field needs its sentence).
fn field_doc(f: Field) -> &'static str {
    match f {
        Field::Host => "Server host (Snowflake: the account identifier).",
        Field::Port => "Server port.",
        Field::Role => "The user to create (BigQuery: the service account's e-mail address).",
        Field::Database => "The database (BigQuery: the project ID).",
        Field::Schemas => "Schemas (MySQL: databases, BigQuery: datasets), separated by commas.",
        Field::Include => "Metadata sync: schemas matching this regular expression.",
        Field::Exclude => "Metadata sync: schemas not matching this regular expression.",
        Field::Owners => "Roles whose future objects get default privileges, separated by commas.",
        Field::ClientHost => "MySQL: the host part of the account ('user'@'host').",
        Field::Warehouse => "Snowflake: the warehouse the user runs queries on.",
        Field::Location => "BigQuery: the datasets' location, for the verify query.",
        Field::PublicKey => "Snowflake: the RSA public key of the user's key pair.",
        Field::ConnectionName => "Metadata sync: the connection's name in the tool.",
        Field::PasswordEnvName => {
            "Metadata sync: the environment variable the tool reads the password from."
        }
        Field::ValidUntil => "The date the password stops working (VALID UNTIL); empty: never.",
        Field::Tables => {
            "Change data capture: the published tables, schema.table, separated by commas."
        }
        Field::ProjectRef => {
            "Supabase's pooler host: the project ref, for the sign-in name user.project-ref."
        }
        Field::Password => "",
    }
}

/// What an option takes and does (every key of `OPTIONS`).
fn option(key: &'static str) -> Attribute {
    let on_off = || Takes::OneOf(ON_OFF.to_vec());
    match key {
        "db" => attr(key, Takes::OneOf(split(DB_KEYS)), "The database the builder starts on (one of \"databases\")."),
        "preset" => attr(key, Takes::OneOf(split(PRESET_KEYS)), "The access the user gets: a named preset."),
        "provider" => {
            let mut keys = vec!["auto", "none"];
            keys.extend(Provider::ALL.iter().map(|p| p.as_str()));
            attr(key, Takes::OneOf(keys), "The hosting provider (auto: told by the host).")
        }
        "privileges" => attr(key, Takes::Text, "The custom preset's privileges, kind.PRIVILEGE separated by commas (table.SELECT, sequence.USAGE, future)."),
        "scope" => attr(key, Takes::OneOf(SCOPES.to_vec()), "Which schemas the grants reach: all, or the listed ones."),
        "all-schemas" => attr(key, on_off(), "On: every schema (scope=all); off: the listed ones."),
        "ssl" => attr(key, on_off(), "Whether the connection requires TLS."),
        "rls" => attr(key, on_off(), "Row-level security: a policy for the user on every table."),
        _ => match Switch::from_key(key) {
            Some(s) => attr(key, on_off(), &format!("{}.", s.label())),
            None => panic!("option {key} has no attribute: write its sentence here"),
        },
    }
}

/// Every attribute, in the order a docs author meets them: the profile's own keys, the
/// starting values (fields, then options), the notes, the look, the embed's own.
///
/// ```
/// use grantsmith::core::profile::attributes::{attributes, Takes};
/// let all = attributes();
/// let preset = all.iter().find(|a| a.name == "preset").unwrap();
/// assert!(matches!(&preset.takes, Takes::OneOf(v) if v.contains(&"connector-rw")));
/// assert!(all.iter().any(|a| a.name == "note-host"));
/// assert!(!all.iter().any(|a| a.name == "password"));
/// ```
pub fn attributes() -> Vec<Attribute> {
    let controls: Vec<&'static str> = Field::ALL
        .iter()
        .filter_map(|f| control(f.as_str()))
        .chain(OPTIONS)
        .collect();
    let mut out = vec![
        attr("product", Takes::Text, "Your product's name, in the builder's title and the user's label."),
        attr("databases", Takes::ListOf(split(DB_KEYS)), "The databases offered, in picker order (default: all)."),
        attr("fixed", Takes::ListOf(controls.clone()), "Fields and options shown but not changeable (their value must be right on every database offered)."),
        attr("hide", Takes::ListOf(controls.clone()), "Fields and options not shown (their value still applies)."),
    ];
    out.extend(
        Field::ALL
            .iter()
            .filter(|f| Field::from_key(f.as_str()).is_some())
            .map(|f| attr(f.as_str(), Takes::Text, field_doc(*f))),
    );
    out.extend(OPTIONS.iter().map(|k| option(k)));
    out.extend(controls.iter().map(|k| {
        let doc = format!("A note shown under \"{k}\": one line of plain text, at most {MAX_NOTE_CHARS} characters.");
        attr(&format!("note-{k}"), Takes::Text, &doc)
    }));
    out.push(attr(
        "theme",
        Takes::OneOf(THEMES.to_vec()),
        "auto (the default) follows the docs page's light/dark switch; light or dark fixes it.",
    ));
    out.push(attr(
        "accent",
        Takes::Colour,
        "The accent colour, #rgb or #rrggbb.",
    ));
    // The embed's own (embed/embed.js): the frame's accessible name, never sent to the page.
    out.push(attr("title", Takes::Text, "The frame's accessible name (default: \"Grantsmith: least-privilege PostgreSQL user generator\")."));
    out
}
