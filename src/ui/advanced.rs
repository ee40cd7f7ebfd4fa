//! "Advanced configuration": grant scope, table owner roles, RLS policies.

use leptos::prelude::*;

use super::field::profile_note;
use super::page::Page;
use super::reactive::memo;
use super::show::show;
use crate::core::intent::{Field, Scope};
use std::sync::Arc;

/// The collapsible advanced section of the original's form.
#[component]
pub fn Advanced(
    /// The page state.
    page: Page,
) -> impl IntoView {
    // Open when the page that handed the form over had it open.
    let open = RwSignal::new(page.handed.advanced);
    let scope = memo(move || page.intent.with(|i| i.scope));
    let set_scope = move |s: Scope| {
        if scope.get_untracked() != s {
            page.update(|i| i.scope = s);
        }
    };
    let radio = move |s: Scope, testid: &'static str, label: &'static str| {
        view! {
            <label class="gs-radio">
                <input type="radio" name="gs-scope" data-testid=testid disabled=page.fixed("scope")
                    prop:checked=move || scope.get() == s on:change=move |_| set_scope(s)/>
                <span>{label}</span>
            </label>
        }
    };
    // One callback, made once (not one per keystroke).
    let on_schemas = page.on_input(Field::Schemas);
    let schemas_err = page.error(Field::Schemas);
    view! {
        <button
            type="button" class="gs-toggle" data-testid="advanced"
            aria-expanded=move || if open.get() { "true" } else { "false" }
            aria-controls="gs-advanced"
            on:click=move |_| open.update(|o| *o = !*o)
        >
            <span class="gs-caret" class:gs-caret-open=move || open.get() aria-hidden="true">"▶"</span>
            "Advanced configuration"
        </button>
        {show(memo(move || open.get()), Arc::new(move || view! {
            <div class="gs-adv" id="gs-advanced">
                <div class="gs-grid gs-grid-2">
                    <fieldset class="gs-panel">
                        <legend class="gs-panel-title">"Grant scope"</legend>
                        {page.shown("scope").then(|| view! {
                            {radio(Scope::All, "scope-all", "All schemas — grants everywhere parent role has USAGE")}
                            {radio(Scope::Listed, "scope-listed", "Only listed schemas — add them below")}
                            {profile_note(page, "scope")}
                        })}
                        {show(memo(move || scope.get() == Scope::Listed), Arc::new(move || view! {
                            <textarea
                                class="gs-text" data-testid="schemas" placeholder="public"
                                aria-label="Schemas to grant on, separated by commas or new lines"
                                class:gs-invalid=move || schemas_err.with(Option::is_some)
                                readonly=page.fixed("schemas") class:gs-hidden=!page.shown("schemas")
                                prop:value=page.intent.with_untracked(|i| i.get(Field::Schemas).to_string())
                                on:input=move |ev| on_schemas.run(event_target_value(&ev))
                            ></textarea>
                            {profile_note(page, "schemas")}
                            {move || schemas_err.get().map(|m| view! { <p class="gs-error" data-testid="schemas-error">{m}</p> })}
                        }.into_any()))}
                    </fieldset>
                    <OwnersPanel page=page/>
                </div>
                <RlsBox page=page/>
            </div>
        }.into_any()))}
    }
}

/// The table owner roles (for default privileges).
#[component]
fn OwnersPanel(
    /// The page state.
    page: Page,
) -> impl IntoView {
    let on_owners = page.on_input(Field::Owners);
    let owners_err = page.error(Field::Owners);
    view! {
                    <div class="gs-panel" class:gs-hidden=!page.shown("owners")>
                        <label class="gs-label" for="gs-owners">
                            "Table owner role(s) "
                            <span class="gs-tip" tabindex="0" aria-describedby="gs-owners-tip">
                                "(for default privileges)"
                                <span class="gs-tip-text" role="tooltip" id="gs-owners-tip">
                                    "The role that creates your tables (usually 'postgres')"
                                </span>
                            </span>
                        </label>
                        <textarea
                            id="gs-owners" class="gs-text" data-testid="owners" placeholder="postgres"
                            class:gs-invalid=move || owners_err.with(Option::is_some)
                            readonly=page.fixed("owners")
                            prop:value=page.value(Field::Owners)
                            on:input=move |ev| on_owners.run(event_target_value(&ev))
                        ></textarea>
                        {profile_note(page, "owners")}
                        {move || owners_err.get().map(|m| view! { <p class="gs-error" data-testid="owners-error">{m}</p> })}
                    </div>
    }
}

/// "Add RLS policies", with the original's tip.
#[component]
fn RlsBox(
    /// The page state.
    page: Page,
) -> impl IntoView {
    let rls = memo(move || page.intent.with(|i| i.rls));
    // The original's sentence about Dreamlit's own schema is not another product's.
    let rls_tip = match page.profile.brand() {
        None => "Adds a permissive SELECT policy on every RLS-enabled application table in the chosen \
            schemas. Dreamlit handles its own internal-table RLS setup automatically when it creates \
            the `dreamlit` schema.",
        Some(_) => "Adds a permissive SELECT policy on every RLS-enabled application table in the chosen schemas.",
    };
    view! {
                <label class="gs-panel gs-check" class:gs-hidden=!page.shown("rls")>
                    <input
                        type="checkbox" data-testid="rls" disabled=page.fixed("rls")
                        prop:checked=rls
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            page.update(|i| i.rls = on);
                        }
                    />
                    <span class="gs-check-text">
                        <b>"Add RLS policies"</b>
                        <span
                            class="gs-tip gs-info" tabindex="0"
                            aria-label="More info about RLS policies" title="More info about RLS policies"
                            aria-describedby="gs-rls-tip"
                        >
                            "i"
                            <span class="gs-tip-text gs-tip-wide" role="tooltip" id="gs-rls-tip">
                                {rls_tip}
                            </span>
                        </span>
                        <span class="gs-muted">
                            "— Creates application-table SELECT policies when RLS is enabled"
                        </span>
                    </span>
                </label>
                {profile_note(page, "rls")}
    }
}
