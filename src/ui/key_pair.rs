//! "Generate key pair" under Snowflake's key field (the all-databases page only: the
//! other pages are built without Snowflake). The browser's WebCrypto makes a 2048-bit
//! RSA key (RSASSA-PKCS1-v1_5, SHA-256; Snowflake reads the key, not its algorithm
//! label) and exports it as PKCS#8 and SubjectPublicKeyInfo; the public key goes into
//! the field, as a pasted one would, so the script and verify's fingerprint follow.
//!
//! The private key lives in this component's memory only: never in a signal the page
//! shares, the URL, storage, the script or a request. It leaves as the download
//! `rsa_key.p8` (a Blob whose object URL is revoked once the download has started),
//! encrypted with the passphrase typed here when there is one (PBKDF2-HMAC-SHA256 and
//! AES-256-CBC from WebCrypto, the file written by `key_file`), and it is gone when the
//! page closes.
//! Sources: w3c.github.io/webcrypto (generateKey, exportKey "pkcs8"/"spki", deriveBits
//! with PBKDF2, AES-CBC encrypt with PKCS#7 padding, as PBES2 pads).

use std::time::Duration;

use js_sys::{Array, Object, Promise, Reflect, Uint8Array};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{CryptoKey, SubtleCrypto};

use super::page::Page;
use super::password::random_bytes;
use super::reactive::memo;
use crate::core::backend::snowflake::key::read;
use crate::core::backend::snowflake::key_file::{
    encrypted_pem, private_pem, public_pem, BITS, FILE_NAME, ITERATIONS, IV_LEN, SALT_LEN,
};
use crate::core::intent::Field;

/// What the reader sees when this browser gives no WebCrypto (an http:// page that is
/// not localhost is not a secure context, and `crypto.subtle` is missing there).
const NO_CRYPTO: &str = "This browser offers no WebCrypto here (it needs the page over https): make the key with openssl genrsa 2048 | openssl pkcs8 -topk8 -nocrypt -out rsa_key.p8";

/// A plain object from `(key, value)` pairs: WebCrypto's algorithm parameters.
fn obj(pairs: &[(&str, JsValue)]) -> Object {
    let o = Object::new();
    for (k, v) in pairs {
        let _ = Reflect::set(&o, &JsValue::from_str(k), v);
    }
    o
}

/// A WebCrypto call's result, once its promise settles.
async fn call(p: Result<Promise, JsValue>) -> Result<JsValue, JsValue> {
    JsFuture::from(p?).await
}

/// The bytes of an ArrayBuffer.
fn bytes(buffer: &JsValue) -> Vec<u8> {
    Uint8Array::new(buffer).to_vec()
}

/// The page's SubtleCrypto, or why there is none.
fn subtle() -> Result<SubtleCrypto, String> {
    let crypto = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .ok_or(NO_CRYPTO)?;
    let s = Reflect::get(&crypto, &JsValue::from_str("subtle")).map_err(|_| NO_CRYPTO)?;
    s.dyn_into::<SubtleCrypto>()
        .map_err(|_| NO_CRYPTO.to_string())
}

/// A new key pair: the private key as PKCS#8 DER, the public key as SPKI DER.
async fn make_pair(s: &SubtleCrypto) -> Result<(Vec<u8>, Vec<u8>), JsValue> {
    let alg = obj(&[
        ("name", "RSASSA-PKCS1-v1_5".into()),
        ("modulusLength", BITS.into()),
        // 65537, big-endian, as every RSA key Snowflake's documentation makes.
        ("publicExponent", Uint8Array::from(&[1u8, 0, 1][..]).into()),
        ("hash", "SHA-256".into()),
    ]);
    let usages = Array::of2(&"sign".into(), &"verify".into());
    let pair = call(s.generate_key_with_object(&alg, true, &usages)).await?;
    let key = |name: &str| -> Result<CryptoKey, JsValue> {
        Ok(Reflect::get(&pair, &JsValue::from_str(name))?.unchecked_into())
    };
    let pkcs8 = call(s.export_key("pkcs8", &key("privateKey")?)).await?;
    let spki = call(s.export_key("spki", &key("publicKey")?)).await?;
    Ok((bytes(&pkcs8), bytes(&spki)))
}

/// The key file's text: PKCS#8 PEM, or encrypted with `passphrase` (its UTF-8 bytes, as
/// OpenSSL and Python's cryptography take a passphrase) when there is one.
async fn key_file(s: &SubtleCrypto, pkcs8: &[u8], passphrase: &str) -> Result<String, JsValue> {
    if passphrase.is_empty() {
        return Ok(private_pem(pkcs8));
    }
    let (mut salt, mut iv) = ([0u8; SALT_LEN], [0u8; IV_LEN]);
    if !(random_bytes(&mut salt) && random_bytes(&mut iv)) {
        return Err(NO_CRYPTO.into());
    }
    let u8s = |b: &[u8]| JsValue::from(Uint8Array::from(b));
    let raw: Object = Uint8Array::from(passphrase.as_bytes()).into();
    let derive = Array::of1(&"deriveBits".into());
    let base = call(s.import_key_with_object(
        "raw",
        &raw,
        &obj(&[("name", "PBKDF2".into())]),
        false,
        &derive,
    ))
    .await?;
    let pbkdf2 = obj(&[
        ("name", "PBKDF2".into()),
        ("salt", u8s(&salt)),
        ("iterations", ITERATIONS.into()),
        ("hash", "SHA-256".into()),
    ]);
    let bits = call(s.derive_bits_with_object(&pbkdf2, base.unchecked_ref(), 256)).await?;
    let encrypt = Array::of1(&"encrypt".into());
    let aes_alg = obj(&[("name", "AES-CBC".into())]);
    let aes =
        call(s.import_key_with_object("raw", bits.unchecked_ref(), &aes_alg, false, &encrypt))
            .await?;
    let cbc = obj(&[("name", "AES-CBC".into()), ("iv", u8s(&iv))]);
    let ciphertext =
        call(s.encrypt_with_object_and_u8_array(&cbc, aes.unchecked_ref(), pkcs8)).await?;
    Ok(encrypted_pem(&salt, ITERATIONS, &iv, &bytes(&ciphertext)))
}

/// Offers `text` as the download `name`: a Blob's object URL on a link clicked once and
/// removed; the URL is revoked a moment later, so the key is not reachable through it.
fn download(name: &str, text: &str) -> Result<(), JsValue> {
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .ok_or(JsValue::NULL)?;
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type("application/x-pem-file");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&Array::of1(&text.into()), &opts)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let a: web_sys::HtmlElement = doc.create_element("a")?.unchecked_into();
    a.set_attribute("href", &url)?;
    a.set_attribute("download", name)?;
    let body = doc.body().ok_or(JsValue::NULL)?;
    body.append_child(&a)?;
    a.click();
    a.remove();
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        Duration::from_secs(1),
    );
    Ok(())
}

/// The generator under the key field: passphrase, Generate, the download and its note.
#[component]
pub fn KeyPairMaker(
    /// The page state (the public key goes into its `PublicKey` field).
    page: Page,
) -> impl IntoView {
    // The private key and its public half's body; in this component only.
    let made: StoredValue<Option<(Vec<u8>, String)>> = StoredValue::new(None);
    // Bumped on each new key: what the view reads (the key itself is not reactive).
    let generation = RwSignal::new(0u32);
    let passphrase = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let field = page.value(Field::PublicKey);
    // The fingerprint while the field holds the key made here (an edit there makes the
    // private key useless for this script, so the download goes away).
    let fingerprint = memo(move || {
        generation.track();
        let typed = read(&field.get()).ok().flatten()?;
        made.with_value(|m| {
            m.as_ref()
                .filter(|(_, body)| *body == typed.body)
                .map(|_| typed.fingerprint)
        })
    });
    let run = move |job: bool| {
        let s = match subtle() {
            Ok(s) => s,
            Err(m) => return error.set(Some(m)),
        };
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            let result = if job {
                make_pair(&s).await.map(|(pkcs8, spki)| {
                    let pem = public_pem(&spki);
                    let body = read(&pem)
                        .ok()
                        .flatten()
                        .map(|k| k.body)
                        .unwrap_or_default();
                    made.set_value(Some((pkcs8, body)));
                    generation.update(|g| *g += 1);
                    page.edit(Field::PublicKey, pem);
                })
            } else {
                let pkcs8 = made
                    .with_value(|m| m.as_ref().map(|(k, _)| k.clone()))
                    .unwrap_or_default();
                match key_file(&s, &pkcs8, &passphrase.get_untracked()).await {
                    Ok(text) => download(FILE_NAME, &text),
                    Err(e) => Err(e),
                }
            };
            busy.set(false);
            if let Err(e) = result {
                error.set(Some(e.as_string().unwrap_or_else(|| {
                    "WebCrypto refused: make the key with openssl (see the field's label)".into()
                })));
            }
        });
    };
    view! {
        <div class="gs-keypair" data-testid="keypair">
            <div class="gs-row">
                <button type="button" class="gs-btn gs-btn-small gs-btn-light" data-testid="generate-key"
                    disabled=busy on:click=move |_| run(true)>
                    "Generate key pair"
                </button>
                <span class="gs-note">"2048-bit RSA, made in this page"</span>
            </div>
            {move || fingerprint.get().map(|fp| view! {
                <p class="gs-note">"Public key in the field above; its fingerprint: "
                    <code data-testid="key-fingerprint">{fp}</code></p>
                <label class="gs-label" for="gs-key-passphrase">"Passphrase for the private key file (optional)"</label>
                <div class="gs-row">
                    <input id="gs-key-passphrase" class="gs-input" type="password" data-testid="key-passphrase"
                        autocomplete="new-password" spellcheck="false" prop:value=passphrase
                        on:input=move |ev| passphrase.set(event_target_value(&ev))/>
                    <button type="button" class="gs-btn gs-btn-small" data-testid="download-key"
                        disabled=busy on:click=move |_| run(false)>
                        "Download " {FILE_NAME}
                    </button>
                </div>
                <p class="gs-warning" data-testid="key-note">
                    "The private key is only in this page: download it now. It is gone when the page "
                    "closes, and it is never in the script, the link or a request. With a passphrase the "
                    "file is encrypted (PKCS#8, AES-256); the connector takes the passphrase as "
                    "private_key_file_pwd."
                </p>
            })}
            {move || error.get().map(|m| view! { <p class="gs-error" data-testid="keypair-error">{m}</p> })}
        </div>
    }
}
