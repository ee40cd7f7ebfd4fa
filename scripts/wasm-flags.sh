# Sourced by the scripts that build the pages' wasm (build.sh, floor.sh): std recompiled
# for size (optimize_for_size) and panics as plain traps (panic=immediate-abort: no
# formatting and unwinding machinery, which the page never needs: a panic is a bug
# either way). Both are unstable options of this stable toolchain, enabled for these
# builds only (RUSTC_BOOTSTRAP); the CLI, the tests and clippy build as usual. They took
# the PostgreSQL page from 180.5 to ~162 KB gzip (README, Performance). The other flags
# are .cargo/config.toml's, which this variable replaces for the build.
export RUSTC_BOOTSTRAP=1
export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--cfg erase_components -C link-arg=-zstack-size=262144 -Zunstable-options -Cpanic=immediate-abort"
