//! The preset picker: the original applet (unchanged, the default) and the systems of
//! the other seeds, each a [`Plan`] with its own fields and defaults.

use super::conn::{connection_uri, validate_port, ConnParts};
use super::host::validate_host;
use super::ident::{Ident, Literal};
use super::plan::privs::Privileges;
use super::plan::{Plan, Schemas};
use super::text::{js_trim, or_default, split_list};

/// Which generator the page shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Preset {
    /// The original applet, byte for byte.
    #[default]
    Original,
    /// `seeds/001`: read-only metadata sync.
    MetadataSync,
    /// `seeds/002`: read-write connector.
    ConnectorReadWrite,
    /// `seeds/002`: read-only connector.
    ConnectorReadOnly,
    /// Every privilege chosen by hand.
    Custom,
}

impl Preset {
    /// Every preset, in picker order.
    pub const ALL: [Preset; 5] = [
        Preset::Original,
        Preset::MetadataSync,
        Preset::ConnectorReadWrite,
        Preset::ConnectorReadOnly,
        Preset::Custom,
    ];

    /// Stable key (picker value, URL fragment).
    pub fn as_str(self) -> &'static str {
        match self {
            Preset::Original => "original",
            Preset::MetadataSync => "metadata",
            Preset::ConnectorReadWrite => "connector-rw",
            Preset::ConnectorReadOnly => "connector-ro",
            Preset::Custom => "custom",
        }
    }

    /// Picker label.
    pub fn label(self) -> &'static str {
        match self {
            Preset::Original => "Original applet (trigger-based integration)",
            Preset::MetadataSync => "Read-only metadata sync",
            Preset::ConnectorReadWrite => "Read-write connector",
            Preset::ConnectorReadOnly => "Read-only connector",
            Preset::Custom => "Custom privileges",
        }
    }

    /// The preset for a key; unknown keys give the original.
    pub fn from_key(key: &str) -> Preset {
        Preset::ALL
            .into_iter()
            .find(|p| p.as_str() == key)
            .unwrap_or_default()
    }

    /// The user name a guide suggests.
    pub fn default_role(self) -> &'static str {
        match self {
            Preset::Original => "dreamlit_app",
            Preset::MetadataSync => "dagster_connection",
            Preset::ConnectorReadWrite | Preset::ConnectorReadOnly => "dagflux",
            Preset::Custom => "integration_user",
        }
    }

    /// What the preset grants (Custom: the caller's choice).
    pub fn privileges(self, custom: &Privileges) -> Privileges {
        match self {
            Preset::MetadataSync => Privileges::metadata_sync(),
            Preset::ConnectorReadWrite => Privileges::connector_read_write(),
            Preset::ConnectorReadOnly => Privileges::connector_read_only(),
            Preset::Original | Preset::Custom => custom.clone(),
        }
    }

    fn title(self) -> &'static str {
        match self {
            Preset::Original => "integration user",
            Preset::MetadataSync => "read-only metadata sync user",
            Preset::ConnectorReadWrite => "read-write connector user",
            Preset::ConnectorReadOnly => "read-only connector user",
            Preset::Custom => "integration user",
        }
    }
}

/// The fields of every preset other than the original.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PresetForm {
    /// Which preset.
    pub preset: Preset,
    /// Host (required).
    pub host: String,
    /// Port; empty means 5432.
    pub port: String,
    /// Login role; empty means the preset's default.
    pub role: String,
    /// Database (required).
    pub database: String,
    /// Schemas, commas or new lines; empty means `public`.
    pub schemas: String,
    /// Metadata sync: cover every schema matching the filters instead of a list.
    pub all_schemas: bool,
    /// Include filter (PostgreSQL regular expression), all-schemas mode.
    pub include: String,
    /// Exclude filter (PostgreSQL regular expression), all-schemas mode.
    pub exclude: String,
    /// Roles whose future tables get default privileges; empty = the role running it.
    pub owners: String,
    /// Connector "Use SSL": adds `sslmode=require` to the URI.
    pub ssl: bool,
    /// Metadata sync: the connection's name in the tool.
    pub connection_name: String,
    /// Metadata sync: the environment variable holding the password.
    pub password_env: String,
    /// Custom: what to grant.
    pub custom: Privileges,
    /// The password, as typed; empty keeps the placeholder.
    pub password: String,
    /// A SCRAM-SHA-256 verifier in the SQL instead of the password.
    pub scram: bool,
    /// Salt for the verifier.
    pub salt: [u8; 16],
}

impl PresetForm {
    /// Defaults for `preset`.
    pub fn new(preset: Preset) -> Self {
        PresetForm {
            preset,
            host: String::new(),
            port: "5432".into(),
            role: preset.default_role().into(),
            database: String::new(),
            schemas: "public".into(),
            all_schemas: false,
            include: String::new(),
            exclude: String::new(),
            owners: String::new(),
            ssl: false,
            connection_name: "postgres_production".into(),
            password_env: "POSTGRES_CONNECTION_PASSWORD".into(),
            custom: Privileges::connector_read_only(),
            password: String::new(),
            scram: true,
            salt: [0; 16],
        }
    }
}

/// Field messages.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PresetErrors {
    /// Host.
    pub host: Option<String>,
    /// Port.
    pub port: Option<String>,
    /// Role.
    pub role: Option<String>,
    /// Database.
    pub database: Option<String>,
    /// Schema list or filters.
    pub schemas: Option<String>,
    /// Owner roles.
    pub owners: Option<String>,
    /// The password.
    pub password: Option<String>,
}

impl PresetErrors {
    /// `(field, message)` for every refused field, in form order.
    pub fn by_field(&self) -> Vec<(&'static str, String)> {
        [
            ("host", &self.host),
            ("port", &self.port),
            ("role", &self.role),
            ("database", &self.database),
            ("schemas", &self.schemas),
            ("owners", &self.owners),
            ("password", &self.password),
        ]
        .into_iter()
        .filter_map(|(k, m)| Some((k, m.clone()?)))
        .collect()
    }

    /// The first message in form order.
    pub fn first(&self) -> Option<String> {
        self.by_field().into_iter().next().map(|(_, m)| m)
    }
}

/// Field messages and the hint, without rendering anything (what each keystroke needs);
/// `sql` is `Some("")` exactly when Generate is enabled.
pub fn check_preset(f: &PresetForm) -> PresetOutput {
    let (mut out, plan) = checked(f);
    out.sql = plan.map(|_| String::new());
    out
}

fn checked(f: &PresetForm) -> (PresetOutput, Option<Plan>) {
    let (errors, plan) = validate(f);
    let host = js_trim(&f.host);
    let hint = if host.is_empty() {
        super::form::HINT_NO_HOST.to_string()
    } else {
        errors.first().unwrap_or_default()
    };
    let out = PresetOutput {
        errors,
        hint,
        ..PresetOutput::default()
    };
    (out, plan.filter(|_| !host.is_empty()))
}

/// Everything a preset shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PresetOutput {
    /// Field messages.
    pub errors: PresetErrors,
    /// Beside Generate.
    pub hint: String,
    /// Setup, verify, uninstall, URI, summary: all or none.
    pub sql: Option<String>,
    /// The verify query.
    pub verify: Option<String>,
    /// The uninstall script.
    pub uninstall: Option<String>,
    /// The connection URI.
    pub conn: Option<String>,
    /// Metadata sync: the fields to type into the tool.
    pub summary: Option<String>,
}

/// PostgreSQL regular expressions are checked by the server; here only what would
/// certainly fail: unbalanced brackets or a trailing backslash.
fn check_regex(label: &str, re: &str) -> Result<(), String> {
    let mut depth = [0i32; 3];
    let mut chars = re.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.next().is_none() => {
                return Err(format!("{label} filter ends with a lone backslash"))
            }
            '(' => depth[0] += 1,
            ')' => depth[0] -= 1,
            '[' => depth[1] += 1,
            ']' => depth[1] -= 1,
            _ => {}
        }
        if depth.iter().any(|d| *d < 0) {
            break;
        }
    }
    if depth.iter().any(|d| *d != 0) {
        return Err(format!("{label} filter has unbalanced brackets"));
    }
    Ok(())
}

fn validate(f: &PresetForm) -> (PresetErrors, Option<Plan>) {
    let mut e = PresetErrors {
        host: validate_host(&f.host)
            .err()
            .map(|h| h.message().to_string()),
        port: validate_port(or_default(&f.port, "5432"))
            .err()
            .map(str::to_string),
        ..PresetErrors::default()
    };
    let role = Ident::new_role(or_default(&f.role, f.preset.default_role()))
        .map_err(|x| e.role = Some(x.message()))
        .ok();
    let database = match js_trim(&f.database) {
        "" => {
            e.database = Some("Enter the database name".into());
            None
        }
        d => Ident::new(d)
            .map_err(|x| e.database = Some(x.message()))
            .ok(),
    };
    let schemas = if f.all_schemas && f.preset == Preset::MetadataSync {
        let lit = |label: &str, s: &str| -> Result<Option<Literal>, String> {
            match js_trim(s) {
                "" => Ok(None),
                t => {
                    check_regex(label, t)?;
                    Literal::new(t).map(Some).map_err(|x| x.message())
                }
            }
        };
        match (lit("Include", &f.include), lit("Exclude", &f.exclude)) {
            (Ok(include), Ok(exclude)) => Some(Schemas::Matching { include, exclude }),
            (Err(m), _) | (_, Err(m)) => {
                e.schemas = Some(m);
                None
            }
        }
    } else {
        let items = split_list(&f.schemas).unwrap_or_else(|| vec!["public"]);
        items
            .iter()
            .map(|i| Ident::new_schema(i).map_err(|x| format!("Schema \"{i}\": {}", x.message())))
            .collect::<Result<Vec<_>, _>>()
            .map(Schemas::Listed)
            .map_err(|m| e.schemas = Some(m))
            .ok()
    };
    let owners = split_list(&f.owners)
        .unwrap_or_default()
        .iter()
        .map(|i| Ident::new_existing_role(i).map_err(|x| format!("Role \"{i}\": {}", x.message())))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|m| e.owners = Some(m))
        .ok();
    let password = super::form::password_sql(&f.password, f.scram, &f.salt)
        .map_err(|m| e.password = Some(m))
        .ok();
    let plan = match (role, database, schemas, owners, password) {
        (Some(role), Some(database), Some(schemas), Some(owners), Some(password))
            if e.first().is_none() =>
        {
            Some(Plan {
                title: f.preset.title(),
                role,
                database,
                password,
                schemas,
                privs: f.preset.privileges(&f.custom),
                owners,
            })
        }
        _ => None,
    };
    (e, plan)
}

/// Form in, everything the preset shows out.
///
/// ```
/// use grantsmith::core::preset::{generate_preset, Preset, PresetForm};
/// let mut f = PresetForm::new(Preset::ConnectorReadWrite);
/// f.host = "db.example.com".into();
/// f.database = "mydb".into();
/// f.ssl = true;
/// let out = generate_preset(&f);
/// assert!(out.sql.unwrap().contains("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA \"public\" TO \"dagflux\";"));
/// assert_eq!(out.conn.as_deref(), Some("postgresql://dagflux:[[REPLACE_WITH_PASSWORD]]@db.example.com:5432/mydb?sslmode=require"));
/// ```
pub fn generate_preset(f: &PresetForm) -> PresetOutput {
    let (mut out, plan) = checked(f);
    let Some(plan) = plan else {
        return out;
    };
    let host = js_trim(&f.host);
    let port = or_default(&f.port, "5432");
    let mut conn = connection_uri(&ConnParts {
        user: plan.role.raw(),
        password: (!f.password.is_empty()).then_some(f.password.as_str()),
        host,
        port,
        database: plan.database.raw(),
    });
    if f.ssl {
        conn.push_str("?sslmode=require");
    }
    if f.preset == Preset::MetadataSync {
        out.summary = Some(format!(
            "Connection name: {}\nHostname: {host}\nPort: {port}\nUsername: {}\nPassword environment variable: {}",
            or_default(&f.connection_name, "postgres_production"),
            plan.role.raw(),
            or_default(&f.password_env, "POSTGRES_CONNECTION_PASSWORD"),
        ));
    }
    out.conn = Some(conn);
    out.verify = Some(plan.verify_sql());
    out.uninstall = Some(plan.uninstall_sql());
    out.sql = Some(plan.render());
    out
}
