-- Uninstall: drops the user, then its role (with every grant and future grant).
-- Objects the role owns pass to USERADMIN: hand them over first if it created any.
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
DROP USER IF EXISTS DAGFLUX;
DROP ROLE IF EXISTS DAGFLUX_ROLE;
