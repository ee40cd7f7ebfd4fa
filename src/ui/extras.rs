//! The fuller pages' parts (postgres.html and all.html, the `extras` feature): the
//! profile reader, the database and preset pickers, the presets' spec form, the password
//! field, the provider picker, and the outputs beyond the original's. The page without
//! the feature has light entry points of the same names instead (`entry.rs`).

use leptos::prelude::*;

use super::handover::{self, Handed, ALL_PAGE};
use super::original_form::OriginalForm;
use super::page::Page;
use super::password::{random_bytes, PasswordField};
use super::reactive::memo;
use super::spec_form::SpecForm;
use super::{field, options, App};
use crate::core::backend::Backend;
use crate::core::intent::{Db, Intent, Preset};
use crate::core::profile::Profile;
use crate::core::provider::Pick;

pub use super::more_outputs::more;

/// Under the setup script: "Try it here" (the dry run, issue 33), then the connection
/// string and the client picker. The dry run rides here rather than in `outputs.rs`
/// so that index.html, whose `connection` is entry.rs's, is built from the same view as
/// before, byte for byte.
pub fn connection(page: Page) -> impl IntoView {
    view! {
        {super::dry_run::dry_run(page)}
        {super::more_outputs::connection(page)}
    }
}

/// The embedding page's profile (from a link or an embed's attributes), made to live
/// as long as the page, and what a hand-over brought; `Err` lists what is wrong with
/// the profile.
fn profile() -> Result<(&'static Profile, Handed), Vec<String>> {
    let mut pairs = handover::pairs();
    let handed = Handed::take(&mut pairs);
    let profile = Profile::read(&pairs)?;
    Ok((Box::leak(Box::new(profile)), handed))
}

/// The page's state at start: the profile's intent, and the fields it set, whose
/// messages show at once.
fn start(profile: &'static Profile, handed: Handed) -> Page {
    let mut intent = profile.start(profile.start_db());
    random_bytes(&mut intent.salt);
    let touched = profile.given_fields().fold(0, |t, f| t | 1 << f.index());
    Page::new(intent, touched, profile, handed)
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
        Ok((p, _))
            if !Backend::preset_in_this_build(p.start_db(), p.start(p.start_db()).preset) =>
        {
            handover::open(ALL_PAGE, handover::fragment().trim_start_matches('#'), true);
            view! { <p class="gs-note">"Opening the builder for " {p.start_db().label()} "…"</p> }
                .into_any()
        }
        Ok((p, handed)) => view! { <App page=start(p, handed)/> }.into_any(),
        Err(errors) => view! { <ProfileErrors errors=errors/> }.into_any(),
    }
}

/// The database and preset pickers.
pub fn pickers(page: Page) -> impl IntoView {
    let profile = page.profile;
    let db = memo(move || page.intent.with(|i| i.db));
    let preset = memo(move || page.intent.with(|i| i.preset));
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
        let fragment = profile.page_fragment(&next);
        if !Backend::in_this_build(d) {
            // As this page's own picker would: that database's start, this form kept in
            // this page's history entry.
            handover::hand_over(&page.handover_fragment(), ALL_PAGE, &fragment, "gs-db");
            return;
        }
        // The URL says which database is shown: a reload returns to it (issue 28).
        handover::keep(&fragment);
        let salt = page.intent.with_untracked(|i| i.salt);
        page.touched.set(0);
        page.update(|i| {
            *i = next;
            i.salt = salt;
        });
    };
    let on_preset = move |key: String| {
        if let Some(a) = Preset::from_key(&key) {
            // A preset this page was built without (change data capture on
            // postgres.html) opens the page built with it, this form kept in history.
            if !Backend::preset_in_this_build(db.get_untracked(), a) {
                let mut next = page.intent.get_untracked();
                next.switch_preset(a);
                let fragment = profile.page_fragment(&next);
                handover::hand_over(&page.handover_fragment(), ALL_PAGE, &fragment, "gs-preset");
                return;
            }
            page.update(|i| i.switch_preset(a));
        }
    };
    view! {
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
    }
}

/// The form for the chosen preset: the original's, or the presets' spec form.
pub fn form(page: Page) -> impl IntoView {
    // Drawn again when the form changes: a backend's, or change data capture's own within
    // one backend (MySQL's and SQL Server's have their own fields and options).
    let backend = memo(move || {
        page.intent
            .with(|i| (Backend::of(i.db, i.preset), i.preset == Preset::Cdc))
    });
    move || match backend.get().0 {
        Backend::Original => view! { <OriginalForm page=page/> }.into_any(),
        _ => {
            view! { <SpecForm page=page spec=page.intent.with_untracked(Intent::spec)/> }.into_any()
        }
    }
}

/// The password field, its generator and the SCRAM toggle.
pub fn password(page: Page) -> impl IntoView {
    view! { <PasswordField page=page scram=true/> }
}

/// The provider picked.
pub fn pick_provider(page: Page, pick: Pick) {
    page.update(|i| i.set_provider(pick));
}
