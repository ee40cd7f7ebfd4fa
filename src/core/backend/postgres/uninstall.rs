//! How every PostgreSQL uninstall ends, the original's and the presets'.

/// The end of every uninstall body: hand the role's objects to `reassign_to` (an SQL
/// expression; the role running the script when no such role exists, with a NOTICE, as
/// setup tolerates a missing owner), drop what is left of it, drop it. Expects
/// `target_role` declared.
pub(crate) fn drop_role_tail(reassign_to: &str) -> String {
    let reassign = if reassign_to == "current_user" {
        "  EXECUTE format('REASSIGN OWNED BY %I TO %I', target_role, current_user);".to_string()
    } else {
        format!(
            "  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = {reassign_to}) THEN
    EXECUTE format('REASSIGN OWNED BY %I TO %I', target_role, {reassign_to});
  ELSE
    RAISE NOTICE 'Role % not found; objects owned by % go to %', {reassign_to}, target_role, current_user;
    EXECUTE format('REASSIGN OWNED BY %I TO %I', target_role, current_user);
  END IF;"
        )
    };
    format!(
        "{}
  -- REASSIGN/DROP OWNED need the privileges of the role: a non-superuser that created
  -- it (CREATEROLE) may grant itself membership first.
  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
     AND NOT pg_has_role(current_user, target_role, 'USAGE') THEN
    EXECUTE format('GRANT %I TO %I', target_role, current_user);
  END IF;
{reassign}
  EXECUTE format('DROP OWNED BY %I', target_role);
  EXECUTE format('DROP ROLE %I', target_role);
END
",
        crate::core::backend::postgres::trigger::DROP_TRIGGERS
    )
}
