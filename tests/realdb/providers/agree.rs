//! The page's dry run carries its own copy of these fixtures' facts
//! (`grantsmith::core::backend::postgres::dry_run::hosted`: the page cannot import a
//! test file). This holds the two together, with no server: every statement of the
//! page's stand-in is one of the fixture's, the same administrator owns the same
//! database, and the same providers have one. What only the fixture has (the provider's
//! own superuser, extensions, more platform objects) is allowed; what only the page has
//! must be a row the probes read.

use grantsmith::core::backend::postgres::dry_run::hosted::admin;
use grantsmith::core::provider::Provider;

use super::fixtures::HOSTED;

/// A fixture's statements one by one, whitespace folded, the runner's test password
/// (the page signs in as no one) left out.
fn statements(sql: &str) -> Vec<String> {
    sql.split(';')
        .map(|s| {
            s.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .replace(" PASSWORD 'runner-secret'", "")
        })
        .filter(|s| !s.is_empty())
        .collect()
}

#[test]
fn the_dry_runs_administrators_are_the_fixtures() {
    for h in &HOSTED {
        let a = admin(h.provider)
            .unwrap_or_else(|| panic!("{:?}: a fixture but no dry-run stand-in", h.provider));
        assert_eq!(a.name, h.runner, "{:?}: the administrator", h.provider);
        let roles = statements(h.roles);
        for s in a.roles {
            assert!(
                roles.contains(&s.to_string()),
                "{:?}: the page's {s:?} is not the fixture's role statement: {roles:#?}",
                h.provider
            );
        }
        assert!(
            h.create_db
                .trim_end_matches(';')
                .ends_with(&format!(" OWNER {}", a.db_owner)),
            "{:?}: the database's owner: page {}, fixture {}",
            h.provider,
            a.db_owner,
            h.create_db
        );
        let platform = statements(h.platform);
        for s in a.platform {
            assert!(
                platform.contains(&s.to_string()) || s.starts_with("INSERT INTO "),
                "{:?}: the page's {s:?} is not in the fixture's platform: {platform:#?}",
                h.provider
            );
        }
    }
    // Every other provider runs as the superuser in the page, and has no fixture.
    for p in Provider::ALL {
        if !HOSTED.iter().any(|h| h.provider == p) {
            assert!(admin(p).is_none(), "{p:?}: a stand-in with no fixture");
        }
    }
}

/// The check reads what it should: a statement the fixture lacks is found.
#[test]
fn a_statement_the_fixture_lacks_is_caught() {
    let rds = HOSTED.iter().find(|h| h.provider == Provider::Rds).unwrap();
    let roles = statements(rds.roles);
    assert!(roles.contains(&"CREATE ROLE rds_master LOGIN CREATEROLE CREATEDB".to_string()));
    assert!(
        !roles.contains(&"CREATE ROLE rds_master LOGIN CREATEROLE CREATEDB BYPASSRLS".to_string())
    );
}
