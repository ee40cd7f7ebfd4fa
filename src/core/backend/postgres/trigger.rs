//! TRIGGER: whoever holds it on a table may attach a function of its own to it, and that
//! function then runs as whoever writes the table. A careful DBA made the original's
//! user a superuser this way (a trigger on a superuser's table, a row inserted by the
//! superuser, `ALTER ROLE … SUPERUSER` in the trigger). So TRIGGER, where a preset
//! grants it (the original, or custom when ticked), is withheld on tables owned by a
//! superuser or a provider's platform role, now and in the default privileges; verify
//! and the drift check expect exactly that; uninstall drops the triggers the user
//! attached to tables it does not own, and their functions, rather than handing those
//! to the owner. On the owner roles' own tables TRIGGER stays (the original's choice,
//! which its users rely on): the page says what it allows there.

use crate::core::quote::pg::{dollar_quote, Literal};

/// Roles a provider keeps for itself (platform tables, extensions); a customer's
/// administrator (`postgres` on Supabase, `neondb_owner` …) is not one. Sources:
/// Supabase "Postgres roles", RDS "Master user account privileges", Cloud SQL "About
/// PostgreSQL users", Azure "Server roles", Neon "Manage roles" (`cloud_admin`).
const PLATFORM_ROLES: &str =
    "'supabase_admin', 'rdsadmin', 'cloudsqladmin', 'azuresu', 'azure_superuser', 'cloud_admin'";

/// What the page says where a preset grants TRIGGER.
pub const NOTE: &str = "TRIGGER lets this user attach its own code to a table, code that then runs as whoever writes the table. It is never granted on tables of a superuser or a provider's platform role (the user could become them); on the owner roles' tables the user can act as the owner.";

/// An SQL condition: privilege `privilege` (an SQL text expression) is TRIGGER and the
/// role with oid `owner` (an SQL expression) is a superuser or a platform role, so the
/// setup withholds it.
pub(crate) fn withheld(privilege: &str, owner: &str) -> String {
    format!(
        "({privilege} = 'TRIGGER' AND EXISTS (SELECT 1 FROM pg_roles o WHERE o.oid = {owner}
           AND (o.rolsuper OR o.rolname IN ({PLATFORM_ROLES}))))"
    )
}

/// The setup's block, after the grants: takes TRIGGER back from `role` wherever it is
/// withheld, on tables and in default privileges (global or `IN SCHEMA`), whoever
/// granted it.
pub fn withhold(role: &Literal) -> String {
    let table = withheld("a.privilege_type", "c.relowner");
    let default = withheld("a.privilege_type", "d.defaclrole");
    let body = format!(
        "
DECLARE
  target_oid oid := (SELECT oid FROM pg_roles WHERE rolname = {role});
  r record;
BEGIN
  FOR r IN
    SELECT c.oid::regclass::text AS obj FROM pg_class c, aclexplode(c.relacl) a
     WHERE a.grantee = target_oid AND {table}
  LOOP
    EXECUTE format('REVOKE TRIGGER ON TABLE %s FROM %I CASCADE', r.obj, {role});
  END LOOP;
  FOR r IN
    SELECT pg_get_userbyid(d.defaclrole) AS owner, n.nspname
      FROM pg_default_acl d LEFT JOIN pg_namespace n ON n.oid = d.defaclnamespace, aclexplode(d.defaclacl) a
     WHERE d.defaclobjtype = 'r' AND a.grantee = target_oid AND {default}
  LOOP
    IF r.nspname IS NULL THEN
      EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %I REVOKE TRIGGER ON TABLES FROM %I', r.owner, {role});
    ELSE
      EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA %I REVOKE TRIGGER ON TABLES FROM %I', r.owner, r.nspname, {role});
    END IF;
  END LOOP;
END
"
    );
    format!(
        "-- TRIGGER runs the trigger's code as whoever writes the table: never on a table of a
-- superuser or a provider's platform role, now or later (the user could become them)
DO {} LANGUAGE plpgsql;",
        dollar_quote(&body)
    )
}

/// Uninstall's block (nested in its DO body, `target_role` declared, before the objects
/// are reassigned): drop each trigger whose function `target_role` owns on a table it does
/// not own, then those functions when nothing else uses them. A trigger the role
/// running uninstall may not drop stops the script, named.
pub(crate) const DROP_TRIGGERS: &str = "
  -- Triggers the user attached to tables it does not own run its code as whoever
  -- writes them: they go, with their functions, rather than to the owner.
  DECLARE
    trigger_record record;
  BEGIN
  FOR trigger_record IN
    SELECT t.tgname, t.tgrelid::regclass::text AS tbl, t.tgfoid::regprocedure::text AS func,
           t.tgfoid, pg_has_role(c.relowner, 'USAGE') AS droppable
      FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc f ON f.oid = t.tgfoid
     WHERE NOT t.tgisinternal AND f.proowner = (SELECT oid FROM pg_roles WHERE rolname = target_role)
       AND c.relowner <> f.proowner
  LOOP
    IF NOT trigger_record.droppable THEN
      RAISE EXCEPTION 'Trigger % on % runs %''s function %, and only the table''s owner may drop it', trigger_record.tgname, trigger_record.tbl, target_role, trigger_record.func
        USING HINT = 'Run this uninstall as that owner or a superuser: nothing was changed.';
    END IF;
    RAISE NOTICE 'Dropping trigger % on %, which runs %', trigger_record.tgname, trigger_record.tbl, trigger_record.func;
    EXECUTE format('DROP TRIGGER %I ON %s', trigger_record.tgname, trigger_record.tbl);
    IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgfoid = trigger_record.tgfoid) THEN
      EXECUTE format('DROP FUNCTION %s', trigger_record.func);
    END IF;
  END LOOP;
  END;
";

/// A verify row's label and result for privilege `privilege` (an SQL text expression)
/// on an object owned by `owner` (an oid expression): `label` as it is, and `held`
/// expected true, unless the privilege is withheld there; then the label says so and
/// `held` is expected false.
pub(crate) fn verify_row(
    label: &str,
    held: &str,
    privilege: &str,
    owner: &str,
) -> (String, String) {
    let w = withheld(privilege, owner);
    (
        format!("{label} || CASE WHEN {w} THEN ' withheld (owner is a superuser or platform role)' ELSE '' END"),
        format!("{held} <> {w}"),
    )
}

/// [`verify_row`] for verify's table rows (`priv` over `pg_class c`, the role's oid in
/// CTE `r`), which every preset writes alike.
pub(crate) fn table_row() -> (String, String) {
    verify_row(
        "'table ' || priv",
        "coalesce(has_table_privilege((SELECT oid FROM r), c.oid, priv), false)",
        "priv",
        "c.relowner",
    )
}
