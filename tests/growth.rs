//! Every script grows linearly with the lists typed: doubling the schemas and the
//! owners (every list field of every form) at most about doubles each output. Redshift's
//! setup once grew as owners × schemas (100/200/400 names each: 281 KB, 1.04 MB,
//! 4.0 MB).

use grantsmith::core::backend::Backend;
use grantsmith::core::{generate, Db, Field, Intent, Output, Scope};

/// A form of `db` for `preset` with `n` names in every list field.
fn intent(db: Db, preset: grantsmith::core::Preset, n: usize, scope: Scope) -> Intent {
    let mut i = Intent::new(db, preset);
    i.scope = scope;
    let plain = |f: Field| match (db, f) {
        (Db::BigQuery, Field::Database) => "my-project".to_string(),
        (Db::BigQuery, Field::Role) => "sa@my-project.iam.gserviceaccount.com".to_string(),
        (Db::Snowflake, Field::Host) => "myorg-myaccount".to_string(),
        (_, Field::Host) => "db.example.com".to_string(),
        (_, Field::Database) => "app".to_string(),
        _ => String::new(),
    };
    let fields: Vec<(Field, bool)> = i
        .spec()
        .fields_for(preset)
        .map(|f| (f.key, f.multiline))
        .collect();
    for (key, multiline) in fields {
        if multiline && matches!(key, Field::Schemas | Field::Owners) {
            let prefix = if key == Field::Schemas { "s" } else { "o" };
            let names: Vec<String> = (0..n).map(|k| format!("{prefix}{k}")).collect();
            i.set(key, names.join(", "));
        } else {
            let v = plain(key);
            if !v.is_empty() {
                i.set(key, v);
            }
        }
    }
    i
}

fn sizes(out: &Output) -> [usize; 4] {
    [&out.setup, &out.verify, &out.uninstall, &out.inspect]
        .map(|t| t.as_ref().map_or(0, String::len))
}

#[test]
fn every_script_grows_linearly_with_the_lists() {
    let mut checked = 0;
    for db in Db::ALL.iter().copied() {
        for preset in Backend::presets(db).iter().copied() {
            for scope in [Scope::Listed, Scope::All] {
                let outs: Vec<Output> = [100, 200, 400]
                    .into_iter()
                    .map(|n| generate(&intent(db, preset, n, scope)))
                    .collect();
                if outs[0].setup.is_none() {
                    // Refused with a message (e.g. a field this sketch leaves empty): the
                    // message says why, and the combination is not counted.
                    assert!(
                        !outs[0].hint.is_empty(),
                        "{db:?} {preset:?}: no script, no hint"
                    );
                    continue;
                }
                let s: Vec<[usize; 4]> = outs.iter().map(sizes).collect();
                for part in 0..4 {
                    for w in s.windows(2) {
                        // Doubling every list: at most 2.2× the bytes (fixed text only helps).
                        assert!(
                            w[1][part] * 10 <= w[0][part] * 22,
                            "{db:?} {preset:?} {scope:?} part {part}: {} → {} bytes",
                            w[0][part],
                            w[1][part]
                        );
                    }
                }
                checked += 1;
            }
        }
    }
    assert!(
        checked >= 12,
        "only {checked} combinations reached their scripts"
    );
}
