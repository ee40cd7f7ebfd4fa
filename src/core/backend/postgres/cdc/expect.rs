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
                Replication::RdsRole => Given::Member(
                    Ident::new("rds_replication").unwrap_or_else(|_| self.role.clone()),
                ),
                Replication::IfRunnerMay => Given::Console,
            },
            create: format!(
                "CREATE PUBLICATION {p} FOR {};\nCOMMENT ON PUBLICATION {p} IS {};",
                self.publication_list(),
                super::setup::publication_mark(),
                p = self.publication,
            ),
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
        e.facts_sql = objects + &capture.facts_sql();
        e.cdc = Some(capture);
        e
    }

    /// The slot's name without its quotes (`[a-z0-9_]` by construction).
    fn slot_name(&self) -> String {
        let s = self.slot.to_string();
        s[1..s.len() - 1].to_string()
    }
}
