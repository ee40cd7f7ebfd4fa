//! The original's setup converges too: run after another preset (or a hand grant), it
//! takes back in its scope what is beyond the original's grants (INSERT, UPDATE, DELETE,
//! CREATE on a schema, write default privileges …), with the presets' own take-back
//! ([`crate::core::backend::postgres::converge`]). It runs after the original's
//! statements, in the same transaction, so those stay byte for byte the original's.

use super::setup::Setup;
use super::verify::scope_filter;
use crate::core::backend::postgres::converge::{names, take_back, verify_extras, Keep};

impl Setup {
    /// What the original grants, in its scope: the schemas its sweep reaches (those the
    /// first owner may use).
    fn keep(&self) -> Keep {
        let parent = self.parent().literal();
        Keep {
            filter: format!(
                "{}
       AND (NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = {parent})
            OR has_schema_privilege((SELECT oid FROM pg_roles WHERE rolname = {parent}), n.oid, 'USAGE'))",
                scope_filter(self)
            ),
            db: names(&["CONNECT", "CREATE", "TEMPORARY"]),
            schema: names(&["USAGE"]),
            tables: names(&["SELECT", "TRIGGER"]),
            seqs: names(&["USAGE", "SELECT"]),
            funcs: names(&["EXECUTE"]),
            future: true,
        }
    }

    /// The take-back block, for after the original's statements.
    pub(super) fn take_back(&self) -> String {
        take_back(&self.role.literal().to_string(), &self.keep())
    }

    /// Verify's rows for what the user holds in scope beyond the original's grants.
    pub(super) fn verify_extras(&self) -> String {
        verify_extras(&self.keep())
    }
}
