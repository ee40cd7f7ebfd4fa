//! `--generate-key`: a Snowflake key pair made on this machine. The private key goes to
//! a new file readable by its owner only (mode 0600, an existing file never
//! overwritten), or to stdout when the path is `-`; its public half goes into the
//! script, as a pasted key would. A passphrase comes from an environment variable (a
//! flag would show in `ps` and in shell history) and encrypts the file the way the page
//! does (`core::backend::snowflake::key_file`).
//!
//! RustCrypto's `rsa` makes the key (it is only generated here, never used to sign or
//! decrypt, which is where RUSTSEC-2023-0071's timing leak lies) and `pkcs8` encrypts it.

use std::io::Write;

use rsa::pkcs8::{pkcs5::pbes2, EncodePrivateKey, EncodePublicKey};
use rsa::rand_core::{OsRng, RngCore};
use rsa::{RsaPrivateKey, RsaPublicKey};

use super::What;
use crate::core::backend::snowflake::key::read;
use crate::core::backend::snowflake::key_file::{
    encrypted_pem, private_pem, public_pem, BITS, ITERATIONS, IV_LEN, SALT_LEN,
};
use crate::core::intent::{Db, Field, Intent};

/// A key pair made here: the private key file's text and the public key's PEM.
pub struct KeyPair {
    /// The private key file (`rsa_key.p8`), encrypted when a passphrase was given.
    pub private: String,
    /// The public key, as `openssl rsa -pubout` writes it.
    pub public: String,
}

/// A new 2048-bit RSA key pair; the private key encrypted with `passphrase` (PBES2) when
/// there is one.
pub fn generate(passphrase: Option<&str>) -> Result<KeyPair, String> {
    let fail = |e: &dyn std::fmt::Display| format!("--generate-key: {e}");
    let key = RsaPrivateKey::new(&mut OsRng, BITS as usize).map_err(|e| fail(&e))?;
    let pkcs8 = key.to_pkcs8_der().map_err(|e| fail(&e))?;
    let public = RsaPublicKey::from(&key)
        .to_public_key_der()
        .map_err(|e| fail(&e))?;
    let private = match passphrase {
        None => private_pem(pkcs8.as_bytes()),
        Some(pass) => {
            let (mut salt, mut iv) = ([0u8; SALT_LEN], [0u8; IV_LEN]);
            OsRng.fill_bytes(&mut salt);
            OsRng.fill_bytes(&mut iv);
            let params = pbes2::Parameters::pbkdf2_sha256_aes256cbc(ITERATIONS, &salt, &iv)
                .map_err(|e| fail(&e))?;
            let ciphertext = params
                .encrypt(pass, pkcs8.as_bytes())
                .map_err(|e| fail(&e))?;
            encrypted_pem(&salt, ITERATIONS, &iv, &ciphertext)
        }
    };
    Ok(KeyPair {
        private,
        public: public_pem(public.as_bytes()),
    })
}

/// Writes the private key file at `path`: a new file, mode 0600 from its creation (no
/// moment where others may read it).
fn write_private(path: &str, text: &str) -> Result<(), String> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::AlreadyExists => format!(
            "--generate-key {path}: the file exists; a key file is never overwritten (move it away or pick another path)"
        ),
        _ => format!("--generate-key {path}: {e}"),
    })?;
    file.write_all(text.as_bytes())
        .and_then(|()| file.sync_all())
        .map_err(|e| format!("--generate-key {path}: {e}"))
}

/// The last value given for `key`.
fn value<'a>(pairs: &'a [(&'static str, String)], key: &str) -> Option<&'a str> {
    pairs
        .iter()
        .rev()
        .find(|(k, _)| *k == key)
        .map(|(_, v)| v.as_str())
}

/// `--generate-key`'s path and `--key-passphrase-env`'s variable, when a key pair is
/// asked for where it can be used: a Snowflake form without a key of its own, and an
/// output that can carry it.
pub fn asked<'a>(
    pairs: &'a [(&'static str, String)],
    output: What,
    i: &Intent,
) -> Result<Option<(&'a str, Option<&'a str>)>, Vec<String>> {
    let pass = value(pairs, "key-passphrase-env");
    let Some(path) = value(pairs, "generate-key") else {
        return match pass {
            Some(_) => Err(vec![
                "--key-passphrase-env encrypts the key --generate-key makes (see --help)".into(),
            ]),
            None => Ok(None),
        };
    };
    let refused = if i.db != Db::Snowflake {
        "--generate-key is for Snowflake (--db snowflake): the other databases sign in with a password"
    } else if !i.get(Field::PublicKey).trim().is_empty() {
        "--generate-key makes the public key: leave out --public-key and --public-key-file"
    } else if matches!(output, What::Check | What::NewSchema) {
        "--generate-key goes with setup, verify, uninstall, inspect, rotate, retire or conn (see --help)"
    } else if path.is_empty() {
        "--generate-key: give a path, or - for stdout"
    } else {
        return Ok(Some((path, pass)));
    };
    Err(vec![refused.into()])
}

/// Makes the key pair (for a form [`asked`] accepted), writes its private key to `path` (or returns it for stdout when
/// `path` is `-`) and puts its public key into the form; returns the text for stdout and
/// the note for stderr.
pub fn apply(
    i: &mut Intent,
    path: &str,
    pass_env: Option<&str>,
) -> Result<(String, String), Vec<String>> {
    let pass = pass_env.map(passphrase).transpose().map_err(|m| vec![m])?;
    let pair = generate(pass.as_deref()).map_err(|m| vec![m])?;
    let fingerprint = read(&pair.public)
        .ok()
        .flatten()
        .map(|k| k.fingerprint)
        .unwrap_or_default();
    i.set(Field::PublicKey, pair.public);
    let how = if pass.is_some() {
        "encrypted with the passphrase"
    } else {
        "unencrypted"
    };
    if path == "-" {
        let note = format!("the private key ({how}) is on stdout before the output, and nowhere else; its public key ({fingerprint}) is in the script");
        return Ok((pair.private, note));
    }
    write_private(path, &pair.private).map_err(|m| vec![m])?;
    Ok((String::new(), format!("the private key ({how}) is in {path}, readable by you only, and nowhere else; its public key ({fingerprint}) is in the script")))
}

/// The passphrase from the environment variable `name`: refused when unset or empty (an
/// empty passphrase would encrypt with nothing secret).
pub fn passphrase(name: &str) -> Result<String, String> {
    match std::env::var(name) {
        Ok(p) if !p.is_empty() => Ok(p),
        Ok(_) => Err(format!("--key-passphrase-env: {name} is empty")),
        Err(_) => Err(format!(
            "--key-passphrase-env: environment variable {name} is not set"
        )),
    }
}

/// The same bytes as pkcs8's own EncryptedPrivateKeyInfo: the page's writer (WebCrypto
/// gives it the salt, IV and ciphertext) is checked against RustCrypto's encoder here.
#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::backend::snowflake::key_file::encrypted_der;
    use rsa::pkcs8::der::Encode;
    use rsa::pkcs8::{DecodePrivateKey, EncryptedPrivateKeyInfo};

    #[test]
    fn the_pages_writer_matches_pkcs8s_encoding_and_decrypts() {
        let der: Vec<u8> = (0..200u8).collect();
        let (salt, iv) = ([7u8; SALT_LEN], [9u8; IV_LEN]);
        let params = pbes2::Parameters::pbkdf2_sha256_aes256cbc(1000, &salt, &iv).unwrap();
        let ciphertext = params.encrypt("pässword", &der).unwrap();
        let ours = encrypted_der(&salt, 1000, &iv, &ciphertext);
        let theirs = EncryptedPrivateKeyInfo {
            encryption_algorithm: params.into(),
            encrypted_data: &ciphertext,
        }
        .to_der()
        .unwrap();
        assert_eq!(ours, theirs);
        let read = EncryptedPrivateKeyInfo::try_from(ours.as_slice()).unwrap();
        let alg = read.encryption_algorithm;
        assert_eq!(alg.decrypt("pässword", read.encrypted_data).unwrap(), der);
        assert!(alg.decrypt("password", read.encrypted_data).is_err());
    }

    #[test]
    fn a_generated_key_reads_back_with_its_passphrase() {
        let pair = generate(Some("correct horse")).unwrap();
        assert!(pair
            .private
            .starts_with("-----BEGIN ENCRYPTED PRIVATE KEY-----\n"));
        let key = RsaPrivateKey::from_pkcs8_encrypted_pem(&pair.private, "correct horse").unwrap();
        let public = RsaPublicKey::from(&key).to_public_key_der().unwrap();
        assert_eq!(pair.public, public_pem(public.as_bytes()));
        assert!(RsaPrivateKey::from_pkcs8_encrypted_pem(&pair.private, "wrong").is_err());
    }
}
