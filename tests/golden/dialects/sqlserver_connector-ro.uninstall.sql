-- Uninstall: drops the database user (and its permissions), then the login.
USE [Sales];
IF EXISTS (SELECT 1 FROM sys.database_principals WHERE name = N'dagflux')
    DROP USER [dagflux];
GO
USE [master];
IF EXISTS (SELECT 1 FROM sys.server_principals WHERE name = N'dagflux')
    DROP LOGIN [dagflux];
GO
