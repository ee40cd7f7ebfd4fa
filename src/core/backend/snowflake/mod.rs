//! Snowflake: privileges go to a role, the role to the user; the user needs USAGE on a
//! warehouse to run anything; FUTURE grants cover objects created later. Unquoted
//! names fold to upper case, so a plain name typed here means its upper-case object.
//! The form is checked once (`checks`), and each script is written from what the
//! check returns (`setup`, `verify`, `uninstall`, `inspect`).

mod checks;
pub mod guard;
mod inspect;
pub mod key;
pub mod key_file;
mod rotate;
mod setup;
pub mod spec;
mod uninstall;
mod verify;

pub use checks::MAX_NAME;
pub use spec::{FIELDS, SPEC};

use crate::core::backend::rotation::{WithRotation, Writer};
use crate::core::client::Client;
use crate::core::client_code::{jdbc_snowflake, snowflake_connector, snowflake_sqlalchemy};
use crate::core::intent::{Intent, Preset};
use crate::core::output::{Errors, Render, Scripts};
pub use crate::core::quote::snowflake::{Ident, Str};

/// Stands for the public key until one is pasted: not SQL, so the script stops there.
pub const KEY_PLACEHOLDER: &str = "[[REPLACE_WITH_PUBLIC_KEY]]";

/// Privileges on the schema itself, and on its tables and views (setup grants them,
/// verify looks for those on the schema).
fn privileges(preset: Preset) -> (&'static str, &'static str, &'static str) {
    match preset {
        Preset::ReadWrite => (
            "USAGE, CREATE TABLE, CREATE VIEW",
            "SELECT, INSERT, UPDATE, DELETE, TRUNCATE",
            "SELECT",
        ),
        // Not offered for Snowflake: read-only.
        Preset::ReadOnly | Preset::Original | Preset::Metadata | Preset::Custom | Preset::Cdc => {
            ("USAGE", "SELECT", "SELECT")
        }
    }
}

/// Checks the form and, when every field is fine, writes the scripts and the clients'
/// forms (the Python connector's by default); Snowflake signs in with a key pair, so
/// there are no connection details for the generic forms.
pub(crate) fn build(i: &Intent, e: &mut Errors) -> Option<Box<dyn Render>> {
    let c = checks::check(i, e)?;
    let login = c.login();
    let conn = snowflake_connector(&login);
    // Written for the pasted key; cheap, so written now.
    let steps = c.key.clone().map(|k| {
        let (a, b) = (rotate::rotate(&c, &k), rotate::retire(&c, &k));
        [
            Box::new(move || a.clone()) as Writer,
            Box::new(move || b.clone()) as Writer,
        ]
    });
    let scripts = Box::new(Scripts {
        setup: setup::setup(&c),
        verify: verify::verify(&c),
        uninstall: uninstall::uninstall(&c),
        forms: vec![
            (Client::SnowflakeConnector, Ok(conn.clone())),
            (
                Client::SqlAlchemySnowflake,
                Ok(snowflake_sqlalchemy(&login)),
            ),
            (Client::JdbcSnowflake, Ok(jdbc_snowflake(&login))),
        ],
        conn,
        conn_info: None,
        drift: None,
        inspect: Some(inspect::inspect_sql(
            &c.user.to_string(),
            &c.role.to_string(),
            &Str::new(c.user.stored()).to_string(),
        )),
    });
    Some(Box::new(WithRotation {
        inner: scripts,
        steps,
    }))
}
