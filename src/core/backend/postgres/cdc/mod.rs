//! Change data capture on PostgreSQL: a login user with REPLICATION (the way its
//! provider allows), SELECT on the published tables and USAGE on their schemas, one
//! publication named after it, optionally its `pgoutput` slot; verify as a pre-flight
//! check; an uninstall that leaves no slot, publication or role.
//!
//! `spec` (the form), `names` (tables, publication and slot names), `notes` (per
//! provider), `setup`, `verify`, `uninstall`, `expect` (for the inspect query and the
//! drift check).

mod checks;
mod expect;
pub mod names;
pub mod notes;
mod owners;
mod setup;
pub mod spec;
mod uninstall;
mod verify;

use crate::core::backend::postgres::form::{
    conn_info, host_port, idents, not_platform, password_for, Password,
};
use crate::core::backend::postgres::guard::own_user;
use crate::core::client::{write, Client, ConnInfo};
use crate::core::intent::{Field, Intent, Switch};
use crate::core::output::{Errors, Part, Render};
use crate::core::provider::Provider;
use crate::core::quote::pg::{Comment, Ident, Literal};
use crate::core::text::{js_trim, or_default, split_unique};
use names::Table;
use notes::Replication;

/// What is published.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// These tables (`FOR TABLE`).
    Tables(Vec<Table>),
    /// Every table of these schemas, now and later (`FOR TABLES IN SCHEMA`, 15+).
    Schemas(Vec<Ident>),
}

/// A validated change-data-capture request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cdc {
    /// The login role the tool connects as.
    pub role: Ident,
    /// The database whose changes it reads.
    pub database: Ident,
    /// What follows `PASSWORD`.
    pub password: Password,
    /// What is published.
    pub target: Target,
    /// The publication, named after the user.
    pub publication: Ident,
    /// The slot's name (`[a-z0-9_]`), named after the user.
    pub slot: Literal,
    /// The script creates the slot (else the tool does, under this name).
    pub create_slot: bool,
    /// `REPLICA IDENTITY FULL` where a published table has none usable.
    pub identity_full: bool,
    /// The owners group (listed tables only): it owns the tables and the publication;
    /// their original owners and the user belong to it.
    pub owners_group: Option<Ident>,
    /// How REPLICATION is given on the provider.
    pub replication: Replication,
    /// The provider, if any.
    pub platform: Option<Provider>,
}

impl Cdc {
    /// The schemas the published tables are in, each once, in order.
    pub(crate) fn schemas(&self) -> Vec<Ident> {
        match &self.target {
            Target::Schemas(s) => s.clone(),
            Target::Tables(t) => {
                let mut v: Vec<Ident> = Vec::new();
                for s in t.iter().map(|t| &t.schema) {
                    if !v.contains(s) {
                        v.push(s.clone());
                    }
                }
                v
            }
        }
    }
}

/// The tables or schemas to publish, checked.
fn target(i: &Intent, platform: Option<Provider>) -> Result<Target, (Field, String)> {
    if i.switch(Switch::WholeSchemas) {
        let items = split_unique(i.get(Field::Schemas)).unwrap_or(vec!["public"]);
        return not_platform(platform, &items)
            .and_then(|()| idents("Schema", &items, Ident::new_schema))
            .map(Target::Schemas)
            .map_err(|m| (Field::Schemas, m));
    }
    let err = |m: String| (Field::Tables, m);
    let items = split_unique(i.get(Field::Tables))
        .ok_or_else(|| err("List the tables to publish, as schema.table".into()))?;
    let mut tables: Vec<Table> = Vec::new();
    for t in items.iter().map(|t| names::table(t)) {
        // The same table written two ways ("public".orders, public.orders) once:
        // a publication may not name a table twice.
        let t = t.map_err(err)?;
        if !tables.contains(&t) {
            tables.push(t);
        }
    }
    let schemas: Vec<&str> = tables.iter().map(|t| t.schema.raw()).collect();
    not_platform(platform, &schemas).map_err(err)?;
    Ok(Target::Tables(tables))
}

/// Checks the form and, when every field is fine, returns the renderer.
pub(crate) fn build(i: &Intent, e: &mut Errors) -> Option<Box<dyn Render>> {
    let port = host_port(i, e, "5432");
    let role = Ident::new_role(or_default(
        i.get(Field::Role),
        i.role_fallback(spec::ROLE_DEFAULT),
    ))
    .map_err(|x| e.add(Field::Role, x.message()))
    .ok();
    let database = match js_trim(i.get(Field::Database)) {
        "" => e.take(Field::Database, Err("Enter the database name".into())),
        d => Ident::new(d)
            .map_err(|x| e.add(Field::Database, x.message()))
            .ok(),
    };
    let platform = i.provider();
    let mut target = target(i, platform).map_err(|(f, m)| e.add(f, m)).ok();
    let owners_group = i.switch(Switch::OwnersGroup);
    if owners_group && matches!(target, Some(Target::Schemas(_))) {
        // A group owning every table of a schema, and those made later, is not what the
        // option offers: it hands over the tables it names.
        e.add(
            Field::Schemas,
            "The owners group takes listed tables only: turn whole schemas off, or the group off"
                .into(),
        );
        target = None;
    }
    let password = e.take(Field::Password, password_for(i, platform));
    let (port, role, database, target, password) = (port?, role?, database?, target?, password?);
    e.take(Field::Role, own_user(&role, &[]))?;
    if !e.is_empty() {
        return None;
    }
    let conn_info = conn_info(i, port, &database, &role, i.tls);
    let cdc = Cdc {
        owners_group: owners_group.then(|| names::group(role.raw())),
        publication: names::publication(role.raw()),
        slot: names::slot(role.raw()),
        role,
        database,
        password,
        target,
        create_slot: i.switch(Switch::CreateSlot),
        identity_full: i.switch(Switch::ReplicaIdentityFull),
        replication: Replication::on(platform),
        platform,
    };
    Some(Box::new(Scripts { cdc, conn_info }))
}

/// The validated request, its parts written when asked.
struct Scripts {
    cdc: Cdc,
    conn_info: ConnInfo,
}

impl Scripts {
    /// What the tool is told: the publication, the slot and the plugin.
    fn summary(&self) -> String {
        let c = &self.cdc;
        let slot = c.slot.to_string();
        format!(
            "Publication: {}\nReplication slot: {} ({})\nOutput plugin: pgoutput\nUser: {}",
            c.publication.comment(),
            &slot[1..slot.len() - 1],
            if c.create_slot {
                "made by the setup script"
            } else {
                "give the tool this name; it creates the slot when it first connects"
            },
            Comment::new(c.role.raw()),
        )
    }
}

impl Render for Scripts {
    fn render(&self, part: Part) -> Option<String> {
        match part {
            Part::Setup => Some(self.cdc.setup()),
            Part::Verify => Some(self.cdc.verify()),
            Part::Uninstall => Some(self.cdc.uninstall()),
            Part::Conn => write(Client::Uri, &self.conn_info).ok(),
            Part::Summary => Some(self.summary()),
            Part::Inspect => Some(crate::core::backend::postgres::inspect::query(
                &self.cdc.expect(),
            )),
            // A replication user is rotated as its provider allows REPLICATION: not here yet.
            Part::PolicyName | Part::Rotate | Part::Retire => None,
        }
    }

    // Without the feature the comparison is not referenced, so the page leaves it out.
    #[cfg(feature = "drift")]
    fn check(&self, paste: &str) -> Option<Result<crate::core::drift::Report, String>> {
        Some(crate::core::drift::check(&self.cdc.expect(), paste))
    }

    fn conn_info(&self) -> Option<ConnInfo> {
        Some(self.conn_info.clone())
    }
}
