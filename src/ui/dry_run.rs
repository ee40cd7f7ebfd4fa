//! "Try it here" beside the PostgreSQL setup script (issue 33, the fuller pages only):
//! the core's dry-run plan for the form, handed to `dry-run.js`, which loads PGlite
//! from the page's own origin on the first click and shows what the script does. The
//! page carries neither PGlite nor the module: both load on the click.

use js_sys::{Array, Object, Reflect};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use super::page::Page;
use crate::core::backend::postgres::dry_run::{plan_with, Expect, Plan};
use crate::core::intent::{Db, Preset, Scope};

/// Where `dry-run.js` renders its results (it owns this element's children).
const TARGET: &str = "gs-dry-run-out";

/// The button, what it cannot do here, and the results' place.
pub fn dry_run(page: Page) -> impl IntoView {
    let message = RwSignal::new(String::new());
    // More schemas for the stand-in: the reader's own, which the form leaves out.
    let also = RwSignal::new(String::new());
    let listed = move || page.intent.with(|i| i.spec().scope_of(i) == Scope::Listed);
    let shown = move || {
        page.intent
            .with(|i| i.db == Db::Postgres && i.preset != Preset::Cdc)
    };
    let on_click = move |_: ()| {
        message.set(String::new());
        if offline() {
            message.set("The dry run needs the served page (it loads PGlite from there); this offline file cannot load it.".into());
            return;
        }
        let extra = if listed() {
            also.get_untracked()
        } else {
            String::new()
        };
        match page.intent.with(|i| plan_with(i, &extra)) {
            Ok(p) => start(&p, message),
            Err(e) => message.set(e),
        }
    };
    // Pressed on the default page, which handed the form over: run once it shows.
    if page.handed.dry_run {
        request_animation_frame(move || on_click(()));
    }
    view! {
        <div class="gs-dry-run" class:gs-hidden=move || !shown()>
            <div class="gs-actions">
                <button type="button" id="gs-dry-run-button" class="gs-btn gs-btn-small gs-btn-light" data-testid="dry-run-button"
                    on:click=move |_| on_click(())>
                    "Try it here"
                </button>
                <span class="gs-hint">
                    "Runs this script in PostgreSQL 17 inside this tab (PGlite: 14 MB, 4.5 MB compressed, "
                    "from this site, loaded on the click) against a stand-in database shaped by the form. Nothing is sent."
                </span>
            </div>
            <div class:gs-hidden=move || !listed()>
                <label class="gs-label" for="gs-dry-run-also">
                    "Also in the stand-in: schemas your database has that the form leaves out (the new user must not reach them)"
                </label>
                <input id="gs-dry-run-also" class="gs-input" data-testid="dry-run-also" placeholder="hr, audit"
                    prop:value=also on:input=move |ev| also.set(event_target_value(&ev))/>
            </div>
            <p class="gs-error" data-testid="dry-run-message" role="alert" class:gs-hidden=move || message.with(String::is_empty)>
                {message}
            </p>
            <div id=TARGET data-testid="dry-run" aria-live="polite"></div>
        </div>
    }
}

/// The single-file build runs from `file:`, where no module can be fetched.
fn offline() -> bool {
    web_sys::window()
        .and_then(|w| w.location().protocol().ok())
        .is_some_and(|p| p == "file:")
}

/// Runs the plan: through the module when it is loaded, else by loading it with the
/// plan waiting for it.
fn start(p: &Plan, message: RwSignal<String>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(doc) = window.document() else { return };
    let Some(target) = doc.get_element_by_id(TARGET) else {
        return;
    };
    let plan = to_js(p);
    let run = Reflect::get(&window, &"grantsmithDryRun".into()).unwrap_or(JsValue::UNDEFINED);
    if let Some(f) = run.dyn_ref::<js_sys::Function>() {
        let _ = f.call2(&JsValue::NULL, &plan, &target);
        return;
    }
    let pending = Object::new();
    set(&pending, "plan", &plan);
    set(&pending, "target", &target);
    let _ = Reflect::set(&window, &"grantsmithDryRunPending".into(), &pending);
    // Once per page: a second click before the module has run only replaces the plan.
    if doc.get_element_by_id("gs-dry-run-module").is_none() {
        if let Ok(s) = doc.create_element("script") {
            let _ = s.set_attribute("id", "gs-dry-run-module");
            let _ = s.set_attribute("type", "module");
            let _ = s.set_attribute("src", "dry-run.js");
            // A copy of the pages without the dry run's files (the npm package ships
            // only the pages and what they load): say so rather than do nothing.
            let failed = wasm_bindgen::closure::Closure::once_into_js(move || {
                message.set("The dry run's files (dry-run.js, pglite/) are not on this site: it needs the page as scripts/build.sh builds it.".into());
            });
            let _ = s.add_event_listener_with_callback("error", failed.unchecked_ref());
            if let Some(head) = doc.head() {
                let _ = head.append_child(&s);
            }
        }
    }
}

fn set(o: &Object, key: &str, v: &JsValue) {
    let _ = Reflect::set(o, &key.into(), v);
}

fn strings(v: &[String]) -> JsValue {
    v.iter()
        .map(|s| JsValue::from_str(s))
        .collect::<Array>()
        .into()
}

/// The plan as the plain object `dry-run.js` reads.
fn to_js(p: &Plan) -> JsValue {
    let o = Object::new();
    for (k, v) in [
        ("database", &p.database),
        ("user", &p.user),
        ("superuser", &p.superuser),
        ("make_superuser", &p.make_superuser),
        ("free_postgres", &p.free_postgres),
        ("create_database", &p.create_database),
        ("as_runner", &p.as_runner),
        ("as_user", &p.as_user),
        ("as_superuser", &p.as_superuser),
        ("role_count", &p.role_count),
    ] {
        set(&o, k, &JsValue::from_str(v));
    }
    for (k, v) in [
        ("stand_in", &p.stand_in),
        ("setup", &p.setup),
        ("later", &p.later),
        ("verify", &p.verify),
        ("uninstall", &p.uninstall),
        ("notes", &p.notes),
    ] {
        set(&o, k, &strings(v));
    }
    let probes: Array = p
        .probes
        .iter()
        .map(|x| {
            let q = Object::new();
            set(&q, "label", &JsValue::from_str(&x.label));
            set(&q, "sql", &JsValue::from_str(&x.sql));
            set(&q, "expect", &JsValue::from_str(x.expect.as_str()));
            if let Expect::Rows(n) = x.expect {
                set(&q, "rows", &JsValue::from(n));
            }
            JsValue::from(q)
        })
        .collect();
    set(&o, "probes", &probes);
    o.into()
}
