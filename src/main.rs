//! The web app's entry: mount the view. (Trunk builds this for wasm32.) No panic hook:
//! the core is written not to panic, and the hook's formatting costs ~1 KB gzip.

#[cfg(target_arch = "wasm32")]
fn main() {
    leptos::mount::mount_to_body(grantsmith::ui::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("grantsmith: this binary is the web app; build it with `trunk build` (see README).");
    std::process::exit(2);
}
