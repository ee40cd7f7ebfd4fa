# Sourced by the scripts that build the pages' wasm (build.sh, floor.sh): std recompiled
# for size (optimize_for_size), an unstable option of this stable toolchain enabled for
# these builds only (RUSTC_BOOTSTRAP); the CLI, the tests and clippy build as usual.
# Panics are panic=abort (Cargo.toml's profile), not the smaller immediate-abort: the
# panic hook (console_error_panic_hook, issue 30) must run and print the message before
# the trap. The other flags are .cargo/config.toml's, which this variable replaces.
export RUSTC_BOOTSTRAP=1
export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--cfg erase_components -C link-arg=-zstack-size=262144 -Zfmt-debug=none -Zlocation-detail=none"
