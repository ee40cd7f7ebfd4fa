//! The original applet's form (`PostgresSqlBuilder`), in its own layout: host and port,
//! the provider note, user and database, then "Advanced configuration".

use leptos::prelude::*;

use super::advanced::Advanced;
use super::field::Field;
use super::outputs::Outputs;
use super::page::Page;
use super::password::PasswordField;
use super::provider_picker::ProviderPicker;
use crate::core::host::is_neon_host;
use crate::core::intent::Field as F;
use crate::core::neon::host_hint;
use crate::core::traps::warnings;

/// The original's fields and its outputs.
#[component]
pub fn OriginalForm(
    /// The page state.
    page: Page,
) -> impl IntoView {
    let host = page.value(F::Host);
    let port = page.value(F::Port);
    let is_neon = Memo::new(move |_| host.with(|h| is_neon_host(h)));
    view! {
        <section class="gs-card" aria-label="Connection builder">
            <div class="gs-grid gs-grid-host">
                <Field
                    label="Host" id="gs-host" testid="host" error_testid="host-error"
                    value=host on_input=page.on_input(F::Host)
                    placeholder=Signal::derive(move || host_hint(is_neon.get()))
                    error=page.error(F::Host)
                />
                <Field
                    label="Port" id="gs-port" testid="port" error_testid="port-error"
                    value=port on_input=page.on_input(F::Port) placeholder="5432"
                    error=page.error(F::Port)
                />
            </div>
            {move || {
                warnings(&host.get(), &port.get())
                    .into_iter()
                    .map(|w| view! { <p class="gs-warning" data-testid="warning">{w}</p> })
                    .collect_view()
            }}
            <div class="gs-note">
                "Use your provider's " <b>"direct database host"</b> " (not a pooler host)."
            </div>
            <ProviderPicker page=page/>
            <div class="gs-grid gs-grid-2">
                <Field
                    label="Dreamlit user name" id="gs-role" testid="role" error_testid="role-error"
                    value=page.value(F::Role) on_input=page.on_input(F::Role) placeholder="dreamlit_app"
                    error=page.error(F::Role)
                />
                <Field
                    label="Database name" id="gs-database" testid="database" error_testid="database-error"
                    value=page.value(F::Database) on_input=page.on_input(F::Database) placeholder="postgres"
                    error=page.error(F::Database)
                />
            </div>
            <PasswordField page=page scram=true/>
            <Advanced page=page/>
            <Outputs page=page local_note="Generated locally in your browser. Nothing is sent to Dreamlit or stored."/>
        </section>
    }
}
