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
    /// Shown but not changeable (an embed's profile fixes it).
    #[prop(optional)]
    fixed: bool,
    /// The embed profile's note under the field, as text.
    #[prop(default = None)]
    note: Option<&'static str>,
) -> impl IntoView {
    let note_testid = format!("{testid}-note");
    let note_id = format!("{id}-note");
    // Screen readers read the profile's note, and then the message, with the input.
    let described = {
        let (note_id, err_id) = (note_id.clone(), format!("{id}-error"));
        move || {
            let ids: Vec<&str> = [
                note.map(|_| note_id.as_str()),
                error.with(Option::is_some).then_some(err_id.as_str()),
            ]
            .into_iter()
            .flatten()
            .collect();
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let err_id = format!("{id}-error");
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
                readonly=fixed
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=described
                on:input=move |ev| on_input.run(event_target_value(&ev))
            />
            {note.map(|n| view! { <p class="gs-note" id=note_id data-testid=note_testid>{n}</p> })}
            {move || {
                error
                    .get()
                    .map(|m| {
                        view! {
                            <p class="gs-error" id=err_id.clone() data-testid=error_testid.clone()>
                                {m}
                            </p>
                        }
                    })
            }}
        </div>
    }
}

/// The embed profile's note under the field or option `key`, if it has one.
pub fn profile_note(page: super::page::Page, key: &'static str) -> Option<AnyView> {
    page.note(key)
        .map(|n| view! { <p class="gs-note" data-testid=format!("{key}-note")>{n}</p> }.into_any())
}
