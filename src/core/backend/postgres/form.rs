//! What the original's form and the presets' forms check alike: lists of names, a
//! provider's own schemas, and the password (as typed, as a SCRAM verifier, or the
//! placeholder).

use crate::core::intent::{Field, Intent};
use crate::core::provider::Provider;
use crate::core::quote::pg::{Ident, Literal, NameError};

/// How the password appears in `CREATE ROLE … PASSWORD …`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Password {
    /// The original's `[[REPLACE_WITH_PASSWORD]]` token, replaced by the user with a
    /// quoted password before running.
    Placeholder,
    /// A real password, as a literal.
    Literal(Literal),
    /// A SCRAM-SHA-256 verifier of an (ASCII, checked) password, computed only when the
    /// script is written: PBKDF2's 4096 rounds are not paid on every keystroke.
    Scram {
        /// The password.
        password: String,
        /// The salt.
        salt: [u8; 16],
    },
}

impl std::fmt::Display for Password {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Password::Placeholder => f.write_str(crate::core::conn::PASSWORD_PLACEHOLDER),
            Password::Literal(l) => l.fmt(f),
            Password::Scram { password, salt } => {
                // Only a page with the password field (the `extras` feature) makes one:
                // the page without it leaves PBKDF2 and SHA-256 out.
                match cfg!(feature = "extras")
                    .then(|| {
                        crate::core::scram::verifier(password, salt, crate::core::scram::ITERATIONS)
                    })
                    .and_then(Result::ok)
                    .and_then(|v| Literal::new(&v).ok())
                {
                    Some(l) => l.fmt(f),
                    // Unreachable (the password was checked); the placeholder would stop
                    // the script rather than set something else.
                    None => f.write_str(crate::core::conn::PASSWORD_PLACEHOLDER),
                }
            }
        }
    }
}

/// Checks every item of a list with `check`; the message names the first bad one.
pub(crate) fn idents(
    label: &str,
    items: &[&str],
    check: fn(&str) -> Result<Ident, NameError>,
) -> Result<Vec<Ident>, String> {
    items
        .iter()
        .map(|i| check(i).map_err(|e| format!("{label} \"{}\": {}", short(i), e.message())))
        .collect()
}

/// A long item, shortened for a message.
fn short(s: &str) -> String {
    if s.chars().count() > 24 {
        let head: String = s.chars().take(24).collect();
        format!("{head}…")
    } else {
        s.to_string()
    }
}

/// Refuses a listed schema that belongs to the host's provider.
pub(crate) fn not_platform(platform: Option<Provider>, items: &[&str]) -> Result<(), String> {
    match platform.and_then(|p| {
        items
            .iter()
            .find(|s| p.owns_schema(s))
            .map(|s| p.refusal(s))
    }) {
        Some(m) => Err(m),
        None => Ok(()),
    }
}

/// What goes after `PASSWORD`: the placeholder, a SCRAM verifier, or the password.
pub fn password_sql(pw: &str, scram: bool, salt: &[u8; 16]) -> Result<Password, String> {
    if pw.is_empty() {
        return Ok(Password::Placeholder);
    }
    // libpq cannot send a NUL, whatever the SQL says.
    let literal = Literal::new(pw).map_err(|e| e.message())?;
    if scram && !cfg!(feature = "extras") {
        return Err("A SCRAM verifier is written by the builder with the password field".into());
    }
    if scram {
        // The verifier is computed when the script is written; only its one refusal is
        // checked here.
        crate::core::scram::verifier(pw, salt, 1).map_err(|e| e.message().to_string())?;
        return Ok(Password::Scram {
            password: pw.to_string(),
            salt: *salt,
        });
    }
    if looks_hashed(pw) {
        return Err("This looks like a password hash: PostgreSQL would store it as the hash, and the password would not log in".into());
    }
    Ok(Password::Literal(literal))
}

/// The password as the provider takes it: where hashed passwords are refused (Neon),
/// the password itself, checked against the provider's strength rule.
pub(crate) fn password_for(i: &Intent, platform: Option<Provider>) -> Result<Password, String> {
    let pw = i.get(Field::Password);
    let hashed_ok = platform.is_none_or(Provider::hashed_passwords);
    if let (Some(p), false, false) = (platform, hashed_ok, pw.is_empty()) {
        let bits = entropy_bits(pw);
        if bits < 60 {
            return Err(format!(
                "{} refuses passwords under 60 bits of entropy (this one: about {bits}): use 12 or more characters mixing upper and lower case, digits and symbols",
                p.label()
            ));
        }
    }
    password_sql(pw, i.scram && hashed_ok, &i.salt)
}

/// Estimated entropy in whole bits, as password rules estimate it: log2 of (size of the
/// character classes used: lower, upper, digits, ASCII symbols, anything else) to the
/// power of the length. Integer arithmetic: no float code in the page for this.
fn entropy_bits(pw: &str) -> u32 {
    let mut pool = 0u128;
    let class = |f: fn(char) -> bool| pw.chars().any(f);
    for (has, size) in [
        (class(|c| c.is_ascii_lowercase()), 26),
        (class(|c| c.is_ascii_uppercase()), 26),
        (class(|c| c.is_ascii_digit()), 10),
        (class(|c| c.is_ascii_punctuation() || c == ' '), 33),
        (class(|c| !c.is_ascii()), 100),
    ] {
        if has {
            pool += size;
        }
    }
    let mut space = 1u128;
    for _ in pw.chars() {
        space = space.saturating_mul(pool.max(1));
    }
    127 - space.leading_zeros()
}

/// `md5` + 32 hex digits, or `SCRAM-SHA-256$…`: PostgreSQL stores such a "password" as
/// a ready-made hash.
fn looks_hashed(pw: &str) -> bool {
    pw.starts_with("SCRAM-SHA-256$")
        || (pw.len() == 35
            && pw.starts_with("md5")
            && pw[3..].bytes().all(|b| b.is_ascii_hexdigit()))
}

/// The host and port checked alike by every PostgreSQL form (each message next to its
/// field); the port, when it is fine.
pub(crate) fn host_port(
    i: &Intent,
    e: &mut crate::core::output::Errors,
    port_default: &str,
) -> Option<u16> {
    e.take(
        Field::Host,
        crate::core::host::validate_host(i.get(Field::Host)).map_err(|h| h.message().to_string()),
    );
    e.take(
        Field::Port,
        crate::core::conn::validate_port(crate::core::text::or_default(
            i.get(Field::Port),
            port_default,
        ))
        .map_err(str::to_string),
    )
}

/// The connection details of a checked form: the host as typed (trimmed), the password
/// where one was typed.
pub(crate) fn conn_info(
    i: &Intent,
    port: u16,
    database: &Ident,
    role: &Ident,
    tls: bool,
) -> crate::core::client::ConnInfo {
    let pw = i.get(Field::Password);
    crate::core::client::ConnInfo {
        host: crate::core::host::Host::new(i.get(Field::Host)),
        port,
        database: database.raw().to_string(),
        user: role.raw().to_string(),
        password: (!pw.is_empty()).then(|| pw.to_string()),
        tls,
    }
}

/// The DO body that makes the login role, or gives an existing one (this script's own,
/// as the guard checked) its password again: safe to run twice. `pw` is what follows
/// `PASSWORD` (the presets add their `VALID UNTIL` to it).
pub(crate) fn login_role(role: &Ident, pw: &str) -> String {
    format!(
        "
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = {lit}) THEN
    CREATE ROLE {role} WITH LOGIN PASSWORD {pw};
  ELSE
    ALTER ROLE {role} WITH LOGIN PASSWORD {pw};
  END IF;
END
",
        lit = role.literal()
    )
}
