//! Host validation: the original applet's `validateHost`, rule for rule and message for
//! message, written without a regex engine (the wasm stays small). One addition: an
//! unbalanced `[`/`]` is refused, where the original produced a broken URI.

use super::text::{is_js_space, js_trim};

/// Why a host is refused. `message()` gives the original's wording.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HostError {
    /// White space inside the host.
    Spaces,
    /// Starts with `http://` or `https://`.
    Scheme,
    /// Ends with `:port`.
    Port,
    /// Contains `/`.
    Path,
    /// Not a hostname, IPv4 or IPv6 address.
    Invalid,
    /// A single-label name other than `localhost`.
    NotFull,
}

impl HostError {
    /// The message shown under the Host field, word for word from the original.
    pub fn message(self) -> &'static str {
        match self {
            HostError::Spaces => "Host cannot contain spaces",
            HostError::Scheme => "Enter just the hostname without http:// or https://",
            HostError::Port => "Move the :port part into the Port field",
            HostError::Path => "Enter just the hostname without any path",
            HostError::Invalid => "Invalid hostname format",
            HostError::NotFull => "Use a full hostname like db.example.com",
        }
    }
}

/// Validates a host as typed. `Ok(())` for an empty host (the caller says "Enter a host").
///
/// ```
/// use grantsmith::core::host::{validate_host, HostError};
/// assert_eq!(validate_host("db.example.com"), Ok(()));
/// assert_eq!(validate_host("db:5432"), Err(HostError::Port));
/// assert_eq!(validate_host("db"), Err(HostError::NotFull));
/// assert_eq!(validate_host("::1"), Ok(()));
/// ```
pub fn validate_host(value: &str) -> Result<(), HostError> {
    let t = js_trim(value);
    if t.is_empty() {
        return Ok(());
    }
    if t.chars().any(is_js_space) {
        return Err(HostError::Spaces);
    }
    let lower = t.to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") {
        return Err(HostError::Scheme);
    }
    if has_port_suffix(t) {
        return Err(HostError::Port);
    }
    if t.contains('/') {
        return Err(HostError::Path);
    }
    if t.starts_with('[') != t.ends_with(']') {
        // The original accepted "[::1" and then wrote "[[::1]" into the URI.
        return Err(HostError::Invalid);
    }
    if is_ipv4(t) || is_likely_ipv6(t) {
        return Ok(());
    }
    if !is_hostname(t) {
        return Err(HostError::Invalid);
    }
    if !t.contains('.') && !t.eq_ignore_ascii_case("localhost") {
        return Err(HostError::NotFull);
    }
    Ok(())
}

/// `/^(\[[^\]]+\]|[^:]+):\d{1,5}$/`
fn has_port_suffix(t: &str) -> bool {
    let head_end = if let Some(rest) = t.strip_prefix('[') {
        match rest.find(']') {
            // `[^\]]+` needs at least one character between the brackets.
            Some(i) if i > 0 => Some(1 + i + 1),
            _ => None,
        }
    } else {
        None
    };
    let port_of = |after: &str| {
        after
            .strip_prefix(':')
            .is_some_and(|p| (1..=5).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
    };
    if head_end.is_some_and(|e| port_of(&t[e..])) {
        return true;
    }
    // `[^:]+` runs up to the first colon.
    match t.find(':') {
        Some(i) if i > 0 => port_of(&t[i..]),
        _ => false,
    }
}

/// `/^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/`
fn is_ipv4(t: &str) -> bool {
    let parts: Vec<&str> = t.split('.').collect();
    parts.len() == 4 && parts.iter().all(|p| is_octet(p))
}

fn is_octet(p: &str) -> bool {
    let b = p.as_bytes();
    if b.is_empty() || b.len() > 3 || !b.iter().all(u8::is_ascii_digit) {
        return false;
    }
    match b.len() {
        // `\d` or `\d\d` (leading zero allowed, as `1?\d?\d` allows "01").
        1 | 2 => true,
        // `1\d\d`, `2[0-4]\d` or `25[0-5]`.
        _ => match b[0] {
            b'1' => true,
            b'2' => b[1] < b'5' || (b[1] == b'5' && b[2] <= b'5'),
            _ => false,
        },
    }
}

/// The original's `isLikelyIpv6`.
fn is_likely_ipv6(t: &str) -> bool {
    if !t.contains(':') {
        return false;
    }
    let raw = t.strip_prefix('[').unwrap_or(t);
    let raw = raw.strip_suffix(']').unwrap_or(raw);
    let segs: Vec<&str> = raw.split(':').collect();
    (3..=8).contains(&segs.len())
        && segs
            .iter()
            .all(|s| s.len() <= 4 && s.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// `/^[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?(\.[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?)*$/`
fn is_hostname(t: &str) -> bool {
    t.split('.').all(|label| {
        let b = label.as_bytes();
        !b.is_empty()
            && b[0].is_ascii_alphanumeric()
            && b[b.len() - 1].is_ascii_alphanumeric()
            && b.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'-')
    })
}

/// The original's `isNeonHost`: the trimmed, lower-cased host contains `neon.tech`.
pub fn is_neon_host(host: &str) -> bool {
    // Same result as JavaScript's toLowerCase: no non-ASCII character lower-cases into
    // one of the ASCII letters of "neon.tech".
    js_trim(host).to_ascii_lowercase().contains("neon.tech")
}

/// A validated host, kept once for every connection form: an IPv6 address without its
/// brackets. A form asks for the spelling it needs, [`Host::bare`] where the client
/// reads a host name (libpq's keyword/value and `PGHOST`, `.pgpass`, the drivers' `host`
/// arguments: each hands it to `getaddrinfo`, which refuses `[::1]`) or
/// [`Host::for_url`] inside a URL (RFC 3986 §3.2.2: an IPv6 literal in brackets). There
/// is no `Display`, so no form can write it without choosing.
///
/// ```
/// use grantsmith::core::host::Host;
/// for typed in ["[::1]", "::1", " [::1] "] {
///     let h = Host::new(typed);
///     assert_eq!((h.bare(), h.for_url().as_str()), ("::1", "[::1]"));
/// }
/// let h = Host::new("db.example.com");
/// assert_eq!((h.bare(), h.for_url().as_str()), ("db.example.com", "db.example.com"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Host(String);

impl Host {
    /// The host as typed: trimmed as JavaScript trims, one pair of brackets around an
    /// address with colons taken off.
    pub fn new(typed: &str) -> Host {
        let t = js_trim(typed);
        let bare = t
            .strip_prefix('[')
            .and_then(|x| x.strip_suffix(']'))
            .filter(|x| x.contains(':'))
            .unwrap_or(t);
        Host(bare.to_string())
    }

    /// The host where a client reads a host name: never in brackets.
    pub fn bare(&self) -> &str {
        &self.0
    }

    /// The host inside a URL: an address with colons (IPv6) in brackets.
    pub fn for_url(&self) -> String {
        if self.0.contains(':') {
            format!("[{}]", self.0)
        } else {
            self.0.clone()
        }
    }
}

impl From<&str> for Host {
    fn from(typed: &str) -> Host {
        Host::new(typed)
    }
}

impl From<String> for Host {
    fn from(typed: String) -> Host {
        Host::new(&typed)
    }
}

/// A note for the connection string when the host passes the original's loose rules
/// but is no address at all (`1:2:3`): URL parsers refuse the result (node-postgres:
/// "Invalid URL").
///
/// ```
/// use grantsmith::core::host::unreal_host_note;
/// assert!(unreal_host_note("1:2:3").is_some());
/// assert!(unreal_host_note("[2001:db8::1]").is_none());
/// assert!(unreal_host_note("::ffff:1.2.3.4").is_none());
/// assert!(unreal_host_note("db.example.com").is_none());
/// ```
pub fn unreal_host_note(host: &str) -> Option<&'static str> {
    let h = super::text::js_trim(host);
    let bare = h
        .strip_prefix('[')
        .and_then(|x| x.strip_suffix(']'))
        .unwrap_or(h);
    (bare.contains(':') && bare.parse::<std::net::Ipv6Addr>().is_err()).then_some(
        "This host is neither a host name nor an IPv6 address: clients that parse the connection string as a URL (node-postgres, JDBC) will refuse it.",
    )
}
