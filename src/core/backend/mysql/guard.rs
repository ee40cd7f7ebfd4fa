//! What every MySQL / MariaDB setup and uninstall script checks before it changes
//! anything. A careful DBA found that the user field could name an account that already
//! existed: on MariaDB 10.11 setup gave an application's `'app'@'%'` a new password (its
//! application locked out) and cut its ALL on `shop` to SELECT, and uninstall would have
//! dropped it; `root` could be typed too. So:
//! - the page refuses the names of administrators' and system accounts ([`own_user`]);
//! - every setup script lists the account it makes in [`LIST`], and setup and uninstall
//!   stop, before any change, when their account exists but is not listed: a re-run finds
//!   its own account listed and goes on;
//! - the list keeps a fingerprint of the account's password hash, as the setup left it
//!   ([`record`]), and an account counts as listed only while the two match. Without it,
//!   an account dropped by hand stayed listed, and an application's account made later
//!   under that name was taken for the script's own: a re-run gave it a new password and
//!   the preset's grants. The fingerprint is SHA-256 of `authentication_string`, not the
//!   hash itself, so that the list (readable with SELECT on one small database) holds
//!   nothing that could be used to crack or replay the password; a password salted per
//!   account (`caching_sha2_password`) or a different one gives another fingerprint.
//!   Rows from before the fingerprint (NULL) are trusted as before, and a setup's re-run
//!   records one.
//!
//! Why a list and not a mark on the account, as PostgreSQL's role comment: MySQL 8.0.21+
//! has account comments (`CREATE USER … COMMENT`, read from
//! `information_schema.USER_ATTRIBUTES`), but MariaDB has none (10.11 refuses the syntax),
//! and a MariaDB role as the mark fails twice: only an account holding it WITH ADMIN OPTION
//! may grant it (another administrator, even with ALL WITH GRANT OPTION, is denied), and
//! `REVOKE ALL PRIVILEGES, GRANT OPTION` takes it away again (both seen on 10.11). A table
//! is the same plain SQL on both servers. Its cost: an account whose password a DBA
//! changes by hand is no longer taken for the script's own, until listed again as the
//! script's comment says.
//!
//! How the script stops without procedural code: plain MySQL has no `IF` outside stored
//! programs, and `SIGNAL` cannot be a prepared statement there (MySQL Reference Manual,
//! "Restrictions on Condition Handling"; MariaDB 10.11 runs a prepared `SIGNAL`, but one
//! script serves both, and MariaDB's `BEGIN NOT ATOMIC` needs the client's `DELIMITER`).
//! So the check is a statement
//! that fails: it sets the session's `completion_type` to its own value, or, when the
//! account exists unlisted, to the message, which both servers refuse with
//! ER_WRONG_VALUE_FOR_VAR (1231) quoting it: "Variable 'completion_type' can't be set to
//! the value of '…'" (the value cut at 200 characters). The mysql client stops a script
//! at its first error, unless run with `--force` (the script's comment says so: account
//! statements cannot run in a transaction, so nothing undoes what a forced run does).
//! Reading the list takes a prepared statement, because a statement
//! naming a table that does not exist yet fails: the list is read only when
//! `information_schema` shows it. MariaDB 10.11 runs all of it in the tests; on MySQL
//! 8.0+ it is the same statements, which we can only parse here.

use super::{Account, Comment, Str};

/// The table listing the accounts Grantsmith setup scripts made.
pub const LIST: &str = "grantsmith.accounts";

/// The database that holds [`LIST`]: the page offers no grants on it, since a user that
/// may write there could list another's account as its own.
pub const LIST_DATABASE: &str = "grantsmith";

/// The fingerprint of `account`'s password hash as the server holds it now, or NULL when
/// there is no such account: an expression, compared in the list's own collation (a
/// user variable or `SHA2()`'s result in another character set would make MySQL refuse
/// the comparison as an illegal mix of collations).
fn fingerprint(account: &Account) -> String {
    format!(
        "(SELECT CONVERT(SHA2(authentication_string, 256) USING utf8mb4) COLLATE utf8mb4_bin FROM mysql.user WHERE User = {} AND Host = {})",
        account.user(),
        account.host()
    )
}

/// The statements that list `account` with its fingerprint (setup's last word on the
/// account, after its password is set, and the comment a DBA follows to adopt an
/// account as it is). A re-run's duplicate updates the fingerprint and warns of
/// nothing: `INSERT IGNORE` would warn (1062, "Duplicate entry", seen on MariaDB 10.11),
/// and `VALUES()` in the update is deprecated in MySQL 8.0.20+ (a warning too). The page
/// limits names to sizes the columns hold, so nothing is cut.
pub fn record(account: &Account) -> [String; 2] {
    [
        format!("SET @grantsmith_auth = {};", fingerprint(account)),
        format!(
            "INSERT INTO {LIST} (user, host, auth) VALUES ({}, {}, @grantsmith_auth) ON DUPLICATE KEY UPDATE auth = @grantsmith_auth;",
            account.user(),
            account.host()
        ),
    ]
}

/// The statements that run `sql` (a statement, as text) only when `condition` holds,
/// as a prepared statement named `name`: `DO 0` otherwise.
pub(super) fn prepared_if(condition: &str, sql: &str, name: &str) -> String {
    prepared(&format!("IF({condition}, {}, 'DO 0')", Str::new(sql)), name)
}

/// The statements that run the statement `text` evaluates to (an SQL expression giving
/// a statement's text) as a prepared statement named `name`.
fn prepared(text: &str, name: &str) -> String {
    format!(
        "SET @grantsmith_sql = {text};\nPREPARE {name} FROM @grantsmith_sql;\nEXECUTE {name};\nDEALLOCATE PREPARE {name};\n"
    )
}

/// Whether the list exists: a statement naming a missing table fails, so the list is
/// read only when `information_schema` shows it.
fn list_exists() -> String {
    format!("EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = '{LIST_DATABASE}' AND TABLE_NAME = 'accounts')")
}

/// Whether the list has the fingerprint column (a list an older script made has not).
fn list_has_fingerprint() -> String {
    format!("EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = '{LIST_DATABASE}' AND TABLE_NAME = 'accounts' AND COLUMN_NAME = 'auth')")
}

/// The checks at the top of a setup or uninstall script for `account`: they change
/// nothing, and stop the script when the account exists but is not in [`LIST`] with its
/// fingerprint. `action` ends the message, which the server cuts at 200 characters: the
/// words that matter come first, the account's name with them.
fn checks(account: &Account, action: &str) -> String {
    let shown = Comment::new(&account.to_string());
    let (user, host) = (account.user(), account.host());
    let count = |also: &str| {
        format!("(SELECT COUNT(*) FROM {LIST} WHERE user = {user} AND host = {host}{also})")
    };
    let read = |listed: &str| {
        Str::new(&format!(
            "SET @grantsmith_named = {}, @grantsmith_listed = {listed}",
            count("")
        ))
    };
    let current = read(&count(&format!(
        " AND (auth IS NULL OR auth = {})",
        fingerprint(account)
    )));
    // A list from before the fingerprint: its rows are trusted, as they were.
    let older = read(&count(""));
    let unlisted = Str::new(&format!(
        "Nothing changed: {shown} exists but was not made by a Grantsmith setup script (not in {LIST}). {action}."
    ));
    let changed = Str::new(&format!(
        "Nothing changed: {shown} exists but its password is not the one a Grantsmith setup script set (changed by hand, or dropped and made again). {action}."
    ));
    let [set_auth, insert] = record(account);
    format!(
        "-- First the checks, which change nothing: the script stops here when {shown} exists but is
-- not in {LIST}, where each Grantsmith setup script lists the user it makes with a
-- fingerprint of its password: such an account is an administrator's or an application's
-- (or one whose password was changed by hand since), and is left as it is. If it is yours as
-- it is now (an earlier Grantsmith script made it, or you changed its password by hand),
-- list it and run this script again:
--   run the statements below that make {LIST} (CREATE DATABASE up to CREATE USER), then
--   {}
--   {}
-- (MySQL has no IF outside stored programs, so the last SET fails with the message: the mysql
-- client stops at that error unless run with --force; run it in other tools with stop on error.)
SET @grantsmith_named = 0;
SET @grantsmith_listed = 0;
{}SET @grantsmith_stop = (SELECT IF(COUNT(*) = 0 OR @grantsmith_listed > 0, NULL, IF(@grantsmith_named > 0, {changed}, {unlisted}))
  FROM mysql.user WHERE User = {user} AND Host = {host});
SET SESSION completion_type = COALESCE(@grantsmith_stop, @@SESSION.completion_type);
",
        Comment::new(&set_auth),
        Comment::new(&insert),
        prepared(
            &format!(
                "CASE WHEN {} THEN {current} WHEN {} THEN {older} ELSE 'DO 0' END",
                list_has_fingerprint(),
                list_exists()
            ),
            "grantsmith_read"
        ),
    )
}

/// A setup script's checks: they change nothing, and stop the script when its account
/// exists but is not in [`LIST`].
pub fn setup_checks(account: &Account) -> String {
    checks(account, "Pick another user name, or see the comment above")
}

/// An uninstall script's checks, as setup's: it drops only an account in [`LIST`].
pub fn uninstall_checks(account: &Account) -> String {
    checks(account, "Uninstall leaves it; see the comment above")
}

/// Setup's statements that make [`LIST`] if it is missing, and give a list from before
/// the fingerprint its column (its rows NULL: trusted until a re-run records theirs).
/// They come before `CREATE USER`, so that the account is listed ([`record`]) right
/// after its password is set and before any grant: a later failure leaves an account a
/// re-run accepts.
pub fn make_list() -> String {
    format!(
        "CREATE DATABASE IF NOT EXISTS {LIST_DATABASE};
CREATE TABLE IF NOT EXISTS {LIST} (user VARCHAR(80) NOT NULL, host VARCHAR(255) NOT NULL, auth CHAR(64) NULL, PRIMARY KEY (user, host)) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin COMMENT 'Accounts made by Grantsmith setup scripts, with SHA-256 of their password hash: their re-runs and uninstall scripts act on these only';
{}",
        prepared_if(
            &format!("NOT {}", list_has_fingerprint()),
            &format!("ALTER TABLE {LIST} ADD COLUMN auth CHAR(64) NULL"),
            "grantsmith_upgrade"
        )
    )
}

/// Uninstall's statements that take `account` off [`LIST`] (after `DROP USER`): only
/// when the checks found it listed, since the list may not exist.
pub fn unlist(account: &Account) -> String {
    prepared_if(
        "@grantsmith_listed > 0",
        &format!(
            "DELETE FROM {LIST} WHERE user = {} AND host = {}",
            account.user(),
            account.host()
        ),
        "grantsmith_unlist",
    )
}

/// Accounts that administer a MySQL or MariaDB server or a hosted provider's instance,
/// as their documentation names them:
/// - MySQL Reference Manual, "Reserved Accounts": `root`, `mysql.sys`, `mysql.session`,
///   `mysql.infoschema`;
/// - MariaDB (10.4.13+): `mariadb.sys`, the definer of the `mysql.user` view (present on
///   the 10.11 test server);
/// - Debian's and Ubuntu's packages: `debian-sys-maint` (maintenance, in debian.cnf);
/// - Amazon RDS: `rdsadmin` (its management account) and `rdsrepladmin`;
/// - Azure Database for MySQL: `azure_superuser`;
/// - Google Cloud SQL, "About MySQL users", other user accounts: `cloudsqladmin`,
///   `cloudsqlreplica`, `cloudsqlimport`, `cloudsqlexport`, `cloudsqloneshot`;
/// - Oracle HeatWave MySQL, "Reserved User Names": `administrator`, `ociadmin`,
///   `ocimonitor`, `ocirpl`;
/// - DigitalOcean's and Aiven's default administrators: `doadmin`, `avnadmin`.
const ADMINISTRATORS: &[&str] = &[
    "root",
    "mysql.sys",
    "mysql.session",
    "mysql.infoschema",
    "mariadb.sys",
    "debian-sys-maint",
    "rdsadmin",
    "rdsrepladmin",
    "azure_superuser",
    "cloudsqladmin",
    "cloudsqlreplica",
    "cloudsqlimport",
    "cloudsqlexport",
    "cloudsqloneshot",
    "administrator",
    "ociadmin",
    "ocimonitor",
    "ocirpl",
    "doadmin",
    "avnadmin",
];

/// The page's refusal of a user name it can tell is an administrator's or a system
/// account (the script itself refuses any other account it did not make). MySQL user
/// names are compared as the server does, case and all.
pub fn own_user(user: &str) -> Result<(), String> {
    if ADMINISTRATORS.contains(&user) {
        return Err(format!(
            "\"{}\" is an administrator's or a system account: the integration needs a user of its own",
            Comment::new(user)
        ));
    }
    Ok(())
}

/// The page's refusal of [`LIST_DATABASE`] as a database to grant on (in any case: on
/// servers with case-insensitive names it is the same database).
pub fn own_database(db: &str) -> Result<(), String> {
    if db.eq_ignore_ascii_case(LIST_DATABASE) {
        return Err(format!(
            "{LIST_DATABASE} is where Grantsmith lists the users its scripts made: a user with rights there could list another's account as its own"
        ));
    }
    Ok(())
}
