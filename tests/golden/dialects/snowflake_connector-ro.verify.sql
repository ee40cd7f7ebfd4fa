-- Verify the role: one row per expected grant, status 'ok' or 'MISSING'. Changes nothing.
SHOW GRANTS TO ROLE DAGFLUX_ROLE;
SELECT e.privilege, e.granted_on, e.name,
       IFF(g."privilege" IS NULL, 'MISSING', 'ok') AS status
FROM (SELECT $1 AS privilege, $2 AS granted_on, $3 AS name FROM VALUES
  ('USAGE', 'WAREHOUSE', 'COMPUTE_WH'),
  ('USAGE', 'DATABASE', 'ANALYTICS'),
  ('USAGE', 'SCHEMA', 'ANALYTICS.PUBLIC'),
  ('USAGE', 'SCHEMA', 'ANALYTICS.MARTS')
) AS e
LEFT JOIN TABLE(RESULT_SCAN(LAST_QUERY_ID())) AS g
  ON g."privilege" = e.privilege AND g."granted_on" = e.granted_on AND g."name" = e.name;
-- The role's future grants and its user, to read:
SHOW FUTURE GRANTS IN SCHEMA ANALYTICS.PUBLIC;
SHOW FUTURE GRANTS IN SCHEMA ANALYTICS.MARTS;
SHOW GRANTS OF ROLE DAGFLUX_ROLE;
