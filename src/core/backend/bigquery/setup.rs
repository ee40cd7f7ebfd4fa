//! BigQuery's setup script: what SQL cannot do (the service account, its project role)
//! as `gcloud` commands in comments, with the other traps, then the dataset grants.

use super::checks::Checked;
use super::{role, Ident};
use crate::core::backend::checks::comments;
use crate::core::intent::Preset;

/// The comment lines at the top of the setup: the `gcloud` steps SQL cannot take, and
/// what could surprise whoever runs it.
fn traps(c: &Checked) -> Vec<String> {
    let (proj, sa) = (&c.proj, &c.sa);
    let sa_name = sa.split('@').next().unwrap_or_default();
    let mut traps = vec![
        "SQL cannot create a service account or grant project roles. If the account does not exist yet:".to_string(),
        format!("  gcloud iam service-accounts create {sa_name} --project={proj}"),
        "Running queries (jobs) needs BigQuery Job User on the project:".to_string(),
        format!("  gcloud projects add-iam-policy-binding {proj} --member=serviceAccount:{sa} --role=roles/bigquery.jobUser"),
    ];
    if c.preset == Preset::ReadWrite {
        traps.push("Data Editor on a dataset also lets the account delete its tables and change the data of any table in it.".into());
    }
    if c.preset != Preset::ReadWrite {
        traps.push(format!("If the read/write script ran for this account before, also run REVOKE {} ON SCHEMA … FROM the account for each dataset (not done here: revoking a role that was never granted may fail).", Ident::new(role(Preset::ReadWrite))));
    }
    if c.preset == Preset::Metadata {
        traps.push("Metadata Viewer reads schemas and table metadata, not rows: profiling that reads data needs Data Viewer.".into());
    }
    traps.push("Grants can take a few minutes to take effect.".into());
    traps
}

/// The setup script: safe to re-run, it grants the preset's IAM role on each dataset.
pub(super) fn setup(c: &Checked) -> String {
    let (p, member) = (&c.p, &c.member);
    let mut sql = format!(
        "-- {} access for a BigQuery service account, made by Grantsmith. Safe to re-run.\n",
        match c.preset {
            Preset::ReadWrite => "Read/write",
            Preset::Metadata => "Metadata",
            Preset::ReadOnly | Preset::Original | Preset::Custom | Preset::Cdc => "Read-only",
        }
    );
    comments(&mut sql, &traps(c));
    for d in &c.sets {
        sql.push_str(&format!(
            "GRANT {} ON SCHEMA {p}.{d} TO {member};\n",
            Ident::new(c.role)
        ));
    }
    sql
}
