-- Uninstall: drops the database user (and its permissions), then the login.
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
USE [Sales];
IF EXISTS (SELECT 1 FROM sys.database_principals WHERE name = N'dagflux')
    DROP USER [dagflux];
GO
USE [master];
IF EXISTS (SELECT 1 FROM sys.server_principals WHERE name = N'dagflux')
    DROP LOGIN [dagflux];
GO
SET NOEXEC OFF;
