//! Supabase's platform schemas left out of the original's all-schemas sweep, for real.

use grantsmith::core::{generate, Field};

use super::fixture::{self, OWNER};
use super::scenarios::{form, script};
use super::server::Server;
use super::uninstall::verify_rows;

/// Supabase keeps its services' data in schemas of the same database; run by a role
/// that may grant on them, the original's all-schemas sweep handed them all out
/// (`vault.decrypted_secrets` included). On a Supabase host they are left out, and
/// verify and uninstall agree; on any other host the original's script is unchanged
/// (shown by the control role, which does reach them).
pub fn supabase_platform_schemas(s: &Server) {
    let db = "app_supa";
    fixture::database(s, db);
    s.su(
        db,
        "CREATE SCHEMA vault; CREATE TABLE vault.secrets (secret text);
         CREATE VIEW vault.decrypted_secrets AS SELECT secret AS decrypted_secret FROM vault.secrets;
         CREATE SCHEMA storage; CREATE TABLE storage.objects (name text);
         CREATE SCHEMA extensions; CREATE FUNCTION extensions.reset_stats() RETURNS int LANGUAGE sql AS 'SELECT 0';
         CREATE SCHEMA pgsodium; CREATE TABLE pgsodium.key (id int);
         CREATE SCHEMA graphql_public; CREATE TABLE graphql_public.t (x int);
         -- As on Supabase, the role running the script may use them.
         GRANT USAGE ON SCHEMA vault, storage, extensions, pgsodium, graphql_public TO owner_role;",
    );
    let reach = |role: &str| {
        s.su(
            db,
            &format!(
                "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                  WHERE n.nspname IN ('vault', 'storage', 'pgsodium', 'graphql_public', 'auth')
                    AND has_table_privilege('{role}', c.oid, 'SELECT')
                 UNION ALL
                 SELECT count(*) FROM pg_namespace
                  WHERE nspname IN ('vault', 'storage', 'extensions', 'pgsodium', 'graphql_public')
                    AND has_schema_privilege('{role}', oid, 'USAGE')
                 UNION ALL
                 SELECT count(*) FROM pg_proc p, aclexplode(p.proacl) a
                  WHERE p.proname = 'reset_stats' AND a.grantee = '{role}'::regrole
                 UNION ALL
                 SELECT has_table_privilege('{role}', 'public.orders', 'SELECT')::int;"
            ),
        )
    };
    for (role, host, want) in [
        ("gs_supa", "db.abcdefghijklmnop.supabase.co", "0\n0\n0\n1\n"),
        ("gs_plain", "db.example.com", "5\n5\n1\n1\n"),
    ] {
        let f = {
            let mut i = form(role, db, OWNER).with(Field::Host, host);
            i.rls = true;
            i
        };
        s.su(db, &script(&f, "pw-supa"));
        assert_eq!(
            reach(role),
            want,
            "{} {host}: what {role} reaches",
            s.version
        );
        if role == "gs_supa" {
            let failing: Vec<String> = verify_rows(s, db, &f)
                .into_iter()
                .filter(|r| !r.ends_with("|pass"))
                .collect();
            assert!(
                failing.is_empty(),
                "{}: verify on Supabase: {failing:?}",
                s.version
            );
        }
        s.su(db, &generate(&f).uninstall.unwrap());
    }
}
