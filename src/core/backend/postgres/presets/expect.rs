//! What a preset's setup grants, in the inspect query's terms, for the drift check.

use super::setup::{Plan, Schemas};
use crate::core::backend::postgres::hosted::schema_in_reach;
use crate::core::backend::postgres::inspect::object_facts;
use crate::core::drift::{DefaultGrant, Expect};
use crate::core::privileges::Class;

impl Plan {
    /// What this preset's setup grants.
    pub fn expect(&self) -> Expect {
        let hosted = self.platform.is_some();
        let schema_privs = self.schema_privs();
        let mut filter = self.scope_filter();
        if hosted {
            filter.push_str(&schema_in_reach(true, &schema_privs));
        } else if matches!(self.schemas, Schemas::Matching { .. }) {
            filter.push_str("\n       AND has_schema_privilege(n.oid, 'USAGE')");
        }
        // Only the comparison reads them: the PostgreSQL page (no `drift`) leaves them out.
        let defaults = if cfg!(feature = "drift") && self.privs.future {
            let owners = self.owner_slots();
            owners
                .into_iter()
                .flat_map(|o| {
                    self.classes()
                        .into_iter()
                        .filter(|(_, privs)| !privs.is_empty())
                        .map(move |(class, privs)| DefaultGrant {
                            owner: o.cloned(),
                            per_schema: true,
                            code: code(class),
                            privs,
                        })
                })
                .collect()
        } else {
            Vec::new()
        };
        let mut e = Expect {
            role: self.role.clone(),
            database: self.database.clone(),
            db_privs: names(&self.privs.database, |p| p.as_str()),
            creates: schema_privs.contains(&"CREATE"),
            schema_privs,
            objects: self.classes(),
            defaults,
            schemas: format!("SELECT n.oid, n.nspname FROM pg_namespace n\n   WHERE {filter}"),
            hosted,
            policy: None,
            trigger_owners: if self.privs.future
                && self
                    .privs
                    .tables
                    .contains(&crate::core::privileges::TablePriv::Trigger)
            {
                self.owner_slots().into_iter().flatten().cloned().collect()
            } else {
                Vec::new()
            },
            facts_sql: String::new(),
            cdc: None,
            expiry: Some(self.valid_until.clone()),
        };
        e.facts_sql = object_facts(&e);
        e
    }
}

/// `pg_default_acl.defaclobjtype` for a kind of object.
fn code(class: Class) -> &'static str {
    match class {
        Class::Tables => "r",
        Class::Sequences => "S",
        Class::Functions => "f",
    }
}

/// `privs` as `&str`s.
fn names<T: Copy>(privs: &[T], f: fn(T) -> &'static str) -> Vec<&'static str> {
    privs.iter().map(|p| f(*p)).collect()
}
