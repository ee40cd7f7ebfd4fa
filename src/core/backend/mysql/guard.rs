//! What the page refuses before any MySQL / MariaDB script is written. A careful DBA
//! found that the user field could name an account that already existed: on MariaDB
//! 10.11 setup gave an application's `'app'@'%'` a new password and cut its privileges,
//! and `root` could be typed too. The page refuses the names of administrators' and
//! system accounts it can tell ([`own_user`]).

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
            super::Comment::new(user)
        ));
    }
    Ok(())
}
