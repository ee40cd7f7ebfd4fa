//! BigQuery's inspect query (parsed only: no such server runs here).

use crate::core::backend::inspect_lines::Syntax;

/// BigQuery (run with `bq query --use_legacy_sql=false --format=csv`, then drop the
/// header line): the roles the member holds on datasets, tables and views of the region
/// (`region`: `project`.`region-us`, quoted).
pub fn inspect_sql(member: &str, region: &str) -> String {
    let s = Syntax {
        chr: "CODE_POINTS_TO_STRING([{}])",
        pipes: false,
        text: "CAST({} AS STRING)",
    };
    let facts = [format!(
        "SELECT {} FROM {region}.INFORMATION_SCHEMA.OBJECT_PRIVILEGES WHERE grantee = {member}",
        s.line(&[
            "'grant'",
            "object_type",
            "object_schema",
            "object_name",
            "privilege_type"
        ])
    )];
    s.query(
        "-- Everything the service account holds on this region's datasets, one line per\n-- fact (tab-separated fields). Read-only: bq query --use_legacy_sql=false --format=csv,\n-- without its first line (the column name).\n",
        &[member, "@@project_id", "'exists'", "SESSION_USER()", "'bigquery'"],
        &facts,
    )
}
