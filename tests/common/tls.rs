//! A self-signed certificate for a test server (PostgreSQL, MariaDB), so its TLS-only
//! accounts can sign in. Debian's openssl makes it.
// Each test crate includes this file and uses part of it.
#![allow(dead_code)]

use std::path::Path;
use std::process::Command;

/// Writes a key and a certificate for `127.0.0.1`, valid for two days.
pub fn self_signed(key: &Path, cert: &Path) {
    let out = Command::new("openssl")
        .args([
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
        ])
        .args(["-subj", "/CN=127.0.0.1", "-keyout"])
        .arg(key)
        .arg("-out")
        .arg(cert)
        .output()
        .expect("openssl (Debian's openssl) must be installed");
    assert!(
        out.status.success(),
        "openssl: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}
