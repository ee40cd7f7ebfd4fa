-- Read-only user for SQL Server, made by Grantsmith.
-- Run as a member of sysadmin (or securityadmin, plus db_owner in the database). Safe to re-run.
-- No password typed: replace [[REPLACE_WITH_PASSWORD]] with one in quotes (N'…'); as written, it stops with a syntax error before creating anything.
-- Azure SQL Database has no USE: run the part before the first GO connected to master and the rest connected to the database (or make a contained user there: CREATE USER … WITH PASSWORD).
-- CHECK_POLICY = ON applies the Windows password policy: a short password makes CREATE LOGIN fail.
USE [master];
IF NOT EXISTS (SELECT 1 FROM sys.server_principals WHERE name = N'dagflux')
    CREATE LOGIN [dagflux] WITH PASSWORD = [[REPLACE_WITH_PASSWORD]], CHECK_POLICY = ON
ELSE
    ALTER LOGIN [dagflux] WITH PASSWORD = [[REPLACE_WITH_PASSWORD]];
GO
USE [Sales];
IF NOT EXISTS (SELECT 1 FROM sys.database_principals WHERE name = N'dagflux')
    CREATE USER [dagflux] FOR LOGIN [dagflux] WITH DEFAULT_SCHEMA = [dbo];
-- Schema permissions also cover tables and views created there later.
-- Read-only: first take back what the read/write script grants, in case it ran before (revoking what was never granted does nothing).
REVOKE INSERT, UPDATE, DELETE, ALTER ON SCHEMA::[dbo] FROM [dagflux];
REVOKE INSERT, UPDATE, DELETE, ALTER ON SCHEMA::[reporting] FROM [dagflux];
REVOKE CREATE TABLE, CREATE VIEW FROM [dagflux];
GRANT SELECT, VIEW DEFINITION ON SCHEMA::[dbo] TO [dagflux];
GRANT SELECT, VIEW DEFINITION ON SCHEMA::[reporting] TO [dagflux];
GO
