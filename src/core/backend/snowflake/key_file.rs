//! The private key file of a key pair made here (the page with WebCrypto, the CLI with
//! the `rsa` crate), in the forms Snowflake's connectors read: PKCS#8 in PEM, either
//! unencrypted (`BEGIN PRIVATE KEY`, what `openssl pkcs8 -topk8 -nocrypt` writes) or
//! encrypted with a passphrase (`BEGIN ENCRYPTED PRIVATE KEY`: an
//! EncryptedPrivateKeyInfo with PBES2, PBKDF2-HMAC-SHA256 and AES-256-CBC, what
//! `openssl pkcs8 -topk8 -v2 aes256 -v2prf hmacWithSHA256` writes). Only the bytes are
//! written here; the key itself and the encryption come from the caller's cryptography.
//!
//! Sources: RFC 5958 §3 (EncryptedPrivateKeyInfo); RFC 8018 §6.2, A.2, A.4 and B.1.2
//! (PBES2, PBKDF2's parameters, hmacWithSHA256); RFC 3565 §4.1 (id-aes256-CBC and its
//! IV parameter); RFC 7468 §2 and §5 (PEM lines of 64 characters, the labels);
//! docs.snowflake.com/en/user-guide/key-pair-auth (the file `rsa_key.p8`).

use crate::core::scram::base64;

/// The file name Snowflake's documentation and the connector forms use.
pub const FILE_NAME: &str = "rsa_key.p8";

/// The size of the RSA keys made here: Snowflake's floor, what its documentation's
/// `openssl genrsa 2048` makes.
pub const BITS: u32 = 2048;

/// PBKDF2 rounds for a passphrase: OWASP's Password Storage Cheat Sheet asks 600,000
/// for PBKDF2-HMAC-SHA256 (OpenSSL's own default, 2048, predates it). A connector pays
/// them once per connection: about a fifth of a second.
pub const ITERATIONS: u32 = 600_000;

/// Bytes of PBKDF2 salt (RFC 8018 §4.1 asks at least 8) and of the AES-CBC IV.
pub const SALT_LEN: usize = 16;
/// Bytes of the AES-CBC initialization vector (the cipher's block).
pub const IV_LEN: usize = 16;

/// id-PBES2, 1.2.840.113549.1.5.13.
const PBES2: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x05, 0x0d];
/// id-PBKDF2, 1.2.840.113549.1.5.12.
const PBKDF2: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x05, 0x0c];
/// id-hmacWithSHA256, 1.2.840.113549.2.9.
const HMAC_SHA256: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x02, 0x09];
/// id-aes256-CBC, 2.16.840.1.101.3.4.1.42.
const AES256_CBC: &[u8] = &[0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x01, 0x2a];

/// One DER element: tag, definite length (short or long form), contents.
fn tlv(tag: u8, content: &[u8]) -> Vec<u8> {
    let n = content.len();
    let mut out = vec![tag];
    if n < 0x80 {
        out.push(n as u8);
    } else {
        let len: Vec<u8> = n
            .to_be_bytes()
            .into_iter()
            .skip_while(|&b| b == 0)
            .collect();
        out.push(0x80 | len.len() as u8);
        out.extend(len);
    }
    out.extend_from_slice(content);
    out
}

/// A SEQUENCE of the elements given.
fn seq(parts: &[&[u8]]) -> Vec<u8> {
    tlv(0x30, &parts.concat())
}

/// A non-negative INTEGER, in the fewest bytes (a leading 0 when the top bit is set).
fn integer(v: u32) -> Vec<u8> {
    let mut b: Vec<u8> = v
        .to_be_bytes()
        .into_iter()
        .skip_while(|&x| x == 0)
        .collect();
    if b.first().is_none_or(|&x| x & 0x80 != 0) {
        b.insert(0, 0);
    }
    tlv(0x02, &b)
}

/// `der` as PEM with `label` (`PRIVATE KEY`, `PUBLIC KEY`…): base64 in lines of 64.
///
/// ```
/// use grantsmith::core::backend::snowflake::key_file::pem;
/// assert_eq!(pem("PUBLIC KEY", b"hi"), "-----BEGIN PUBLIC KEY-----\naGk=\n-----END PUBLIC KEY-----\n");
/// ```
pub fn pem(label: &str, der: &[u8]) -> String {
    let body = base64(der);
    let mut out = format!("-----BEGIN {label}-----\n");
    // base64 is ASCII: every 64-byte cut is at a character boundary.
    for line in body.as_bytes().chunks(64) {
        out.push_str(std::str::from_utf8(line).unwrap_or_default());
        out.push('\n');
    }
    out + &format!("-----END {label}-----\n")
}

/// An EncryptedPrivateKeyInfo (DER) holding `ciphertext`: the PKCS#8 PrivateKeyInfo
/// encrypted with AES-256-CBC (PKCS#7 padding) under `iv`, with the key PBKDF2-HMAC-
/// SHA256 derives from the passphrase, `salt` and `iterations`. The PBKDF2 parameters
/// leave out the optional key length, as OpenSSL does for AES.
pub fn encrypted_der(salt: &[u8], iterations: u32, iv: &[u8], ciphertext: &[u8]) -> Vec<u8> {
    let prf = seq(&[&tlv(0x06, HMAC_SHA256), &[0x05, 0x00]]);
    let kdf_params = seq(&[&tlv(0x04, salt), &integer(iterations), &prf]);
    let kdf = seq(&[&tlv(0x06, PBKDF2), &kdf_params]);
    let cipher = seq(&[&tlv(0x06, AES256_CBC), &tlv(0x04, iv)]);
    let alg = seq(&[&tlv(0x06, PBES2), &seq(&[&kdf, &cipher])]);
    seq(&[&alg, &tlv(0x04, ciphertext)])
}

/// The unencrypted private key file (`-----BEGIN PRIVATE KEY-----`) for a PKCS#8 DER.
pub fn private_pem(pkcs8: &[u8]) -> String {
    pem("PRIVATE KEY", pkcs8)
}

/// The passphrase-protected private key file (`-----BEGIN ENCRYPTED PRIVATE KEY-----`),
/// from [`encrypted_der`]'s parts.
pub fn encrypted_pem(salt: &[u8], iterations: u32, iv: &[u8], ciphertext: &[u8]) -> String {
    pem(
        "ENCRYPTED PRIVATE KEY",
        &encrypted_der(salt, iterations, iv, ciphertext),
    )
}

/// The public key (SubjectPublicKeyInfo DER) as the key field takes it: the PEM text
/// `openssl rsa -pubout` writes.
pub fn public_pem(spki: &[u8]) -> String {
    pem("PUBLIC KEY", spki)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_take_the_long_form_past_127_bytes() {
        assert_eq!(tlv(0x04, &[7; 3]), [0x04, 3, 7, 7, 7]);
        assert_eq!(&tlv(0x04, &[0; 200])[..3], [0x04, 0x81, 200]);
        assert_eq!(&tlv(0x04, &[0; 1300])[..4], [0x04, 0x82, 0x05, 0x14]);
    }

    #[test]
    fn integers_are_minimal_and_positive() {
        assert_eq!(integer(0), [0x02, 1, 0]);
        assert_eq!(integer(128), [0x02, 2, 0, 0x80]);
        assert_eq!(integer(2048), [0x02, 2, 0x08, 0x00]);
        assert_eq!(integer(600_000), [0x02, 3, 0x09, 0x27, 0xc0]);
    }

    #[test]
    fn pem_lines_hold_64_characters() {
        let p = pem("PRIVATE KEY", &[1u8; 100]);
        let lines: Vec<&str> = p.lines().collect();
        assert_eq!(lines[0], "-----BEGIN PRIVATE KEY-----");
        // 100 bytes are 136 base64 characters: 64, 64 and 8.
        assert_eq!(
            lines[1..4].iter().map(|l| l.len()).collect::<Vec<_>>(),
            [64, 64, 8]
        );
        assert_eq!(lines[4], "-----END PRIVATE KEY-----");
        assert!(p.ends_with("-----\n"));
    }
}
