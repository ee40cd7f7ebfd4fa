//! The MySQL / MariaDB dialect on a real MariaDB server (Debian's `mariadb-server`,
//! installed by `scripts/setup.sh --test`): started here in a temp dir on a socket and
//! 127.0.0.1, stopped on drop. The setup script runs twice (idempotent), `SHOW GRANTS`
//! must list exactly the expected privileges, the user logs in over TCP with the
//! password of the connection string, verify passes then fails on a revoked privilege,
//! uninstall leaves nothing, and hostile names go through all of it.
//!
//! Existing accounts are never taken over (`takeover.rs`).
//!
//! `cargo test --features realdb --test mariadb -- --nocapture` (`GS_SEED=n` replays).

#[path = "../common/hostile.rs"]
mod hostile;
#[path = "../common/rng.rs"]
mod rng;
#[path = "../common/tls.rs"]
mod tls;
use hostile::NASTY;

mod cdc;
mod drift;
mod drivers;
mod expiry;
mod expiry_checks;
mod fingerprint;
mod rotation;
mod takeover;

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use grantsmith::core::backend::mysql::{privileges, Account, Ident, Str};
use grantsmith::core::{generate, Db, Field, Intent, Preset};
use rng::Rng;

struct Maria {
    dir: PathBuf,
    port: u16,
    child: Child,
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| o.stdout == b"0\n")
        .unwrap_or(false)
}

fn bin(name: &str) -> PathBuf {
    for d in ["/usr/sbin", "/usr/bin"] {
        let p = Path::new(d).join(name);
        if p.exists() {
            return p;
        }
    }
    panic!("{name} is missing: run the tests through ./test.sh, which installs mariadb-server");
}

impl Maria {
    fn start() -> Maria {
        Maria::start_on("127.0.0.1")
    }

    /// A server listening on its socket and on `addr` (`127.0.0.1` or `::1`), on a port
    /// free there. A machine without IPv6 loopback fails here with a message saying so.
    fn start_on(addr: &str) -> Maria {
        Maria::start_with(addr, &[])
    }

    /// A server as [`Maria::start_on`], with `extra` server options (`{dir}` in one
    /// stands for the server's own directory).
    fn start_with(addr: &str, extra: &[&str]) -> Maria {
        // One directory per server: tests in one process may run two at once.
        static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("gs-maria-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("data")).unwrap();
        let root = is_root();
        let mut install = Command::new(bin("mariadb-install-db"));
        install
            .arg("--no-defaults")
            .arg(format!("--datadir={}", dir.join("data").display()))
            .arg("--auth-root-authentication-method=normal")
            .arg("--skip-test-db");
        if root {
            install.arg("--user=root");
        }
        let out = install.output().unwrap();
        assert!(
            out.status.success(),
            "mariadb-install-db failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let port = TcpListener::bind((addr, 0))
            .unwrap_or_else(|e| {
                panic!("cannot listen on {addr} ({e}): the IPv6 tests need the loopback address ::1 (check `ip -6 addr show lo`)")
            })
            .local_addr()
            .unwrap()
            .port();
        // A self-signed certificate, so accounts with REQUIRE SSL can sign in over TLS.
        tls::self_signed(&dir.join("key.pem"), &dir.join("cert.pem"));
        let mut cmd = Command::new(bin("mariadbd"));
        cmd.arg("--no-defaults")
            .arg(format!("--ssl-cert={}", dir.join("cert.pem").display()))
            .arg(format!("--ssl-key={}", dir.join("key.pem").display()))
            .arg(format!("--datadir={}", dir.join("data").display()))
            .arg(format!("--socket={}", dir.join("sock").display()))
            .arg(format!("--pid-file={}", dir.join("pid").display()))
            .arg(format!("--port={port}"))
            .arg(format!("--bind-address={addr}"))
            .arg("--skip-name-resolve")
            .arg(format!("--log-error={}", dir.join("err.log").display()))
            .args(
                extra
                    .iter()
                    .map(|a| a.replace("{dir}", &dir.display().to_string())),
            );
        if root {
            cmd.arg("--user=root");
        }
        let child = cmd
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let m = Maria { dir, port, child };
        let t0 = Instant::now();
        while !m.root("SELECT 1").status.success() {
            assert!(
                t0.elapsed() < Duration::from_secs(60),
                "MariaDB did not start: {}",
                std::fs::read_to_string(m.dir.join("err.log")).unwrap_or_default()
            );
            std::thread::sleep(Duration::from_millis(200));
        }
        m
    }

    fn version(&self) -> String {
        self.root_ok("SELECT VERSION()").trim().to_string()
    }

    /// Runs `sql` as root over the socket.
    fn root(&self, sql: &str) -> Output {
        use std::io::Write;
        let mut c = Command::new(bin("mariadb"))
            .arg("--no-defaults")
            .arg(format!("--socket={}", self.dir.join("sock").display()))
            .args([
                "-uroot",
                "--batch",
                "--raw",
                "--skip-column-names",
                "--default-character-set=utf8mb4",
            ])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        c.stdin.take().unwrap().write_all(sql.as_bytes()).unwrap();
        c.wait_with_output().unwrap()
    }

    fn root_ok(&self, sql: &str) -> String {
        let o = self.root(sql);
        assert!(
            o.status.success(),
            "root SQL failed: {}\n{sql}",
            String::from_utf8_lossy(&o.stderr)
        );
        String::from_utf8(o.stdout).unwrap()
    }

    /// Runs `sql` as `user` over plain TCP (the server offers TLS, which the client would
    /// take on its own), password from the environment (not argv). `sql` names its
    /// tables with their database (`--database` would pass through the client's option
    /// parser, which strips quotes around values).
    fn login(&self, user: &str, password: &str, _db: &str, sql: &str) -> Output {
        Command::new(bin("mariadb"))
            .arg("--no-defaults")
            .args([
                "-h127.0.0.1",
                &format!("-P{}", self.port),
                "--protocol=TCP",
                "--skip-ssl",
            ])
            .arg(format!("--user={user}"))
            .args([
                "--batch",
                "--skip-column-names",
                "--default-character-set=utf8mb4",
            ])
            .arg("-e")
            .arg(sql)
            .env("MYSQL_PWD", password)
            .output()
            .unwrap()
    }
}

impl Drop for Maria {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Percent-decodes a URI part (the connection string is the source of the login).
fn decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            out.push(u8::from_str_radix(&s[i + 1..i + 3], 16).unwrap());
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

/// `mysql://user:password@host:port/db` → (user, password, db).
fn parse_uri(uri: &str) -> (String, String, String) {
    let rest = uri.strip_prefix("mysql://").unwrap();
    let (cred, rest) = rest.rsplit_once('@').unwrap();
    let (user, pw) = cred.split_once(':').unwrap();
    let db = rest.split_once('/').unwrap().1.split('?').next().unwrap();
    (decode(user), decode(pw), decode(db))
}

/// `SHOW GRANTS` as a sorted list, for comparison.
fn grants(m: &Maria, account: &Account) -> Vec<String> {
    let o = m.root(&format!("SHOW GRANTS FOR {account};"));
    if !o.status.success() {
        return Vec::new();
    }
    let mut v: Vec<String> = String::from_utf8(o.stdout)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect();
    v.sort();
    v
}

/// How MariaDB's `SHOW GRANTS` writes an account: `` `user`@`host` ``.
fn shown(user: &str, host: &str) -> String {
    format!(
        "`{}`@`{}`",
        user.replace('`', "``"),
        host.replace('`', "``")
    )
}

/// The database-level grants `SHOW GRANTS` should list: one line per database.
fn expected_db_grants(preset: Preset, dbs: &[&str], account: &str) -> Vec<String> {
    let mut v: Vec<String> = dbs
        .iter()
        .map(|d| {
            format!(
                "GRANT {} ON {}.* TO {account}",
                privileges(preset).join(", "),
                Ident::new(d).grant_pattern()
            )
        })
        .collect();
    v.sort();
    v
}

fn form(preset: Preset, user: &str, client: &str, dbs: &str, pw: &str, port: u16) -> Intent {
    let mut f = Intent::new(Db::MySql, preset);
    f.set(Field::Host, "127.0.0.1");
    f.set(Field::Port, port.to_string());
    f.set(Field::Role, user);
    f.set(Field::ClientHost, client);
    f.set(Field::Schemas, dbs);
    f.set(Field::Password, pw);
    f
}

/// Status column of the verify query's rows.
fn verify_rows(m: &Maria, verify: &str) -> Vec<String> {
    m.root_ok(verify).lines().map(str::to_string).collect()
}

fn create_dbs(m: &Maria, dbs: &[&str]) {
    for d in dbs {
        let i = Ident::new(d);
        m.root_ok(&format!(
            "CREATE DATABASE IF NOT EXISTS {i}; CREATE TABLE IF NOT EXISTS {i}.t (id int); INSERT INTO {i}.t VALUES (1);"
        ));
    }
}

/// One whole round: setup twice, exact grants, login, access checks, verify, revoke one
/// privilege and see verify fail on it, uninstall twice, nothing left.
#[allow(clippy::too_many_arguments)]
fn round(m: &Maria, preset: Preset, user: &str, client: &str, dbs: &[&str], pw: &str, label: &str) {
    create_dbs(m, dbs);
    let f = form(preset, user, client, &dbs.join(","), pw, m.port);
    let out = generate(&f);
    assert_eq!(out.errors, vec![], "{label}");
    let sql = out.setup.clone().unwrap();
    for run in 1..=2 {
        let o = m.root(&sql);
        assert!(
            o.status.success(),
            "{label}: setup run {run} failed: {}\n{sql}",
            String::from_utf8_lossy(&o.stderr)
        );
    }
    let account = Account::new(user, client);
    let got = grants(m, &account);
    let usage: Vec<&String> = got
        .iter()
        .filter(|g| g.starts_with("GRANT USAGE ON *.*"))
        .collect();
    assert_eq!(usage.len(), 1, "{label}: {got:?}");
    let db_grants: Vec<String> = got
        .iter()
        .filter(|g| !g.starts_with("GRANT USAGE ON *.*"))
        .cloned()
        .collect();
    assert_eq!(
        db_grants,
        expected_db_grants(preset, dbs, &shown(user, client)),
        "{label}\n{sql}"
    );

    // The connection string logs in, and reaches exactly what was granted.
    let (u, p, db) = parse_uri(out.conn.as_deref().unwrap());
    assert_eq!(
        (u.as_str(), p.as_str(), db.as_str()),
        (user, pw, dbs[0]),
        "{label}"
    );
    let t = format!("{}.t", Ident::new(&db));
    // The mariadb client strips one pair of quotes around an option value, so a user
    // named `'x'` cannot be typed into it: such a user skips the login checks (the
    // grants and verify rows above and below still prove its account).
    let quoted = |s: &str| {
        s.len() >= 2
            && ['\'', '"']
                .iter()
                .any(|q| s.starts_with(*q) && s.ends_with(*q))
    };
    if client != "%" {
        println!("{label}: login checks skipped (the account is for another client host)");
    } else if quoted(user) {
        println!("{label}: login checks skipped (client cannot pass this user name)");
    } else {
        login_checks(m, preset, &u, &p, &db, &t, label);
    }
    verify_and_uninstall(
        m, preset, user, client, dbs, &account, &out, &sql, &t, label,
    );
}

fn login_checks(m: &Maria, preset: Preset, u: &str, p: &str, db: &str, t: &str, label: &str) {
    let (u, p, db) = (u.to_string(), p.to_string(), db.to_string());
    let o = m.login(&u, &p, &db, &format!("SELECT count(*) FROM {t}"));
    assert!(
        o.status.success(),
        "{label}: login/select failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    let wrong = m.login(&u, "wrong-password", &db, "SELECT 1");
    assert!(
        !wrong.status.success(),
        "{label}: a wrong password logged in"
    );
    let ins = m.login(&u, &p, &db, &format!("INSERT INTO {t} VALUES (2)"));
    let create = m.login(
        &u,
        &p,
        &db,
        &format!("CREATE TABLE {}.made_by_it (id int)", Ident::new(&db)),
    );
    match preset {
        Preset::ReadWrite => {
            assert!(
                ins.status.success(),
                "{label}: insert: {}",
                String::from_utf8_lossy(&ins.stderr)
            );
            assert!(
                create.status.success(),
                "{label}: create: {}",
                String::from_utf8_lossy(&create.stderr)
            );
            let drop = m.login(
                &u,
                &p,
                &db,
                &format!("DROP TABLE {}.made_by_it", Ident::new(&db)),
            );
            assert!(!drop.status.success(), "{label}: DROP was not granted");
            m.root_ok(&format!("DROP TABLE {}.made_by_it", Ident::new(&db)));
        }
        _ => {
            assert!(!ins.status.success(), "{label}: read-only user inserted");
            assert!(
                !create.status.success(),
                "{label}: read-only user created a table"
            );
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn verify_and_uninstall(
    m: &Maria,
    preset: Preset,
    user: &str,
    client: &str,
    dbs: &[&str],
    account: &Account,
    out: &grantsmith::core::Output,
    sql: &str,
    t: &str,
    label: &str,
) {
    // Verify: every row ok, none extra (the last row is the password's expiry, the
    // server's policy here); then a revoked privilege shows as MISSING.
    let verify = out.verify.clone().unwrap();
    let rows = verify_rows(m, &verify);
    assert_eq!(
        rows.len(),
        dbs.len() * privileges(preset).len() + 1,
        "{label}: {rows:?}"
    );
    assert!(
        rows.iter().all(|r| r.ends_with("\tok")),
        "{label}: {rows:?}"
    );
    m.root_ok(&format!(
        "REVOKE SHOW VIEW ON {}.* FROM {account}; GRANT DROP ON {}.* TO {account};",
        Ident::new(dbs[0]).grant_pattern(),
        Ident::new(dbs[0]).grant_pattern()
    ));
    let rows = verify_rows(m, &verify);
    let missing: Vec<_> = rows.iter().filter(|r| r.ends_with("\tMISSING")).collect();
    let extra: Vec<_> = rows.iter().filter(|r| r.ends_with("\tEXTRA")).collect();
    assert_eq!(missing.len(), 1, "{label}: {rows:?}");
    assert!(missing[0].contains("SHOW VIEW"), "{label}: {rows:?}");
    assert_eq!(extra.len(), 1, "{label}: {rows:?}");
    assert!(extra[0].contains("DROP"), "{label}: {rows:?}");
    // Beyond the database level too: a global FILE and PROCESS, a table grant elsewhere
    // and a column grant (issue 28: only a database privilege was listed).
    m.root_ok(&format!(
        "GRANT FILE, PROCESS ON *.* TO {account}; CREATE DATABASE IF NOT EXISTS gs_elsewhere;
         CREATE TABLE IF NOT EXISTS gs_elsewhere.t (c int); GRANT DELETE ON gs_elsewhere.t TO {account};
         GRANT UPDATE (c) ON gs_elsewhere.t TO {account};"
    ));
    let rows = verify_rows(m, &verify);
    let extra: Vec<_> = rows.iter().filter(|r| r.ends_with("\tEXTRA")).collect();
    for want in [
        "*\tFILE",
        "*\tPROCESS",
        "gs_elsewhere.t\tDELETE",
        "gs_elsewhere.t.c\tUPDATE",
    ] {
        assert!(
            extra.iter().any(|r| r.starts_with(want)),
            "{label}: {want} not in {rows:?}"
        );
    }
    m.root_ok(&format!(
        "REVOKE FILE, PROCESS ON *.* FROM {account}; REVOKE DELETE ON gs_elsewhere.t FROM {account};
         REVOKE UPDATE (c) ON gs_elsewhere.t FROM {account};"
    ));
    // Re-running setup puts back exactly the expected privileges.
    m.root_ok(sql);
    assert_eq!(
        grants(m, account)
            .into_iter()
            .filter(|g| !g.starts_with("GRANT USAGE ON *.*"))
            .collect::<Vec<_>>(),
        expected_db_grants(preset, dbs, &shown(user, client)),
        "{label}: re-run did not restore the grants"
    );

    // Uninstall, twice: the account is gone and cannot log in; the data stays.
    let un = out.uninstall.clone().unwrap();
    m.root_ok(&un);
    m.root_ok(&un);
    let left = m.root_ok(&format!(
        "SELECT count(*) FROM mysql.user WHERE User = {} AND Host = {}",
        Str::new(user),
        Str::new(client)
    ));
    assert_eq!(left.trim(), "0", "{label}");
    let (u, p, _) = parse_uri(out.conn.as_deref().unwrap());
    if client == "%" && !u.starts_with(['\'', '"']) {
        assert!(!m.login(&u, &p, "", "SELECT 1").status.success(), "{label}");
    }
    assert!(
        m.root_ok(&format!("SELECT count(*) FROM {t}"))
            .trim()
            .parse::<u32>()
            .unwrap()
            >= 1
    );
}

#[test]
fn mysql_dialect_on_mariadb() {
    let m = Maria::start();
    println!("MariaDB {}", m.version());

    // `my_app` must not also grant `myXapp`: `_` is escaped in the GRANT.
    for preset in [Preset::ReadOnly, Preset::ReadWrite] {
        round(
            &m,
            preset,
            "dagflux",
            "%",
            &["shop", "my_app"],
            "Str0ng-Passw0rd",
            &format!("{preset:?}"),
        );
        create_dbs(&m, &["myXapp"]);
        let f = form(preset, "dagflux", "%", "my_app", "pw-1", m.port);
        let out = generate(&f);
        m.root_ok(out.setup.as_deref().unwrap());
        let o = m.login(
            "dagflux",
            "pw-1",
            "my_app",
            "SELECT count(*) FROM `myXapp`.t",
        );
        assert!(!o.status.success(), "my_app's grant reached myXapp");
        m.root_ok(out.uninstall.as_deref().unwrap());
    }

    // No password: the placeholder makes the script stop before creating anything.
    let mut f = form(Preset::ReadOnly, "nopw", "%", "shop", "", m.port);
    f.set(Field::Password, "");
    let out = generate(&f);
    assert!(!m.root(out.setup.as_deref().unwrap()).status.success());
    assert_eq!(
        m.root_ok("SELECT count(*) FROM mysql.user WHERE User = 'nopw'")
            .trim(),
        "0"
    );

    // SSL required: the account is marked, and a plain TCP login is refused.
    let mut f = form(Preset::ReadOnly, "tls_only", "%", "shop", "pw-2", m.port);
    f.tls = true;
    let out = generate(&f);
    m.root_ok(out.setup.as_deref().unwrap());
    assert!(out.conn.as_deref().unwrap().ends_with("?ssl-mode=REQUIRED"));
    let o = m.login("tls_only", "pw-2", "shop", "SELECT 1");
    assert!(!o.status.success(), "REQUIRE SSL let a plain connection in");
    m.root_ok(out.uninstall.as_deref().unwrap());
    expiry::run(&m);
    rotation::run(&m);
}

#[test]
fn hostile_names_on_mariadb() {
    let seed = Rng::env_seed();
    println!("hostile MariaDB names: GS_SEED={seed}");
    let m = Maria::start();
    let mut rng = Rng(seed);
    let mut done = 0;
    let mut tries = 0;
    while done < 25 {
        tries += 1;
        assert!(tries < 10_000);
        let user = rng.word(&NASTY, 5);
        let db = rng.word(&NASTY, 6);
        let pw = rng.word(&NASTY, 8);
        let preset = if rng.below(2) == 0 {
            Preset::ReadOnly
        } else {
            Preset::ReadWrite
        };
        // One case in three also has a hostile client host (no login then).
        let client = if rng.below(3) == 0 {
            // Host parts are limited to host-name characters and patterns (the core
            // refuses the rest; MariaDB itself refuses '@'); upper case folds.
            rng.word(&["%", "_", ".", "-", ":", "/", "a", "B", "1"], 8)
                .to_ascii_lowercase()
        } else {
            "%".to_string()
        };
        let f = form(preset, &user, &client, &db, &pw, m.port);
        let out = generate(&f);
        if out.setup.is_none()
            || user.trim() != user
            || client.trim() != client
            || db.trim() != db
            || db.contains(',')
        {
            continue;
        }
        // MariaDB compares user names case- and accent-sensitively but database names by
        // file name: keep names distinct from the fixed ones above.
        round(
            &m,
            preset,
            &user,
            &client,
            &[&db],
            &pw,
            &format!("hostile #{done} (GS_SEED={seed}) user={user:?} client={client:?} db={db:?} pw={pw:?}"),
        );
        m.root_ok(&format!("DROP DATABASE {}", Ident::new(&db)));
        done += 1;
    }
}
