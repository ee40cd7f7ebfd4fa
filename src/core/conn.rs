//! The libpq connection URI. One string: what is shown is what is copied.

use super::host::Host;

/// Where the password goes when none is given: the user pastes theirs over it.
pub const PASSWORD_PLACEHOLDER: &str = "[[REPLACE_WITH_PASSWORD]]";

/// Percent-encodes everything outside RFC 3986's unreserved set (`A-Za-z0-9-._~`), as
/// libpq decodes the user, password and database parts of a URI. `+` is encoded too:
/// libpq does not read it as a space.
///
/// ```
/// use grantsmith::core::conn::percent_encode;
/// assert_eq!(percent_encode("dreamlit_app"), "dreamlit_app");
/// assert_eq!(percent_encode("a b+c@d/é"), "a%20b%2Bc%40d%2F%C3%A9");
/// ```
pub fn percent_encode(s: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push('%');
            out.push(HEX[(b >> 4) as usize] as char);
            out.push(HEX[(b & 15) as usize] as char);
        }
    }
    out
}

/// The parts of a connection URI, already validated and defaulted.
pub struct ConnParts<'a> {
    /// The login role, as stored.
    pub user: &'a str,
    /// `None` puts [`PASSWORD_PLACEHOLDER`] in the password position.
    pub password: Option<&'a str>,
    /// A validated host.
    pub host: &'a Host,
    /// A validated port number.
    pub port: u16,
    /// The database name, as stored.
    pub database: &'a str,
}

/// `postgresql://user:password@host:port/database`.
///
/// ```
/// use grantsmith::core::conn::{connection_uri, ConnParts};
/// use grantsmith::core::host::Host;
/// let uri = connection_uri(&ConnParts {
///     user: "app", password: None, host: &Host::new("::1"), port: 5432, database: "my db",
/// });
/// assert_eq!(uri, "postgresql://app:[[REPLACE_WITH_PASSWORD]]@[::1]:5432/my%20db");
/// ```
pub fn connection_uri(p: &ConnParts<'_>) -> String {
    let password = match p.password {
        Some(pw) => percent_encode(pw),
        None => PASSWORD_PLACEHOLDER.to_string(),
    };
    format!(
        "postgresql://{}:{}@{}:{}/{}",
        percent_encode(p.user),
        password,
        p.host.for_url(),
        p.port,
        percent_encode(p.database)
    )
}

/// Validates a port as typed (already trimmed and defaulted): digits only, 1–65535.
/// Returns the number, which is what goes into a connection string (`0005432` is 5432).
///
/// ```
/// use grantsmith::core::conn::validate_port;
/// assert_eq!(validate_port("5432"), Ok(5432));
/// assert_eq!(validate_port(&format!("{}5432", "0".repeat(1000))), Ok(5432));
/// assert!(validate_port("0").is_err());
/// assert!(validate_port("65536").is_err());
/// assert!(validate_port("54a").is_err());
/// ```
pub fn validate_port(port: &str) -> Result<u16, &'static str> {
    let digits = port.trim_start_matches('0');
    match digits.parse::<u16>() {
        Ok(n) if n > 0 && port.bytes().all(|b| b.is_ascii_digit()) => Ok(n),
        _ => Err("Port must be a whole number from 1 to 65535"),
    }
}
