//! BigQuery's form checked: each field's rules and messages, and the values the scripts
//! and the connection forms are written from.

use super::{role, Ident, Str};
use crate::core::backend::checks::list;
use crate::core::intent::{Field, Intent, Preset};
use crate::core::output::Errors;
use crate::core::text::js_trim;

/// Project IDs: 6–30 lower-case letters, digits and hyphens, starting with a letter,
/// optionally after a `domain:` prefix (older projects).
fn project(raw: &str) -> Result<String, String> {
    let t = js_trim(raw);
    if t.is_empty() {
        return Err("Enter the project ID".into());
    }
    let id = t.rsplit(':').next().unwrap_or(t);
    let prefix_ok = t[..t.len() - id.len()]
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'.' | b'-' | b':'));
    let b = id.as_bytes();
    let ok = (6..=30).contains(&b.len())
        && b[0].is_ascii_lowercase()
        && b[b.len() - 1] != b'-'
        && b.iter()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'-');
    if ok && prefix_ok {
        Ok(t.to_string())
    } else {
        Err(
            "A project ID has 6–30 lower-case letters, digits and hyphens and starts with a letter"
                .into(),
        )
    }
}

/// A service account's e-mail address (letters, digits, `-`, `_`, `.`, one `@`).
fn service_account(raw: &str) -> Result<String, String> {
    let t = js_trim(raw);
    if t.is_empty() {
        return Err("Enter the service account's e-mail address".into());
    }
    let ok = t.matches('@').count() == 1
        && !t.starts_with('@')
        && t.contains(".")
        && t.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'@'));
    if ok {
        Ok(t.to_string())
    } else {
        Err("Enter an e-mail address like name@project.iam.gserviceaccount.com".into())
    }
}

/// Dataset names: letters, digits and underscores, at most 1,024.
fn dataset(raw: &str) -> Result<Ident, String> {
    let ok = raw.len() <= 1024 && raw.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
    if ok {
        Ok(Ident::new(raw))
    } else {
        Err("Dataset names have only letters, digits and underscores".into())
    }
}

/// The datasets' location: a region name, `US` when left empty.
fn location(raw: &str) -> Result<String, String> {
    let t = match js_trim(raw) {
        "" => "US",
        t => t,
    };
    if t.len() <= 64 && t.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
        Ok(t.to_string())
    } else {
        Err("A location is a region name like US, EU or europe-west2".into())
    }
}

/// A BigQuery form whose every field is fine: what setup, verify, uninstall, the
/// inspect query and the connection forms are written from.
pub(super) struct Checked {
    /// The project ID, as typed (trimmed).
    pub(super) proj: String,
    /// The project as an identifier.
    pub(super) p: Ident,
    /// The service account's e-mail address.
    pub(super) sa: String,
    /// The service account as a grantee, `'serviceAccount:…'`.
    pub(super) member: Str,
    /// The datasets, each once, in the order typed.
    pub(super) sets: Vec<Ident>,
    /// The datasets' location, as typed (`US` when empty).
    pub(super) loc: String,
    /// The location's `INFORMATION_SCHEMA` qualifier, `` `region-…` ``.
    pub(super) region: Ident,
    /// The IAM role granted on each dataset.
    pub(super) role: &'static str,
    /// What the account may do.
    pub(super) preset: Preset,
}

/// Checks every field of `i`, each message going to `e` in form order; `None` when any
/// field has one.
pub(super) fn check(i: &Intent, e: &mut Errors) -> Option<Checked> {
    let proj = e.take(Field::Database, project(i.get(Field::Database)));
    let sa = e.take(Field::Role, service_account(i.get(Field::Role)));
    let sets = e.take(
        Field::Schemas,
        list(i.get(Field::Schemas), "", "dataset", dataset),
    );
    let loc = e.take(Field::Location, location(i.get(Field::Location)));
    let (proj, sa, sets, loc) = (proj?, sa?, sets?, loc?);
    Some(Checked {
        p: Ident::new(&proj),
        member: Str::new(&format!("serviceAccount:{sa}")),
        region: Ident::new(&format!("region-{}", loc.to_ascii_lowercase())),
        role: role(i.preset),
        proj,
        sa,
        sets,
        loc,
        preset: i.preset,
    })
}
