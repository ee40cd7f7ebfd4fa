//! The owners group (option `owners-group`, listed tables only): Debezium's documented
//! way to let its replication user create and alter a publication, which PostgreSQL
//! allows only to a table's owner. A group role owns the listed tables; their original
//! owners (so the application keeps every right it had) and the user belong to it.
//!
//! Debezium, "Setting privileges to enable Debezium to create PostgreSQL publications
//! when you use pgoutput" (Debezium PostgreSQL connector documentation; Red Hat's
//! Debezium User Guide 7.5.3, <https://docs.redhat.com/ja/documentation/red_hat_integration/2021.q3/html/debezium_user_guide/setting-privileges-to-permit-debezium-user-to-create-postgresql-publications>):
//! `CREATE ROLE <replication_group>`, `GRANT <replication_group> TO <original_owner>`,
//! `GRANT <replication_group> TO <replication_user>`, `ALTER TABLE <table_name> OWNER
//! TO <replication_group>`; the connector's `publication.autocreate.mode` then decides
//! whether it creates (`filtered`: `CREATE PUBLICATION … FOR TABLE …`) or updates
//! (`ALTER PUBLICATION … SET TABLE …`) its publication.
//!
//! What PostgreSQL asks (ALTER TABLE and ALTER PUBLICATION, "To alter the owner, you
//! must be able to SET ROLE to the new owning role [14/15: be a member of it], and that
//! role must have CREATE privilege on the table's schema [the database, for a
//! publication]"; superusers skip these checks): a runner who is not a superuser gets
//! the group's membership, and the group gets CREATE only for the statement that needs
//! it, revoked right after. COMMENT ON ROLE needs CREATEROLE (14/15) or ADMIN OPTION
//! on the role (16+, which its creator has), so the original owners are recorded in the
//! group's own comment, where uninstall reads them back.
//!
//! The publication the script makes is then owned by the group: the tool may alter it
//! (Debezium's `filtered` mode with `publication.name` set to it) and drop it, without
//! CREATE on the database (which would also let it create schemas).

use super::Cdc;
use crate::core::quote::pg::{dollar_quote, Ident, Literal};

/// What the group's comment starts with. Not [`super::super::guard::MARK`] followed by
/// a colon: the group must never pass for a user the setup may adopt.
const GROUP_MARK: &str =
    "Grantsmith owners group, original owners (database, schema, table, owner): ";

/// The PL/pgSQL that reads the recorded owners into `rec` (a flat `text[]` of
/// database, schema, table, owner) from the group `grp`'s comment.
const READ_RECORD: &str = "rec := coalesce(substr(shobj_description((SELECT oid FROM pg_roles WHERE rolname = grp), 'pg_authid'),
                            length(prefix) + 1)::text[], '{}');";

impl Cdc {
    /// The group's comment prefix, as a constant.
    fn group_prefix() -> Literal {
        Literal::generated(GROUP_MARK)
    }

    /// The checks' lines for the group (in the checks' DO block: `found`,
    /// `runner_super`), each refusing before anything is changed.
    pub(super) fn group_checks(&self, g: &Ident) -> String {
        let from = self.published_from();
        format!(
            "  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = {glit}
              AND coalesce(shobj_description(oid, 'pg_authid'), '') NOT LIKE {prefix} || '%') THEN
    RAISE EXCEPTION 'Role % already exists and is not the owners group a Grantsmith setup script made', {glit}
      USING HINT = 'Pick another user name (the group is named after it). Nothing was changed.';
  END IF;
  IF NOT runner_super AND NOT (SELECT rolcreaterole FROM pg_roles WHERE rolname = current_user) THEN
    RAISE EXCEPTION 'Role % may not create the owners group (it needs CREATEROLE)', current_user
      USING HINT = 'Run this as a superuser, or as the tables'' owner with CREATEROLE. Nothing was changed.';
  END IF;
  SELECT string_agg(format('%I.%I (owner %I)', n.nspname, c.relname, c.relowner::regrole), ', ') INTO found
    FROM {from}
     AND pg_get_userbyid(c.relowner) <> {glit}
     AND NOT runner_super
     AND NOT pg_has_role(c.relowner, CASE WHEN current_setting('server_version_num')::int >= 160000 THEN 'SET' ELSE 'MEMBER' END);
  IF found IS NOT NULL THEN
    RAISE EXCEPTION 'Role % could not give these tables back to their owners at uninstall: %', current_user, found
      USING HINT = 'Run this as their owner (a role that may SET ROLE to it) or a superuser. Nothing was changed.';
  END IF;
  IF current_setting('server_version_num')::int < 160000 THEN
    SELECT string_agg(DISTINCT quote_ident(pg_get_userbyid(c.relowner)), ', ') INTO found
      FROM {from}
       AND pg_get_userbyid(c.relowner) <> {glit}
       AND NOT (SELECT rolinherit FROM pg_roles WHERE oid = c.relowner);
    IF found IS NOT NULL THEN
      RAISE EXCEPTION 'Owner % is NOINHERIT: once the group owns its tables, it would use them only after SET ROLE', found
        USING HINT = 'On PostgreSQL 16 and later the script grants the group WITH INHERIT TRUE; here, leave this option off. Nothing was changed.';
    END IF;
  END IF;
  SELECT string_agg(format('%I.%I', n.nspname, c.relname), ', ') INTO found
    FROM {from}
     AND pg_get_userbyid(c.relowner) = {glit}
     AND NOT EXISTS (SELECT 1 FROM pg_roles g, LATERAL (SELECT coalesce(substr(shobj_description(g.oid, 'pg_authid'),
                     length({prefix}) + 1)::text[], '{{}}') AS rec) x, generate_subscripts(x.rec, 1) k
                      WHERE g.rolname = {glit} AND k % 4 = 1
                        AND x.rec[k:k + 2] = ARRAY[current_database()::text, n.nspname::text, c.relname::text]);
  IF found IS NOT NULL THEN
    RAISE EXCEPTION 'The owners group owns % but has no record of the original owner', found
      USING HINT = 'Give the table back to its owner (ALTER TABLE … OWNER TO …), then run this again. Nothing was changed.';
  END IF;
  IF NOT runner_super AND NOT has_database_privilege(current_database(), 'CREATE WITH GRANT OPTION') THEN
    RAISE EXCEPTION 'Role % may not grant CREATE on database %, which PostgreSQL checks once for the group taking the publication', current_user, current_database()
      USING HINT = 'Run this as the database''s owner or a superuser. Nothing was changed.';
  END IF;
  SELECT string_agg(DISTINCT quote_ident(n.nspname), ', ') INTO found
    FROM {from}
     AND NOT runner_super AND NOT has_schema_privilege(n.oid, 'CREATE WITH GRANT OPTION');
  IF found IS NOT NULL THEN
    RAISE EXCEPTION 'Role % may not grant CREATE on schema %, which PostgreSQL checks once for the group taking a table', current_user, found
      USING HINT = 'Run this as the schema''s owner or a superuser. Nothing was changed.';
  END IF;
",
            glit = g.literal(),
            prefix = Self::group_prefix(),
        )
    }

    /// The group, its members and the listed tables and the publication handed to it;
    /// safe to run again (a table the group owns keeps its recorded owner).
    pub(super) fn group_setup(&self, g: &Ident) -> String {
        let body = format!(
            "
DECLARE
  grp text := {glit};
  prefix text := {prefix};
  su boolean := (SELECT rolsuper FROM pg_roles WHERE rolname = current_user);
  v16 boolean := current_setting('server_version_num')::int >= 160000;
  rec text[];
  kept text[];
  t record;
  o text;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = grp) THEN
    CREATE ROLE {g} NOLOGIN;
  END IF;
  {READ_RECORD}
  -- Each listed table the group does not own yet: its owner now is the one to record.
  FOR t IN SELECT n.nspname::text AS nsp, c.relname::text AS rel, pg_get_userbyid(c.relowner) AS owner
             FROM {from}
              AND pg_get_userbyid(c.relowner) <> grp ORDER BY 1, 2 LOOP
    kept := '{{}}';
    FOR k IN 1 .. coalesce(array_length(rec, 1), 0) / 4 LOOP
      IF rec[4 * k - 3:4 * k - 1] IS DISTINCT FROM ARRAY[current_database()::text, t.nsp, t.rel] THEN
        kept := kept || rec[4 * k - 3:4 * k];
      END IF;
    END LOOP;
    rec := kept || ARRAY[current_database()::text, t.nsp, t.rel, t.owner];
  END LOOP;
  EXECUTE format('COMMENT ON ROLE %I IS %L', grp, prefix || rec::text);
  -- The original owners (the application keeps its rights through the group), the user,
  -- and a runner who is not a superuser (PostgreSQL's check for a new owner).
  FOR o IN SELECT DISTINCT x FROM (SELECT rec[k] AS x, rec[k - 3] AS db FROM generate_subscripts(rec, 1) k WHERE k % 4 = 0) r
            WHERE r.db = current_database()
           UNION SELECT {ulit}
           UNION SELECT current_user::text WHERE NOT su LOOP
    -- A superuser has every role's privileges already; 16+ says INHERIT and SET outright
    -- (a NOINHERIT owner would otherwise lose its own tables).
    IF NOT pg_has_role(o, grp, 'USAGE') THEN
      EXECUTE format('GRANT %I TO %I', grp, o) || CASE WHEN v16 THEN ' WITH INHERIT TRUE, SET TRUE' ELSE '' END;
    END IF;
  END LOOP;
  FOR t IN SELECT n.oid, n.nspname, c.relname FROM {from}
              AND pg_get_userbyid(c.relowner) <> grp ORDER BY 2, 3 LOOP
    IF su OR has_schema_privilege(grp, t.oid, 'CREATE') THEN
      EXECUTE format('ALTER TABLE %I.%I OWNER TO %I', t.nspname, t.relname, grp);
    ELSE
      EXECUTE format('GRANT CREATE ON SCHEMA %I TO %I', t.nspname, grp);
      EXECUTE format('ALTER TABLE %I.%I OWNER TO %I', t.nspname, t.relname, grp);
      EXECUTE format('REVOKE CREATE ON SCHEMA %I FROM %I', t.nspname, grp);
    END IF;
  END LOOP;
  IF (SELECT pg_get_userbyid(pubowner) FROM pg_publication WHERE pubname = {plit}) <> grp THEN
    IF su OR has_database_privilege(grp, current_database(), 'CREATE') THEN
      ALTER PUBLICATION {p} OWNER TO {g};
    ELSE
      GRANT CREATE ON DATABASE {db} TO {g};
      ALTER PUBLICATION {p} OWNER TO {g};
      REVOKE CREATE ON DATABASE {db} FROM {g};
    END IF;
  END IF;
END
",
            glit = g.literal(),
            prefix = Self::group_prefix(),
            from = self.published_from(),
            ulit = self.role.literal(),
            plit = self.publication.literal(),
            p = self.publication,
            db = self.database,
        );
        format!(
            "\n\n-- The owners group (asked for): the listed tables and the publication go to {}, which their\n-- original owners (recorded in its comment, for uninstall) and the user belong to. The user may\n-- now write, alter and drop those tables, and create and alter publications of them.\nDO {} LANGUAGE plpgsql;",
            g.comment(),
            dollar_quote(&body)
        )
    }

    /// Uninstall's lines (in its DO block, after the publication is dropped): each
    /// recorded table of this database back to its original owner, then the group; a
    /// record of another database's tables keeps the group, and says so.
    pub(super) fn group_uninstall(&self) -> String {
        let g = super::names::group(self.role.raw());
        format!(
            "  -- The owners group (if the option made one): each table back to its recorded owner, then the group.
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = {glit}
              AND coalesce(shobj_description(oid, 'pg_authid'), '') LIKE {prefix} || '%') THEN
    DECLARE
      grp text := {glit};
      prefix text := {prefix};
      su boolean := (SELECT rolsuper FROM pg_roles WHERE rolname = current_user);
      rec text[];
      kept text[] := '{{}}';
      rel oid;
    BEGIN
      {READ_RECORD}
      FOR k IN 1 .. coalesce(array_length(rec, 1), 0) / 4 LOOP
        IF rec[4 * k - 3] <> current_database() THEN
          kept := kept || rec[4 * k - 3:4 * k];
          CONTINUE;
        END IF;
        rel := to_regclass(format('%I.%I', rec[4 * k - 2], rec[4 * k - 1]));
        CONTINUE WHEN rel IS NULL OR pg_get_userbyid((SELECT relowner FROM pg_class WHERE oid = rel)) <> grp;
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = rec[4 * k]) THEN
          RAISE EXCEPTION 'Table %.% was owned by %, a role that is gone', quote_ident(rec[4 * k - 2]), quote_ident(rec[4 * k - 1]), quote_ident(rec[4 * k])
            USING HINT = 'Give it to its owner now (ALTER TABLE … OWNER TO …), then run this again. Nothing was changed.';
        END IF;
        IF su OR has_schema_privilege(rec[4 * k], (SELECT relnamespace FROM pg_class WHERE oid = rel), 'CREATE') THEN
          EXECUTE format('ALTER TABLE %I.%I OWNER TO %I', rec[4 * k - 2], rec[4 * k - 1], rec[4 * k]);
        ELSE
          EXECUTE format('GRANT CREATE ON SCHEMA %I TO %I', rec[4 * k - 2], rec[4 * k]);
          EXECUTE format('ALTER TABLE %I.%I OWNER TO %I', rec[4 * k - 2], rec[4 * k - 1], rec[4 * k]);
          EXECUTE format('REVOKE CREATE ON SCHEMA %I FROM %I', rec[4 * k - 2], rec[4 * k]);
        END IF;
      END LOOP;
      IF kept = '{{}}' THEN
        DROP ROLE {g};
      ELSE
        EXECUTE format('COMMENT ON ROLE %I IS %L', grp, prefix || kept::text);
        RAISE NOTICE 'Role % still owns tables in other databases (%): uninstall there too', grp, kept::text;
      END IF;
    END;
  END IF;
",
            glit = g.literal(),
            prefix = Self::group_prefix(),
        )
    }
}
