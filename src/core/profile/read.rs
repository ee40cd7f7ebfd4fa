//! Reading a profile: every key is known and every value one the builder accepts, or
//! the docs author gets a message naming the key and what was expected.

use super::{control, Profile};
use crate::core::backend::{Backend, MAX_FIELD_BYTES};
use crate::core::brand::{is_line_breaking, Brand};
use crate::core::intent::{Db, Field, Preset};
use crate::core::privileges::Privileges;
use crate::core::provider::Pick;
use crate::core::text::quoted;

/// The most characters of a field's note: a short plain-text hint, not documentation.
pub const MAX_NOTE_CHARS: usize = 300;

/// The items of a comma list, trimmed, empty ones dropped.
fn items(v: &str) -> impl Iterator<Item = &str> {
    v.split(',').map(str::trim).filter(|s| !s.is_empty())
}

fn keys(all: impl Iterator<Item = &'static str>) -> String {
    all.collect::<Vec<_>>().join(", ")
}

/// Every field and option a profile may name, as messages list them. Written out, not
/// built from the enums: building it cost the page more than the text (a test checks
/// it against them).
pub const CONTROL_KEYS: &str = "host, port, role, database, schemas, include, exclude, owners, \
    client-host, warehouse, location, public-key, connection-name, password-env-name, valid-until, \
    tables, project-ref, db, preset, provider, privileges, scope, all-schemas, ssl, rls, whole-schemas, \
    create-slot, replica-identity-full, owners-group";
/// Every database key, as messages list them (checked against [`Db::ALL`] by a test).
pub const DB_KEYS: &str = "postgresql, mysql, sqlserver, snowflake, redshift, bigquery";
/// Every preset key (checked against [`Preset::ALL`] by a test).
pub const PRESET_KEYS: &str = "original, metadata, connector-rw, connector-ro, custom, cdc";

/// What an on/off option (`rls`, `ssl`, a preset's switches) may be set to.
pub const ON_OFF: [&str; 8] = ["1", "0", "true", "false", "on", "off", "yes", "no"];
/// What `scope` may be set to.
pub const SCOPES: [&str; 2] = ["all", "listed"];
/// What `theme` may be set to.
pub const THEMES: [&str; 3] = ["auto", "light", "dark"];

/// What `key` may be set to, when it is a starting value (not a profile key).
fn check_value(key: &str, v: &str) -> Result<(), String> {
    let one_of = |ok: &[&str]| {
        if ok.contains(&v) {
            Ok(())
        } else {
            Err(format!("{} is not one of {}", quoted(v), ok.join(", ")))
        }
    };
    match key {
        "privileges" => Privileges::parse_key(v).map(drop),
        "provider" => Pick::from_key(v).map(drop).ok_or(format!(
            "{} is not auto, none or a provider's key (supabase, neon, rds, cloudsql, azure, …)",
            quoted(v)
        )),
        "scope" => one_of(&SCOPES),
        "rls"
        | "ssl"
        | "all-schemas"
        | "whole-schemas"
        | "create-slot"
        | "replica-identity-full"
        | "owners-group" => one_of(&ON_OFF),
        "theme" => one_of(&THEMES),
        "accent" => {
            let hex = v.strip_prefix('#').unwrap_or("");
            if matches!(hex.len(), 3 | 6) && hex.chars().all(|c| c.is_ascii_hexdigit()) {
                Ok(())
            } else {
                Err(format!(
                    "{} is not a colour written #rgb or #rrggbb",
                    quoted(v)
                ))
            }
        }
        "password" => {
            Err("the password is never a starting value (it would be in the page's address)".into())
        }
        _ if Field::from_key(key).is_some() => Ok(()),
        _ => Err(format!(
            "not a key the builder knows; a profile has product, databases, fixed, hide and \
             note-<field>, and starting values: {CONTROL_KEYS}, theme, accent"
        )),
    }
}

/// A note: short plain text on one line.
fn check_note(v: &str) -> Result<String, String> {
    let n = v.chars().count();
    if n > MAX_NOTE_CHARS {
        return Err(format!(
            "{n} characters; a note holds at most {MAX_NOTE_CHARS}"
        ));
    }
    if v.chars().any(is_line_breaking) {
        return Err(
            "a note is one line of plain text (no line breaks or control characters)".into(),
        );
    }
    Ok(v.trim().to_string())
}

/// A list of field and option keys (`fixed`, `hide`).
fn controls(v: &str) -> Result<Vec<&'static str>, String> {
    items(v)
        .map(|k| {
            control(k).ok_or(format!(
                "{} is not a field or option; expected some of {CONTROL_KEYS}",
                quoted(k),
            ))
        })
        .collect()
}

fn databases(v: &str) -> Result<Vec<Db>, String> {
    let mut out: Vec<Db> = Vec::new();
    for k in items(v) {
        let d = Db::from_key(k).ok_or(format!(
            "{} is not a database; expected some of {DB_KEYS}",
            quoted(k),
        ))?;
        if out.contains(&d) {
            return Err(format!("{} is listed twice", quoted(k)));
        }
        out.push(d);
    }
    if out.is_empty() {
        return Err("names no database".into());
    }
    Ok(out)
}

impl Profile {
    /// Reads a profile from `key=value` pairs (a fragment's, an embed's attributes);
    /// `Err` lists every problem, each naming its key.
    ///
    /// ```
    /// use grantsmith::core::profile::Profile;
    /// let pairs = |s: &[(&str, &str)]| s.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect::<Vec<_>>();
    /// assert!(Profile::read(&pairs(&[("product", "Acme"), ("databases", "postgresql"), ("fixed", "schemas")])).is_ok());
    /// // A fixed field must be right on every database offered (all of them here).
    /// let e = Profile::read(&pairs(&[("fixed", "schemas")])).unwrap_err();
    /// assert!(e[0].contains("MySQL / MariaDB refuses its value: Enter at least one database"));
    /// let e = Profile::read(&pairs(&[("databases", "postgresql,oracle"), ("prodcut", "Acme")])).unwrap_err();
    /// assert!(e[0].starts_with("\"databases\": \"oracle\" is not a database"));
    /// assert!(e[1].starts_with("\"prodcut\": not a key"));
    /// ```
    pub fn read(pairs: &[(String, String)]) -> Result<Profile, Vec<String>> {
        let mut p = Profile::default();
        let mut errs = Vec::new();
        for (k, v) in pairs {
            if k == "profile-error" {
                // The embed's own finding (the JSON child did not parse, a wrong type).
                errs.push(v.clone());
            } else if let Err(m) = p.take(k, v) {
                errs.push(format!("{}: {m}", quoted(k)));
            }
        }
        if errs.is_empty() {
            p.resolve(&mut errs);
        }
        if errs.is_empty() {
            p.check_fixed(&mut errs);
        }
        if errs.is_empty() {
            Ok(p)
        } else {
            Err(errs)
        }
    }

    fn take(&mut self, k: &str, v: &str) -> Result<(), String> {
        if v.len() > MAX_FIELD_BYTES {
            return Err(format!(
                "{} bytes; a value holds at most {MAX_FIELD_BYTES}",
                v.len()
            ));
        }
        // The profile's own keys and its user (the default an empty field stands for).
        let own = ["product", "databases", "fixed", "hide", "role"];
        if own.contains(&k) || k.starts_with("note-") {
            self.own.push((k.to_string(), v.to_string()));
        }
        if k == "theme" || k == "accent" {
            self.look.push((k.to_string(), v.to_string()));
        }
        match k {
            "product" => self.brand = Some(Brand::new(v)?),
            "databases" => self.databases = databases(v)?,
            "fixed" => self.fixed = controls(v)?,
            "hide" => self.hidden = controls(v)?,
            "db" => {
                let all = || DB_KEYS;
                self.db = Some(
                    Db::from_key(v)
                        .ok_or_else(|| format!("{} is not one of {}", quoted(v), all()))?,
                );
            }
            "preset" => {
                let all = || PRESET_KEYS;
                self.preset = Some(
                    Preset::from_key(v)
                        .ok_or_else(|| format!("{} is not one of {}", quoted(v), all()))?,
                );
            }
            _ => match k.strip_prefix("note-") {
                Some(c) => {
                    let c = control(c)
                        .ok_or(format!("{} is not a field or option to note", quoted(c)))?;
                    self.notes.push((c, check_note(v)?));
                }
                None => {
                    check_value(k, v)?;
                    self.values.push((k.to_string(), v.to_string()));
                }
            },
        }
        Ok(())
    }

    /// The choices that depend on each other: the starting database among those
    /// offered, privileges for the custom preset, a preset every offered database has.
    fn resolve(&mut self, errs: &mut Vec<String>) {
        let dbs = self.databases().to_vec();
        if let Some(d) = self.db.filter(|d| !dbs.contains(d)) {
            errs.push(format!(
                "\"db\": \"{}\" is not among \"databases\"",
                d.as_str()
            ));
        }
        if self.values.iter().any(|(k, _)| k == "privileges") {
            match self.preset {
                None => self.preset = Some(Preset::Custom),
                Some(Preset::Custom) => {}
                Some(a) => errs.push(format!(
                    "\"privileges\": apply to the custom preset only, and \"preset\" is \"{}\"",
                    a.as_str()
                )),
            }
        }
        // A fixed preset without a list of databases: only the databases offering it
        // (MySQL's picker never shows a preset it does not have).
        if let (Some(a), true) = (self.preset, self.databases.is_empty()) {
            if self.is_fixed("preset") {
                self.databases = Db::ALL
                    .iter()
                    .copied()
                    .filter(|d| Backend::presets(*d).contains(&a))
                    .collect();
            }
        }
        // A preset the reader may change is a starting value: it must exist where the
        // builder starts, and another database picked later falls back to its first,
        // as in a share link (a link made on one tab names that tab's preset). A fixed
        // one must exist on every database offered.
        let checked = if self.is_fixed("preset") {
            self.databases().to_vec()
        } else {
            vec![self.start_db()]
        };
        if let Some(a) = self.preset {
            for d in checked
                .into_iter()
                .filter(|d| !Backend::presets(*d).contains(&a))
            {
                errs.push(format!(
                    "\"preset\": \"{}\" is not offered on {} (it offers {})",
                    a.as_str(),
                    d.label(),
                    keys(Backend::presets(d).iter().map(|a| a.as_str()))
                ));
            }
        }
        // The first: a share link repeats the profile's keys before what was typed.
        let role = self.values.iter().find(|(k, _)| k == "role");
        if let (Some(b), Some((_, r))) = (&self.brand, role) {
            self.brand = Some(b.clone().with_user(r));
        }
    }

    /// A field the reader cannot change must be right as given, on every database.
    fn check_fixed(&self, errs: &mut Vec<String>) {
        // Every page load reads a (mostly empty) profile: no checks to run without
        // fixed or hidden fields.
        if self.fixed.is_empty() && self.hidden.is_empty() {
            return;
        }
        for &d in self.databases() {
            let out = crate::core::check(&self.start(d));
            for (f, m) in &out.errors {
                let k = f.as_str();
                if self.is_fixed(k) || self.is_hidden(k) {
                    errs.push(format!(
                        "\"{k}\" cannot be changed by the reader, but {} refuses its value: {m}",
                        d.label()
                    ));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_out_key_lists_match_the_enums() {
        let join = |v: Vec<&str>| v.join(", ");
        let fields = Field::ALL.iter().filter_map(|f| control(f.as_str()));
        assert_eq!(
            CONTROL_KEYS,
            join(fields.chain(super::super::OPTIONS).collect())
        );
        assert_eq!(DB_KEYS, join(Db::ALL.iter().map(|d| d.as_str()).collect()));
        assert_eq!(
            PRESET_KEYS,
            join(Preset::ALL.iter().map(|a| a.as_str()).collect())
        );
    }
}
