//! A copy button whose label says "Copied!" or "Copy failed" for 1.8 s, as the original's.

use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::clipboard::{copy_text, select_contents};

/// How long the result label stays, as in the original.
const RESET_AFTER: Duration = Duration::from_millis(1800);

/// Copies `text()` on click. On failure the output element `select_id` is selected so
/// Ctrl+C still works.
#[component]
pub fn CopyButton(
    /// Idle label ("Copy SQL", "Copy Connection String").
    label: &'static str,
    /// `data-testid` of the button.
    testid: &'static str,
    /// The text to copy.
    text: Signal<String>,
    /// Element whose text is selected when copying fails.
    select_id: &'static str,
    /// Disables the button.
    #[prop(optional, into)]
    disabled: Signal<bool>,
) -> impl IntoView {
    // (label, generation): a later click's reset is not undone by an earlier timer.
    let state = RwSignal::new((label, 0u32));
    let on_click = move |_| {
        let text = text.get_untracked();
        spawn_local(async move {
            let ok = copy_text(&text).await;
            if !ok {
                select_contents(select_id);
            }
            let shown = if ok { "Copied!" } else { "Copy failed" };
            let generation = state.get_untracked().1.wrapping_add(1);
            state.set((shown, generation));
            set_timeout(
                move || {
                    if state.get_untracked().1 == generation {
                        state.set((label, generation));
                    }
                },
                RESET_AFTER,
            );
        });
    };
    view! {
        <button
            type="button"
            class="gs-btn gs-btn-small"
            data-testid=testid
            disabled=disabled
            aria-live="polite"
            on:click=on_click
        >
            {move || state.get().0}
        </button>
    }
}
