-- Verify the grants: one row per dataset, status 'ok' or 'MISSING'. Changes nothing.
SELECT 'analytics' AS dataset, 'roles/bigquery.metadataViewer' AS role,
       IF(EXISTS(SELECT 1 FROM `my-project`.`region-us`.INFORMATION_SCHEMA.OBJECT_PRIVILEGES
                 WHERE object_name = 'analytics' AND privilege_type = 'roles/bigquery.metadataViewer' AND grantee = 'serviceAccount:dagflux@my-project.iam.gserviceaccount.com'), 'ok', 'MISSING') AS status
UNION ALL
SELECT 'marts' AS dataset, 'roles/bigquery.metadataViewer' AS role,
       IF(EXISTS(SELECT 1 FROM `my-project`.`region-us`.INFORMATION_SCHEMA.OBJECT_PRIVILEGES
                 WHERE object_name = 'marts' AND privilege_type = 'roles/bigquery.metadataViewer' AND grantee = 'serviceAccount:dagflux@my-project.iam.gserviceaccount.com'), 'ok', 'MISSING') AS status;
