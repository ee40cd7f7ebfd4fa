//! The builder for databases other than PostgreSQL: the dialect's fields (from the
//! core's field list), password and SSL where it has them, Generate, and the setup /
//! connection string / verify / uninstall outputs.

use leptos::prelude::*;

use super::field::Field;
use super::password::PasswordField;
use super::script_block::ScriptBlock;
use crate::core::dialect::{
    generate_dialect, Access, Dialect, DialectForm, DialectOutput, FieldSpec,
};

/// One field of the form: an input, or a text area for lists and keys.
fn field(
    spec: FieldSpec,
    form: RwSignal<DialectForm>,
    out: Memo<DialectOutput>,
    generated: RwSignal<bool>,
) -> AnyView {
    let key = spec.key;
    let value = Signal::derive(move || form.with(|f| f.get(key).to_string()));
    let set = Callback::new(move |v: String| {
        form.update(|f| f.set(key, v));
        generated.set(false);
    });
    let error = Signal::derive(move || out.with(|o| o.error(key.as_str())));
    if !spec.multiline {
        return view! {
            <Field label=spec.label id=key.id() testid=key.as_str() error_testid=key.error_testid()
                value=value on_input=set placeholder=spec.placeholder error=error/>
        }
        .into_any();
    }
    view! {
        <div class="gs-field">
            <label class="gs-label" for=key.id()>{spec.label}</label>
            <textarea id=key.id() class="gs-text" data-testid=key.as_str() placeholder=spec.placeholder
                spellcheck="false" class:gs-invalid=move || error.with(Option::is_some)
                prop:value=value on:input=move |ev| set.run(event_target_value(&ev))></textarea>
            {move || error.get().map(|m| view! { <p class="gs-error" data-testid=key.error_testid()>{m}</p> })}
        </div>
    }
    .into_any()
}

/// Fields, Generate and outputs for `dialect` and `access`.
#[component]
pub fn DialectBuilder(
    /// The database.
    dialect: Dialect,
    /// What the user is for (switching it keeps what was typed).
    access: Signal<Access>,
) -> impl IntoView {
    // Starting values from the fragment (embeds and links), as the PostgreSQL builder.
    let mut start = DialectForm::new(dialect, access.get_untracked());
    crate::core::share::apply_dialect_fragment(&mut start, &super::fragment());
    let form = RwSignal::new(start);
    let generated = RwSignal::new(false);
    let password = RwSignal::new(String::new());
    // The access Generate was pressed for: a new one hides the output, as any change does.
    let generated_for = RwSignal::new(access.get_untracked());
    let visible = move || generated.get() && generated_for.get() == access.get();
    let out = Memo::new(move |_| {
        let mut f = form.get();
        f.access = access.get();
        f.password = password.get();
        generate_dialect(&f)
    });
    let shown = move |pick: fn(&DialectOutput) -> Option<String>| {
        Signal::derive(move || {
            if visible() {
                out.with(|o| pick(o).unwrap_or_default())
            } else {
                String::new()
            }
        })
    };
    let can = move || out.with(|o| o.sql.is_some());
    let fields = dialect
        .fields()
        .iter()
        .map(|spec| field(*spec, form, out, generated))
        .collect::<Vec<_>>();
    let pw_error = Signal::derive(move || out.with(|o| o.error("password")));
    view! {
        <div class="gs-grid gs-grid-2">{fields}</div>
        {dialect.has_password().then(|| view! {
            <PasswordField password=password generated=generated error=pw_error/>
        })}
        {dialect.has_ssl().then(|| view! {
            <label class="gs-radio">
                <input type="checkbox" data-testid="ssl" prop:checked=move || form.with(|f| f.ssl)
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        form.update(|f| f.ssl = on);
                        generated.set(false);
                    }/>
                <span>"Require TLS (in the connection string, and for the user where the database can)"</span>
            </label>
        })}
        <div class="gs-actions">
            <button type="button" class="gs-btn" data-testid="generate" disabled=move || !can()
                on:click=move |_| if can() {
                    generated_for.set(access.get_untracked());
                    generated.set(true);
                }>
                "Generate commands and connection string"
            </button>
            <span class="gs-hint" data-testid="hint" aria-live="polite">{move || out.with(|o| o.hint.clone())}</span>
            <span class="gs-local">"Generated locally in your browser. Nothing is sent anywhere or stored."</span>
        </div>
        <Show when=visible>
            <ScriptBlock title="SQL commands to run" code_id="gs-sql" testid="sql" box_class="gs-code-sql"
                copy_label="Copy SQL" copy_testid="copy-sql" text=shown(|o| o.sql.clone())
                download=("download-setup", "grantsmith-setup.sql")/>
            <div class="gs-out-conn">
                <ScriptBlock title="Your connection string" code_id="gs-conn" testid="conn"
                    copy_label="Copy Connection String" copy_testid="copy-conn" text=shown(|o| o.conn.clone())/>
            </div>
            <ScriptBlock title="Verify (read-only: a row per expected privilege)" code_id="gs-verify"
                testid="verify-sql" copy_label="Copy SQL" copy_testid="copy-verify" text=shown(|o| o.verify.clone())
                download=("download-verify", "grantsmith-verify.sql")/>
            <ScriptBlock title="Uninstall (revokes everything, drops the user)" code_id="gs-uninstall"
                testid="uninstall-sql" copy_label="Copy SQL" copy_testid="copy-uninstall" text=shown(|o| o.uninstall.clone())
                download=("download-uninstall", "grantsmith-uninstall.sql")/>
        </Show>
    }
}
