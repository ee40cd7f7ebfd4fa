//! One output section for every form: Generate and its hint, then the setup script
//! (with the RLS policy name), the connection string, the metadata fields, then the
//! parts beyond the original's ([`more`]: the share link, the verify, inspect and
//! uninstall scripts, and the drift check; light entry points in the page without them).

use leptos::prelude::*;

use super::extras::{connection, more};
use super::page::Page;
use super::reactive::memo;
use super::script_block::ScriptBlock;
use crate::core::output::Part;

/// Generate, the hint beside it, and what Generate shows.
#[component]
pub fn Outputs(
    /// The page state.
    page: Page,
    /// Beside Generate: where nothing is sent.
    #[prop(into)]
    local_note: String,
) -> impl IntoView {
    let setup = page.part(Part::Setup);
    let policy = page.part(Part::PolicyName);
    let summary = page.part(Part::Summary);
    view! {
        <div class="gs-actions">
            <button type="button" class="gs-btn" data-testid="generate"
                disabled=move || !page.ready() on:click=move |_| page.generate()>
                "Generate commands and connection string"
            </button>
            <span class="gs-hint" data-testid="hint" aria-live="polite">
                {move || page.checked.with(|o| o.hint.clone())}
            </span>
            <span class="gs-local">{local_note}</span>
        </div>
        // Built once and hidden until Generate (and again on any change): Generate then
        // only fills in the text, which keeps it under a millisecond.
        <div class="gs-output" class:gs-hidden=move || !page.generated.get()>
            <ScriptBlock title="SQL commands to run" code_id="gs-sql" testid="sql" box_class="gs-code-sql"
                copy_label="Copy SQL" copy_testid="copy-sql" text=setup
                download=("download-setup", Signal::from("grantsmith-setup.sql"))>
                {move || policy.with(|p| !p.is_empty()).then(|| view! {
                    <p class="gs-policy">
                        "RLS policy name on each RLS-enabled table: "
                        <code data-testid="policy-name">{policy}</code>
                    </p>
                })}
            </ScriptBlock>
            {connection(page)}
            {super::show::show(memo(move || summary.with(|s| !s.is_empty())), std::sync::Arc::new(move || view! {
                <ScriptBlock title="Connection fields to enter" code_id="gs-summary" testid="summary"
                    copy_label="Copy fields" copy_testid="copy-summary" text=summary/>
            }.into_any()))}
            {more(page)}
        </div>
    }
}
