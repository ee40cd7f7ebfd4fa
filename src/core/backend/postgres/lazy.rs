//! A validated PostgreSQL intent, written part by part when asked.

use crate::core::client::{write, Client, ConnInfo};
use crate::core::output::{Part, Render};

/// What a PostgreSQL backend validated, written part by part when asked: verify and
/// uninstall are long, and the page asks for them only when their section opens.
pub(crate) struct Lazy<S> {
    /// The validated request.
    pub sql: S,
    /// Its setup, verify and uninstall writers.
    pub scripts: [fn(&S) -> String; 3],
    /// The policy name or the metadata summary, where there is one.
    pub extra: Option<(Part, String)>,
    /// What the setup grants, for the inspect query and the drift check.
    pub expect: fn(&S) -> crate::core::drift::Expect,
    /// Its libpq forms.
    pub conn_info: ConnInfo,
}

impl<S> Render for Lazy<S> {
    fn render(&self, part: Part) -> Option<String> {
        let write = match part {
            Part::Setup => self.scripts[0],
            Part::Verify => self.scripts[1],
            Part::Uninstall => self.scripts[2],
            // Written when asked, not on every keystroke's check.
            Part::Conn => return write(Client::Uri, &self.conn_info).ok(),
            Part::Inspect => return Some(super::inspect::query(&(self.expect)(&self.sql))),
            _ => {
                return self
                    .extra
                    .clone()
                    .filter(|(p, _)| *p == part)
                    .map(|(_, t)| t)
            }
        };
        Some(write(&self.sql))
    }

    fn conn_info(&self) -> Option<ConnInfo> {
        Some(self.conn_info.clone())
    }

    // Without the feature the comparison is not referenced, so the page leaves it out.
    #[cfg(feature = "drift")]
    fn check(&self, paste: &str) -> Option<Result<crate::core::drift::Report, String>> {
        Some(crate::core::drift::check(&(self.expect)(&self.sql), paste))
    }
}
