//! The public key of the user's key pair, read as Snowflake reads it: an RSA key of at
//! least 2048 bits in the SubjectPublicKeyInfo form (the PEM body of `openssl rsa
//! -pubout`, BEGIN/END lines optional), and its fingerprint as `DESC USER` shows it
//! (`RSA_PUBLIC_KEY_FP`: `SHA256:` and the base64 of the SHA-256 of the DER key).
//! Sources: docs.snowflake.com/en/user-guide/key-pair-auth ("minimum, a 2048-bit RSA
//! key pair"; the fingerprint check with `openssl rsa -pubout -outform DER | openssl
//! dgst -sha256 -binary | openssl enc -base64`).

use sha2::{Digest, Sha256};

/// A public key Snowflake accepts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicKey {
    /// The base64 body, without PEM lines or white space (what `RSA_PUBLIC_KEY` takes).
    pub body: String,
    /// The modulus's size in bits.
    pub bits: usize,
    /// `SHA256:…`, as `DESC USER` shows it.
    pub fingerprint: String,
}

/// Snowflake's floor for an RSA key.
pub const MIN_BITS: usize = 2048;

/// The object identifier of rsaEncryption (1.2.840.113549.1.1.1), DER-encoded.
const RSA_OID: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01];

const PRIVATE: &str = "This is a private key: it stays with the integration and is never pasted anywhere. Paste its public half (openssl rsa -in rsa_key.p8 -pubout)";

/// Reads a pasted public key; `Ok(None)` when nothing was pasted.
///
/// ```
/// use grantsmith::core::backend::snowflake::key::read;
/// assert!(read("").unwrap().is_none());
/// assert!(read("-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----").unwrap_err().contains("private key"));
/// assert!(read("ssh-rsa AAAAB3NzaC1yc2E").unwrap_err().contains("SSH"));
/// ```
pub fn read(raw: &str) -> Result<Option<PublicKey>, String> {
    let t = raw.trim();
    if t.is_empty() {
        return Ok(None);
    }
    if t.contains("PRIVATE KEY") {
        return Err(PRIVATE.into());
    }
    if t.starts_with("ssh-") || t.contains("OPENSSH") {
        return Err("This is an SSH key: Snowflake takes the PEM public key (openssl rsa -in rsa_key.p8 -pubout)".into());
    }
    if t.contains("RSA PUBLIC KEY") {
        return Err("This is the PKCS#1 form (BEGIN RSA PUBLIC KEY): Snowflake takes the PUBLIC KEY form (openssl rsa -RSAPublicKey_in -in key.pem -pubout)".into());
    }
    if t.contains("CERTIFICATE") {
        return Err("This is a certificate: paste the public key itself (openssl x509 -in cert.pem -pubkey -noout)".into());
    }
    let body: String = t
        .lines()
        .map(str::trim)
        .filter(|l| !l.starts_with("-----"))
        .flat_map(str::chars)
        .filter(|c| !c.is_ascii_whitespace())
        .collect();
    let der = decode_base64(&body).ok_or(
        "Paste the public key (the PEM file's text, BEGIN/END lines optional): this is not base64",
    )?;
    let bits = rsa_bits(&der)?;
    if bits < MIN_BITS {
        return Err(format!(
            "A {bits}-bit key: Snowflake needs an RSA key of {MIN_BITS} bits or more (openssl genrsa 2048)"
        ));
    }
    let fingerprint = format!(
        "SHA256:{}",
        crate::core::scram::base64(&Sha256::digest(&der))
    );
    Ok(Some(PublicKey {
        body,
        bits,
        fingerprint,
    }))
}

/// One DER element at the start of `b`: its tag, its contents and what follows.
fn element(b: &[u8]) -> Option<(u8, &[u8], &[u8])> {
    let (&tag, rest) = b.split_first()?;
    let (&first, rest) = rest.split_first()?;
    let (len, rest) = if first < 0x80 {
        (usize::from(first), rest)
    } else {
        let n = usize::from(first & 0x7f);
        if n == 0 || n > 4 || rest.len() < n {
            return None;
        }
        let len = rest[..n]
            .iter()
            .fold(0usize, |l, &x| (l << 8) | usize::from(x));
        (len, &rest[n..])
    };
    (rest.len() >= len).then(|| (tag, &rest[..len], &rest[len..]))
}

/// The modulus size of a SubjectPublicKeyInfo holding an RSA key; `Err` says what the
/// DER is instead (a private key, another algorithm, not a key).
fn rsa_bits(der: &[u8]) -> Result<usize, String> {
    let not_key = || "This is not a public key: paste the text of rsa_key.pub".to_string();
    let (0x30, spki, []) = element(der).ok_or_else(not_key)? else {
        return Err(not_key());
    };
    let (tag, alg, rest) = element(spki).ok_or_else(not_key)?;
    if tag == 0x02 {
        // PKCS#8 and PKCS#1 private keys start with a version INTEGER.
        return Err(PRIVATE.into());
    }
    let oid = element(alg)
        .filter(|(t, _, _)| *t == 0x06)
        .map(|(_, o, _)| o);
    if tag != 0x30 || oid != Some(RSA_OID) {
        return Err(
            "Not an RSA key: the key pair here is RSA, 2048 bits or more (openssl genrsa 2048)"
                .into(),
        );
    }
    let bad = || "The key is damaged (its RSA part does not read): copy it again".to_string();
    let (0x03, bits, []) = element(rest).ok_or_else(bad)? else {
        return Err(bad());
    };
    let (0x30, rsa, _) = bits
        .split_first()
        .filter(|(unused, _)| **unused == 0)
        .and_then(|(_, b)| element(b))
        .ok_or_else(bad)?
    else {
        return Err(bad());
    };
    let (0x02, n, _) = element(rsa).ok_or_else(bad)? else {
        return Err(bad());
    };
    let n = match n.iter().position(|&x| x != 0) {
        Some(k) => &n[k..],
        None => return Err(bad()),
    };
    Ok((n.len() - 1) * 8 + (8 - n[0].leading_zeros() as usize))
}

/// Standard base64 (padding optional), `None` on any other character.
fn decode_base64(s: &str) -> Option<Vec<u8>> {
    let s = s.trim_end_matches('=');
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    let (mut acc, mut n) = (0u32, 0);
    for c in s.bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        };
        acc = (acc << 6) | u32::from(v);
        n += 6;
        if n >= 8 {
            n -= 8;
            out.push((acc >> n) as u8);
        }
    }
    (!out.is_empty()).then_some(out)
}
