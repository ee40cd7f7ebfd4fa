//! The change-data-capture uninstall: the publication, the grants and the role in one
//! statement, then the slot; a slot in use stops it first, naming the PID that holds it.

use super::Cdc;
use crate::core::backend::postgres::guard::{uninstall_checks, MARK};
use crate::core::backend::postgres::uninstall::drop_role_tail;
use crate::core::quote::pg::dollar_quote;

impl Cdc {
    /// The uninstall script; it can run twice.
    pub fn uninstall(&self) -> String {
        let (slot, pubname) = (&self.slot, self.publication.literal());
        let body = format!(
            "
DECLARE
  target_role text := {role};
  holder int;
BEGIN
{checks}  SELECT active_pid INTO holder FROM pg_replication_slots WHERE slot_name = {slot} AND active;
  IF holder IS NOT NULL THEN
    RAISE EXCEPTION 'Replication slot % is in use by PID %: stop the tool first', {slot}, holder
      USING HINT = format('Or end that session: SELECT pg_terminate_backend(%s); then run this again. Nothing was changed.', holder);
  END IF;
  IF EXISTS (SELECT 1 FROM pg_publication p WHERE pubname = {pubname}
              AND coalesce(obj_description(p.oid, 'pg_publication'), '') LIKE '{MARK}%') THEN
    DROP PUBLICATION {publication};
  END IF;
{group}  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = target_role) THEN
    RAISE NOTICE 'Role % not found; nothing else to uninstall', target_role;
    RETURN;
  END IF;
{tail}",
            role = self.role.literal(),
            checks = uninstall_checks(&self.database, &[]),
            publication = self.publication,
            group = self.group_uninstall(),
            tail = drop_role_tail("current_user"),
        );
        let slot_body = format!(
            "
BEGIN
  IF EXISTS (SELECT 1 FROM pg_replication_slots WHERE slot_name = {slot} AND NOT active) THEN
    PERFORM pg_drop_replication_slot({slot});
  END IF;
END
"
        );
        format!(
            "-- Uninstall the change-data-capture user: its publication, grants and role, then its slot.
-- Run in the same database, as the role that ran the setup. Tables the owners group holds go
-- back to their recorded owners. Tables keep a REPLICA IDENTITY FULL the setup gave them (the
-- application does not notice it).
DO {} LANGUAGE plpgsql;

-- The slot last, on its own: dropping it cannot be undone, and it frees the WAL it kept.
DO {} LANGUAGE plpgsql;",
            dollar_quote(&body),
            dollar_quote(&slot_body)
        )
    }
}
