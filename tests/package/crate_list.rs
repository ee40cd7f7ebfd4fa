//! `cargo package --list`: the crate holds only what building the CLI (and the library
//! the page is built from) needs. No tests, fixtures, pictures, pages or node files.

use std::process::Command;

/// Whether `path` belongs in the crate.
fn needed(path: &str) -> bool {
    // Cargo's own: the normalised manifest, the original, the VCS note.
    let cargo = [
        "Cargo.toml",
        "Cargo.toml.orig",
        "Cargo.lock",
        ".cargo_vcs_info.json",
    ];
    cargo.contains(&path)
        || path == "README.md"
        || path == "LICENSE"
        || (path.starts_with("src/") && path.ends_with(".rs"))
}

#[test]
fn the_crate_holds_only_what_the_cli_build_needs() {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = Command::new(cargo)
        .args(["package", "--list", "--allow-dirty", "--offline"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "cargo package --list failed:\n{stderr}"
    );
    // Cargo warns about test or example targets it leaves out: none may be left to warn.
    // The one warning allowed: no homepage or repository address (the project has no
    // public one yet).
    let warnings = stderr.lines().filter(|l| l.starts_with("warning"));
    for w in warnings {
        assert_eq!(
            w, "warning: manifest has no documentation, homepage or repository",
            "{stderr}"
        );
    }
    let list = String::from_utf8(out.stdout).unwrap();
    let files: Vec<&str> = list.lines().collect();
    let extra: Vec<&&str> = files.iter().filter(|f| !needed(f)).collect();
    assert!(extra.is_empty(), "not needed to build the CLI: {extra:?}");
    for f in [
        "src/main.rs",
        "src/lib.rs",
        "src/cli/mod.rs",
        "src/core/mod.rs",
        "Cargo.lock",
        "LICENSE",
    ] {
        assert!(files.contains(&f), "{f} missing from the crate");
    }
}
