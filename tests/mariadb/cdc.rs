//! Change data capture on a real MariaDB started with the binary log on (`log_bin`,
//! `binlog_format = ROW`): under both namings of the replication privileges, the setup
//! runs twice with no error and no warning (the client's `--show-warnings`), `SHOW
//! GRANTS` lists exactly the replication privileges and SELECT; the new account reads an
//! INSERT made after the setup from the binary log as a replica does (`mariadb-binlog
//! --read-from-remote-server`, rows decoded) while an account without the grants is
//! refused; verify passes, and fails on each setting and grant it reads when that one is
//! wrong (Amazon RDS's retention table is made by hand where RDS keeps it); the drift
//! check accepts the global grants and fixes a missing one; uninstall leaves no account
//! and runs twice; hostile names go through setup, verify and uninstall.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use grantsmith::core::backend::mysql::{Account, Ident};
use grantsmith::core::drift::mysql::same_privilege;
use grantsmith::core::{check_paste, generate, Intent, Preset, Switch};

use super::hostile::NASTY;
use super::rng::Rng;
use super::{bin, form, grants, Maria};

const PW: &str = "Cdc-Passw0rd!";

/// The server options that turn the binary log on, in row format.
const BINLOG: [&str; 3] = [
    "--log-bin={dir}/binlog",
    "--binlog-format=ROW",
    "--server-id=1",
];

fn cdc_form(user: &str, dbs: &str, port: u16, mariadb_105: bool) -> Intent {
    let mut f = form(Preset::Cdc, user, "%", dbs, PW, port);
    f.set_switch(Switch::MariaDb105, mariadb_105);
    f
}

/// Runs `sql` as root with the client printing every warning and note after its
/// statement: `Err` with the output when a statement fails or warns (notes pass).
fn root_clean(m: &Maria, sql: &str) -> Result<String, String> {
    let mut c = Command::new(bin("mariadb"))
        .arg("--no-defaults")
        .arg(format!("--socket={}", m.dir.join("sock").display()))
        .args(["-uroot", "--batch", "--raw", "--skip-column-names"])
        .args(["--default-character-set=utf8mb4", "--show-warnings"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    c.stdin.take().unwrap().write_all(sql.as_bytes()).unwrap();
    let o = c.wait_with_output().unwrap();
    let (out, err) = (
        String::from_utf8_lossy(&o.stdout).to_string(),
        String::from_utf8_lossy(&o.stderr).to_string(),
    );
    if !o.status.success() || out.contains("Warning (Code") || err.contains("Warning (Code") {
        return Err(format!("{err}{out}"));
    }
    Ok(out)
}

/// Verify's rows as `(check, object, result)`; it must run clean too.
fn verify(m: &Maria, f: &Intent) -> Vec<(String, String, String)> {
    let out = root_clean(m, generate(f).verify.as_deref().unwrap())
        .unwrap_or_else(|e| panic!("verify failed: {e}"));
    out.lines()
        .map(|l| {
            let v: Vec<&str> = l.split('\t').collect();
            assert_eq!(v.len(), 3, "{l}");
            (v[0].to_string(), v[1].to_string(), v[2].to_string())
        })
        .collect()
}

/// The checks that failed, each as `check: object`.
fn failing(rows: &[(String, String, String)]) -> Vec<String> {
    rows.iter()
        .filter(|r| r.2 == "FAIL")
        .map(|r| format!("{}: {}", r.0, r.1))
        .collect()
}

/// The binary log read as a replica reads it: over TCP as `user`, from `first` to the
/// last file, row events decoded into `### INSERT INTO …` comments.
fn read_binlog(m: &Maria, user: &str, pw: &str, first: &str) -> Output {
    Command::new(bin("mariadb-binlog"))
        .arg("--no-defaults")
        .args([
            "--read-from-remote-server",
            "--host=127.0.0.1",
            "--protocol=TCP",
        ])
        .arg(format!("--port={}", m.port))
        .args([
            "--skip-ssl",
            "--verbose",
            "--base64-output=DECODE-ROWS",
            "--to-last-log",
        ])
        .arg(format!("--user={user}"))
        .arg(first)
        .env("MYSQL_PWD", pw)
        .output()
        .unwrap()
}

/// The first binary log file the server still has.
fn first_binlog(m: &Maria) -> String {
    let out = m.root_ok("SHOW BINARY LOGS;");
    out.split('\t').next().unwrap().trim().to_string()
}

/// Sets the account up under one naming and checks its grants, the binary log read
/// and the drift check; leaves it set up.
fn set_up_and_read(m: &Maria, mariadb_105: bool, n: u32) -> Intent {
    let label = format!("MariaDB 10.5 names: {mariadb_105}");
    let f = cdc_form("cdc_reader", "shop", m.port, mariadb_105);
    let out = generate(&f);
    assert!(out.ready(), "{:?}", out.errors);
    let setup = out.setup.unwrap();
    for run in 1..=2 {
        root_clean(m, &setup).unwrap_or_else(|e| panic!("{label}: setup run {run}: {e}\n{setup}"));
    }
    // Exactly the two replication privileges globally (under either of each one's
    // names), SELECT on the listed database, nothing else.
    let got = grants(m, &Account::new("cdc_reader", "%"));
    println!("{label}: {}", got[0]);
    assert_eq!(got.len(), 2, "{label}: {got:?}");
    let global = got[0]
        .strip_prefix("GRANT ")
        .and_then(|g| g.split_once(" ON *.* TO `cdc_reader`@`%`"))
        .map(|(p, _)| p)
        .unwrap_or_else(|| panic!("{label}: {got:?}"));
    let privs: Vec<&str> = global.split(", ").collect();
    let names = grantsmith::core::backend::mysql::cdc::replication_privileges(mariadb_105);
    assert_eq!(privs.len(), 2, "{label}: {got:?}");
    for p in names {
        assert!(
            privs.iter().any(|q| same_privilege(p, q)),
            "{label}: {p} not in {got:?}"
        );
    }
    assert_eq!(
        got[1], "GRANT SELECT ON `shop`.* TO `cdc_reader`@`%`",
        "{label}"
    );
    let rows = verify(m, &f);
    assert_eq!(failing(&rows), Vec::<String>::new(), "{label}: {rows:?}");
    assert_eq!(rows.len(), 10, "{label}: {rows:?}");

    // A change made after the setup, read from the binary log as a replica would.
    let marker = format!("change-after-setup-{n}");
    m.root_ok(&format!(
        "INSERT INTO shop.orders VALUES ({n}, '{marker}');"
    ));
    let o = read_binlog(m, "cdc_reader", PW, &first_binlog(m));
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(
        o.status.success(),
        "{label}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(
        text.contains("### INSERT INTO `shop`.`orders`"),
        "{label}: no row event\n{text}"
    );
    assert!(
        text.contains(&format!("'{marker}'")),
        "{label}: {marker} not in the binary log\n{text}"
    );

    // The drift check: the global grants are expected, not extra; a missing one is
    // named with its GRANT, which puts it back.
    let inspect = out.inspect.unwrap();
    let r = check_paste(&f, &m.root_ok(&inspect)).unwrap().unwrap();
    assert!(!r.drift(), "{label}: {:?}", r.rows);
    m.root_ok(&format!(
        "REVOKE {} ON *.* FROM 'cdc_reader'@'%';",
        names[1]
    ));
    let r = check_paste(&f, &m.root_ok(&inspect)).unwrap().unwrap();
    assert!(r.drift(), "{label}: a revoked {} went unseen", names[1]);
    m.root_ok(&r.fix_sql());
    let r = check_paste(&f, &m.root_ok(&inspect)).unwrap().unwrap();
    assert!(!r.drift(), "{label}: left after the fix: {:?}", r.rows);
    f
}

/// Each setting and grant verify reads, made wrong, is the one row that fails.
fn verify_fails_on_each(m: &Maria, f: &Intent) {
    let cases = [
        ("SET GLOBAL binlog_format = 'STATEMENT';", "SET GLOBAL binlog_format = 'ROW';", "binlog_format is ROW: STATEMENT"),
        ("SET GLOBAL binlog_row_image = 'MINIMAL';", "SET GLOBAL binlog_row_image = 'FULL';", "binlog_row_image is FULL: MINIMAL"),
        ("SET GLOBAL binlog_expire_logs_seconds = 3600;", "SET GLOBAL binlog_expire_logs_seconds = 0;", "binary logs kept 7 days or more (or never purged): 3600 seconds"),
        // Amazon RDS keeps its retention in this table, NULL unless set: purged at once.
        ("CREATE TABLE mysql.rds_configuration (name VARCHAR(100), value VARCHAR(100)); INSERT INTO mysql.rds_configuration VALUES ('binlog retention hours', NULL);",
         "UPDATE mysql.rds_configuration SET value = '168';",
         "binary logs kept 7 days or more (or never purged): Amazon RDS binlog retention hours: NULL (purged as soon as RDS can)"),
        ("GRANT FILE ON *.* TO 'cdc_reader'@'%';", "REVOKE FILE ON *.* FROM 'cdc_reader'@'%';", "no privilege beyond these: *.* FILE"),
        ("GRANT INSERT ON shop.* TO 'cdc_reader'@'%';", "REVOKE INSERT ON shop.* FROM 'cdc_reader'@'%';", "no privilege beyond these: shop.* INSERT"),
        ("GRANT SELECT ON other.* TO 'cdc_reader'@'%';", "REVOKE SELECT ON other.* FROM 'cdc_reader'@'%';", "no privilege beyond these: other.* SELECT"),
        ("REVOKE REPLICATION SLAVE ON *.* FROM 'cdc_reader'@'%';", "GRANT REPLICATION SLAVE ON *.* TO 'cdc_reader'@'%';", "global privilege (ON *.*): REPLICATION SLAVE"),
        ("REVOKE SELECT ON shop.* FROM 'cdc_reader'@'%';", "GRANT SELECT ON shop.* TO 'cdc_reader'@'%';", "SELECT on the database: shop"),
        // No date in the form: the server's policy, which NEVER set by hand overrides.
        ("ALTER USER 'cdc_reader'@'%' PASSWORD EXPIRE NEVER;", "ALTER USER 'cdc_reader'@'%' PASSWORD EXPIRE DEFAULT;", "password expiry: the server's policy (PASSWORD EXPIRE DEFAULT): never expires (PASSWORD EXPIRE NEVER)"),
    ];
    for (wrong, right, row) in cases {
        m.root_ok(wrong);
        assert_eq!(
            failing(&verify(m, f)),
            vec![row.to_string()],
            "after {wrong}"
        );
        m.root_ok(right);
        assert_eq!(
            failing(&verify(m, f)),
            Vec::<String>::new(),
            "after {right}"
        );
    }
    m.root_ok(
        "DROP TABLE mysql.rds_configuration; SET GLOBAL binlog_expire_logs_seconds = 604800;",
    );
    assert_eq!(
        failing(&verify(m, f)),
        Vec::<String>::new(),
        "7 days of binary logs"
    );
    m.root_ok("SET GLOBAL binlog_expire_logs_seconds = 0;");
}

/// Uninstall, twice: no account left, and the binary log refuses its name.
fn uninstall(m: &Maria, f: &Intent, user: &str, label: &str) {
    let un = generate(f).uninstall.unwrap();
    for run in 1..=2 {
        root_clean(m, &un).unwrap_or_else(|e| panic!("{label}: uninstall run {run}: {e}"));
    }
    let left = m.root_ok(&format!(
        "SELECT COUNT(*) FROM mysql.user WHERE User = {};",
        grantsmith::core::backend::mysql::Str::new(user)
    ));
    assert_eq!(left.trim(), "0", "{label}");
}

#[test]
fn cdc_on_mariadb_with_the_binary_log() {
    let m = Maria::start_with("127.0.0.1", &BINLOG);
    println!("MariaDB {}", m.version());
    m.root_ok(
        "CREATE DATABASE shop; CREATE TABLE shop.orders (id int PRIMARY KEY, note text);
         CREATE DATABASE other; CREATE TABLE other.t (id int);",
    );
    for (n, mariadb_105) in [false, true].into_iter().enumerate() {
        let f = set_up_and_read(&m, mariadb_105, n as u32 + 1);
        if n == 0 {
            verify_fails_on_each(&m, &f);
        }
        uninstall(
            &m,
            &f,
            "cdc_reader",
            &format!("MariaDB 10.5 names: {mariadb_105}"),
        );
        let o = read_binlog(&m, "cdc_reader", PW, &first_binlog(&m));
        assert!(
            !o.status.success(),
            "an uninstalled account read the binary log"
        );
    }
    // An account without the replication grants is refused the binary log.
    m.root_ok("CREATE USER 'nogrants'@'%' IDENTIFIED BY 'No-Grants-1'; GRANT SELECT ON shop.* TO 'nogrants'@'%';");
    let o = read_binlog(&m, "nogrants", "No-Grants-1", &first_binlog(&m));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        !o.status.success() && err.contains("Access denied"),
        "{err}"
    );
}

#[test]
fn cdc_verify_on_mariadb_without_the_binary_log() {
    let m = Maria::start();
    m.root_ok("CREATE DATABASE shop;");
    let f = cdc_form("cdc_reader", "shop", m.port, true);
    root_clean(&m, generate(&f).setup.as_deref().unwrap()).unwrap();
    // MariaDB's default format is MIXED: both rows fail.
    assert_eq!(
        failing(&verify(&m, &f)),
        [
            "binary log on (log_bin): OFF",
            "binlog_format is ROW: MIXED"
        ]
    );
}

#[test]
fn cdc_hostile_names_on_mariadb() {
    let seed = Rng::env_seed();
    println!("hostile MariaDB CDC names: GS_SEED={seed}");
    let m = Maria::start_with("127.0.0.1", &BINLOG);
    let mut rng = Rng(seed);
    let (mut done, mut tries) = (0, 0);
    while done < 8 {
        tries += 1;
        assert!(tries < 10_000);
        let (user, db) = (rng.word(&NASTY, 5), rng.word(&NASTY, 6));
        let f = cdc_form(&user, &db, m.port, rng.below(2) == 0);
        if generate(&f).setup.is_none()
            || user.trim() != user
            || db.trim() != db
            || db.contains(',')
        {
            continue;
        }
        let label = format!("GS_SEED={seed} user={user:?} db={db:?}");
        m.root_ok(&format!(
            "CREATE DATABASE IF NOT EXISTS {};",
            Ident::new(&db)
        ));
        let setup = generate(&f).setup.unwrap();
        for run in 1..=2 {
            root_clean(&m, &setup).unwrap_or_else(|e| panic!("{label}: setup run {run}: {e}"));
        }
        let rows = verify(&m, &f);
        assert_eq!(failing(&rows), Vec::<String>::new(), "{label}: {rows:?}");
        assert_eq!(grants(&m, &Account::new(&user, "%")).len(), 2, "{label}");
        uninstall(&m, &f, &user, &label);
        m.root_ok(&format!("DROP DATABASE {};", Ident::new(&db)));
        done += 1;
    }
}
