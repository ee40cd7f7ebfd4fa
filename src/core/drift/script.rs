//! The fix script: a comment listing what differs, then every row's statement (in one
//! transaction on PostgreSQL), then the rows a person must decide. The DBA runs it as an
//! administrator, so text from a paste reaches its `--` lines only through the comment
//! type of its database (see [`Row::what`](super::Row::what)).

use super::compare::{Report, Status};

impl Report {
    /// The fix script: every row's statement in one transaction, after a comment listing
    /// what differs; rows a person must decide are listed, not changed. The role and the
    /// rows' text were escaped by their database's comment type when made, so they are
    /// written into `--` lines as they are.
    pub fn fix_sql(&self) -> String {
        let role = &self.role;
        // Tests and the fuzz run debug builds: a row made without the comment type fails
        // there, at no cost to the page.
        debug_assert!(
            std::iter::once(role)
                .chain(self.rows.iter().map(|r| &r.what))
                .all(|t| !t.chars().any(crate::core::quote::is_unsafe_in_comment)),
            "text for a comment line with a control character: {self:?}"
        );
        if !self.drift() {
            let n = self.rows.len();
            return format!(
                "-- No drift: {role} has exactly what the setup grants ({n} privileges checked).\n"
            );
        }
        let mut out = format!("-- What {role} has that differs from the setup:\n");
        let mut statements = Vec::new();
        let mut later = Vec::new();
        let mut review = Vec::new();
        for r in self.rows.iter().filter(|r| r.status != Status::Present) {
            out.push_str(&format!("--   {r}\n"));
            match &r.fix {
                Some(s) if r.after_commit => later.push(s.as_str()),
                Some(s) => statements.push(s.as_str()),
                None => review.push(r.what.as_str()),
            }
        }
        if !statements.is_empty() || !later.is_empty() {
            let (begin, commit, how) = match self.atomic {
                true => ("BEGIN;\n", "COMMIT;\n", "with psql -v ON_ERROR_STOP=1;\n-- it changes only what this user has, all or nothing."),
                false => ("", "", "stopping at the first error;\n-- it changes only what this user has."),
            };
            let slot = match later.is_empty() {
                true => "",
                false => "\n-- The replication slot follows the COMMIT.",
            };
            out.push_str(&format!(
                "-- Run as the role that ran the setup (or a superuser), {how}{slot}\n"
            ));
            if !statements.is_empty() {
                out.push_str(begin);
                for s in statements {
                    out.push_str(s);
                    out.push('\n');
                }
                out.push_str(commit);
            }
        }
        if !later.is_empty() {
            out.push_str(
                "-- After the COMMIT, on its own: PostgreSQL makes no replication slot in a transaction\n-- that has written.\n",
            );
            for s in later {
                out.push_str(s);
                out.push('\n');
            }
        }
        if !review.is_empty() {
            out.push_str(
                "-- Not changed by this script (decide by hand, or run the setup script):\n",
            );
            for w in review {
                out.push_str(&format!("--   {w}\n"));
            }
        }
        out
    }
}
