//! The Leptos view: read signals, call `core`, render. Nothing here decides what SQL
//! says; it only shows what `core` returns.

mod builder;
mod clipboard;
mod copy_button;
mod dialect_builder;
mod field;
mod options;
mod password;
mod preset_builder;
mod schema_grant;
mod script_block;

use leptos::prelude::*;

use crate::core::dialect::{Access, Dialect};
use crate::core::preset::Preset;
use dialect_builder::DialectBuilder;
use preset_builder::PresetBuilder;

pub use builder::Builder;
pub use schema_grant::SchemaGrant;

/// The page's URL fragment (`#db=mysql&preset=connector-rw&host=…`), never sent anywhere.
pub(crate) fn fragment() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// A decoded value from the URL fragment.
fn fragment_value(key: &str) -> Option<String> {
    crate::core::share::fragment_pairs(&fragment())
        .into_iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v)
}

/// What the page builds: the PostgreSQL presets, or another database's connector.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Choice {
    Postgres(Preset),
    Other(Dialect, Access),
}

impl Choice {
    fn from_keys(db: Option<Dialect>, preset: &str) -> Choice {
        match db {
            None => Choice::Postgres(Preset::from_key(preset)),
            Some(d) => {
                let a = Access::from_key(preset)
                    .filter(|a| d.accesses().contains(a))
                    .unwrap_or(Access::ReadOnly);
                Choice::Other(d, a)
            }
        }
    }

    fn db(self) -> Option<Dialect> {
        match self {
            Choice::Postgres(_) => None,
            Choice::Other(d, _) => Some(d),
        }
    }

    fn preset_key(self) -> &'static str {
        match self {
            Choice::Postgres(p) => p.as_str(),
            Choice::Other(_, a) => a.as_str(),
        }
    }

    /// `(key, label)` of what the preset picker offers for this database.
    fn presets(self) -> Vec<(&'static str, &'static str)> {
        match self {
            Choice::Postgres(_) => Preset::ALL
                .iter()
                .map(|p| (p.as_str(), p.label()))
                .collect(),
            Choice::Other(d, _) => d
                .accesses()
                .iter()
                .map(|a| (a.as_str(), a.label()))
                .collect(),
        }
    }
}

/// The page: the database and preset pickers, the builder for the choice, then (for
/// PostgreSQL) the new-schema grant applet.
#[component]
pub fn App() -> impl IntoView {
    let start = Choice::from_keys(
        fragment_value("db").and_then(|k| Dialect::from_key(&k)),
        &fragment_value("preset").unwrap_or_default(),
    );
    let choice = RwSignal::new(start);
    let dbs = std::iter::once(("postgresql", "PostgreSQL"))
        .chain(Dialect::ALL.iter().map(|d| (d.as_str(), d.label())))
        .map(|(k, l)| {
            view! { <option value=k selected=start.db().map_or("postgresql", Dialect::as_str) == k>{l}</option> }
        })
        .collect_view();
    // Another database's builder stays when only its access changes (typed values kept).
    let kind = Memo::new(move |_| match choice.get() {
        Choice::Other(d, _) => Choice::Other(d, Access::ReadOnly),
        c => c,
    });
    let access = Signal::derive(move || match choice.get() {
        Choice::Other(_, a) => a,
        Choice::Postgres(_) => Access::ReadOnly,
    });
    let presets = move || {
        let c = choice.get();
        c.presets()
            .into_iter()
            .map(|(k, l)| view! { <option value=k selected=c.preset_key() == k>{l}</option> })
            .collect_view()
    };
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
                        on:change=move |ev| {
                            let db = Dialect::from_key(&event_target_value(&ev));
                            choice.update(|c| *c = Choice::from_keys(db, c.preset_key()));
                        }>
                        {dbs}
                    </select>
                </div>
                <div class="gs-field gs-preset">
                    <label class="gs-label" for="gs-preset">"What the user is for"</label>
                    <select id="gs-preset" class="gs-input" data-testid="preset"
                        prop:value=move || choice.get().preset_key()
                        on:change=move |ev| {
                            let key = event_target_value(&ev);
                            choice.update(|c| *c = Choice::from_keys(c.db(), &key));
                        }>
                        {presets}
                    </select>
                </div>
            </div>
            {move || match kind.get() {
                Choice::Postgres(Preset::Original) => view! { <Builder/> }.into_any(),
                Choice::Postgres(p) => view! { <section class="gs-card" aria-label="Connection builder"><PresetBuilder preset=p/></section> }.into_any(),
                Choice::Other(d, _) => view! { <section class="gs-card" aria-label="Connection builder"><DialectBuilder dialect=d access=access/></section> }.into_any(),
            }}
            <Show when=move || choice.get().db().is_none()>
                <h2 class="gs-h2">"Grant access to a schema created later"</h2>
                <SchemaGrant/>
            </Show>
        </main>
    }
}
