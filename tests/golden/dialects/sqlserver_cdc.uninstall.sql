-- Uninstall: stops the captures this setup made (under its gating role; their change tables are
-- dropped with them), then drops the user, the gating role and the login. CDC stays on for the
-- database, as other captures may use it (EXEC sys.sp_cdc_disable_db turns it off).
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
USE [Sales];
DECLARE @instance sysname;
SET @instance = NULL;
IF SCHEMA_ID(N'cdc') IS NOT NULL
    SELECT @instance = capture_instance FROM cdc.change_tables WHERE source_object_id = OBJECT_ID(N'[dbo].[orders]') AND role_name = N'dagflux_cdc';
IF @instance IS NOT NULL
    EXEC sys.sp_cdc_disable_table @source_schema = N'dbo', @source_name = N'orders', @capture_instance = @instance;
SET @instance = NULL;
IF SCHEMA_ID(N'cdc') IS NOT NULL
    SELECT @instance = capture_instance FROM cdc.change_tables WHERE source_object_id = OBJECT_ID(N'[reporting].[line items]') AND role_name = N'dagflux_cdc';
IF @instance IS NOT NULL
    EXEC sys.sp_cdc_disable_table @source_schema = N'reporting', @source_name = N'line items', @capture_instance = @instance;
GO
IF EXISTS (SELECT 1 FROM sys.database_principals WHERE name = N'dagflux')
    DROP USER [dagflux];
IF DATABASE_PRINCIPAL_ID(N'dagflux_cdc') IS NOT NULL
    DROP ROLE [dagflux_cdc];
GO
USE [master];
IF EXISTS (SELECT 1 FROM sys.server_principals WHERE name = N'dagflux')
    DROP LOGIN [dagflux];
GO
SET NOEXEC OFF;
