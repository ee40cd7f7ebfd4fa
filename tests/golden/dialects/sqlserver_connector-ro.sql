-- Read-only user for SQL Server, made by Grantsmith.
-- Run as a member of sysadmin (or securityadmin, plus db_owner in the database). Safe to re-run.
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
-- Schema permissions also cover tables and views created there later.
-- Read-only: first take back what the read/write script grants, in case it ran before (revoking what was never granted does nothing).
REVOKE INSERT, UPDATE, DELETE, ALTER ON SCHEMA::[dbo] FROM [dagflux];
REVOKE INSERT, UPDATE, DELETE, ALTER ON SCHEMA::[reporting] FROM [dagflux];
REVOKE CREATE TABLE, CREATE VIEW FROM [dagflux];
GRANT SELECT, VIEW DEFINITION ON SCHEMA::[dbo] TO [dagflux];
GRANT SELECT, VIEW DEFINITION ON SCHEMA::[reporting] TO [dagflux];
GO
SET NOEXEC OFF;
