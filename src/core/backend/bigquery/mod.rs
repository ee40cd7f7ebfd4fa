//! Google BigQuery: no users or passwords. A service account gets IAM roles on
//! datasets with `GRANT \`roles/…\` ON SCHEMA`; what SQL cannot do (creating the
//! service account, the project-level Job User role it needs to run queries) is given
//! as `gcloud` commands in comments.

mod inspect;
pub mod spec;

pub use spec::{FIELDS, SPEC};

use super::checks::{comments, list};
use crate::core::client::Client;
use crate::core::client_code::sqlalchemy_bigquery;
use crate::core::conn::percent_encode;
use crate::core::intent::{Field, Intent, Preset};
use crate::core::output::{Errors, Render, Scripts};
pub use crate::core::quote::bigquery::{Ident, Str};
use crate::core::text::js_trim;

/// The IAM role for `access` on each dataset.
pub fn role(preset: Preset) -> &'static str {
    match preset {
        Preset::ReadWrite => "roles/bigquery.dataEditor",
        Preset::Metadata => "roles/bigquery.metadataViewer",
        // Not offered for BigQuery: read-only.
        Preset::ReadOnly | Preset::Original | Preset::Custom => "roles/bigquery.dataViewer",
    }
}

/// Project IDs: 6–30 lower-case letters, digits and hyphens, starting with a letter,
/// optionally after a `domain:` prefix (older projects).
fn project(raw: &str) -> Result<String, String> {
    let t = js_trim(raw);
    if t.is_empty() {
        return Err("Enter the project ID".into());
    }
    let id = t.rsplit(':').next().unwrap_or(t);
    let prefix_ok = t[..t.len() - id.len()]
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'.' | b'-' | b':'));
    let b = id.as_bytes();
    let ok = (6..=30).contains(&b.len())
        && b[0].is_ascii_lowercase()
        && b[b.len() - 1] != b'-'
        && b.iter()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'-');
    if ok && prefix_ok {
        Ok(t.to_string())
    } else {
        Err(
            "A project ID has 6–30 lower-case letters, digits and hyphens and starts with a letter"
                .into(),
        )
    }
}

/// A service account's e-mail address (letters, digits, `-`, `_`, `.`, one `@`).
fn service_account(raw: &str) -> Result<String, String> {
    let t = js_trim(raw);
    if t.is_empty() {
        return Err("Enter the service account's e-mail address".into());
    }
    let ok = t.matches('@').count() == 1
        && !t.starts_with('@')
        && t.contains(".")
        && t.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'@'));
    if ok {
        Ok(t.to_string())
    } else {
        Err("Enter an e-mail address like name@project.iam.gserviceaccount.com".into())
    }
}

/// Dataset names: letters, digits and underscores, at most 1,024.
fn dataset(raw: &str) -> Result<Ident, String> {
    let ok = raw.len() <= 1024 && raw.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
    if ok {
        Ok(Ident::new(raw))
    } else {
        Err("Dataset names have only letters, digits and underscores".into())
    }
}

fn location(raw: &str) -> Result<String, String> {
    let t = match js_trim(raw) {
        "" => "US",
        t => t,
    };
    if t.len() <= 64 && t.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
        Ok(t.to_string())
    } else {
        Err("A location is a region name like US, EU or europe-west2".into())
    }
}

pub(crate) fn build(i: &Intent, e: &mut Errors) -> Option<Box<dyn Render>> {
    let proj = e.take(Field::Database, project(i.get(Field::Database)));
    let sa = e.take(Field::Role, service_account(i.get(Field::Role)));
    let sets = e.take(
        Field::Schemas,
        list(i.get(Field::Schemas), "", "dataset", dataset),
    );
    let loc = e.take(Field::Location, location(i.get(Field::Location)));
    let (proj, sa, sets, loc) = (proj?, sa?, sets?, loc?);
    let p = Ident::new(&proj);
    let member = Str::new(&format!("serviceAccount:{sa}"));
    let role = role(i.preset);

    let sa_name = sa.split('@').next().unwrap_or_default();
    let mut traps = vec![
        "SQL cannot create a service account or grant project roles. If the account does not exist yet:".to_string(),
        format!("  gcloud iam service-accounts create {sa_name} --project={proj}"),
        "Running queries (jobs) needs BigQuery Job User on the project:".to_string(),
        format!("  gcloud projects add-iam-policy-binding {proj} --member=serviceAccount:{sa} --role=roles/bigquery.jobUser"),
    ];
    if i.preset == Preset::ReadWrite {
        traps.push("Data Editor on a dataset also lets the account delete its tables and change the data of any table in it.".into());
    }
    if i.preset != Preset::ReadWrite {
        traps.push(format!("If the read/write script ran for this account before, also run REVOKE {} ON SCHEMA … FROM the account for each dataset (not done here: revoking a role that was never granted may fail).", Ident::new(self::role(Preset::ReadWrite))));
    }
    if i.preset == Preset::Metadata {
        traps.push("Metadata Viewer reads schemas and table metadata, not rows: profiling that reads data needs Data Viewer.".into());
    }
    traps.push("Grants can take a few minutes to take effect.".into());
    let mut sql = format!(
        "-- {} access for a BigQuery service account, made by Grantsmith. Safe to re-run.\n",
        match i.preset {
            Preset::ReadWrite => "Read/write",
            Preset::Metadata => "Metadata",
            Preset::ReadOnly | Preset::Original | Preset::Custom => "Read-only",
        }
    );
    comments(&mut sql, &traps);
    for d in &sets {
        sql.push_str(&format!(
            "GRANT {} ON SCHEMA {p}.{d} TO {member};\n",
            Ident::new(role)
        ));
    }
    let rows: Vec<String> = sets
        .iter()
        .map(|d| {
            format!(
                "SELECT {ds} AS dataset, {r} AS role,\n       IF(EXISTS(SELECT 1 FROM {p}.{region}.INFORMATION_SCHEMA.OBJECT_PRIVILEGES\n                 WHERE object_name = {ds} AND privilege_type = {r} AND grantee = {member}), 'ok', 'MISSING') AS status",
                ds = Str::new(d.raw()),
                r = Str::new(role),
                region = Ident::new(&format!("region-{}", loc.to_ascii_lowercase())),
            )
        })
        .collect();
    let verify = format!(
        "-- Verify the grants: one row per dataset, status 'ok' or 'MISSING'. Changes nothing.\n{};\n",
        rows.join("\nUNION ALL\n")
    );
    let mut uninstall = String::from("-- Uninstall: revokes the dataset roles.\n");
    comments(
        &mut uninstall,
        &[
            "Then remove the project role and, if nothing else uses it, the service account:".into(),
            format!("  gcloud projects remove-iam-policy-binding {proj} --member=serviceAccount:{sa} --role=roles/bigquery.jobUser"),
            format!("  gcloud iam service-accounts delete {sa} --project={proj}"),
        ],
    );
    for d in &sets {
        uninstall.push_str(&format!(
            "REVOKE {} ON SCHEMA {p}.{d} FROM {member};\n",
            Ident::new(role)
        ));
    }
    let code = sqlalchemy_bigquery(&proj, sets[0].raw(), &loc);
    // SQLAlchemy reads `host:port` in a URL: a domain-scoped project has no URL form.
    let uri = if proj.contains(':') {
        Err(format!("The domain-scoped project {proj} cannot go in a bigquery:// URL (the colon would be read as a port): use the SQLAlchemy form"))
    } else {
        Ok(format!(
            "bigquery://{}/{}?location={}",
            percent_encode(&proj),
            percent_encode(sets[0].raw()),
            percent_encode(&loc)
        ))
    };
    Some(Box::new(Scripts {
        setup: sql,
        verify,
        uninstall,
        conn: code.clone(),
        conn_info: None,
        forms: vec![
            (Client::SqlAlchemyBigQuery, Ok(code)),
            (Client::BigQueryUri, uri),
        ],
        drift: None,
        inspect: Some(inspect::inspect_sql(
            &member.to_string(),
            &format!(
                "{p}.{}",
                Ident::new(&format!("region-{}", loc.to_ascii_lowercase()))
            ),
        )),
    }))
}
