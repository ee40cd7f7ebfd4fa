//! A labelled text input with its message, the building block of every form row.

use leptos::prelude::*;

/// One text field: label, input, and the message shown under it when refused.
#[component]
pub fn Field(
    /// Visible label text.
    #[prop(into)]
    label: Signal<&'static str>,
    /// `id` of the input, tied to the label.
    #[prop(into)]
    id: String,
    /// `data-testid` of the input.
    #[prop(into)]
    testid: String,
    /// The value, written back on every input event by `on_input`.
    value: Signal<String>,
    /// Called with the new value.
    on_input: Callback<String>,
    /// Placeholder (may change, as the host's does on Neon hosts).
    #[prop(into)]
    placeholder: Signal<&'static str>,
    /// Message shown under the field; `None` when the value is fine.
    error: Signal<Option<String>>,
    /// `data-testid` of the message element.
    #[prop(optional, into)]
    error_testid: String,
) -> impl IntoView {
    let err_id = format!("{id}-error");
    let err_id2 = err_id.clone();
    view! {
        <div class="gs-field">
            <label class="gs-label" for=id.clone()>{label}</label>
            <input
                id=id
                class="gs-input"
                class:gs-invalid=move || error.with(Option::is_some)
                data-testid=testid
                autocomplete="off"
                spellcheck="false"
                prop:value=value
                placeholder=placeholder
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=move || error.with(Option::is_some).then(|| err_id.clone())
                on:input=move |ev| on_input.run(event_target_value(&ev))
            />
            {move || {
                error
                    .get()
                    .map(|m| {
                        view! {
                            <p class="gs-error" id=err_id2.clone() data-testid=error_testid.clone()>
                                {m}
                            </p>
                        }
                    })
            }}
        </div>
    }
}
