-- Read-only user for Snowflake, made by Grantsmith. Safe to re-run.
-- Unquoted names are stored in upper case: the user is DAGFLUX and the database ANALYTICS.
-- No public key pasted: replace [[REPLACE_WITH_PUBLIC_KEY]] with the body of rsa_key.pub in quotes ('MIIB…'); as written, it stops with a syntax error before creating anything.
-- A TYPE = SERVICE user signs in with its key pair only (no password, SSO or MFA): Snowflake is retiring password-only sign-in. Make the pair with
--   openssl genrsa 2048 | openssl pkcs8 -topk8 -inform PEM -out rsa_key.p8 -nocrypt && openssl rsa -in rsa_key.p8 -pubout -out rsa_key.pub
-- A future grant on a schema takes precedence over database-level future grants; in a managed-access schema only its owner or a role with MANAGE GRANTS can grant.
USE ROLE USERADMIN;
-- Checks first: stops here, changing nothing, when the user or its role exists but was not made by a
-- Grantsmith setup script (its comment says so). In SnowSQL, run with -o exit_on_error=true.
EXECUTE IMMEDIATE $$
DECLARE
  not_ours EXCEPTION (-20001, 'The user or its role exists and was not made by a Grantsmith setup script: nothing changed. Pick another user name.');
BEGIN
  SHOW USERS LIKE 'DAGFLUX';
  IF (EXISTS (SELECT 1 FROM TABLE(RESULT_SCAN(LAST_QUERY_ID())) WHERE "name" = 'DAGFLUX' AND COALESCE("comment", '') NOT LIKE 'Grantsmith:%')) THEN
    RAISE not_ours;
  END IF;
  SHOW ROLES LIKE 'DAGFLUX_ROLE';
  IF (EXISTS (SELECT 1 FROM TABLE(RESULT_SCAN(LAST_QUERY_ID())) WHERE "name" = 'DAGFLUX_ROLE' AND COALESCE("comment", '') NOT LIKE 'Grantsmith:%')) THEN
    RAISE not_ours;
  END IF;
END;
$$;
CREATE USER IF NOT EXISTS DAGFLUX TYPE = SERVICE RSA_PUBLIC_KEY = [[REPLACE_WITH_PUBLIC_KEY]] DEFAULT_ROLE = DAGFLUX_ROLE DEFAULT_WAREHOUSE = COMPUTE_WH COMMENT = 'Grantsmith: made by its setup script';
ALTER USER DAGFLUX SET TYPE = SERVICE RSA_PUBLIC_KEY = [[REPLACE_WITH_PUBLIC_KEY]] DEFAULT_ROLE = DAGFLUX_ROLE DEFAULT_WAREHOUSE = COMPUTE_WH COMMENT = 'Grantsmith: made by its setup script';
CREATE ROLE IF NOT EXISTS DAGFLUX_ROLE COMMENT = 'Grantsmith: made by its setup script';
ALTER ROLE DAGFLUX_ROLE SET COMMENT = 'Grantsmith: made by its setup script';
USE ROLE SECURITYADMIN;
GRANT ROLE DAGFLUX_ROLE TO USER DAGFLUX;
-- Lets SYSADMIN manage what the role owns.
GRANT ROLE DAGFLUX_ROLE TO ROLE SYSADMIN;
GRANT USAGE ON WAREHOUSE COMPUTE_WH TO ROLE DAGFLUX_ROLE;
GRANT USAGE ON DATABASE ANALYTICS TO ROLE DAGFLUX_ROLE;
-- Read-only: first take back what the read/write script grants, in case it ran before (revoking what was never granted does nothing).
REVOKE CREATE TABLE, CREATE VIEW ON SCHEMA ANALYTICS.PUBLIC FROM ROLE DAGFLUX_ROLE;
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON ALL TABLES IN SCHEMA ANALYTICS.PUBLIC FROM ROLE DAGFLUX_ROLE;
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON FUTURE TABLES IN SCHEMA ANALYTICS.PUBLIC FROM ROLE DAGFLUX_ROLE;
GRANT USAGE ON SCHEMA ANALYTICS.PUBLIC TO ROLE DAGFLUX_ROLE;
GRANT SELECT ON ALL TABLES IN SCHEMA ANALYTICS.PUBLIC TO ROLE DAGFLUX_ROLE;
GRANT SELECT ON ALL VIEWS IN SCHEMA ANALYTICS.PUBLIC TO ROLE DAGFLUX_ROLE;
GRANT SELECT ON FUTURE TABLES IN SCHEMA ANALYTICS.PUBLIC TO ROLE DAGFLUX_ROLE;
GRANT SELECT ON FUTURE VIEWS IN SCHEMA ANALYTICS.PUBLIC TO ROLE DAGFLUX_ROLE;
-- Read-only: first take back what the read/write script grants, in case it ran before (revoking what was never granted does nothing).
REVOKE CREATE TABLE, CREATE VIEW ON SCHEMA ANALYTICS.MARTS FROM ROLE DAGFLUX_ROLE;
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON ALL TABLES IN SCHEMA ANALYTICS.MARTS FROM ROLE DAGFLUX_ROLE;
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON FUTURE TABLES IN SCHEMA ANALYTICS.MARTS FROM ROLE DAGFLUX_ROLE;
GRANT USAGE ON SCHEMA ANALYTICS.MARTS TO ROLE DAGFLUX_ROLE;
GRANT SELECT ON ALL TABLES IN SCHEMA ANALYTICS.MARTS TO ROLE DAGFLUX_ROLE;
GRANT SELECT ON ALL VIEWS IN SCHEMA ANALYTICS.MARTS TO ROLE DAGFLUX_ROLE;
GRANT SELECT ON FUTURE TABLES IN SCHEMA ANALYTICS.MARTS TO ROLE DAGFLUX_ROLE;
GRANT SELECT ON FUTURE VIEWS IN SCHEMA ANALYTICS.MARTS TO ROLE DAGFLUX_ROLE;
