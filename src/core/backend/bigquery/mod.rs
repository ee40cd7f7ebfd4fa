//! Google BigQuery: no users or passwords. A service account gets IAM roles on
//! datasets with `GRANT \`roles/…\` ON SCHEMA`; what SQL cannot do (creating the
//! service account, the project-level Job User role it needs to run queries) is given
//! as `gcloud` commands in comments. The form is checked once (`checks`), and each
//! script is written from what the check returns (`setup`, `verify`, `uninstall`,
//! `inspect`).

mod checks;
mod inspect;
mod setup;
pub mod spec;
mod uninstall;
mod verify;

pub use spec::{FIELDS, SPEC};

use crate::core::client::Client;
use crate::core::client_code::sqlalchemy_bigquery;
use crate::core::conn::percent_encode;
use crate::core::intent::{Intent, Preset};
use crate::core::output::{Errors, Render, Scripts};
pub use crate::core::quote::bigquery::{Ident, Str};
use checks::Checked;

/// The IAM role for `access` on each dataset.
pub fn role(preset: Preset) -> &'static str {
    match preset {
        Preset::ReadWrite => "roles/bigquery.dataEditor",
        Preset::Metadata => "roles/bigquery.metadataViewer",
        // Not offered for BigQuery: read-only.
        Preset::ReadOnly | Preset::Original | Preset::Custom | Preset::Cdc => {
            "roles/bigquery.dataViewer"
        }
    }
}

/// The `bigquery://` URL of the first dataset. SQLAlchemy reads `host:port` in a URL:
/// a domain-scoped project has no URL form.
fn uri(c: &Checked) -> Result<String, String> {
    let proj = &c.proj;
    if proj.contains(':') {
        Err(format!("The domain-scoped project {proj} cannot go in a bigquery:// URL (the colon would be read as a port): use the SQLAlchemy form"))
    } else {
        Ok(format!(
            "bigquery://{}/{}?location={}",
            percent_encode(proj),
            percent_encode(c.sets[0].raw()),
            percent_encode(&c.loc)
        ))
    }
}

/// Checks the form and, when every field is fine, writes the scripts and the clients'
/// forms (SQLAlchemy's by default); a service account has no password, so there are no
/// connection details for the generic forms.
pub(crate) fn build(i: &Intent, e: &mut Errors) -> Option<Box<dyn Render>> {
    let c = checks::check(i, e)?;
    let code = sqlalchemy_bigquery(&c.proj, c.sets[0].raw(), &c.loc);
    Some(Box::new(Scripts {
        setup: setup::setup(&c),
        verify: verify::verify(&c),
        uninstall: uninstall::uninstall(&c),
        conn: code.clone(),
        conn_info: None,
        forms: vec![
            (Client::SqlAlchemyBigQuery, Ok(code)),
            (Client::BigQueryUri, uri(&c)),
        ],
        drift: None,
        inspect: Some(inspect::inspect_sql(
            &c.member.to_string(),
            &format!("{}.{}", c.p, c.region),
        )),
    }))
}
