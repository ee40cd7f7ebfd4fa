//! The optional password: typed or generated from the browser's cryptographic random
//! source, shown as a SCRAM verifier (or plain text) in the SQL and percent-encoded in
//! the URI. It is kept in one signal only: never in the URL, storage or a request.

use leptos::prelude::*;

use super::page::Page;
use super::reactive::memo;
use crate::core::intent::Field;

/// Fills `buf` from `crypto.getRandomValues`; false when the browser has no CSPRNG.
pub fn random_bytes(buf: &mut [u8]) -> bool {
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|c| c.get_random_values_with_u8_array(buf).is_ok())
        .unwrap_or(false)
}

/// 24 characters of `A-Za-z0-9` (~143 bits), by rejection sampling (no modulo bias),
/// drawn again until it has an upper-case letter, a lower-case letter and a digit
/// (Redshift requires all three, SQL Server's password policy three classes).
fn strong_password() -> Option<String> {
    const SET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    loop {
        let mut out = String::with_capacity(24);
        while out.len() < 24 {
            let mut buf = [0u8; 32];
            if !random_bytes(&mut buf) {
                return None;
            }
            for b in buf {
                if (b as usize) < 248 && out.len() < 24 {
                    out.push(SET[b as usize % SET.len()] as char);
                }
            }
        }
        let has = |f: fn(&u8) -> bool| out.as_bytes().iter().any(f);
        if has(u8::is_ascii_uppercase) && has(u8::is_ascii_lowercase) && has(u8::is_ascii_digit) {
            return Some(out);
        }
    }
}

/// Password field, generator, show toggle and (PostgreSQL) the SCRAM toggle.
#[component]
pub fn PasswordField(
    /// The page state (the password is its `Password` field, never shared).
    page: Page,
    /// Show the toggle that puts a SCRAM-SHA-256 verifier in the SQL.
    scram: bool,
) -> impl IntoView {
    let show = RwSignal::new(false);
    let password = page.value(Field::Password);
    let on_input = page.on_input(Field::Password);
    let error = page.error(Field::Password);
    let scram_on = memo(move || page.intent.with(|i| i.scram));
    // Neon takes no hashed password: the toggle shows it cannot apply there.
    let no_hash = memo(move || {
        page.intent
            .with(|i| i.provider().is_some_and(|p| !p.hashed_passwords()))
    });
    view! {
        <div class="gs-field gs-password">
            <label class="gs-label" for="gs-password">"Password (optional; it never leaves this page)"</label>
            <div class="gs-row">
                <input id="gs-password" class="gs-input" data-testid="password" autocomplete="new-password"
                    spellcheck="false" type=move || if show.get() { "text" } else { "password" }
                    class:gs-invalid=move || error.with(Option::is_some)
                    prop:value=password
                    on:input=move |ev| on_input.run(event_target_value(&ev))/>
                <button type="button" class="gs-btn gs-btn-small gs-btn-light" data-testid="generate-password"
                    on:click=move |_| if let Some(p) = strong_password() {
                        on_input.run(p);
                        show.set(true);
                    }>
                    "Generate strong password"
                </button>
            </div>
            <label class="gs-radio">
                <input type="checkbox" data-testid="show-password" prop:checked=show
                    on:change=move |ev| show.set(event_target_checked(&ev))/>
                <span>"Show"</span>
            </label>
            {scram.then(|| view! {
                <label class="gs-radio">
                    <input type="checkbox" data-testid="scram-toggle" prop:checked=move || scram_on.get() && !no_hash.get()
                        disabled=no_hash
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            page.update(|i| i.scram = on);
                        }/>
                    <span>"Put a SCRAM-SHA-256 verifier in the SQL, not the password itself"</span>
                </label>
            })}
            {move || error.get().map(|m| view! { <p class="gs-error" data-testid="password-error">{m}</p> })}
        </div>
    }
}
