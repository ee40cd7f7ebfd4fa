//! The inspect format, in one place: the first and last lines that frame a paste, its
//! version, and the scope's fingerprint. Every inspect query (PostgreSQL's, MySQL's,
//! the other databases') writes it and the drift check reads it.

/// The first field of the first line: what the paste must start with.
pub const HEADER: &str = "grantsmith-inspect";
/// The first field of the last line.
pub const TRAILER: &str = "grantsmith-inspect-end";
/// The format's version (the second field of the first line).
pub const VERSION: &str = "2";

/// A short fingerprint of the intent's scope (FNV-1a of the SQL that lists the objects in
/// scope): the query prints it, so a paste made for other schemas or another preset is
/// told apart from drift.
pub fn scope_tag(objects: &str) -> String {
    let hash = objects.bytes().fold(0x811c_9dc5u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    });
    format!("{hash:08x}")
}
