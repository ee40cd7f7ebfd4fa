//! What the original's setup grants, in the inspect query's terms, for the drift check.

use super::setup::{SchemaScope, Setup};
use crate::core::backend::postgres::hosted::schema_in_reach;
use crate::core::backend::postgres::inspect::object_facts;
use crate::core::drift::{DefaultGrant, Expect};
use crate::core::privileges::Class;
use crate::core::quote::pg::literal_array;

impl Setup {
    /// What the original's setup grants.
    pub fn expect(&self) -> Expect {
        let hosted = self.hosted();
        let parent = self.parent().literal();
        let filter = match &self.scope {
            // Off a provider the original grants on each listed schema by name, whoever
            // may use it.
            SchemaScope::Listed(list) if !hosted => {
                format!("n.nspname = ANY ({})", literal_array(list))
            }
            _ => format!(
                "{}{}
     AND (NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = {parent})
          OR has_schema_privilege((SELECT oid FROM pg_roles WHERE rolname = {parent}), n.oid, 'USAGE'))",
                crate::core::backend::postgres::original::verify::scope_filter(self),
                schema_in_reach(hosted, &["USAGE"])
            ),
        };
        let owners = if cfg!(feature = "drift") {
            &self.owners[..]
        } else {
            &[]
        };
        // Per listed schema with a listed scope, else global (the original's).
        let per_schema = matches!(self.scope, SchemaScope::Listed(_));
        let defaults = owners
            .iter()
            .flat_map(|o| {
                self.default_kinds()
                    .into_iter()
                    .map(move |(_, code, privs)| DefaultGrant {
                        owner: Some(o.clone()),
                        per_schema,
                        code,
                        privs: privs.split(", ").collect(),
                    })
            })
            .collect();
        let mut e = Expect {
            role: self.role.clone(),
            database: self.database.clone(),
            db_privs: vec!["CONNECT", "CREATE", "TEMPORARY"],
            schema_privs: vec!["USAGE"],
            objects: vec![
                (Class::Tables, vec!["SELECT", "TRIGGER"]),
                (Class::Sequences, vec!["USAGE", "SELECT"]),
                (Class::Functions, vec!["EXECUTE"]),
            ],
            defaults,
            schemas: format!("SELECT n.oid, n.nspname FROM pg_namespace n\n   WHERE {filter}"),
            hosted,
            policy: self.rls.then(|| self.policy_name()),
            creates: false,
            trigger_owners: self.owners.clone(),
            facts_sql: String::new(),
            cdc: None,
            // The original's CREATE ROLE sets no expiry and leaves one alone.
            expiry: None,
        };
        e.facts_sql = object_facts(&e);
        e
    }
}
