//! Leptos alone: the smallest view of `size_floor.rs` with no core behind it (the
//! button echoes the input). `scripts/floor.sh` subtracts it from the floor to show what
//! the core costs. Natively it is an empty program.

#[cfg(target_arch = "wasm32")]
use leptos::prelude::*;

#[cfg(target_arch = "wasm32")]
fn main() {
    leptos::mount::mount_to_body(|| {
        let text = RwSignal::new(String::new());
        let out = RwSignal::new(String::new());
        view! {
            <input prop:value=text on:input=move |ev| text.set(event_target_value(&ev))/>
            <button on:click=move |_| out.set(text.get_untracked())>"Generate"</button>
            <pre>{out}</pre>
        }
    });
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
