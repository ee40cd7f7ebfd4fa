//! `grantsmith --generate-key` (Snowflake): the private key file it writes read back by
//! `openssl pkey`, by Python `cryptography`'s `load_pem_private_key` (what
//! snowflake-connector-python 3 read `private_key_file` with) and by
//! snowflake-connector-python 5.2 itself (its Rust core reads the file), unencrypted and
//! encrypted with a passphrase; its public half equal to the script's key; the fingerprint in
//! verify equal to OpenSSL's; the file's mode 0600; an existing file never overwritten.
//! Run by `./test.sh` (feature `realdb`: it needs `scripts/setup.sh --test`'s Python
//! env and openssl).
#![cfg(feature = "realdb")]

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const FORM: &[&str] = &[
    "--db",
    "snowflake",
    "--host",
    "myorg-acme",
    "--database",
    "SHOP",
];

/// The CLI's exit status, stdout and stderr.
fn run(args: &[&str], env: &[(&str, &str)]) -> (i32, String, String) {
    let o = Command::new(env!("CARGO_BIN_EXE_grantsmith"))
        .args(args)
        .envs(env.iter().copied())
        .stdin(Stdio::null())
        .output()
        .unwrap();
    (
        o.status.code().unwrap(),
        String::from_utf8(o.stdout).unwrap(),
        String::from_utf8(o.stderr).unwrap(),
    )
}

/// A fresh folder for one test's files.
fn folder(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("gs-keygen-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// A shell pipeline's stdout; fails the test when it fails.
fn sh(script: &str, env: &[(&str, &str)]) -> String {
    let o = Command::new("sh")
        .args(["-c", script])
        .envs(env.iter().copied())
        .output()
        .unwrap();
    assert!(
        o.status.success(),
        "{script}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).unwrap().trim().to_string()
}

/// What Python `cryptography` reads from the key file: the key size and the base64 of
/// its public half's DER (SubjectPublicKeyInfo); the passphrase from `GS_PASS` if set.
fn python_reads(file: &Path, pass: Option<&str>) -> Result<(u32, String), String> {
    let py = std::env::var("GRANTSMITH_PY").expect(
        "GRANTSMITH_PY is unset: run the tests through ./test.sh, which installs the Python clients",
    );
    const READ: &str = "import base64, os, sys
from cryptography.hazmat.primitives import serialization as s
pw = os.environ.get('GS_PASS')
k = s.load_pem_private_key(open(sys.argv[1], 'rb').read(), password=pw.encode() if pw is not None else None)
der = k.public_key().public_bytes(s.Encoding.DER, s.PublicFormat.SubjectPublicKeyInfo)
print(k.key_size, base64.b64encode(der).decode())";
    let mut cmd = Command::new(py);
    cmd.args(["-c", READ]).arg(file);
    if let Some(p) = pass {
        cmd.env("GS_PASS", p);
    }
    let o = cmd.output().unwrap();
    if !o.status.success() {
        return Err(String::from_utf8_lossy(&o.stderr).into_owned());
    }
    let out = String::from_utf8(o.stdout).unwrap();
    let (bits, der) = out.trim().split_once(' ').unwrap();
    Ok((bits.parse().unwrap(), der.to_string()))
}

/// What snowflake-connector-python says when it signs in with the key file to a port
/// where nothing listens: its Rust core reads the key (and makes the JWT) before it
/// sends anything, so a key it reads gets as far as "Connection refused", and one it
/// cannot read (a wrong passphrase) stops before, at "Authentication failed". (On a
/// loaded machine the retries may end at the login timeout instead: that is past the
/// key too.)
fn connector_says(file: &Path, pass: Option<&str>) -> String {
    let py = std::env::var("GRANTSMITH_PY").expect("GRANTSMITH_PY is unset: run ./test.sh");
    const CONNECT: &str = "import os, sys, warnings
warnings.simplefilter('ignore')
import snowflake.connector as sc
kw = dict(account='myorg-acme', user='DAGFLUX', authenticator='SNOWFLAKE_JWT', private_key_file=sys.argv[1],
          host='127.0.0.1', port=9, protocol='http', login_timeout=5, network_timeout=5)
if 'GS_PASS' in os.environ:
    kw['private_key_file_pwd'] = os.environ['GS_PASS']
try:
    sc.connect(**kw)
    print('connected?')
except Exception as e:
    print(e)";
    let mut cmd = Command::new(py);
    cmd.args(["-c", CONNECT]).arg(file).env_remove("GS_PASS");
    if let Some(p) = pass {
        cmd.env("GS_PASS", p);
    }
    let o = cmd.output().unwrap();
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Whether the connector got past the key to the network (see [`connector_says`]).
fn reached_network(said: &str) -> bool {
    let ok = said.contains("Connection refused") || said.contains("login timed out");
    assert!(ok && !said.contains("Authentication failed"), "{said}");
    ok
}

/// The key in the setup script's `RSA_PUBLIC_KEY = '…'`.
fn script_key(sql: &str) -> &str {
    let start = sql.find("RSA_PUBLIC_KEY = '").expect(sql) + "RSA_PUBLIC_KEY = '".len();
    &sql[start..start + sql[start..].find('\'').unwrap()]
}

/// Checks one key file against the script's key: OpenSSL and cryptography read it (with
/// `pass`), 2048 bits, the same public key; returns OpenSSL's fingerprint.
fn check_file(file: &Path, pass: Option<&str>, sql: &str) -> String {
    let f = file.display();
    let passin = if pass.is_some() {
        "-passin env:GS_PASS"
    } else {
        ""
    };
    let env: Vec<(&str, &str)> = pass.map(|p| ("GS_PASS", p)).into_iter().collect();
    let text = sh(&format!("openssl pkey -in {f} {passin} -noout -text"), &env);
    assert!(text.contains("Private-Key: (2048 bit, 2 primes)"), "{text}");
    let der = sh(
        &format!("openssl pkey -in {f} {passin} -pubout -outform DER | base64 -w0"),
        &env,
    );
    assert_eq!(der, script_key(sql));
    let (bits, py_der) = python_reads(file, pass).unwrap();
    assert_eq!((bits, py_der.as_str()), (2048, script_key(sql)));
    sh(
        &format!(
            "openssl pkey -in {f} {passin} -pubout -outform DER | openssl dgst -sha256 -binary | base64"
        ),
        &env,
    )
}

#[test]
fn an_unencrypted_key_file_is_read_by_openssl_and_cryptography() {
    let dir = folder("plain");
    let file = dir.join("rsa_key.p8");
    let path = file.to_str().unwrap();
    let (code, sql, err) = run(&[FORM, &["--generate-key", path]].concat(), &[]);
    assert_eq!(code, 0, "{err}");
    let meta = std::fs::metadata(&file).unwrap();
    assert_eq!(meta.permissions().mode() & 0o777, 0o600);
    let pem = std::fs::read_to_string(&file).unwrap();
    assert!(pem.starts_with("-----BEGIN PRIVATE KEY-----\n"), "{pem}");
    assert!(pem.ends_with("-----END PRIVATE KEY-----\n"));
    // The private key is in the file only: not on stdout or stderr.
    let body = pem.lines().nth(1).unwrap();
    assert!(!sql.contains(body) && !err.contains(body));
    let fp = check_file(&file, None, &sql);
    assert!(err.contains(&format!("(SHA256:{fp})")), "{err}");
    assert!(reached_network(&connector_says(&file, None)));
    // A second run never overwrites the key (the integration may already use it).
    let (code, out, err) = run(&[FORM, &["--generate-key", path]].concat(), &[]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(err.contains("the file exists"), "{err}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), pem);
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn an_encrypted_key_file_opens_with_its_passphrase_only() {
    let dir = folder("enc");
    let file = dir.join("rsa_key.p8");
    let path = file.to_str().unwrap();
    let pass = "c'est «secret» $HOME";
    let args = [
        FORM,
        &[
            "--generate-key",
            path,
            "--key-passphrase-env",
            "GS_KEY_PASS",
        ],
    ]
    .concat();
    let (code, sql, err) = run(&args, &[("GS_KEY_PASS", pass)]);
    assert_eq!(code, 0, "{err}");
    assert!(!sql.contains(pass) && !err.contains(pass));
    let pem = std::fs::read_to_string(&file).unwrap();
    assert!(
        pem.starts_with("-----BEGIN ENCRYPTED PRIVATE KEY-----\n"),
        "{pem}"
    );
    // PBES2 with PBKDF2-HMAC-SHA256 and AES-256-CBC, as OpenSSL reads the structure.
    let asn1 = sh(&format!("openssl asn1parse -in {path}"), &[]);
    for want in ["PBES2", "PBKDF2", "hmacWithSHA256", "aes-256-cbc"] {
        assert!(asn1.contains(want), "{want} in\n{asn1}");
    }
    let fp = check_file(&file, Some(pass), &sql);
    assert!(err.contains(&format!("(SHA256:{fp})")), "{err}");
    assert!(reached_network(&connector_says(&file, Some(pass))));
    let said = connector_says(&file, Some("wrong"));
    assert!(said.contains("Authentication failed"), "{said}");
    assert!(python_reads(&file, Some("wrong")).is_err());
    assert!(python_reads(&file, None).is_err());
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn verify_holds_the_generated_keys_fingerprint() {
    let dir = folder("verify");
    let file = dir.join("k.p8");
    let (code, verify, err) = run(
        &[FORM, &["verify", "--generate-key", file.to_str().unwrap()]].concat(),
        &[],
    );
    assert_eq!(code, 0, "{err}");
    let fp = sh(
        &format!(
            "openssl pkey -in {} -pubout -outform DER | openssl dgst -sha256 -binary | base64",
            file.display()
        ),
        &[],
    );
    assert!(verify.contains(&format!("'SHA256:{fp}'")), "{verify}");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_dash_writes_the_key_to_stdout_before_the_script() {
    let dir = folder("dash");
    let (code, out, err) = run(
        &[FORM, &["--generate-key", "-"]].concat(),
        &[("TMPDIR", dir.to_str().unwrap())],
    );
    assert_eq!(code, 0, "{err}");
    let (pem, sql) = out.split_at(out.find("-----END PRIVATE KEY-----\n").unwrap() + 26);
    assert!(pem.starts_with("-----BEGIN PRIVATE KEY-----\n"));
    let file = dir.join("from-stdout.p8");
    std::fs::write(&file, pem).unwrap();
    check_file(&file, None, sql);
    assert!(err.contains("on stdout"), "{err}");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_key_is_made_only_where_it_can_be_used() {
    let dir = folder("refused");
    let file = dir.join("k.p8");
    let path = file.to_str().unwrap();
    for (args, env, want) in [
        (
            vec!["--host", "db.example.com", "--generate-key", path],
            vec![],
            "is for Snowflake",
        ),
        (
            [FORM, &["--generate-key", path, "--public-key", "MIIB"]].concat(),
            vec![],
            "leave out --public-key",
        ),
        (
            [FORM, &["--key-passphrase-env", "GS_KEY_PASS"]].concat(),
            vec![("GS_KEY_PASS", "x")],
            "encrypts the key --generate-key makes",
        ),
        (
            [
                FORM,
                &[
                    "--generate-key",
                    path,
                    "--key-passphrase-env",
                    "GS_UNSET_PASS",
                ],
            ]
            .concat(),
            vec![],
            "GS_UNSET_PASS is not set",
        ),
        (
            [
                FORM,
                &[
                    "--generate-key",
                    path,
                    "--key-passphrase-env",
                    "GS_KEY_PASS",
                ],
            ]
            .concat(),
            vec![("GS_KEY_PASS", "")],
            "GS_KEY_PASS is empty",
        ),
        (
            vec![
                "--db",
                "snowflake",
                "--host",
                "myorg-acme",
                "--generate-key",
                path,
            ],
            vec![],
            "database: Enter the database",
        ),
        (
            [&["new-schema"], FORM, &["--generate-key", path]].concat(),
            vec![],
            "--generate-key goes with",
        ),
    ] {
        let (code, out, err) = run(&args, &env);
        assert_eq!((code, out.as_str()), (2, ""), "{args:?}: {err}");
        assert!(err.contains(want), "{args:?}: {err}");
        assert!(!file.exists(), "{args:?} wrote a key file");
    }
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn help_says_where_the_key_goes() {
    let (code, out, _) = run(&["--help"], &[]);
    assert_eq!(code, 0);
    let flat = out.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("--generate-key"), "{out}");
    assert!(flat.contains("mode 0600"), "{out}");
    assert!(flat.contains("\"-\" writes it to stdout"), "{out}");
    assert!(flat.contains("--key-passphrase-env"), "{out}");
}
