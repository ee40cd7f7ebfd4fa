//! The password's expiry on MySQL and MariaDB, for verify, the inspect query and the
//! drift check: when the account's password stops working, and whether the account
//! sets that itself (`PASSWORD EXPIRE INTERVAL n DAY` or `NEVER`) or follows the
//! server's policy (`PASSWORD EXPIRE DEFAULT`: `default_password_lifetime` days, 0 for
//! never).
//!
//! Where the server keeps it differs, so the statements that read it choose by the
//! server, through a prepared statement (a query naming a missing column fails):
//! - MySQL 5.7.4+: `mysql.user.password_lifetime` (NULL: the global policy, 0: never,
//!   n: days) and `password_last_changed`, a TIMESTAMP (MySQL Reference Manual,
//!   "Password Management", dev.mysql.com/doc/refman/8.0/en/password-management.html;
//!   WL#7131). Not run here: MySQL proper is not installed, this branch is from the docs.
//! - MariaDB 10.4.3+: the JSON in `mysql.global_priv.Priv` (MariaDB Knowledge Base,
//!   "mysql.global_priv Table", which does not list the keys; "User Password Expiry").
//!   Seen on MariaDB 10.11: `password_lifetime` is absent on a new account and -1 after
//!   `PASSWORD EXPIRE DEFAULT`, 0 after `NEVER`, n after `INTERVAL n DAY`;
//!   `password_last_changed` is in seconds since 1970 (UTC), and 0 once the password is
//!   expired by hand (`ALTER USER … PASSWORD EXPIRE`). The `mysql.user` view shows
//!   neither, only that (`password_expired`, 'Y' when the last change is 0).
//!
//! A password expired by hand signs in only to change itself (both servers): the line
//! then says `expired`, verify's row fails, and the drift check lists it for a person
//! (setting a password again is the setup's, which this check does not know).
//!
//! Both servers count the interval from the password's last change, so the password
//! stops working at that moment plus n days; the setup counts n from the day it sets
//! the password, so that moment falls on the form's date (UTC), or on the day before
//! when the script ran across midnight UTC: both are accepted.

use super::row;
use crate::core::drift::compare::{Row, Status};
use crate::core::drift::Inspection;
use crate::core::quote::mysql::{Account, Str};

/// The fact's kind: the same word as PostgreSQL's line, with a second field (`account`
/// or `default`: who decides the expiry).
pub const KIND: &str = "expires";

/// The account's own lifetime in days (NULL: the server's policy; 0: never), as the
/// statements of [`read_sql`] leave it.
const DAYS: &str = "@grantsmith_pw_days";

/// The lifetime that applies: the account's, or else the server's policy.
const LIFETIME: &str = "COALESCE(@grantsmith_pw_days, @@GLOBAL.default_password_lifetime)";

/// The statements that read `account`'s expiry into `@grantsmith_pw_days` (its own
/// lifetime, NULL for the server's policy), `@grantsmith_pw_changed` (the password's
/// last change, seconds since 1970 UTC) and `@grantsmith_pw_expired` (expired by hand,
/// `mysql.user.password_expired`, a column MySQL and MariaDB's view both have). They
/// change nothing but session variables, and leave them NULL for an account that does
/// not exist.
///
/// ```
/// use grantsmith::core::backend::mysql::Account;
/// use grantsmith::core::drift::mysql::expiry_read_sql;
/// let sql = expiry_read_sql(&Account::new("o'neil", "%"));
/// assert!(sql.contains("mysql.global_priv") && sql.contains("password_lifetime FROM mysql.user"));
/// assert!(sql.contains("User = ''o''''neil''"));
/// ```
pub fn read_sql(account: &Account) -> String {
    let at = format!("User = {} AND Host = {}", account.user(), account.host());
    let maria = format!(
        "SET {DAYS} = (SELECT NULLIF(CAST(JSON_VALUE(Priv, '$.password_lifetime') AS SIGNED), -1) FROM mysql.global_priv WHERE {at}), \
@grantsmith_pw_changed = (SELECT CAST(JSON_VALUE(Priv, '$.password_last_changed') AS SIGNED) FROM mysql.global_priv WHERE {at})"
    );
    let mysql = format!(
        "SET {DAYS} = (SELECT password_lifetime FROM mysql.user WHERE {at}), \
@grantsmith_pw_changed = (SELECT UNIX_TIMESTAMP(password_last_changed) FROM mysql.user WHERE {at})"
    );
    format!(
        "SET @grantsmith_pw_expired = (SELECT password_expired = 'Y' FROM mysql.user WHERE {at});
SET @grantsmith_sql = IF(VERSION() LIKE '%MariaDB%', {}, {});
PREPARE grantsmith_expiry_read FROM @grantsmith_sql;
EXECUTE grantsmith_expiry_read;
DEALLOCATE PREPARE grantsmith_expiry_read;
",
        Str::new(&maria),
        Str::new(&mysql)
    )
}

/// The moment the password stops working (a DATETIME in UTC), NULL for never.
fn until_at() -> String {
    format!(
        "IF({LIFETIME} > 0, TIMESTAMPADD(SECOND, @grantsmith_pw_changed + {LIFETIME} * 86400, '1970-01-01 00:00:00'), NULL)"
    )
}

/// The word the line prints for a password expired by hand.
const EXPIRED: &str = "expired";

/// That moment as the inspect line prints it (`YYYY-MM-DD HH:MM:SS`), empty for never,
/// `expired` for a password expired by hand.
pub(super) fn until_sql() -> String {
    format!(
        "IF(@grantsmith_pw_expired, '{EXPIRED}', COALESCE(DATE_FORMAT({}, '%Y-%m-%d %H:%i:%s'), ''))",
        until_at()
    )
}

/// Who decides: `account` (its own interval or NEVER) or `default` (the server's policy).
pub(super) fn source_sql() -> String {
    format!("IF({DAYS} IS NULL, 'default', 'account')")
}

/// Verify's check of the expiry, after [`read_sql`], as three SQL expressions: what the
/// account has (text), what the setup sets (a string literal) and whether they agree.
/// With a date, the account's own interval must end on that day (UTC) or the day
/// before; without, the account must follow the server's policy (`PASSWORD EXPIRE
/// DEFAULT`).
///
/// ```
/// use grantsmith::core::drift::mysql::expiry_verify_parts;
/// let (_, want, _) = expiry_verify_parts(Some("2099-12-31"));
/// assert_eq!(want, "'password expires on 2099-12-31 (UTC)'");
/// assert!(expiry_verify_parts(None).2.ends_with("AND @grantsmith_pw_days IS NULL"));
/// ```
pub fn verify_parts(date: Option<&str>) -> (String, String, String) {
    let until = until_sql();
    let has = format!(
        "CASE WHEN @grantsmith_pw_expired THEN 'expired by hand (PASSWORD EXPIRE): it signs in only to change its password'
       WHEN {DAYS} IS NULL THEN CONCAT('the server''s policy, default_password_lifetime = ', @@GLOBAL.default_password_lifetime, IF({until} = '', ': never expires', CONCAT(': expires ', {until}, ' UTC')))
       WHEN {DAYS} = 0 THEN 'never expires (PASSWORD EXPIRE NEVER)'
       ELSE CONCAT('expires ', {until}, ' UTC (PASSWORD EXPIRE INTERVAL ', {DAYS}, ' DAY)') END"
    );
    let (want, ok) = match date {
        Some(date) => {
            let d = Str::new(date);
            (
                Str::new(&format!("password expires on {date} (UTC)")),
                format!(
                    "{DAYS} > 0 AND DATE({}) BETWEEN {d} - INTERVAL 1 DAY AND {d}",
                    until_at()
                ),
            )
        }
        None => (
            Str::new("password expiry: the server's policy (PASSWORD EXPIRE DEFAULT)"),
            format!("{DAYS} IS NULL"),
        ),
    };
    let ok = format!("NOT COALESCE(@grantsmith_pw_expired, FALSE) AND {ok}");
    (has, want.to_string(), ok)
}

/// The statements that give `account` the setup's expiry again: the setup's `ALTER USER
/// … PASSWORD EXPIRE INTERVAL n DAY`, n counted from the password's last change (the
/// setup changes it just before, so it counts from today), or `PASSWORD EXPIRE DEFAULT`
/// without a date. A date no longer ahead stops the script before any change.
pub(super) fn fix(account: &Account, date: Option<&str>) -> String {
    let Some(date) = date else {
        return format!("ALTER USER {account} PASSWORD EXPIRE DEFAULT;");
    };
    let d = Str::new(date);
    let stop = Str::new(&format!(
        "Grantsmith: the expiry date {date} is not ahead (or the account is gone); the expiry was not changed. Run the setup with a later date."
    ));
    let statement = Str::new(&format!("ALTER USER {account} PASSWORD EXPIRE INTERVAL "));
    format!(
        "-- The password stops working on {date} (UTC): the days are counted from its last change.
{}SET @grantsmith_days = DATEDIFF({d}, DATE(TIMESTAMPADD(SECOND, @grantsmith_pw_changed, '1970-01-01 00:00:00')));
SET SESSION completion_type = IF(DATEDIFF({d}, UTC_DATE()) > 0 AND @grantsmith_days > 0, @@SESSION.completion_type, {stop});
SET @grantsmith_sql = CONCAT({statement}, @grantsmith_days, ' DAY');
PREPARE grantsmith_expiry FROM @grantsmith_sql;
EXECUTE grantsmith_expiry;
DEALLOCATE PREPARE grantsmith_expiry;",
        read_sql(account)
    )
}

/// The day before `date` (`YYYY-MM-DD`, checked by the form).
fn day_before(date: &str) -> Option<String> {
    let mut it = date.split('-').map(|p| p.parse::<u32>().ok());
    let (y, m, d) = (it.next()??, it.next()??, it.next()??);
    let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    let last = |m: u32| match m {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    // Checked by the form, but a paste's fuzzed form must not underflow either.
    let (y, m, d) = match (m, d) {
        (1, 1) => (y.checked_sub(1)?, 12, 31),
        (2..=12, 1) => (y, m - 1, last(m - 1)),
        (_, 2..) => (y, m, d - 1),
        _ => return None,
    };
    Some(format!("{y:04}-{m:02}-{d:02}"))
}

/// Whether the moment `until` (as printed) falls on `date` or the day before.
fn on_day(until: &str, date: &str) -> bool {
    let day = until.get(..10).unwrap_or_default();
    !day.is_empty() && (day == date || day_before(date).as_deref() == Some(day))
}

/// The row about the expiry, or `None`: for a paste without the line (an older query's,
/// which cannot tell), and when neither the setup nor the account sets one.
pub(super) fn compare(account: &Account, want: Option<&str>, i: &Inspection) -> Option<Row> {
    let f = i
        .facts
        .iter()
        .find(|f| f.kind == KIND && f.fields.len() == 2)?;
    let (until, own) = (f.fields[0].as_str(), f.fields[1] == "account");
    let shown = match until {
        "" => "never expires".to_string(),
        u => format!("expires {u} UTC"),
    };
    let fix = || Some(fix(account, want));
    if until == EXPIRED {
        return Some(row(
            Status::Extra,
            false,
            "password expired by hand (PASSWORD EXPIRE): it signs in only to change its password; run the setup script, which sets it again".to_string(),
            None,
        ));
    }
    Some(match want {
        Some(d) if own && on_day(until, d) => row(
            Status::Present,
            false,
            format!("password expires {until} UTC (PASSWORD EXPIRE INTERVAL, for {d})"),
            None,
        ),
        Some(d) if own && !until.is_empty() => row(
            Status::Extra,
            false,
            format!("password expires {until} UTC, not on {d} UTC as the setup sets"),
            fix(),
        ),
        Some(d) if own => row(
            Status::Missing,
            false,
            format!("password expires on {d} UTC (it never expires now: PASSWORD EXPIRE NEVER)"),
            fix(),
        ),
        Some(d) => row(
            Status::Missing,
            false,
            format!(
                "password expires on {d} UTC (the account follows the server's policy now: {shown})"
            ),
            fix(),
        ),
        None if own => row(
            Status::Extra,
            false,
            format!("password {shown}, set on the account (the setup leaves the expiry to the server's policy)"),
            fix(),
        ),
        None => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::{day_before, on_day};

    #[test]
    fn the_day_before_crosses_months_years_and_leap_days() {
        for (d, b) in [
            ("2099-12-31", "2099-12-30"),
            ("2028-03-01", "2028-02-29"),
            ("2027-03-01", "2027-02-28"),
            ("2100-03-01", "2100-02-28"),
            ("2030-01-01", "2029-12-31"),
            ("2030-05-01", "2030-04-30"),
        ] {
            assert_eq!(day_before(d).as_deref(), Some(b), "{d}");
        }
        assert!(on_day("2099-12-31 13:05:00", "2099-12-31"));
        assert!(on_day("2099-12-30 23:59:59", "2099-12-31"));
        assert!(!on_day("2099-12-29 23:59:59", "2099-12-31"));
        assert!(!on_day("2100-01-01 00:00:00", "2099-12-31"));
        assert!(!on_day("", "2099-12-31"));
        assert_eq!(day_before("0000-01-01"), None);
        assert_eq!(day_before("2099-00-01"), None);
        assert_eq!(day_before("2099-12-00"), None);
    }
}
