-- Change-data-capture login for SQL Server, made by Grantsmith: CDC on for the database and each
-- listed table, read through a gating role. Run as a member of sysadmin (sys.sp_cdc_enable_db needs it;
-- on Azure SQL Database db_owner; on Amazon RDS the master user). Safe to re-run.
-- SQL Server Agent runs the capture and cleanup jobs: it must be running (Azure SQL Database runs them itself). CDC needs Enterprise, Standard or Developer edition (not Express).
-- A table's capture is made once: one already captured under another role stays so, and verify names it.
-- No password typed: replace [[REPLACE_WITH_PASSWORD]] with one in quotes (N'…'); as written, it stops with a syntax error before creating anything.
-- Azure SQL Database has no USE: run the part before the first GO connected to master and the rest connected to the database (or make a contained user there: CREATE USER … WITH PASSWORD).
-- CHECK_POLICY = ON applies the Windows password policy: a short password makes CREATE LOGIN fail.
-- Checks first: stops here, changing nothing, when the database is missing or the login exists
-- but was not made by a Grantsmith setup script (its user carries the extended property Grantsmith).
USE [master];
IF DB_ID(N'Sales') IS NULL
BEGIN
    RAISERROR (N'Database %s does not exist on this server: nothing changed.', 16, 1, N'Sales');
    SET NOEXEC ON;
END
GO
USE [Sales];
IF EXISTS (SELECT 1 FROM sys.server_principals WHERE name = N'dagflux')
   AND (IS_SRVROLEMEMBER(N'sysadmin', N'dagflux') = 1 OR NOT EXISTS (
        SELECT 1 FROM sys.extended_properties AS ep
        JOIN sys.database_principals AS dp ON ep.class = 4 AND ep.major_id = dp.principal_id
        WHERE dp.name = N'dagflux' AND ep.name = N'Grantsmith'))
BEGIN
    RAISERROR (N'Login %s exists and was not made by a Grantsmith setup script: nothing changed. Pick another name, or mark this integration''s own user first: EXEC sys.sp_addextendedproperty @name = N''Grantsmith'', @value = N''adopted'', @level0type = N''USER'', @level0name = <its name>;', 16, 1, N'dagflux');
    SET NOEXEC ON;
END
GO
-- Each table must exist, and the gating role's name be free or this user's own role: else it stops
-- here, changing nothing.
IF OBJECT_ID(N'[dbo].[orders]', N'U') IS NULL
BEGIN
    RAISERROR (N'Table %s does not exist in this database: nothing changed.', 16, 1, N'[dbo].[orders]');
    SET NOEXEC ON;
END
GO
IF OBJECT_ID(N'[reporting].[line items]', N'U') IS NULL
BEGIN
    RAISERROR (N'Table %s does not exist in this database: nothing changed.', 16, 1, N'[reporting].[line items]');
    SET NOEXEC ON;
END
GO
IF EXISTS (SELECT 1 FROM sys.database_principals WHERE name = N'dagflux_cdc' AND type <> 'R')
   OR EXISTS (SELECT 1 FROM sys.database_role_members AS m
              JOIN sys.database_principals AS g ON g.principal_id = m.role_principal_id
              JOIN sys.database_principals AS p ON p.principal_id = m.member_principal_id
              WHERE g.name = N'dagflux_cdc' AND p.name <> N'dagflux')
BEGIN
    RAISERROR (N'%s exists and is not only this user''s gating role: nothing changed. Pick another login name.', 16, 1, N'dagflux_cdc');
    SET NOEXEC ON;
END
GO
USE [master];
IF NOT EXISTS (SELECT 1 FROM sys.server_principals WHERE name = N'dagflux')
    CREATE LOGIN [dagflux] WITH PASSWORD = [[REPLACE_WITH_PASSWORD]], CHECK_POLICY = ON
ELSE
    ALTER LOGIN [dagflux] WITH PASSWORD = [[REPLACE_WITH_PASSWORD]];
GO
USE [Sales];
IF NOT EXISTS (SELECT 1 FROM sys.database_principals WHERE name = N'dagflux')
    CREATE USER [dagflux] FOR LOGIN [dagflux] WITH DEFAULT_SCHEMA = [dbo];
IF NOT EXISTS (SELECT 1 FROM sys.extended_properties WHERE class = 4 AND major_id = USER_ID(N'dagflux') AND name = N'Grantsmith')
    EXEC sys.sp_addextendedproperty @name = N'Grantsmith', @value = N'made by its setup script', @level0type = N'USER', @level0name = N'dagflux';
GO
-- CDC on for the database (once: it makes the schema cdc and the capture jobs)
IF (SELECT is_cdc_enabled FROM sys.databases WHERE database_id = DB_ID()) = 0
    EXEC sys.sp_cdc_enable_db;
GO
-- The gating role: only its members read the captured changes
IF DATABASE_PRINCIPAL_ID(N'dagflux_cdc') IS NULL
    CREATE ROLE [dagflux_cdc];
IF IS_ROLEMEMBER(N'dagflux_cdc', N'dagflux') = 0
    ALTER ROLE [dagflux_cdc] ADD MEMBER [dagflux];
GO
-- Each table captured once, under the gating role
IF NOT EXISTS (SELECT 1 FROM sys.tables WHERE object_id = OBJECT_ID(N'[dbo].[orders]') AND is_tracked_by_cdc = 1)
    EXEC sys.sp_cdc_enable_table @source_schema = N'dbo', @source_name = N'orders', @role_name = N'dagflux_cdc';
GO
IF NOT EXISTS (SELECT 1 FROM sys.tables WHERE object_id = OBJECT_ID(N'[reporting].[line items]') AND is_tracked_by_cdc = 1)
    EXEC sys.sp_cdc_enable_table @source_schema = N'reporting', @source_name = N'line items', @role_name = N'dagflux_cdc';
GO
-- Read the tables (the tool's first copy) and the change tables and functions in schema cdc
GRANT SELECT ON OBJECT::[dbo].[orders] TO [dagflux];
GRANT SELECT ON OBJECT::[reporting].[line items] TO [dagflux];
GRANT SELECT ON SCHEMA::[cdc] TO [dagflux];
GO
SET NOEXEC OFF;
