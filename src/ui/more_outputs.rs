//! The outputs beyond the original's (the `extras` feature): the connection string in
//! the client's form picked here, the share link, verify/inspect/uninstall, the rotation
//! scripts and the drift check.

use leptos::prelude::*;

use super::copy_button::CopyButton;
use super::drift_check::DriftCheck;
use super::page::Page;
use super::reactive::{derived, memo};
use super::script_block::{LazyDetails, ScriptBlock};
use crate::core::client::Client;
use crate::core::client_form;
use crate::core::intent::Db;
use crate::core::output::Part;

/// The connection string and its client picker.
pub fn connection(page: Page) -> impl IntoView {
    view! { <ConnectionString page=page/> }
}

/// The share link, verify/inspect/uninstall and the drift check.
pub fn more(page: Page) -> impl IntoView {
    let db = memo(move || page.intent.with(|i| i.db));
    // The share link is written only when its section opens.
    let share = derived(move || {
        let href = web_sys::window()
            .and_then(|w| w.location().href().ok())
            .unwrap_or_default();
        let base = href.split('#').next().unwrap_or_default().to_string();
        page.intent
            .with(|i| format!("{base}#{}", page.profile.share_fragment(i)))
    });
    view! {
            <LazyDetails summary="Share a link to this form (never the password)">
                <p class="gs-policy"><code id="gs-share" data-testid="share-url">{share}</code></p>
                <CopyButton label="Copy share link" testid="share-link" text=share select_id="gs-share"/>
            </LazyDetails>
            <MoreScripts page=page/>
            {rotation(page)}
            // The check compares PostgreSQL's and MySQL's pastes; the other databases'
            // inspect queries have no comparison yet.
            <div class:gs-hidden=move || !matches!(db.get(), Db::Postgres | Db::MySql)>
                <LazyDetails summary="Check what the database has (paste the inspect output, get the fix)"
                    open_at_start=page.handed.check>
                    <DriftCheck page=page/>
                </LazyDetails>
            </div>
    }
}

/// The rotation scripts (the page with the other databases, which has Snowflake's key
/// slots too: postgres.html stays within its size budget without them).
#[cfg(feature = "dialects")]
fn rotation(page: Page) -> AnyView {
    view! { <super::rotation::Rotation page=page/> }.into_any()
}

/// No rotation section in the PostgreSQL page.
#[cfg(not(feature = "dialects"))]
fn rotation(_: Page) -> AnyView {
    ().into_any()
}

/// The connection string in the form of the client picked here, each database's first
/// until one is picked (by key: "uri" or "sqlalchemy" stays picked across the databases
/// that have it).
#[component]
fn ConnectionString(
    /// The page state.
    page: Page,
) -> impl IntoView {
    let db = memo(move || page.intent.with(|i| i.db));
    // A client picked on the page that handed the form over stays picked.
    let key = RwSignal::new(page.handed.client);
    let chosen = memo(move || {
        let db = db.get();
        Client::from_key(db, key.get()).or(Client::for_db(db).first().copied())
    });
    let form = derived(move || {
        if !page.generated.get() {
            return Ok(String::new());
        }
        match chosen.get() {
            Some(c) => page
                .intent
                .with(|i| client_form(i, c))
                .unwrap_or(Ok(String::new())),
            None => Ok(page
                .intent
                .with(|i| crate::core::render(i, Part::Conn))
                .unwrap_or_default()),
        }
    });
    let conn = derived(move || form.get().unwrap_or_default());
    let conn_error = move || form.get().err();
    let clients = move || {
        Client::for_db(db.get())
            .iter()
            .map(|c| view! { <option value=c.as_str()>{c.label()}</option> })
            .collect_view()
    };
    view! {
            <div class="gs-out-conn">
                <ScriptBlock title="Your connection string" code_id="gs-conn" testid="conn"
                    copy_label="Copy Connection String" copy_testid="copy-conn" text=conn
                    download=("download-conn", derived(move || chosen.get().map_or("grantsmith-connection.txt", Client::file_name)))>
                    // Hidden, not removed, where there is no choice: one view, no Show.
                    <div class:gs-hidden=move || chosen.get().is_none()>
                        <label class="gs-label" for="gs-client">"Client"</label>
                        <select id="gs-client" class="gs-input gs-client" data-testid="client"
                            prop:value=move || chosen.get().map_or("", Client::as_str)
                            on:change=move |ev| {
                                if let Some(c) = Client::from_key(db.get_untracked(), &event_target_value(&ev)) {
                                    key.set(c.as_str());
                                }
                            }>
                            {clients}
                        </select>
                    </div>
                    {move || conn_error().map(|m| view! { <p class="gs-error" data-testid="client-error">{m}</p> })}
                    {move || page.intent.with(|i| crate::core::host::unreal_host_note(i.get(crate::core::intent::Field::Host)))
                        .map(|m| view! { <p class="gs-warning" data-testid="conn-note">{m}</p> })}
                </ScriptBlock>
            </div>
    }
}

/// Verify, uninstall and inspect, written only when their section opens.
#[component]
fn MoreScripts(
    /// The page state.
    page: Page,
) -> impl IntoView {
    let verify = page.part(Part::Verify);
    let uninstall = page.part(Part::Uninstall);
    let inspect = page.part(Part::Inspect);
    view! {
            <LazyDetails summary="Verify, inspect and uninstall scripts" open_at_start=page.handed.more id="gs-more">
                <ScriptBlock title="Verify (read-only: a row per expected privilege)" code_id="gs-verify"
                    testid="verify-sql" copy_label="Copy SQL" copy_testid="copy-verify" text=verify
                    download=("download-verify", Signal::from("grantsmith-verify.sql"))/>
                <ScriptBlock title="Uninstall (revokes everything, drops the user)" code_id="gs-uninstall"
                    testid="uninstall-sql" copy_label="Copy SQL" copy_testid="copy-uninstall" text=uninstall
                    download=("download-uninstall", Signal::from("grantsmith-uninstall.sql"))/>
                // Hidden while there is no query (a refused field); every database writes one.
                <div class:gs-hidden=move || inspect.with(String::is_empty)>
                    <ScriptBlock title="Inspect (read-only: everything the user has, one line per fact; run it as its first lines say)"
                        code_id="gs-inspect" testid="inspect-sql" copy_label="Copy SQL" copy_testid="copy-inspect" text=inspect
                        download=("download-inspect", Signal::from("grantsmith-inspect.sql"))/>
                </div>
            </LazyDetails>
    }
}
