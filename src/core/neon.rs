//! Neon auto-defaults as a pure state transition.
//!
//! When the host becomes a Neon host, fields still at the generic defaults switch to
//! Neon's (`neondb`, `neondb_owner`); when it stops being one, values that were switched
//! automatically and not edited since switch back. Unlike the original, which re-applied
//! the defaults on every render, this happens only on the host's transition, so an owner
//! or database the user empties or types on a Neon host is never overwritten.

/// The generic table owner.
pub const OWNER_DEFAULT: &str = "postgres";
/// Neon's owner role.
pub const OWNER_NEON: &str = "neondb_owner";
/// The generic database.
pub const DB_DEFAULT: &str = "postgres";
/// Neon's default database.
pub const DB_NEON: &str = "neondb";
/// Host placeholder for ordinary hosts.
pub const HOST_HINT_DEFAULT: &str = "db.example.com";
/// Host placeholder while the host is a Neon host.
pub const HOST_HINT_NEON: &str = "ep-sunny-lake-123456.us-east-2.aws.neon.tech";

/// The fields Neon defaults touch, and whether each holds an automatic value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NeonFields {
    /// The table owner role(s) text.
    pub owners: String,
    /// The database name text.
    pub database: String,
    /// `owners` was set automatically and not edited since.
    pub owners_auto: bool,
    /// `database` was set automatically and not edited since.
    pub database_auto: bool,
}

impl Default for NeonFields {
    fn default() -> Self {
        NeonFields {
            owners: OWNER_DEFAULT.to_string(),
            database: DB_DEFAULT.to_string(),
            owners_auto: false,
            database_auto: false,
        }
    }
}

fn norm(s: &str) -> String {
    // ASCII folding: every comparison is with an ASCII default, and no non-ASCII
    // character lower-cases into one (Unicode tables would cost ~4 KB of wasm).
    super::text::js_trim(s).to_ascii_lowercase()
}

impl NeonFields {
    /// Applies a change of "is the host a Neon host". Returns true when a field changed.
    ///
    /// ```
    /// use grantsmith::core::neon::NeonFields;
    /// let mut f = NeonFields::default();
    /// f.host_changed(false, true);
    /// assert_eq!((f.owners.as_str(), f.database.as_str()), ("neondb_owner", "neondb"));
    /// f.host_changed(true, false);
    /// assert_eq!((f.owners.as_str(), f.database.as_str()), ("postgres", "postgres"));
    /// ```
    pub fn host_changed(&mut self, was_neon: bool, is_neon: bool) -> bool {
        let before = self.clone();
        if is_neon && !was_neon {
            let owner = norm(&self.owners);
            if !self.owners_auto && (owner.is_empty() || owner == OWNER_DEFAULT) {
                self.owners = OWNER_NEON.to_string();
                self.owners_auto = true;
            }
            let db = norm(&self.database);
            if !self.database_auto && (db.is_empty() || db == DB_DEFAULT) {
                self.database = DB_NEON.to_string();
                self.database_auto = true;
            }
        } else if was_neon && !is_neon {
            if self.owners_auto && norm(&self.owners) == OWNER_NEON {
                self.owners = OWNER_DEFAULT.to_string();
            }
            if self.database_auto && norm(&self.database) == DB_NEON {
                self.database = DB_DEFAULT.to_string();
            }
            self.owners_auto = false;
            self.database_auto = false;
        }
        *self != before
    }

    /// The user typed in the owner field: it is theirs now.
    pub fn edit_owners(&mut self, value: String) {
        self.owners = value;
        self.owners_auto = false;
    }

    /// The user typed in the database field: it is theirs now.
    pub fn edit_database(&mut self, value: String) {
        self.database = value;
        self.database_auto = false;
    }
}

/// The host placeholder for the current host.
pub fn host_hint(is_neon: bool) -> &'static str {
    if is_neon {
        HOST_HINT_NEON
    } else {
        HOST_HINT_DEFAULT
    }
}
