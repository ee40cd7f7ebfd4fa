//! Checkboxes bound to the intent: the options of the spec form and the custom
//! preset's grid of privileges per object kind.

use leptos::prelude::*;

use super::field::profile_note;
use super::page::Page;
use crate::core::intent::Intent;
use crate::core::privileges::{DbPriv, SchemaPriv, SeqPriv, TablePriv};

/// A checkbox showing `get` of the intent and changing it with `set`; `key` is the
/// option a profile fixes or notes (`ssl`, `privileges` for the grid's boxes). Plain function
/// pointers: one non-generic instance serves every box (a generic one per closure cost
/// ~30 KB of wasm).
pub fn checkbox(
    page: Page,
    testid: &'static str,
    key: &'static str,
    label: &'static str,
    get: fn(&Intent) -> bool,
    set: fn(&mut Intent, bool),
) -> AnyView {
    let fixed = page.fixed(key);
    view! {
        <label class="gs-radio">
            <input type="checkbox" data-testid=testid disabled=fixed
                prop:checked=move || page.intent.with(get)
                on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    page.update(|i| set(i, on));
                }/>
            <span>{label}</span>
        </label>
        {(testid == key).then(|| profile_note(page, key))}
    }
    .into_any()
}

/// Every privilege of the custom preset, as one closed set.
#[derive(Clone, Copy)]
enum Priv {
    Table(TablePriv),
    Seq(SeqPriv),
    Schema(SchemaPriv),
    Db(DbPriv),
}

fn toggle<T: PartialEq + Copy>(v: &mut Vec<T>, x: T, on: bool, all: &[T]) {
    // Rebuilt in `all`'s order (no sort: each sort instance costs ~3 KB of wasm).
    *v = all
        .iter()
        .copied()
        .filter(|a| if *a == x { on } else { v.contains(a) })
        .collect();
}

impl Priv {
    fn get(self, i: &Intent) -> bool {
        let c = &i.custom;
        match self {
            Priv::Table(p) => c.tables.contains(&p),
            Priv::Seq(p) => c.sequences.contains(&p),
            Priv::Schema(p) => c.schema.contains(&p),
            Priv::Db(p) => c.database.contains(&p),
        }
    }

    fn set(self, i: &mut Intent, on: bool) {
        let c = &mut i.custom;
        match self {
            Priv::Table(p) => toggle(&mut c.tables, p, on, TablePriv::ALL),
            Priv::Seq(p) => toggle(&mut c.sequences, p, on, SeqPriv::ALL),
            Priv::Schema(p) => toggle(&mut c.schema, p, on, SchemaPriv::ALL),
            Priv::Db(p) => toggle(&mut c.database, p, on, DbPriv::ALL),
        }
    }
}

fn priv_box(page: Page, p: Priv) -> AnyView {
    let (kind, name) = match p {
        Priv::Table(x) => ("table", x.as_str()),
        Priv::Seq(x) => ("sequence", x.as_str()),
        Priv::Schema(x) => ("schema", x.as_str()),
        Priv::Db(x) => ("database", x.as_str()),
    };
    view! {
        <label class="gs-radio">
            // Schema and database both have CREATE: each box names its object kind.
            <input type="checkbox" data-testid=format!("custom-{kind}-{name}") disabled=page.fixed("privileges")
                aria-label=format!("{name} on {kind}")
                prop:checked=move || page.intent.with(|i| p.get(i))
                on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    page.update(|i| p.set(i, on));
                }/>
            <span>{name}</span>
        </label>
    }
    .into_any()
}

/// The custom preset's privilege grid.
pub fn custom_grid(page: Page) -> impl IntoView {
    let boxes = |items: Vec<Priv>| {
        items
            .into_iter()
            .map(|p| priv_box(page, p))
            .collect::<Vec<AnyView>>()
    };
    let tables = boxes(TablePriv::ALL.iter().copied().map(Priv::Table).collect());
    let seqs = boxes(SeqPriv::ALL.iter().copied().map(Priv::Seq).collect());
    let schema = boxes(SchemaPriv::ALL.iter().copied().map(Priv::Schema).collect());
    let db = boxes(DbPriv::ALL.iter().copied().map(Priv::Db).collect());
    view! {
        <div class="gs-grid gs-grid-3 gs-custom">
            <fieldset class="gs-panel"><legend class="gs-panel-title">"Tables and views"</legend>{tables}
                {move || page.intent.with(|i| i.custom.tables.contains(&TablePriv::Trigger)).then(|| view! {
                    <p class="gs-note" data-testid="trigger-note">{crate::core::backend::postgres::trigger::NOTE}</p>
                })}
            </fieldset>
            <fieldset class="gs-panel"><legend class="gs-panel-title">"Sequences"</legend>{seqs}</fieldset>
            <fieldset class="gs-panel">
                <legend class="gs-panel-title">"Schema, database, functions"</legend>
                {schema}{db}
                {checkbox(page, "custom-functions-EXECUTE", "privileges", "EXECUTE on functions", |i| i.custom.functions, |i, on| i.custom.functions = on)}
                {checkbox(page, "custom-future", "privileges", "Also future objects (default privileges)", |i| i.custom.future, |i, on| i.custom.future = on)}
            </fieldset>
        </div>
    }
}
