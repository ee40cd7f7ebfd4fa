// Runs a connection form the page wrote, as a user would paste it, through the real
// Node driver, and prints what the server then says: [user, database] as JSON.
//   node run.mjs FORM FILE KIND     FORM: node-postgres | mysql2; KIND: pg | mysql
import fs from "node:fs";
import pg from "pg";
import mysql from "mysql2/promise";

const [form, file, kind] = process.argv.slice(2);
const config = new Function(`${fs.readFileSync(file, "utf8")}\nreturn config;`)();
let row;
if (form === "node-postgres") {
  const c = new pg.Client(config);
  await c.connect();
  const r = await c.query("SELECT current_user AS u, current_database() AS d");
  row = [r.rows[0].u, r.rows[0].d];
  await c.end();
} else {
  const c = await mysql.createConnection(config);
  const [rows] = await c.query(
    "SELECT LEFT(USER(), CHAR_LENGTH(USER()) - CHAR_LENGTH(SUBSTRING_INDEX(USER(), '@', -1)) - 1) AS u, DATABASE() AS d");
  row = [rows[0].u, rows[0].d];
  await c.end();
}
console.log(JSON.stringify(row));
void kind;
