//! "Check what the database has": the inspect query's output pasted back, compared with
//! the form's setup in the page ([`crate::core::check_paste`]), shown as a table with the
//! dangerous extras first, and the fix script. The paste lives in this section only: it
//! is not part of the intent, so it is never in the share link, storage or a request.
//!
//! The PostgreSQL page is built without the comparison (the `drift` feature, ~20 KB
//! gzip): there the section hands the form over to all.html, which has it.

use leptos::prelude::*;

use super::page::Page;
#[cfg(feature = "drift")]
use super::reactive::memo;
#[cfg(feature = "drift")]
use super::script_block::ScriptBlock;
#[cfg(feature = "drift")]
use crate::core::drift::{Report, Status};

/// Without the comparison in this page: a button that opens the page with it, the form
/// (never the password) in the link's fragment, which no request carries.
#[cfg(not(feature = "drift"))]
#[component]
pub fn DriftCheck(
    /// The page state.
    page: Page,
) -> impl IntoView {
    let open = move |_| {
        let form = page.handover_fragment();
        let there = super::handover::join(&[&form, "check"]);
        super::handover::hand_over(&form, super::handover::ALL_PAGE, &there, "gs-drift-paste");
    };
    view! {
        <p class="gs-policy">
            "The check runs in the builder with every database (a larger download). "
            "The form goes along in the link's # part, which is never sent; the password does not. "
            "Back returns this form; the password only if the browser kept the page."
        </p>
        <button type="button" class="gs-btn gs-btn-small" data-testid="open-check" on:click=open>
            "Open the check"
        </button>
    }
}

/// The table of one comparison.
#[cfg(feature = "drift")]
fn table(r: &Report) -> impl IntoView {
    let rows = r
        .rows
        .iter()
        .map(|row| {
            let status = row.status.as_str();
            let label = if row.danger {
                "extra, dangerous"
            } else {
                status
            };
            view! {
                <tr class=format!("gs-drift-{status}") class:gs-drift-danger=row.danger>
                    <td>{label}</td>
                    <td><code>{row.what.clone()}</code></td>
                    <td><code>{row.fix.clone().unwrap_or_else(|| match row.status {
                        Status::Present => String::new(),
                        _ => "(decide by hand)".into(),
                    })}</code></td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="gs-drift" data-testid="drift-table">
            <thead><tr><th scope="col">"State"</th><th scope="col">"Privilege"</th><th scope="col">"Fix"</th></tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

/// The paste box, its message, the table and the fix script.
#[cfg(feature = "drift")]
#[component]
pub fn DriftCheck(
    /// The page state.
    page: Page,
) -> impl IntoView {
    let paste = RwSignal::new(String::new());
    let result = memo(move || {
        paste.with(|p| {
            if p.trim().is_empty() {
                return None;
            }
            page.intent.with(|i| crate::core::check_paste(i, p))
        })
    });
    // Written once per paste (read by the block and its visibility), from the report in
    // place rather than a copy of it.
    let fix = memo(move || {
        result.with(|r| match r {
            Some(Ok(report)) => report.fix_sql(),
            _ => String::new(),
        })
    });
    view! {
        <label class="gs-label" for="gs-drift-paste">
            "Paste what the inspect query printed (psql -At, or mysql -N -B -r); it stays in this page"
        </label>
        <textarea id="gs-drift-paste" class="gs-text gs-drift-paste" data-testid="drift-paste"
            spellcheck="false" class:gs-invalid=move || result.with(|r| matches!(r, Some(Err(_))))
            on:input=move |ev| paste.set(event_target_value(&ev))></textarea>
        {move || match result.get() {
            Some(Err(m)) => Some(view! { <p class="gs-error" data-testid="drift-error" role="alert">{m}</p> }.into_any()),
            Some(Ok(r)) => Some(view! {
                <p class="gs-policy" data-testid="drift-summary" aria-live="polite">
                    {if r.drift() { "Drift: the user's privileges differ from the setup." } else { "No drift: the user has exactly what the setup grants." }}
                </p>
                {table(&r)}
            }.into_any()),
            None => None,
        }}
        <div class:gs-hidden=move || fix.with(String::is_empty)>
            <ScriptBlock title="Fix script (run as the role that ran the setup)" code_id="gs-fix" testid="fix-sql"
                copy_label="Copy SQL" copy_testid="copy-fix" text=Signal::from(fix)
                download=("download-fix", Signal::from("grantsmith-fix.sql"))/>
        </div>
    }
}
