//! A database's form as data: its fields (with labels, placeholders, defaults and when
//! they show), its password and TLS options, its starting scope. Each database's
//! `spec.rs` fills one; the model reads them for its defaults, and the backends check
//! and render what was typed into them.

use crate::core::intent::{Field, Intent, Preset, Scope, Switch};

/// When a field is part of the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// Always.
    Always,
    /// For these accesses only.
    Preset(&'static [Preset]),
    /// Only with this scope (listed schemas, or filters for all schemas).
    Scope(Scope),
    /// Only while this option is on (`true`) or off (`false`).
    Switch(Switch, bool),
    /// Only while the host is Supabase's pooler (its sign-in names need the project).
    SupabasePooler,
}

/// How a backend shows one field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldSpec {
    /// Which field.
    pub key: Field,
    /// Visible label.
    pub label: &'static str,
    /// Shown in the empty field: an example, or what an empty field means.
    pub placeholder: &'static str,
    /// The starting value.
    pub default: &'static str,
    /// A text area (lists, keys) instead of a one-line input.
    pub multiline: bool,
    /// When the field is part of the form.
    pub when: When,
}

impl FieldSpec {
    /// A one-line field, always part of the form.
    pub const fn text(
        key: Field,
        label: &'static str,
        placeholder: &'static str,
        default: &'static str,
    ) -> Self {
        FieldSpec {
            key,
            label,
            placeholder,
            default,
            multiline: false,
            when: When::Always,
        }
    }

    /// A text area (a list, a key), always part of the form.
    pub const fn list(
        key: Field,
        label: &'static str,
        placeholder: &'static str,
        default: &'static str,
    ) -> Self {
        FieldSpec {
            multiline: true,
            ..FieldSpec::text(key, label, placeholder, default)
        }
    }

    /// The same field, part of the form only `when`.
    pub const fn when(self, when: When) -> Self {
        FieldSpec { when, ..self }
    }
}

/// Everything the form of a backend needs to know, as data.
pub struct Spec {
    /// The fields, in form order (the password comes after them).
    pub fields: &'static [FieldSpec],
    /// Shown beside Generate while the first field is empty.
    pub start_hint: &'static str,
    /// A password field (Snowflake and BigQuery sign in with keys).
    pub password: bool,
    /// PostgreSQL: the SCRAM verifier toggle.
    pub scram: bool,
    /// The "Require TLS" box's label, where the backend has one.
    pub tls: Option<&'static str>,
    /// Whether TLS starts on.
    pub tls_default: bool,
    /// The starting scope.
    pub scope: Scope,
    /// Accesses that choose between listed schemas and all matching ones.
    pub scope_choice: &'static [Preset],
    /// Speaks libpq's protocol: the connection details come in each libpq form too.
    pub libpq: bool,
    /// The preset's own on/off options, in form order (each starts off).
    pub switches: &'static [Switch],
}

/// The TLS box's label for the databases where it also binds the user.
const TLS_LABEL: &str =
    "Require TLS (in the connection string, and for the user where the database can)";

/// Shown while the host is empty: the original's words, which the PostgreSQL presets
/// share.
pub const HINT_NO_HOST: &str = "Enter a host to generate";

/// The user field most backends share.
pub const USER: FieldSpec = FieldSpec::text(Field::Role, "User name", "dagflux", "dagflux");

/// A schema list field (`label` says what a schema is called there).
pub const fn schemas(
    label: &'static str,
    placeholder: &'static str,
    default: &'static str,
) -> FieldSpec {
    FieldSpec::list(Field::Schemas, label, placeholder, default)
}

impl Spec {
    /// A backend with listed schemas and neither password nor TLS box (add them with
    /// [`Spec::with_password`] and [`Spec::with_tls`]).
    pub const fn new(fields: &'static [FieldSpec], start_hint: &'static str) -> Spec {
        Spec {
            fields,
            start_hint,
            password: false,
            scram: false,
            tls: None,
            tls_default: false,
            scope: Scope::Listed,
            scope_choice: &[],
            libpq: false,
            switches: &[],
        }
    }

    /// Speaking libpq's protocol (its URI, keyword/value, variables, `.pgpass`).
    pub const fn with_libpq(self) -> Spec {
        Spec {
            libpq: true,
            ..self
        }
    }

    /// With a password field.
    pub const fn with_password(self) -> Spec {
        Spec {
            password: true,
            ..self
        }
    }

    /// With a "Require TLS" box, on or off at first.
    pub const fn with_tls(self, on: bool) -> Spec {
        Spec {
            tls: Some(TLS_LABEL),
            tls_default: on,
            ..self
        }
    }

    /// The fields that exist for `access`, in form order.
    pub fn fields_for(&self, preset: Preset) -> impl Iterator<Item = &'static FieldSpec> {
        self.fields.iter().filter(move |f| match f.when {
            When::Preset(a) => a.contains(&preset),
            _ => true,
        })
    }

    /// The scope `i` really has: its own where its access offers the choice, else the
    /// backend's.
    pub fn scope_of(&self, i: &Intent) -> Scope {
        if self.scope_choice.contains(&i.preset) {
            i.scope
        } else {
            self.scope
        }
    }

    /// Whether `f` is part of the form for `i`.
    pub fn shown(&self, f: &FieldSpec, i: &Intent) -> bool {
        match f.when {
            When::Always => true,
            When::Preset(a) => a.contains(&i.preset),
            When::Scope(s) => s == self.scope_of(i),
            When::Switch(s, on) => i.switch(s) == on,
            When::SupabasePooler => crate::core::traps::supabase_pooler(i.get(Field::Host)),
        }
    }

    /// The spec of `field` for `access`, if the form has it.
    pub fn field(&self, preset: Preset, field: Field) -> Option<&'static FieldSpec> {
        self.fields_for(preset).find(|f| f.key == field)
    }
}
