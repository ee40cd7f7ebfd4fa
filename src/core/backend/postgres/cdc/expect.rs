//! What the change-data-capture setup made, in the inspect query's terms, for the drift
//! check: CONNECT, USAGE on the schemas, SELECT on the published tables (and, for whole
//! schemas, on those their owners make later), REPLICATION the provider's way, the
//! publication and what it names, and the slot where the script makes it.

use super::notes::Replication;
use super::{Cdc, Target};
use crate::core::backend::postgres::inspect::{everyone, object_facts};
use crate::core::drift::cdc::{Capture, Published, Replication as Given};
use crate::core::drift::{DefaultGrant, Expect};
use crate::core::privileges::Class;
use crate::core::quote::pg::{literal_array, Ident};

impl Cdc {
    /// What this setup made.
    pub fn expect(&self) -> Expect {
        let (published, defaults) = match &self.target {
            Target::Tables(t) => (
                Published::Tables(
                    t.iter()
                        .map(|t| (t.schema.clone(), t.name.clone()))
                        .collect(),
                ),
                Vec::new(),
            ),
            // The setup grants SELECT on later tables for each schema's owner: the
            // paste names the owner, so any owner's grant there counts.
            Target::Schemas(s) => (
                Published::Schemas(s.clone()),
                vec![DefaultGrant {
                    owner: None,
                    per_schema: true,
                    code: "r",
                    privs: vec!["SELECT"],
                }],
            ),
        };
        let capture = Capture {
            publication: self.publication.clone(),
            published,
            slot: self.slot_name(),
            make_slot: self.create_slot,
            replication: match self.replication {
                Replication::Attribute => Given::Attribute,
                Replication::RdsRole => {
                    Ident::new("rds_replication").map_or(Given::Attribute, Given::Member)
                }
                Replication::IfRunnerMay => Given::Console,
            },
            create: format!(
                "CREATE PUBLICATION {p} FOR {};\nCOMMENT ON PUBLICATION {p} IS {};",
                self.publication_list(),
                super::setup::publication_mark(),
                p = self.publication,
            ),
            group: self.owners_group.clone(),
        };
        let mut e = Expect {
            role: self.role.clone(),
            database: self.database.clone(),
            db_privs: vec!["CONNECT"],
            schema_privs: vec!["USAGE"],
            objects: vec![(Class::Tables, vec!["SELECT"])],
            defaults,
            schemas: format!(
                "SELECT n.oid, n.nspname FROM pg_namespace n\n   WHERE n.nspname = ANY ({})",
                literal_array(&self.schemas())
            ),
            hosted: false,
            policy: None,
            creates: false,
            trigger_owners: Vec::new(),
            facts_sql: String::new(),
            cdc: None,
            // The preset sets no expiry and leaves one alone.
            expiry: None,
        };
        let objects = match &self.target {
            // Only the listed tables are in scope, not the rest of their schemas.
            Target::Tables(t) => format!(
                "\n  UNION ALL\n  SELECT ARRAY['object', 'table', s.nspname, c.relname, {}]::text[]\n    FROM s JOIN pg_class c ON c.relnamespace = s.oid AND c.relkind IN ('r', 'p')\n         JOIN (VALUES {}) l(nsp, rel) ON l.nsp = s.nspname AND l.rel = c.relname",
                everyone("coalesce(c.relacl, acldefault('r', c.relowner))"),
                self.listed_values(t)
            ),
            Target::Schemas(_) => object_facts(&e),
        };
        let grouped = match (&self.target, &self.owners_group) {
            (Target::Tables(t), Some(_)) => format!(
                "\n  UNION ALL\n  SELECT ARRAY['grouped', n.nspname, c.relname, pg_get_userbyid(c.relowner)]::text[]\n    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace\n         JOIN (VALUES {}) l(nsp, rel) ON l.nsp = n.nspname AND l.rel = c.relname\n   WHERE c.relkind IN ('r', 'p')",
                self.listed_values(t)
            ),
            _ => String::new(),
        };
        e.facts_sql = objects + &capture_facts(&capture) + &grouped;
        e.cdc = Some(capture);
        e
    }

    /// The slot's name without its quotes (`[a-z0-9_]` by construction).
    fn slot_name(&self) -> String {
        let s = self.slot.to_string();
        s[1..s.len() - 1].to_string()
    }
}

/// The inspect query's `UNION ALL` lines for the publications and slots (in CTE
/// `facts`, the user's oid in `r`): the user's own publications and the one named
/// after it, what each names, and the slot named after the user or used by it.
/// Columns read exist from 14 to 18 alike; `pg_publication_namespace` (15+) is reached
/// through `pg_depend`, so the one query runs on every version.
fn capture_facts(c: &Capture) -> String {
    let (p, s) = (c.publication.literal(), c.slot_literal());
    let mine = format!("(p.pubowner = (SELECT oid FROM r) OR p.pubname = {p})");
    format!(
        "
  UNION ALL
  SELECT ARRAY['publication', p.pubname, pg_get_userbyid(p.pubowner), CASE WHEN p.puballtables THEN 'all tables' ELSE '' END,
         concat_ws(',', CASE WHEN p.pubinsert THEN 'insert' END, CASE WHEN p.pubupdate THEN 'update' END,
                   CASE WHEN p.pubdelete THEN 'delete' END, CASE WHEN p.pubtruncate THEN 'truncate' END)]::text[]
    FROM pg_publication p WHERE {mine}
  UNION ALL
  SELECT ARRAY['published', p.pubname, n.nspname, c.relname]::text[]
    FROM pg_publication p JOIN pg_publication_rel x ON x.prpubid = p.oid JOIN pg_class c ON c.oid = x.prrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace WHERE {mine}
  UNION ALL
  -- Whole schemas: pg_publication_namespace (15+) read through its dependencies, which
  -- 14 has too (to_regclass finds no such catalog there, so no row).
  SELECT ARRAY['published', p.pubname, n.nspname, '']::text[]
    FROM pg_depend d JOIN pg_depend e ON e.classid = d.classid AND e.objid = d.objid
         JOIN pg_publication p ON p.oid = d.refobjid JOIN pg_namespace n ON n.oid = e.refobjid
   WHERE d.classid = to_regclass('pg_catalog.pg_publication_namespace')
     AND d.refclassid = 'pg_catalog.pg_publication'::regclass AND e.refclassid = 'pg_catalog.pg_namespace'::regclass
     AND {mine}
  UNION ALL
  SELECT ARRAY['slot', x.slot_name, coalesce(x.plugin, ''), coalesce(x.database, ''),
         CASE WHEN x.active THEN 'active' ELSE '' END, coalesce(x.active_pid::text, ''), coalesce(x.wal_status, ''),
         coalesce(pg_size_pretty(pg_wal_lsn_diff(CASE WHEN pg_is_in_recovery() THEN pg_last_wal_receive_lsn()
                                                      ELSE pg_current_wal_lsn() END, x.restart_lsn)), '')]::text[]
    FROM pg_replication_slots x
   WHERE x.slot_name = {s} OR x.active_pid IN (SELECT pid FROM pg_stat_activity WHERE usesysid = (SELECT oid FROM r))"
    )
}
