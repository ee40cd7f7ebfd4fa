//! The connection builder (`PostgresSqlBuilder` in the original).

use leptos::prelude::*;

use super::copy_button::CopyButton;
use super::field::Field;
use super::options::Advanced;
use super::password::PasswordField;
use super::script_block::{LazyDetails, ScriptBlock};
use crate::core::form::{generate_main, hint_for, uninstall_sql, validate, verify_sql, Output};
use crate::core::host::is_neon_host;
use crate::core::neon::{host_hint, NeonFields};
use crate::core::share::{apply_fragment, to_fragment};
use crate::core::traps::warnings;
use crate::core::{Form, Scope};

/// Every input of the builder: one signal each (owners and database together, since
/// Neon defaults move them as one).
#[derive(Clone, Copy)]
pub struct BuilderState {
    pub host: RwSignal<String>,
    pub port: RwSignal<String>,
    pub role: RwSignal<String>,
    pub neon: RwSignal<NeonFields>,
    pub schemas: RwSignal<String>,
    pub scope: RwSignal<Scope>,
    pub rls: RwSignal<bool>,
    pub password: RwSignal<String>,
    pub scram: RwSignal<bool>,
    /// Salt for the SCRAM verifier, random per page load.
    pub salt: [u8; 16],
    /// Output shown; any input change hides it, as in the original.
    pub generated: RwSignal<bool>,
}

impl BuilderState {
    /// Defaults, overridden by starting values in the URL fragment (embeds and shared
    /// links); a Neon host there applies the Neon defaults as typing it would.
    fn new() -> Self {
        let mut d = Form::default();
        apply_fragment(&mut d, &super::fragment());
        let mut neon = NeonFields {
            owners: d.owners.clone(),
            database: d.database.clone(),
            ..NeonFields::default()
        };
        neon.host_changed(false, is_neon_host(&d.host));
        BuilderState {
            host: RwSignal::new(d.host),
            port: RwSignal::new(d.port),
            role: RwSignal::new(d.role),
            neon: RwSignal::new(neon),
            schemas: RwSignal::new(d.schemas),
            scope: RwSignal::new(d.scope),
            rls: RwSignal::new(d.rls),
            password: RwSignal::new(String::new()),
            scram: RwSignal::new(true),
            salt: {
                let mut salt = [0u8; 16];
                super::password::random_bytes(&mut salt);
                salt
            },
            generated: RwSignal::new(false),
        }
    }

    /// Sets a text signal from an input and hides the output.
    pub fn edit(self, sig: RwSignal<String>) -> Callback<String> {
        Callback::new(move |v: String| {
            sig.set(v);
            self.generated.set(false);
        })
    }

    fn form(self) -> Form {
        let (owners, database) = self.neon.with(|n| (n.owners.clone(), n.database.clone()));
        Form {
            host: self.host.get(),
            port: self.port.get(),
            role: self.role.get(),
            database,
            schemas: self.schemas.get(),
            owners,
            scope: self.scope.get(),
            rls: self.rls.get(),
            password: self.password.get(),
            scram: self.scram.get(),
            salt: self.salt,
        }
    }
}

/// The builder: fields, advanced options, Generate, and the two outputs.
#[component]
pub fn Builder() -> impl IntoView {
    let st = BuilderState::new();
    let form = Memo::new(move |_| st.form());
    let errors = Memo::new(move |_| form.with(|f| validate(f).0));
    let hint = move || form.with(|f| errors.with(|e| hint_for(f, e)));
    let can_generate = move || hint().is_empty();
    // Rendering happens only once Generate is pressed; typing never renders SQL. Verify
    // and uninstall are rendered only when their section is opened.
    let output = Memo::new(move |_| st.generated.get().then(|| form.with(generate_main)));
    let pick = move |f: fn(&Output) -> Option<String>| {
        Signal::derive(move || output.with(|o| o.as_ref().and_then(f).unwrap_or_default()))
    };
    let (sql, conn) = (pick(|o| o.sql.clone()), pick(|o| o.conn.clone()));
    let lazy = move |f: fn(&Form) -> Option<String>| {
        Signal::derive(move || {
            if st.generated.get() {
                form.with(f).unwrap_or_default()
            } else {
                String::new()
            }
        })
    };
    let (verify, uninstall) = (lazy(verify_sql), lazy(uninstall_sql));
    // The form in the URL fragment (never sent to a server), without the password.
    let share = Signal::derive(move || {
        let href = web_sys::window()
            .and_then(|w| w.location().href().ok())
            .unwrap_or_default();
        let base = href.split('#').next().unwrap_or_default().to_string();
        form.with(|f| format!("{base}#{}", to_fragment(f)))
    });
    let policy = move || output.with(|o| o.as_ref().and_then(|o| o.policy_name.clone()));
    let is_neon = Memo::new(move |_| st.host.with(|h| is_neon_host(h)));

    let on_host = Callback::new(move |v: String| {
        let was = is_neon_host(&st.host.get_untracked());
        let now = is_neon_host(&v);
        st.host.set(v);
        st.generated.set(false);
        if was != now {
            st.neon.update(|n| {
                n.host_changed(was, now);
            });
        }
    });
    let on_database = Callback::new(move |v: String| {
        st.neon.update(|n| n.edit_database(v));
        st.generated.set(false);
    });
    let err =
        move |f: fn(&crate::core::Errors) -> Option<String>| Signal::derive(move || errors.with(f));

    view! {
        <section class="gs-card" aria-label="Connection builder">
            <div class="gs-grid gs-grid-host">
                <Field
                    label="Host" id="gs-host" testid="host" error_testid="host-error"
                    value=st.host.into() on_input=on_host
                    placeholder=Signal::derive(move || host_hint(is_neon.get()))
                    error=err(|e| e.host.map(str::to_string))
                />
                <Field
                    label="Port" id="gs-port" testid="port" error_testid="port-error"
                    value=st.port.into() on_input=st.edit(st.port) placeholder="5432"
                    error=err(|e| e.port.map(str::to_string))
                />
            </div>
            {move || {
                let (h, p) = (st.host.get(), st.port.get());
                warnings(&h, &p).into_iter().map(|w| view! { <p class="gs-warning" data-testid="warning">{w}</p> }).collect_view()
            }}
            <div class="gs-note">
                "Use your provider's " <b>"direct database host"</b> " (not a pooler host)."
            </div>
            <div class="gs-grid gs-grid-2">
                <Field
                    label="Dreamlit user name" id="gs-role" testid="role" error_testid="role-error"
                    value=st.role.into() on_input=st.edit(st.role) placeholder="dreamlit_app"
                    error=err(|e| e.role.clone())
                />
                <Field
                    label="Database name" id="gs-database" testid="database" error_testid="database-error"
                    value=Signal::derive(move || st.neon.with(|n| n.database.clone()))
                    on_input=on_database placeholder="postgres"
                    error=err(|e| e.database.clone())
                />
            </div>
            <PasswordField password=st.password scram=st.scram generated=st.generated
                error=err(|e| e.password.clone())/>
            <Advanced st=st errors=errors/>
            <div class="gs-actions">
                <button
                    type="button" class="gs-btn" data-testid="generate"
                    disabled=move || !can_generate()
                    on:click=move |_| if can_generate() { st.generated.set(true) }
                >
                    "Generate commands and connection string"
                </button>
                <span class="gs-hint" data-testid="hint" aria-live="polite">{hint}</span>
                <span class="gs-local">
                    "Generated locally in your browser. Nothing is sent to Dreamlit or stored."
                </span>
            </div>
            // Built once and hidden until Generate (and again on any change): Generate then
            // only fills in the text, which keeps it under a millisecond.
            <div class="gs-output" class:gs-hidden=move || !st.generated.get()>
                <ScriptBlock
                    title="SQL commands to run" code_id="gs-sql" testid="sql" box_class="gs-code-sql"
                    copy_label="Copy SQL" copy_testid="copy-sql" text=sql
                    download=("download-setup", "grantsmith-setup.sql")
                >
                    {move || policy().map(|p| view! {
                        <p class="gs-policy">
                            "RLS policy name on each RLS-enabled table: "
                            <code data-testid="policy-name">{p}</code>
                        </p>
                    })}
                </ScriptBlock>
                <div class="gs-out-conn">
                    <ScriptBlock
                        title="Your connection string" code_id="gs-conn" testid="conn"
                        copy_label="Copy Connection String" copy_testid="copy-conn" text=conn
                    />
                </div>
                <LazyDetails summary="Share a link to this form (never the password)">
                    <p class="gs-policy"><code id="gs-share" data-testid="share-url">{share}</code></p>
                    <CopyButton label="Copy share link" testid="share-link" text=share select_id="gs-share"/>
                </LazyDetails>
                <LazyDetails summary="Verify and uninstall scripts">
                    <ScriptBlock
                        title="Verify (read-only: a row per expected privilege)" code_id="gs-verify"
                        testid="verify-sql" copy_label="Copy SQL" copy_testid="copy-verify" text=verify
                        download=("download-verify", "grantsmith-verify.sql")
                    />
                    <ScriptBlock
                        title="Uninstall (revokes everything, drops the role)" code_id="gs-uninstall"
                        testid="uninstall-sql" copy_label="Copy SQL" copy_testid="copy-uninstall" text=uninstall
                        download=("download-uninstall", "grantsmith-uninstall.sql")
                    />
                </LazyDetails>
            </div>
        </section>
    }
}
