//! BigQuery's verify query: the role on each dataset, found or missing.

use super::checks::Checked;
use super::Str;

/// The verify query: one row per dataset, `ok` or `MISSING`, read from the region's
/// `OBJECT_PRIVILEGES`. It changes nothing.
pub(super) fn verify(c: &Checked) -> String {
    let (p, member, region) = (&c.p, &c.member, &c.region);
    let rows: Vec<String> = c
        .sets
        .iter()
        .map(|d| {
            format!(
                "SELECT {ds} AS dataset, {r} AS role,\n       IF(EXISTS(SELECT 1 FROM {p}.{region}.INFORMATION_SCHEMA.OBJECT_PRIVILEGES\n                 WHERE object_name = {ds} AND privilege_type = {r} AND grantee = {member}), 'ok', 'MISSING') AS status",
                ds = Str::new(d.raw()),
                r = Str::new(c.role),
            )
        })
        .collect();
    format!(
        "-- Verify the grants: one row per dataset, status 'ok' or 'MISSING'. Changes nothing.\n{};\n",
        rows.join("\nUNION ALL\n")
    )
}
