//! The change-data-capture setup: checks first (each stops the script with nothing
//! changed), then the user, REPLICATION, its grants, the replica identity fix when asked
//! and the publication, in one transaction; the slot after it (see [`Cdc::slot_step`]).

use std::fmt::Write;

use super::notes::Replication;
use super::{Cdc, Target};
use crate::core::backend::postgres::guard::{setup_transaction, MARK};
use crate::core::quote::pg::{dollar_quote, literal_array, Literal};

/// True for a table `c` (a `pg_class` row) whose updates and deletes PostgreSQL refuses
/// once a publication that publishes them covers it: no primary key under the default
/// identity, identity NOTHING, or an identity index that is gone.
pub(super) const LACKS_IDENTITY: &str = "(c.relreplident = 'n'
        OR (c.relreplident = 'd' AND NOT EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.oid AND i.indisprimary))
        OR (c.relreplident = 'i' AND NOT EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.oid AND i.indisreplident)))";

/// Says the user is this setup's (the role's mark) and the publication too.
pub(super) fn publication_mark() -> Literal {
    Literal::generated(&format!(
        "{MARK} change data capture, made by its setup script"
    ))
}

impl Cdc {
    /// `FROM` and `WHERE` giving `c` (`pg_class`) and `n` (`pg_namespace`) for every
    /// table that exists and is published.
    pub(super) fn published_from(&self) -> String {
        let base = "pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace";
        match &self.target {
            Target::Tables(t) => format!(
                "{base}\n  JOIN (VALUES {}) l(nsp, rel) ON n.nspname = l.nsp AND c.relname = l.rel\n WHERE c.relkind IN ('r', 'p')",
                self.listed_values(t)
            ),
            Target::Schemas(s) => format!(
                "{base}\n WHERE n.nspname = ANY ({}) AND c.relkind IN ('r', 'p') AND NOT c.relispartition",
                literal_array(s)
            ),
        }
    }

    /// `('schema', 'table'), …` for a `VALUES` list.
    pub(super) fn listed_values(&self, t: &[super::Table]) -> String {
        t.iter()
            .map(|t| format!("({}, {})", t.schema.literal(), t.name.literal()))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The publication's object list: `TABLE a, b` or `TABLES IN SCHEMA a, b`.
    pub(super) fn publication_list(&self) -> String {
        match &self.target {
            Target::Tables(t) => {
                let names: Vec<String> = t.iter().map(ToString::to_string).collect();
                format!("TABLE {}", names.join(", "))
            }
            Target::Schemas(s) => {
                let names: Vec<String> = s.iter().map(ToString::to_string).collect();
                format!("TABLES IN SCHEMA {}", names.join(", "))
            }
        }
    }

    /// The setup script.
    pub fn setup(&self) -> String {
        let public = self.schemas().iter().any(|s| s.raw() == "public");
        let mut script = setup_transaction(
            &self.database,
            &self.role,
            "change-data-capture user",
            public,
            &self.statements(),
            "",
            &[],
        );
        if self.create_slot {
            script.push_str(&self.slot_step());
        }
        script
    }

    /// Everything between the guard's checks and the role's mark.
    fn statements(&self) -> String {
        let role = &self.role;
        let pw = self.password.to_string();
        let mut out = self.checks();
        let login = crate::core::backend::postgres::form::login_role(role, &pw);
        let _ = write!(
            out,
            "\n\n-- The login role the tool connects as (safe to run again)\nDO {} LANGUAGE plpgsql;\n\n",
            dollar_quote(&login)
        );
        out.push_str(&self.replication_sql());
        let schemas: Vec<String> = self.schemas().iter().map(ToString::to_string).collect();
        let _ = write!(
            out,
            "\n\n-- Connect, and see the published tables' schemas\nGRANT CONNECT ON DATABASE {} TO {role};\nGRANT USAGE ON SCHEMA {} TO {role};",
            self.database,
            schemas.join(", ")
        );
        match &self.target {
            Target::Tables(t) => {
                let names: Vec<String> = t.iter().map(ToString::to_string).collect();
                let _ = write!(
                    out,
                    "\n\n-- Read the published tables (the tool's first copy of them)\nGRANT SELECT ON TABLE {} TO {role};",
                    names.join(", ")
                );
            }
            Target::Schemas(s) => {
                let _ = write!(out, "\n\n-- Read every table of the published schemas, and those their owners make later");
                for s in s {
                    let _ = write!(out, "\nGRANT SELECT ON ALL TABLES IN SCHEMA {s} TO {role};");
                }
                let body = format!(
                    "
DECLARE
  s record;
BEGIN
  FOR s IN SELECT nspname, nspowner::regrole::text AS owner FROM pg_namespace
            WHERE nspname = ANY ({}) ORDER BY nspname LOOP
    EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %s IN SCHEMA %I GRANT SELECT ON TABLES TO %I', s.owner, s.nspname, {});
  END LOOP;
END
",
                    literal_array(s),
                    role.literal()
                );
                let _ = write!(out, "\nDO {} LANGUAGE plpgsql;", dollar_quote(&body));
            }
        }
        if self.identity_full {
            out.push_str(&self.identity_fix());
        }
        let body = format!(
            "
BEGIN
  IF EXISTS (SELECT 1 FROM pg_publication WHERE pubname = {lit}) THEN
    ALTER PUBLICATION {p} SET {list};
  ELSE
    CREATE PUBLICATION {p} FOR {list};
  END IF;
END
",
            lit = self.publication.literal(),
            p = self.publication,
            list = self.publication_list(),
        );
        let _ = write!(
            out,
            "\n\n-- The publication: exactly these tables (a re-run sets the list again)\nDO {} LANGUAGE plpgsql;\nCOMMENT ON PUBLICATION {} IS {};",
            dollar_quote(&body),
            self.publication,
            publication_mark()
        );
        if let Some(g) = &self.owners_group {
            out.push_str(&self.group_setup(g));
        }
        out
    }

    /// REPLICATION the way the provider allows.
    fn replication_sql(&self) -> String {
        let role = &self.role;
        match self.replication {
            Replication::Attribute => format!(
                "-- REPLICATION is an attribute of the user itself (never inherited from a role)\nALTER ROLE {role} WITH REPLICATION;"
            ),
            Replication::RdsRole => format!(
                "-- Amazon RDS / Aurora give replication through this role (not the attribute)\nGRANT rds_replication TO {role};"
            ),
            Replication::IfRunnerMay => {
                let body = format!(
                    "
BEGIN
  IF (SELECT rolsuper OR (current_setting('server_version_num')::int >= 160000 AND rolreplication AND rolcreaterole)
        FROM pg_roles WHERE rolname = current_user) THEN
    ALTER ROLE {role} WITH REPLICATION;
  ELSE
    RAISE NOTICE 'Role % may not give REPLICATION here, so % cannot start replication yet', current_user, {lit}
      USING HINT = 'Make the user in the provider''s console (where its roles get REPLICATION), or connect the tool as a role that has it.';
  END IF;
END
",
                    lit = role.literal()
                );
                format!(
                    "-- REPLICATION where the role running this may give it (see the note above Generate)\nDO {} LANGUAGE plpgsql;",
                    dollar_quote(&body)
                )
            }
        }
    }

    /// `REPLICA IDENTITY FULL` on the published tables that have none usable (asked for).
    fn identity_fix(&self) -> String {
        let body = format!(
            "
DECLARE
  t record;
BEGIN
  FOR t IN SELECT n.nspname, c.relname FROM {}
     AND {LACKS_IDENTITY}
   ORDER BY 1, 2 LOOP
    RAISE NOTICE 'Table %.% has no primary key: REPLICA IDENTITY FULL (its updates and deletes then log whole rows)', quote_ident(t.nspname), quote_ident(t.relname);
    EXECUTE format('ALTER TABLE %I.%I REPLICA IDENTITY FULL', t.nspname, t.relname);
  END LOOP;
END
",
            self.published_from()
        );
        format!(
            "\n\n-- Published tables without a usable replica identity: FULL, as asked\nDO {} LANGUAGE plpgsql;",
            dollar_quote(&body)
        )
    }

    /// The slot, after `COMMIT`: PostgreSQL refuses to create a logical slot in a
    /// transaction that has written ("cannot create logical replication slot in
    /// transaction that has performed writes"), and a ROLLBACK would not remove one, so
    /// it is made last, in a statement of its own, once everything else is committed.
    pub(super) fn slot_step(&self) -> String {
        let body = format!(
            "
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_replication_slots WHERE slot_name = {s}) THEN
    PERFORM pg_create_logical_replication_slot({s}, 'pgoutput');
  END IF;
END
",
            s = self.slot
        );
        format!(
            "\n\n-- The replication slot, after the COMMIT: a logical slot cannot be made in a transaction that\n-- has written, and a ROLLBACK would not undo it. From now on it keeps the WAL the tool has\n-- not read: start the tool soon, and drop the slot (uninstall) when the tool is gone.\nDO {} LANGUAGE plpgsql;",
            dollar_quote(&body)
        )
    }
}
