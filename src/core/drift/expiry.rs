//! The password's expiry in the drift check: the inspect query prints one `expires` fact
//! (`pg_roles.rolvaliduntil`, in UTC; empty for none or `infinity`; a paste from an older
//! query has no such line, and then the expiry is not judged), and the check compares it with what the presets' setup sets (`VALID
//! UNTIL`, the form's date at 00:00 UTC, `infinity` when the form has none). A changed
//! expiry and a removed one are drift; the fix sets the setup's again. The original
//! applet's setup leaves the expiry alone, and so does its check.
//! Source: postgresql.org/docs/current/sql-createrole.html (VALID UNTIL: "the password
//! will no longer be valid"; `infinity` for never).

use super::compare::{Row, Status};
use super::expect::Expect;
use super::Inspection;
use crate::core::quote::pg::{Comment, Literal};

/// The fact's kind.
pub const KIND: &str = "expires";

/// `ALTER ROLE … VALID UNTIL` the setup's expiry (`'infinity'` for none).
fn fix(e: &Expect, date: Option<&str>) -> String {
    let until = match date {
        Some(d) => Literal::generated(&format!("{d} 00:00:00+00")).to_string(),
        None => "'infinity'".to_string(),
    };
    format!("ALTER ROLE {} VALID UNTIL {until};", e.role)
}

/// The row about the expiry, if the setup sets one (`None` for the original applet's).
pub(super) fn row(e: &Expect, i: &Inspection) -> Option<Row> {
    let want = e.expiry.as_ref()?;
    // No line at all: a paste from a query older than this check, which cannot tell.
    let has = i.facts.iter().find(|f| f.kind == KIND)?.fields[0].as_str();
    let has = (!has.is_empty()).then_some(has);
    let want_text = want.as_ref().map(|d| format!("{d} 00:00:00"));
    let row = |status, what: String, fix| Row {
        status,
        danger: false,
        what: Comment::new(&what).to_string(),
        fix,
        after_commit: false,
    };
    Some(match (has, want_text.as_deref()) {
        (None, None) => return None,
        (Some(h), Some(w)) if h == w => row(
            Status::Present,
            format!("password valid until {h} UTC"),
            None,
        ),
        (Some(h), Some(w)) => row(
            Status::Extra,
            format!("password valid until {h} UTC, not {w} UTC as the setup sets"),
            Some(fix(e, want.as_deref())),
        ),
        (Some(h), None) => row(
            Status::Extra,
            format!("password valid until {h} UTC (the setup sets no expiry)"),
            Some(fix(e, None)),
        ),
        (None, Some(w)) => row(
            Status::Missing,
            format!("password valid until {w} UTC (it never expires now)"),
            Some(fix(e, want.as_deref())),
        ),
    })
}
