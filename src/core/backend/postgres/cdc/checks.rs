//! What the change-data-capture setup checks before it changes anything. Each failure
//! is one the tools' users meet later, in worse places: `must be owner of table` when a
//! table is added to a publication, `must be superuser to create FOR TABLES IN SCHEMA
//! publication`, an application whose UPDATE fails because a published table has no
//! replica identity, two connectors on one slot.

use super::notes::Replication;
use super::setup::LACKS_IDENTITY;
use super::{Cdc, Target};
use crate::core::backend::postgres::guard::MARK;
use crate::core::quote::pg::{dollar_quote, literal_array};

impl Cdc {
    /// The checks' DO block.
    pub(super) fn checks(&self) -> String {
        let from = self.published_from();
        let mut b = String::from(
            "
DECLARE
  found text;
  runner_super boolean := (SELECT rolsuper FROM pg_roles WHERE rolname = current_user);
BEGIN
",
        );
        match &self.target {
            Target::Tables(t) => b.push_str(&format!(
                "  SELECT string_agg(format('%I.%I', l.nsp, l.rel), ', ') INTO found
    FROM (VALUES {}) l(nsp, rel)
   WHERE NOT EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                      WHERE n.nspname = l.nsp AND c.relname = l.rel AND c.relkind IN ('r', 'p'));
  IF found IS NOT NULL THEN
    RAISE EXCEPTION 'No such table in this database: %', found
      USING HINT = 'List tables as schema.table, exactly as they are named; nothing was changed.';
  END IF;
",
                self.listed_values(t)
            )),
            Target::Schemas(s) => b.push_str(&format!(
                "  SELECT string_agg(quote_ident(x), ', ') INTO found FROM unnest({}) x
   WHERE NOT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = x);
  IF found IS NOT NULL THEN
    RAISE EXCEPTION 'No such schema in this database: %', found;
  END IF;
  IF current_setting('server_version_num')::int < 150000 OR NOT runner_super THEN
    RAISE EXCEPTION 'Publishing whole schemas (FOR TABLES IN SCHEMA) needs PostgreSQL 15 or later and a superuser to run it'
      USING HINT = 'List the tables instead (turn whole schemas off): their owner may publish them. Nothing was changed.';
  END IF;
",
                literal_array(s)
            )),
        }
        b.push_str(&format!(
            "  SELECT string_agg(format('%I.%I (owner %I)', n.nspname, c.relname, c.relowner::regrole), ', ') INTO found
    FROM {from}
     AND NOT runner_super AND NOT pg_has_role(c.relowner, 'USAGE');
  IF found IS NOT NULL THEN
    RAISE EXCEPTION 'Only a table''s owner or a superuser may add it to a publication, and % may not: %', current_user, found
      USING HINT = 'Run this script as the tables'' owner (or a member of it) or a superuser. Nothing was changed.';
  END IF;
  SELECT string_agg(quote_ident(x), ', ') INTO found FROM unnest({schemas}) x
   WHERE NOT has_schema_privilege((SELECT oid FROM pg_namespace WHERE nspname = x), 'USAGE WITH GRANT OPTION');
  IF found IS NOT NULL THEN
    RAISE EXCEPTION 'The role running this may not grant USAGE on schema %', found
      USING HINT = 'Run it as the schema''s owner or a superuser. Nothing was changed.';
  END IF;
",
            schemas = literal_array(&self.schemas())
        ));
        if !self.identity_full {
            b.push_str(&format!(
                "  SELECT string_agg(format('%I.%I', n.nspname, c.relname), ', ') INTO found
    FROM {from}
     AND {LACKS_IDENTITY};
  IF found IS NOT NULL THEN
    RAISE EXCEPTION 'No primary key or replica identity on %: once published, the application''s UPDATE and DELETE on them would fail', found
      USING HINT = 'Add a primary key, or turn on the REPLICA IDENTITY FULL option (ALTER TABLE … REPLICA IDENTITY FULL). Nothing was changed.';
  END IF;
"
            ));
        }
        if self.replication == Replication::Attribute && self.platform.is_none() {
            b.push_str(
                "  IF NOT runner_super AND NOT (current_setting('server_version_num')::int >= 160000
      AND (SELECT rolreplication AND rolcreaterole FROM pg_roles WHERE rolname = current_user)) THEN
    RAISE EXCEPTION 'Role % may not give REPLICATION', current_user
      USING HINT = 'Run this as a superuser (or, on PostgreSQL 16 and later, a role with CREATEROLE and REPLICATION). Nothing was changed.';
  END IF;
",
            );
        }
        if self.replication == Replication::RdsRole {
            b.push_str(
                "  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'rds_replication') THEN
    RAISE EXCEPTION 'Role rds_replication not found: this server is not Amazon RDS or Aurora'
      USING HINT = 'Pick the provider this server really is (or none). Nothing was changed.';
  END IF;
",
            );
        }
        if let Some(g) = &self.owners_group {
            b.push_str(&self.group_checks(g));
        }
        b.push_str(&self.slot_checks());
        b.push_str(&format!(
            "  IF EXISTS (SELECT 1 FROM pg_publication p WHERE pubname = {pubname}
              AND coalesce(obj_description(p.oid, 'pg_publication'), '') NOT LIKE '{MARK}%') THEN
    RAISE EXCEPTION 'Publication % already exists and was not made by a Grantsmith setup script', {pubname}
      USING HINT = 'Pick another user name (the publication is named after it). Nothing was changed.';
  END IF;
END
",
            pubname = self.publication.literal()
        ));
        format!(
            "-- Checks first: each stops the script with nothing changed\nDO {} LANGUAGE plpgsql;",
            dollar_quote(&b)
        )
    }

    /// The slot: one of another plugin or database is another connector's; the role
    /// running this must be one that may create a slot, where the script makes it.
    fn slot_checks(&self) -> String {
        let s = &self.slot;
        let mut b = format!(
            "  IF EXISTS (SELECT 1 FROM pg_replication_slots WHERE slot_name = {s}
              AND (plugin IS DISTINCT FROM 'pgoutput' OR database IS DISTINCT FROM current_database())) THEN
    RAISE EXCEPTION 'Replication slot % already exists for another plugin or database: another connector''s', {s}
      USING HINT = 'Pick another user name (the slot is named after it): two connectors must never share a slot.';
  END IF;
"
        );
        if self.create_slot {
            b.push_str(
                "  IF current_setting('wal_level') <> 'logical' THEN
    RAISE EXCEPTION 'wal_level is %, and a logical replication slot needs logical', current_setting('wal_level')
      USING HINT = 'Change the server setting (see the note above Generate) and restart, then run this again. Nothing was changed.';
  END IF;
  IF NOT (SELECT rolsuper OR rolreplication FROM pg_roles WHERE rolname = current_user)
     AND NOT (EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'rds_replication')
              AND pg_has_role(current_user, 'rds_replication', 'MEMBER')) THEN
    RAISE EXCEPTION 'Role % may not create a replication slot', current_user
      USING HINT = 'Turn the slot option off (the tool then creates it), or run this as a role with REPLICATION. Nothing was changed.';
  END IF;
",
            );
        }
        b
    }
}
