//! The new-schema grant applet (`PostgresNewSchemaGrant` in the original): SQL is live.

use leptos::prelude::*;

use super::copy_button::CopyButton;
use super::field::Field;
use super::reactive::{derived, memo};
use crate::core::new_schema_form::{schema_grant, SchemaForm};
use crate::core::privileges::Privileges;

/// Schema, role and owner in; grants for that schema out, as the preset above grants in a
/// listed schema. The role follows the user of the form above until it is typed here.
#[component]
pub fn SchemaGrant(
    /// The user the form above creates.
    user: Signal<String>,
    /// The role field's label ("Dreamlit role" under the original applet).
    label: Signal<&'static str>,
    /// What the preset grants in a listed schema (`None`: the original's grants).
    privileges: Signal<Option<Privileges>>,
) -> impl IntoView {
    let d = SchemaForm::default();
    let schema = RwSignal::new(d.schema);
    let typed_role = RwSignal::new(None::<String>);
    let role = derived(move || typed_role.get().unwrap_or_else(|| user.get()));
    let owner = RwSignal::new(d.owner);
    let out = memo(move || {
        schema_grant(&SchemaForm {
            schema: schema.get(),
            role: role.get(),
            owner: owner.get(),
            privileges: privileges.get(),
        })
    });
    let set = |sig: RwSignal<String>| Callback::new(move |v: String| sig.set(v));
    let set_role = Callback::new(move |v: String| typed_role.set(Some(v)));
    let sql = derived(move || out.with(|o| o.sql.clone().unwrap_or_default()));
    view! {
        <section class="gs-card" aria-label="New schema grant">
            <div class="gs-grid gs-grid-3">
                <Field label="Schema" id="gs-ns-schema" testid="ns-schema" error_testid="ns-schema-error"
                    value=schema.into() on_input=set(schema) placeholder="public"
                    error=derived(move || out.with(|o| o.schema.clone()))/>
                <Field label=label id="gs-ns-role" testid="ns-role" error_testid="ns-role-error"
                    value=role on_input=set_role placeholder="dreamlit_app"
                    error=derived(move || out.with(|o| o.role.clone()))/>
                <Field label="Table-owner role" id="gs-ns-owner" testid="ns-owner" error_testid="ns-owner-error"
                    value=owner.into() on_input=set(owner) placeholder="postgres"
                    error=derived(move || out.with(|o| o.owner.clone()))/>
            </div>
            <div class="gs-label gs-sql-label">"SQL"</div>
            <pre class="gs-dark"><code id="gs-ns-sql" data-testid="ns-sql">{sql}</code></pre>
            <CopyButton label="Copy SQL" testid="ns-copy" text=sql select_id="gs-ns-sql"
                disabled=derived(move || sql.with(String::is_empty))/>
        </section>
    }
}
