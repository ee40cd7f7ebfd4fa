//! What Snowflake's setup and uninstall check before they change anything. A careful
//! DBA found the setup would take over any user USERADMIN may alter (a new key, a new
//! default role) and uninstall would drop it, with a role of the same name plus `_ROLE`.
//! Now:
//! - the page refuses Snowflake's own names (`ACCOUNTADMIN`, `SYSADMIN`, … and the
//!   `SNOWFLAKE` user) as the user;
//! - setup comments the user and its role (`Grantsmith: …`), and setup and uninstall
//!   first run a Snowflake Scripting block that raises an error, before any change, when
//!   the user or the role exists without that comment. A worksheet's "Run all" stops at
//!   the error; SnowSQL does with `-o exit_on_error=true` (the script's header says so).
//!
//! Parsed only (no Snowflake in the tests): written from the documentation of `SHOW
//! USERS`/`SHOW ROLES` (their `name` and `comment` columns), `RESULT_SCAN`, and
//! Snowflake Scripting's `EXCEPTION` declarations and `RAISE`.

use crate::core::quote::snowflake::{Ident, Str};

/// Snowflake's system roles and its own `SNOWFLAKE` user, as stored (upper case).
const RESERVED: [&str; 7] = [
    "ACCOUNTADMIN",
    "ORGADMIN",
    "SECURITYADMIN",
    "SYSADMIN",
    "USERADMIN",
    "PUBLIC",
    "SNOWFLAKE",
];

/// The page's refusal of a user name Snowflake uses itself, or that the checks block
/// could not carry (`$$` would end it).
pub fn own_user(user: &Ident) -> Result<(), String> {
    let name = user.stored();
    if RESERVED.contains(&name) {
        return Err(format!(
            "{name} is one of Snowflake's own roles or users: the integration needs a user of its own"
        ));
    }
    if name.contains("$$") {
        return Err("Cannot contain $$ (it would end the script's checks block)".into());
    }
    Ok(())
}

/// The comment setup gives the user and its role: the mark the checks look for.
pub fn mark() -> Str {
    Str::new("Grantsmith: made by its setup script")
}

/// The checks block, before any change: stops when `user` or `role` exists without the
/// mark.
pub fn checks(user: &Ident, role: &Ident) -> String {
    let mut b = String::from(
        "-- Checks first: stops here, changing nothing, when the user or its role exists but was not made by a
-- Grantsmith setup script (its comment says so). In SnowSQL, run with -o exit_on_error=true.
EXECUTE IMMEDIATE $$
DECLARE
  not_ours EXCEPTION (-20001, 'The user or its role exists and was not made by a Grantsmith setup script: nothing changed. Pick another user name.');
BEGIN
",
    );
    for (what, id) in [("USERS", user), ("ROLES", role)] {
        let name = Str::new(id.stored());
        b.push_str(&format!(
            "  SHOW {what} LIKE {name};
  IF (EXISTS (SELECT 1 FROM TABLE(RESULT_SCAN(LAST_QUERY_ID())) WHERE \"name\" = {name} AND COALESCE(\"comment\", '') NOT LIKE 'Grantsmith:%')) THEN
    RAISE not_ours;
  END IF;
"
        ));
    }
    b.push_str("END;\n$$;\n");
    b
}
