//! The name the integration signs in with through Supabase's pooler (Supavisor):
//! `user.project-ref`, because one pooler host serves every project of a region and
//! tells them apart by the suffix
//! (<https://supabase.com/docs/guides/database/connecting-to-postgres#connection-pooler>).

use crate::core::intent::{Field, Intent};
use crate::core::text::js_trim;

/// The sign-in name for `user` at the host typed: `user.project-ref` on Supabase's
/// pooler (the project ref is then required and checked), `user` anywhere else.
pub(super) fn login_name(i: &Intent, user: &str) -> Result<String, String> {
    if !crate::core::traps::supabase_pooler(i.get(Field::Host)) {
        return Ok(user.to_string());
    }
    let r = js_trim(i.get(Field::ProjectRef));
    if r.is_empty() {
        return Err("Supabase's pooler signs the user in as user.project-ref: enter the project ref (the part after db. in db.<project-ref>.supabase.co, or in the dashboard's project settings)".into());
    }
    // Project refs are DNS labels (they name db.<ref>.supabase.co): letters and digits.
    if r.len() > 63
        || !r
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    {
        return Err(
            "A project ref is lowercase letters and digits, as in db.<project-ref>.supabase.co"
                .into(),
        );
    }
    Ok(format!("{user}.{r}"))
}
