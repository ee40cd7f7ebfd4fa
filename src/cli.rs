//! `grantsmith` on a terminal: the same core as the page, for CI pipelines and scripted
//! checks. Inputs as flags or JSON (the keys of the page's URL fragment); prints one
//! script or the connection string; bad input exits 2 with the page's messages.

use std::io::Read;

use crate::core::dialect::{generate_dialect, Access, Dialect, DialectForm, Key};
use crate::core::form::Form;
use crate::core::new_schema_form::{schema_grant, SchemaForm};
use crate::core::preset::{generate_preset, Preset, PresetForm};
use crate::core::{generate, Scope};

/// `--help`.
pub const HELP: &str =
    "grantsmith: SQL for a least-privilege database user, and its connection string

USAGE:
    grantsmith [OUTPUT] [OPTIONS]

OUTPUT (default: setup):
    setup          the setup script
    verify         the verify query (a row per expected privilege, pass or FAIL)
    uninstall      the uninstall script
    conn           the connection URI
    policy-name    the RLS policy name (original preset with --rls)
    summary        the connection fields (metadata preset)
    new-schema     grants for a schema created later (original preset: --schema, --role, --owner)

OPTIONS:
    --db D             postgresql (default), mysql, sqlserver, snowflake, redshift, bigquery
    --preset P         original (default), metadata, connector-rw, connector-ro, custom;
                       other databases: connector-ro (default), connector-rw, and
                       metadata (bigquery)
    --host H           database host (required, except for new-schema)
    --port N           port, 1-65535 (default 5432)
    --role R           the user to create (default per preset, e.g. dreamlit_app)
    --database D       database name (default postgres for original; required otherwise)
    --schemas LIST     schemas, separated by commas (original: with --scope listed)
    --scope S          original: all (default) or listed
    --owners LIST      roles that create tables (default privileges)
    --rls              original: add SELECT policies on RLS-enabled tables
    --password-env V   read the password from environment variable V (never a flag:
                       flags end up in shell history and process lists)
    --plain-password   put the password in the SQL as text instead of a SCRAM verifier
    --ssl              connector presets: add sslmode=require to the URI
    --all-schemas      metadata preset: every schema matching --include / --exclude
    --include RE       metadata preset: PostgreSQL regular expression for schemas
    --exclude RE       metadata preset: PostgreSQL regular expression for schemas
    --schema S, --owner O   new-schema: the schema and its table owner
    --client-host H    mysql: the account's host part (default %)
    --warehouse W      snowflake: the warehouse (default COMPUTE_WH)
    --public-key-file F  snowflake: the user's RSA public key (rsa_key.pub)
    --location L       bigquery: the datasets' region (default US); --database is
                       the project ID, --role the service account's e-mail
    --json FILE        read the options from a JSON object (\"-\" for stdin), keys as the
                       flags without dashes: {\"host\": \"db.example.com\", \"rls\": true}
    -h, --help         this text

Exit status: 0 with the output on stdout; 2 with one message per refused field on
stderr, the same messages the page shows.
";

/// Options gathered from flags and JSON, as text.
#[derive(Default)]
struct Opts {
    output: String,
    kv: Vec<(String, String)>,
}

impl Opts {
    fn get(&self, k: &str) -> Option<&str> {
        self.kv
            .iter()
            .rev()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.as_str())
    }
    fn flag(&self, k: &str) -> bool {
        matches!(self.get(k), Some("true" | "1" | "yes" | "on"))
    }
}

const VALUED: [&str; 21] = [
    "db",
    "client-host",
    "warehouse",
    "public-key-file",
    "location",
    "preset",
    "host",
    "port",
    "role",
    "database",
    "schemas",
    "scope",
    "owners",
    "password-env",
    "include",
    "exclude",
    "schema",
    "owner",
    "json",
    "connection-name",
    "password-env-name",
];
const SWITCHES: [&str; 5] = ["rls", "plain-password", "ssl", "all-schemas", "help"];
const OUTPUTS: [&str; 7] = [
    "setup",
    "verify",
    "uninstall",
    "conn",
    "policy-name",
    "summary",
    "new-schema",
];

fn parse(args: &[String]) -> Result<Opts, String> {
    let mut o = Opts {
        output: "setup".into(),
        ..Opts::default()
    };
    let mut i = 0;
    while i < args.len() {
        let a = args[i].as_str();
        if a == "-h" {
            o.kv.push(("help".into(), "true".into()));
        } else if let Some(name) = a.strip_prefix("--") {
            let (name, inline) = match name.split_once('=') {
                Some((n, v)) => (n, Some(v.to_string())),
                None => (name, None),
            };
            if SWITCHES.contains(&name) {
                o.kv.push((name.into(), "true".into()));
            } else if VALUED.contains(&name) {
                let v = match inline {
                    Some(v) => v,
                    None => {
                        i += 1;
                        args.get(i)
                            .cloned()
                            .ok_or(format!("--{name} needs a value"))?
                    }
                };
                if name == "json" {
                    read_json(&v, &mut o)?;
                } else {
                    o.kv.push((name.into(), v));
                }
            } else {
                return Err(format!("unknown option --{name} (see --help)"));
            }
        } else if OUTPUTS.contains(&a) {
            o.output = a.into();
        } else {
            return Err(format!("unknown output {a:?} (see --help)"));
        }
        i += 1;
    }
    Ok(o)
}

fn read_json(src: &str, o: &mut Opts) -> Result<(), String> {
    let mut text = String::new();
    if src == "-" {
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| format!("--json: {e}"))?;
    } else {
        text = std::fs::read_to_string(src).map_err(|e| format!("--json {src}: {e}"))?;
    }
    let v: serde_json::Value = serde_json::from_str(&text).map_err(|e| format!("--json: {e}"))?;
    let obj = v.as_object().ok_or("--json: expected an object")?;
    for (k, v) in obj {
        if !VALUED.contains(&k.as_str()) && !SWITCHES.contains(&k.as_str()) {
            return Err(format!("--json: unknown key {k:?}"));
        }
        let s = match v {
            serde_json::Value::String(s) => s.clone(),
            serde_json::Value::Bool(b) => b.to_string(),
            serde_json::Value::Number(n) => n.to_string(),
            serde_json::Value::Array(a) => a
                .iter()
                .map(|x| x.as_str().unwrap_or_default())
                .collect::<Vec<_>>()
                .join(","),
            _ => return Err(format!("--json: bad value for {k:?}")),
        };
        o.kv.push((k.clone(), s));
    }
    Ok(())
}

fn messages(fields: Vec<(&'static str, String)>) -> Vec<String> {
    fields
        .into_iter()
        .map(|(k, m)| format!("{k}: {m}"))
        .collect()
}

/// The chosen output, or why there is none: the refused fields, else the hint, else
/// that this output does not exist for these options.
fn finish(
    pick: Option<String>,
    msgs: Vec<String>,
    hint: String,
    output: &str,
) -> Result<String, Vec<String>> {
    match pick {
        _ if !msgs.is_empty() => Err(msgs),
        Some(s) if !s.is_empty() => Ok(s),
        _ if !hint.is_empty() => Err(vec![hint]),
        _ => Err(vec![format!(
            "{output} is not available for these options (see --help)"
        )]),
    }
}

fn salt() -> [u8; 16] {
    let mut s = [0u8; 16];
    if let Ok(mut f) = std::fs::File::open("/dev/urandom") {
        let _ = f.read_exact(&mut s);
    }
    s
}

/// Runs the CLI; returns the exit status. Output goes to `out`, messages to `err`.
pub fn run(args: &[String], out: &mut dyn std::io::Write, err: &mut dyn std::io::Write) -> i32 {
    let o = match parse(args) {
        Ok(o) => o,
        Err(m) => {
            let _ = writeln!(err, "grantsmith: {m}");
            return 2;
        }
    };
    if o.flag("help") {
        let _ = write!(out, "{HELP}");
        return 0;
    }
    let password = match o.get("password-env") {
        Some(var) => match std::env::var(var) {
            Ok(p) => p,
            Err(_) => {
                let _ = writeln!(err, "grantsmith: environment variable {var} is not set");
                return 2;
            }
        },
        None => String::new(),
    };
    let db = match o.get("db") {
        None | Some("postgresql") => None,
        Some(k) => match Dialect::from_key(k) {
            Some(d) => Some(d),
            None => {
                let _ = writeln!(err, "grantsmith: unknown database {k:?} (see --help)");
                return 2;
            }
        },
    };
    if let Some(d) = db {
        return finish_io(other_db(d, &o, password), out, err);
    }
    let preset = Preset::from_key(o.get("preset").unwrap_or("original"));
    if o.get("preset")
        .is_some_and(|p| Preset::from_key(p).as_str() != p)
    {
        let _ = writeln!(err, "grantsmith: unknown preset (see --help)");
        return 2;
    }
    let result: Result<String, Vec<String>> = if o.output == "new-schema" {
        let d = SchemaForm::default();
        let r = schema_grant(&SchemaForm {
            schema: o.get("schema").map_or(d.schema, str::to_string),
            role: o.get("role").map_or(d.role, str::to_string),
            owner: o.get("owner").map_or(d.owner, str::to_string),
        });
        r.sql.ok_or_else(|| {
            [("schema", r.schema), ("role", r.role), ("owner", r.owner)]
                .into_iter()
                .filter_map(|(k, m)| m.map(|m| format!("{k}: {m}")))
                .collect()
        })
    } else if preset == Preset::Original {
        let d = Form::default();
        let f = Form {
            host: o.get("host").unwrap_or("").into(),
            port: o.get("port").map_or(d.port, str::to_string),
            role: o.get("role").map_or(d.role, str::to_string),
            database: o.get("database").map_or(d.database, str::to_string),
            schemas: o.get("schemas").map_or(d.schemas, str::to_string),
            owners: o.get("owners").map_or(d.owners, str::to_string),
            scope: if o.get("scope") == Some("listed") {
                Scope::Listed
            } else {
                Scope::All
            },
            rls: o.flag("rls"),
            password,
            scram: !o.flag("plain-password"),
            salt: salt(),
        };
        let r = generate(&f);
        let msgs = messages(r.errors.by_field());
        let pick = match o.output.as_str() {
            "verify" => r.verify,
            "uninstall" => r.uninstall,
            "conn" => r.conn,
            "policy-name" => r
                .policy_name
                .or_else(|| r.sql.as_ref().map(|_| String::new())),
            "summary" => None,
            _ => r.sql,
        };
        finish(pick, msgs, r.hint, &o.output)
    } else {
        let mut f = PresetForm::new(preset);
        f.host = o.get("host").unwrap_or("").into();
        for (k, slot) in [
            ("port", &mut f.port),
            ("role", &mut f.role),
            ("database", &mut f.database),
            ("schemas", &mut f.schemas),
            ("owners", &mut f.owners),
            ("include", &mut f.include),
            ("exclude", &mut f.exclude),
            ("connection-name", &mut f.connection_name),
            ("password-env-name", &mut f.password_env),
        ] {
            if let Some(v) = o.get(k) {
                *slot = v.to_string();
            }
        }
        f.ssl = o.flag("ssl");
        f.password = password;
        f.scram = !o.flag("plain-password");
        f.salt = salt();
        f.all_schemas = o.flag("all-schemas");
        let r = generate_preset(&f);
        let msgs = messages(r.errors.by_field());
        let pick = match o.output.as_str() {
            "verify" => r.verify,
            "uninstall" => r.uninstall,
            "conn" => r.conn,
            "summary" => r.summary,
            "policy-name" => None,
            _ => r.sql,
        };
        finish(pick, msgs, r.hint, &o.output)
    };
    finish_io(result, out, err)
}

/// Another database's connector: the dialect's form from the options.
fn other_db(d: Dialect, o: &Opts, password: String) -> Result<String, Vec<String>> {
    let access = match o.get("preset").map(|p| (p, Access::from_key(p))) {
        None => Access::ReadOnly,
        Some((_, Some(a))) if d.accesses().contains(&a) => a,
        Some((p, _)) => {
            return Err(vec![format!(
                "{p:?} is not a preset for {} (see --help)",
                d.label()
            )])
        }
    };
    let mut f = DialectForm::new(d, access);
    for key in Key::ALL {
        if let Some(v) = o.get(key.as_str()) {
            f.set(key, v);
        }
    }
    if let Some(path) = o.get("public-key-file") {
        let text = std::fs::read_to_string(path).map_err(|e| vec![format!("{path}: {e}")])?;
        f.set(Key::PublicKey, text);
    }
    if o.get("ssl").is_some() {
        f.ssl = o.flag("ssl");
    }
    f.password = password;
    let r = generate_dialect(&f);
    let msgs = messages(r.errors.clone());
    let pick = match o.output.as_str() {
        "verify" => r.verify,
        "uninstall" => r.uninstall,
        "conn" => r.conn,
        "setup" => r.sql,
        _ => None,
    };
    finish(pick, msgs, r.hint, &o.output)
}

fn finish_io(
    result: Result<String, Vec<String>>,
    out: &mut dyn std::io::Write,
    err: &mut dyn std::io::Write,
) -> i32 {
    match result {
        Ok(s) => {
            let _ = writeln!(out, "{s}");
            0
        }
        Err(msgs) => {
            for m in msgs {
                let _ = writeln!(err, "grantsmith: {m}");
            }
            2
        }
    }
}
