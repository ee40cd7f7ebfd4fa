//! The Leptos view: read signals, call `core`, render. Nothing here decides what SQL
//! says; it only shows what `core` returns.

mod builder;
mod clipboard;
mod copy_button;
mod field;
mod options;
mod password;
mod preset_builder;
mod schema_grant;
mod script_block;

use leptos::prelude::*;

use crate::core::preset::Preset;
use preset_builder::PresetBuilder;

pub use builder::Builder;
pub use schema_grant::SchemaGrant;

/// The preset named in the URL fragment (`#preset=connector-rw`), else the original.
fn start_preset() -> Preset {
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    hash.trim_start_matches('#')
        .split('&')
        .find_map(|kv| kv.strip_prefix("preset="))
        .map(Preset::from_key)
        .unwrap_or_default()
}

/// The page: the preset picker, the builder for the chosen preset, then the new-schema
/// grant applet.
#[component]
pub fn App() -> impl IntoView {
    let preset = RwSignal::new(start_preset());
    let options = Preset::ALL
        .iter()
        .map(|p| view! { <option value=p.as_str() selected=*p == preset.get_untracked()>{p.label()}</option> })
        .collect_view();
    view! {
        <main class="gs">
            <h1 class="gs-title">"Grantsmith"</h1>
            <p class="gs-lead">
                "SQL for a least-privilege PostgreSQL user and its connection string, "
                "generated in this page. Nothing you type leaves it."
            </p>
            <div class="gs-field gs-preset">
                <label class="gs-label" for="gs-preset">"What the user is for"</label>
                <select id="gs-preset" class="gs-input" data-testid="preset"
                    on:change=move |ev| preset.set(Preset::from_key(&event_target_value(&ev)))>
                    {options}
                </select>
            </div>
            {move || match preset.get() {
                Preset::Original => view! { <Builder/> }.into_any(),
                p => view! { <section class="gs-card" aria-label="Connection builder"><PresetBuilder preset=p/></section> }.into_any(),
            }}
            <h2 class="gs-h2">"Grant access to a schema created later"</h2>
            <SchemaGrant/>
        </main>
    }
}
