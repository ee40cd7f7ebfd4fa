//! The npm package's generated files and the crate's package list:
//! - package/custom-elements.json and package/index.d.ts are exactly what the core's
//!   attribute list (src/core/profile/attributes.rs) writes; `GS_UPDATE_GOLDEN=1 cargo
//!   test --test package` rewrites them (then read the diff: a removed or changed
//!   attribute is a major version, an added one a minor, and CHANGELOG.md says so);
//! - that list is every key the profile reader accepts, each refused value is refused by
//!   the reader too, and embed/embed.js passes every one of them to the page;
//! - `cargo package --list` holds only what building the CLI needs.

mod crate_list;
mod manifest;
mod types;

use grantsmith::core::profile::attributes::{attributes, Takes};
use grantsmith::core::profile::{Profile, CONTROL_KEYS};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Compares `text` with the committed `path`, or writes it under GS_UPDATE_GOLDEN.
fn golden(path: &Path, text: &str) {
    if std::env::var_os("GS_UPDATE_GOLDEN").is_some() {
        std::fs::write(path, text).unwrap();
    }
    let want = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{}: {e} (GS_UPDATE_GOLDEN=1 writes it)", path.display()));
    assert!(
        want == text,
        "{} differs from what src/core/profile/attributes.rs writes: GS_UPDATE_GOLDEN=1 cargo test \
         --test package, then bump the version (attribute removed or changed: major; added: \
         minor) and say it in CHANGELOG.md",
        path.display()
    );
}

#[test]
fn manifest_and_declarations_are_written_from_the_attribute_list() {
    let v = env!("CARGO_PKG_VERSION");
    let m = manifest::manifest(&attributes(), v);
    golden(
        &root().join("package/custom-elements.json"),
        &(serde_json::to_string_pretty(&m).unwrap() + "\n"),
    );
    golden(
        &root().join("package/index.d.ts"),
        &types::declarations(&attributes(), v),
    );
}

#[test]
fn the_list_is_every_key_the_reader_accepts() {
    let names: BTreeSet<String> = attributes().into_iter().map(|a| a.name).collect();
    let controls: Vec<&str> = CONTROL_KEYS.split(", ").collect();
    let mut want: BTreeSet<String> = [
        "product",
        "databases",
        "fixed",
        "hide",
        "theme",
        "accent",
        "title",
    ]
    .iter()
    .chain(&controls)
    .map(|s| s.to_string())
    .collect();
    want.extend(controls.iter().map(|c| format!("note-{c}")));
    assert_eq!(names, want);
    assert_eq!(
        attributes().len(),
        names.len(),
        "an attribute is listed twice"
    );
}

/// The reader's complaint about `key` alone, if any (a fixed field's value is checked
/// on the databases, which is the value's business, not the key's).
fn refusal(key: &str, value: &str) -> Option<String> {
    let pairs = [(key.to_string(), value.to_string())];
    let errs = Profile::read(&pairs).err().unwrap_or_default();
    errs.into_iter()
        .find(|e| e.starts_with(&format!("\"{key}\": ")))
}

#[test]
fn every_value_the_list_offers_the_reader_takes_and_others_it_refuses() {
    for a in attributes().iter().filter(|a| a.name != "title") {
        let (good, bad): (Vec<&str>, &str) = match &a.takes {
            Takes::OneOf(v) | Takes::ListOf(v) => (v.clone(), "no-such-value"),
            Takes::Colour => (vec!["#0a7", "#00aa77"], "green"),
            Takes::Text if a.name == "privileges" => {
                (vec!["table.SELECT,sequence.USAGE"], "table.SELCT")
            }
            Takes::Text if a.name.starts_with("note-") => {
                (vec!["Under Settings → Database."], "two\nlines")
            }
            Takes::Text => (vec!["acme"], ""),
        };
        for v in good {
            assert_eq!(refusal(&a.name, v), None, "{}={v}", a.name);
        }
        if !bad.is_empty() {
            assert!(
                refusal(&a.name, bad).is_some(),
                "{}={bad} was taken",
                a.name
            );
        }
    }
    assert!(refusal("prodcut", "Acme").unwrap().contains("not a key"));
}

#[test]
fn the_embed_passes_every_attribute_to_the_page() {
    let js = std::fs::read_to_string(root().join("embed/embed.js")).unwrap();
    let names: BTreeSet<String> = attributes().into_iter().map(|a| a.name).collect();
    // The attributes the embed keeps for the host page's own use (class, id, data-*…).
    let own = js
        .split("var own = /^(")
        .nth(1)
        .and_then(|s| s.split(")$/").next())
        .expect("embed.js's own-attribute pattern");
    for n in &names {
        let kept = own.split('|').any(|p| match p.strip_suffix(".*") {
            Some(prefix) => n.starts_with(prefix),
            None => n == p,
        });
        assert!(
            !kept,
            "{n} is one of the attributes embed.js keeps from the page ({own})"
        );
    }
    // rehype-based Markdown (Astro, Starlight) writes an attribute data… as data-…: the
    // embed reads those back.
    for n in names.iter().filter(|n| n.starts_with("data")) {
        let back = format!("\"data-{}\": \"{n}\"", &n[4..]);
        assert!(
            js.contains(&back),
            "embed.js does not read {n} back from data-{}",
            &n[4..]
        );
    }
    // The keys the embed sends to the smallest page are attributes.
    let orig = js
        .split("var ORIGINAL_KEYS = [")
        .nth(1)
        .and_then(|s| s.split(']').next())
        .unwrap();
    for k in orig.split(", ").map(|k| k.trim_matches('"')) {
        assert!(
            names.contains(k),
            "embed.js's ORIGINAL_KEYS names {k}, not an attribute"
        );
    }
    assert!(
        js.contains("el.getAttribute(\"title\")"),
        "the embed no longer reads title"
    );
}

#[test]
fn the_changelog_has_this_version() {
    let log = std::fs::read_to_string(root().join("CHANGELOG.md")).unwrap();
    let v = env!("CARGO_PKG_VERSION");
    assert!(
        log.lines().any(|l| l.starts_with(&format!("## {v} ")))
            || log.contains(&format!("\n## {v}\n")),
        "CHANGELOG.md has no \"## {v}\" section"
    );
}
