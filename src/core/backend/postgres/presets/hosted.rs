//! The presets on a hosted provider: grants object by object on what the running role
//! may grant ([`crate::core::backend::postgres::hosted`]).

use super::super::hosted::{listed_check, schema_in_reach, Class, Sweep};
use crate::core::quote::pg::{dollar_quote, literal_array};

impl super::setup::Plan {
    /// The privileges on schemas, as names.
    pub(crate) fn schema_privs(&self) -> Vec<&'static str> {
        self.privs.schema.iter().map(|p| p.as_str()).collect()
    }

    /// The object grants as (class, privileges).
    pub(crate) fn classes(&self) -> Vec<(Class, Vec<&'static str>)> {
        let p = &self.privs;
        vec![
            (Class::Tables, p.tables.iter().map(|x| x.as_str()).collect()),
            (
                Class::Sequences,
                p.sequences.iter().map(|x| x.as_str()).collect(),
            ),
            (
                Class::Functions,
                if p.functions { vec!["EXECUTE"] } else { vec![] },
            ),
        ]
    }

    /// Everything after the database grant, for a hosted provider.
    pub(super) fn hosted_grants(&self) -> String {
        let schema_privs = self.schema_privs();
        let reach = schema_in_reach(true, &schema_privs);
        let mut b = format!(
            "
DECLARE
  target_role text := {};
  s record;
  o record;
  skipped text;
BEGIN
",
            self.role.literal()
        );
        let listed = match &self.schemas {
            super::setup::Schemas::Listed(list) => {
                b.push_str(&listed_check(&literal_array(list), &reach));
                Some(list)
            }
            super::setup::Schemas::Matching { .. } => None,
        };
        let schemas = format!(
            "    SELECT n.oid, n.nspname FROM pg_namespace n
     WHERE {}{reach}
     ORDER BY nspname",
            self.scope_filter()
        );
        let sweep = Sweep {
            schema_privs: &schema_privs,
            objects: self.classes(),
        };
        let more = match listed {
            Some(_) => String::new(),
            None => self.loop_defaults(),
        };
        b.push_str(&sweep.render(&schemas, &reach, "  ", &more));
        if listed.is_none() {
            b.push_str(super::setup::NONE_MATCHED);
        }
        b.push_str("END\n");
        let mut out = format!(
            "\n\n-- Grant on what the role running this may grant, object by object\nDO {} LANGUAGE plpgsql;",
            dollar_quote(&b)
        );
        if let Some(list) = listed {
            out.push_str(&self.listed_defaults(list));
        }
        out
    }
}
