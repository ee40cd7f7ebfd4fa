//! The builder for every preset other than the original: its fields, Generate, and the
//! setup / connection / summary / verify / uninstall outputs.

use leptos::prelude::*;

use super::field::Field;
use super::password::{random_bytes, PasswordField};
use super::script_block::ScriptBlock;
use crate::core::plan::privs::{DbPriv, SchemaPriv, SeqPriv, TablePriv};
use crate::core::preset::{check_preset, generate_preset, Preset, PresetForm};

/// A text field bound to one `String` of the form.
fn bind(
    form: RwSignal<PresetForm>,
    generated: RwSignal<bool>,
    get: fn(&PresetForm) -> &String,
    set: fn(&mut PresetForm, String),
) -> (Signal<String>, Callback<String>) {
    (
        Signal::derive(move || form.with(|f| get(f).clone())),
        Callback::new(move |v: String| {
            form.update(|f| set(f, v));
            generated.set(false);
        }),
    )
}

/// Every checkbox of the preset builder: one non-generic `check` serves them all (a
/// generic one per closure cost ~30 KB of wasm).
#[derive(Clone, Copy)]
enum Flag {
    AllSchemas,
    Ssl,
    Functions,
    Future,
    Table(TablePriv),
    Seq(SeqPriv),
    Schema(SchemaPriv),
    Db(DbPriv),
}

fn has<T: PartialEq>(v: &[T], x: &T) -> bool {
    v.contains(x)
}

fn toggle<T: PartialEq + Copy>(v: &mut Vec<T>, x: T, on: bool, all: &[T]) {
    // Rebuilt in `all`'s order (no sort: each sort instance costs ~3 KB of wasm).
    *v = all
        .iter()
        .copied()
        .filter(|a| if *a == x { on } else { v.contains(a) })
        .collect();
}

impl Flag {
    fn get(self, f: &PresetForm) -> bool {
        let c = &f.custom;
        match self {
            Flag::AllSchemas => f.all_schemas,
            Flag::Ssl => f.ssl,
            Flag::Functions => c.functions,
            Flag::Future => c.future,
            Flag::Table(p) => has(&c.tables, &p),
            Flag::Seq(p) => has(&c.sequences, &p),
            Flag::Schema(p) => has(&c.schema, &p),
            Flag::Db(p) => has(&c.database, &p),
        }
    }

    fn set(self, f: &mut PresetForm, on: bool) {
        let c = &mut f.custom;
        match self {
            Flag::AllSchemas => f.all_schemas = on,
            Flag::Ssl => f.ssl = on,
            Flag::Functions => c.functions = on,
            Flag::Future => c.future = on,
            Flag::Table(p) => toggle(&mut c.tables, p, on, TablePriv::ALL),
            Flag::Seq(p) => toggle(&mut c.sequences, p, on, SeqPriv::ALL),
            Flag::Schema(p) => toggle(&mut c.schema, p, on, SchemaPriv::ALL),
            Flag::Db(p) => toggle(&mut c.database, p, on, DbPriv::ALL),
        }
    }
}

/// A checkbox bound to one flag of the form.
fn check(
    form: RwSignal<PresetForm>,
    generated: RwSignal<bool>,
    testid: String,
    label: &'static str,
    flag: Flag,
) -> AnyView {
    view! {
        <label class="gs-radio">
            <input type="checkbox" data-testid=testid prop:checked=move || form.with(|f| flag.get(f))
                on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    form.update(|f| flag.set(f, on));
                    generated.set(false);
                }/>
            <span>{label}</span>
        </label>
    }
    .into_any()
}

/// The custom preset's privilege grid.
fn custom_grid(form: RwSignal<PresetForm>, generated: RwSignal<bool>) -> impl IntoView {
    let boxes = |kind: &str, items: Vec<(&'static str, Flag)>| {
        items
            .into_iter()
            .map(|(name, flag)| check(form, generated, format!("custom-{kind}-{name}"), name, flag))
            .collect::<Vec<AnyView>>()
    };
    let tables = boxes(
        "table",
        TablePriv::ALL
            .iter()
            .map(|p| (p.as_str(), Flag::Table(*p)))
            .collect(),
    );
    let seqs = boxes(
        "sequence",
        SeqPriv::ALL
            .iter()
            .map(|p| (p.as_str(), Flag::Seq(*p)))
            .collect(),
    );
    let schema = boxes(
        "schema",
        SchemaPriv::ALL
            .iter()
            .map(|p| (p.as_str(), Flag::Schema(*p)))
            .collect(),
    );
    let db = boxes(
        "database",
        DbPriv::ALL
            .iter()
            .map(|p| (p.as_str(), Flag::Db(*p)))
            .collect(),
    );
    view! {
        <div class="gs-grid gs-grid-3 gs-custom">
            <fieldset class="gs-panel"><legend class="gs-panel-title">"Tables and views"</legend>{tables}</fieldset>
            <fieldset class="gs-panel"><legend class="gs-panel-title">"Sequences"</legend>{seqs}</fieldset>
            <fieldset class="gs-panel">
                <legend class="gs-panel-title">"Schema, database, functions"</legend>
                {schema}{db}
                {check(form, generated, "custom-functions-EXECUTE".into(), "EXECUTE on functions", Flag::Functions)}
                {check(form, generated, "custom-future".into(), "Also future objects (default privileges)", Flag::Future)}
            </fieldset>
        </div>
    }
}

/// Fields, Generate and outputs for `preset`.
#[component]
pub fn PresetBuilder(
    /// The preset (not the original).
    preset: Preset,
) -> impl IntoView {
    let form = RwSignal::new(PresetForm::new(preset));
    let generated = RwSignal::new(false);
    let password = RwSignal::new(String::new());
    let scram = RwSignal::new(true);
    let mut salt = [0u8; 16];
    random_bytes(&mut salt);
    let full = move || {
        let mut f = form.get();
        f.password = password.get();
        f.scram = scram.get();
        f.salt = salt;
        f
    };
    // Each keystroke only checks the form; the scripts are rendered on Generate.
    let out = Memo::new(move |_| check_preset(&full()));
    let scripts = Memo::new(move |_| generated.get().then(|| generate_preset(&full())));
    let err = move |f: fn(&crate::core::preset::PresetErrors) -> Option<String>| {
        Signal::derive(move || out.with(|o| f(&o.errors)))
    };
    let shown = move |f: fn(&crate::core::preset::PresetOutput) -> Option<String>| {
        Signal::derive(move || scripts.with(|o| o.as_ref().and_then(f).unwrap_or_default()))
    };
    let (host, on_host) = bind(form, generated, |f| &f.host, |f, v| f.host = v);
    let (port, on_port) = bind(form, generated, |f| &f.port, |f, v| f.port = v);
    let (role, on_role) = bind(form, generated, |f| &f.role, |f, v| f.role = v);
    let (db, on_db) = bind(form, generated, |f| &f.database, |f, v| f.database = v);
    let (owners, on_owners) = bind(form, generated, |f| &f.owners, |f, v| f.owners = v);
    let (schemas, on_schemas) = bind(form, generated, |f| &f.schemas, |f, v| f.schemas = v);
    let (include, on_include) = bind(form, generated, |f| &f.include, |f, v| f.include = v);
    let (exclude, on_exclude) = bind(form, generated, |f| &f.exclude, |f, v| f.exclude = v);
    let (cname, on_cname) = bind(
        form,
        generated,
        |f| &f.connection_name,
        |f, v| f.connection_name = v,
    );
    let (penv, on_penv) = bind(
        form,
        generated,
        |f| &f.password_env,
        |f, v| f.password_env = v,
    );
    let matching = move || form.with(|f| f.all_schemas);
    let can = move || out.with(|o| o.sql.is_some());
    let none = Signal::derive(|| None::<String>);
    let meta = preset == Preset::MetadataSync;
    let connector = matches!(
        preset,
        Preset::ConnectorReadWrite | Preset::ConnectorReadOnly
    );
    view! {
        <div class="gs-grid gs-grid-host">
            <Field label="Host" id="gs-host" testid="host" error_testid="host-error" value=host on_input=on_host placeholder="db.example.com" error=err(|e| e.host.clone())/>
            <Field label="Port" id="gs-port" testid="port" error_testid="port-error" value=port on_input=on_port placeholder="5432" error=err(|e| e.port.clone())/>
        </div>
        <div class="gs-grid gs-grid-2">
            <Field label="User name" id="gs-role" testid="role" error_testid="role-error" value=role on_input=on_role placeholder=preset.default_role() error=err(|e| e.role.clone())/>
            <Field label="Database" id="gs-database" testid="database" error_testid="database-error" value=db on_input=on_db placeholder="your_database" error=err(|e| e.database.clone())/>
        </div>
        <PasswordField password=password scram=scram generated=generated error=err(|e| e.password.clone())/>
        {meta.then(|| view! {
            <div class="gs-grid gs-grid-2">
                <Field label="Connection name" id="gs-cname" testid="connection-name" value=cname on_input=on_cname placeholder="postgres_production" error=none/>
                <Field label="Password environment variable" id="gs-penv" testid="password-env" value=penv on_input=on_penv placeholder="POSTGRES_CONNECTION_PASSWORD" error=none/>
            </div>
            {check(form, generated, "all-schemas".into(), "All schemas matching regular-expression filters (applied by PostgreSQL)", Flag::AllSchemas)}
        })}
        <Show when=move || !matching() fallback=move || view! {
            <div class="gs-grid gs-grid-2">
                <Field label="Include schemas matching" id="gs-include" testid="include" value=include on_input=on_include placeholder="^(public|sales)$" error=err(|e| e.schemas.clone())/>
                <Field label="Exclude schemas matching" id="gs-exclude" testid="exclude" value=exclude on_input=on_exclude placeholder="_tmp$" error=none/>
            </div>
        }>
            <div class="gs-field gs-grid-2">
                <label class="gs-label" for="gs-schemas">"Schemas (commas or new lines)"</label>
                <textarea id="gs-schemas" class="gs-text" data-testid="schemas" placeholder="public"
                    prop:value=schemas on:input=move |ev| on_schemas.run(event_target_value(&ev))></textarea>
                {move || err(|e| e.schemas.clone()).get().map(|m| view! { <p class="gs-error" data-testid="schemas-error">{m}</p> })}
            </div>
        </Show>
        <div class="gs-field gs-grid-2">
            <label class="gs-label" for="gs-owners">"Roles that create future tables (default privileges; empty: the role running the script)"</label>
            <textarea id="gs-owners" class="gs-text" data-testid="owners" prop:value=owners
                on:input=move |ev| on_owners.run(event_target_value(&ev))></textarea>
            {move || err(|e| e.owners.clone()).get().map(|m| view! { <p class="gs-error" data-testid="owners-error">{m}</p> })}
        </div>
        {connector.then(|| check(form, generated, "ssl".into(), "Use SSL (adds sslmode=require to the connection string)", Flag::Ssl))}
        {(preset == Preset::Custom).then(|| custom_grid(form, generated))}
        <div class="gs-actions">
            <button type="button" class="gs-btn" data-testid="generate" disabled=move || !can()
                on:click=move |_| if can() { generated.set(true) }>
                "Generate commands and connection string"
            </button>
            <span class="gs-hint" data-testid="hint" aria-live="polite">{move || out.with(|o| o.hint.clone())}</span>
            <span class="gs-local">"Generated locally in your browser. Nothing is sent anywhere or stored."</span>
        </div>
        <Show when=move || generated.get()>
            <ScriptBlock title="SQL commands to run" code_id="gs-sql" testid="sql" box_class="gs-code-sql"
                copy_label="Copy SQL" copy_testid="copy-sql" text=shown(|o| o.sql.clone())
                download=("download-setup", "grantsmith-setup.sql")/>
            <div class="gs-out-conn">
                <ScriptBlock title="Your connection string" code_id="gs-conn" testid="conn"
                    copy_label="Copy Connection String" copy_testid="copy-conn" text=shown(|o| o.conn.clone())/>
            </div>
            {meta.then(|| view! {
                <ScriptBlock title="Connection fields to enter" code_id="gs-summary" testid="summary"
                    copy_label="Copy fields" copy_testid="copy-summary" text=shown(|o| o.summary.clone())/>
            })}
            <ScriptBlock title="Verify (read-only: a row per expected privilege)" code_id="gs-verify"
                testid="verify-sql" copy_label="Copy SQL" copy_testid="copy-verify" text=shown(|o| o.verify.clone())
                download=("download-verify", "grantsmith-verify.sql")/>
            <ScriptBlock title="Uninstall (revokes everything, drops the role)" code_id="gs-uninstall"
                testid="uninstall-sql" copy_label="Copy SQL" copy_testid="copy-uninstall" text=shown(|o| o.uninstall.clone())
                download=("download-uninstall", "grantsmith-uninstall.sql")/>
        </Show>
    }
}
