-- Verify the change-data-capture login: a pre-flight check, one row each, pass or FAIL. Changes nothing.
USE [Sales];
DECLARE @gated TABLE (object_id int PRIMARY KEY);
IF SCHEMA_ID(N'cdc') IS NOT NULL
    INSERT INTO @gated SELECT source_object_id FROM cdc.change_tables WHERE role_name = N'dagflux_cdc';
SELECT e.item, e.object, CASE WHEN e.ok = 1 THEN N'pass' ELSE N'FAIL' END AS result
FROM (
  SELECT 1, N'CDC on for the database', DB_NAME(), CASE WHEN (SELECT is_cdc_enabled FROM sys.databases WHERE database_id = DB_ID()) = 1 THEN 1 ELSE 0 END
  UNION ALL
  SELECT 2, N'user in the gating role', N'dagflux_cdc', CASE WHEN IS_ROLEMEMBER(N'dagflux_cdc', N'dagflux') = 1 THEN 1 ELSE 0 END
  UNION ALL
  SELECT 3, N'SELECT on schema cdc', N'cdc', CASE WHEN EXISTS (SELECT 1 FROM sys.database_permissions AS p WHERE p.class = 3 AND p.major_id = SCHEMA_ID(N'cdc') AND p.minor_id = 0 AND p.grantee_principal_id = DATABASE_PRINCIPAL_ID(N'dagflux') AND p.permission_name = N'SELECT' AND p.state IN ('G', 'W')) THEN 1 ELSE 0 END
  UNION ALL
  SELECT 4, N'table captured under the gating role', N'[dbo].[orders]', CASE WHEN EXISTS (SELECT 1 FROM @gated WHERE object_id = OBJECT_ID(N'[dbo].[orders]')) THEN 1 ELSE 0 END
  UNION ALL
  SELECT 5, N'SELECT on the table', N'[dbo].[orders]', CASE WHEN EXISTS (SELECT 1 FROM sys.database_permissions AS p WHERE p.class = 1 AND p.major_id = OBJECT_ID(N'[dbo].[orders]') AND p.minor_id = 0 AND p.grantee_principal_id = DATABASE_PRINCIPAL_ID(N'dagflux') AND p.permission_name = N'SELECT' AND p.state IN ('G', 'W')) THEN 1 ELSE 0 END
  UNION ALL
  SELECT 4, N'table captured under the gating role', N'[reporting].[line items]', CASE WHEN EXISTS (SELECT 1 FROM @gated WHERE object_id = OBJECT_ID(N'[reporting].[line items]')) THEN 1 ELSE 0 END
  UNION ALL
  SELECT 5, N'SELECT on the table', N'[reporting].[line items]', CASE WHEN EXISTS (SELECT 1 FROM sys.database_permissions AS p WHERE p.class = 1 AND p.major_id = OBJECT_ID(N'[reporting].[line items]') AND p.minor_id = 0 AND p.grantee_principal_id = DATABASE_PRINCIPAL_ID(N'dagflux') AND p.permission_name = N'SELECT' AND p.state IN ('G', 'W')) THEN 1 ELSE 0 END
) AS e(ord, item, object, ok)
ORDER BY e.ord, e.object;
