//! The Leptos view: read signals, call `core`, render. Nothing here decides what SQL
//! says; it only shows what `core` returns.

mod advanced;
mod clipboard;
mod copy_button;
mod custom_grid;
mod field;
mod original_form;
mod outputs;
mod page;
mod password;
mod provider_picker;
mod schema_grant;
mod script_block;
mod spec_form;

use leptos::prelude::*;

use crate::core::backend::Backend;
use crate::core::intent::{Access, Db, Field, Intent};
use crate::core::share::{fragment_pairs, from_fragment};
use original_form::OriginalForm;
use page::Page;
use spec_form::SpecForm;

pub use schema_grant::SchemaGrant;

/// The page's URL fragment (`#db=mysql&preset=connector-rw&host=…`), never sent anywhere.
fn fragment() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// The starting intent (from a link or an embed's `data-*`) and the fields it set,
/// whose messages show at once.
fn start() -> (Intent, u32) {
    let frag = fragment();
    let mut intent = from_fragment(&frag);
    password::random_bytes(&mut intent.salt);
    let touched = fragment_pairs(&frag)
        .iter()
        .filter_map(|(k, _)| Field::from_key(k))
        .fold(0, |t, f| t | 1 << f.index());
    (intent, touched)
}

/// `<option>`s for `(key, label)` pairs, `selected` marking the current one.
fn options(items: Vec<(&'static str, &'static str)>, selected: &'static str) -> impl IntoView {
    items
        .into_iter()
        .map(|(k, l)| view! { <option value=k selected=k == selected>{l}</option> })
        .collect_view()
}

/// The page: the database and preset pickers, the form for the choice, then (for
/// PostgreSQL) the new-schema grant applet.
#[component]
pub fn App() -> impl IntoView {
    let (intent, touched) = start();
    let page = Page::new(intent, touched);
    let db = Memo::new(move |_| page.intent.with(|i| i.db));
    let access = Memo::new(move |_| page.intent.with(|i| i.access));
    let backend = Memo::new(move |_| page.intent.with(Intent::backend));
    let dbs = Db::ALL.iter().map(|d| (d.as_str(), d.label())).collect();
    let presets = move || {
        let items = Backend::accesses(db.get())
            .iter()
            .map(|a| (a.as_str(), a.label()))
            .collect();
        options(items, access.get_untracked().as_str())
    };
    let on_db = move |key: String| {
        let Some(d) = Db::from_key(&key) else { return };
        let salt = page.intent.with_untracked(|i| i.salt);
        page.touched.set(0);
        page.update(|i| {
            *i = Intent::new(d, i.access);
            i.salt = salt;
        });
    };
    let on_preset = move |key: String| {
        if let Some(a) = Access::from_key(&key) {
            page.update(|i| i.switch_access(a));
        }
    };
    // The new-schema applet's role follows the user above (its default when empty).
    let user = Signal::derive(move || {
        page.intent.with(|i| {
            let spec = i.backend().spec();
            let default = spec.field(i.access, Field::Role).map_or("", |f| f.default);
            crate::core::text::or_default(i.get(Field::Role), default).to_string()
        })
    });
    let role_label = Signal::derive(move || {
        if access.get() == Access::Original {
            "Dreamlit role"
        } else {
            "Integration role"
        }
    });
    view! {
        <main class="gs">
            <h1 class="gs-title">"Grantsmith"</h1>
            <p class="gs-lead">
                "SQL for a least-privilege database user and its connection string, "
                "generated in this page. Nothing you type leaves it."
            </p>
            <div class="gs-grid gs-grid-2">
                <div class="gs-field gs-preset">
                    <label class="gs-label" for="gs-db">"Database"</label>
                    <select id="gs-db" class="gs-input" data-testid="dialect"
                        prop:value=move || db.get().as_str()
                        on:change=move |ev| on_db(event_target_value(&ev))>
                        {options(dbs, db.get_untracked().as_str())}
                    </select>
                </div>
                <div class="gs-field gs-preset">
                    <label class="gs-label" for="gs-preset">"What the user is for"</label>
                    <select id="gs-preset" class="gs-input" data-testid="preset"
                        prop:value=move || access.get().as_str()
                        on:change=move |ev| on_preset(event_target_value(&ev))>
                        {presets}
                    </select>
                </div>
            </div>
            {move || match backend.get() {
                Backend::Original => view! { <OriginalForm page=page/> }.into_any(),
                b => view! { <SpecForm page=page spec=b.spec()/> }.into_any(),
            }}
            <Show when=move || db.get() == Db::Postgres>
                <h2 class="gs-h2">"Grant access to a schema created later"</h2>
                <SchemaGrant user=user label=role_label/>
            </Show>
        </main>
    }
}
