//! SCRAM-SHA-256 password verifiers, as PostgreSQL stores them, computed locally so the
//! setup script can carry a verifier instead of the password.

use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

type HmacSha256 = Hmac<Sha256>;

/// PostgreSQL's default `scram_iterations`.
pub const ITERATIONS: u32 = 4096;

fn hmac(key: &[u8], msg: &[u8]) -> [u8; 32] {
    let mut m = HmacSha256::new_from_slice(key).expect("HMAC takes any key length");
    m.update(msg);
    m.finalize().into_bytes().into()
}

/// Standard base64 with padding.
pub fn base64(bytes: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut s = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                s.push(A[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                s.push('=');
            }
        }
    }
    s
}

/// Why a password gets no verifier here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScramError {
    /// PostgreSQL normalises non-ASCII passwords with SASLprep (NFKC), which this page
    /// does not implement: a verifier computed without it could refuse the password.
    NonAscii,
}

impl ScramError {
    /// The message shown next to the password field.
    pub fn message(self) -> &'static str {
        match self {
            ScramError::NonAscii => "A SCRAM verifier is computed here only for ASCII passwords (PostgreSQL normalises others); send it as plain text instead",
        }
    }
}

/// `SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>` for `password`.
///
/// ```
/// use grantsmith::core::scram::verifier;
/// // The same as Python's hashlib.pbkdf2_hmac + hmac computes for these inputs.
/// let v = verifier("pencil", b"0123456789abcdef", 4096).unwrap();
/// assert_eq!(v, "SCRAM-SHA-256$4096:MDEyMzQ1Njc4OWFiY2RlZg==$nQpbZ77WudtqufPwikHXGRt6g2QJ4zns8bZLw273DRM=:jn2amWP1q1h+jgjy0YTO14S6/F02SV7taipOeB7ef20=");
/// ```
pub fn verifier(password: &str, salt: &[u8], iterations: u32) -> Result<String, ScramError> {
    if !password.is_ascii() {
        return Err(ScramError::NonAscii);
    }
    #[cfg(test)]
    FULL_VERIFIERS.with(|n| n.set(n.get() + u32::from(iterations == ITERATIONS)));
    let mut salted = [0u8; 32];
    pbkdf2::pbkdf2_hmac::<Sha256>(password.as_bytes(), salt, iterations, &mut salted);
    let client_key = hmac(&salted, b"Client Key");
    let stored_key: [u8; 32] = Sha256::digest(client_key).into();
    let server_key = hmac(&salted, b"Server Key");
    Ok(format!(
        "SCRAM-SHA-256${iterations}:{}${}:{}",
        base64(salt),
        base64(&stored_key),
        base64(&server_key)
    ))
}

#[cfg(test)]
thread_local! {
    /// Verifiers computed with the full iteration count, on this thread.
    static FULL_VERIFIERS: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

#[cfg(test)]
mod tests {
    use super::FULL_VERIFIERS;
    use crate::core::{generate, Db, Field, Intent, Preset};

    /// The script names the verifier twice (CREATE and ALTER branches); 4096 PBKDF2
    /// rounds are paid once.
    #[test]
    fn one_verifier_per_setup_script() {
        for preset in [Preset::Original, Preset::ReadWrite] {
            let i = Intent::new(Db::Postgres, preset)
                .with(Field::Host, "db.example.com")
                .with(Field::Database, "app")
                .with(Field::Password, "correct horse");
            let before = FULL_VERIFIERS.with(|n| n.get());
            let setup = generate(&i).setup.unwrap();
            assert_eq!(setup.matches("SCRAM-SHA-256$4096:").count(), 2);
            assert_eq!(FULL_VERIFIERS.with(|n| n.get()) - before, 1, "{preset:?}");
        }
    }
}
