-- Metadata access for a BigQuery service account, made by Grantsmith. Safe to re-run.
-- SQL cannot create a service account or grant project roles. If the account does not exist yet:
--   gcloud iam service-accounts create dagflux --project=my-project
-- Running queries (jobs) needs BigQuery Job User on the project:
--   gcloud projects add-iam-policy-binding my-project --member=serviceAccount:dagflux@my-project.iam.gserviceaccount.com --role=roles/bigquery.jobUser
-- If the read/write script ran for this account before, also run REVOKE `roles/bigquery.dataEditor` ON SCHEMA … FROM the account for each dataset (not done here: revoking a role that was never granted may fail).
-- Metadata Viewer reads schemas and table metadata, not rows: profiling that reads data needs Data Viewer.
-- Grants can take a few minutes to take effect.
GRANT `roles/bigquery.metadataViewer` ON SCHEMA `my-project`.`analytics` TO 'serviceAccount:dagflux@my-project.iam.gserviceaccount.com';
GRANT `roles/bigquery.metadataViewer` ON SCHEMA `my-project`.`marts` TO 'serviceAccount:dagflux@my-project.iam.gserviceaccount.com';
