//! The pieces hostile names are made of, for every dialect's property tests: quotes of
//! every database, escapes, comment and statement separators, patterns, batch and
//! dollar-quote markers, non-ASCII text.
// Each test crate includes this file and uses part of it.
#![allow(dead_code)]

/// Concatenated at random into names.
pub const NASTY: [&str; 27] = [
    "'",
    "\"",
    "`",
    "\\",
    "]",
    "[",
    ";",
    "--",
    "/*",
    "*/",
    "%",
    "_",
    "$",
    "@",
    " ",
    "é",
    "😀",
    "a",
    "B",
    "1",
    "GO",
    "'; DROP USER x; --",
    "x'; DROP USER root; --",
    "\\'",
    "$$",
    "#",
    "%I",
];
