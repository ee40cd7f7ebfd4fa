//! Snowflake: its sample form, refusals, what sqlparser cannot parse, the key pair and
//! its connection URL.

use grantsmith::core::{generate, Db, Field, Part, Preset};

use super::{sample, Case, KEY};

pub const CASE: Case = Case {
    sample: |f| {
        f.set(Field::Host, "myorg-myaccount");
        f.set(Field::Database, "analytics");
        f.set(Field::Schemas, "PUBLIC, marts");
    },
    refusals: || {
        vec![
            (
                Field::Role,
                "accountadmin".into(),
                "ACCOUNTADMIN is one of Snowflake's own roles or users: the integration needs a user of its own",
            ),
            (Field::Host, "my account".into(), "An account identifier has only letters, digits, - _ and . (like myorg-myaccount)"),
            (Field::Warehouse, "w".repeat(256), "Too long: 256 characters, but Snowflake allows 255"),
            (Field::PublicKey, "-----BEGIN PRIVATE KEY-----\nnot base64!\n".into(), "This is a private key: it stays with the integration and is never pasted anywhere. Paste its public half (openssl rsa -in rsa_key.p8 -pubout)"),
            (Field::PublicKey, "MIIB not base64!".into(), "Paste the public key (the PEM file's text, BEGIN/END lines optional): this is not base64"),
        ]
    },
    // ALTER USER … SET, and CREATE TABLE/VIEW as schema privileges.
    unsupported: &[
        "ALTER USER ",
        // The mark on the role (src/core/backend/snowflake_guard.rs).
        "CREATE ROLE IF NOT EXISTS ",
        "ALTER ROLE ",
        "GRANT USAGE, CREATE TABLE, CREATE VIEW ON SCHEMA ",
        "REVOKE CREATE TABLE, CREATE VIEW ON SCHEMA ",
        // Verify reads the key's fingerprint from DESC USER.
        "DESC USER ",
    ],
    dialect: || Box::new(sqlparser::dialect::SnowflakeDialect {}),
};

#[test]
fn key_pair_and_connection_url() {
    let mut f = sample(Db::Snowflake, Preset::ReadOnly);
    f.set(
        Field::Host,
        "https://MyOrg-MyAccount.snowflakecomputing.com/",
    );
    let pem = format!(
        "-----BEGIN PUBLIC KEY-----\n{}\n{}\n-----END PUBLIC KEY-----\n",
        &KEY[..64],
        &KEY[64..]
    );
    f.set(Field::PublicKey, pem);
    let out = generate(&f);
    let conn = out.conn.unwrap();
    for line in [
        "    account=\"myorg-myaccount\",",
        "    user=\"DAGFLUX\",",
        "    private_key_file=\"rsa_key.p8\",  # the key pair's private key",
        "    role=\"DAGFLUX_ROLE\",",
    ] {
        assert!(conn.contains(line), "{line} in {conn}");
    }
    // Names that exist only quoted are passed quoted: Snowflake folds the rest.
    let quoted = generate(&f.clone().with(Field::Database, "my db"));
    assert!(quoted
        .conn
        .unwrap()
        .contains("    database=\"\\\"my db\\\"\","));
    assert!(out
        .setup
        .unwrap()
        .contains(&format!("TYPE = SERVICE RSA_PUBLIC_KEY = '{KEY}'")));
}

#[test]
fn the_first_field_empty_asks_for_it() {
    let mut f = sample(Db::Snowflake, Preset::ReadOnly);
    f.set(Field::Host, "");
    assert_eq!(
        generate(&f).hint,
        "Enter the account identifier to generate"
    );
}

/// Runs openssl (installed by scripts/setup.sh), failing loudly without it.
fn openssl(args: &[&str], input: Option<&[u8]>) -> Vec<u8> {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new("openssl")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("openssl is installed by scripts/setup.sh (Debian's openssl)");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.unwrap_or_default())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "openssl {args:?} failed");
    out.stdout
}

/// Keys made by openssl: the public ones of 2048 and 4096 bits are taken, with the
/// fingerprint openssl computes for the DER key in verify; a short key, any private
/// key (PEM or its bare body), another algorithm and the other PEM forms are refused
/// next to the field with what to paste instead.
#[test]
fn public_keys_as_snowflake_reads_them() {
    let text = |b: Vec<u8>| String::from_utf8(b).unwrap();
    let key_of = |raw: &str| {
        let mut f = sample(Db::Snowflake, Preset::ReadOnly);
        f.set(Field::PublicKey, raw);
        generate(&f)
    };
    for bits in ["2048", "4096"] {
        let private = openssl(&["genrsa", bits], None);
        let public = text(openssl(&["rsa", "-pubout"], Some(&private)));
        let der = openssl(&["rsa", "-pubout", "-outform", "DER"], Some(&private));
        let digest = openssl(&["dgst", "-sha256", "-binary"], Some(&der));
        let fp = text(openssl(&["enc", "-base64", "-A"], Some(&digest)));
        let out = key_of(&public);
        let verify = out
            .verify
            .unwrap_or_else(|| panic!("{bits}: {:?}", out.errors));
        assert!(
            verify.contains(&format!("= 'SHA256:{fp}') > 0")),
            "{verify}"
        );
        assert!(verify.contains(&format!("({bits} bits)")), "{verify}");
        let body: String = public.lines().filter(|l| !l.starts_with("-----")).collect();
        assert!(out
            .setup
            .unwrap()
            .contains(&format!("RSA_PUBLIC_KEY = '{body}'")));
        // The private key, as PEM or as its bare body, is never taken.
        let p8 = text(openssl(&["pkcs8", "-topk8", "-nocrypt"], Some(&private)));
        let bare: String = p8.lines().filter(|l| !l.starts_with("-----")).collect();
        for wrong in [p8.as_str(), bare.as_str(), &text(private.clone())] {
            let m = key_of(wrong).error(Field::PublicKey).map(str::to_string);
            assert!(
                m.as_deref()
                    .is_some_and(|m| m.starts_with("This is a private key")),
                "{m:?}"
            );
        }
        let pkcs1 = text(openssl(&["rsa", "-RSAPublicKey_out"], Some(&private)));
        assert!(key_of(&pkcs1)
            .error(Field::PublicKey)
            .unwrap()
            .contains("PKCS#1"));
    }
    let short = openssl(&["genrsa", "1024"], None);
    let short_pub = text(openssl(&["rsa", "-pubout"], Some(&short)));
    assert_eq!(
        key_of(&short_pub).error(Field::PublicKey),
        Some(
            "A 1024-bit key: Snowflake needs an RSA key of 2048 bits or more (openssl genrsa 2048)"
        )
    );
    let ec = openssl(
        &["ecparam", "-genkey", "-name", "prime256v1", "-noout"],
        None,
    );
    let ec_pub = text(openssl(&["ec", "-pubout"], Some(&ec)));
    assert!(key_of(&ec_pub)
        .error(Field::PublicKey)
        .unwrap()
        .starts_with("Not an RSA key"));
    let cut = &KEY[..KEY.len() - 8];
    assert!(key_of(cut).error(Field::PublicKey).is_some());
}

/// Key rotation: written only for a pasted (new) key; step 1 sets it into whichever
/// slot is free and changes nothing when it is already set or both slots are taken;
/// step 2 removes the other slot's key only when the new one is in a slot. Both start
/// with the checks that leave a user not made by setup alone. Parsed only.
#[test]
fn key_rotation_finds_the_slots_by_fingerprint() {
    let f = sample(Db::Snowflake, Preset::ReadOnly);
    assert!(rot(&f, Part::Rotate).is_none() && rot(&f, Part::Retire).is_none());
    let keyed = f.clone().with(Field::PublicKey, KEY);
    let out = generate(&keyed);
    let (rotate, retire) = (
        rot(&keyed, Part::Rotate).unwrap(),
        rot(&keyed, Part::Retire).unwrap(),
    );
    let fp = out
        .verify
        .unwrap()
        .split("\"value\" = '")
        .nth(1)
        .and_then(|r| r.split('\'').next())
        .unwrap()
        .to_string();
    assert!(fp.starts_with("SHA256:"), "{fp}");
    for script in [&rotate, &retire] {
        assert!(script.contains("NOT LIKE 'Grantsmith:%'"), "checks first");
        assert!(script.contains("DESC USER DAGFLUX;"));
        assert_eq!(script.matches("EXECUTE IMMEDIATE $$").count(), 2);
    }
    assert!(rotate.contains(&format!("IF (fp1 = '{fp}' OR fp2 = '{fp}') THEN")));
    assert!(rotate.contains(&format!(
        "ELSEIF (fp1 IS NULL) THEN\n    ALTER USER DAGFLUX SET RSA_PUBLIC_KEY = '{KEY}';"
    )));
    assert!(rotate.contains(&format!(
        "ELSEIF (fp2 IS NULL) THEN\n    ALTER USER DAGFLUX SET RSA_PUBLIC_KEY_2 = '{KEY}';"
    )));
    assert!(rotate.contains("RAISE both_full;"));
    assert!(retire.contains(&format!(
        "IF (fp1 = '{fp}') THEN\n    ALTER USER DAGFLUX UNSET RSA_PUBLIC_KEY_2;"
    )));
    assert!(retire.contains(&format!(
        "ELSEIF (fp2 = '{fp}') THEN\n    ALTER USER DAGFLUX UNSET RSA_PUBLIC_KEY;"
    )));
    assert!(retire.contains("RAISE not_set;"));
    // A quoted user stays quoted in every statement.
    let quoted = f.with(Field::PublicKey, KEY).with(Field::Role, "etl user");
    assert!(rot(&quoted, Part::Retire)
        .unwrap()
        .contains("ALTER USER \"etl user\" UNSET"));
}

fn rot(i: &grantsmith::core::Intent, part: Part) -> Option<String> {
    grantsmith::core::render(i, part)
}
