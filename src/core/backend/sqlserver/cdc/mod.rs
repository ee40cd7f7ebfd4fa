//! Change data capture on SQL Server (parsed only: no SQL Server runs in the tests):
//! CDC turned on for the database and for each listed table, each capture gated by a
//! role named after the login, the login's user a member of that role with SELECT on
//! the tables and on the `cdc` schema (where the change functions live); verify as a
//! pre-flight check; an uninstall that stops the captures this setup made.
//!
//! Sources (Microsoft Learn): "Enable and disable change data capture"
//! (`sys.sp_cdc_enable_db` needs sysadmin, or db_owner on Azure SQL Database;
//! `sys.sp_cdc_enable_table` needs db_owner; SQL Server Agent runs the capture jobs);
//! "sys.sp_cdc_enable_table" (`@role_name`: the gating role, made if missing; a caller
//! reads changes only as its member with SELECT on the captured columns);
//! "sys.sp_cdc_disable_table"; "About change data capture" (editions). Amazon RDS for
//! SQL Server: "Using change data capture" (`msdb.dbo.rds_cdc_enable_db`, as the master
//! user, who is no sysadmin there).

mod setup;
pub mod spec;
mod uninstall;
mod verify;

use super::checks::Checked;
use super::{Ident, NStr, MAX_NAME};
use crate::core::backend::checks::list;
use crate::core::intent::{Field, Intent};
use crate::core::output::Errors;
use crate::core::provider::Provider;

/// A captured table: its schema and name as SQL Server stores them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// Its schema.
    pub schema: Ident,
    /// Its name.
    pub name: Ident,
}

impl Table {
    /// `[schema].[table]`, for statements.
    fn sql(&self) -> String {
        format!("{}.{}", self.schema, self.name)
    }

    /// `N'[schema].[table]'`, for `OBJECT_ID`.
    fn object(&self) -> NStr {
        NStr::new(&self.sql())
    }
}

/// One part of `schema.table`: `[…]` with `]]` for a `]` (a name with a dot), or the
/// text up to the dot. Returns the part and the rest.
fn part(s: &str) -> Result<(String, &str), String> {
    let Some(inner) = s.strip_prefix('[') else {
        let end = s.find('.').unwrap_or(s.len());
        return Ok((s[..end].trim().to_string(), &s[end..]));
    };
    let mut out = String::new();
    let mut rest = inner;
    loop {
        let close = rest.find(']').ok_or("A [ is not closed")?;
        out.push_str(&rest[..close]);
        rest = &rest[close + 1..];
        match rest.strip_prefix(']') {
            Some(r) => {
                out.push(']');
                rest = r;
            }
            None => return Ok((out, rest.trim_start())),
        }
    }
}

/// A `schema.table` item, each part a `sysname`.
fn table(item: &str) -> Result<Table, String> {
    let (schema, rest) = part(item)?;
    let rest = rest
        .strip_prefix('.')
        .ok_or("Name the table as schema.table (dbo.orders)")?;
    let (name, tail) = part(rest.trim_start())?;
    if !tail.trim().is_empty() {
        return Err(
            "Name the table as schema.table, one dot (put a name with a dot in [ ])".into(),
        );
    }
    for p in [&schema, &name] {
        crate::core::backend::checks::name(
            p,
            "table as schema.table",
            MAX_NAME,
            false,
            "SQL Server",
        )?;
    }
    Ok(Table {
        schema: Ident::new(&schema),
        name: Ident::new(&name),
    })
}

/// A checked change-data-capture request.
pub(super) struct Cdc {
    /// The login and user, the database, the password: as every preset's.
    pub(super) c: Checked,
    /// The tables to capture, each once.
    pub(super) tables: Vec<Table>,
    /// The gating role, named after the login.
    pub(super) role: Ident,
    /// Amazon RDS: CDC is turned on for the database by its own procedure.
    pub(super) rds: bool,
}

/// Checks the CDC form's own field (the tables) and the gating role's name.
pub(super) fn check(i: &Intent, c: Option<Checked>, e: &mut Errors) -> Option<Cdc> {
    let tables = e.take(
        Field::Tables,
        list(i.get(Field::Tables), "", "table", table),
    );
    // The same table written two ways (dbo.t, [dbo].t) once.
    let tables = tables.map(|all| {
        let mut v: Vec<Table> = Vec::new();
        for t in all {
            if !v.contains(&t) {
                v.push(t);
            }
        }
        v
    });
    let c = c?;
    let role = format!("{}_cdc", c.user);
    if role.chars().count() > MAX_NAME {
        e.add(
            Field::Role,
            format!(
                "Too long for its gating role ({role}): SQL Server allows {MAX_NAME} characters"
            ),
        );
        return None;
    }
    let rds = Provider::of_host(&c.host) == Some(Provider::Rds);
    Some(Cdc {
        tables: tables?,
        role: Ident::new(&role),
        rds,
        c,
    })
}

/// The four scripts: setup, verify, uninstall, and the preset's inspect query.
pub(super) fn scripts(cdc: &Cdc, inspect: String) -> [String; 4] {
    [cdc.setup(), cdc.verify(), cdc.uninstall(), inspect]
}
