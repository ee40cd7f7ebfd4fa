//! Checks shared by the backends other than the original applet: names, hosts, ports,
//! lists and passwords, each giving the message shown next to the field.

use crate::core::conn::{validate_port, PASSWORD_PLACEHOLDER};
use crate::core::host::validate_host;
use crate::core::quote::pg::Comment;
use crate::core::text::{js_trim, split_unique};

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
    // split_unique: repeats dropped in linear time (a pairwise search took 24 ms for
    // 4,000 names on every keystroke).
    let items = split_unique(raw).unwrap_or_else(|| split_unique(default).unwrap_or_default());
    if items.is_empty() {
        return Err(format!("Enter at least one {what}"));
    }
    items
        .into_iter()
        .map(|item| each(item).map_err(|m| format!("{item}: {m}")))
        .collect()
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

/// An expiry date typed as `YYYY-MM-DD` (a real calendar day, years 2000–9999), or
/// `None` when empty: the scripts write it as midnight UTC, so the password stops
/// working at the same instant whatever the server's time zone.
pub(crate) fn valid_until(raw: &str) -> Result<Option<String>, String> {
    let t = js_trim(raw);
    if t.is_empty() {
        return Ok(None);
    }
    let bad = || {
        format!(
            "Write the date as YYYY-MM-DD (like 2027-12-31), not {}",
            crate::core::text::quoted(t)
        )
    };
    let parts: Vec<&str> = t.split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return Err(bad());
    };
    let num = |s: &str, len: usize| {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    let (Some(y), Some(m), Some(d)) = (num(y, 4), num(m, 2), num(d, 2)) else {
        return Err(bad());
    };
    let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => {
            return Err(format!(
                "There is no month {m}: write the date as YYYY-MM-DD"
            ))
        }
    };
    if !(1..=days).contains(&d) {
        return Err(format!(
            "{t} is not a day of the calendar ({y}-{m:02} has {days} days)"
        ));
    }
    if y < 2000 {
        return Err("The date has passed long ago: the password would never work".into());
    }
    Ok(Some(t.to_string()))
}

/// The `VALID UNTIL` value of a checked date: midnight UTC that day, or `'infinity'`
/// (no expiry, which a re-run writes to take an earlier date away). The date is digits
/// and dashes ([`valid_until`]), so it needs no quoting beyond the quotes.
pub(crate) fn valid_until_sql(date: Option<&str>) -> String {
    match date {
        Some(d) => format!("'{d} 00:00:00+00'"),
        None => "'infinity'".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::valid_until;

    #[test]
    fn expiry_dates_are_calendar_days() {
        assert_eq!(valid_until(" 2028-02-29 "), Ok(Some("2028-02-29".into())));
        assert_eq!(valid_until(""), Ok(None));
        for bad in [
            "2027-02-29",
            "2100-02-29",
            "31/12/2027",
            "2027-13-01",
            "2027-04-31",
            "2027-1-01",
            "1999-12-31",
            "2027-12-31T00:00",
            "'; DROP",
        ] {
            assert!(valid_until(bad).is_err(), "{bad}");
        }
        assert!(valid_until("2000-02-29").is_ok());
    }
}
