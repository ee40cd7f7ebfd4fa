//! The one model under every database: an [`Intent`] says who (user, secret, client
//! host), where (host, port, database, schemas listed or matched, warehouse, location),
//! what (a named [`Preset`] or custom privileges per object kind), for whose future
//! objects (owner roles) and with which options (TLS, RLS). The page, the URL fragment,
//! the embed and the CLI all fill it through [`Intent::set`]; a backend checks and
//! renders it.

use super::brand::Brand;
pub use super::choices::{Db, Preset, Scope, Switch};
pub use super::field::Field;
use super::privileges::Privileges;
use super::provider::{Pick, Provider};
use super::spec::Spec;

/// Which automatic Neon defaults are in place (see [`super::neon`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct NeonAuto {
    /// `owners` was set to `neondb_owner` automatically and not edited since.
    pub owners: bool,
    /// `database` was set to `neondb` automatically and not edited since.
    pub database: bool,
}

/// The form as typed, for every database and access. Text fields are kept exactly as
/// typed; each backend trims, splits and checks them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Intent {
    /// The database.
    pub db: Db,
    /// What the user is for.
    pub preset: Preset,
    values: [String; Field::ALL.len()],
    /// Listed schemas, or all (matching) schemas.
    pub scope: Scope,
    /// Original: add permissive SELECT policies on RLS-enabled tables.
    pub rls: bool,
    /// Require TLS (in the connection string, and for the user where the database can).
    pub tls: bool,
    /// PostgreSQL: a SCRAM-SHA-256 verifier in the SQL instead of the password.
    pub scram: bool,
    /// Salt for the verifier (random per page load or CLI run).
    pub salt: [u8; 16],
    /// Custom access: what to grant per object kind.
    pub custom: Privileges,
    /// The preset's own options that are on (change data capture: the slot, the
    /// replica identity fix …); every one starts off.
    switches: Vec<Switch>,
    /// Neon defaults in place (original applet).
    pub neon: NeonAuto,
    /// PostgreSQL: whose hosting rules apply (told from the host unless picked); set
    /// with [`Intent::set_provider`].
    provider: Pick,
    /// The provider `provider` resolves to for the host: decided once per change of
    /// either (here), read everywhere else through [`Intent::provider`].
    resolved: Option<Provider>,
    /// The vendor's product the builder speaks for (an embed's profile); `None`: the
    /// original's texts.
    pub brand: Option<Brand>,
}

impl Default for Intent {
    /// The original applet's form: the page's default.
    fn default() -> Self {
        Intent::new(Db::Postgres, Preset::Original)
    }
}

impl Intent {
    /// The starting values of `db` for `access` (an access the database does not offer
    /// becomes its first).
    ///
    /// ```
    /// use grantsmith::core::intent::{Preset, Db, Field, Intent};
    /// let i = Intent::new(Db::MySql, Preset::ReadWrite);
    /// assert_eq!((i.get(Field::Port), i.get(Field::ClientHost)), ("3306", "%"));
    /// assert_eq!(Intent::new(Db::MySql, Preset::Original).preset, Preset::ReadOnly);
    /// ```
    pub fn new(db: Db, preset: Preset) -> Self {
        let preset = super::presets::offered(db, preset);
        let spec = super::presets::spec(db, preset);
        let mut i = Intent {
            db,
            preset,
            values: Default::default(),
            scope: spec.scope,
            rls: false,
            tls: spec.tls_default,
            scram: true,
            salt: [0; 16],
            custom: Privileges::connector_read_only(),
            switches: Vec::new(),
            neon: NeonAuto::default(),
            provider: Pick::Auto,
            resolved: None,
            brand: None,
        };
        for f in spec.fields_for(preset) {
            i.values[f.key.index()] = f.default.to_string();
        }
        i
    }

    /// The form this intent is typed into (its database's, for its preset).
    pub fn spec(&self) -> &'static Spec {
        super::presets::spec(self.db, self.preset)
    }

    /// A field as typed.
    pub fn get(&self, field: Field) -> &str {
        &self.values[field.index()]
    }

    /// Sets a field as the user typed it: a new host may switch Neon defaults, turns
    /// TLS on when it becomes a provider's that requires it, and an edited owner list or
    /// database is the user's from then on.
    pub fn set(&mut self, field: Field, value: impl Into<String>) {
        let value = value.into();
        match field {
            Field::Host => {
                super::neon::host_changing(self, &value);
                let resolved = self.provider.resolve(&value);
                self.tls_follows_provider(resolved);
                self.resolved = resolved;
            }
            Field::Owners => self.neon.owners = false,
            Field::Database => self.neon.database = false,
            _ => {}
        }
        self.values[field.index()] = value;
    }

    /// [`Intent::set`], chained: `Intent::default().with(Field::Host, "db.example.com")`.
    pub fn with(mut self, field: Field, value: impl Into<String>) -> Self {
        self.set(field, value);
        self
    }

    /// Sets a field without Neon's bookkeeping (the transition itself uses it).
    pub(crate) fn put(&mut self, field: Field, value: &str) {
        self.values[field.index()] = value.to_string();
    }

    /// Where the form has a TLS box (the presets), it turns on as the host becomes one
    /// of a provider that refuses connections without TLS (RDS, Azure, Neon…): the
    /// connection details would fail there otherwise. Never turned off by a host.
    ///
    /// ```
    /// use grantsmith::core::intent::{Preset, Db, Field, Intent};
    /// let mut i = Intent::new(Db::Postgres, Preset::ReadOnly);
    /// assert!(!i.tls);
    /// i.set(Field::Host, "app.abc.eu-west-1.rds.amazonaws.com");
    /// assert!(i.tls);
    /// ```
    fn tls_follows_provider(&mut self, new: Option<Provider>) {
        if self.db != Db::Postgres || self.spec().tls.is_none() {
            return;
        }
        let needs = |p: Option<Provider>| p.is_some_and(Provider::tls_required);
        if needs(new) && !needs(self.resolved) {
            self.tls = true;
        }
    }

    /// Whether the option `s` is on.
    pub fn switch(&self, s: Switch) -> bool {
        self.switches.contains(&s)
    }

    /// Turns the option `s` on or off.
    ///
    /// ```
    /// use grantsmith::core::intent::{Db, Intent, Preset, Switch};
    /// let mut i = Intent::new(Db::Postgres, Preset::Cdc);
    /// assert!(!i.switch(Switch::CreateSlot));
    /// i.set_switch(Switch::CreateSlot, true);
    /// assert!(i.switch(Switch::CreateSlot));
    /// ```
    pub fn set_switch(&mut self, s: Switch, on: bool) {
        self.switches.retain(|x| *x != s);
        if on {
            self.switches.push(s);
        }
    }

    /// Whose hosting rules apply, as picked (`auto`: told from the host).
    pub fn pick(&self) -> Pick {
        self.provider
    }

    /// Picks whose hosting rules apply.
    pub fn set_provider(&mut self, pick: Pick) {
        self.provider = pick;
        self.resolved = pick.resolve(self.get(Field::Host));
    }

    /// The user name an empty user field stands for: the profile's default user when
    /// the builder has a brand, else `spec_default` (the original's `dreamlit_app`).
    ///
    /// ```
    /// use grantsmith::core::intent::{Field, Intent};
    /// let i = Intent::default();
    /// assert_eq!(i.role_fallback("dreamlit_app"), "dreamlit_app");
    /// ```
    pub fn role_fallback<'a>(&'a self, spec_default: &'a str) -> &'a str {
        self.brand
            .as_ref()
            .and_then(Brand::user)
            .unwrap_or(spec_default)
    }

    /// The hosted provider whose rules apply (PostgreSQL only).
    ///
    /// ```
    /// use grantsmith::core::intent::{Field, Intent};
    /// use grantsmith::core::provider::Provider;
    /// let i = Intent::default().with(Field::Host, "db.abc.supabase.co");
    /// assert_eq!(i.provider(), Some(Provider::Supabase));
    /// ```
    pub fn provider(&self) -> Option<Provider> {
        match self.db {
            Db::Postgres => self.resolved,
            _ => None,
        }
    }

    /// Switches to another access of the same database: what was typed stays, and a
    /// field still at the old access's starting value takes the new one's.
    ///
    /// ```
    /// use grantsmith::core::intent::{Preset, Db, Field, Intent};
    /// let mut i = Intent::new(Db::Postgres, Preset::ReadWrite);
    /// i.set(Field::Host, "db.example.com");
    /// i.switch_preset(Preset::Metadata);
    /// assert_eq!((i.get(Field::Host), i.get(Field::Role)), ("db.example.com", "dagster_connection"));
    /// ```
    pub fn switch_preset(&mut self, preset: Preset) {
        let old = Intent::new(self.db, self.preset);
        let new = Intent::new(self.db, preset);
        for f in Field::ALL {
            if self.get(f) == old.get(f) {
                self.values[f.index()] = new.get(f).to_string();
            }
        }
        if self.scope == old.scope {
            self.scope = new.scope;
        }
        if self.tls == old.tls {
            self.tls = new.tls;
        }
        self.preset = new.preset;
    }
}
