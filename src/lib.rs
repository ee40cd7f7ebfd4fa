//! Grantsmith: least-privilege database users and connection strings, generated entirely
//! in the browser. `core` decides what is shown; `ui` (wasm only) shows it.

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
pub mod core;
#[cfg(target_arch = "wasm32")]
pub mod ui;
