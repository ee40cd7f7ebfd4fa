//! A validated PostgreSQL intent, written part by part when asked.

use crate::core::client::{uri, ConnInfo};
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
    /// What the setup grants, for the inspect query and the drift check; none in the
    /// build without the `extras` feature, which shows neither (see [`extra`]).
    pub expect: Option<fn(&S) -> crate::core::drift::Expect>,
    /// Its libpq forms.
    pub conn_info: ConnInfo,
}

/// `f`, or in the build without the `extras` feature (the page most readers open, which
/// shows the setup alone) nothing: verify, uninstall and the inspect query's
/// expectations are then not referenced, and the linker leaves them out.
pub(crate) fn extra<F>(f: F) -> Option<F> {
    cfg!(feature = "extras").then_some(f)
}

/// A script the build without the `extras` feature does not write ([`extra`]).
fn unwritten<S>(_: &S) -> String {
    String::new()
}

/// The setup writer and the verify and uninstall writers where this build has them.
pub(crate) fn writers<S>(
    setup: fn(&S) -> String,
    verify: fn(&S) -> String,
    uninstall: fn(&S) -> String,
) -> [fn(&S) -> String; 3] {
    [
        setup,
        extra(verify).unwrap_or(unwritten),
        extra(uninstall).unwrap_or(unwritten),
    ]
}

impl<S> Render for Lazy<S> {
    fn render(&self, part: Part) -> Option<String> {
        let write = match part {
            Part::Setup => self.scripts[0],
            Part::Verify => self.scripts[1],
            Part::Uninstall => self.scripts[2],
            // Written when asked, not on every keystroke's check.
            Part::Conn => return Some(uri(&self.conn_info)),
            // `expect` is always `None` without `extras`, but the linker cannot see that
            // through the field: the `cfg!` keeps the inspect query (~7 KB of SQL text)
            // out of the page that never shows it.
            Part::Inspect if cfg!(feature = "extras") => {
                return self.expect.map(|e| super::inspect::query(&e(&self.sql)))
            }
            Part::Inspect => return None,
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
        Some(crate::core::drift::check(&(self.expect?)(&self.sql), paste))
    }
}
