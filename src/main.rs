//! The web app's entry: mount the view (Trunk builds this for wasm32). The core is
//! written not to panic; if it ever does, the hook prints why in the console.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(grantsmith::ui::Root);
}

/// Natively the same binary is the command-line generator (`grantsmith --help`).
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let code = grantsmith::cli::run(&args, &mut std::io::stdout(), &mut std::io::stderr());
    std::process::exit(code);
}
