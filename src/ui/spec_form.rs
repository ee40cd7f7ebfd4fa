//! One form for every preset and database but the original: its fields, password,
//! options and privilege grid come from the backend's spec, its outputs from
//! [`Outputs`].

use leptos::prelude::*;

use super::custom_grid::{checkbox, custom_grid};
use super::field::{profile_note, Field};
use super::outputs::Outputs;
use super::page::Page;
use super::password::PasswordField;
use super::provider_picker::ProviderPicker;
use super::reactive::memo;
use super::show::show;
use crate::core::backend::{FieldSpec, Spec, USER};
use crate::core::intent::{Db, Field as CoreField, Preset, Scope, Switch};
use std::sync::Arc;

/// One field: an input, or a text area for lists and keys.
fn field(page: Page, spec: &'static FieldSpec) -> AnyView {
    let key = spec.key;
    let value = page.value(key);
    let error = page.error(key);
    let on_input = page.on_input(key);
    let (id, testid) = (field_id(key), key.as_str());
    let fixed = page.fixed(testid);
    // A product's builder names its user after the product, as the original does.
    let label = match key {
        crate::core::intent::Field::Role if spec.label == USER.label => {
            page.branded(spec.label, "user name")
        }
        _ => spec.label,
    };
    if !spec.multiline {
        return view! {
            <Field label=label id=id testid=testid error_testid=error_testid(key)
                value=value on_input=on_input placeholder=spec.placeholder error=error
                fixed=fixed note=page.note(testid)/>
        }
        .into_any();
    }
    view! {
        <div class="gs-field">
            <label class="gs-label" for=id.clone()>{label}</label>
            <textarea id=id class="gs-text" data-testid=testid placeholder=spec.placeholder readonly=fixed
                spellcheck="false" class:gs-invalid=move || error.with(Option::is_some)
                prop:value=value on:input=move |ev| on_input.run(event_target_value(&ev))></textarea>
            {profile_note(page, testid)}
            {move || error.get().map(|m| view! { <p class="gs-error" data-testid=error_testid(key)>{m}</p> })}
            {(key == CoreField::PublicKey && !fixed).then(|| key_pair(page))}
        </div>
    }
    .into_any()
}

/// Snowflake's key pair maker, under its key field (the page with the other databases).
#[cfg(feature = "dialects")]
fn key_pair(page: Page) -> AnyView {
    view! { <super::key_pair::KeyPairMaker page=page/> }.into_any()
}

/// No other database in this page: nothing under a key field (there is none).
#[cfg(not(feature = "dialects"))]
fn key_pair(_: Page) -> AnyView {
    ().into_any()
}

/// `gs-<key>`: the input's `id`, tied to its label.
fn field_id(key: crate::core::intent::Field) -> String {
    format!("gs-{}", key.as_str())
}

/// `<key>-error`: the message's `data-testid`.
fn error_testid(key: crate::core::intent::Field) -> String {
    format!("{}-error", key.as_str())
}

/// The form for `spec`, whose access may change while it is shown.
#[component]
pub fn SpecForm(
    /// The page state.
    page: Page,
    /// The backend's spec.
    spec: &'static Spec,
) -> impl IntoView {
    let preset = memo(move || page.intent.with(|i| i.preset));
    let fields = spec
        .fields
        .iter()
        .filter(|f| page.shown(f.key.as_str()))
        .map(|f| {
            let shown = memo(move || page.intent.with(|i| spec.shown(f, i)));
            show(shown, Arc::new(move || field(page, f)))
        })
        .collect_view();
    let all_schemas =
        move || spec.scope_choice.contains(&preset.get()) && page.shown("all-schemas");
    // The warnings follow the host, the port and the TLS box, not every keystroke.
    let postgres = page.intent.with_untracked(|i| i.db == Db::Postgres);
    let host = memo(move || page.intent.with(|i| i.get(CoreField::Host).to_string()));
    let port = memo(move || page.intent.with(|i| i.get(CoreField::Port).to_string()));
    let tls = memo(move || page.intent.with(|i| i.tls));
    view! {
        <section class="gs-card" aria-label="Connection builder">
            <div class="gs-grid gs-grid-2">{fields}</div>
            {move || pooler_warnings(postgres, &host.get(), &port.get(), tls.get())}
            {spec.libpq.then(|| view! { <ProviderPicker page=page/> })}
            {spec.password.then(|| view! { <PasswordField page=page scram=spec.scram/> })}
            {show(memo(all_schemas), Arc::new(move || checkbox(page, "all-schemas", "all-schemas",
                "All schemas matching regular-expression filters (applied by PostgreSQL)",
                |i| i.scope == Scope::All, |i, on| i.scope = if on { Scope::All } else { Scope::Listed })))}
            {spec.tls.filter(|_| page.shown("ssl")).map(|label| checkbox(page, "ssl", "ssl", label, |i| i.tls, |i, on| i.tls = on))}
            {spec.switches.iter().filter(|s| page.shown(s.as_str())).map(|s| switch_box(page, *s)).collect_view()}
            {move || page.checked.with(|o| o.notes.iter().map(|n| view! { <p class="gs-note" data-testid="preset-note">{n.clone()}</p> }).collect_view())}
            {show(memo(move || preset.get() == Preset::Custom && page.shown("privileges")),
                Arc::new(move || view! { {custom_grid(page)} {profile_note(page, "privileges")} }.into_any()))}
            <Outputs page=page local_note="Generated locally in your browser. Nothing is sent anywhere or stored."/>
        </section>
    }
}

/// One of the preset's own options (its key is the `data-testid`).
fn switch_box(page: Page, s: Switch) -> AnyView {
    let fixed = page.fixed(s.as_str());
    view! {
        <label class="gs-radio">
            <input type="checkbox" data-testid=s.as_str() disabled=fixed
                prop:checked=move || page.intent.with(|i| i.switch(s))
                on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    page.update(|i| i.set_switch(s, on));
                }/>
            <span>{s.label()}</span>
        </label>
        {profile_note(page, s.as_str())}
    }
    .into_any()
}

/// The original's warnings about pooler hosts and ports, for the PostgreSQL presets too
/// (setup needs a direct connection there as well); the TLS one only while the box is
/// off (the presets' box turns on by itself for such hosts).
fn pooler_warnings(postgres: bool, host: &str, port: &str, tls: bool) -> impl IntoView {
    if !postgres {
        return Vec::new();
    }
    crate::core::traps::warnings(host, port)
        .into_iter()
        .filter(|w| !(tls && w.contains("requires TLS")))
        .map(|w| view! { <p class="gs-warning" data-testid="warning">{w}</p> })
        .collect::<Vec<_>>()
}
