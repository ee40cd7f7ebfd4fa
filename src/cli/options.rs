//! Every option of the CLI, defined once: the same definition gives the flag, its
//! `--help` line and its JSON key (`--client-host` is `"client-host"`), so help,
//! parsing and JSON cannot drift apart.

use clap::Args;
use serde::{Deserialize, Deserializer};

/// Reads a JSON value given as a string, a number or a list of strings (joined with
/// commas, as a list field is typed).
fn text<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Text {
        Str(String),
        Num(serde_json::Number),
        List(Vec<String>),
    }
    Ok(Some(match Text::deserialize(d)? {
        Text::Str(s) => s,
        Text::Num(n) => n.to_string(),
        Text::List(v) => v.join(","),
    }))
}

/// Declares the options: text options (`--host H`) and switches (`--rls`), each with
/// its help text and, through [`Options::pairs`], the key the core reads.
macro_rules! options {
    (
        text { $( $(#[$tm:meta])* $t:ident = $tkey:literal, )* }
        switch { $( $(#[$sm:meta])* $s:ident = $skey:literal, )* }
    ) => {
        /// The options, as flags or as a JSON object.
        #[derive(Args, Deserialize, Debug, Default)]
        #[serde(default, deny_unknown_fields)]
        pub struct Options {
            $(
                $(#[$tm])*
                #[arg(long = $tkey)]
                #[serde(rename = $tkey, deserialize_with = "text")]
                pub $t: Option<String>,
            )*
            $(
                $(#[$sm])*
                #[arg(long = $skey)]
                #[serde(rename = $skey)]
                pub $s: bool,
            )*
        }

        impl Options {
            /// `(key, value)` for every option given, switches as `"1"`.
            pub fn pairs(&self) -> Vec<(&'static str, String)> {
                let mut v = Vec::new();
                $( if let Some(x) = &self.$t { v.push(($tkey, x.clone())); } )*
                $( if self.$s { v.push(($skey, "1".to_string())); } )*
                v
            }
        }
    };
}

options! {
    text {
        /// postgresql (default), mysql, sqlserver, snowflake, redshift, bigquery
        db = "db",
        /// original (default), metadata, connector-rw, connector-ro, custom, cdc; other
        /// databases: connector-ro (default), connector-rw, metadata (bigquery)
        preset = "preset",
        /// Database host (Snowflake: account identifier; required except for new-schema)
        host = "host",
        /// Port, 1-65535 (default per database: 5432, 3306, 1433, 5439)
        port = "port",
        /// The user to create (default per preset, e.g. dreamlit_app; BigQuery: the
        /// service account's e-mail)
        role = "role",
        /// Database name (original: default postgres; BigQuery: the project ID)
        database = "database",
        /// Schemas (MySQL: databases, BigQuery: datasets), separated by commas
        schemas = "schemas",
        /// all (default for original) or listed; metadata preset: all = every schema
        /// matching --include / --exclude
        scope = "scope",
        /// Roles that create tables (default privileges)
        owners = "owners",
        /// PostgreSQL: the hosting provider whose rules apply: auto (default, told from the
        /// host), none, supabase, neon, rds, cloudsql, azure, aiven, digitalocean,
        /// render, timescale
        provider = "provider",
        /// The product the user is for, as an embed's profile names it: the first
        /// comment of every script, and the original's RLS policy name prefix
        product = "product",
        /// Custom preset: what to grant, e.g. table.SELECT,table.TRIGGER,sequence.USAGE,
        /// schema.USAGE,database.CONNECT,function.EXECUTE,future
        privileges = "privileges",
        /// Metadata preset, all schemas: PostgreSQL regular expression to include
        include = "include",
        /// Metadata preset, all schemas: PostgreSQL regular expression to exclude
        exclude = "exclude",
        /// MySQL: the account's host part (default %)
        client_host = "client-host",
        /// Snowflake: the warehouse (default COMPUTE_WH)
        warehouse = "warehouse",
        /// BigQuery: the datasets' region (default US)
        location = "location",
        /// Snowflake: the user's RSA public key, as text
        public_key = "public-key",
        /// Snowflake: read the user's RSA public key from this file (rsa_key.pub)
        public_key_file = "public-key-file",
        /// Snowflake: make a new 2048-bit key pair, write the private key (PKCS#8 PEM) to
        /// this new file, mode 0600 (never overwritten; "-" writes it to stdout, before
        /// the output) and put its public key into the script
        generate_key = "generate-key",
        /// --generate-key: encrypt the private key with the passphrase in this environment
        /// variable (PBES2, AES-256-CBC; never a flag, which ps would show)
        key_passphrase_env = "key-passphrase-env",
        /// Metadata preset: the connection's name in the tool (summary)
        connection_name = "connection-name",
        /// Metadata preset: the environment variable the tool reads the password from
        /// (summary)
        password_env_name = "password-env-name",
        /// PostgreSQL presets, Redshift, MySQL and MariaDB: the password stops working on this date
        /// (YYYY-MM-DD, 00:00 UTC); empty: never
        valid_until = "valid-until",
        /// Read the password from this environment variable (never a flag: flags end up
        /// in shell history and process lists)
        password_env = "password-env",
        /// conn: the form one client reads. PostgreSQL and Redshift: uri (default),
        /// keyword-value, env (PG* variables), pgpass (a .pgpass line), node-postgres,
        /// psycopg, sqlalchemy, jdbc (not Redshift); MySQL: uri (default), mysql2,
        /// pymysql, sqlalchemy, jdbc (MySQL Connector/J), jdbc-mariadb; SQL Server:
        /// ado-net (default), mssql, jdbc; Snowflake: connector (default), sqlalchemy,
        /// jdbc; BigQuery: sqlalchemy (default), uri
        client = "client",
        /// cdc: the published tables, schema.table (quote a part with a dot: "a.b".t),
        /// separated by commas
        tables = "tables",
        /// PostgreSQL presets on Supabase's pooler host (*.pooler.supabase.com): the project
        /// ref, since the pooler signs the user in as user.project-ref
        project_ref = "project-ref",
        /// new-schema: the schema created later (default public)
        schema = "schema",
        /// new-schema: the schema's table owner (default postgres)
        owner = "owner",
    }
    switch {
        /// Original: add SELECT policies on RLS-enabled tables
        rls = "rls",
        /// Require TLS: sslmode=require in the URI (and REQUIRE SSL on MySQL)
        ssl = "ssl",
        /// Metadata preset: every schema matching --include / --exclude (as --scope all)
        all_schemas = "all-schemas",
        /// Put the password in the SQL as text instead of a SCRAM verifier
        plain_password = "plain-password",
        /// cdc: publish every table of --schemas (FOR TABLES IN SCHEMA; PostgreSQL 15+,
        /// run by a superuser) instead of --tables
        whole_schemas = "whole-schemas",
        /// cdc: the script creates the replication slot (default: the tool does)
        create_slot = "create-slot",
        /// cdc: REPLICA IDENTITY FULL on published tables without a usable one
        replica_identity_full = "replica-identity-full",
        /// cdc: the listed tables go to a group role of their owners and the user, so
        /// the tool may create and alter its publication (Debezium's
        /// publication.autocreate.mode); the user may then write, alter and drop them
        owners_group = "owners-group",
        /// cdc on MySQL: the server is MariaDB 10.5.2 or later (grants REPLICATION
        /// REPLICA, BINLOG MONITOR: its own names)
        mariadb_10_5 = "mariadb-10-5",

    }
}
