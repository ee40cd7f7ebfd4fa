//! "Rotate without downtime": the two scripts the core writes for a rotation
//! (`Part::Rotate`, `Part::Retire`), each with its copy button. PostgreSQL's presets
//! alternate two users (the second one made with the same plan, and the password typed
//! in the form, then the first one uninstalled); Snowflake alternates the user's key
//! slots with the key in the form. Written only when the section opens: the second
//! user's SCRAM verifier costs 4,096 PBKDF2 rounds.

use leptos::prelude::*;

use super::page::Page;
use super::reactive::memo;
use super::script_block::{LazyDetails, ScriptBlock};
use crate::core::backend::{rotation::offered, Backend};
use crate::core::intent::Db;
use crate::core::output::Part;

/// The rotation section, shown where the backend writes the scripts.
#[component]
pub fn Rotation(
    /// The page state.
    page: Page,
) -> impl IntoView {
    let shown = memo(move || page.intent.with(|i| offered(Backend::of(i.db, i.preset))));
    let rotate = page.part(Part::Rotate);
    let retire = page.part(Part::Retire);
    let snowflake = memo(move || page.intent.with(|i| i.db == Db::Snowflake));
    // Snowflake's scripts need the new key; PostgreSQL's need nothing more.
    let waiting = move || page.generated.get() && rotate.with(String::is_empty);
    view! {
        <div class:gs-hidden=move || !shown.get()>
            <LazyDetails summary="Rotate the credential without downtime (two steps)">
                <p class="gs-note">{move || if snowflake.get() {
                    "Put the new public key in the key field (or generate a new pair), then Generate: step 1 adds it to the user's free key slot, so the old and the new key both sign in. Move the integration to the new private key, then run step 2, which removes the old key."
                } else {
                    "Type the new password in the form, then Generate: step 1 makes the other user of the pair (app and app_2 alternate) with exactly this user's privileges and the new password. Move the integration to it, then run step 2, which uninstalls the old user."
                }}</p>
                {move || waiting().then(|| view! {
                    <p class="gs-warning" data-testid="rotate-waiting">"Step 1 needs the new key: paste or generate it above, then Generate."</p>
                })}
                <ScriptBlock title="Step 1: the new credential beside the old one" code_id="gs-rotate"
                    testid="rotate-sql" copy_label="Copy SQL" copy_testid="copy-rotate" text=rotate
                    download=("download-rotate", Signal::from("grantsmith-rotate.sql"))/>
                <ScriptBlock title="Step 2, once the integration uses the new one: the old one removed" code_id="gs-retire"
                    testid="retire-sql" copy_label="Copy SQL" copy_testid="copy-retire" text=retire
                    download=("download-retire", Signal::from("grantsmith-retire.sql"))/>
            </LazyDetails>
        </div>
    }
}
