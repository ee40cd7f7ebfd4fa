//! What the new user tries once setup has run, as itself (`SET SESSION
//! AUTHORIZATION`): read and write each stand-in object, and what the form promises
//! for each try. A probe runs inside a transaction the runner rolls back, so a write
//! that is allowed leaves nothing behind for uninstall.

use super::stand_in::{qualified, FUNCTION, LATER_TABLE, RLS_TABLE, ROWS, SEQUENCE, TABLE, VIEW};
use crate::core::intent::{Intent, Preset};
use crate::core::privileges::{DbPriv, Privileges, SchemaPriv, SeqPriv, TablePriv};
use crate::core::quote::pg::{Ident, Literal};

/// What a probe should find.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expect {
    /// The statement runs.
    Allowed,
    /// PostgreSQL refuses it (permission denied).
    Refused,
    /// It runs and returns one row whose first column is this count (rows seen
    /// through row-level security).
    Rows(u32),
}

impl Expect {
    /// The word the results table shows.
    pub fn as_str(self) -> &'static str {
        match self {
            Expect::Allowed => "allowed",
            Expect::Refused => "refused",
            Expect::Rows(_) => "rows",
        }
    }
}

/// One try: what it is, its SQL, and what the form promises.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Probe {
    /// For the reader: `read sales.dry_run_table`.
    pub label: String,
    /// The statement, run as the new user.
    pub sql: String,
    /// The promise.
    pub expect: Expect,
}

/// What the form's preset grants, as its renderer reads it (`presets::privileges`
/// for the presets, which this shared module may not import).
pub fn promised(i: &Intent) -> Privileges {
    match i.preset {
        Preset::Original => original(),
        Preset::Metadata => Privileges::metadata_sync(),
        Preset::ReadWrite => Privileges::connector_read_write(),
        Preset::ReadOnly => Privileges::connector_read_only(),
        Preset::Custom | Preset::Cdc => i.custom.clone(),
    }
}

/// What the original applet grants (its script, `original/setup.rs`): CONNECT, CREATE
/// and TEMP on the database; USAGE on each schema; SELECT and TRIGGER on tables;
/// USAGE and SELECT on sequences; EXECUTE on functions; the same for future objects of
/// the owner roles.
pub fn original() -> Privileges {
    Privileges {
        database: vec![DbPriv::Connect, DbPriv::Create, DbPriv::Temporary],
        schema: vec![SchemaPriv::Usage],
        tables: vec![TablePriv::Select, TablePriv::Trigger],
        sequences: vec![SeqPriv::Usage, SeqPriv::Select],
        functions: true,
        future: true,
    }
}

/// The probes for each schema in scope, then the schema left out (every try there is
/// refused). `policies`: the script adds SELECT policies on tables with RLS, so the
/// new user sees their rows; `later`: the owner made [`LATER_TABLE`] after setup.
pub fn probes(
    p: &Privileges,
    schemas: &[Ident],
    unlisted: &[Ident],
    rls: bool,
    policies: bool,
) -> Vec<Probe> {
    let mut v = Vec::new();
    for s in schemas {
        object_probes(&mut v, p, s, true, rls, policies);
    }
    for u in unlisted {
        object_probes(&mut v, p, u, false, false, false);
    }
    v
}

fn object_probes(
    v: &mut Vec<Probe>,
    p: &Privileges,
    s: &Ident,
    in_scope: bool,
    rls: bool,
    policies: bool,
) {
    let usage = in_scope && p.schema.contains(&SchemaPriv::Usage);
    let table = |t: TablePriv| usage && p.tables.contains(&t);
    let seq = |q: SeqPriv| usage && p.sequences.contains(&q);
    let yes = |b: bool| if b { Expect::Allowed } else { Expect::Refused };
    let (t, view, sq, f) = (
        qualified(s, TABLE),
        qualified(s, VIEW),
        qualified(s, SEQUENCE),
        qualified(s, FUNCTION),
    );
    let sq_lit = Literal::new(&sq).expect("quoted names hold no NUL");
    let mut add = |label: String, sql: String, expect: Expect| v.push(Probe { label, sql, expect });
    add(
        format!("read {t}"),
        format!("SELECT count(*) FROM {t}"),
        yes(table(TablePriv::Select)),
    );
    add(
        format!("insert into {t}"),
        format!("INSERT INTO {t} VALUES (100, 'probe')"),
        yes(table(TablePriv::Insert)),
    );
    add(
        format!("update {t}"),
        format!("UPDATE {t} SET note = 'probe'"),
        yes(table(TablePriv::Update)),
    );
    add(
        format!("delete from {t}"),
        format!("DELETE FROM {t}"),
        yes(table(TablePriv::Delete)),
    );
    add(
        format!("truncate {t}"),
        format!("TRUNCATE {t}"),
        yes(table(TablePriv::Truncate)),
    );
    add(
        format!("read {view}"),
        format!("SELECT count(*) FROM {view}"),
        yes(table(TablePriv::Select)),
    );
    add(
        format!("read {sq}"),
        format!("SELECT last_value FROM {sq}"),
        yes(seq(SeqPriv::Select)),
    );
    add(
        format!("nextval({sq})"),
        format!("SELECT nextval({sq_lit})"),
        yes(seq(SeqPriv::Usage) || seq(SeqPriv::Update)),
    );
    add(
        format!("call {f}()"),
        format!("SELECT {f}()"),
        yes(usage && p.functions),
    );
    let probe_table = qualified(s, "dry_run_probe");
    add(
        format!("create a table in {s}"),
        format!("CREATE TABLE {probe_table} (id int)"),
        yes(in_scope && p.schema.contains(&SchemaPriv::Create)),
    );
    if in_scope {
        let later = qualified(s, LATER_TABLE);
        add(
            format!("read {later}, made by the owner after setup"),
            format!("SELECT count(*) FROM {later}"),
            yes(table(TablePriv::Select) && p.future),
        );
    }
    if rls {
        let r = qualified(s, RLS_TABLE);
        let expect = match (table(TablePriv::Select), policies) {
            (false, _) => Expect::Refused,
            (true, true) => Expect::Rows(ROWS),
            (true, false) => Expect::Rows(0),
        };
        add(
            format!("rows of {r} seen through RLS"),
            format!("SELECT count(*) FROM {r}"),
            expect,
        );
    }
}
