//! The web app's entry: mount the view (Trunk builds this for wasm32). The core is
//! written not to panic. The pages are built with panics as plain traps
//! (`scripts/build.sh`), so a panic hook would never run: there is none, and a panic
//! shows in the console as a `RuntimeError` with its wasm stack.

#[cfg(target_arch = "wasm32")]
fn main() {
    leptos::mount::mount_to_body(grantsmith::ui::Root);
}

/// Natively the same binary is the command-line generator (`grantsmith --help`).
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let code = grantsmith::cli::run(&args, &mut std::io::stdout(), &mut std::io::stderr());
    std::process::exit(code);
}
