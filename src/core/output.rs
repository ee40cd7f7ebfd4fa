//! One result for every backend: field messages keyed by [`Field`], the hint beside
//! Generate (one rule), and the scripts.

use super::client::{write, Client, ConnInfo};
use super::intent::Field;

/// One of the texts a backend writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The setup script.
    Setup,
    /// A read-only query, a row per expected privilege.
    Verify,
    /// Revokes everything and drops the user.
    Uninstall,
    /// The connection string in the database's usual form.
    Conn,
    /// Original with RLS: the name of the policy the script creates.
    PolicyName,
    /// Metadata sync: the connection fields to type into the tool.
    Summary,
    /// PostgreSQL: a read-only query listing everything the user has, for the drift
    /// check.
    Inspect,
    /// Rotation without downtime, step 1: the new credential beside the old one (the
    /// PostgreSQL presets' second user, Snowflake's second key slot).
    Rotate,
    /// Rotation step 2: the old credential removed.
    Retire,
}

/// A validated intent, ready to write any of its parts (each only when asked: the
/// page renders verify and uninstall only when their section opens).
pub trait Render {
    /// The text of `part`, or `None` where this backend has no such part.
    fn render(&self, part: Part) -> Option<String>;

    /// What a client needs (host, port, database, user, password, TLS), where the
    /// backend's clients take those.
    fn conn_info(&self) -> Option<ConnInfo> {
        None
    }

    /// A client's form written by the backend itself (Snowflake's and BigQuery's take
    /// other values); `Err` says why that form cannot carry them.
    fn form(&self, _client: Client) -> Option<Result<String, String>> {
        None
    }

    /// PostgreSQL: a paste of the inspect query's output compared with the setup
    /// ([`crate::core::drift::check`]).
    fn check(&self, _paste: &str) -> Option<Result<crate::core::drift::Report, String>> {
        None
    }
}

/// Field messages collected while a backend checks an intent (the first per field).
#[derive(Debug, Default)]
pub struct Errors(pub(crate) Vec<(Field, String)>);

impl Errors {
    /// Records `r`'s message for `field` and passes its value on.
    pub fn take<T>(&mut self, field: Field, r: Result<T, String>) -> Option<T> {
        match r {
            Ok(v) => Some(v),
            Err(m) => {
                self.add(field, m);
                None
            }
        }
    }

    /// Records a message for `field` unless it has one.
    pub fn add(&mut self, field: Field, message: String) {
        if !self.0.iter().any(|(k, _)| *k == field) {
            self.0.push((field, message));
        }
    }

    /// Whether any field was refused.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// What a form shows: messages, the hint, and (when every field is fine) the scripts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Output {
    /// `(field, message)` for every refused field, in form order.
    pub errors: Vec<(Field, String)>,
    /// Beside Generate: what to type first, else the first message, else empty;
    /// Generate is enabled exactly when it is empty.
    pub hint: String,
    /// Said above Generate whatever was typed: what this provider or server needs
    /// beyond the script (change data capture).
    pub notes: Vec<String>,
    /// The setup script.
    pub setup: Option<String>,
    /// The verify query.
    pub verify: Option<String>,
    /// The uninstall script.
    pub uninstall: Option<String>,
    /// The connection string.
    pub conn: Option<String>,
    /// Original with RLS: the policy name.
    pub policy_name: Option<String>,
    /// Metadata sync: the connection fields.
    pub summary: Option<String>,
    /// PostgreSQL: the inspect query.
    pub inspect: Option<String>,
}

impl Output {
    /// The message for `field`, if refused.
    pub fn error(&self, field: Field) -> Option<&str> {
        self.errors
            .iter()
            .find(|(k, _)| *k == field)
            .map(|(_, m)| m.as_str())
    }

    /// Whether Generate is enabled.
    pub fn ready(&self) -> bool {
        self.hint.is_empty()
    }

    /// `(field key, message)` for every refused field (the CLI prints these).
    pub fn by_field(&self) -> Vec<(&'static str, String)> {
        self.errors
            .iter()
            .map(|(k, m)| (k.as_str(), m.clone()))
            .collect()
    }

    /// Fills in every part `r` has.
    pub(crate) fn fill(&mut self, r: &dyn Render) {
        self.setup = r.render(Part::Setup);
        self.verify = r.render(Part::Verify);
        self.uninstall = r.render(Part::Uninstall);
        self.conn = r.render(Part::Conn);
        self.policy_name = r.render(Part::PolicyName);
        self.summary = r.render(Part::Summary);
        self.inspect = r.render(Part::Inspect);
        // Rotate and Retire are written only when asked (`render`): the PostgreSQL
        // rotation pays a second password verifier.
    }
}

/// The four texts every non-PostgreSQL backend writes at once (they are small).
pub(crate) struct Scripts {
    pub setup: String,
    pub verify: String,
    pub uninstall: String,
    pub conn: String,
    /// Redshift, MySQL and SQL Server: their clients' forms.
    pub conn_info: Option<ConnInfo>,
    /// Forms the backend wrote itself.
    pub forms: Vec<(Client, Result<String, String>)>,
    /// MySQL: what the setup grants, for the inspect query and the drift check.
    pub drift: Option<crate::core::drift::mysql::Expect>,
    /// The other databases' inspect query (no check reads it yet).
    pub inspect: Option<String>,
}

impl Scripts {
    /// The renderer of four scripts (setup, verify, uninstall, inspect) and connection
    /// details that clients read in several forms: `info` written as `form` by default.
    pub fn with_clients(
        [setup, verify, uninstall, inspect]: [String; 4],
        info: ConnInfo,
        form: Client,
    ) -> Option<Box<dyn Render>> {
        Some(Box::new(Scripts {
            setup,
            verify,
            uninstall,
            conn: write(form, &info).unwrap_or_default(),
            conn_info: Some(info),
            forms: Vec::new(),
            drift: None,
            inspect: Some(inspect),
        }))
    }
}

impl Render for Scripts {
    fn render(&self, part: Part) -> Option<String> {
        let text = match part {
            Part::Setup => &self.setup,
            Part::Verify => &self.verify,
            Part::Uninstall => &self.uninstall,
            Part::Conn => &self.conn,
            Part::Inspect => {
                return self
                    .inspect
                    .clone()
                    .or_else(|| self.drift.as_ref().map(|e| e.inspect_sql()))
            }
            Part::PolicyName | Part::Summary | Part::Rotate | Part::Retire => return None,
        };
        Some(text.clone())
    }

    fn conn_info(&self) -> Option<ConnInfo> {
        self.conn_info.clone()
    }

    fn form(&self, client: Client) -> Option<Result<String, String>> {
        self.forms
            .iter()
            .find(|(c, _)| *c == client)
            .map(|(_, t)| t.clone())
    }

    #[cfg(feature = "drift")]
    fn check(&self, paste: &str) -> Option<Result<crate::core::drift::Report, String>> {
        self.drift.as_ref().map(|e| e.check(paste))
    }
}
