//! The "Provider" picker under the host (PostgreSQL only): told from the host by
//! default, or picked (Cloud SQL has no telling host), with what differs there.

use leptos::prelude::*;

use super::page::Page;
use super::reactive::memo;
use crate::core::intent::Db;
use crate::core::provider::{Pick, Provider};

/// The picker and the resolved provider's note.
#[component]
pub fn ProviderPicker(
    /// The page state.
    page: Page,
) -> impl IntoView {
    let postgres = memo(move || page.intent.with(|i| i.db == Db::Postgres));
    let pick = memo(move || page.intent.with(|i| i.pick().as_str()));
    let note = memo(move || page.intent.with(|i| i.provider().map(Provider::note)));
    let options = Provider::ALL
        .iter()
        .map(|p| {
            view! { <option value=p.as_str()>{p.label()}</option> }
        })
        .collect_view();
    view! {
        <div class="gs-field" class:gs-hidden=move || !postgres.get() || !page.shown("provider")>
            <label class="gs-label" for="gs-provider">"Provider"</label>
            <select id="gs-provider" class="gs-input" data-testid="provider" prop:value=pick
                disabled=page.fixed("provider")
                on:change=move |ev| {
                    if let Some(p) = Pick::from_key(&event_target_value(&ev)) {
                        super::extras::pick_provider(page, p);
                    }
                }>
                <option value="auto">"Told from the host"</option>
                {options}
                <option value="none">"None (self-managed)"</option>
            </select>
            {super::field::profile_note(page, "provider")}
            {move || note.get().map(|n| view! { <p class="gs-note" data-testid="provider-note">{n}</p> })}
        </div>
    }
}
