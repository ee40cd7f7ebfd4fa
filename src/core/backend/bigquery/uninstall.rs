//! BigQuery's uninstall script: the dataset roles revoked, and the `gcloud` commands
//! that undo what SQL cannot.

use super::checks::Checked;
use super::Ident;
use crate::core::backend::checks::comments;

/// The uninstall script: the project role and the service account are left to
/// `gcloud` (in comments, since something else may use them); the dataset roles are
/// revoked.
pub(super) fn uninstall(c: &Checked) -> String {
    let (proj, sa, p, member) = (&c.proj, &c.sa, &c.p, &c.member);
    let mut uninstall = String::from("-- Uninstall: revokes the dataset roles.\n");
    comments(
        &mut uninstall,
        &[
            "Then remove the project role and, if nothing else uses it, the service account:".into(),
            format!("  gcloud projects remove-iam-policy-binding {proj} --member=serviceAccount:{sa} --role=roles/bigquery.jobUser"),
            format!("  gcloud iam service-accounts delete {sa} --project={proj}"),
        ],
    );
    for d in &c.sets {
        uninstall.push_str(&format!(
            "REVOKE {} ON SCHEMA {p}.{d} FROM {member};\n",
            Ident::new(c.role)
        ));
    }
    uninstall
}
