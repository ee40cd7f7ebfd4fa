//! "Advanced configuration": grant scope, table owner roles, RLS policies.

use leptos::prelude::*;

use super::builder::BuilderState;
use crate::core::{Errors, Scope};

/// The collapsible advanced section of the builder.
#[component]
pub fn Advanced(
    /// The builder's inputs.
    st: BuilderState,
    /// Field messages (schemas and owners are shown here).
    errors: Memo<Errors>,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let set_scope = move |s: Scope| {
        if st.scope.get_untracked() != s {
            st.scope.set(s);
            st.generated.set(false);
        }
    };
    // One callback, made once (not one per keystroke).
    let on_schemas = st.edit(st.schemas);
    let schemas_err = move || errors.with(|e| e.schemas.clone());
    let owners_err = move || errors.with(|e| e.owners.clone());
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
        <Show when=move || open.get()>
            <div class="gs-adv" id="gs-advanced">
                <div class="gs-grid gs-grid-2">
                    <fieldset class="gs-panel">
                        <legend class="gs-panel-title">"Grant scope"</legend>
                        <label class="gs-radio">
                            <input
                                type="radio" name="gs-scope" data-testid="scope-all"
                                prop:checked=move || st.scope.get() == Scope::All
                                on:change=move |_| set_scope(Scope::All)
                            />
                            <span>"All schemas — grants everywhere parent role has USAGE"</span>
                        </label>
                        <label class="gs-radio">
                            <input
                                type="radio" name="gs-scope" data-testid="scope-listed"
                                prop:checked=move || st.scope.get() == Scope::Listed
                                on:change=move |_| set_scope(Scope::Listed)
                            />
                            <span>"Only listed schemas — add them below"</span>
                        </label>
                        <Show when=move || st.scope.get() == Scope::Listed>
                            <textarea
                                class="gs-text" data-testid="schemas" placeholder="public"
                                aria-label="Schemas to grant on, separated by commas or new lines"
                                class:gs-invalid=move || schemas_err().is_some()
                                prop:value=st.schemas.get_untracked()
                                on:input=move |ev| on_schemas.run(event_target_value(&ev))
                            ></textarea>
                            {move || schemas_err().map(|m| view! { <p class="gs-error" data-testid="schemas-error">{m}</p> })}
                        </Show>
                    </fieldset>
                    <div class="gs-panel">
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
                            class:gs-invalid=move || owners_err().is_some()
                            prop:value=move || st.neon.with(|n| n.owners.clone())
                            on:input=move |ev| {
                                let v = event_target_value(&ev);
                                st.neon.update(|n| n.edit_owners(v));
                                st.generated.set(false);
                            }
                        ></textarea>
                        {move || owners_err().map(|m| view! { <p class="gs-error" data-testid="owners-error">{m}</p> })}
                    </div>
                </div>
                <label class="gs-panel gs-check">
                    <input
                        type="checkbox" data-testid="rls"
                        prop:checked=st.rls
                        on:change=move |ev| {
                            st.rls.set(event_target_checked(&ev));
                            st.generated.set(false);
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
                                "Adds a permissive SELECT policy on every RLS-enabled application table in "
                                "the chosen schemas. Dreamlit handles its own internal-table RLS setup "
                                "automatically when it creates the `dreamlit` schema."
                            </span>
                        </span>
                        <span class="gs-muted">
                            "— Creates application-table SELECT policies when RLS is enabled"
                        </span>
                    </span>
                </label>
            </div>
        </Show>
    }
}
