//! Credentials rotated without downtime: a backend's renderer with two more parts,
//! written only when asked (a PostgreSQL verifier costs 4,096 PBKDF2 rounds).
//! PostgreSQL and Redshift-style databases alternate two users (AWS Secrets Manager's
//! "alternating users" strategy: a second user with the same privileges, the
//! integration moved to it, then the first retired); Snowflake alternates a user's two
//! key slots (`rotate.rs` in its folder).

use super::Backend;
use crate::core::client::{Client, ConnInfo};
use crate::core::output::{Part, Render};

/// Whether `backend` writes the rotate and retire scripts: PostgreSQL's presets
/// alternate two users; Snowflake alternates its key slots (once the new key is in the
/// form). The page shows its rotation section for these only.
///
/// ```
/// use grantsmith::core::backend::{rotation::offered, Backend};
/// assert!(offered(Backend::Postgres) && offered(Backend::Snowflake));
/// assert!(!offered(Backend::Original) && !offered(Backend::MySql));
/// ```
pub fn offered(backend: Backend) -> bool {
    matches!(backend, Backend::Postgres | Backend::Snowflake)
}

/// A part written on demand.
pub(crate) type Writer = Box<dyn Fn() -> String>;

/// `inner`, with [`Part::Rotate`] and [`Part::Retire`] written by `rotate` and `retire`.
pub(crate) struct WithRotation {
    /// The backend's renderer.
    pub inner: Box<dyn Render>,
    /// Step 1 (the new credential beside the old one) and step 2 (the old one removed).
    pub steps: Option<[Writer; 2]>,
}

impl Render for WithRotation {
    fn render(&self, part: Part) -> Option<String> {
        match part {
            Part::Rotate => self.steps.as_ref().map(|s| s[0]()),
            Part::Retire => self.steps.as_ref().map(|s| s[1]()),
            _ => self.inner.render(part),
        }
    }

    fn conn_info(&self) -> Option<ConnInfo> {
        self.inner.conn_info()
    }

    fn form(&self, client: Client) -> Option<Result<String, String>> {
        self.inner.form(client)
    }

    fn check(&self, paste: &str) -> Option<Result<crate::core::drift::Report, String>> {
        self.inner.check(paste)
    }
}

/// The other user of an alternating pair: `app` ↔ `app_2`, so that each rotation
/// moves the integration to the other name and back (`None` when `app_2` would not fit
/// in `max` bytes).
pub(crate) fn alternate(name: &str, max: usize) -> Option<String> {
    match name.strip_suffix("_2") {
        Some(first) if !first.is_empty() => Some(first.to_string()),
        _ => Some(format!("{name}_2")).filter(|n| n.len() <= max),
    }
}

#[cfg(test)]
mod tests {
    use super::alternate;

    #[test]
    fn the_pair_alternates() {
        assert_eq!(alternate("app", 63).as_deref(), Some("app_2"));
        assert_eq!(alternate("app_2", 63).as_deref(), Some("app"));
        assert_eq!(alternate("_2", 63).as_deref(), Some("_2_2"));
        assert_eq!(alternate(&"a".repeat(62), 63), None);
    }
}
