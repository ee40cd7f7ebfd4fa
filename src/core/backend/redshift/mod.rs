//! Amazon Redshift: PostgreSQL-like syntax with its own limits. No CONNECT privilege
//! (every user can connect to every database of the cluster), no sequences, default
//! privileges only for objects created by the users named in `FOR USER`, identifiers
//! folded to lower case, and password rules checked by the server. The form is checked
//! once (`checks`), and each script is written from what the check returns (`setup`,
//! `verify`, `uninstall`, `inspect`).

mod checks;
mod inspect;
mod setup;
pub mod spec;
mod uninstall;
mod verify;

pub use checks::MAX_IDENT_BYTES;
pub use spec::{FIELDS, SPEC};

use crate::core::client::Client;
use crate::core::intent::{Intent, Preset};
use crate::core::output::{Errors, Render, Scripts};
pub use crate::core::quote::redshift::{Ident, Str};

/// Privileges on each schema and on its tables (setup grants them, verify looks for
/// them).
fn privileges(preset: Preset) -> (&'static str, &'static str) {
    match preset {
        Preset::ReadWrite => ("USAGE, CREATE", "SELECT, INSERT, UPDATE, DELETE"),
        // Not offered for Redshift: read-only.
        Preset::ReadOnly | Preset::Original | Preset::Metadata | Preset::Custom | Preset::Cdc => {
            ("USAGE", "SELECT")
        }
    }
}

/// Checks the form and, when every field is fine, writes the scripts and the
/// connection details (a `postgresql://` URI by default).
pub(crate) fn build(i: &Intent, e: &mut Errors) -> Option<Box<dyn Render>> {
    let c = checks::check(i, e)?;
    let inspect = inspect::inspect_sql(&c.user.literal().to_string());
    let scripts = [
        setup::setup(&c),
        verify::verify(&c),
        uninstall::uninstall(&c),
        inspect,
    ];
    Scripts::with_clients(scripts, c.conn_info(), Client::Uri)
}
