//! Layers that import one way down. Every file of `src/` sits on a floor (the README's
//! "Architecture" names them); every path it names (`use crate::…`, `super::…`,
//! `self::…`, and inline `crate::core::…` paths in code, comments left out) is resolved
//! to the file of the module it reaches, and that file's floor may not be higher.
//! Within PostgreSQL, `original/` and `presets/` do not import each other, and what they
//! share imports neither.
//!
//! `GS_LAYERS_PLANT=<file>:<line of Rust>` adds a line to one file's text before the
//! check, to show that an upward import fails it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The floors, lowest first: (name, what sits there, as paths under `src/` — a path
/// ending in `/` is a folder, `*/spec.rs` any database's form data).
const FLOORS: &[(&str, &[&str])] = &[
    (
        "base: text and quoting",
        &[
            "core/text.rs",
            "core/invisible.rs",
            "core/quote/",
            "core/scram.rs",
            "core/field.rs",
            "core/host.rs",
            "core/conn.rs",
        ],
    ),
    (
        "model: what the user asks for",
        &[
            "core/intent.rs",
            "core/choices.rs",
            "core/privileges.rs",
            "core/provider.rs",
            "core/provider_pick.rs",
            "core/neon.rs",
            "core/brand.rs",
            "core/share.rs",
            "core/traps.rs",
            "core/spec.rs",
            "core/presets.rs",
            "*/spec.rs",
        ],
    ),
    (
        "services: clients, the drift check, the one result",
        &[
            "core/client.rs",
            "core/client_code.rs",
            "core/client_jdbc.rs",
            "core/client_write.rs",
            "core/output.rs",
            "core/drift.rs",
            "core/drift/",
        ],
    ),
    ("backends: one folder per database", &["core/backend/"]),
    (
        "entry points of the core",
        &[
            "core/mod.rs",
            "core/profile.rs",
            "core/profile/",
            "core/new_schema_form.rs",
        ],
    ),
    (
        "interfaces: the page and the CLI",
        &["ui/", "cli/", "lib.rs", "main.rs"],
    ),
];

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            walk(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The floor of a file (its path under `src/`, with `/`); the most specific rule wins.
fn floor(rel: &str) -> usize {
    let mut best: Option<(usize, usize)> = None;
    for (n, (_, paths)) in FLOORS.iter().enumerate() {
        for p in *paths {
            let hit = if let Some(tail) = p.strip_prefix("*/") {
                rel.ends_with(&format!("/{tail}")) && rel.starts_with("core/backend/")
            } else if p.ends_with('/') {
                rel.starts_with(p)
            } else {
                rel == *p
            };
            // `*/spec.rs` is more specific than any folder.
            let weight = if p.starts_with("*/") { 1000 } else { p.len() };
            if hit && best.is_none_or(|(_, w)| weight > w) {
                best = Some((n, weight));
            }
        }
    }
    best.unwrap_or_else(|| panic!("{rel} is on no floor: add it to FLOORS"))
        .0
}

/// The module path of a file: `core/backend/mysql/mod.rs` → [core, backend, mysql].
fn module_of(rel: &str) -> Vec<String> {
    let mut parts: Vec<String> = rel
        .trim_end_matches(".rs")
        .split('/')
        .map(String::from)
        .collect();
    if parts
        .last()
        .is_some_and(|l| l == "mod" || l == "lib" || l == "main")
    {
        parts.pop();
    }
    parts
}

/// The file a module path reaches: the longest prefix that is a module file.
fn file_of(path: &[String], files: &BTreeMap<String, String>) -> Option<String> {
    for n in (1..=path.len()).rev() {
        let m = path[..n].join("/");
        for candidate in [format!("{m}.rs"), format!("{m}/mod.rs")] {
            if files.contains_key(&candidate) {
                return Some(candidate);
            }
        }
    }
    None
}

/// The code of a file without comments and string literals (a path in a doc comment or
/// a message is not an import).
fn code(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let b: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < b.len() {
        if b[i] == '/' && b.get(i + 1) == Some(&'/') {
            while i < b.len() && b[i] != '\n' {
                i += 1;
            }
        } else if b[i] == '/' && b.get(i + 1) == Some(&'*') {
            i += 2;
            while i + 1 < b.len() && !(b[i] == '*' && b[i + 1] == '/') {
                i += 1;
            }
            i += 2;
        } else if b[i] == 'r'
            && matches!(b.get(i + 1), Some('"') | Some('#'))
            && (i == 0 || !b[i - 1].is_alphanumeric())
        {
            // A raw string: r"…", r#"…"#.
            let mut j = i + 1;
            let mut hashes = 0;
            while b.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if b.get(j) != Some(&'"') {
                out.push(b[i]);
                i += 1;
                continue;
            }
            j += 1;
            loop {
                if j >= b.len() {
                    break;
                }
                if b[j] == '"' && (0..hashes).all(|h| b.get(j + 1 + h) == Some(&'#')) {
                    j += 1 + hashes;
                    break;
                }
                j += 1;
            }
            out.push_str("\"\"");
            i = j;
        } else if b[i] == '"' {
            i += 1;
            while i < b.len() && b[i] != '"' {
                if b[i] == '\\' {
                    i += 1;
                }
                i += 1;
            }
            i += 1;
            out.push_str("\"\"");
        } else if b[i] == '\'' && b.get(i + 2) == Some(&'\'') {
            // A char literal such as '"' ('a' and lifetimes need no care).
            out.push_str("' '");
            i += 3;
        } else if b[i] == '\'' && b.get(i + 1) == Some(&'\\') {
            let mut j = i + 2;
            while j < b.len() && b[j] != '\'' {
                j += 1;
            }
            out.push_str("' '");
            i = j + 1;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    out
}

/// Every path a file names: each `use` tree expanded, and inline paths starting with
/// `crate::`, `super::` or `self::`.
fn paths(code: &str) -> Vec<Vec<String>> {
    fn expand(tree: &str, prefix: &[String], out: &mut Vec<Vec<String>>) {
        let tree = tree.trim();
        if let Some(open) = tree.find('{') {
            let head: Vec<String> = tree[..open]
                .split("::")
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect();
            let mut base = prefix.to_vec();
            base.extend(head);
            let inner = &tree[open + 1..tree.rfind('}').unwrap()];
            let mut depth = 0;
            let mut start = 0;
            for (i, c) in inner.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        expand(&inner[start..i], &base, out);
                        start = i + 1;
                    }
                    _ => {}
                }
            }
            expand(&inner[start..], &base, out);
        } else if !tree.is_empty() {
            let tree = tree.split(" as ").next().unwrap();
            let mut p = prefix.to_vec();
            p.extend(tree.split("::").map(|s| s.trim().to_string()));
            out.push(p);
        }
    }
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(i) = rest.find("use ") {
        let before = rest[..i].chars().next_back();
        let after = &rest[i + 4..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            rest = after;
            continue;
        }
        let end = after.find(';').unwrap_or(after.len());
        expand(&after[..end], &[], &mut out);
        rest = &after[end..];
    }
    let bytes: Vec<char> = code.chars().collect();
    let text: String = bytes.iter().collect();
    for start in ["crate::", "super::", "self::"] {
        for (i, _) in text.match_indices(start) {
            if text[..i]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':')
            {
                continue;
            }
            let p: String = text[i..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                .collect();
            out.push(
                p.split("::")
                    .filter(|s| !s.is_empty())
                    .map(String::from)
                    .collect(),
            );
        }
    }
    out
}

/// A path as seen from the module `here`, made absolute (`crate` is `src/`).
fn absolute(path: &[String], here: &[String]) -> Option<Vec<String>> {
    let mut out: Vec<String> = match path.first().map(String::as_str) {
        Some("crate") => Vec::new(),
        Some("super") | Some("self") => here.to_vec(),
        _ => return None,
    };
    let mut rest = if path[0] == "crate" { &path[1..] } else { path };
    while let Some(first) = rest.first() {
        match first.as_str() {
            "super" => {
                out.pop()?;
            }
            "self" => {}
            _ => break,
        }
        rest = &rest[1..];
    }
    out.extend(rest.iter().cloned());
    Some(out)
}

/// Every import that runs up a floor, or between PostgreSQL's original and presets.
fn violations(plant: Option<(String, String)>) -> Vec<String> {
    let root = src();
    let mut list = Vec::new();
    walk(&root, &mut list);
    let mut files: BTreeMap<String, String> = BTreeMap::new();
    for f in list {
        let rel = f
            .strip_prefix(&root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        files.insert(rel, std::fs::read_to_string(&f).unwrap());
    }
    if let Some((file, line)) = plant {
        let text = files.get_mut(&file).unwrap_or_else(|| panic!("no {file}"));
        text.push_str(&format!("\n{line}\n"));
    }
    let mut bad = Vec::new();
    for (rel, text) in &files {
        let here = module_of(rel);
        let from = floor(rel);
        // A file's unit tests (`#[cfg(test)] mod tests`, at its end) may use anything.
        let text = text.split("#[cfg(test)]").next().unwrap();
        for p in paths(&code(text)) {
            let Some(abs) = absolute(&p, &here) else {
                continue;
            };
            let Some(target) = file_of(&abs, &files) else {
                continue;
            };
            if &target == rel {
                continue;
            }
            let to = floor(&target);
            if to > from {
                bad.push(format!(
                    "{rel} ({}) imports {} from {target} ({})",
                    FLOORS[from].0,
                    p.join("::"),
                    FLOORS[to].0
                ));
            }
            let pg = "core/backend/postgres/";
            let side = |f: &str| {
                f.strip_prefix(pg).map(|t| {
                    if t.starts_with("original/") {
                        "original"
                    } else if t.starts_with("presets/") {
                        "presets"
                    } else {
                        "shared"
                    }
                })
            };
            if let (Some(a), Some(b)) = (side(rel), side(&target)) {
                if a != b
                    && b != "shared"
                    && !(a == "shared" && rel == "core/backend/postgres/mod.rs")
                {
                    bad.push(format!(
                        "{rel} ({a}) imports {} from {target} ({b})",
                        p.join("::")
                    ));
                }
            }
        }
    }
    bad.sort();
    bad.dedup();
    bad
}

#[test]
fn imports_run_one_way_down() {
    let plant = std::env::var("GS_LAYERS_PLANT").ok().map(|v| {
        let (f, l) = v.split_once(':').expect("GS_LAYERS_PLANT=<file>:<line>");
        (f.to_string(), l.to_string())
    });
    let bad = violations(plant);
    assert!(bad.is_empty(), "imports that run up:\n{}", bad.join("\n"));
}

#[test]
fn a_planted_upward_import_is_caught() {
    let base = violations(None);
    let added = |file: &str, line: &str| -> Vec<String> {
        violations(Some((file.into(), line.into())))
            .into_iter()
            .filter(|v| !base.contains(v))
            .collect()
    };
    assert_eq!(
        added("core/text.rs", "use crate::core::intent::Intent;"),
        ["core/text.rs (base: text and quoting) imports crate::core::intent::Intent from core/intent.rs (model: what the user asks for)"]
    );
    let across = added(
        "core/backend/postgres/presets/setup.rs",
        "use crate::core::backend::postgres::original::setup::Setup;",
    );
    assert_eq!(across.len(), 1, "{across:?}");
}
