//! The web app's entry: mount the view (Trunk builds this for wasm32). The core is
//! written not to panic; should it, the panic hook prints the message to the console
//! (the pages are built with panic=abort, so the hook runs before the trap).

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    // Only in the test build: a panic the browser test provokes and reads back.
    #[cfg(feature = "panic-test")]
    if web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .is_some_and(|h| h.contains("panic-test"))
    {
        panic!("grantsmith panic test: this message must reach the console");
    }
    leptos::mount::mount_to_body(grantsmith::ui::Root);
}

/// Natively the same binary is the command-line generator (`grantsmith --help`).
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let code = grantsmith::cli::run(&args, &mut std::io::stdout(), &mut std::io::stderr());
    std::process::exit(code);
}
