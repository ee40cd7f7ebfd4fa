//! PostgreSQL. The original applet (`original/`, its script byte for byte the
//! original's, with the checks and fixes around it) and the presets beyond it
//! (`presets/`: metadata sync, the connectors, custom) each write their own scripts;
//! what both need lives here, and neither imports the other:
//! - `guard`: the checks every script makes first, the transaction and the role's mark;
//! - `converge`: the take-back of what another preset or a hand grant left;
//! - `trigger`: TRIGGER withheld on superusers' tables;
//! - `hosted`: grants on a provider, object by object;
//! - `form`: name lists, provider schemas and passwords, checked alike;
//! - `inspect`: the query the drift check reads;
//! - `lazy`: a validated intent, its parts written when asked;
//! - `regex`: the metadata filters checked as PostgreSQL compiles them;
//! - `uninstall`: how every uninstall ends.
//!
//! `cdc/` (change data capture) writes its own scripts too, with the guard and the
//! uninstall's end from here.

pub mod cdc;
pub mod converge;
/// The dry run in PGlite (issue 33): the fuller pages only, like the presets.
#[cfg(feature = "extras")]
pub mod dry_run;
pub mod form;
pub mod guard;
pub mod hosted;
pub mod inspect;
pub(crate) mod lazy;
pub mod original;
pub mod presets;
pub mod regex;
pub mod trigger;
pub mod uninstall;
