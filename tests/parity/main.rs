//! Byte parity with the original: random forms go through the seed applet's own code
//! (run by `oracle.mjs` in node, verbatim from the seed) and through ours; for every
//! input the original handles correctly, host message, SQL and connection string must
//! be identical. Replay with `GS_SEED=…`.

use std::io::Write;
use std::process::{Command, Stdio};

use grantsmith::core::backend::postgres::guard::statements;
use grantsmith::core::new_schema_form::{schema_grant, SchemaForm};
use grantsmith::core::{generate, Field, Intent, Scope};
use serde_json::{json, Value};

const CASES: usize = 3000;

const NAME_PIECES: &[&str] = &[
    "app", "Dreamlit", "_", "-", " ", "  ", "\"", "'", "\\", "é", "德", "🙂", "ÄPP", "x1", ".",
    "$", "%", "select", "Drop", "\u{a0}", "\u{feff}", "\t", ";", "--", "(", "public",
];
const HOSTS: &[&str] = &[
    "db.example.com",
    " db.example.com ",
    "localhost",
    "LocalHost",
    "10.0.0.1",
    "256.1.1.1",
    "1.2.3",
    "::1",
    "[::1]",
    "fe80::1:2",
    "2001:db8::1",
    "[2001:db8::1]:5432",
    "db.example.com:5432",
    "db:1",
    "https://db.example.com",
    "HTTP://x.y",
    "db.example.com/path",
    "db example.com",
    "db_1.example.com",
    "-db.example.com",
    "db-.example.com",
    "db",
    "ep-x-123.us-east-2.aws.neon.tech",
    "ep-x-pooler.NEON.TECH",
    "db..example.com",
    "a.b.c.d.e",
    "",
    "  ",
    "xn--bcher-kva.example",
    "[::1",
    "::ffff:1.2.3.4",
    "1:2:3:4:5:6:7:8:9",
];
const PORTS: &[&str] = &["5432", "", " 6543 ", "1", "65535", "05432"];

#[path = "../common/rng.rs"]
mod rng;
use rng::Rng;

/// Drawing form values for the oracle.
trait Draw {
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str;
    fn name(&mut self) -> String;
    fn list(&mut self) -> String;
}

impl Draw for Rng {
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }
    fn name(&mut self) -> String {
        let n = self.next() % 4;
        (0..n).map(|_| self.pick(NAME_PIECES)).collect()
    }
    fn list(&mut self) -> String {
        let n = 1 + self.next() % 3;
        (0..n)
            .map(|_| self.name())
            .collect::<Vec<_>>()
            .join(self.pick(&[",", ", ", "\n", " ,\n", ",,"]))
    }
}

fn oracle(lines: &[Value]) -> Vec<Value> {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/parity/oracle.mjs");
    let mut child = Command::new("node")
        .arg(script)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("node is required for the parity oracle");
    let mut input = String::new();
    for l in lines {
        input.push_str(&l.to_string());
        input.push('\n');
    }
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()).unwrap());
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert!(out.status.success(), "oracle failed");
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// A list naming an item twice.
fn repeats(list: &str) -> bool {
    let items = grantsmith::core::text::split_list(list).unwrap_or_default();
    items
        .iter()
        .enumerate()
        .any(|(n, x)| items[..n].contains(x))
}

fn unreserved(s: &str) -> bool {
    s.bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"-._~".contains(&b))
}

/// `sql` without its default-privilege blocks (from the blank line before each "-- Ensure
/// future" comment to the end of its DO block).
fn without_defaults(sql: &str) -> String {
    let mut out = String::new();
    let mut rest = sql;
    while let Some(i) = rest.find("-- Ensure future") {
        out.push_str(&rest[..i]);
        // With the blank line before it: one block here, one per owner in the original.
        if out.ends_with("\n\n") {
            out.truncate(out.len() - 2);
        }
        let after = &rest[i..];
        let end = after
            .find(" LANGUAGE plpgsql;")
            .map_or(after.len(), |e| e + 18);
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

#[test]
fn builder_matches_the_original_for_every_input_it_handles() {
    let seed: u64 = std::env::var("GS_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5eed_0001);
    let mut rng = Rng(seed | 1);
    let forms: Vec<Intent> = (0..CASES)
        .map(|_| {
            let mut i = Intent::default()
                .with(Field::Host, rng.pick(HOSTS))
                .with(Field::Port, rng.pick(PORTS))
                .with(Field::Role, rng.name())
                .with(Field::Database, rng.name())
                .with(Field::Schemas, rng.list())
                .with(Field::Owners, rng.list());
            i.scope = if rng.next() % 2 == 0 {
                Scope::All
            } else {
                Scope::Listed
            };
            i.rls = rng.next() % 2 == 0;
            i
        })
        .collect();
    let input: Vec<Value> = forms
        .iter()
        .map(|f| {
            json!({"host": f.get(Field::Host), "port": f.get(Field::Port), "role": f.get(Field::Role),
                   "database": f.get(Field::Database), "schemas": f.get(Field::Schemas), "owners": f.get(Field::Owners),
                   "scope": if f.scope == Scope::All { "all" } else { "listed" }, "rls": f.rls})
        })
        .collect();
    let expected = oracle(&input);
    assert_eq!(expected.len(), forms.len());
    let (mut sql_same, mut conn_same) = (0, 0);
    for (i, (f, want)) in forms.iter().zip(&expected).enumerate() {
        let ctx = format!("case {i} (GS_SEED={seed}): {f:?}");
        let ours = generate(f);
        let host = f.get(Field::Host).trim();
        let brackets_unbalanced = host.starts_with('[') != host.ends_with(']');
        if !brackets_unbalanced {
            assert_eq!(
                ours.error(Field::Host).unwrap_or(""),
                want["hostError"].as_str().unwrap(),
                "{ctx}"
            );
        }
        // On a provider's host (Neon here) the provider's rules are ours: the rest of
        // the script, Neon's defaults included, is compared with no provider picked.
        let sql = if f.provider().is_some() {
            let mut plain = f.clone();
            plain.set_provider(grantsmith::core::provider::Pick::NoProvider);
            generate(&plain).setup
        } else {
            ours.setup.clone()
        };
        let Some(whole) = sql else { continue };
        // The checks, the one transaction and the role's mark around the original's
        // statements are ours (README, Differences): the statements are compared.
        let sql = statements(&whole).expect("a setup script in one transaction");
        let (role, owners, schemas) = (
            f.get(Field::Role),
            f.get(Field::Owners),
            f.get(Field::Schemas),
        );
        // Inputs the original mishandles: a `$$` closes its DO bodies early; a name
        // listed twice is granted twice (ours once).
        if role.contains("$$")
            || owners.contains("$$")
            || schemas.contains("$$")
            || repeats(owners)
            || repeats(schemas)
        {
            continue;
        }
        let theirs = want["sql"].as_str().unwrap();
        if f.scope == Scope::Listed {
            // Listed scope: the default privileges stay in the listed schemas here
            // (README, Differences); everything else is compared.
            assert_eq!(without_defaults(sql), without_defaults(theirs), "{ctx}");
            assert!(
                sql.contains("IN SCHEMA %I GRANT SELECT, TRIGGER ON TABLES"),
                "{ctx}"
            );
        } else {
            assert_eq!(sql, theirs, "{ctx}");
        }
        sql_same += 1;
        let (role, db) = (role.trim(), f.get(Field::Database).trim());
        // A port with leading zeros is written as its number (the original copied it).
        let zero_port = f.get(Field::Port).trim().starts_with('0');
        if unreserved(role) && unreserved(db) && !zero_port {
            assert_eq!(ours.conn.as_deref(), want["conn"].as_str(), "{ctx}");
            conn_same += 1;
        }
    }
    println!("parity: {sql_same} SQL scripts and {conn_same} connection strings identical to the original's");
    assert!(
        sql_same > CASES / 5 && conn_same > CASES / 20,
        "too few comparable cases: {sql_same}/{conn_same}"
    );
}

#[test]
fn new_schema_grant_matches_the_original() {
    let mut rng = Rng(0x5eed_0002);
    let forms: Vec<SchemaForm> = (0..500)
        .map(|_| SchemaForm {
            schema: rng.name(),
            role: rng.name(),
            owner: rng.name(),
            privileges: None,
        })
        .collect();
    let input: Vec<Value> = forms
        .iter()
        .map(|f| json!({"kind": "schema", "schema": f.schema, "role": f.role, "owner": f.owner}))
        .collect();
    let expected = oracle(&input);
    let mut same = 0;
    for (f, want) in forms.iter().zip(&expected) {
        if let Some(sql) = schema_grant(f).sql {
            assert_eq!(sql, want["sql"].as_str().unwrap(), "{f:?}");
            same += 1;
        }
    }
    assert!(same > 300, "only {same} comparable");
}
