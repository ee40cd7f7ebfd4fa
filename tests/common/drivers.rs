//! Runs a connection form, as the page wrote it, through the real client library it is
//! for (`tests/clients`: psycopg, SQLAlchemy and PyMySQL in the virtual env that
//! `scripts/setup.sh --test` makes; node-postgres and mysql2 from npm; pgjdbc and
//! MariaDB Connector/J from Debian, run by the JDK's source launcher). Ok([user,
//! database] as the server reports them), or Err(what the driver said).

use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

use grantsmith::core::client::Client;

static N: AtomicUsize = AtomicUsize::new(0);

/// `kind` is `pg` or `mysql`: which query asks the server who and where we are.
pub fn run(form: Client, text: &str, kind: &str) -> Result<(String, String), String> {
    if matches!(form, Client::JdbcPg | Client::JdbcMariaDb) {
        return java(text, kind);
    }
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/clients");
    let node = matches!(form, Client::NodePg | Client::Mysql2);
    let file = std::env::temp_dir().join(format!(
        "gs-form-{}-{}.{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed),
        if node { "js" } else { "py" }
    ));
    std::fs::write(&file, text).unwrap();
    let mut cmd = if node {
        let mut c = Command::new("node");
        c.arg(format!("{dir}/run.mjs"));
        c
    } else {
        let py = std::env::var("GRANTSMITH_PY").expect(
            "GRANTSMITH_PY is unset: run the tests through ./test.sh, which installs the Python clients",
        );
        assert!(
            std::path::Path::new(&py).exists(),
            "{py} is missing: run scripts/setup.sh --test"
        );
        let mut c = Command::new(py);
        c.arg(format!("{dir}/run.py"));
        c
    };
    let out = cmd
        .arg(form.as_str())
        .arg(&file)
        .arg(kind)
        .env_remove("PGPASSWORD")
        .env_remove("PGSERVICE")
        .output()
        .expect("the client runner");
    let _ = std::fs::remove_file(&file);
    if !out.status.success() {
        return Err(String::from_utf8_lossy(&out.stderr).into_owned());
    }
    let row: Vec<String> = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{form:?}: {e}: {}", String::from_utf8_lossy(&out.stdout)));
    Ok((row[0].clone(), row[1].clone()))
}

/// The Debian packages' jars (`libpostgresql-jdbc-java`, `libmariadb-java`).
const JARS: [&str; 2] = [
    "/usr/share/java/postgresql.jar",
    "/usr/share/java/mariadb-java-client.jar",
];

/// The JDBC snippet inside a `main`, compiled and run by `java File.java`.
fn java(text: &str, kind: &str) -> Result<(String, String), String> {
    for jar in JARS {
        assert!(
            std::path::Path::new(jar).exists(),
            "{jar} is missing: run scripts/setup.sh --test"
        );
    }
    let query = if kind == "pg" {
        "SELECT current_user, current_database()"
    } else {
        "SELECT LEFT(USER(), CHAR_LENGTH(USER()) - CHAR_LENGTH(SUBSTRING_INDEX(USER(), '@', -1)) - 1), DATABASE()"
    };
    let file = std::env::temp_dir().join(format!(
        "GsForm{}x{}.java",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::write(
        &file,
        format!(
            "class Run {{\n  public static void main(String[] args) throws Exception {{\n{text}\n    try (java.sql.ResultSet rs = conn.createStatement().executeQuery(args[0])) {{\n      rs.next();\n      System.out.print(rs.getString(1) + \"\\0\" + rs.getString(2));\n    }}\n  }}\n}}\n"
        ),
    )
    .unwrap();
    let out = Command::new("java")
        .arg("-cp")
        .arg(JARS.join(":"))
        .arg(&file)
        .arg(query)
        .output()
        .expect("java (Debian's default-jdk-headless) must be installed");
    let _ = std::fs::remove_file(&file);
    if !out.status.success() {
        return Err(String::from_utf8_lossy(&out.stderr).into_owned());
    }
    let text = String::from_utf8(out.stdout).unwrap();
    let (user, db) = text
        .split_once('\0')
        .unwrap_or_else(|| panic!("java printed {text:?}"));
    Ok((user.to_string(), db.to_string()))
}
