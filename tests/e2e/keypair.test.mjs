// Issue 32 in the browser: Snowflake's key pair made in the page (WebCrypto), its
// private key only in the download (never in a URL, storage, a request, the DOM or a
// copied script), the download read by openssl and by Python cryptography (unencrypted
// and with a passphrase), its public half the script's key, its fingerprint verify's;
// and the rotation section's scripts for the PostgreSQL presets and Snowflake (all.html
// only: postgres.html is built without it, for its size budget).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { launch, startServer, openApp, tid, showScripts } from "./helpers.mjs";

const PY = process.env.GRANTSMITH_PY;
if (!PY) throw new Error("GRANTSMITH_PY is unset: run through ./test.sh (or . scripts/env.sh), which installs the Python env");

let browser, srv, dir;
before(async () => {
  browser = await launch();
  srv = await startServer();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "gs-keypair-"));
});
after(async () => {
  await browser?.close();
  await srv?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A shell pipeline's output, with `GS_PASS` set when given; throws when it fails. */
const sh = (script, pass) =>
  execFileSync("sh", ["-c", script], { env: { ...process.env, ...(pass === undefined ? {} : { GS_PASS: pass }) } }).toString().trim();

/** What Python cryptography's load_pem_private_key reads: key size and SPKI in base64. */
function pythonReads(file, pass) {
  const code = `import base64, os, sys
from cryptography.hazmat.primitives import serialization as s
pw = os.environ.get('GS_PASS')
k = s.load_pem_private_key(open(sys.argv[1], 'rb').read(), password=pw.encode() if pw is not None else None)
der = k.public_key().public_bytes(s.Encoding.DER, s.PublicFormat.SubjectPublicKeyInfo)
print(k.key_size, base64.b64encode(der).decode())`;
  const env = { ...process.env };
  delete env.GS_PASS;
  if (pass !== undefined) env.GS_PASS = pass;
  const [bits, der] = execFileSync(PY, ["-c", code, file], { env, stdio: ["ignore", "pipe", "pipe"] }).toString().trim().split(" ");
  return { bits: Number(bits), der };
}

/** Downloads the key file; returns its path and text. */
async function downloadKey(page, name) {
  const [dl] = await Promise.all([page.waitForEvent("download"), tid(page, "download-key").click()]);
  assert.equal(dl.suggestedFilename(), "rsa_key.p8");
  const file = path.join(dir, name);
  await dl.saveAs(file);
  return { file, text: fs.readFileSync(file, "utf8") };
}

/** The base64 body of a PEM. */
const body = (pem) => pem.split("\n").filter((l) => l && !l.startsWith("-----")).join("");

/** Checks one downloaded key file: openssl and cryptography read it (with `pass`),
 * 2048 bits, its public half `spki`; returns openssl's fingerprint. */
function checkKeyFile(file, pass, spki) {
  const passin = pass === undefined ? "" : "-passin env:GS_PASS";
  assert.match(sh(`openssl pkey -in ${file} ${passin} -noout -text`, pass), /Private-Key: \(2048 bit, 2 primes\)/);
  assert.equal(sh(`openssl pkey -in ${file} ${passin} -pubout -outform DER | base64 -w0`, pass), spki);
  assert.deepEqual(pythonReads(file, pass), { bits: 2048, der: spki });
  return sh(`openssl pkey -in ${file} ${passin} -pubout -outform DER | openssl dgst -sha256 -binary | base64`, pass);
}

test("Snowflake: a key pair made in the page; the private key only in the download", async () => {
  const { page, context, errors } = await openApp(browser, `${srv.url}all.html#db=snowflake&host=myorg-acme&database=SHOP`);
  const requests = [];
  page.on("request", (r) => requests.push(`${r.url()} ${r.postData() ?? ""}`));
  assert.equal(await tid(page, "download-key").count(), 0, "no download before a key is made");
  await tid(page, "generate-key").click();
  await tid(page, "key-fingerprint").waitFor();
  const publicPem = await tid(page, "public-key").inputValue();
  assert.match(publicPem, /^-----BEGIN PUBLIC KEY-----\n[A-Za-z0-9+/=\n]+-----END PUBLIC KEY-----\n$/);
  const spki = body(publicPem);
  await tid(page, "generate").click();
  const sql = await tid(page, "sql").textContent();
  assert.ok(sql.includes(`RSA_PUBLIC_KEY = '${spki}'`), sql);
  assert.match(await tid(page, "key-note").textContent(), /gone when the page closes/);

  // Unencrypted: the PKCS#8 PEM, read by openssl and cryptography, the script's key.
  const plain = await downloadKey(page, "plain.p8");
  assert.match(plain.text, /^-----BEGIN PRIVATE KEY-----\n(?:[A-Za-z0-9+/=]{64}\n)+[A-Za-z0-9+/=]{1,64}\n-----END PRIVATE KEY-----\n$/);
  const fp = checkKeyFile(plain.file, undefined, spki);
  assert.equal(await tid(page, "key-fingerprint").textContent(), `SHA256:${fp}`);
  await showScripts(page);
  assert.ok((await tid(page, "verify-sql").textContent()).includes(`'SHA256:${fp}'`), "verify looks for the fingerprint");

  // With a passphrase: PBES2 (PBKDF2-HMAC-SHA256, AES-256-CBC), opened with it only.
  const pass = "pässwörd «x» $HOME";
  await tid(page, "key-passphrase").fill(pass);
  const enc = await downloadKey(page, "enc.p8");
  assert.match(enc.text, /^-----BEGIN ENCRYPTED PRIVATE KEY-----\n/);
  const asn1 = sh(`openssl asn1parse -in ${enc.file}`);
  for (const want of ["PBES2", "PBKDF2", "hmacWithSHA256", "aes-256-cbc"]) assert.ok(asn1.includes(want), `${want} in\n${asn1}`);
  assert.equal(checkKeyFile(enc.file, pass, spki), fp);
  assert.throws(() => pythonReads(enc.file, "wrong"));
  assert.throws(() => pythonReads(enc.file, undefined));

  // Nowhere else: the URL, storage, cookies, the DOM, a request, the share link, the
  // copied script (the passphrase neither).
  await tid(page, "copy-sql").click();
  await page.waitForFunction(() => document.querySelector('[data-testid="copy-sql"]').textContent === "Copied!");
  const clipboard = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(clipboard.includes(spki));
  await page.locator("summary", { hasText: "Share a link" }).click();
  const places = {
    url: page.url(),
    storage: await page.evaluate(() => JSON.stringify([{ ...localStorage }, { ...sessionStorage }, document.cookie])),
    dom: await page.evaluate(() => document.documentElement.outerHTML),
    requests: requests.join("\n"),
    share: await tid(page, "share-url").textContent(),
    clipboard,
  };
  const secrets = { plain: body(plain.text), enc: body(enc.text), pass };
  for (const [where, text] of Object.entries(places)) {
    for (const [what, secret] of Object.entries(secrets)) {
      // Any 32 characters of it would do; these are its first, middle and last.
      for (const cut of [secret.slice(0, 32), secret.slice(600, 632), secret.slice(-32)].filter((c) => c.length >= 16)) {
        assert.ok(!text.includes(cut), `the ${what} key/passphrase is in the ${where}`);
      }
    }
  }
  assert.deepEqual(await page.evaluate(() => [localStorage.length, sessionStorage.length]), [0, 0]);

  // Generating again: another pair, another download; the script follows.
  await tid(page, "key-passphrase").fill("");
  await tid(page, "generate-key").click();
  await page.waitForFunction((old) => document.querySelector('[data-testid="public-key"]').value !== old, publicPem);
  const spki2 = body(await tid(page, "public-key").inputValue());
  assert.notEqual(spki2, spki);
  await tid(page, "key-fingerprint").waitFor();
  const again = await downloadKey(page, "again.p8");
  assert.notEqual(body(again.text), body(plain.text));
  checkKeyFile(again.file, undefined, spki2);
  await tid(page, "generate").click();
  assert.ok((await tid(page, "sql").textContent()).includes(spki2));

  // An edit of the field: the private key made here no longer matches, so no download.
  await tid(page, "public-key").fill(publicPem);
  assert.equal(await tid(page, "download-key").count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the rotation section (all.html): PostgreSQL presets' two scripts, copied; Snowflake's with the key", async () => {
  const { page, context, errors } = await openApp(browser, `${srv.url}all.html`);
  const section = page.locator("summary", { hasText: "Rotate the credential without downtime" });
  // The original applet writes no rotation: the section is not shown.
  await tid(page, "host").fill("db.example.com");
  assert.equal(await section.isVisible(), false);
  await tid(page, "preset").selectOption("connector-ro");
  await tid(page, "host").fill("db.example.com");
  await tid(page, "database").fill("shop");
  await tid(page, "role").fill("app");
  await tid(page, "password").fill("new-secret-pw");
  await tid(page, "generate").click();
  await section.click();
  const rotate = await tid(page, "rotate-sql").textContent();
  assert.match(rotate, /^-- Rotate the password without downtime, step 1 of 2: makes "app_2" with exactly the privileges of/);
  assert.match(rotate, /CREATE ROLE "app_2" WITH LOGIN PASSWORD 'SCRAM-SHA-256\$4096:/);
  assert.doesNotMatch(rotate, /new-secret-pw/);
  const retire = await tid(page, "retire-sql").textContent();
  assert.match(retire, /^-- Rotate the password without downtime, step 2 of 2, once the integration signs in as "app_2":/);
  assert.match(retire, /target_role text := 'app';/);
  for (const [button, text] of [["copy-rotate", rotate], ["copy-retire", retire]]) {
    await tid(page, button).click();
    await page.waitForFunction((b) => document.querySelector(`[data-testid="${b}"]`).textContent === "Copied!", button);
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), text);
  }
  // The user called app_2 rotates back to app.
  await tid(page, "role").fill("app_2");
  await tid(page, "generate").click();
  assert.match(await tid(page, "rotate-sql").textContent(), /CREATE ROLE "app" WITH LOGIN/);
  await context.close();

  // Snowflake (all.html): the new key into the free slot, once there is a key.
  const sf = await openApp(browser, `${srv.url}all.html#db=snowflake&host=myorg-acme&database=SHOP`);
  await tid(sf.page, "generate").click();
  await sf.page.locator("summary", { hasText: "Rotate the credential without downtime" }).click();
  await tid(sf.page, "rotate-waiting").waitFor();
  assert.equal(await tid(sf.page, "rotate-sql").textContent(), "");
  await tid(sf.page, "generate-key").click();
  await tid(sf.page, "key-fingerprint").waitFor();
  await tid(sf.page, "generate").click();
  const fp = await tid(sf.page, "key-fingerprint").textContent();
  const sfRotate = await tid(sf.page, "rotate-sql").textContent();
  assert.ok(sfRotate.includes(`the new key (${fp}) goes into the free slot`), sfRotate);
  assert.match(sfRotate, /ALTER USER DAGFLUX SET RSA_PUBLIC_KEY_2 = '/);
  assert.match(await tid(sf.page, "retire-sql").textContent(), /ALTER USER DAGFLUX UNSET RSA_PUBLIC_KEY_2;/);
  assert.equal(await tid(sf.page, "rotate-waiting").count(), 0);
  assert.deepEqual([...errors, ...sf.errors], []);
  await sf.context.close();
});
