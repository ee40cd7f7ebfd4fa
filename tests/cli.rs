//! The `grantsmith` command line: same core, same messages as the page.

use std::io::Write;
use std::process::{Command, Stdio};

use grantsmith::core::{generate, Field, Intent, Scope};

fn run(args: &[&str], stdin: Option<&str>, env: &[(&str, &str)]) -> (i32, String, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_grantsmith"));
    cmd.args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().unwrap();
    if let Some(s) = stdin {
        child.stdin.take().unwrap().write_all(s.as_bytes()).unwrap();
    } else {
        drop(child.stdin.take());
    }
    let o = child.wait_with_output().unwrap();
    (
        o.status.code().unwrap(),
        String::from_utf8(o.stdout).unwrap(),
        String::from_utf8(o.stderr).unwrap(),
    )
}

#[test]
fn help_documents_every_flag() {
    let (code, out, _) = run(&["--help"], None, &[]);
    assert_eq!(code, 0);
    for flag in [
        "--preset",
        "--host",
        "--port",
        "--role",
        "--database",
        "--schemas",
        "--scope",
        "--owners",
        "--rls",
        "--password-env",
        "--plain-password",
        "--ssl",
        "--all-schemas",
        "--include",
        "--exclude",
        "--schema",
        "--owner",
        "--json",
        "--provider",
    ] {
        assert!(out.contains(flag), "{flag} missing from --help");
    }
}

#[test]
fn outputs_match_the_page() {
    let f = {
        let mut i = Intent::default()
            .with(Field::Host, "db.example.com")
            .with(Field::Role, "app")
            .with(Field::Schemas, "a,b");
        i.scope = Scope::Listed;
        i.rls = true;
        i
    };
    let page = generate(&f);
    let args = [
        "--host",
        "db.example.com",
        "--role",
        "app",
        "--scope",
        "listed",
        "--schemas",
        "a,b",
        "--rls",
    ];
    for (output, want) in [
        ("setup", page.setup),
        ("verify", page.verify),
        ("uninstall", page.uninstall),
        ("conn", page.conn),
        ("policy-name", page.policy_name),
        ("inspect", page.inspect),
    ] {
        let mut a = vec![output];
        a.extend(args);
        let (code, out, err) = run(&a, None, &[]);
        assert_eq!((code, err.as_str()), (0, ""), "{output}");
        assert_eq!(out, format!("{}\n", want.unwrap()), "{output}");
    }
}

#[test]
fn json_input_and_password_from_the_environment() {
    let json = r#"{"host": "db.example.com", "role": "app", "rls": true, "password-env": "GS_PW"}"#;
    let (code, out, err) = run(
        &["conn", "--json", "-"],
        Some(json),
        &[("GS_PW", "s3cret/pw")],
    );
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(
        out,
        "postgresql://app:s3cret%2Fpw@db.example.com:5432/postgres\n"
    );
    let (code, out, _) = run(
        &[
            "setup",
            "--host",
            "db.example.com",
            "--password-env",
            "GS_PW",
        ],
        None,
        &[("GS_PW", "s3cret/pw")],
    );
    assert_eq!(code, 0);
    assert!(out.contains("WITH LOGIN PASSWORD 'SCRAM-SHA-256$4096:") && !out.contains("s3cret"));
    let (code, _, err) = run(
        &["--host", "db.example.com", "--password-env", "GS_UNSET_VAR"],
        None,
        &[],
    );
    assert_eq!(
        (code, err.as_str()),
        (
            2,
            "grantsmith: environment variable GS_UNSET_VAR is not set\n"
        )
    );
}

#[test]
fn bad_input_exits_2_with_the_pages_messages() {
    let (code, out, err) = run(
        &[
            "--host",
            "https://db.example.com",
            "--port",
            "0",
            "--role",
            "public",
        ],
        None,
        &[],
    );
    assert_eq!(code, 2);
    assert_eq!(out, "");
    assert_eq!(err, "grantsmith: host: Enter just the hostname without http:// or https://\ngrantsmith: port: Port must be a whole number from 1 to 65535\ngrantsmith: role: \"public\" is a reserved role name in PostgreSQL\n");
    let (code, _, err) = run(&[], None, &[]);
    assert_eq!(
        (code, err.as_str()),
        (2, "grantsmith: Enter a host to generate\n")
    );
    // Usage errors are clap's own, with the same exit status.
    let (code, _, err) = run(&["--frobnicate"], None, &[]);
    assert_eq!(code, 2);
    assert!(
        err.starts_with("error: unexpected argument '--frobnicate' found"),
        "{err}"
    );
}

#[test]
fn every_flag_the_parser_accepts_is_in_the_help() {
    use clap::CommandFactory;
    let (code, help, _) = run(&["--help"], None, &[]);
    assert_eq!(code, 0);
    let cmd = grantsmith::cli::Cli::command();
    let longs: Vec<&str> = cmd.get_arguments().filter_map(|a| a.get_long()).collect();
    // The options the page's fragment and the JSON keys share, at the least.
    for key in [
        "connection-name",
        "password-env-name",
        "client-host",
        "include",
        "json",
    ] {
        assert!(longs.contains(&key), "--{key} is not a flag");
    }
    for long in longs {
        assert!(
            help.contains(&format!("--{long}")),
            "--{long} is accepted but not in --help"
        );
        // And the parser really accepts it (a flag or an option taking a value).
        let (code, _, err) = run(&[&format!("--{long}"), "x"], None, &[]);
        assert!(!err.contains("unexpected argument"), "--{long}: {err}");
        let _ = code;
    }
}

#[test]
fn json_keys_are_the_flags_and_unknown_keys_are_refused() {
    let json = r#"{"host": "db.example.com", "preset": "metadata", "database": "app", "connection-name": "prod", "password-env-name": "PG_PW", "port": 6432}"#;
    let (code, out, err) = run(&["summary", "--json", "-"], Some(json), &[]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, "Connection name: prod\nHostname: db.example.com\nPort: 6432\nUsername: dagster_connection\nPassword environment variable: PG_PW\n");
    let (code, _, err) = run(&["--json", "-"], Some(r#"{"hots": "x"}"#), &[]);
    assert_eq!(code, 2);
    assert!(err.contains("unknown field `hots`"), "{err}");
    // A flag given too wins over the JSON.
    let (_, out, _) = run(
        &["conn", "--json", "-", "--host", "b.example.com"],
        Some(r#"{"host": "a.example.com"}"#),
        &[],
    );
    assert!(out.contains("@b.example.com:5432/"), "{out}");
}

#[test]
fn neon_defaults_as_in_the_page() {
    let neon = "ep-x-123.us-east-2.aws.neon.tech";
    let (code, out, _) = run(&["conn", "--host", neon], None, &[]);
    assert_eq!(code, 0);
    assert!(out.ends_with("/neondb\n"), "{out}");
    let (_, out, _) = run(&["uninstall", "--host", neon], None, &[]);
    assert!(out.contains("parent_role text := 'neondb_owner';"), "{out}");
    // Typed values stay theirs, in either order.
    let (_, out, _) = run(&["conn", "--database", "shop", "--host", neon], None, &[]);
    assert!(out.ends_with("/shop\n"), "{out}");
}

/// The provider rules as in the page: picked by flag or JSON, told from the host, and
/// an unknown provider refused.
#[test]
fn provider_rules_as_in_the_page() {
    let mut page = Intent::default().with(Field::Host, "10.0.0.3");
    page.set_provider(grantsmith::core::provider::Pick::Is(
        grantsmith::core::provider::Provider::CloudSql,
    ));
    let want = generate(&page).setup.unwrap() + "\n";
    let (code, out, _) = run(
        &["setup", "--host", "10.0.0.3", "--provider", "cloudsql"],
        None,
        &[],
    );
    assert_eq!((code, out.as_str()), (0, want.as_str()));
    let (code, out, _) = run(
        &["setup", "--json", "-"],
        Some(r#"{"host": "10.0.0.3", "provider": "cloudsql"}"#),
        &[],
    );
    assert_eq!((code, out.as_str()), (0, want.as_str()));
    let (_, out, _) = run(&["setup", "--host", "db.x.supabase.co"], None, &[]);
    assert!(
        out.contains("'vault'") && !out.contains("pgcrypto"),
        "{out}"
    );
    let (_, out, _) = run(
        &["setup", "--host", "db.x.supabase.co", "--provider", "none"],
        None,
        &[],
    );
    assert!(out.contains("pgcrypto"), "{out}");
    let (code, _, err) = run(&["setup", "--host", "h", "--provider", "heroku"], None, &[]);
    assert_eq!(code, 2);
    assert!(err.contains("unknown provider \"heroku\""), "{err}");
}

#[test]
fn presets_and_new_schema() {
    let (code, out, _) = run(
        &[
            "conn",
            "--preset",
            "connector-rw",
            "--host",
            "db.example.com",
            "--database",
            "mydb",
            "--ssl",
        ],
        None,
        &[],
    );
    assert_eq!((code, out.as_str()), (0, "postgresql://dagflux:[[REPLACE_WITH_PASSWORD]]@db.example.com:5432/mydb?sslmode=require\n"));
    let (code, _, err) = run(
        &["--preset", "connector-ro", "--host", "db.example.com"],
        None,
        &[],
    );
    assert_eq!(
        (code, err.as_str()),
        (2, "grantsmith: database: Enter the database name\n")
    );
    let (code, out, _) = run(
        &["new-schema", "--schema", "sales", "--owner", "app_owner"],
        None,
        &[],
    );
    assert_eq!(code, 0);
    assert!(out.starts_with("-- Run as the role that owns/creates tables in this schema (usually \"app_owner\")\nGRANT USAGE ON SCHEMA \"sales\" TO \"dreamlit_app\";"));
}

#[test]
fn other_databases_from_flags_and_json() {
    let (code, out, _) = run(
        &[
            "setup",
            "--db",
            "mysql",
            "--preset",
            "connector-rw",
            "--host",
            "db.example.com",
            "--schemas",
            "shop, my_app",
        ],
        None,
        &[],
    );
    assert_eq!(code, 0);
    assert_eq!(
        out,
        format!(
            "{}\n",
            include_str!("golden/dialects/mysql_connector-rw.sql")
        )
    );
    let json = r#"{"db": "bigquery", "preset": "metadata", "database": "my-project",
        "role": "dagflux@my-project.iam.gserviceaccount.com", "schemas": "analytics, marts"}"#;
    let (code, out, _) = run(&["verify", "--json", "-"], Some(json), &[]);
    assert_eq!(code, 0);
    assert_eq!(
        out,
        format!(
            "{}\n",
            include_str!("golden/dialects/bigquery_metadata.verify.sql")
        )
    );
    // The password only from the environment, into the connection string.
    let (code, out, _) = run(
        &[
            "conn",
            "--db",
            "sqlserver",
            "--host",
            "sql.example.com",
            "--database",
            "Sales",
            "--password-env",
            "PW",
        ],
        None,
        &[("PW", "a;b")],
    );
    assert_eq!(code, 0);
    assert!(out.contains(";Password=\"a;b\";"), "{out}");
    // Refused fields: exit 2 with the page's messages; unknown database or preset too.
    let (code, _, err) = run(&["--db", "redshift", "--host", "h.example.com"], None, &[]);
    assert_eq!(
        (code, err.as_str()),
        (2, "grantsmith: database: Enter the database\n")
    );
    let (code, _, err) = run(&["--db", "mysql", "--preset", "metadata"], None, &[]);
    assert_eq!(code, 2);
    assert!(err.contains("not a preset for MySQL"), "{err}");
    let (code, _, err) = run(&["--db", "oracle"], None, &[]);
    assert_eq!(code, 2);
    assert!(err.contains("unknown database"), "{err}");
}

#[test]
fn libpq_forms_of_the_connection_details() {
    let args = [
        "conn",
        "--preset",
        "connector-rw",
        "--host",
        "db.example.com",
        "--database",
        "my db",
        "--ssl",
    ];
    let with = |client: &str| {
        let mut a = args.to_vec();
        a.extend(["--client", client]);
        run(&a, None, &[("GS_PW", "it's:x")])
    };
    let (code, out, _) = with("keyword-value");
    assert_eq!((code, out.as_str()), (0, "host='db.example.com' port=5432 dbname='my db' user='dagflux' password='[[REPLACE_WITH_PASSWORD]]' sslmode=require\n"));
    let (_, out, _) = with("env");
    assert!(
        out.contains("export PGDATABASE='my db'\n") && out.ends_with("export PGSSLMODE=require\n"),
        "{out}"
    );
    let (_, uri, _) = with("uri");
    assert_eq!(
        uri,
        run(&args, None, &[]).1,
        "--client uri is the default conn"
    );
    let mysql = |client: &str| {
        run(
            &[
                "conn",
                "--db",
                "mysql",
                "--host",
                "db.example.com",
                "--schemas",
                "s",
                "--ssl",
                "--client",
                client,
            ],
            None,
            &[],
        )
    };
    assert_eq!(
        mysql("env"),
        (
            2,
            String::new(),
            "grantsmith: unknown client \"env\": uri, mysql2, pymysql, sqlalchemy, jdbc, jdbc-mariadb\n".into()
        )
    );
    let (code, out, _) = mysql("mysql2");
    assert_eq!(code, 0);
    assert!(
        out.contains("  ssl: { rejectUnauthorized: false },"),
        "{out}"
    );
    let (code, _, err) = run(
        &[
            "conn",
            "--db",
            "bigquery",
            "--host",
            "my-project",
            "--client",
            "env",
        ],
        None,
        &[],
    );
    assert_eq!(code, 2);
    assert_eq!(err, "grantsmith: unknown client \"env\": sqlalchemy, uri\n");
}

#[test]
fn product_names_the_scripts_as_a_profile_does() {
    use grantsmith::core::profile::Profile;
    let args = [
        "--host",
        "db.example.com",
        "--rls",
        "--product",
        "Acme Sync",
    ];
    let (code, out, _) = run(&args, None, &[]);
    assert_eq!(code, 0);
    let pairs = [
        ("host", "db.example.com"),
        ("rls", "1"),
        ("product", "Acme Sync"),
    ]
    .map(|(k, v)| (k.to_string(), v.to_string()));
    let page = Profile::read(&pairs).unwrap();
    let page = page.start(page.start_db());
    assert_eq!(out.trim_end(), generate(&page).setup.unwrap().trim_end());
    assert!(out.starts_with("-- For Acme Sync. Written by Grantsmith.\n"));
    let (code, name, _) = run(&[&args[..], &["policy-name"]].concat(), None, &[]);
    assert_eq!(
        (code, name.trim()),
        (0, "acme_sync_dreamlit_app_select_policy")
    );
    let (code, _, err) = run(&["--host", "h", "--product", "Acme\n-- DROP"], None, &[]);
    assert_eq!(code, 2);
    assert!(
        err.contains("product: the product's name has a line break"),
        "{err}"
    );
}

#[test]
fn check_prints_the_fix_and_exits_1_on_drift() {
    let opts = [
        "--preset",
        "connector-ro",
        "--host",
        "db.example.com",
        "--database",
        "shop",
        "--role",
        "app",
        "--schemas",
        "public",
        "--owners",
        "owner_role",
    ];
    let with = |first: &[&str]| -> Vec<String> {
        first
            .iter()
            .chain(opts.iter())
            .map(|s| s.to_string())
            .collect()
    };
    let (code, query, _) = run(
        &with(&["inspect"])
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
        None,
        &[],
    );
    assert_eq!(code, 0);
    let at = query.find("current_user, '").unwrap() + "current_user, '".len();
    let tag = &query[at..at + 8];
    let clean = format!(
        "grantsmith-inspect\t2\tapp\tshop\texists\towner_role\t{tag}\n\
         database\tshop\tCONNECT\t\nschema\tpublic\tUSAGE\t\n\
         default\towner_role\tpublic\tr\tSELECT\t\nobject\tschema\tpublic\t\t\n\
         grantsmith-inspect-end\t4\n"
    );
    let check = with(&["check"]);
    let args: Vec<&str> = check.iter().map(String::as_str).collect();
    let (code, out, err) = run(&args, Some(&clean), &[]);
    assert_eq!((code, err.as_str()), (0, ""), "{out}");
    assert!(out.starts_with("-- No drift"), "{out}");
    let drifted = clean
        .replace("schema\tpublic\tUSAGE\t\n", "attr\tCREATEROLE\n")
        .replace("owner_role\tpublic", "someone\tpublic");
    let file = std::env::temp_dir().join(format!("gs-check-{}.txt", std::process::id()));
    std::fs::write(&file, &drifted).unwrap();
    let mut from_file = args.clone();
    let path = file.to_str().unwrap().to_string();
    from_file.extend(["--from", &path]);
    let (code, out, _) = run(&from_file, None, &[]);
    assert_eq!(code, 1, "{out}");
    for s in [
        "ALTER ROLE \"app\" NOCREATEROLE;",
        "GRANT USAGE ON SCHEMA \"public\" TO \"app\";",
        "ALTER DEFAULT PRIVILEGES FOR ROLE \"someone\" IN SCHEMA \"public\" REVOKE SELECT ON TABLES FROM \"app\";",
        "ALTER DEFAULT PRIVILEGES FOR ROLE \"owner_role\" IN SCHEMA \"public\" GRANT SELECT ON TABLES TO \"app\";",
    ] {
        assert!(out.contains(s), "{s}\n{out}");
    }
    // A paste that is not the inspect output: exit 2 and the message, no script.
    let (code, out, err) = run(&args, Some("owner | table\n-------+------\n"), &[]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(
        err.contains("--from: This looks like psql's table output"),
        "{err}"
    );
    // --from belongs to check only.
    let (code, _, err) = run(&["setup", "--host", "h", "--from", "x"], None, &[]);
    assert_eq!(code, 2);
    assert!(err.contains("--from is for check"), "{err}");
    let _ = std::fs::remove_file(file);
}

/// A message that echoes what was typed never sends a control character to the terminal
/// (an escape sequence in a key or value would recolour it, or worse), and the metadata
/// summary keeps one line per field (issue 28).
#[test]
fn control_characters_are_never_echoed() {
    let json = "{\"host\": \"db.example.com\", \"ro\\u001b[31mle\": \"x\"}";
    let (code, _, err) = run(&["setup", "--json", "-"], Some(json), &[]);
    assert_eq!(code, 2);
    assert!(err.contains("ro\\u{1b}[31mle"), "{err}");
    assert!(!err.chars().any(|c| c.is_control() && c != '\n'), "{err:?}");
    let (code, out, _) = run(
        &[
            "summary",
            "--preset",
            "metadata",
            "--host",
            "db.example.com",
            "--database",
            "d",
            "--role",
            "a\nPassword: x",
        ],
        None,
        &[],
    );
    assert_eq!(code, 0);
    assert_eq!(out.lines().count(), 5, "{out}");
}
