//! Hosted providers told from the host: on Supabase, its platform schemas (`vault`,
//! `storage`, `auth`, …) are never granted on. Other hosts keep the original's output
//! (the goldens and the parity oracle pin that).

use grantsmith::core::{generate, Db, Field, Intent, Preset, Scope};

const SUPABASE: &str = "db.abcdefghijklmnop.supabase.co";

#[test]
fn the_sweep_verify_uninstall_and_rls_leave_supabase_schemas_out() {
    let mut i = Intent::default().with(Field::Host, SUPABASE);
    i.rls = true;
    let out = generate(&i);
    let plain = generate(&{
        let mut p = i.clone().with(Field::Host, "db.example.com");
        p.rls = true;
        p
    });
    let line = "AND nspname <> ALL (ARRAY['auth', 'storage', 'vault', 'realtime', '_realtime', '_analytics', 'supabase_functions', 'supabase_migrations', 'graphql', 'graphql_public', 'pgbouncer', 'extensions', 'net', 'cron', 'pgtle'])";
    let setup = out.setup.unwrap();
    let n_line = line.replace("AND nspname", "AND n.nspname");
    assert!(
        setup.contains(&format!(
            "      {n_line}\n      AND n.nspname NOT LIKE 'pgsodium%'\n"
        )),
        "{setup}"
    );
    let rls = format!("    {}", line.replace("nspname", "schemaname"));
    assert!(setup.contains(&rls), "RLS block");
    assert!(out.verify.unwrap().contains(&n_line));
    // Uninstall revokes through DROP OWNED, which reaches only the role's privileges.
    assert!(out.uninstall.unwrap().contains("DROP OWNED BY"));
    // The same form on another host: none of it.
    assert!(!plain.setup.unwrap().contains("supabase_functions"));
}

#[test]
fn a_listed_platform_schema_is_refused_next_to_the_field() {
    let mut i = Intent::default()
        .with(Field::Host, "aws-0-eu-west-1.pooler.supabase.com")
        .with(Field::Schemas, "public, vault");
    i.scope = Scope::Listed;
    let out = generate(&i);
    assert_eq!(
        out.error(Field::Schemas),
        Some("Schema \"vault\" belongs to Supabase: its platform schemas are never granted on")
    );
    assert!(out.setup.is_none());
    let rw = Intent::new(Db::Postgres, Preset::ReadWrite)
        .with(Field::Host, SUPABASE)
        .with(Field::Database, "postgres")
        .with(Field::Schemas, "storage");
    assert!(generate(&rw).error(Field::Schemas).is_some());
    // On another host the same name is an ordinary schema.
    assert!(generate(&rw.with(Field::Host, "db.example.com"))
        .setup
        .is_some());
}

#[test]
fn metadata_filters_leave_supabase_schemas_out() {
    let mut i = Intent::new(Db::Postgres, Preset::Metadata)
        .with(Field::Host, SUPABASE)
        .with(Field::Database, "postgres");
    i.scope = Scope::All;
    let out = generate(&i);
    for sql in [
        out.setup.unwrap(),
        out.verify.unwrap(),
        out.uninstall.unwrap(),
    ] {
        assert!(
            sql.contains("AND n.nspname <> ALL (ARRAY['auth', 'storage', 'vault'"),
            "{sql}"
        );
    }
}

/// Every provider a host tells, and the hosts that tell none.
#[test]
fn providers_are_told_from_their_hosts() {
    use grantsmith::core::provider::Provider::{self, *};
    for (host, want) in [
        ("db.abcdefghijklmnop.supabase.co", Some(Supabase)),
        ("aws-0-eu-west-1.pooler.supabase.com", Some(Supabase)),
        ("ep-sunny-lake-123456.us-east-2.aws.neon.tech", Some(Neon)),
        ("app.c9akciq32.eu-west-1.rds.amazonaws.com", Some(Rds)),
        ("APP.cluster-x.eu-west-1.RDS.amazonaws.com ", Some(Rds)),
        ("app-server.postgres.database.azure.com", Some(Azure)),
        ("pg-1a2b.c.aivencloud.com", Some(Aiven)),
        (
            "db-postgresql-fra1-1234-do-user-1.b.db.ondigitalocean.com",
            Some(DigitalOcean),
        ),
        ("dpg-abc-a.oregon-postgres.render.com", Some(Render)),
        ("x1y2.z3.tsdb.cloud.timescale.com", Some(Timescale)),
        ("db.example.com", None),
        ("rds.amazonaws.com.example.com", None),
        ("evilsupabase.co", None),
        ("10.0.0.3", None),
    ] {
        assert_eq!(Provider::of_host(host), want, "{host}");
    }
}

/// The original's pgcrypto line stays where no provider applies, and goes on every
/// provider; a provider picked on a plain host applies, "none" on a provider's host
/// gives the original's script exactly.
#[test]
fn the_pick_decides_and_none_keeps_the_original() {
    use grantsmith::core::provider::{Pick, Provider};
    let plain = Intent::default().with(Field::Host, "10.0.0.3");
    let plain_sql = generate(&plain).setup.unwrap();
    assert!(plain_sql.contains("CREATE EXTENSION IF NOT EXISTS pgcrypto;"));
    for p in Provider::ALL {
        let mut i = plain.clone();
        i.set_provider(Pick::Is(p));
        let sql = generate(&i).setup.unwrap();
        assert!(!sql.contains("pgcrypto"), "{p:?}");
        assert!(sql.contains("WITH GRANT OPTION"), "{p:?}");
        let back =
            grantsmith::core::share::from_fragment(&grantsmith::core::share::to_fragment(&i));
        assert_eq!(back.pick(), Pick::Is(p));
    }
    let mut none = Intent::default().with(Field::Host, SUPABASE);
    none.set_provider(Pick::NoProvider);
    assert_eq!(generate(&none).setup.unwrap(), plain_sql);
    // Other databases have no PostgreSQL provider.
    let mut my = Intent::new(Db::MySql, Preset::ReadOnly).with(Field::Host, SUPABASE);
    my.set_provider(Pick::Is(Provider::Neon));
    assert_eq!(my.provider(), None);
}

/// Neon takes no hashed password and refuses weak ones: the password goes into the
/// script as typed, and a weak one is refused next to the field.
#[test]
fn neon_takes_the_password_itself_and_a_strong_one() {
    for preset in [Preset::Original, Preset::ReadOnly] {
        let i = Intent::new(Db::Postgres, preset)
            .with(Field::Host, "ep-x.us-east-2.aws.neon.tech")
            .with(Field::Database, "neondb")
            .with(Field::Password, "Str0ng!Passw0rd-42");
        assert!(i.scram);
        let sql = generate(&i).setup.unwrap();
        assert!(sql.contains("PASSWORD 'Str0ng!Passw0rd-42'"), "{sql}");
        assert!(!sql.contains("SCRAM-SHA-256$"));
        let weak = generate(&i.clone().with(Field::Password, "short1pass"));
        let msg = weak.error(Field::Password).expect("weak password refused");
        assert!(
            msg.starts_with("Neon refuses passwords under 60 bits"),
            "{msg}"
        );
        assert!(weak.setup.is_none());
        // Elsewhere the same password is a SCRAM verifier.
        let rds = generate(&i.with(Field::Host, "a.b.eu-west-1.rds.amazonaws.com"));
        assert!(rds.setup.unwrap().contains("SCRAM-SHA-256$4096:"));
    }
}

/// On a provider that refuses connections without TLS, the presets' TLS box turns on
/// with the host (the connection details would fail otherwise); turned off by hand, a
/// share link keeps it off.
#[test]
fn tls_follows_a_provider_that_requires_it() {
    use grantsmith::core::share::{from_fragment, to_fragment};
    let mut i = Intent::new(Db::Postgres, Preset::ReadOnly);
    i.set(Field::Host, "db.example.com");
    assert!(!i.tls);
    i.set(Field::Host, "app-server.postgres.database.azure.com");
    assert!(i.tls);
    assert!(generate(&i.clone().with(Field::Database, "app"))
        .conn
        .unwrap()
        .ends_with("?sslmode=require"));
    i.tls = false;
    let back = from_fragment(&to_fragment(&i));
    assert!(!back.tls, "{}", to_fragment(&i));
    // Supabase allows plain connections; the original has no TLS box and keeps its URI.
    let s = Intent::new(Db::Postgres, Preset::ReadOnly).with(Field::Host, SUPABASE);
    assert!(!s.tls);
    let o = Intent::default().with(Field::Host, "a.b.eu-west-1.rds.amazonaws.com");
    assert!(!generate(&o).conn.unwrap().contains("sslmode"));
}
