-- Everything the user has, one line per fact (tab-separated fields). Read-only: run
-- it as SECURITYADMIN with snowsql -o output_format=tsv -o header=false -o timing=false
-- -o friendly=false (the SHOW commands feed the query through RESULT_SCAN).
SHOW GRANTS TO USER DAGFLUX;
SET gs_user_grants = LAST_QUERY_ID();
SHOW GRANTS TO ROLE DAGFLUX_ROLE;
SET gs_role_grants = LAST_QUERY_ID();
SHOW FUTURE GRANTS TO ROLE DAGFLUX_ROLE;
SET gs_future_grants = LAST_QUERY_ID();
WITH facts (line) AS (
  SELECT ('member' || CHR(9) || COALESCE(REPLACE(REPLACE(REPLACE(REPLACE(TO_VARCHAR("role"), CHR(92), (CHR(92) || CHR(92))), CHR(9), (CHR(92) || 't')), CHR(10), (CHR(92) || 'n')), CHR(13), (CHR(92) || 'r')), '') || CHR(9) || 'direct' || CHR(9) || '') FROM TABLE(RESULT_SCAN($gs_user_grants))
  UNION ALL
  SELECT ('grant' || CHR(9) || COALESCE(REPLACE(REPLACE(REPLACE(REPLACE(TO_VARCHAR("granted_on"), CHR(92), (CHR(92) || CHR(92))), CHR(9), (CHR(92) || 't')), CHR(10), (CHR(92) || 'n')), CHR(13), (CHR(92) || 'r')), '') || CHR(9) || COALESCE(REPLACE(REPLACE(REPLACE(REPLACE(TO_VARCHAR("name"), CHR(92), (CHR(92) || CHR(92))), CHR(9), (CHR(92) || 't')), CHR(10), (CHR(92) || 'n')), CHR(13), (CHR(92) || 'r')), '') || CHR(9) || COALESCE(REPLACE(REPLACE(REPLACE(REPLACE(TO_VARCHAR("privilege"), CHR(92), (CHR(92) || CHR(92))), CHR(9), (CHR(92) || 't')), CHR(10), (CHR(92) || 'n')), CHR(13), (CHR(92) || 'r')), '') || CHR(9) || COALESCE(REPLACE(REPLACE(REPLACE(REPLACE(TO_VARCHAR(IFF("grant_option" = 'true', 'grantable', '')), CHR(92), (CHR(92) || CHR(92))), CHR(9), (CHR(92) || 't')), CHR(10), (CHR(92) || 'n')), CHR(13), (CHR(92) || 'r')), '')) FROM TABLE(RESULT_SCAN($gs_role_grants))
  UNION ALL
  SELECT ('future' || CHR(9) || COALESCE(REPLACE(REPLACE(REPLACE(REPLACE(TO_VARCHAR("grant_on"), CHR(92), (CHR(92) || CHR(92))), CHR(9), (CHR(92) || 't')), CHR(10), (CHR(92) || 'n')), CHR(13), (CHR(92) || 'r')), '') || CHR(9) || COALESCE(REPLACE(REPLACE(REPLACE(REPLACE(TO_VARCHAR("name"), CHR(92), (CHR(92) || CHR(92))), CHR(9), (CHR(92) || 't')), CHR(10), (CHR(92) || 'n')), CHR(13), (CHR(92) || 'r')), '') || CHR(9) || COALESCE(REPLACE(REPLACE(REPLACE(REPLACE(TO_VARCHAR("privilege"), CHR(92), (CHR(92) || CHR(92))), CHR(9), (CHR(92) || 't')), CHR(10), (CHR(92) || 'n')), CHR(13), (CHR(92) || 'r')), '') || CHR(9) || COALESCE(REPLACE(REPLACE(REPLACE(REPLACE(TO_VARCHAR(IFF("grant_option" = 'true', 'grantable', '')), CHR(92), (CHR(92) || CHR(92))), CHR(9), (CHR(92) || 't')), CHR(10), (CHR(92) || 'n')), CHR(13), (CHR(92) || 'r')), '')) FROM TABLE(RESULT_SCAN($gs_future_grants))
)
SELECT line FROM (
  SELECT 0 AS part, (COALESCE(REPLACE(REPLACE(REPLACE(REPLACE(TO_VARCHAR('grantsmith-inspect'), CHR(92), (CHR(92) || CHR(92))), CHR(9), (CHR(92) || 't')), CHR(10), (CHR(92) || 'n')), CHR(13), (CHR(92) || 'r')), '') || CHR(9) || COALESCE(REPLACE(REPLACE(REPLACE(REPLACE(TO_VARCHAR('2'), CHR(92), (CHR(92) || CHR(92))), CHR(9), (CHR(92) || 't')), CHR(10), (CHR(92) || 'n')), CHR(13), (CHR(92) || 'r')), '') || CHR(9) || COALESCE(REPLACE(REPLACE(REPLACE(REPLACE(TO_VARCHAR('DAGFLUX'), CHR(92), (CHR(92) || CHR(92))), CHR(9), (CHR(92) || 't')), CHR(10), (CHR(92) || 'n')), CHR(13), (CHR(92) || 'r')), '') || CHR(9) || COALESCE(REPLACE(REPLACE(REPLACE(REPLACE(TO_VARCHAR(CURRENT_ACCOUNT()), CHR(92), (CHR(92) || CHR(92))), CHR(9), (CHR(92) || 't')), CHR(10), (CHR(92) || 'n')), CHR(13), (CHR(92) || 'r')), '') || CHR(9) || COALESCE(REPLACE(REPLACE(REPLACE(REPLACE(TO_VARCHAR('exists'), CHR(92), (CHR(92) || CHR(92))), CHR(9), (CHR(92) || 't')), CHR(10), (CHR(92) || 'n')), CHR(13), (CHR(92) || 'r')), '') || CHR(9) || COALESCE(REPLACE(REPLACE(REPLACE(REPLACE(TO_VARCHAR(CURRENT_ROLE()), CHR(92), (CHR(92) || CHR(92))), CHR(9), (CHR(92) || 't')), CHR(10), (CHR(92) || 'n')), CHR(13), (CHR(92) || 'r')), '') || CHR(9) || COALESCE(REPLACE(REPLACE(REPLACE(REPLACE(TO_VARCHAR('snowflake'), CHR(92), (CHR(92) || CHR(92))), CHR(9), (CHR(92) || 't')), CHR(10), (CHR(92) || 'n')), CHR(13), (CHR(92) || 'r')), '')) AS line
  UNION ALL
  SELECT 1, line FROM facts
  UNION ALL
  SELECT 2, (SELECT ('grantsmith-inspect-end' || CHR(9) || REPLACE(REPLACE(REPLACE(REPLACE(TO_VARCHAR(COUNT(*)), CHR(92), (CHR(92) || CHR(92))), CHR(9), (CHR(92) || 't')), CHR(10), (CHR(92) || 'n')), CHR(13), (CHR(92) || 'r'))) FROM facts)
) x ORDER BY part, line;
