//! Key rotation without downtime. Snowflake gives a user two key slots
//! (`RSA_PUBLIC_KEY`, `RSA_PUBLIC_KEY_2`) so that a new key can sign in beside the old
//! one (docs.snowflake.com/en/user-guide/key-pair-auth, "Configuring key-pair
//! rotation"). The rotation script puts the pasted (new) key into the free slot; once
//! the integration signs in with the new private key, the retire script removes the
//! other one. Both find the slots by fingerprint (`DESC USER`'s `RSA_PUBLIC_KEY_FP` and
//! `RSA_PUBLIC_KEY_2_FP`), so they are safe to run again and never remove the new key.
//!
//! Parsed only (no Snowflake in the tests): written from the documentation of `DESC
//! USER`, `ALTER USER … SET/UNSET RSA_PUBLIC_KEY[_2]`, `RESULT_SCAN` and Snowflake
//! Scripting (`SELECT … INTO`, `IF`, declared exceptions).

use super::checks::Checked;
use super::guard;
use super::key::PublicKey;
use super::Str;

/// `DESC USER` read into `fp1` and `fp2` (an empty slot shows as NULL or `null`).
fn read_slots(c: &Checked) -> String {
    format!(
        "  DESC USER {};
  SELECT MAX(IFF(\"property\" = 'RSA_PUBLIC_KEY_FP', NULLIF(\"value\", 'null'), NULL)),
         MAX(IFF(\"property\" = 'RSA_PUBLIC_KEY_2_FP', NULLIF(\"value\", 'null'), NULL))
    INTO :fp1, :fp2
    FROM TABLE(RESULT_SCAN(LAST_QUERY_ID()));
",
        c.user
    )
}

/// The block's frame: the checks first (a user not made by setup is left alone), then
/// one Snowflake Scripting block with its exception and the slots read.
fn block(c: &Checked, title: &str, exception: &str, body: &str) -> String {
    format!(
        "{title}\nUSE ROLE USERADMIN;\n{}EXECUTE IMMEDIATE $$\nDECLARE\n  fp1 VARCHAR;\n  fp2 VARCHAR;\n  {exception}\nBEGIN\n{}{body}END;\n$$;\n",
        guard::checks(&c.user, &c.role),
        read_slots(c),
    )
}

/// Step 1: the new key into the free slot (nothing when it is already in one; an error,
/// changing nothing, when both slots are taken).
pub(super) fn rotate(c: &Checked, key: &PublicKey) -> String {
    let (user, fp) = (&c.user, Str::new(&key.fingerprint));
    let body = Str::new(&key.body);
    block(
        c,
        &format!("-- Rotate the key without downtime, step 1 of 2: the new key ({}) goes into the free slot,\n-- so the old and the new key both sign in. Move the integration to the new private key, then run the retire script.", key.fingerprint),
        "both_full EXCEPTION (-20002, 'Both key slots of the user hold a key: run the retire script of the last rotation first. Nothing changed.');",
        &format!(
            "  IF (fp1 = {fp} OR fp2 = {fp}) THEN
    RETURN 'The new key is already set: nothing changed.';
  ELSEIF (fp1 IS NULL) THEN
    ALTER USER {user} SET RSA_PUBLIC_KEY = {body};
  ELSEIF (fp2 IS NULL) THEN
    ALTER USER {user} SET RSA_PUBLIC_KEY_2 = {body};
  ELSE
    RAISE both_full;
  END IF;
  RETURN 'The new key is set: both keys sign in until the retire script runs.';
"
        ),
    )
}

/// Step 2: every key but the new one removed (an error, changing nothing, when the new
/// key is in neither slot: the integration would be locked out).
pub(super) fn retire(c: &Checked, key: &PublicKey) -> String {
    let (user, fp) = (&c.user, Str::new(&key.fingerprint));
    block(
        c,
        &format!("-- Rotate the key without downtime, step 2 of 2, once the integration signs in with the new key ({}):\n-- the other slot's key is removed, and only the new key signs in.", key.fingerprint),
        "not_set EXCEPTION (-20003, 'The new key is in neither slot: run the rotation script first. Nothing changed.');",
        &format!(
            "  IF (fp1 = {fp}) THEN
    ALTER USER {user} UNSET RSA_PUBLIC_KEY_2;
  ELSEIF (fp2 = {fp}) THEN
    ALTER USER {user} UNSET RSA_PUBLIC_KEY;
  ELSE
    RAISE not_set;
  END IF;
  RETURN 'Only the new key signs in now.';
"
        ),
    )
}
