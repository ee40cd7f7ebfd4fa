//! Hosted PostgreSQL providers, told from the host: what belongs to the platform and
//! is never granted on. Hosts no rule matches get exactly the original's output.

use super::text::js_trim;

/// A hosted PostgreSQL provider with rules of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Provider {
    /// Supabase: its services keep their data in schemas of their own in the same
    /// database (`auth` users, `storage` objects, `vault` secrets, …).
    Supabase,
}

/// Supabase's platform schemas: its services' own (Auth, Storage, Realtime, Vault,
/// Edge Functions hooks, GraphQL, the pooler, pg_net, pg_cron, migrations) and the one
/// its extensions live in. A grant there could hand out `vault.decrypted_secrets`.
const SUPABASE_SCHEMAS: [&str; 15] = [
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

/// Name prefixes of Supabase platform schemas (`pgsodium`, `pgsodium_masks`).
const SUPABASE_PREFIXES: [&str; 1] = ["pgsodium"];

impl Provider {
    /// The provider a host belongs to, if a rule knows it.
    ///
    /// ```
    /// use grantsmith::core::provider::Provider;
    /// assert_eq!(Provider::of_host("db.abcdefgh.supabase.co"), Some(Provider::Supabase));
    /// assert_eq!(Provider::of_host("aws-0-eu-west-1.pooler.supabase.com"), Some(Provider::Supabase));
    /// assert_eq!(Provider::of_host("db.example.com"), None);
    /// ```
    pub fn of_host(host: &str) -> Option<Provider> {
        let h = js_trim(host).to_ascii_lowercase();
        let under = |d: &str| h == d || h.ends_with(&format!(".{d}"));
        (under("supabase.co") || under("supabase.com")).then_some(Provider::Supabase)
    }

    /// The provider's name, for messages.
    pub fn label(self) -> &'static str {
        match self {
            Provider::Supabase => "Supabase",
        }
    }

    /// Whether `schema` belongs to the platform.
    ///
    /// ```
    /// use grantsmith::core::provider::Provider;
    /// assert!(Provider::Supabase.owns_schema("vault"));
    /// assert!(Provider::Supabase.owns_schema("pgsodium_masks"));
    /// assert!(!Provider::Supabase.owns_schema("public"));
    /// ```
    pub fn owns_schema(self, schema: &str) -> bool {
        SUPABASE_SCHEMAS.contains(&schema)
            || SUPABASE_PREFIXES.iter().any(|p| schema.starts_with(p))
    }

    /// The message next to a listed platform schema.
    pub fn refusal(self, schema: &str) -> String {
        format!(
            "Schema \"{schema}\" belongs to {}: its platform schemas are never granted on",
            self.label()
        )
    }

    /// `AND …` lines that keep the platform's schemas out of a schema filter over
    /// `column` (empty for no provider), one line each, indented as `indent`.
    pub fn filter(provider: Option<Provider>, column: &str, indent: &str) -> String {
        let Some(_) = provider else {
            return String::new();
        };
        let names: Vec<String> = SUPABASE_SCHEMAS.iter().map(|s| format!("'{s}'")).collect();
        let mut f = format!(
            "\n{indent}AND {column} <> ALL (ARRAY[{}])",
            names.join(", ")
        );
        for p in SUPABASE_PREFIXES {
            f.push_str(&format!("\n{indent}AND {column} NOT LIKE '{p}%'"));
        }
        f
    }
}
