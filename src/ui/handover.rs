//! The hand-over between the pages (issue 30): the page most readers open (index.html,
//! the original applet alone) sends the form to a fuller page when the reader picks
//! what it lacks, as the PostgreSQL page (postgres.html) does to the all-databases page
//! (all.html). The form travels in the URL's fragment, which no request carries, and
//! never the password. Before leaving, this page's own history entry gets the same
//! fragment, so Back returns the filled form; the control the reader used is named in
//! `focus`, and the fuller page focuses it, so the reader lands where they were.

use crate::core::share::fragment_pairs;

/// The page with the presets, the client forms, verify/uninstall/inspect and the
/// password field (the `extras` feature), PostgreSQL only.
#[cfg(not(feature = "extras"))]
pub const FULLER_PAGE: &str = "postgres.html";

/// The all-databases page (every feature), with the drift check.
pub const ALL_PAGE: &str = "all.html";

/// Keys the hand-over adds to a share link's; not profile keys, so a page strips them
/// before reading the profile ([`Handed::take`]).
const KEYS: [&str; 4] = ["check", "open", "client", "focus"];

/// What a page was handed besides the form: which parts are open and where the reader
/// was.
#[derive(Clone, Copy, Debug, Default)]
pub struct Handed {
    /// The drift check was asked for: the output shows with the check open.
    pub check: bool,
    /// The output was shown (or a part of it asked for).
    pub output: bool,
    /// "Verify, inspect and uninstall scripts" was asked for.
    pub more: bool,
    /// "Advanced configuration" was open.
    pub advanced: bool,
    /// "Try it here" was pressed on the default page: the dry run starts on arrival.
    pub dry_run: bool,
    /// The client form picked (a key of `Client`), when one was.
    pub client: &'static str,
    /// The id of the control the reader used, focused once the page shows.
    pub focus: &'static str,
}

impl Handed {
    /// Takes the hand-over's keys out of a fragment's pairs.
    pub fn take(pairs: &mut Vec<(String, String)>) -> Handed {
        let mut h = Handed::default();
        let leak = |s: &str| -> &'static str { Box::leak(s.to_string().into_boxed_str()) };
        for (k, v) in pairs.iter() {
            match k.as_str() {
                "check" => h.check = true,
                "client" => h.client = leak(v),
                "focus" => h.focus = leak(v),
                "open" => {
                    for part in v.split(',') {
                        match part {
                            "output" => h.output = true,
                            "more" => h.more = true,
                            "advanced" => h.advanced = true,
                            "dry-run" => h.dry_run = true,
                            _ => {}
                        }
                    }
                }
                _ => {}
            }
        }
        pairs.retain(|(k, _)| !KEYS.contains(&k.as_str()));
        h.output |= h.check || h.more || h.dry_run || !h.client.is_empty();
        h
    }

    /// Focuses the control the reader used on the page before, once this one shows.
    pub fn restore_focus(self) {
        if self.focus.is_empty() {
            return;
        }
        let id = self.focus;
        leptos::prelude::request_animation_frame(move || {
            let el = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id(id));
            if let Some(el) =
                el.and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
            {
                let _ = el.focus();
            }
        });
    }
}

/// The page's URL fragment (`#db=mysql&preset=connector-rw&host=…`), never sent anywhere.
pub fn fragment() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// The fragment's pairs.
pub fn pairs() -> Vec<(String, String)> {
    fragment_pairs(&fragment())
}

/// Puts `fragment` in this page's history entry, without a reload: Back (or a reload)
/// then returns to this form.
pub fn keep(fragment: &str) {
    if let Some(h) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = h.replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("#{fragment}")),
        );
    }
}

/// `a&b`, leaving out empty parts.
pub fn join(parts: &[&str]) -> String {
    parts
        .iter()
        .filter(|p| !p.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join("&")
}

/// The embed's theme and accent in this page's fragment, to go along with a hand-over
/// from the page without the profile reader.
pub fn look() -> String {
    fragment()
        .trim_start_matches('#')
        .split('&')
        .filter(|p| p.starts_with("theme=") || p.starts_with("accent="))
        .collect::<Vec<_>>()
        .join("&")
}

/// Hands over to `page` with `there` (a share link's fragment and the hand-over's own
/// keys); this page's history entry keeps `here` (this form) first, so Back returns it.
/// Both name `focus`, the id of the control the reader used (the other page has a
/// control with the same id), which the page focuses.
pub fn hand_over(here: &str, page: &str, there: &str, focus: &str) {
    let focus = format!("focus={}", crate::core::conn::percent_encode(focus));
    keep(&join(&[here, &focus]));
    open(page, &join(&[there, &focus]), false);
}

/// Opens `page` with `fragment` (the keys of a share link); `replace` keeps this page
/// out of the history (a start that was never shown).
pub fn open(page: &str, fragment: &str, replace: bool) {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return;
    };
    let url = format!("{page}#{fragment}");
    // A failed navigation leaves the reader on this page, which still works: nothing to
    // recover.
    let _ = if replace {
        location.replace(&url)
    } else {
        location.assign(&url)
    };
}
