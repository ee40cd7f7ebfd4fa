//! What a PostgreSQL setup promises, in the inspect query's terms: the privileges on the
//! database, on each schema in scope and on each object in it, and the default
//! privileges, so a paste can be compared fact by fact ([`super::compare`]). The
//! presets' [`Plan`] and the original's [`Setup`] each say it once here.

use crate::core::backend::postgres::original::setup::{SchemaScope, Setup};
use crate::core::backend::postgres::hosted::{grantable, schema_in_reach, Class};
use crate::core::backend::postgres::inspect::{inspect_sql, scope_tag};
use crate::core::backend::postgres::presets::setup::{Plan, Schemas};
use crate::core::backend::postgres::trigger::withheld;
use std::collections::BTreeSet;

use super::Inspection;
use crate::core::quote::pg::{literal_array, Ident};

/// Default privileges the setup gives: for objects `owner` creates (the role that ran
/// the setup when `None`), in each schema in scope or everywhere.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DefaultGrant {
    /// The creating role, or `None` for the one running the setup.
    pub owner: Option<Ident>,
    /// In each schema in scope (`IN SCHEMA`), else for the whole database.
    pub per_schema: bool,
    /// `pg_default_acl.defaclobjtype`: `r`, `S`, `f` or `n`.
    pub code: &'static str,
    /// The privileges.
    pub privs: Vec<&'static str>,
}

/// Everything the setup grants, as the check expects to find it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expect {
    /// The user.
    pub role: Ident,
    /// The database it connects to.
    pub database: Ident,
    /// On the database.
    pub db_privs: Vec<&'static str>,
    /// On each schema in scope.
    pub schema_privs: Vec<&'static str>,
    /// On each object of a kind in scope.
    pub objects: Vec<(Class, Vec<&'static str>)>,
    /// Default privileges.
    pub defaults: Vec<DefaultGrant>,
    /// `SELECT n.oid, n.nspname FROM pg_namespace n WHERE …`: the schemas in scope, as
    /// the setup picks them when the role running it runs it.
    pub schemas: String,
    /// On a provider: only what the running role may grant is in scope.
    pub hosted: bool,
    /// The RLS policy the setup creates on tables with row security, if any.
    pub policy: Option<String>,
    /// CREATE on the schemas is granted: tables and sequences the user made there are
    /// its own by design.
    pub creates: bool,
    /// The owners whose future tables the setup grants TRIGGER on, in every build (the
    /// inspect query asks which of them it is withheld from).
    pub trigger_owners: Vec<Ident>,
}

/// The inspect query's name for a kind of object.
pub fn kind(class: Class) -> &'static str {
    match class {
        Class::Tables => "table",
        Class::Sequences => "sequence",
        Class::Functions => "function",
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

/// The privileges PUBLIC holds in `acl`, comma-separated.
pub(crate) fn everyone(acl: &str) -> String {
    format!(
        "(SELECT string_agg(a.privilege_type, ',' ORDER BY a.privilege_type) FROM aclexplode({acl}) a WHERE a.grantee = 0)"
    )
}

/// `privs` as `&str`s.
fn names<T: Copy>(privs: &[T], f: fn(T) -> &'static str) -> Vec<&'static str> {
    privs.iter().map(|p| f(*p)).collect()
}

impl Expect {
    /// The `UNION ALL` lines listing the objects in scope that the setup grants on, each
    /// with what PUBLIC holds on it (a grant the setup may not make, like USAGE on
    /// `public` before PostgreSQL 15, is there for everyone).
    fn object_facts(&self) -> String {
        let mut q = String::new();
        for (class, privs) in self.objects.iter().filter(|(_, p)| !p.is_empty()) {
            let filter = grantable(self.hosted, *class, privs);
            let (name, from, acl) = match class {
                Class::Functions => (
                    "f.proname || '(' || pg_get_function_identity_arguments(f.oid) || ')'",
                    "pg_proc f ON f.pronamespace = s.oid AND f.prokind IN ('f', 'a', 'w')",
                    "coalesce(f.proacl, acldefault('f', f.proowner))",
                ),
                Class::Sequences => (
                    "c.relname",
                    "pg_class c ON c.relnamespace = s.oid AND c.relkind = 'S'",
                    "coalesce(c.relacl, acldefault('s', c.relowner))",
                ),
                Class::Tables => (
                    "c.relname",
                    "pg_class c ON c.relnamespace = s.oid AND c.relkind IN ('r', 'p', 'v', 'm', 'f')",
                    "coalesce(c.relacl, acldefault('r', c.relowner))",
                ),
            };
            q.push_str(&format!(
                "\n  UNION ALL\n  SELECT ARRAY['object', '{}', s.nspname, {name}, {}]::text[] FROM s JOIN {from}{filter}",
                kind(*class),
                everyone(acl)
            ));
            if *class == Class::Tables && privs.contains(&"TRIGGER") {
                q.push_str(&format!(
                    "\n  UNION ALL\n  SELECT ARRAY['withheld', 'table', s.nspname, c.relname, 'TRIGGER']::text[] FROM s JOIN {from}{filter}\n     AND {}",
                    withheld("'TRIGGER'", "c.relowner")
                ));
            }
        }
        // TRIGGER in the default privileges of an owner it is withheld from (the same
        // lines in every build: the scope's fingerprint covers them).
        for o in &self.trigger_owners {
            {
                let o = o.literal();
                let owner = format!("(SELECT oid FROM pg_roles WHERE rolname = {o})");
                q.push_str(&format!(
                    "\n  UNION ALL\n  SELECT ARRAY['withheld', 'default', {o}, '', 'TRIGGER']::text[] WHERE {}",
                    withheld("'TRIGGER'", &owner)
                ));
            }
        }
        q
    }

    /// The inspect query for this setup.
    pub fn inspect_sql(&self) -> String {
        inspect_sql(self.role.raw(), &self.schemas, &self.object_facts())
    }

    /// The fingerprint the inspect query prints for this scope.
    pub fn tag(&self) -> String {
        scope_tag(&format!("{}{}", self.schemas, self.object_facts()))
    }
}

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
        Expect {
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
        }
    }
}

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
        Expect {
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
        }
    }
}

/// The owner of default privileges when the setup named none.
pub(super) const ANY_OWNER: &str = "*";

/// The expected facts (kind and fields, without the grant option) for `i`'s scope, and
/// those of them PUBLIC holds.
pub(super) fn expected(
    e: &Expect,
    i: &Inspection,
) -> (BTreeSet<Vec<String>>, BTreeSet<Vec<String>>) {
    let mut want = BTreeSet::new();
    let mut everyone = BTreeSet::new();
    let key = |parts: &[&str]| parts.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    for p in &e.db_privs {
        want.insert(key(&["database", &i.database, p]));
    }
    let objects = i.facts.iter().filter(|f| f.kind == "object");
    let schemas: Vec<&str> = objects
        .clone()
        .filter(|f| f.fields[0] == "schema")
        .map(|f| f.fields[1].as_str())
        .collect();
    // What the user owns is its own (PostgreSQL 14 lets it create in `public`): no
    // privilege on it is expected, and the fix never grants one.
    let owned: Vec<&[String]> = i
        .facts
        .iter()
        .filter(|f| f.kind == "owns")
        .map(|f| &f.fields[..])
        .collect();
    for f in objects {
        let [class, schema, name, public] =
            [&f.fields[0], &f.fields[1], &f.fields[2], &f.fields[3]].map(String::as_str);
        if class != "schema" && owned.contains(&&f.fields[..3]) {
            continue;
        }
        let public: Vec<&str> = public.split(',').collect();
        if class == "schema" {
            for p in &e.schema_privs {
                let k = key(&["schema", schema, p]);
                if public.contains(p) {
                    everyone.insert(k.clone());
                }
                want.insert(k);
            }
            continue;
        }
        let privs = e
            .objects
            .iter()
            .find(|(c, _)| super::expect::kind(*c) == class)
            .map_or(&[][..], |(_, p)| p.as_slice());
        for p in privs {
            let k = key(&[class, schema, name, p]);
            if public.contains(p) {
                everyone.insert(k.clone());
            }
            want.insert(k);
        }
    }
    // What the setup withholds (TRIGGER where a superuser owns the table or creates
    // it later) is not expected.
    for f in i.facts.iter().filter(|f| f.kind == "withheld") {
        if f.fields[0] == "table" {
            want.remove(&key(&["table", &f.fields[1], &f.fields[2], &f.fields[3]]));
        }
    }
    for d in &e.defaults {
        // No owner listed: whoever ran the setup, which the paste cannot tell (the
        // query may have run as another role), so any owner's matching grant counts.
        let owner = d.owner.as_ref().map_or(ANY_OWNER, |o| o.raw());
        let places = if d.per_schema {
            schemas.clone()
        } else {
            vec![""]
        };
        for s in places {
            for p in &d.privs {
                let withheld = i.facts.iter().any(|f| {
                    f.kind == "withheld" && f.fields[..2] == ["default", owner] && f.fields[3] == *p
                });
                if withheld && d.code == "r" {
                    continue;
                }
                want.insert(key(&["default", owner, s, d.code, p]));
            }
        }
    }
    (want, everyone)
}
