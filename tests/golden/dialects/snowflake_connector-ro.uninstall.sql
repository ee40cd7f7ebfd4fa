-- Uninstall: drops the user, then its role (with every grant and future grant).
-- Objects the role owns pass to USERADMIN: hand them over first if it created any.
USE ROLE USERADMIN;
DROP USER IF EXISTS DAGFLUX;
DROP ROLE IF EXISTS DAGFLUX_ROLE;
