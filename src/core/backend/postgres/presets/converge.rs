//! The presets' take-back: what each plan keeps in its scope
//! ([`crate::core::backend::postgres::converge`]).

use super::super::converge::{names, take_back, verify_extras, Keep};
use super::setup::Plan;

impl Plan {
    /// What the plan keeps in its scope.
    fn keep(&self) -> Keep {
        let p = &self.privs;
        let strs = |v: Vec<&'static str>| names(&v);
        Keep {
            filter: self.scope_filter(),
            db: strs(p.database.iter().map(|x| x.as_str()).collect()),
            schema: strs(p.schema.iter().map(|x| x.as_str()).collect()),
            tables: strs(p.tables.iter().map(|x| x.as_str()).collect()),
            seqs: strs(p.sequences.iter().map(|x| x.as_str()).collect()),
            funcs: names(if p.functions { &["EXECUTE"] } else { &[] }),
            future: p.future,
        }
    }

    /// The take-back block for this plan.
    pub(super) fn take_back(&self) -> String {
        take_back(&self.role.literal().to_string(), &self.keep())
    }

    /// Verify's extra rows for this plan.
    pub(super) fn verify_extras(&self) -> String {
        verify_extras(&self.keep())
    }
}
