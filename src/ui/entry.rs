//! The page most readers open (index.html, built without the `extras` feature): the
//! original applet's form, Generate, the setup script and the connection string, and
//! the new-schema applet. What it lacks keeps a light entry point here (the same
//! names as `extras.rs`): picking a preset, another database, a provider, a client form,
//! a password, verify/inspect/uninstall or the drift check hands the form over to the
//! page that has it ([`handover`]), where the reader lands on the same control.

use leptos::prelude::*;

use super::handover::{self, join, Handed, ALL_PAGE, FULLER_PAGE};
use super::original_form::OriginalForm;
use super::page::Page;
use super::script_block::ScriptBlock;
use super::{options, App};
use crate::core::backend::Backend;
use crate::core::client::Client;
use crate::core::intent::{Db, Field, Intent, Preset};
use crate::core::output::Part;
use crate::core::profile::Profile;
use crate::core::provider::Pick;
use crate::core::share::apply;

/// The fragment keys this page reads itself: the original's fields and options, the
/// look, and the hand-over's own. Any other key (a profile, a preset, another
/// database) is the fuller page's, which this page opens in its place.
const KEYS: [&str; 13] = [
    "host",
    "port",
    "role",
    "database",
    "scope",
    "all-schemas",
    "schemas",
    "owners",
    "rls",
    "theme",
    "accent",
    "focus",
    "open",
];

/// The page: the original's builder, or the fuller page when the link asks for more.
#[component]
pub fn Root() -> impl IntoView {
    let mut pairs = handover::pairs();
    if pairs.iter().any(|(k, _)| !KEYS.contains(&k.as_str())) {
        handover::open(
            FULLER_PAGE,
            handover::fragment().trim_start_matches('#'),
            true,
        );
        return view! { <p class="gs-note">"Opening the builder…"</p> }.into_any();
    }
    let handed = Handed::take(&mut pairs);
    let mut intent = Intent::default();
    let mut touched = 0;
    for (k, v) in &pairs {
        apply(&mut intent, k, v);
        if let Some(f) = Field::from_key(k) {
            touched |= 1 << f.index();
        }
    }
    let page = Page::new(
        intent,
        touched,
        Box::leak(Box::default()) as &'static Profile,
        handed,
    );
    view! { <App page=page/> }.into_any()
}

/// The parts open here that the fuller page opens too (`open=`), with `more`.
fn opens(page: Page, more: &str) -> String {
    let advanced = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("gs-advanced"))
        .is_some();
    let parts: Vec<&str> = [
        (page.generated.get_untracked(), "output"),
        (advanced, "advanced"),
        (!more.is_empty(), more),
    ]
    .into_iter()
    .filter_map(|(on, p)| on.then_some(p))
    .collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!("open={}", parts.join(","))
    }
}

/// Hands this form over to `page` with `keys` added, the parts open here opened there
/// (`open`, with the part asked for), the focus on `focus`: the id of the control that
/// page has for it (the same id as the entry point's where it is the same control).
fn hand_over(page: Page, to: &str, keys: &str, open: &str, focus: &str) {
    let form = page.handover_fragment();
    // Back returns this form with what was open here, too.
    let here = join(&[&form, &opens(page, "")]);
    handover::hand_over(&here, to, &join(&[&form, keys, &opens(page, open)]), focus);
}

/// The database picker (PostgreSQL here; another opens the all-databases page on its
/// start, as that page's own picker would) and the preset picker (the original here;
/// another opens the PostgreSQL page with this form).
pub fn pickers(page: Page) -> impl IntoView {
    let dbs = Db::ALL.iter().map(|d| (d.as_str(), d.label())).collect();
    let presets = Backend::presets(Db::Postgres)
        .iter()
        .map(|a| (a.as_str(), a.label()))
        .collect();
    let on_db = move |key: String| {
        if Db::from_key(&key).is_some_and(|d| d != Db::Postgres) {
            let form = page.handover_fragment();
            let there = join(&[&format!("db={key}"), &handover::look()]);
            handover::hand_over(&form, ALL_PAGE, &there, "gs-db");
        }
    };
    let on_preset = move |key: String| {
        if Preset::from_key(&key).is_some_and(|p| p != Preset::Original) {
            // Change data capture is only in all.html (the `cdc` feature).
            let to = if key == Preset::Cdc.as_str() {
                ALL_PAGE
            } else {
                FULLER_PAGE
            };
            hand_over(page, to, &format!("preset={key}"), "", "gs-preset");
        }
    };
    view! {
        <div class="gs-field gs-preset">
            <label class="gs-label" for="gs-db">"Database"</label>
            <select id="gs-db" class="gs-input" data-testid="dialect"
                on:change=move |ev| on_db(event_target_value(&ev))>
                {options(dbs, Db::Postgres.as_str())}
            </select>
        </div>
        <div class="gs-field gs-preset">
            <label class="gs-label" for="gs-preset">"What the user is for"</label>
            <select id="gs-preset" class="gs-input" data-testid="preset"
                on:change=move |ev| on_preset(event_target_value(&ev))>
                {options(presets, Preset::Original.as_str())}
            </select>
        </div>
    }
}

/// The original's form.
pub fn form(page: Page) -> impl IntoView {
    view! { <OriginalForm page=page/> }
}

/// The original has no password field: its script keeps the placeholder. Setting one
/// (typed or generated, as a SCRAM verifier) opens the PostgreSQL page.
pub fn password(page: Page) -> impl IntoView {
    view! {
        <div class="gs-field gs-password">
            <button type="button" id="gs-password" class="gs-btn gs-btn-small gs-btn-light" data-testid="password-entry"
                on:click=move |_| hand_over(page, FULLER_PAGE, "", "", "gs-password")>
                "Set a password (typed or generated, never sent)"
            </button>
        </div>
    }
}

/// A provider picked by hand opens the PostgreSQL page with it (here the host tells it).
pub fn pick_provider(page: Page, pick: Pick) {
    if pick != Pick::Auto {
        hand_over(
            page,
            FULLER_PAGE,
            &format!("provider={}", pick.as_str()),
            "",
            "gs-provider",
        );
    }
}

/// The connection string (the original's URI) and the client picker: another client's
/// form opens the PostgreSQL page with it picked.
pub fn connection(page: Page) -> impl IntoView {
    let conn = page.part(Part::Conn);
    let clients = Client::for_db(Db::Postgres)
        .iter()
        .map(|c| (c.as_str(), c.label()))
        .collect();
    let on_client = move |key: String| {
        if key != Client::Uri.as_str() {
            hand_over(
                page,
                FULLER_PAGE,
                &format!("client={key}"),
                "output",
                "gs-client",
            );
        }
    };
    view! {
        <div class="gs-out-conn">
            <ScriptBlock title="Your connection string" code_id="gs-conn" testid="conn"
                copy_label="Copy Connection String" copy_testid="copy-conn" text=conn>
                <label class="gs-label" for="gs-client">"Client"</label>
                <select id="gs-client" class="gs-input gs-client" data-testid="client"
                    on:change=move |ev| on_client(event_target_value(&ev))>
                    {options(clients, Client::Uri.as_str())}
                </select>
            </ScriptBlock>
        </div>
    }
}

/// Verify/inspect/uninstall and the drift check, each opening the page that has it.
pub fn more(page: Page) -> impl IntoView {
    view! {
        <p class="gs-policy">
            "These open the builder that has them (a larger download); the form goes along "
            "in the link's # part, which is never sent. Back returns this form."
        </p>
        <div class="gs-actions">
            <button type="button" class="gs-btn gs-btn-small gs-btn-light" data-testid="open-more"
                on:click=move |_| hand_over(page, FULLER_PAGE, "", "more", "gs-more")>
                "Verify, inspect and uninstall scripts"
            </button>
            <button type="button" class="gs-btn gs-btn-small gs-btn-light" data-testid="dry-run-button"
                on:click=move |_| hand_over(page, FULLER_PAGE, "", "dry-run", "gs-dry-run-button")>
                "Try it here (PostgreSQL in this tab)"
            </button>
            <button type="button" class="gs-btn gs-btn-small gs-btn-light" data-testid="open-check"
                on:click=move |_| hand_over(page, ALL_PAGE, "check", "", "gs-drift-paste")>
                "Check what the database has"
            </button>
        </div>
    }
}
