//! Checks shared by the backends other than the original applet: names, hosts, ports,
//! lists and passwords, each giving the message shown next to the field.

use crate::core::conn::{validate_port, PASSWORD_PLACEHOLDER};
use crate::core::host::validate_host;
use crate::core::quote::pg::Comment;
use crate::core::text::{js_trim, split_list};

/// Refuses what no dialect's name may hold: NUL and other control characters (a line
/// break inside a SQL Server name would also let a `GO` line split the batch).
pub(crate) fn plain_text(s: &str) -> Result<(), String> {
    if s.chars().any(char::is_control) {
        Err("Cannot contain control characters (line breaks, tabs, NUL)".into())
    } else {
        Ok(())
    }
}

/// A required name: trimmed, not empty, no control characters, at most `max` of
/// `unit` ("characters" counts chars, "bytes" UTF-8 bytes).
pub(crate) fn name(
    raw: &str,
    what: &str,
    max: usize,
    bytes: bool,
    db: &str,
) -> Result<String, String> {
    let t = js_trim(raw);
    if t.is_empty() {
        return Err(format!("Enter the {what}"));
    }
    plain_text(t)?;
    let len = if bytes { t.len() } else { t.chars().count() };
    if len > max {
        let unit = if bytes { "bytes" } else { "characters" };
        return Err(format!("Too long: {len} {unit}, but {db} allows {max}"));
    }
    Ok(t.to_string())
}

/// The host as typed, with the PostgreSQL builder's rules (no scheme, port or path).
pub(crate) fn host(raw: &str) -> Result<String, String> {
    let t = js_trim(raw);
    if t.is_empty() {
        return Err("Enter a host".into());
    }
    validate_host(t).map_err(|e| e.message().to_string())?;
    Ok(t.to_string())
}

/// The port as a number (leading zeros dropped), empty meaning `default`.
pub(crate) fn port(raw: &str, default: &'static str) -> Result<u16, String> {
    let p = match js_trim(raw) {
        "" => default,
        p => p,
    };
    validate_port(p).map_err(str::to_string)
}

/// A list field split on commas and new lines, each item checked by `each`; empty
/// means `default` (or "Enter …" when there is none).
pub(crate) fn list<T>(
    raw: &str,
    default: &str,
    what: &str,
    mut each: impl FnMut(&str) -> Result<T, String>,
) -> Result<Vec<T>, String> {
    let items = split_list(raw).unwrap_or_else(|| split_list(default).unwrap_or_default());
    if items.is_empty() {
        return Err(format!("Enter at least one {what}"));
    }
    let mut out = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for item in items {
        if seen.contains(&item) {
            continue;
        }
        seen.push(item);
        out.push(each(item).map_err(|m| format!("{item}: {m}"))?);
    }
    Ok(out)
}

/// The password, if typed: no control characters.
pub(crate) fn password(raw: &str) -> Result<Option<String>, String> {
    if raw.is_empty() {
        return Ok(None);
    }
    plain_text(raw)?;
    Ok(Some(raw.to_string()))
}

/// A `-- ` comment line per trap, with user text kept inside its comment.
pub(crate) fn comments(out: &mut String, lines: &[String]) {
    for l in lines {
        out.push_str("-- ");
        out.push_str(&Comment::new(l).to_string());
        out.push('\n');
    }
}

/// The trap line for a script without a password: the placeholder is not SQL, so the
/// script stops before doing anything until it is replaced.
pub(crate) fn placeholder_trap(pw: &Option<String>, traps: &mut Vec<String>, quote: &str) {
    if pw.is_none() {
        traps.insert(
            0,
            format!("No password typed: replace {PASSWORD_PLACEHOLDER} with one in quotes ({quote}); as written, it stops with a syntax error before creating anything."),
        );
    }
}
