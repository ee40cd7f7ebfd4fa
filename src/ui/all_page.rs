//! The other databases live in the page built with them (`all.html`, the `dialects`
//! feature): the page a PostgreSQL user loads is half the bytes without them, and sends
//! the reader there, with the profile and the picked database, when another is picked.

/// The all-databases page, beside this one.
const ALL_PAGE: &str = "all.html";

/// Opens the all-databases page with `fragment` (the keys of a share link); `replace`
/// keeps this page out of the history (a start that was never shown).
pub fn open(fragment: &str, replace: bool) {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return;
    };
    let url = format!("{ALL_PAGE}#{fragment}");
    // A failed navigation leaves the reader on this page, which still works for
    // PostgreSQL: nothing to recover.
    let _ = if replace {
        location.replace(&url)
    } else {
        location.assign(&url)
    };
}
