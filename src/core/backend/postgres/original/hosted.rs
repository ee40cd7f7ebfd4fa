//! The original's sweep on a hosted provider: the same grants as its all-schemas sweep,
//! made object by object on what the running role may grant (see
//! [`crate::core::backend::postgres::hosted`]), so none ends in a WARNING.

use super::setup::{parent_decls, SchemaScope, Setup};
use super::verify::scope_filter;
use crate::core::backend::postgres::hosted::{listed_check, schema_in_reach, Class, Sweep};
use crate::core::quote::pg::{dollar_quote, literal_array};

impl Setup {
    /// Whether the script is for a hosted provider's administrator.
    pub(crate) fn hosted(&self) -> bool {
        self.platform.is_some()
    }

    /// The grants, for a hosted provider.
    pub(super) fn hosted_sweep(&self) -> String {
        let parent = self.parent();
        let mut b = String::new();
        parent_decls(&mut b, &self.role.literal(), &parent.literal());
        b.push_str("  s record;\n  o record;\n  skipped text;\nBEGIN\n");
        let reach = schema_in_reach(true, &["USAGE"]);
        if let SchemaScope::Listed(list) = &self.scope {
            b.push_str(&listed_check(&literal_array(list), &reach));
        }
        let schemas = format!(
            "    SELECT n.oid, n.nspname FROM pg_namespace n
     WHERE {}{reach}
       AND (parent_role_oid IS NULL OR has_schema_privilege(parent_role_oid, n.oid, 'USAGE'))",
            scope_filter(self)
        );
        let sweep = Sweep {
            schema_privs: &["USAGE"],
            objects: vec![
                (Class::Tables, vec!["SELECT", "TRIGGER"]),
                (Class::Sequences, vec!["USAGE", "SELECT"]),
                (Class::Functions, vec!["EXECUTE"]),
            ],
        };
        b.push_str(&sweep.render(&schemas, &reach, "  ", ""));
        b.push_str("END\n");
        format!(
            "-- Grant on what the role running this may grant, object by object (run as {})\nDO {} LANGUAGE plpgsql;",
            parent.comment(),
            dollar_quote(&b)
        )
    }
}
