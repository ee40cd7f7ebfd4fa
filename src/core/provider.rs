//! Hosted PostgreSQL providers: told from the host where it says, or picked. Each knows
//! who runs the script there (never a superuser), the schemas that belong to the
//! platform, whether a hashed password is accepted and whether TLS is required. Hosts no
//! rule matches, with no provider picked, get exactly the original's output.

use super::text::js_trim;

/// A hosted PostgreSQL provider with rules of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Provider {
    /// Supabase: its services keep their data in schemas of the same database.
    Supabase,
    /// Neon: `neondb_owner`, a member of `neon_superuser`.
    Neon,
    /// Amazon RDS and Aurora: the master user, a member of `rds_superuser`.
    Rds,
    /// Google Cloud SQL: `postgres`, a member of `cloudsqlsuperuser` (no telling host).
    CloudSql,
    /// Azure Database for PostgreSQL flexible server: a member of `azure_pg_admin`.
    Azure,
    /// Aiven: `avnadmin`.
    Aiven,
    /// DigitalOcean managed databases: `doadmin`.
    DigitalOcean,
    /// Render: the database's own user.
    Render,
    /// Timescale Cloud: `tsdbadmin`; TimescaleDB's own schemas.
    Timescale,
}

/// What a provider is like, as data.
struct Rules {
    key: &'static str,
    label: &'static str,
    /// Host name suffixes that belong to the provider (none for Cloud SQL).
    hosts: &'static [&'static str],
    /// The role that runs the script, as the provider's documentation names it.
    runner: &'static str,
    /// Schemas of the platform, by name and by name prefix.
    schemas: &'static [&'static str],
    prefixes: &'static [&'static str],
    /// `PASSWORD 'SCRAM-SHA-256$…'` is accepted.
    hashed_passwords: bool,
    /// Connections without TLS are refused by default.
    tls_required: bool,
    /// What its connection pooler changes, if it has one.
    pooler: &'static str,
}

/// Supabase's platform schemas: its services' own (Auth, Storage, Realtime, Vault,
/// Edge Functions hooks, GraphQL, the pooler, pg_net, pg_cron, migrations) and the one
/// its extensions live in. A grant there could hand out `vault.decrypted_secrets`.
const SUPABASE_SCHEMAS: &[&str] = &[
    "auth",
    "storage",
    "vault",
    "realtime",
    "_realtime",
    "_analytics",
    "supabase_functions",
    "supabase_migrations",
    "graphql",
    "graphql_public",
    "pgbouncer",
    "extensions",
    "net",
    "cron",
    "pgtle",
];

const fn rules(key: &'static str, label: &'static str, runner: &'static str) -> Rules {
    Rules {
        key,
        label,
        hosts: &[],
        runner,
        schemas: &[],
        prefixes: &[],
        hashed_passwords: true,
        tls_required: true,
        pooler: "",
    }
}

const RULES: [Rules; 9] = [
    Rules {
        hosts: &["supabase.co", "supabase.com"],
        schemas: SUPABASE_SCHEMAS,
        prefixes: &["pgsodium"],
        tls_required: false,
        pooler: " Through its pooler (*.pooler.supabase.com, port 6543 in transaction mode) the user signs in as <user>.<project-ref>; setup needs the direct host.",
        ..rules("supabase", "Supabase", "postgres")
    },
    Rules {
        hosts: &["neon.tech"],
        // "Passwords must be supplied in plain text … Hashed passwords are not supported."
        hashed_passwords: false,
        pooler: " Its -pooler hosts run PgBouncer in transaction mode: no session state between statements.",
        ..rules("neon", "Neon", "neondb_owner")
    },
    Rules {
        hosts: &["rds.amazonaws.com", "rds.amazonaws.com.cn"],
        ..rules(
            "rds",
            "Amazon RDS / Aurora",
            "the master user (rds_superuser)",
        )
    },
    Rules {
        tls_required: false,
        ..rules(
            "cloudsql",
            "Google Cloud SQL",
            "postgres (cloudsqlsuperuser)",
        )
    },
    Rules {
        hosts: &["postgres.database.azure.com"],
        ..rules(
            "azure",
            "Azure Database for PostgreSQL",
            "the server admin (azure_pg_admin)",
        )
    },
    Rules {
        hosts: &["aivencloud.com"],
        ..rules("aiven", "Aiven", "avnadmin")
    },
    Rules {
        hosts: &["ondigitalocean.com"],
        ..rules("digitalocean", "DigitalOcean", "doadmin")
    },
    Rules {
        hosts: &["render.com"],
        ..rules("render", "Render", "the database's user")
    },
    Rules {
        hosts: &["timescale.com", "tsdb.cloud.timescale.com"],
        schemas: &["timescaledb_information", "timescaledb_experimental"],
        prefixes: &["_timescaledb"],
        ..rules("timescale", "Timescale", "tsdbadmin")
    },
];

/// Whether `host` (trimmed, ASCII lower case) is `domain` or under it.
fn under(host: &str, domain: &str) -> bool {
    host == domain
        || host
            .strip_suffix(domain)
            .is_some_and(|rest| rest.ends_with('.'))
}

impl Provider {
    /// Every provider, in picker order.
    pub const ALL: [Provider; 9] = [
        Provider::Supabase,
        Provider::Neon,
        Provider::Rds,
        Provider::CloudSql,
        Provider::Azure,
        Provider::Aiven,
        Provider::DigitalOcean,
        Provider::Render,
        Provider::Timescale,
    ];

    fn rules(self) -> &'static Rules {
        &RULES[self as usize]
    }

    /// The provider a host belongs to, if a rule knows it (Neon as the original tells
    /// it: the host contains `neon.tech`).
    ///
    /// ```
    /// use grantsmith::core::provider::Provider;
    /// assert_eq!(Provider::of_host("db.abcdefgh.supabase.co"), Some(Provider::Supabase));
    /// assert_eq!(Provider::of_host("aws-0-eu-west-1.pooler.supabase.com"), Some(Provider::Supabase));
    /// assert_eq!(Provider::of_host("x.abc.eu-west-1.rds.amazonaws.com"), Some(Provider::Rds));
    /// assert_eq!(Provider::of_host("ep-x.us-east-2.aws.neon.tech"), Some(Provider::Neon));
    /// assert_eq!(Provider::of_host("notsupabase.co"), None);
    /// assert_eq!(Provider::of_host("db.example.com"), None);
    /// ```
    pub fn of_host(host: &str) -> Option<Provider> {
        if super::host::is_neon_host(host) {
            return Some(Provider::Neon);
        }
        let h = js_trim(host).to_ascii_lowercase();
        Provider::ALL
            .into_iter()
            .find(|p| p.rules().hosts.iter().any(|d| under(&h, d)))
    }

    /// Key in links, `data-provider`, the CLI and JSON.
    pub fn as_str(self) -> &'static str {
        self.rules().key
    }

    /// The provider with this key.
    pub fn from_key(key: &str) -> Option<Provider> {
        Provider::ALL.into_iter().find(|p| p.as_str() == key)
    }

    /// The provider's name, for messages.
    pub fn label(self) -> &'static str {
        self.rules().label
    }

    /// The role that runs the script there.
    pub fn runner(self) -> &'static str {
        self.rules().runner
    }

    /// Whether a SCRAM verifier may stand for the password.
    pub fn hashed_passwords(self) -> bool {
        self.rules().hashed_passwords
    }

    /// Whether connections need TLS by default.
    pub fn tls_required(self) -> bool {
        self.rules().tls_required
    }

    /// Whether `schema` belongs to the platform.
    ///
    /// ```
    /// use grantsmith::core::provider::Provider;
    /// assert!(Provider::Supabase.owns_schema("vault"));
    /// assert!(Provider::Supabase.owns_schema("pgsodium_masks"));
    /// assert!(!Provider::Supabase.owns_schema("public"));
    /// assert!(!Provider::Rds.owns_schema("vault"));
    /// ```
    pub fn owns_schema(self, schema: &str) -> bool {
        let r = self.rules();
        r.schemas.contains(&schema) || r.prefixes.iter().any(|p| schema.starts_with(p))
    }

    /// The message next to a listed platform schema.
    pub fn refusal(self, schema: &str) -> String {
        format!(
            "Schema \"{schema}\" belongs to {}: its platform schemas are never granted on",
            self.label()
        )
    }

    /// `AND …` lines that keep the platform's schemas out of a schema filter over
    /// `column` (empty for no provider or none to keep out), one line each.
    pub fn filter(provider: Option<Provider>, column: &str, indent: &str) -> String {
        let Some(r) = provider.map(Provider::rules) else {
            return String::new();
        };
        let mut f = String::new();
        if !r.schemas.is_empty() {
            let names: Vec<String> = r.schemas.iter().map(|s| format!("'{s}'")).collect();
            f = format!(
                "\n{indent}AND {column} <> ALL (ARRAY[{}])",
                names.join(", ")
            );
        }
        for p in r.prefixes {
            f.push_str(&format!("\n{indent}AND {column} NOT LIKE '{p}%'"));
        }
        f
    }

    /// What is different there, for the note under the host.
    pub fn note(self) -> String {
        let r = self.rules();
        let mut n = format!(
            "{}: run the setup and verify scripts as {}. Grants reach only what that role may grant",
            r.label, r.runner
        );
        if !r.schemas.is_empty() || !r.prefixes.is_empty() {
            n.push_str("; the platform's own schemas are left out");
        }
        n.push('.');
        if !r.hashed_passwords {
            n.push_str(" Hashed passwords are not supported: the password goes into the script as typed, and needs about 60 bits of entropy (12+ mixed characters).");
        }
        if r.tls_required {
            n.push_str(" TLS is required.");
        }
        n.push_str(r.pooler);
        n
    }
}

pub use super::provider_pick::Pick;
