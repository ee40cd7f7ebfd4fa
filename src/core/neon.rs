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

use super::host::is_neon_host;
use super::intent::{Field, Intent, Preset};

fn norm(s: &str) -> String {
    // ASCII folding: every comparison is with an ASCII default, and no non-ASCII
    // character lower-cases into one (Unicode tables would cost ~4 KB of wasm).
    super::text::js_trim(s).to_ascii_lowercase()
}

/// Applies Neon's defaults as the host of an original-applet intent changes to
/// `new_host`: on becoming a Neon host, fields still at the generic defaults switch;
/// on leaving, fields switched automatically and not edited since switch back.
///
/// ```
/// use grantsmith::core::intent::{Field, Intent};
/// let mut i = Intent::default();
/// i.set(Field::Host, "ep-x.us-east-2.aws.neon.tech");
/// assert_eq!((i.get(Field::Owners), i.get(Field::Database)), ("neondb_owner", "neondb"));
/// i.set(Field::Host, "db.example.com");
/// assert_eq!((i.get(Field::Owners), i.get(Field::Database)), ("postgres", "postgres"));
/// ```
pub(crate) fn host_changing(i: &mut Intent, new_host: &str) {
    if i.preset != Preset::Original {
        return;
    }
    let was = is_neon_host(i.get(Field::Host));
    let is = is_neon_host(new_host);
    if is && !was {
        let owner = norm(i.get(Field::Owners));
        if !i.neon.owners && (owner.is_empty() || owner == OWNER_DEFAULT) {
            i.put(Field::Owners, OWNER_NEON);
            i.neon.owners = true;
        }
        let db = norm(i.get(Field::Database));
        if !i.neon.database && (db.is_empty() || db == DB_DEFAULT) {
            i.put(Field::Database, DB_NEON);
            i.neon.database = true;
        }
    } else if was && !is {
        if i.neon.owners && norm(i.get(Field::Owners)) == OWNER_NEON {
            i.put(Field::Owners, OWNER_DEFAULT);
        }
        if i.neon.database && norm(i.get(Field::Database)) == DB_NEON {
            i.put(Field::Database, DB_DEFAULT);
        }
        i.neon = Default::default();
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
