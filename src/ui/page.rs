//! The page's one state: the intent being typed, which fields the user has touched,
//! and whether the output is shown. Every form edits it through [`Page::edit`].

use leptos::prelude::*;

use super::handover::Handed;
use super::reactive::{derived, memo};
use crate::core::intent::{Field, Intent};
use crate::core::output::{Output, Part};
use crate::core::profile::Profile;
use crate::core::{check, render};

/// The page state (copied into every component: it is a handful of signal handles).
#[derive(Clone, Copy)]
pub struct Page {
    /// What is typed, for the chosen database and preset.
    pub intent: RwSignal<Intent>,
    /// Bit per [`Field`] the user changed (or a link set): its message shows from then.
    pub touched: RwSignal<u32>,
    /// The output is shown; any change hides it again, as in the original.
    pub generated: RwSignal<bool>,
    /// Messages and hint, recomputed on each change (no script is written for them).
    pub checked: Memo<Output>,
    /// The embedding page's profile (empty without one), for the page's lifetime.
    pub profile: &'static Profile,
    /// What another page handed over besides the form (parts open, the reader's place).
    pub handed: Handed,
}

impl Page {
    /// The page for a starting intent; `touched` holds the fields a link set.
    pub fn new(start: Intent, touched: u32, profile: &'static Profile, handed: Handed) -> Self {
        let intent = RwSignal::new(start);
        let checked = memo(move || intent.with(check));
        Page {
            intent,
            touched: RwSignal::new(touched),
            generated: RwSignal::new(handed.output && checked.with_untracked(Output::ready)),
            checked,
            profile,
            handed,
        }
    }

    /// Whether the profile fixes the field or option `key` (shown, not changeable).
    pub fn fixed(self, key: &str) -> bool {
        self.profile.is_fixed(key)
    }

    /// Whether the field or option `key` is shown (the profile may hide it).
    pub fn shown(self, key: &str) -> bool {
        !self.profile.is_hidden(key)
    }

    /// The profile's note under the field or option `key`.
    pub fn note(self, key: &str) -> Option<&'static str> {
        self.profile.note(key)
    }

    /// `original` without a product; else the product's name followed by `suffix`
    /// ("Acme user name"), made once per page.
    pub fn branded(self, original: &'static str, suffix: &str) -> &'static str {
        match self.profile.brand() {
            // Leaked once per label and page: the profile lives as long as the page.
            Some(b) => Box::leak(format!("{} {suffix}", b.name()).into_boxed_str()),
            None => original,
        }
    }

    /// The form as a fuller page starts on it (a share link's fragment, with the
    /// embed's theme and accent; never the password).
    pub fn handover_fragment(self) -> String {
        let form = self
            .intent
            .with_untracked(|i| self.profile.page_fragment(i));
        if cfg!(feature = "extras") {
            form
        } else {
            // No profile reader in this page: the look is taken from its own fragment.
            super::handover::join(&[&form, &super::handover::look()])
        }
    }

    /// Changes anything else of the intent (an option, a checkbox) and hides the output.
    pub fn update(self, f: impl FnOnce(&mut Intent)) {
        // Hidden first, so nothing renders the output for the new value.
        self.generated.set(false);
        self.intent.update(f);
    }

    /// The user typed `value` into `field`.
    pub fn edit(self, field: Field, value: String) {
        self.update(|i| i.set(field, value));
        self.touched.update(|t| *t |= 1 << field.index());
    }

    /// The callback an input of `field` calls (one per field, made once).
    pub fn on_input(self, field: Field) -> Callback<String> {
        Callback::new(move |v: String| self.edit(field, v))
    }

    /// A field's value, notifying only when that field changes.
    pub fn value(self, field: Field) -> Signal<String> {
        let intent = self.intent;
        memo(move || intent.with(|i| i.get(field).to_string())).into()
    }

    /// A field's message, once the user has changed it or pressed Generate.
    pub fn error(self, field: Field) -> Signal<Option<String>> {
        derived(move || {
            let shown = self.touched.get() & (1 << field.index()) != 0;
            shown
                .then(|| self.checked.with(|o| o.error(field).map(str::to_string)))
                .flatten()
        })
    }

    /// Generate is enabled exactly when the hint is empty.
    pub fn ready(self) -> bool {
        self.checked.with(Output::ready)
    }

    /// Generate: every message shows from now on, and the output appears.
    pub fn generate(self) {
        self.touched.set(u32::MAX);
        if self.ready() {
            self.generated.set(true);
        }
    }

    /// One part of the output, written only while the output is shown.
    pub fn part(self, part: Part) -> Signal<String> {
        derived(move || {
            if self.generated.get() {
                self.intent.with(|i| render(i, part)).unwrap_or_default()
            } else {
                String::new()
            }
        })
    }
}
