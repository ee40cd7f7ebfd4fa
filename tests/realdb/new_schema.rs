//! The new-schema applet per preset (issue "Least privilege for real", finding 9): for
//! every PostgreSQL preset, its grants on a schema created after setup equal what the
//! preset's own setup grants in a listed schema — privileges, sequences, functions,
//! CREATE, default privileges — on real PostgreSQL. (The applet used to write the
//! original's grants for every preset: 1 of 4 presets equal.)

use grantsmith::core::new_schema_form::{preset_privileges, schema_grant, SchemaForm};
use grantsmith::core::{generate, Db, Field, Intent, Preset, Scope};

use super::fixture::{self, OWNER, OWNER_PW};
use super::server::Server;

fn form(preset: Preset, db: &str, role: &str, schemas: &str) -> Intent {
    let mut i = Intent::new(Db::Postgres, preset)
        .with(Field::Host, "db.example.com")
        .with(Field::Database, db)
        .with(Field::Role, role)
        .with(Field::Owners, OWNER)
        .with(Field::Schemas, schemas);
    i.scope = Scope::Listed;
    i
}

/// The user's privileges in schema `sales`, with its name taken out so that two users'
/// listings compare.
fn in_sales(s: &Server, db: &str, role: &str) -> Vec<String> {
    fixture::privileges(s, db, role)
        .lines()
        .filter(|l| l.contains(" sales.") || l.contains(" sales ") || l.ends_with(" sales"))
        .map(str::to_string)
        .collect()
}

/// Every preset: user A set up with `sales` listed; user B set up with `public` only,
/// then the applet's SQL for `sales` run by the owner. A and B hold the same in `sales`.
pub fn run(s: &Server) {
    let db = "ns_presets";
    fixture::database(s, db);
    for preset in [
        Preset::Original,
        Preset::Metadata,
        Preset::ReadWrite,
        Preset::ReadOnly,
        Preset::Custom,
    ] {
        let key = preset.as_str().replace('-', "_");
        let (a, b) = (format!("ns_{key}_a"), format!("ns_{key}_b"));
        for (role, schemas) in [(&a, "sales"), (&b, "public")] {
            let out = generate(&form(preset, db, role, schemas));
            let sql = out
                .setup
                .unwrap_or_else(|| panic!("{preset:?}: {:?}", out.errors))
                .replace("[[REPLACE_WITH_PASSWORD]]", "'pw'");
            // The original's sweeps warn on pgcrypto (README): not this test's subject.
            s.psql(OWNER, OWNER_PW, db, &sql)
                .unwrap_or_else(|e| panic!("{} {preset:?} {role}: setup: {e}", s.version));
        }
        let applet = schema_grant(&SchemaForm {
            schema: "sales".into(),
            role: b.clone(),
            owner: OWNER.into(),
            privileges: preset_privileges(&form(preset, db, &b, "public")),
        })
        .sql
        .unwrap();
        s.psql_clean(OWNER, OWNER_PW, db, &applet)
            .unwrap_or_else(|e| panic!("{} {preset:?}: applet: {e}\n{applet}", s.version));
        let want = in_sales(s, db, &a);
        assert!(!want.is_empty(), "{} {preset:?}", s.version);
        assert_eq!(
            in_sales(s, db, &b),
            want,
            "{} {preset:?}: the applet's grants in sales differ from the preset's\n{applet}",
            s.version
        );
    }
    println!(
        "PostgreSQL {}: new-schema grants equal each preset's",
        s.version
    );
}
