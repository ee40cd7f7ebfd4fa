//! Which provider's rules apply to an intent: told from the host, picked, or none.

use super::provider::Provider;

/// Which provider's rules apply: the one the host tells (the default), none, or one
/// picked (Cloud SQL has no telling host; a custom domain hides any provider).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Pick {
    /// Told from the host.
    #[default]
    Auto,
    /// No provider: a self-managed server.
    NoProvider,
    /// This provider, whatever the host.
    Is(Provider),
}

impl Pick {
    /// The provider whose rules apply for `host`.
    ///
    /// ```
    /// use grantsmith::core::provider::{Pick, Provider};
    /// assert_eq!(Pick::Auto.resolve("db.x.supabase.co"), Some(Provider::Supabase));
    /// assert_eq!(Pick::NoProvider.resolve("db.x.supabase.co"), None);
    /// assert_eq!(Pick::Is(Provider::CloudSql).resolve("10.0.0.3"), Some(Provider::CloudSql));
    /// ```
    pub fn resolve(self, host: &str) -> Option<Provider> {
        match self {
            Pick::Auto => Provider::of_host(host),
            Pick::NoProvider => None,
            Pick::Is(p) => Some(p),
        }
    }

    /// Key in links, `data-provider`, the CLI and JSON: `auto`, `none` or a provider's.
    pub fn as_str(self) -> &'static str {
        match self {
            Pick::Auto => "auto",
            Pick::NoProvider => "none",
            Pick::Is(p) => p.as_str(),
        }
    }

    /// The pick with this key.
    pub fn from_key(key: &str) -> Option<Pick> {
        match key {
            "auto" | "" => Some(Pick::Auto),
            "none" => Some(Pick::NoProvider),
            k => Provider::from_key(k).map(Pick::Is),
        }
    }
}
