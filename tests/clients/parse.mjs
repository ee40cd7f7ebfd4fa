// Reads a SQL Server connection form the way the real client library does, without a
// server (none runs here): the ADO.NET string through mssql's parser (tedious's
// connection-string grammar), the mssql config through a ConnectionPool. Prints
// [server, port, database, user, password, encrypt] as JSON.
//   node parse.mjs FORM FILE     FORM: ado-net | mssql
import fs from "node:fs";
import sql from "mssql";

const [form, file] = process.argv.slice(2);
const text = fs.readFileSync(file, "utf8");
const config = form === "ado-net"
  ? sql.ConnectionPool.parseConnectionString(text)
  : new sql.ConnectionPool(new Function(`${text}\nreturn config;`)()).config;
console.log(JSON.stringify([config.server, config.port, config.database, config.user, config.password, config.options.encrypt]));
