//! Seeded fuzzing of every core entry point with hostile text: `GS_FUZZ_N` inputs
//! (default 3,000 for a plain `cargo test`; the test command runs 100,000; a million on
//! demand), seed printed and replayable with `GS_SEED`. For each input:
//! - nothing panics, and Generate is enabled exactly when there is a script;
//! - no output holds a NUL, and no `--` comment holds a control character but the
//!   newline that ends it (PostgreSQL ends a comment at CR too, MySQL at LF, so the
//!   rest of the line would run): the scripts generated and the drift check's fix
//!   scripts alike;
//! - every dollar-quoted body ends where the generator meant it to (`$tag$ LANGUAGE`);
//! - a script tokenizes (in its database's rules, dollar-quoted bodies included) to the
//!   same structure as the same intent with plain names;
//! - connection strings and share links decode back to what was typed;
//! - output size stays linear in input size.

#[path = "../common/rng.rs"]
mod rng;

mod check;
mod decode;
mod inputs;
mod sql_shape;

use check::check;
use grantsmith::core::text::split_unique;
use grantsmith::core::{generate, Db, Field, Intent, Preset};
use inputs::{hostile, intent};
use rng::Rng;
use sql_shape::{dollar_bodies_close_where_meant, shape};

#[test]
fn hostile_inputs_through_every_entry_point() {
    let n: usize = std::env::var("GS_FUZZ_N")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(3_000);
    let seed = Rng::env_seed();
    println!("fuzz: {n} inputs, GS_SEED={seed}");
    let mut rng = Rng(seed);
    let (mut scripts, mut refused) = (0, 0);
    for case in 0..n {
        let state = rng.0;
        let i = intent(&mut rng);
        let result = std::panic::catch_unwind(|| check(&i)).unwrap_or_else(|_| Err("panic".into()));
        if let Err(e) = result {
            panic!("case {case} (GS_SEED={seed}, state {state}): {e}\n{i:?}");
        }
        if grantsmith::core::check(&i).ready() {
            scripts += 1
        } else {
            refused += 1
        }
    }
    println!("fuzz: {scripts} inputs reached their scripts, {refused} were refused with a message");
    assert!(
        scripts > n / 20,
        "too few inputs reached a script: {scripts}"
    );
}

#[test]
fn repeated_names_collapse_to_the_first_in_order() {
    let seed = Rng::env_seed();
    let mut rng = Rng(seed);
    for _ in 0..2_000 {
        let n = rng.below(60);
        let list: Vec<String> = (0..n)
            .map(|_| rng.word(&["a", "b", "c", " ", "é"], 3))
            .collect();
        let text = list.join(",");
        let mut naive: Vec<&str> = Vec::new();
        for item in grantsmith::core::text::split_list(&text).unwrap_or_default() {
            if !naive.contains(&item) {
                naive.push(item);
            }
        }
        let naive = (!naive.is_empty()).then_some(naive);
        assert_eq!(split_unique(&text), naive, "{text:?} (GS_SEED={seed})");
    }
}

#[test]
fn the_edge_cases_it_found() {
    use grantsmith::core::quote::pg::dollar_quote;
    // A body ending in `$` or `$gs` closed its quote early.
    for body in ["x$", "x$gs", "$", "a$$b$gs$c$"] {
        let q = dollar_quote(body);
        dollar_bodies_close_where_meant(&format!("DO {q} LANGUAGE plpgsql;"))
            .unwrap_or_else(|e| panic!("{body:?}: {e}"));
    }
    // NUL in a password is refused with a verifier too.
    let i = Intent::default()
        .with(Field::Host, "db.example.com")
        .with(Field::Password, "a\0b");
    assert!(generate(&i).error(Field::Password).is_some());
    // A metadata-only value from a link does not stop another preset, in silence or
    // at all: the read-only connector writes its scripts.
    let ro = Intent::new(Db::Postgres, Preset::ReadOnly)
        .with(Field::Host, "db.example.com")
        .with(Field::Database, "app")
        .with(Field::PasswordEnvName, "%");
    assert!(generate(&ro).setup.is_some(), "{:?}", generate(&ro).hint);
    // The metadata summary takes one line and an environment variable name.
    let m = Intent::new(Db::Postgres, Preset::Metadata)
        .with(Field::Host, "db.example.com")
        .with(Field::Database, "app");
    let bad = generate(
        &m.clone()
            .with(Field::ConnectionName, "a\nb")
            .with(Field::PasswordEnvName, "PG PW"),
    );
    assert!(
        bad.error(Field::ConnectionName).is_some() && bad.error(Field::PasswordEnvName).is_some()
    );
    assert!(bad.summary.is_none());
    // Lists name each schema and owner once.
    let sql = generate(
        &m.clone()
            .with(Field::Schemas, "sales, sales")
            .with(Field::Owners, "o, o"),
    )
    .setup
    .unwrap();
    assert!(sql.contains("FOREACH s IN ARRAY ARRAY['sales'] LOOP"));
    assert_eq!(sql.matches("-- Schema sales\n").count(), 1);
    assert!(sql.contains("FOR ROLE \"o\" IN SCHEMA \"sales\"\n"));
    // Zero-padded ports are written as the number.
    let conn = generate(
        &m.clone()
            .with(Field::Port, format!("{}5432", "0".repeat(1000))),
    )
    .conn
    .unwrap();
    assert!(conn.contains("db.example.com:5432/app"), "{conn}");
    // Linear: 200 schemas × 200 owners stay small; an absurd field is refused.
    let list = |p: &str| {
        (0..200)
            .map(|k| format!("{p}{k}"))
            .collect::<Vec<_>>()
            .join(",")
    };
    let big = generate(
        &m.clone()
            .with(Field::Schemas, list("s"))
            .with(Field::Owners, list("o")),
    )
    .setup
    .unwrap();
    assert!(big.len() < 100_000, "{} bytes", big.len());
    let huge = generate(&m.clone().with(Field::Schemas, "s,".repeat(40_000)));
    assert!(huge.error(Field::Schemas).unwrap().starts_with("Too long"));
}

/// Random facts of every kind, with hostile fields, under a header that matches: the
/// comparison and the fix script take any of them without a panic, a fact that
/// cannot be fixed safely is listed for a person instead of written as SQL, and every
/// line of the fix script is checked as the generated scripts are (its comments hold no
/// control character, its dollar-quoted bodies close where meant).
#[test]
fn hostile_pastes_through_the_drift_check() {
    use grantsmith::core::check_paste;
    use grantsmith::core::drift::KINDS;
    let esc = |s: &str| {
        s.replace('\\', "\\\\")
            .replace('\t', "\\t")
            .replace('\n', "\\n")
            .replace('\r', "\\r")
    };
    let role = "fu\"zz'\\";
    let pg = Intent::new(Db::Postgres, Preset::ReadWrite)
        .with(Field::Host, "db.example.com")
        .with(Field::Database, "shop")
        .with(Field::Role, role)
        .with(Field::Owners, "own\"er");
    let my = Intent::new(Db::MySql, Preset::ReadOnly)
        .with(Field::Host, "db.example.com")
        .with(Field::Role, role)
        .with(Field::Schemas, "shop");
    let q = generate(&pg).inspect.unwrap();
    let at = q.find("current_user, '").unwrap() + "current_user, '".len();
    let pg_head = format!(
        "grantsmith-inspect\t2\t{}\tshop\texists\trunner\t{}",
        esc(role),
        &q[at..at + 8]
    );
    let my_head = format!(
        "grantsmith-inspect\t2\t{}\t%\texists\troot@localhost\tmysql",
        esc(role)
    );
    let seed = Rng::env_seed();
    let mut rng = Rng(seed);
    for case in 0..2_000 {
        let words = [
            "SELECT",
            "INSERT",
            "USAGE",
            "CREATE",
            "EXECUTE",
            "SUPERUSER",
            "grantable",
            "",
            "r",
            "S",
            "direct",
            "table",
            // What a name made with CREATE can hold to end a comment line early.
            "_x\nGO\n",
            "x\r$$",
            "\u{b}\u{c}\u{85}\u{1b}",
        ];
        let n = rng.below(12);
        let mut lines = Vec::new();
        for _ in 0..n {
            let (kind, arity) = KINDS[rng.below(KINDS.len())];
            let fields: Vec<String> = (0..arity)
                .map(|_| match rng.below(3) {
                    0 => hostile(&mut rng),
                    _ => words[rng.below(words.len())].to_string(),
                })
                .collect();
            lines.push(format!(
                "{kind}\t{}",
                fields.iter().map(|f| esc(f)).collect::<Vec<_>>().join("\t")
            ));
        }
        for (i, head) in [(&pg, &pg_head), (&my, &my_head)] {
            let paste = format!(
                "{head}\n{}\ngrantsmith-inspect-end\t{n}\n",
                lines.join("\n")
            );
            let paste = if n == 0 {
                paste.replace("\n\n", "\n")
            } else {
                paste
            };
            let r = std::panic::catch_unwind(|| check_paste(i, &paste))
                .unwrap_or_else(|_| panic!("case {case} (GS_SEED={seed}): panic\n{paste}"));
            let report = match r {
                Some(Ok(report)) => report,
                other => panic!("case {case} (GS_SEED={seed}): {other:?}\n{paste}"),
            };
            let fix = report.fix_sql();
            assert!(!fix.is_empty());
            if let Err(e) = shape(i.db, &fix, &mut Vec::new())
                .and_then(|_| dollar_bodies_close_where_meant(&fix))
            {
                panic!("case {case} (GS_SEED={seed}): {e}\n{fix}");
            }
            // Every unfixable row is listed; every fixable one has its statement.
            for row in report
                .rows
                .iter()
                .filter(|r| r.status != grantsmith::core::drift::Status::Present)
            {
                match &row.fix {
                    Some(s) => assert!(fix.contains(s.as_str()), "case {case}: {s}"),
                    None => assert!(
                        fix.contains(&format!("--   {}", row.what)),
                        "case {case}: {}",
                        row.what
                    ),
                }
            }
        }
    }
}
