//! MySQL and MariaDB: accounts are `'user'@'host'`, databases play PostgreSQL's
//! schemas, identifiers are quoted with backticks and, in a database-level GRANT, `_`
//! and `%` are wildcards unless escaped. The form is checked once (`checks`), and each
//! script is written from what the check returns (`setup`, `verify`, `uninstall`).

pub mod cdc;
mod checks;
pub mod guard;
mod rotate;
mod setup;
pub mod spec;
mod uninstall;
mod verify;

pub use checks::{MAX_DB, MAX_HOST, MAX_USER};
pub use spec::{FIELDS, SPEC};

pub use crate::core::quote::mysql::{Account, Comment, Ident, Str};

use crate::core::backend::rotation::WithRotation;
use crate::core::client::{write, Client};
use crate::core::intent::{Intent, Preset};
use crate::core::output::{Errors, Render, Scripts};

/// Privileges on each database, in `SHOW GRANTS` order.
pub fn privileges(preset: Preset) -> &'static [&'static str] {
    match preset {
        Preset::ReadWrite => &[
            "SELECT",
            "INSERT",
            "UPDATE",
            "DELETE",
            "CREATE",
            "SHOW VIEW",
        ],
        // Change data capture: the tool's first copy of the tables (its replication
        // privileges are global: `cdc::replication_privileges`).
        Preset::Cdc => &["SELECT"],
        // Not offered for MySQL: read-only.
        Preset::ReadOnly | Preset::Original | Preset::Metadata | Preset::Custom => {
            &["SELECT", "SHOW VIEW"]
        }
    }
}

/// Checks the form and, when every field is fine, writes the scripts and the
/// connection details (a `mysql://` URI by default).
pub(crate) fn build(i: &Intent, e: &mut Errors) -> Option<Box<dyn Render>> {
    let c = checks::check(i, e)?;
    let info = c.conn_info();
    let cdc = c.preset == Preset::Cdc;
    if cdc && !cfg!(feature = "cdc") {
        return None;
    }
    let steps = rotate::steps(&c);
    let scripts = Box::new(Scripts {
        conn: write(Client::MySqlUri, &info).unwrap_or_default(),
        setup: setup_script(&c),
        verify: if cdc {
            cdc::verify(&c)
        } else {
            verify::verify(&c)
        },
        uninstall: uninstall::uninstall(&c),
        conn_info: Some(info),
        forms: Vec::new(),
        inspect: None,
        drift: Some(setup::expect(&c)),
    });
    Some(Box::new(WithRotation {
        inner: scripts,
        steps,
    }))
}

/// The setup script of `c`'s preset (change data capture has its own), for setup and
/// for rotation's step 1 alike.
fn setup_script(c: &checks::Checked) -> String {
    if c.preset == Preset::Cdc {
        cdc::setup(c)
    } else {
        setup::setup(c)
    }
}
