//! SQL Server: its sample form, refusals, what sqlparser cannot parse, and its
//! ADO.NET connection string.

use grantsmith::core::{generate, Db, Field, Preset};

use super::{sample, Case};

pub const CASE: Case = Case {
    sample: |f| {
        f.set(Field::Host, "sql.example.com");
        f.set(Field::Database, "Sales");
        f.set(Field::Schemas, "dbo, reporting");
        // Change data capture: its tables, and one login for every preset (its own
        // default is cdc_reader) so the inspect query has one golden.
        f.set(Field::Role, "dagflux");
        f.set(Field::Tables, "dbo.orders, [reporting].[line items]");
    },
    refusals: || {
        vec![
            (
                Field::Role,
                "DOMAIN\\svc".into(),
                "A \\ makes this a Windows login, which has no password: use a SQL login name",
            ),
            (
                Field::Role,
                "SA".into(),
                "\"SA\" is one of SQL Server's own principals: the integration needs a login of its own",
            ),
            (Field::Database, String::new(), "Enter the database"),
            (
                Field::Schemas,
                "a\tb".into(),
                "a\tb: Cannot contain control characters (line breaks, tabs, NUL)",
            ),
        ]
    },
    // Logins, users FOR LOGIN, and SCHEMA:: / database-level permissions.
    unsupported: &[
        "IF NOT EXISTS (SELECT 1 FROM SYS.SERVER_PRINCIPALS",
        "IF NOT EXISTS (SELECT 1 FROM SYS.DATABASE_PRINCIPALS",
        "IF EXISTS (SELECT 1 FROM SYS.SERVER_PRINCIPALS",
        // The checks (src/core/backend/sqlserver_guard.rs): IF … BEGIN RAISERROR …;
        // SET NOEXEC ON; END, split at its semicolons (the rest and the mark parse).
        "IF DB_ID(",
        // Change data capture's checks (each table exists), as the guard's.
        "IF OBJECT_ID(",
        "IF EXISTS (SELECT 1 FROM SYS.DATABASE_PRINCIPALS WHERE NAME = N'",
        "GRANT ",
        "REVOKE ",
    ],
    dialect: || Box::new(sqlparser::dialect::MsSqlDialect {}),
};

#[test]
fn connection_string_quotes_a_password_with_separators() {
    let mut f = sample(Db::SqlServer, Preset::ReadOnly);
    f.set(Field::Password, "a;b\"c");
    assert_eq!(
        generate(&f).conn.unwrap(),
        "Server=tcp:sql.example.com,1433;Database=Sales;User ID=dagflux;Password=\"a;b\"\"c\";Encrypt=True;TrustServerCertificate=False"
    );
}
