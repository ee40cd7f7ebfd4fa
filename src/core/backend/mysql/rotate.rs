//! Rotation without downtime on MySQL and MariaDB, by alternating users (AWS Secrets
//! Manager's "alternating users" strategy): step 1 makes the other user of the pair
//! (`app` ↔ `app_2`) with exactly this one's privileges, from the same checked form and
//! with the password typed (the new one) and the same expiry date (its interval counted
//! from the new password's change, so it ends on the same day); step 2, once the
//! integration signs in as the other user, is this user's uninstall.

use super::checks::{Checked, MAX_USER};
use super::{uninstall, Account, Comment};
use crate::core::backend::rotation::{alternate, Writer};

/// The two steps for `c`, or `None` when the other name would not fit MySQL's limit.
pub(super) fn steps(c: &Checked) -> Option<[Writer; 2]> {
    let mut next = c.clone();
    next.user = alternate(&c.user, MAX_USER)?;
    next.account = Account::new(&next.user, &next.client);
    let (from, to) = (
        Comment::new(&c.account.to_string()).to_string(),
        Comment::new(&next.account.to_string()).to_string(),
    );
    // MySQL 8.0.14+ can keep two passwords on one user (RETAIN CURRENT PASSWORD,
    // https://dev.mysql.com/doc/refman/8.0/en/password-management.html#dual-passwords);
    // MariaDB cannot, so the pair of users is what works on both.
    let first = format!(
        "-- Rotate the password without downtime, step 1 of 2: makes {to} with exactly the privileges of
-- {from} and the password typed in the form (the new one). Move the integration to {to},
-- then run step 2. The next rotation goes back from {to} to {from}.
-- (MySQL 8.0.14+ only, one user instead of two: ALTER USER … IDENTIFIED BY 'new'
-- RETAIN CURRENT PASSWORD, then ALTER USER … DISCARD OLD PASSWORD once the integration uses the new one.)
"
    );
    let second = format!(
        "-- Rotate the password without downtime, step 2 of 2, once the integration signs in as {to}:\n-- {from} is uninstalled.\n"
    );
    let old = c.clone();
    Some([
        Box::new(move || first.clone() + &super::setup_script(&next)),
        Box::new(move || second.clone() + &uninstall::uninstall(&old)),
    ])
}
