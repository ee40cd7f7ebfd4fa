//! The original applet's form (`PostgresSqlBuilder`), in its own layout: host and port,
//! the provider note, user and database, then "Advanced configuration".

use leptos::prelude::*;

use super::advanced::Advanced;
use super::extras::password;
use super::field::Field;
use super::outputs::Outputs;
use super::page::Page;
use super::provider_picker::ProviderPicker;
use super::reactive::{derived, memo};
use crate::core::backend::postgres::original::ROLE_DEFAULT;
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
    let is_neon = memo(move || host.with(|h| is_neon_host(h)));
    let user_label = page.branded("Dreamlit user name", "user name");
    let user_placeholder = page
        .intent
        .with_untracked(|i| i.role_fallback(ROLE_DEFAULT).to_string());
    let local_note = match page.profile.brand() {
        Some(b) => format!(
            "Generated locally in your browser. Nothing is sent to {} or stored.",
            b.name()
        ),
        None => "Generated locally in your browser. Nothing is sent to Dreamlit or stored.".into(),
    };
    let host_field = view! {
        <Field
            label="Host" id="gs-host" testid="host" error_testid="host-error"
            value=host on_input=page.on_input(F::Host)
            placeholder=derived(move || host_hint(is_neon.get()))
            error=page.error(F::Host) fixed=page.fixed("host") note=page.note("host")
        />
    };
    let port_field = view! {
        <Field
            label="Port" id="gs-port" testid="port" error_testid="port-error"
            value=port on_input=page.on_input(F::Port) placeholder="5432"
            error=page.error(F::Port) fixed=page.fixed("port") note=page.note("port")
        />
    };
    let role_field = view! {
        <Field
            label=user_label id="gs-role" testid="role" error_testid="role-error"
            value=page.value(F::Role) on_input=page.on_input(F::Role)
            placeholder=Signal::stored(leak(user_placeholder))
            error=page.error(F::Role) fixed=page.fixed("role") note=page.note("role")
        />
    };
    let database_field = view! {
        <Field
            label="Database name" id="gs-database" testid="database" error_testid="database-error"
            value=page.value(F::Database) on_input=page.on_input(F::Database) placeholder="postgres"
            error=page.error(F::Database) fixed=page.fixed("database") note=page.note("database")
        />
    };
    view! {
        <section class="gs-card" aria-label="Connection builder">
            <div class="gs-grid gs-grid-host">
                {page.shown("host").then_some(host_field)}
                {page.shown("port").then_some(port_field)}
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
                {page.shown("role").then_some(role_field)}
                {page.shown("database").then_some(database_field)}
            </div>
            {password(page)}
            <Advanced page=page/>
            <p class="gs-note" data-testid="trigger-note">{crate::core::backend::postgres::trigger::NOTE}</p>
            <Outputs page=page local_note=local_note/>
        </section>
    }
}

/// The placeholder made `'static` once per form (the profile's user name).
fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}
