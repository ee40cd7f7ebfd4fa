// grantsmith 0.1.0: types of <grantsmith-builder>'s attributes. Written by tests/package
// from src/core/profile/attributes.rs (GS_UPDATE_GOLDEN=1 cargo test --test package); do not edit.

/** The attributes of `<grantsmith-builder>`: starting values and profile keys. */
export interface GrantsmithBuilderAttributes {
  /** Your product's name, in the builder's title and the user's label. */
  "product"?: string;
  /** The databases offered, in picker order (default: all). Comma-separated, some of: postgresql, mysql, sqlserver, snowflake, redshift, bigquery. */
  "databases"?: string;
  /** Fields and options shown but not changeable (their value must be right on every database offered). Comma-separated, some of: host, port, role, database, schemas, include, exclude, owners, client-host, warehouse, location, public-key, connection-name, password-env-name, valid-until, tables, project-ref, db, preset, provider, privileges, scope, all-schemas, ssl, rls, whole-schemas, create-slot, replica-identity-full, owners-group. */
  "fixed"?: string;
  /** Fields and options not shown (their value still applies). Comma-separated, some of: host, port, role, database, schemas, include, exclude, owners, client-host, warehouse, location, public-key, connection-name, password-env-name, valid-until, tables, project-ref, db, preset, provider, privileges, scope, all-schemas, ssl, rls, whole-schemas, create-slot, replica-identity-full, owners-group. */
  "hide"?: string;
  /** Server host (Snowflake: the account identifier). */
  "host"?: string;
  /** Server port. */
  "port"?: string;
  /** The user to create (BigQuery: the service account's e-mail address). */
  "role"?: string;
  /** The database (BigQuery: the project ID). */
  "database"?: string;
  /** Schemas (MySQL: databases, BigQuery: datasets), separated by commas. */
  "schemas"?: string;
  /** Metadata sync: schemas matching this regular expression. */
  "include"?: string;
  /** Metadata sync: schemas not matching this regular expression. */
  "exclude"?: string;
  /** Roles whose future objects get default privileges, separated by commas. */
  "owners"?: string;
  /** MySQL: the host part of the account ('user'@'host'). */
  "client-host"?: string;
  /** Snowflake: the warehouse the user runs queries on. */
  "warehouse"?: string;
  /** BigQuery: the datasets' location, for the verify query. */
  "location"?: string;
  /** Snowflake: the RSA public key of the user's key pair. */
  "public-key"?: string;
  /** Metadata sync: the connection's name in the tool. */
  "connection-name"?: string;
  /** Metadata sync: the environment variable the tool reads the password from. */
  "password-env-name"?: string;
  /** The date the password stops working (VALID UNTIL); empty: never. */
  "valid-until"?: string;
  /** Change data capture: the published tables, schema.table, separated by commas. */
  "tables"?: string;
  /** Supabase's pooler host: the project ref, for the sign-in name user.project-ref. */
  "project-ref"?: string;
  /** The database the builder starts on (one of "databases"). */
  "db"?: "postgresql" | "mysql" | "sqlserver" | "snowflake" | "redshift" | "bigquery";
  /** The access the user gets: a named preset. */
  "preset"?: "original" | "metadata" | "connector-rw" | "connector-ro" | "custom" | "cdc";
  /** The hosting provider (auto: told by the host). */
  "provider"?: "auto" | "none" | "supabase" | "neon" | "rds" | "cloudsql" | "azure" | "aiven" | "digitalocean" | "render" | "timescale";
  /** The custom preset's privileges, kind.PRIVILEGE separated by commas (table.SELECT, sequence.USAGE, future). */
  "privileges"?: string;
  /** Which schemas the grants reach: all, or the listed ones. */
  "scope"?: "all" | "listed";
  /** On: every schema (scope=all); off: the listed ones. */
  "all-schemas"?: "1" | "0" | "true" | "false" | "on" | "off" | "yes" | "no";
  /** Whether the connection requires TLS. */
  "ssl"?: "1" | "0" | "true" | "false" | "on" | "off" | "yes" | "no";
  /** Row-level security: a policy for the user on every table. */
  "rls"?: "1" | "0" | "true" | "false" | "on" | "off" | "yes" | "no";
  /** Publish whole schemas (PostgreSQL 15+, run by a superuser). */
  "whole-schemas"?: "1" | "0" | "true" | "false" | "on" | "off" | "yes" | "no";
  /** Create the replication slot in the script (else the tool does). */
  "create-slot"?: "1" | "0" | "true" | "false" | "on" | "off" | "yes" | "no";
  /** REPLICA IDENTITY FULL on published tables without a primary key. */
  "replica-identity-full"?: "1" | "0" | "true" | "false" | "on" | "off" | "yes" | "no";
  /** Let the tool manage its publication (Debezium's publication.autocreate.mode): the listed tables go to a group of their owners and this user, who may then write, alter and drop them. */
  "owners-group"?: "1" | "0" | "true" | "false" | "on" | "off" | "yes" | "no";
  /** A note shown under "host": one line of plain text, at most 300 characters. */
  "note-host"?: string;
  /** A note shown under "port": one line of plain text, at most 300 characters. */
  "note-port"?: string;
  /** A note shown under "role": one line of plain text, at most 300 characters. */
  "note-role"?: string;
  /** A note shown under "database": one line of plain text, at most 300 characters. */
  "note-database"?: string;
  /** A note shown under "schemas": one line of plain text, at most 300 characters. */
  "note-schemas"?: string;
  /** A note shown under "include": one line of plain text, at most 300 characters. */
  "note-include"?: string;
  /** A note shown under "exclude": one line of plain text, at most 300 characters. */
  "note-exclude"?: string;
  /** A note shown under "owners": one line of plain text, at most 300 characters. */
  "note-owners"?: string;
  /** A note shown under "client-host": one line of plain text, at most 300 characters. */
  "note-client-host"?: string;
  /** A note shown under "warehouse": one line of plain text, at most 300 characters. */
  "note-warehouse"?: string;
  /** A note shown under "location": one line of plain text, at most 300 characters. */
  "note-location"?: string;
  /** A note shown under "public-key": one line of plain text, at most 300 characters. */
  "note-public-key"?: string;
  /** A note shown under "connection-name": one line of plain text, at most 300 characters. */
  "note-connection-name"?: string;
  /** A note shown under "password-env-name": one line of plain text, at most 300 characters. */
  "note-password-env-name"?: string;
  /** A note shown under "valid-until": one line of plain text, at most 300 characters. */
  "note-valid-until"?: string;
  /** A note shown under "tables": one line of plain text, at most 300 characters. */
  "note-tables"?: string;
  /** A note shown under "project-ref": one line of plain text, at most 300 characters. */
  "note-project-ref"?: string;
  /** A note shown under "db": one line of plain text, at most 300 characters. */
  "note-db"?: string;
  /** A note shown under "preset": one line of plain text, at most 300 characters. */
  "note-preset"?: string;
  /** A note shown under "provider": one line of plain text, at most 300 characters. */
  "note-provider"?: string;
  /** A note shown under "privileges": one line of plain text, at most 300 characters. */
  "note-privileges"?: string;
  /** A note shown under "scope": one line of plain text, at most 300 characters. */
  "note-scope"?: string;
  /** A note shown under "all-schemas": one line of plain text, at most 300 characters. */
  "note-all-schemas"?: string;
  /** A note shown under "ssl": one line of plain text, at most 300 characters. */
  "note-ssl"?: string;
  /** A note shown under "rls": one line of plain text, at most 300 characters. */
  "note-rls"?: string;
  /** A note shown under "whole-schemas": one line of plain text, at most 300 characters. */
  "note-whole-schemas"?: string;
  /** A note shown under "create-slot": one line of plain text, at most 300 characters. */
  "note-create-slot"?: string;
  /** A note shown under "replica-identity-full": one line of plain text, at most 300 characters. */
  "note-replica-identity-full"?: string;
  /** A note shown under "owners-group": one line of plain text, at most 300 characters. */
  "note-owners-group"?: string;
  /** auto (the default) follows the docs page's light/dark switch; light or dark fixes it. */
  "theme"?: "auto" | "light" | "dark";
  /** The accent colour, #rgb or #rrggbb. Written #rgb or #rrggbb. */
  "accent"?: string;
  /** The frame's accessible name (default: "Grantsmith: least-privilege PostgreSQL user generator"). */
  "title"?: string;
}

/** What a JSX library adds to any element: children (a JSON profile), key, ref, class. */
export interface GrantsmithBuilderJsx extends GrantsmithBuilderAttributes {
  children?: unknown;
  key?: string | number | null;
  ref?: unknown;
  class?: string;
  className?: string;
  id?: string;
  style?: unknown;
  slot?: string;
}

declare global {
  interface HTMLElementTagNameMap {
    "grantsmith-builder": HTMLElement;
  }
  // React 18 (classic runtime) and other JSX libraries.
  namespace JSX {
    interface IntrinsicElements {
      "grantsmith-builder": GrantsmithBuilderJsx;
    }
  }
}

// React 19 (and 18's automatic runtime): React.JSX.
declare module "react" {
  namespace JSX {
    interface IntrinsicElements {
      "grantsmith-builder": GrantsmithBuilderJsx;
    }
  }
}
