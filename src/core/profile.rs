//! A vendor's profile: what an embedding page says to make the builder its own. The
//! product's name ([`Brand`]), the databases offered and their order, the access (a
//! preset, or privileges per object kind), starting values, fields fixed or hidden,
//! and a short note per field. It arrives as the same `key=value` pairs as a share link
//! (the embed turns attributes or a JSON child into them, so no JSON parser is in the
//! page); [`Profile::read`] refuses anything it does not understand, saying which key
//! and what was expected. No profile keys: exactly the original page.

use super::backend::Backend;
use super::brand::Brand;
use super::intent::{Db, Field, Intent, Preset};
use super::share::apply;

pub mod attributes;
mod read;

pub use read::{CONTROL_KEYS, MAX_NOTE_CHARS, ON_OFF, SCOPES, THEMES};

/// The pickers and options a profile may fix, hide or annotate, besides the fields.
const OPTIONS: [&str; 12] = [
    "db",
    "preset",
    "provider",
    "privileges",
    "scope",
    "all-schemas",
    "ssl",
    "rls",
    "whole-schemas",
    "create-slot",
    "replica-identity-full",
    "owners-group",
];

/// A profile, read and checked: every value in it is one the builder accepts.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Profile {
    brand: Option<Brand>,
    databases: Vec<Db>,
    db: Option<Db>,
    preset: Option<Preset>,
    /// The other starting values, in the order given.
    values: Vec<(String, String)>,
    fixed: Vec<&'static str>,
    hidden: Vec<&'static str>,
    notes: Vec<(&'static str, String)>,
    /// The profile's own keys as given (product, databases, fixed, hide, notes, its
    /// user), which a share link made in the builder carries on.
    own: Vec<(String, String)>,
    /// The embed's theme and accent, which the same builder on another page keeps.
    look: Vec<(String, String)>,
}

/// `k=v&…`, each percent-encoded.
fn encode(pairs: &[(String, String)]) -> Vec<String> {
    let e = super::conn::percent_encode;
    pairs
        .iter()
        .map(|(k, v)| format!("{}={}", e(k), e(v)))
        .collect()
}

/// The key of a field or option a profile may name (`host`, `preset`…), as the page's
/// hooks name it; the password is not one.
pub fn control(key: &str) -> Option<&'static str> {
    Field::from_key(key)
        .map(Field::as_str)
        .or_else(|| OPTIONS.iter().copied().find(|k| *k == key))
}

impl Profile {
    /// The databases offered, in picker order (every one when the profile names none).
    pub fn databases(&self) -> &[Db] {
        if self.databases.is_empty() {
            Db::ALL
        } else {
            &self.databases
        }
    }

    /// The database the builder starts on: the profile's `db`, else its first.
    pub fn start_db(&self) -> Db {
        self.db.unwrap_or(self.databases()[0])
    }

    /// The product, when the profile names one.
    pub fn brand(&self) -> Option<&Brand> {
        self.brand.as_ref()
    }

    /// The starting intent on `db`: the profile's access (or the database's first),
    /// brand and values, applied in order as typing them would.
    ///
    /// ```
    /// use grantsmith::core::profile::Profile;
    /// use grantsmith::core::{Preset, Db, Field};
    /// let p = Profile::read(&[("product".into(), "Acme".into()), ("databases".into(), "snowflake,postgresql".into()),
    ///     ("preset".into(), "connector-rw".into()), ("role".into(), "acme".into())]).unwrap();
    /// let i = p.start(p.start_db());
    /// assert_eq!((i.db, i.preset, i.get(Field::Role)), (Db::Snowflake, Preset::ReadWrite, "acme"));
    /// ```
    pub fn start(&self, db: Db) -> Intent {
        let preset = self
            .preset
            .unwrap_or_else(|| Intent::new(db, Preset::Original).preset);
        self.start_as(db, preset)
    }

    /// [`Profile::start`] with the access the reader had picked (another database's
    /// picker keeps it where that database offers it, else takes its first).
    pub fn start_as(&self, db: Db, preset: Preset) -> Intent {
        let mut i = Intent::new(db, preset);
        i.brand = self.brand.clone();
        for (k, v) in &self.values {
            apply(&mut i, k, v);
        }
        i
    }

    /// The fields the profile's values set (their messages show at once).
    pub fn given_fields(&self) -> impl Iterator<Item = Field> + '_ {
        self.values.iter().filter_map(|(k, _)| Field::from_key(k))
    }

    /// The accesses the preset picker offers on `db`: the profile's alone when it names
    /// one and fixes it.
    pub fn presets(&self, db: Db) -> Vec<Preset> {
        match self.preset {
            Some(a) if self.is_fixed("preset") => vec![a],
            _ => Backend::presets(db).to_vec(),
        }
    }

    /// Whether the field or option `key` is shown but cannot be changed.
    pub fn is_fixed(&self, key: &str) -> bool {
        self.fixed.contains(&key)
    }

    /// Whether the field or option `key` is not shown (its value still applies).
    pub fn is_hidden(&self, key: &str) -> bool {
        self.hidden.contains(&key)
    }

    /// A share link's fragment for `i` made in this builder: the profile's own keys
    /// first (the reader's link opens the same product's builder), then the intent's.
    ///
    /// ```
    /// use grantsmith::core::profile::Profile;
    /// use grantsmith::core::{Db, Field};
    /// let p = Profile::read(&[("product".into(), "Acme".into()), ("fixed".into(), "preset".into())]).unwrap();
    /// let i = p.start(Db::Postgres).with(Field::Host, "h");
    /// assert_eq!(p.share_fragment(&i), "product=Acme&fixed=preset&host=h");
    /// ```
    pub fn share_fragment(&self, i: &Intent) -> String {
        // A plain link's user is no profile: the link stays as it was.
        if self.own.iter().all(|(k, _)| k == "role") {
            return super::share::to_fragment(i);
        }
        let mut parts = encode(&self.own);
        let rest = super::share::to_fragment(i);
        let given = |k: &str| {
            rest.split('&')
                .any(|p| p.strip_prefix(k).is_some_and(|v| v.starts_with('=')))
        };
        // The link reopens the same builder: the database even when it is PostgreSQL
        // (the profile may start on another), the preset where the profile fixes it.
        if !given("db") && i.db != self.databases()[0] {
            parts.push(format!("db={}", i.db.as_str()));
        }
        if !given("preset") && self.is_fixed("preset") && self.preset.is_some() {
            parts.push(format!("preset={}", i.preset.as_str()));
        }
        // Privileges without a preset pick the custom one: only the custom preset's
        // link carries them.
        parts.extend(
            rest.split('&')
                .filter(|p| !p.is_empty())
                .filter(|p| i.preset == Preset::Custom || !p.starts_with("privileges="))
                .map(str::to_string),
        );
        parts.join("&")
    }

    /// The fragment that opens the same builder, as it starts on `i`, in another page
    /// (the all-databases one): the share link's, with the embed's theme and accent.
    pub fn page_fragment(&self, i: &Intent) -> String {
        let mut parts = encode(&self.look);
        parts.insert(0, self.share_fragment(i));
        parts.retain(|p| !p.is_empty());
        parts.join("&")
    }

    /// The profile's note for the field or option `key`, shown under it as text.
    pub fn note(&self, key: &str) -> Option<&str> {
        self.notes
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, n)| n.as_str())
    }
}
