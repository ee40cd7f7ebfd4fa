//! The README and the guides under `docs/` link to each other, to images and to source
//! files: every relative link must reach a file that exists and, with a `#fragment`, a
//! heading of that file (GitHub's anchor rule), so moving a section cannot leave a dead
//! link behind.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// The markdown files a reader follows: the front page, the changelog and every guide.
fn documents() -> Vec<PathBuf> {
    let mut v = vec![PathBuf::from("README.md")];
    if Path::new("CHANGELOG.md").exists() {
        v.push("CHANGELOG.md".into());
    }
    let mut guides: Vec<PathBuf> = std::fs::read_dir("docs")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    guides.sort();
    v.extend(guides);
    v
}

/// GitHub's anchor for a heading: lower case, punctuation other than `-` and `_`
/// dropped, spaces to `-`; a repeated heading gets `-1`, `-2` ….
fn anchors(text: &str) -> HashSet<String> {
    let mut seen: std::collections::HashMap<String, usize> = Default::default();
    let mut out = HashSet::new();
    let mut fenced = false;
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
        }
        let hashes = line.bytes().take_while(|b| *b == b'#').count();
        if fenced || hashes == 0 || hashes > 6 || !line[hashes..].starts_with(' ') {
            continue;
        }
        let slug: String = line[hashes..]
            .trim()
            .to_lowercase()
            .chars()
            .filter(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | ' '))
            .map(|c| if c == ' ' { '-' } else { c })
            .collect();
        let n = seen.entry(slug.clone()).or_insert(0);
        out.insert(if *n == 0 {
            slug.clone()
        } else {
            format!("{slug}-{n}")
        });
        *n += 1;
    }
    out
}

/// Relative link targets outside code: `](target)` and `src="target"`.
fn targets(text: &str) -> Vec<String> {
    let mut v = Vec::new();
    let mut fenced = false;
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
        }
        if fenced {
            continue;
        }
        for (open, close) in [("](", ')'), ("src=\"", '"')] {
            let mut rest = line;
            while let Some(at) = rest.find(open) {
                rest = &rest[at + open.len()..];
                let end = rest.find(close).unwrap_or(rest.len());
                let t = &rest[..end];
                // Site paths (`/assets/…`) belong to the examples' docs sites, not this repository.
                if !t.contains("://")
                    && !t.starts_with("mailto:")
                    && !t.starts_with('/')
                    && !t.contains(' ')
                {
                    v.push(t.to_string());
                }
            }
        }
    }
    v
}

#[test]
fn every_relative_link_reaches_a_file_and_a_heading() {
    let mut dead = Vec::new();
    let mut checked = 0;
    for doc in documents() {
        let text = std::fs::read_to_string(&doc).unwrap();
        for t in targets(&text) {
            checked += 1;
            let (path, frag) = t.split_once('#').unwrap_or((&t, ""));
            let file = if path.is_empty() {
                doc.clone()
            } else {
                doc.parent().unwrap().join(path)
            };
            if !file.exists() {
                dead.push(format!("{}: {t} (no such file)", doc.display()));
            } else if !frag.is_empty()
                && !anchors(&std::fs::read_to_string(&file).unwrap()).contains(frag)
            {
                dead.push(format!("{}: {t} (no such heading)", doc.display()));
            }
        }
    }
    assert!(dead.is_empty(), "dead links:\n{}", dead.join("\n"));
    // The front page links to every guide, so a guide nobody reaches is caught too.
    let front = std::fs::read_to_string("README.md").unwrap();
    for doc in documents().iter().filter(|d| d.starts_with("docs")) {
        let name = doc.to_str().unwrap();
        assert!(
            front.contains(&format!("]({name}")),
            "README links to {name}"
        );
    }
    assert!(checked > 20, "only {checked} links found: the parser broke");
}

#[test]
fn the_anchor_rule_is_githubs() {
    let a = anchors("# Profiles: make the builder your product's\n## Tests\n## Tests\n```\n# not a heading\n```");
    assert!(a.contains("profiles-make-the-builder-your-products"));
    assert!(a.contains("tests") && a.contains("tests-1"));
    assert!(!a.contains("not-a-heading"));
}
