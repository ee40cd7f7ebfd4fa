//! Grantsmith: least-privilege database users and connection strings, generated entirely
//! in the browser. `core` decides what is shown; `ui` (wasm only) shows it.

pub mod core;
#[cfg(target_arch = "wasm32")]
pub mod ui;
