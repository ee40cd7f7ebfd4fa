//! Microsoft SQL Server (and Azure SQL): a server login plus a database user for it,
//! identifiers in `[…]` with `]` doubled, Unicode strings `N'…'`, permissions on whole
//! schemas (`ON SCHEMA::[dbo]`), which also cover tables created later. The form is
//! checked once (`checks`), and each script is written from what the check returns
//! (`setup`, `verify`, `uninstall`, `inspect`).

pub mod cdc;
mod checks;
pub mod guard;
mod inspect;
mod setup;
pub mod spec;
mod uninstall;
mod verify;

pub use checks::MAX_NAME;
pub use spec::{FIELDS, SPEC};

use crate::core::client::Client;
use crate::core::intent::{Intent, Preset};
use crate::core::output::{Errors, Render, Scripts};
pub use crate::core::quote::sqlserver::{ConnValue, Ident, NStr};

/// The permissions for `access`: on each schema, and on the database (setup grants
/// them, verify looks for them).
fn permissions(preset: Preset) -> (&'static [&'static str], &'static [&'static str]) {
    match preset {
        Preset::ReadWrite => (
            &[
                "SELECT",
                "INSERT",
                "UPDATE",
                "DELETE",
                "ALTER",
                "VIEW DEFINITION",
            ],
            &["CREATE TABLE", "CREATE VIEW"],
        ),
        // Not offered for SQL Server: read-only.
        Preset::ReadOnly | Preset::Original | Preset::Metadata | Preset::Custom | Preset::Cdc => {
            (&["SELECT", "VIEW DEFINITION"], &[])
        }
    }
}

/// Checks the form and, when every field is fine, writes the scripts and the
/// connection details (ADO.NET's form by default).
pub(crate) fn build(i: &Intent, e: &mut Errors) -> Option<Box<dyn Render>> {
    if i.preset == Preset::Cdc {
        if !cfg!(feature = "cdc") {
            return None;
        }
        let c = checks::check(i, e);
        let cdc = cdc::check(i, c, e)?;
        let inspect = inspect::inspect_sql(
            &cdc.c.user_ident.literal().to_string(),
            &cdc.c.db_ident.to_string(),
        );
        let info = cdc.c.conn_info();
        return Scripts::with_clients(cdc::scripts(&cdc, inspect), info, Client::AdoNet);
    }
    let c = checks::check(i, e)?;
    let inspect =
        inspect::inspect_sql(&c.user_ident.literal().to_string(), &c.db_ident.to_string());
    let scripts = [
        setup::setup(&c),
        verify::verify(&c),
        uninstall::uninstall(&c),
        inspect,
    ];
    Scripts::with_clients(scripts, c.conn_info(), Client::AdoNet)
}
