//! `grantsmith` on a terminal: the same core as the page, for CI pipelines and scripted
//! checks. Options as flags or JSON (the keys of the page's URL fragment); prints one
//! script or the connection string; bad input exits 2 with the page's messages.

mod keygen;
pub mod options;

use std::io::Read;

use clap::{Parser, ValueEnum};

use crate::core::client::Client;
use crate::core::intent::{Db, Field, Intent, Preset};
use crate::core::new_schema_form::{schema_grant, SchemaForm};
use crate::core::output::Output;
use crate::core::share::apply;
use options::Options;

/// What to print.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum What {
    /// The setup script
    Setup,
    /// The verify query (a row per expected privilege)
    Verify,
    /// The uninstall script
    Uninstall,
    /// The connection string
    Conn,
    /// The RLS policy name (original preset with --rls)
    PolicyName,
    /// The connection fields (metadata preset)
    Summary,
    /// Grants for a schema created later (PostgreSQL: --schema, --role, --owner)
    NewSchema,
    /// PostgreSQL, MySQL and MariaDB: a read-only query listing everything the user has
    /// (run it with psql -At, or mysql -N -B -r)
    Inspect,
    /// PostgreSQL, MySQL and MariaDB: compare the inspect query's output (--from) with the setup; prints
    /// the fix script, exits 1 when there is drift
    Check,
    /// Rotation without downtime, step 1: PostgreSQL presets, the second user of the
    /// pair (app ↔ app_2) with the same privileges and the new password; Snowflake, the
    /// new key (--public-key) in the free slot
    Rotate,
    /// Rotation step 2, once the integration uses the new credential: PostgreSQL, the
    /// first user uninstalled; Snowflake, every key but the new one removed
    Retire,
}

const EXIT_STATUS: &str = "Exit status: 0 with the output on stdout; 2 with one message per \
refused field on stderr, the same messages the page shows. check: 0 when the user has exactly \
what the setup grants, 1 when it has drifted (the fix script is on stdout), 2 when the paste \
cannot be read.";

/// The command line.
#[derive(Parser, Debug)]
#[command(
    name = "grantsmith",
    version,
    about = "SQL for a least-privilege database user, and its connection string",
    after_help = EXIT_STATUS
)]
pub struct Cli {
    /// What to print
    #[arg(value_enum, default_value = "setup")]
    pub output: What,
    /// The options.
    #[command(flatten)]
    pub options: Options,
    /// Read the options from a JSON object ("-" for stdin), keys as the flags without
    /// dashes: {"host": "db.example.com", "rls": true}; flags given too win
    #[arg(long, value_name = "FILE")]
    pub json: Option<String>,
    /// check: the inspect query's output as psql -At printed it ("-" for stdin, the
    /// default)
    #[arg(long, value_name = "FILE")]
    pub from: Option<String>,
}

/// A file's text, or stdin's for "-"; messages start with `flag`.
fn read_text(flag: &str, src: &str) -> Result<String, String> {
    let mut text = String::new();
    if src == "-" {
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| format!("{flag}: {e}"))?;
        Ok(text)
    } else {
        std::fs::read_to_string(src).map_err(|e| format!("{flag} {src}: {e}"))
    }
}

fn read_json(src: &str) -> Result<Options, String> {
    let text = read_text("--json", src)?;
    serde_json::from_str(&text).map_err(|e| format!("--json: {e}"))
}

fn salt() -> [u8; 16] {
    let mut s = [0u8; 16];
    if let Ok(mut f) = std::fs::File::open("/dev/urandom") {
        let _ = f.read_exact(&mut s);
    }
    s
}

/// The intent the options describe: database and preset first, then every value as
/// the page's fragment applies it (a Neon host switches Neon's defaults there too).
fn intent(pairs: &[(&'static str, String)]) -> Result<Intent, String> {
    let value = |k: &str| {
        pairs
            .iter()
            .rev()
            .find(|(key, _)| *key == k)
            .map(|(_, v)| v.as_str())
    };
    let db = match value("db") {
        None => Db::Postgres,
        Some(k) => Db::from_key(k).ok_or(format!("unknown database {k:?} (see --help)"))?,
    };
    let default = Intent::new(db, Preset::Original).preset;
    let preset = match value("preset") {
        None => default,
        Some(p) => Preset::from_key(p)
            .filter(|a| crate::core::backend::Backend::presets(db).contains(a))
            .ok_or(format!(
                "{p:?} is not a preset for {} (see --help)",
                db.label()
            ))?,
    };
    let mut i = Intent::new(db, preset);
    i.salt = salt();
    for (k, v) in pairs {
        match *k {
            "password-env" => {
                let pw =
                    std::env::var(v).map_err(|_| format!("environment variable {v} is not set"))?;
                i.set(Field::Password, pw);
            }
            "public-key-file" => {
                let key = std::fs::read_to_string(v).map_err(|e| format!("{v}: {e}"))?;
                i.set(Field::PublicKey, key);
            }
            "plain-password" => i.scram = false,
            // Applied once the rest of the form is known good (keygen.rs).
            "generate-key" | "key-passphrase-env" => {}
            "product" => {
                i.brand =
                    Some(crate::core::brand::Brand::new(v).map_err(|m| format!("product: {m}"))?);
            }
            "provider" if crate::core::provider::Pick::from_key(v).is_none() => {
                return Err(format!("unknown provider {v:?} (see --help)"));
            }
            _ => apply(&mut i, k, v),
        }
    }
    Ok(i)
}

/// The chosen output, or why there is none: the refused fields, else the hint, else
/// that this output does not exist for these options.
fn pick(what: What, out: Output) -> Result<String, Vec<String>> {
    if !out.errors.is_empty() {
        return Err(out
            .by_field()
            .into_iter()
            .map(|(k, m)| format!("{k}: {m}"))
            .collect());
    }
    if !out.hint.is_empty() {
        return Err(vec![out.hint]);
    }
    let text = match what {
        What::Verify => out.verify,
        What::Uninstall => out.uninstall,
        What::Conn => out.conn,
        What::Summary => out.summary,
        What::Inspect => out.inspect,
        // Ready without RLS: the name is empty, as the page shows none.
        What::PolicyName => Some(out.policy_name.unwrap_or_default()),
        _ => out.setup,
    };
    let name = what.to_possible_value().map(|v| v.get_name().to_string());
    text.ok_or_else(|| {
        vec![format!(
            "{} is not available for these options (see --help)",
            name.unwrap_or_default()
        )]
    })
}

/// The new-schema applet: its role and grants follow the preset, as in the page.
fn new_schema(i: &Intent, o: &Options) -> Result<String, Vec<String>> {
    let d = SchemaForm::default();
    let role = crate::core::text::or_default(i.get(Field::Role), &d.role).to_string();
    let r = schema_grant(&SchemaForm {
        schema: o.schema.clone().unwrap_or(d.schema),
        role,
        owner: o.owner.clone().unwrap_or(d.owner),
        privileges: crate::core::new_schema_form::preset_privileges(i),
    });
    r.sql.ok_or_else(|| {
        [("schema", r.schema), ("role", r.role), ("owner", r.owner)]
            .into_iter()
            .filter_map(|(k, m)| m.map(|m| format!("{k}: {m}")))
            .collect()
    })
}

/// `check`: the fix script, and whether there is drift.
fn check(i: &Intent, from: &str) -> Result<(String, bool), Vec<String>> {
    let checked = crate::core::check(i);
    if !checked.ready() {
        return pick(What::Check, checked).map(|s| (s, false));
    }
    let paste = read_text("--from", from).map_err(|m| vec![m])?;
    match crate::core::check_paste(i, &paste) {
        Some(Ok(report)) => Ok((report.fix_sql().trim_end().to_string(), report.drift())),
        Some(Err(m)) => Err(vec![format!("--from: {m}")]),
        None => Err(vec![format!(
            "check is for PostgreSQL, MySQL and MariaDB, not {} (see --help)",
            i.db.label()
        )]),
    }
}

/// The output, whether there is drift, and the notes to say on stderr.
fn result(cli: Cli) -> Result<(String, bool, Vec<String>), Vec<String>> {
    let mut pairs = match &cli.json {
        Some(src) => read_json(src).map_err(|m| vec![m])?.pairs(),
        None => Vec::new(),
    };
    pairs.extend(cli.options.pairs());
    let mut i = intent(&pairs).map_err(|m| vec![m])?;
    // A key pair made here: its private key before the output on stdout (for `-`) and
    // where it went on stderr.
    let (key_text, key_note) = match keygen::asked(&pairs, cli.output, &i)? {
        None => (String::new(), None),
        Some(_) if !crate::core::check(&i).ready() => {
            // The form's own messages first: no key file for a form that writes nothing.
            return pick(cli.output, crate::core::check(&i)).map(|s| (s, false, Vec::new()));
        }
        Some((path, pass)) => {
            let (text, note) = keygen::apply(&mut i, path, pass)?;
            (text, Some(note))
        }
    };
    let (s, drift, mut notes) = outputs(&cli, &pairs, &i)?;
    notes.extend(key_note);
    Ok((key_text + &s, drift, notes))
}

/// The output asked for, whether there is drift, and the notes to say on stderr.
fn outputs(
    cli: &Cli,
    pairs: &[(&'static str, String)],
    i: &Intent,
) -> Result<(String, bool, Vec<String>), Vec<String>> {
    if cli.output == What::Check {
        return check(i, cli.from.as_deref().unwrap_or("-")).map(|(s, d)| (s, d, Vec::new()));
    }
    if cli.from.is_some() {
        return Err(vec!["--from is for check (see --help)".into()]);
    }
    if cli.output == What::NewSchema {
        return new_schema(i, &cli.options).map(|s| (s, false, Vec::new()));
    }
    if let Some(key) = pairs
        .iter()
        .rev()
        .find(|(k, _)| *k == "client")
        .map(|(_, v)| v)
    {
        return libpq_form(i, key).map(|s| (s, false, Vec::new()));
    }
    let mut out = crate::core::generate(i);
    // Written only when asked (a second password verifier on PostgreSQL).
    if let Some(part) = match cli.output {
        What::Rotate => Some(crate::core::output::Part::Rotate),
        What::Retire => Some(crate::core::output::Part::Retire),
        _ => None,
    } {
        out.setup = crate::core::render(i, part).filter(|_| out.ready());
        if out.ready() && out.setup.is_none() {
            return Err(vec![ROTATION_ONLY.into()]);
        }
    }
    // What the page says above Generate (change data capture: how this provider gives
    // REPLICATION, the server setting), on stderr: the script on stdout stays the page's.
    let notes = match cli.output {
        What::Setup => out.notes.clone(),
        _ => Vec::new(),
    };
    pick(cli.output, out).map(|s| (s, false, notes))
}

/// Where rotate and retire exist.
const ROTATION_ONLY: &str = "rotate and retire are for the PostgreSQL presets (not the original) and for Snowflake with the new key (--public-key or --public-key-file)";

/// `--client`: the connection details in the form one client reads.
fn libpq_form(i: &Intent, key: &str) -> Result<String, Vec<String>> {
    let forms = Client::for_db(i.db);
    let client = Client::from_key(i.db, key).ok_or_else(|| {
        let keys: Vec<&str> = forms.iter().map(|c| c.as_str()).collect();
        vec![format!("unknown client {key:?}: {}", keys.join(", "))]
    })?;
    // Refused fields and the hint first, as for every output.
    let checked = crate::core::check(i);
    if !checked.ready() {
        return pick(What::Conn, checked);
    }
    match crate::core::client_form(i, client) {
        Some(r) => r.map_err(|m| vec![m]),
        // Every database has client forms, and the fields were checked above.
        None => Err(vec![format!("no {key} form for {}", i.db.label())]),
    }
}

/// Runs the CLI on `args` (without the program name); returns the exit status. Output
/// goes to `out`, messages to `err`.
pub fn run(args: &[String], out: &mut dyn std::io::Write, err: &mut dyn std::io::Write) -> i32 {
    let argv = std::iter::once("grantsmith".to_string()).chain(args.iter().cloned());
    let cli = match Cli::try_parse_from(argv) {
        Ok(c) => c,
        Err(e) if !e.use_stderr() => {
            let _ = write!(out, "{}", e.render());
            return 0;
        }
        Err(e) => {
            let _ = write!(err, "{}", e.render());
            return 2;
        }
    };
    match result(cli) {
        Ok((s, drift, notes)) => {
            let _ = writeln!(out, "{s}");
            for n in notes {
                let _ = writeln!(
                    err,
                    "grantsmith: note: {}",
                    crate::core::quote::pg::Comment::new(&n)
                );
            }
            i32::from(drift)
        }
        Err(msgs) => {
            // A message may echo what was typed: control characters (a terminal's escape
            // sequences among them) are written as \u{…}, never sent to the terminal.
            for m in msgs {
                let _ = writeln!(
                    err,
                    "grantsmith: {}",
                    crate::core::quote::pg::Comment::new(&m)
                );
            }
            2
        }
    }
}
