//! The Leptos view: read signals, call `core`, render. Nothing here decides what SQL
//! says; it only shows what `core` returns.
//!
//! Three pages share it (issue 30): index.html, the original applet alone (built
//! without the `extras` feature), hands the form over to postgres.html (with it) or
//! all.html (every feature) when the reader picks what it lacks; [`extras`] is either
//! the fuller pages' parts (`extras.rs`) or the light entry points that hand over
//! (`entry.rs`), with the same names.

mod advanced;
mod clipboard;
mod copy_button;
#[cfg(feature = "extras")]
mod custom_grid;
#[cfg(feature = "extras")]
mod drift_check;
#[cfg(feature = "extras")]
mod dry_run;
#[cfg_attr(not(feature = "extras"), path = "entry.rs")]
mod extras;
mod field;
mod handover;
// Snowflake's key pair maker: only the page built with the other databases.
#[cfg(all(feature = "extras", feature = "dialects"))]
mod key_pair;
#[cfg(feature = "extras")]
mod more_outputs;
mod original_form;
mod outputs;
mod page;
#[cfg(feature = "extras")]
mod password;
mod provider_picker;
mod reactive;
// The rotation scripts: only the page built with the other databases (all.html).
#[cfg(all(feature = "extras", feature = "dialects"))]
mod rotation;
mod schema_grant;
mod script_block;
mod show;
#[cfg(feature = "extras")]
mod spec_form;

use leptos::prelude::*;
use reactive::{derived, memo};

use crate::core::intent::{Db, Field, Preset};
use crate::core::new_schema_form::preset_privileges;
use page::Page;
use show::show;
use std::sync::Arc;

pub use extras::Root;
pub use schema_grant::SchemaGrant;

/// `<option>`s for `(key, label)` pairs, `selected` marking the current one.
fn options(items: Vec<(&'static str, &'static str)>, selected: &'static str) -> impl IntoView {
    items
        .into_iter()
        .map(|(k, l)| view! { <option value=k selected=k == selected>{l}</option> })
        .collect_view()
}

/// The builder: the database and preset pickers, the form for the choice, then (for
/// PostgreSQL) the new-schema grant applet.
#[component]
pub fn App(
    /// The page state, with its profile.
    page: Page,
) -> impl IntoView {
    let title = match page.profile.brand() {
        Some(b) => format!("A database user for {}", b.name()),
        None => "Grantsmith".into(),
    };
    page.handed.restore_focus();
    view! {
        <main class="gs">
            <h1 class="gs-title">{title}</h1>
            <p class="gs-lead">
                "SQL for a least-privilege database user and its connection string, "
                "generated in this page. Nothing you type leaves it."
            </p>
            <div class="gs-grid gs-grid-2">{extras::pickers(page)}</div>
            {extras::form(page)}
            <NewSchemaSection page=page/>
        </main>
    }
}

/// "Grant access to a schema created later" (PostgreSQL): the new-schema applet, for the
/// user above and what its preset grants.
#[component]
fn NewSchemaSection(
    /// The page state.
    page: Page,
) -> impl IntoView {
    let db = memo(move || page.intent.with(|i| i.db));
    let preset = memo(move || page.intent.with(|i| i.preset));
    // The new-schema applet's role follows the user above (its default when empty).
    let user = derived(move || {
        page.intent.with(|i| {
            let spec = i.spec();
            let default = spec.field(i.preset, Field::Role).map_or("", |f| f.default);
            crate::core::text::or_default(i.get(Field::Role), default).to_string()
        })
    });
    let product_role = page.branded("", "role");
    let role_label = derived(move || match preset.get() {
        _ if !product_role.is_empty() => product_role,
        Preset::Original => "Dreamlit role",
        _ => "Integration role",
    });
    // The new-schema applet grants what the preset above grants in a listed schema.
    let privileges = derived(move || page.intent.with(preset_privileges));
    let new_schema = move || db.get() == Db::Postgres;
    view! {
            {show(memo(new_schema), Arc::new(move || view! {
                <h2 class="gs-h2">"Grant access to a schema created later"</h2>
                <SchemaGrant user=user label=role_label privileges=privileges/>
            }.into_any()))}
    }
}
