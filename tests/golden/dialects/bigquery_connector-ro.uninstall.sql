-- Uninstall: revokes the dataset roles.
-- Then remove the project role and, if nothing else uses it, the service account:
--   gcloud projects remove-iam-policy-binding my-project --member=serviceAccount:dagflux@my-project.iam.gserviceaccount.com --role=roles/bigquery.jobUser
--   gcloud iam service-accounts delete dagflux@my-project.iam.gserviceaccount.com --project=my-project
REVOKE `roles/bigquery.dataViewer` ON SCHEMA `my-project`.`analytics` FROM 'serviceAccount:dagflux@my-project.iam.gserviceaccount.com';
REVOKE `roles/bigquery.dataViewer` ON SCHEMA `my-project`.`marts` FROM 'serviceAccount:dagflux@my-project.iam.gserviceaccount.com';
