//! The web app's entry: mount the view. (Trunk builds this for wasm32.)

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(grantsmith::ui::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("grantsmith: this binary is the web app; build it with `trunk build` (see README).");
    std::process::exit(2);
}
