//! Leptos view (wasm only).
