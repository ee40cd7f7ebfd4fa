//! What a PostgreSQL setup promises, in the inspect query's terms: the privileges on the
//! database, on each schema in scope and on each object in it, and the default
//! privileges, so a paste can be compared fact by fact ([`super::compare`]). The
//! presets' [`Plan`] and the original's [`Setup`] each say it once here.

use std::collections::BTreeSet;

use super::format::scope_tag;
use super::Inspection;
use crate::core::privileges::Class;
use crate::core::quote::pg::Ident;

/// Default privileges the setup gives: for objects `owner` creates (the role that ran
/// the setup when `None`), in each schema in scope or everywhere.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DefaultGrant {
    /// The creating role, or `None` for the one running the setup.
    pub owner: Option<Ident>,
    /// In each schema in scope (`IN SCHEMA`), else for the whole database.
    pub per_schema: bool,
    /// `pg_default_acl.defaclobjtype`: `r`, `S`, `f` or `n`.
    pub code: &'static str,
    /// The privileges.
    pub privs: Vec<&'static str>,
}

/// Everything the setup grants, as the check expects to find it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expect {
    /// The user.
    pub role: Ident,
    /// The database it connects to.
    pub database: Ident,
    /// On the database.
    pub db_privs: Vec<&'static str>,
    /// On each schema in scope.
    pub schema_privs: Vec<&'static str>,
    /// On each object of a kind in scope.
    pub objects: Vec<(Class, Vec<&'static str>)>,
    /// Default privileges.
    pub defaults: Vec<DefaultGrant>,
    /// `SELECT n.oid, n.nspname FROM pg_namespace n WHERE …`: the schemas in scope, as
    /// the setup picks them when the role running it runs it.
    pub schemas: String,
    /// On a provider: only what the running role may grant is in scope.
    pub hosted: bool,
    /// The RLS policy the setup creates on tables with row security, if any.
    pub policy: Option<String>,
    /// CREATE on the schemas is granted: tables and sequences the user made there are
    /// its own by design.
    pub creates: bool,
    /// The owners whose future tables the setup grants TRIGGER on, in every build (the
    /// inspect query asks which of them it is withheld from).
    pub trigger_owners: Vec<Ident>,
    /// The inspect query's `UNION ALL` lines listing the objects in scope, as the
    /// backend writes them (its fingerprint covers them).
    pub facts_sql: String,
    /// Change data capture: the publication, slot and REPLICATION the setup made.
    pub cdc: Option<super::cdc::Capture>,
    /// The password's expiry the setup sets: `Some(Some(date))` (YYYY-MM-DD, from 00:00
    /// UTC), `Some(None)` for none (`infinity`); `None` where the setup leaves it alone
    /// (the original applet), and the check does too.
    pub expiry: Option<Option<String>>,
}

/// The inspect query's name for a kind of object.
pub fn kind(class: Class) -> &'static str {
    match class {
        Class::Tables => "table",
        Class::Sequences => "sequence",
        Class::Functions => "function",
    }
}

impl Expect {
    /// The fingerprint the inspect query prints for this scope.
    pub fn tag(&self) -> String {
        scope_tag(&format!("{}{}", self.schemas, self.facts_sql))
    }
}

/// The owner of default privileges when the setup named none.
pub(super) const ANY_OWNER: &str = "*";

/// The expected facts (kind and fields, without the grant option) for `i`'s scope, and
/// those of them PUBLIC holds.
pub(super) fn expected(
    e: &Expect,
    i: &Inspection,
) -> (BTreeSet<Vec<String>>, BTreeSet<Vec<String>>) {
    let mut want = BTreeSet::new();
    let mut everyone = BTreeSet::new();
    let key = |parts: &[&str]| parts.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    for p in &e.db_privs {
        want.insert(key(&["database", &i.database, p]));
    }
    let objects = i.facts.iter().filter(|f| f.kind == "object");
    let schemas: Vec<&str> = objects
        .clone()
        .filter(|f| f.fields[0] == "schema")
        .map(|f| f.fields[1].as_str())
        .collect();
    // What the user owns is its own (PostgreSQL 14 lets it create in `public`): no
    // privilege on it is expected, and the fix never grants one.
    let owned: Vec<&[String]> = i
        .facts
        .iter()
        .filter(|f| f.kind == "owns")
        .map(|f| &f.fields[..])
        .collect();
    for f in objects {
        let [class, schema, name, public] =
            [&f.fields[0], &f.fields[1], &f.fields[2], &f.fields[3]].map(String::as_str);
        if class != "schema" && owned.contains(&&f.fields[..3]) {
            continue;
        }
        let public: Vec<&str> = public.split(',').collect();
        if class == "schema" {
            for p in &e.schema_privs {
                let k = key(&["schema", schema, p]);
                if public.contains(p) {
                    everyone.insert(k.clone());
                }
                want.insert(k);
            }
            continue;
        }
        let privs = e
            .objects
            .iter()
            .find(|(c, _)| super::expect::kind(*c) == class)
            .map_or(&[][..], |(_, p)| p.as_slice());
        for p in privs {
            let k = key(&[class, schema, name, p]);
            if public.contains(p) {
                everyone.insert(k.clone());
            }
            want.insert(k);
        }
    }
    withhold(&mut want, i);
    expect_defaults(&mut want, e, i, &schemas);
    (want, everyone)
}

/// Takes out of `want` what the setup withholds (TRIGGER where a superuser owns the
/// table): the paste's `withheld` lines say where.
fn withhold(want: &mut BTreeSet<Vec<String>>, i: &Inspection) {
    for f in i.facts.iter().filter(|f| f.kind == "withheld") {
        if f.fields[0] == "table" {
            let k = ["table", &f.fields[1], &f.fields[2], &f.fields[3]];
            want.remove(&k.map(str::to_string).to_vec());
        }
    }
}

/// Adds the expected default privileges to `want`: per schema in scope or global,
/// without TRIGGER where the paste says it is withheld from the owner.
fn expect_defaults(want: &mut BTreeSet<Vec<String>>, e: &Expect, i: &Inspection, schemas: &[&str]) {
    // The owners the paste says TRIGGER is withheld from, read once.
    let withheld: Vec<(&str, &str)> = i
        .facts
        .iter()
        .filter(|f| f.kind == "withheld" && f.fields[0] == "default")
        .map(|f| (f.fields[1].as_str(), f.fields[3].as_str()))
        .collect();
    for d in &e.defaults {
        // No owner listed: whoever ran the setup, which the paste cannot tell (the
        // query may have run as another role), so any owner's matching grant counts.
        let owner = d.owner.as_ref().map_or(ANY_OWNER, |o| o.raw());
        let places = if d.per_schema {
            schemas.to_vec()
        } else {
            vec![""]
        };
        for s in places {
            for p in &d.privs {
                if d.code == "r" && withheld.contains(&(owner, *p)) {
                    continue;
                }
                want.insert(
                    ["default", owner, s, d.code, p]
                        .map(str::to_string)
                        .to_vec(),
                );
            }
        }
    }
}
