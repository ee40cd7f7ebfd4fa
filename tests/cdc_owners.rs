//! The change-data-capture preset's owners-group option without a server: its whole
//! scripts as goldens (a hostile user and tables), what it adds only when on, its note
//! above Generate, its refusal with whole schemas, links, the CLI and profiles, and
//! hostile names only ever quoted. `GS_UPDATE_GOLDEN=1 cargo test --test cdc_owners`
//! rewrites the goldens (then read the diff). What the SQL does: tests/realdb/cdc/owners.rs.

use grantsmith::core::share::{from_fragment, to_fragment};
use grantsmith::core::{check, generate, Db, Field, Intent, Preset, Switch};
use std::path::PathBuf;

#[path = "common/hostile.rs"]
mod hostile;

fn cdc(tables: &str, group: bool) -> Intent {
    let mut i = Intent::new(Db::Postgres, Preset::Cdc)
        .with(Field::Host, "db.example.com")
        .with(Field::Database, "app")
        .with(Field::Tables, tables);
    i.set_switch(Switch::OwnersGroup, group);
    i
}

fn golden(name: &str, actual: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden/cdc")
        .join(name);
    if std::env::var_os("GS_UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
    }
    let want = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (GS_UPDATE_GOLDEN=1 writes it)", path.display()));
    assert!(want == actual, "{name} differs from its golden: GS_UPDATE_GOLDEN=1 cargo test --test cdc_owners, then read the diff");
}

#[test]
fn goldens_with_hostile_names() {
    let i = cdc("public.orders, \"Sa'les\".\"Line \"\"items\"\"\"", true)
        .with(Field::Role, "Cdc \"Tool\" o'k");
    let out = generate(&i);
    assert!(out.ready(), "{:?}", out.errors);
    golden("owners_group.sql", out.setup.as_deref().unwrap());
    golden("owners_group.verify.sql", out.verify.as_deref().unwrap());
    golden(
        "owners_group.uninstall.sql",
        out.uninstall.as_deref().unwrap(),
    );
    golden("owners_group.inspect.sql", out.inspect.as_deref().unwrap());
}

#[test]
fn only_when_asked() {
    let (off, on) = (
        generate(&cdc("public.orders", false)),
        generate(&cdc("public.orders", true)),
    );
    let group = "\"cdc_reader_owners\"";
    assert!(!off.setup.as_deref().unwrap().contains(group));
    assert!(!off.verify.as_deref().unwrap().contains("owners group"));
    let setup = on.setup.as_deref().unwrap();
    for s in [
        "CREATE ROLE \"cdc_reader_owners\" NOLOGIN;",
        "EXECUTE format('ALTER TABLE %I.%I OWNER TO %I', t.nspname, t.relname, grp);",
        "ALTER PUBLICATION \"cdc_reader_pub\" OWNER TO \"cdc_reader_owners\";",
        "EXECUTE format('COMMENT ON ROLE %I IS %L', grp, prefix || rec::text);",
        "could not give these tables back to their owners at uninstall",
    ] {
        assert!(setup.contains(s), "{s}");
    }
    // The group after the publication it takes, all before COMMIT.
    let at = |n: &str| setup.find(n).unwrap();
    assert!(
        at("CREATE PUBLICATION") < at("CREATE ROLE \"cdc_reader_owners\"")
            && at("CREATE ROLE \"cdc_reader_owners\"") < at("COMMIT;")
    );
    assert!(on
        .verify
        .as_deref()
        .unwrap()
        .contains("'member of the owners group', 'cdc_reader_owners'::text"));
    // Uninstall gives tables back whether or not the box is ticked then: a group left
    // behind would keep the application's tables.
    for out in [&off, &on] {
        let u = out.uninstall.as_deref().unwrap();
        assert!(u.contains("EXECUTE format('ALTER TABLE %I.%I OWNER TO %I', rec[4 * k - 2], rec[4 * k - 1], rec[4 * k]);"));
        assert!(
            u.find("DROP PUBLICATION").unwrap()
                < u.find("DROP ROLE \"cdc_reader_owners\"").unwrap()
        );
    }
}

#[test]
fn said_before_generate() {
    let note = |i: &Intent| grantsmith::core::backend::Backend::of(i.db, i.preset).notes(i);
    let on = note(&cdc("public.orders", true));
    assert!(
        on.iter().any(
            |n| n.contains("cdc_reader may then write, alter and drop those tables")
                && n.contains("publication.autocreate.mode")
                && n.contains("cdc_reader_owners")
        ),
        "{on:?}"
    );
    assert!(!note(&cdc("public.orders", false))
        .iter()
        .any(|n| n.contains("Owners group")));
    assert!(Switch::OwnersGroup
        .label()
        .contains("write, alter and drop"));
}

#[test]
fn listed_tables_only() {
    let mut i = cdc("", true).with(Field::Schemas, "public");
    i.set_switch(Switch::WholeSchemas, true);
    let out = check(&i);
    assert!(out
        .error(Field::Schemas)
        .unwrap()
        .contains("listed tables only"));
    assert!(generate(&i).setup.is_none());
}

#[test]
fn links_cli_and_profiles_keep_it() {
    let f = to_fragment(&cdc("public.orders", true));
    assert!(f.contains("owners-group=1"), "{f}");
    assert!(from_fragment(&f).switch(Switch::OwnersGroup));
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_grantsmith"))
        .args([
            "setup",
            "--preset",
            "cdc",
            "--host",
            "db.example.com",
            "--database",
            "app",
        ])
        .args(["--tables", "public.orders", "--owners-group"])
        .output()
        .unwrap();
    assert!(o.status.success());
    assert!(String::from_utf8(o.stdout)
        .unwrap()
        .contains("CREATE ROLE \"cdc_reader_owners\" NOLOGIN;"));
    assert!(String::from_utf8(o.stderr)
        .unwrap()
        .contains("note: Owners group"));
    assert!(grantsmith::core::profile::CONTROL_KEYS.contains("owners-group"));
}

/// The group's name comes from the user's through the quote types: each hostile user
/// name appears only quoted, and the group's name stays within 63 bytes.
#[test]
fn hostile_names_only_quoted() {
    for (n, piece) in hostile::NASTY.iter().enumerate() {
        let name = format!("u{piece}{n}");
        let i = cdc("public.orders", true).with(Field::Role, name.as_str());
        let out = generate(&i);
        assert!(out.ready(), "{name}: {:?}", out.errors);
        let g = grantsmith::core::backend::postgres::cdc::names::group(&name);
        assert!(g.raw().len() <= 63);
        let all = [
            out.setup.unwrap(),
            out.verify.unwrap(),
            out.uninstall.unwrap(),
        ]
        .concat();
        let ident = format!("\"{}\"", g.raw().replace('"', "\"\""));
        assert!(all.contains(&ident), "{name}");
        if piece.contains('\'') {
            assert!(
                !all.contains(&format!("'{}'", g.raw())),
                "{name} unquoted in a literal"
            );
        }
    }
}
