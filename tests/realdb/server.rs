//! Throwaway PostgreSQL clusters from the cached npm binaries: one per major version, on
//! a Unix socket in a temp dir (and TCP on 127.0.0.1 with TLS, or on ::1, when asked),
//! run as `nobody` when the tests run as root, stopped on drop even when a test panics.

use std::path::PathBuf;
use std::process::{Command, Stdio};

/// The superuser's password (SCRAM auth everywhere, so wrong passwords really fail).
pub const SU_PASSWORD: &str = "su-secret";

pub struct Server {
    pub version: String,
    dir: PathBuf,
    bin: PathBuf,
    as_nobody: bool,
    /// The port (of the socket's name, and of 127.0.0.1 with TLS or ::1).
    pub port: u16,
}

/// Where a server listens besides its Unix socket.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Listen {
    /// The socket only.
    Socket,
    /// 127.0.0.1 with a self-signed certificate; TCP without TLS refused.
    Tls,
    /// The IPv6 loopback `::1`, password (SCRAM) logins as on the socket.
    Ipv6,
    /// The socket only, with logical decoding on (`wal_level = logical`).
    Logical,
}

/// A free TCP port on `addr`. For `::1`, a machine without IPv6 loopback fails here
/// with a message saying so: the IPv6 tests are not skipped.
fn free_port(addr: &str) -> u16 {
    std::net::TcpListener::bind((addr, 0))
        .unwrap_or_else(|e| {
            panic!("cannot listen on {addr} ({e}): the IPv6 tests need the loopback address ::1 (check `ip -6 addr show lo`; a container may need IPv6 enabled)")
        })
        .local_addr()
        .unwrap()
        .port()
}

fn pg_cache() -> PathBuf {
    let p = std::env::var("GRANTSMITH_PG_CACHE").expect(
        "GRANTSMITH_PG_CACHE is unset: run the tests through ./test.sh, which installs PostgreSQL",
    );
    PathBuf::from(p)
}

/// The cached versions, e.g. `14.23.0-beta.17`, for a major version.
pub fn version_for(major: u32) -> String {
    let mut found: Vec<String> = std::fs::read_dir(pg_cache())
        .expect("PostgreSQL cache missing: run scripts/pg-fetch.sh")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.starts_with(&format!("{major}.")))
        .collect();
    found.sort();
    found.pop().unwrap_or_else(|| {
        panic!("PostgreSQL {major} is not in the cache: run scripts/pg-fetch.sh")
    })
}

/// The psql binary itself: Debian's `/usr/bin/psql` is a Perl wrapper that costs ~40 ms
/// a call, and the hostile-name test makes thousands of calls.
fn psql_bin() -> &'static PathBuf {
    static BIN: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    BIN.get_or_init(|| {
        let mut found: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
            .into_iter()
            .flatten()
            .filter_map(|e| Some(e.ok()?.path().join("bin/psql")))
            .filter(|p| p.exists())
            .collect();
        found.sort();
        found.pop().unwrap_or_else(|| PathBuf::from("psql"))
    })
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| o.stdout == b"0\n")
        .unwrap_or(false)
}

impl Server {
    pub fn start(major: u32) -> Server {
        Server::start_with(major, false)
    }

    /// With `tls`, the server also listens on 127.0.0.1 (a free port) with a
    /// self-signed certificate, and refuses TCP connections without TLS.
    pub fn start_with(major: u32, tls: bool) -> Server {
        Server::start_on(major, if tls { Listen::Tls } else { Listen::Socket })
    }

    /// A server with logical decoding on (`wal_level = logical`), in a directory of its
    /// own, beside the version's main one.
    pub fn start_logical(major: u32) -> Server {
        Server::start_on(major, Listen::Logical)
    }

    /// A server listening on its socket and where `listen` says (a free port for TCP).
    pub fn start_on(major: u32, listen: Listen) -> Server {
        let tls = listen == Listen::Tls;
        let version = version_for(major);
        let bin = pg_cache().join(&version).join("native/bin");
        // Its own directory: a TLS server runs beside the version's main one.
        let dir = std::env::temp_dir().join(format!(
            "gs-pg-{major}-{}-{}{}",
            std::process::id(),
            // Tests of one process may start servers of one version at once.
            {
                static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
                N.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
            },
            match listen {
                Listen::Socket => "",
                Listen::Tls => "-tls",
                Listen::Ipv6 => "-v6",
                Listen::Logical => "-x",
            }
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let as_nobody = is_root();
        let pwfile = dir.join("pw");
        std::fs::write(&pwfile, SU_PASSWORD).unwrap();
        if as_nobody {
            let st = Command::new("chown")
                .arg("-R")
                .arg("nobody")
                .arg(&dir)
                .status()
                .unwrap();
            assert!(st.success());
        }
        let port = match listen {
            Listen::Socket | Listen::Logical => 5432,
            Listen::Tls => free_port("127.0.0.1"),
            Listen::Ipv6 => free_port("::1"),
        };
        let server = Server {
            version,
            dir,
            bin,
            as_nobody,
            port,
        };
        let data = server.dir.join("data");
        server.run_tool(
            "initdb",
            &[
                "-D".as_ref(),
                data.as_os_str(),
                "-U".as_ref(),
                "postgres".as_ref(),
                format!("--pwfile={}", pwfile.display()).as_ref(),
                "--auth=scram-sha-256".as_ref(),
                "-E".as_ref(),
                "UTF8".as_ref(),
                "--locale=C".as_ref(),
            ],
        );
        let mut opts = format!(
            "-k {} -c listen_addresses='' -c fsync=off",
            server.dir.display()
        );
        if listen == Listen::Logical {
            opts = format!("{opts} -c wal_level=logical");
        }
        if tls {
            server.tls_files(&data);
            opts = format!(
                "-k {} -c listen_addresses=127.0.0.1 -c port={port} -c fsync=off -c ssl=on -c ssl_cert_file={d}/server.crt -c ssl_key_file={d}/server.key",
                server.dir.display(),
                d = data.display()
            );
        }
        if listen == Listen::Ipv6 {
            // initdb's pg_hba.conf already has `host all all ::1/128 scram-sha-256`.
            opts = format!(
                "-k {} -c listen_addresses=::1 -c port={port} -c fsync=off",
                server.dir.display()
            );
        }
        server.run_tool(
            "pg_ctl",
            &[
                "-D".as_ref(),
                data.as_os_str(),
                "-l".as_ref(),
                server.dir.join("log").as_os_str(),
                "-o".as_ref(),
                opts.as_ref(),
                "-w".as_ref(),
                "start".as_ref(),
            ],
        );
        server
    }

    /// A self-signed certificate and an hba that takes TCP over TLS only.
    fn tls_files(&self, data: &std::path::Path) {
        super::tls::self_signed(&data.join("server.key"), &data.join("server.crt"));
        std::fs::write(
            data.join("pg_hba.conf"),
            "local all all scram-sha-256\nhostssl all all 127.0.0.1/32 scram-sha-256\nhostnossl all all 127.0.0.1/32 reject\n",
        )
        .unwrap();
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(
            data.join("server.key"),
            std::fs::Permissions::from_mode(0o600),
        )
        .unwrap();
        if self.as_nobody {
            let st = Command::new("chown")
                .arg("-R")
                .arg("nobody")
                .arg(data)
                .status()
                .unwrap();
            assert!(st.success());
        }
    }

    /// The connection details for `user` (with `password`) on `database` through the
    /// server's Unix socket.
    pub fn socket_conn(
        &self,
        database: &str,
        user: &str,
        password: &str,
    ) -> grantsmith::core::client::ConnInfo {
        grantsmith::core::client::ConnInfo {
            host: self.socket_dir().display().to_string().into(),
            port: self.port,
            database: database.into(),
            user: user.into(),
            password: Some(password.into()),
            tls: false,
        }
    }

    /// Where the server's Unix socket lives.
    pub fn socket_dir(&self) -> &std::path::Path {
        &self.dir
    }

    /// Runs `sql` through psql connected by a libpq connection URI (password in it).
    pub fn psql_uri(&self, uri: &str, sql: &str) -> Result<String, String> {
        let out = Command::new(psql_bin())
            .args([
                "-X",
                "-q",
                "-A",
                "-t",
                "-v",
                "ON_ERROR_STOP=1",
                "-c",
                sql,
                uri,
            ])
            .env_remove("PGPASSWORD")
            .env("PGCONNECT_TIMEOUT", "10")
            .output()
            .unwrap();
        if out.status.success() {
            Ok(String::from_utf8_lossy(&out.stdout).into_owned())
        } else {
            Err(String::from_utf8_lossy(&out.stderr).into_owned())
        }
    }

    /// Runs `program` (psql itself, or `sh` around it) with `args` and `env` only: no
    /// password from this harness, so the connection form under test must carry it.
    /// `PSQL` in the environment is the psql binary. Ok(stdout), or Err(stderr).
    pub fn login(
        &self,
        program: &str,
        args: &[&str],
        env: &[(&str, &str)],
    ) -> Result<String, String> {
        let out = Command::new(program)
            .args(args)
            .env_remove("PGPASSWORD")
            .env_remove("PGPASSFILE")
            .env_remove("PGSERVICE")
            .env("PSQL", psql_bin())
            .env("PGCONNECT_TIMEOUT", "10")
            .envs(env.iter().copied())
            .output()
            .unwrap();
        if out.status.success() {
            Ok(String::from_utf8_lossy(&out.stdout).into_owned())
        } else {
            Err(String::from_utf8_lossy(&out.stderr).into_owned())
        }
    }

    /// The major version, e.g. 14.
    pub fn major(&self) -> u32 {
        self.version.split('.').next().unwrap().parse().unwrap()
    }

    fn run_tool(&self, tool: &str, args: &[&std::ffi::OsStr]) {
        let exe = self.bin.join(tool);
        let mut cmd = if self.as_nobody {
            let mut c = Command::new("runuser");
            c.args(["-u", "nobody", "--"]).arg(&exe);
            c
        } else {
            Command::new(&exe)
        };
        let out = cmd.args(args).stdin(Stdio::null()).output().unwrap();
        assert!(
            out.status.success(),
            "{tool} failed on {}: {}{}",
            self.version,
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// Runs `sql` through a real psql as `user`, stopping at the first error.
    /// Ok(stdout) when psql succeeded and printed no ERROR; Err(stderr) otherwise.
    pub fn psql(&self, user: &str, password: &str, db: &str, sql: &str) -> Result<String, String> {
        self.psql_vars(user, password, db, sql, &[])
    }

    /// As [`Server::psql`], with psql variables (`-v name=value`), so test fixtures can
    /// quote names with psql's own `:"name"` / `:'name'`, independent of our quoting.
    pub fn psql_vars(
        &self,
        user: &str,
        password: &str,
        db: &str,
        sql: &str,
        vars: &[(&str, &str)],
    ) -> Result<String, String> {
        self.psql_full(user, password, db, sql, vars)
            .map(|(out, _)| out)
    }

    /// Runs psql; Ok((stdout, stderr)) when it succeeded and printed no ERROR.
    pub fn psql_full(
        &self,
        user: &str,
        password: &str,
        db: &str,
        sql: &str,
        vars: &[(&str, &str)],
    ) -> Result<(String, String), String> {
        let (ok, stdout, stderr) = self.run_psql(
            &["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1"],
            user,
            password,
            db,
            sql,
            vars,
        );
        if ok && !stderr.contains("ERROR") {
            Ok((stdout, stderr))
        } else {
            Err(format!("{stderr}{stdout}"))
        }
    }

    /// psql with `flags` on this server's socket as `user`, `sql` on its standard input:
    /// (exited 0, stdout, stderr).
    fn run_psql(
        &self,
        flags: &[&str],
        user: &str,
        password: &str,
        db: &str,
        sql: &str,
        vars: &[(&str, &str)],
    ) -> (bool, String, String) {
        use std::io::Write;
        let mut cmd = Command::new(psql_bin());
        cmd.args(flags)
            .arg("-h")
            .arg(&self.dir)
            .args(["-p", &self.port.to_string()])
            .args(["-U", user, "-d", db, "-f", "-"])
            .env("PGPASSWORD", password)
            .env("PGCONNECT_TIMEOUT", "10")
            .env("PGCLIENTENCODING", "UTF8")
            .env_remove("PGSERVICE")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        for (k, v) in vars {
            cmd.arg("-v").arg(format!("{k}={v}"));
        }
        let mut child = cmd
            .spawn()
            .expect("psql (Debian postgresql-client) must be installed");
        child
            .stdin
            .take()
            .unwrap()
            .write_all(sql.as_bytes())
            .unwrap();
        let out = child.wait_with_output().unwrap();
        (
            out.status.success(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }

    /// Runs `sql` as a DBA pasting it into psql would: without ON_ERROR_STOP, so psql
    /// goes on after an error, and not quiet: the command tags (BEGIN, ROLLBACK) are what
    /// the DBA reads. Returns what psql printed, stderr then stdout.
    pub fn psql_pasted(&self, user: &str, password: &str, db: &str, sql: &str) -> String {
        let (_, stdout, stderr) = self.run_psql(&["-X", "-A", "-t"], user, password, db, sql, &[]);
        format!("{stderr}{stdout}")
    }

    /// Runs `sql` as `user` through psql going on after errors (no ON_ERROR_STOP), quiet
    /// and unaligned, as one session: the script reads psql's own `:SQLSTATE` after each
    /// statement it wants judged. Returns (stdout, stderr).
    pub fn psql_session(
        &self,
        user: &str,
        password: &str,
        db: &str,
        sql: &str,
    ) -> (String, String) {
        let (_, stdout, stderr) =
            self.run_psql(&["-X", "-q", "-A", "-t"], user, password, db, sql, &[]);
        (stdout, stderr)
    }

    /// As [`Server::psql`], and no WARNING either: Ok(stdout), or Err(what psql said).
    pub fn psql_clean(
        &self,
        user: &str,
        password: &str,
        db: &str,
        sql: &str,
    ) -> Result<String, String> {
        let (out, err) = self.psql_full(user, password, db, sql, &[])?;
        if err.contains("WARNING") {
            return Err(err);
        }
        Ok(out)
    }

    /// Superuser query; panics with the server version on error.
    pub fn su(&self, db: &str, sql: &str) -> String {
        self.psql("postgres", SU_PASSWORD, db, sql)
            .unwrap_or_else(|e| {
                panic!(
                    "PostgreSQL {}: superuser SQL failed: {e}\n--- SQL ---\n{sql}",
                    self.version
                )
            })
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let data = self.dir.join("data");
        let exe = self.bin.join("pg_ctl");
        let mut cmd = if self.as_nobody {
            let mut c = Command::new("runuser");
            c.args(["-u", "nobody", "--"]).arg(&exe);
            c
        } else {
            Command::new(&exe)
        };
        let _ = cmd
            .arg("-D")
            .arg(&data)
            .args(["-m", "immediate", "-w", "stop"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
