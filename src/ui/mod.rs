//! The Leptos view: read signals, call `core`, render. Nothing here decides what SQL
//! says; it only shows what `core` returns.

mod advanced;
mod all_page;
mod clipboard;
mod copy_button;
mod custom_grid;
mod drift_check;
mod field;
mod original_form;
mod outputs;
mod page;
mod password;
mod provider_picker;
mod reactive;
mod schema_grant;
mod script_block;
mod show;
mod spec_form;

use leptos::prelude::*;
use reactive::{derived, memo};

use crate::core::backend::Backend;
use crate::core::intent::{Db, Field, Intent, Preset};
use crate::core::new_schema_form::preset_privileges;
use crate::core::profile::Profile;
use crate::core::share::fragment_pairs;
use original_form::OriginalForm;
use page::Page;
use show::show;
use spec_form::SpecForm;
use std::sync::Arc;

pub use schema_grant::SchemaGrant;

/// The page's URL fragment (`#db=mysql&preset=connector-rw&host=…`), never sent anywhere.
fn fragment() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// The key the PostgreSQL page adds when it hands the drift check over to all.html
/// ([`drift_check`]); not a profile key.
const OPEN_CHECK: &str = "check";

/// The embedding page's profile (from a link or an embed's attributes), made to live
/// as long as the page, and whether the drift check was handed over; `Err` lists what
/// is wrong with the profile.
fn profile() -> Result<(&'static Profile, bool), Vec<String>> {
    let mut pairs = fragment_pairs(&fragment());
    let before = pairs.len();
    pairs.retain(|(k, _)| k != OPEN_CHECK);
    let profile = Profile::read(&pairs)?;
    Ok((Box::leak(Box::new(profile)), pairs.len() != before))
}

/// The page's state at start: the profile's intent, and the fields it set, whose
/// messages show at once.
fn start(profile: &'static Profile, open_check: bool) -> Page {
    let mut intent = profile.start(profile.start_db());
    password::random_bytes(&mut intent.salt);
    let touched = profile.given_fields().fold(0, |t, f| t | 1 << f.index());
    let page = Page::new(intent, touched, profile, open_check);
    page.warm_up();
    page
}

/// What a docs author sees instead of the builder when the embed's profile is wrong:
/// every problem, by key, as text.
#[component]
fn ProfileErrors(
    /// The problems.
    errors: Vec<String>,
) -> impl IntoView {
    view! {
        <main class="gs">
            <section class="gs-card" role="alert" data-testid="profile-errors">
                <h1 class="gs-h2">"This embed's profile needs fixing"</h1>
                <p>"The builder is not shown, so that it cannot write SQL its author did not mean:"</p>
                <ul>{errors.into_iter().map(|e| view! { <li class="gs-error">{e}</li> }).collect_view()}</ul>
            </section>
        </main>
    }
}

/// The page: the builder for the embedding page's profile, or what is wrong with it.
#[component]
pub fn Root() -> impl IntoView {
    match profile() {
        // A link or embed starting on a database this page was built without.
        Ok((p, _)) if !Backend::in_this_build(p.start_db()) => {
            all_page::open(fragment().trim_start_matches('#'), true);
            view! { <p class="gs-note">"Opening the builder for " {p.start_db().label()} "…"</p> }
                .into_any()
        }
        Ok((p, open_check)) => view! { <App page=start(p, open_check)/> }.into_any(),
        Err(errors) => view! { <ProfileErrors errors=errors/> }.into_any(),
    }
}

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
    let profile = page.profile;
    let db = memo(move || page.intent.with(|i| i.db));
    let preset = memo(move || page.intent.with(|i| i.preset));
    let backend = memo(move || page.intent.with(|i| Backend::of(i.db, i.preset)));
    let dbs = profile
        .databases()
        .iter()
        .map(|d| (d.as_str(), d.label()))
        .collect();
    let presets = move || {
        let items = profile
            .presets(db.get())
            .iter()
            .map(|a| (a.as_str(), a.label()))
            .collect();
        options(items, preset.get_untracked().as_str())
    };
    let on_db = move |key: String| {
        let Some(d) = Db::from_key(&key) else { return };
        let next = profile.start_as(d, preset.get_untracked());
        if !Backend::in_this_build(d) {
            all_page::open(&profile.page_fragment(&next), false);
            return;
        }
        let salt = page.intent.with_untracked(|i| i.salt);
        page.touched.set(0);
        page.update(|i| {
            *i = next;
            i.salt = salt;
        });
    };
    let on_preset = move |key: String| {
        if let Some(a) = Preset::from_key(&key) {
            page.update(|i| i.switch_preset(a));
        }
    };
    let title = match profile.brand() {
        Some(b) => format!("A database user for {}", b.name()),
        None => "Grantsmith".into(),
    };
    view! {
        <main class="gs">
            <h1 class="gs-title">{title}</h1>
            <p class="gs-lead">
                "SQL for a least-privilege database user and its connection string, "
                "generated in this page. Nothing you type leaves it."
            </p>
            <div class="gs-grid gs-grid-2">
                <div class="gs-field gs-preset" class:gs-hidden=!page.shown("db")>
                    <label class="gs-label" for="gs-db">"Database"</label>
                    <select id="gs-db" class="gs-input" data-testid="dialect" disabled=page.fixed("db")
                        prop:value=move || db.get().as_str()
                        on:change=move |ev| on_db(event_target_value(&ev))>
                        {options(dbs, db.get_untracked().as_str())}
                    </select>
                    {field::profile_note(page, "db")}
                </div>
                <div class="gs-field gs-preset" class:gs-hidden=!page.shown("preset")>
                    <label class="gs-label" for="gs-preset">"What the user is for"</label>
                    <select id="gs-preset" class="gs-input" data-testid="preset" disabled=page.fixed("preset")
                        prop:value=move || preset.get().as_str()
                        on:change=move |ev| on_preset(event_target_value(&ev))>
                        {presets}
                    </select>
                    {field::profile_note(page, "preset")}
                </div>
            </div>
            {move || match backend.get() {
                Backend::Original => view! { <OriginalForm page=page/> }.into_any(),
                _ => view! { <SpecForm page=page spec=page.intent.with_untracked(Intent::spec)/> }.into_any(),
            }}
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
