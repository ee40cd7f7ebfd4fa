//! MySQL / MariaDB: its sample form, refusals, what sqlparser cannot parse, and its
//! connection string. (Executed for real in `tests/mariadb/`.)

use grantsmith::core::{generate, Db, Field, Preset};

use super::{sample, Case};

pub const CASE: Case = Case {
    sample: |f| {
        f.set(Field::Host, "db.example.com");
        // The change-data-capture preset's own default is cdc_reader: one user for all,
        // so the inspect query (the same for every preset) has one golden.
        f.set(Field::Role, "dagflux");
        f.set(Field::Schemas, "shop, my_app");
    },
    refusals: || {
        vec![
            (Field::Role, "u".repeat(33), "Too long: 33 characters, but MySQL allows 32"),
            (Field::Schemas, "a.b".into(), "a.b: Database names cannot contain /, \\ or ."),
            (Field::Host, "db:3306".into(), "Move the :port part into the Port field"),
            (Field::Port, "0".into(), "Port must be a whole number from 1 to 65535"),
            (Field::Schemas, " , ".into(), "Enter at least one database"),
            (Field::ClientHost, "a@b".into(), "A client host is a host name, an IP address, a netmask (10.0.0.0/255.255.255.0) or a pattern with % and _"),
            (Field::Role, "root".into(), "\"root\" is an administrator's or a system account: the integration needs a user of its own"),
            (Field::Role, "mysql.sys".into(), "\"mysql.sys\" is an administrator's or a system account: the integration needs a user of its own"),
            (Field::Schemas, "GrantSmith".into(), "GrantSmith: grantsmith is where Grantsmith lists the users its scripts made: a user with rights there could list another's account as its own"),
        ]
    },
    // 'user'@'host' accounts and database-level GRANT targets.
    unsupported: &[
        "CREATE USER IF NOT EXISTS '",
        "ALTER USER '",
        "GRANT SELECT",
        "REVOKE ALL PRIVILEGES, GRANT OPTION FROM '",
        "DROP USER IF EXISTS '",
        // A prepared statement from a user variable (the checks read the list only when
        // it exists); the statement text itself is a string, run on MariaDB.
        "PREPARE GRANTSMITH_",
        // Change data capture: the global replication privileges.
        "GRANT REPLICATION",
    ],
    dialect: || Box::new(sqlparser::dialect::MySqlDialect {}),
};

#[test]
fn connection_string_with_a_password_and_tls() {
    let mut f = sample(Db::MySql, Preset::ReadOnly);
    f.set(Field::Password, "p@ss:w/rd ü");
    f.tls = true;
    assert_eq!(
        generate(&f).conn.unwrap(),
        "mysql://dagflux:p%40ss%3Aw%2Frd%20%C3%BC@db.example.com:3306/shop?ssl-mode=REQUIRED"
    );
}
