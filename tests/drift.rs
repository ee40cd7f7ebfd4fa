//! Reading back the inspect query's output: what psql -At prints reads back exactly, and
//! every paste that is not that output gets a message saying what was expected.

use grantsmith::core::drift::read;

/// A field escaped as the inspect query escapes it.
fn esc(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('\t', "\\t")
        .replace('\n', "\\n")
        .replace('\r', "\\r")
}

/// An output as psql -At prints it for `role`.
fn output(role: &str, facts: &[&[&str]]) -> String {
    let mut s = format!(
        "grantsmith-inspect\t2\t{}\tshop\texists\tadmin\t0\n",
        esc(role)
    );
    for f in facts {
        s += &f.iter().map(|x| esc(x)).collect::<Vec<_>>().join("\t");
        s.push('\n');
    }
    s + &format!("grantsmith-inspect-end\t{}\n", facts.len())
}

#[test]
fn hostile_names_read_back_exactly() {
    let role = "we\tird\\\nname\r'\"";
    let facts: &[&[&str]] = &[
        &["schema", "s\t\\n", "USAGE", "grantable"],
        &["column", "public", "t\nx", "c\\", "UPDATE", ""],
        &["member", "pg_write_all_data", "inherited", ""],
    ];
    let i = read(&output(role, facts), role).unwrap();
    assert_eq!(i.role, role);
    assert_eq!(i.facts.len(), 3);
    assert_eq!(i.facts[0].fields, ["s\t\\n", "USAGE", "grantable"]);
    assert_eq!(i.facts[1].fields[1], "t\nx");
    // Windows line ends and blank lines around it change nothing.
    let crlf = format!("\n{}\n\n", output(role, facts).replace('\n', "\r\n"));
    assert_eq!(read(&crlf, role).unwrap(), i);
}

/// A name holding ` | ` (role `etl | prod`) is not psql's table output: the paste
/// reads back (it was refused as "psql's table output").
#[test]
fn a_name_with_a_bar_reads_back() {
    let role = "etl | prod";
    let i = read(&output(role, &[&["schema", "a | b", "USAGE", ""]]), role).unwrap();
    assert_eq!(i.role, role);
    assert_eq!(i.facts[0].fields[0], "a | b");
    // psql's aligned table is still told apart.
    let table = " line \n-----\n grantsmith-inspect | 2\n";
    assert!(read(table, role)
        .unwrap_err()
        .contains("psql's table output"));
}

/// Tabs turned into spaces by a terminal: the message says so (it used to say the
/// first line must start with grantsmith-inspect, which it did).
#[test]
fn tabs_turned_to_spaces_are_named() {
    let paste = output("app", &[&["schema", "public", "USAGE", ""]]).replace('\t', "    ");
    let m = read(&paste, "app").unwrap_err();
    assert!(
        m.contains("tabs between the fields were turned into spaces"),
        "{m}"
    );
}

#[test]
fn a_missing_user_is_a_reading_not_an_error() {
    let paste = "grantsmith-inspect\t2\tapp\tshop\tmissing\tadmin\t0\ngrantsmith-inspect-end\t0";
    let i = read(paste, "app").unwrap();
    assert!(!i.exists && i.facts.is_empty());
}

#[test]
fn every_wrong_paste_says_what_was_expected() {
    let good = output(
        "app",
        &[
            &["attr", "SUPERUSER"],
            &["table", "public", "t", "SELECT", ""],
        ],
    );
    let cases: Vec<(String, &str)> = vec![
        ("".into(), "Paste the inspect query's output"),
        ("   \n\n".into(), "Paste the inspect query's output"),
        (
            "                     line\n---------------------------\n grantsmith-inspect\n".into(),
            "psql's table output",
        ),
        (
            "GRANT SELECT ON t TO app;".into(),
            "not the inspect query's output",
        ),
        (good.replace("\t2\t", "\t1\t"), "another version"),
        (
            good.replace("\tapp\t", "\tother\t"),
            "for the user other, not app",
        ),
        (
            good.lines().take(2).collect::<Vec<_>>().join("\n"),
            "cut short",
        ),
        (
            good.replace("end\t2", "end\t3"),
            "has 2 facts, but its last line counts 3",
        ),
        (
            good.replace("attr\tSUPERUSER", "attr\tSUPERUSER\textra"),
            "Line 2 is not a fact",
        ),
        (
            good.replace("attr\tSUPERUSER", "colour\tred"),
            "Line 2 is not a fact",
        ),
        (
            good.replace("public\tt", "pub\\lic\tt"),
            "Line 3: a lone backslash",
        ),
    ];
    for (paste, want) in cases {
        let e = read(&paste, "app").expect_err(&paste);
        assert!(e.contains(want), "{paste:?}: {e}");
    }
}

/// The comparison, from pastes written here as psql would print them.
#[path = "drift/compare.rs"]
mod compare;

/// The fix script's comment lines, from pastes with control characters in every field.
#[path = "drift/comments.rs"]
mod comments;

/// Change data capture: the publication, its tables, the slot and REPLICATION.
#[path = "drift/cdc.rs"]
mod cdc;

/// MySQL / MariaDB: the password's expiry line, its rows and its fix.
#[path = "drift/mysql_expiry.rs"]
mod mysql_expiry;
