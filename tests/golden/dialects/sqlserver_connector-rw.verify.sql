-- Verify the user: one row per expected permission, status 'ok' or 'MISSING'. Changes nothing.
USE [Sales];
SELECT e.permission_name, e.schema_name,
       CASE WHEN EXISTS (
         SELECT 1 FROM sys.database_permissions AS p
         JOIN sys.database_principals AS u ON u.principal_id = p.grantee_principal_id
         WHERE u.name = N'dagflux' AND p.state IN ('G', 'W') AND p.class = e.class
           AND p.permission_name = e.permission_name
           AND (e.class = 0 OR SCHEMA_NAME(p.major_id) = e.schema_name)
       ) THEN 'ok' ELSE 'MISSING' END AS status
FROM (VALUES
  (N'SELECT', N'dbo', 3),
  (N'INSERT', N'dbo', 3),
  (N'UPDATE', N'dbo', 3),
  (N'DELETE', N'dbo', 3),
  (N'ALTER', N'dbo', 3),
  (N'VIEW DEFINITION', N'dbo', 3),
  (N'SELECT', N'reporting', 3),
  (N'INSERT', N'reporting', 3),
  (N'UPDATE', N'reporting', 3),
  (N'DELETE', N'reporting', 3),
  (N'ALTER', N'reporting', 3),
  (N'VIEW DEFINITION', N'reporting', 3),
  (N'CREATE TABLE', NULL, 0),
  (N'CREATE VIEW', NULL, 0)
) AS e(permission_name, schema_name, class);
