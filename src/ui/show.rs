//! One non-generic "show when" for every conditional part of the page. Leptos' `<Show>`
//! is generic over its condition and children, and each use cost ~2 KB of wasm (its
//! children closure and memo, built per type); this is one function for all of them.

use leptos::prelude::*;

/// `children`, built while `when` holds and dropped when it stops. `when` is a memo:
/// a change that leaves it as it was keeps what was built (and the focus in it).
pub fn show(when: Memo<bool>, children: ChildrenFn) -> AnyView {
    (move || when.get().then(|| children())).into_any()
}
