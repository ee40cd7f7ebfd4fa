//! JavaScript's string helpers, reproduced exactly: the original applet trims and splits
//! with them, and parity means the same characters count as white space.

/// `String.prototype.trim`'s white space: WhiteSpace (TAB, VT, FF, SP, NBSP, ZWNBSP and
/// every `Zs`) plus LineTerminator (LF, CR, LS, PS). Unlike Rust's `char::is_whitespace`
/// it includes U+FEFF and excludes U+0085.
pub fn is_js_space(c: char) -> bool {
    matches!(
        c,
        '\u{9}' | '\u{a}' | '\u{b}' | '\u{c}' | '\u{d}' | ' ' | '\u{a0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200a}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{202f}'
                | '\u{205f}'
                | '\u{3000}'
                | '\u{feff}'
    )
}

/// `value.trim()` in JavaScript.
///
/// ```
/// use grantsmith::core::text::js_trim;
/// assert_eq!(js_trim("\u{feff} a \u{a0}"), "a");
/// assert_eq!(js_trim("\u{85}a"), "\u{85}a");
/// ```
pub fn js_trim(s: &str) -> &str {
    s.trim_matches(is_js_space)
}

/// The original's `sanitizeList`: split on `,` and `\n`, trim each item, drop empty
/// ones; `None` when nothing is left (the caller falls back to its default).
///
/// ```
/// use grantsmith::core::text::split_list;
/// assert_eq!(split_list(" a, ,b\n\nc "), Some(vec!["a", "b", "c"]));
/// assert_eq!(split_list(" ,\n"), None);
/// ```
pub fn split_list(s: &str) -> Option<Vec<&str>> {
    let items: Vec<&str> = s
        .split([',', '\n'])
        .map(js_trim)
        .filter(|v| !v.is_empty())
        .collect();
    if items.is_empty() {
        None
    } else {
        Some(items)
    }
}

/// [`split_list`] without repeats (the first of each kept, in order): `sales, sales`
/// grants once.
///
/// ```
/// use grantsmith::core::text::split_unique;
/// assert_eq!(split_unique("a, b, a"), Some(vec!["a", "b"]));
/// assert_eq!(split_unique("b,a,b,c,a"), Some(vec!["b", "a", "c"]));
/// ```
pub fn split_unique(s: &str) -> Option<Vec<&str>> {
    let items = split_list(s)?;
    // Linear, with open addressing over FNV-1a hashes: the list is checked on every
    // keystroke (500 schemas took ~0.5 ms pairwise), and std's HashSet would pull a
    // random source into the page.
    let cap = (items.len() * 2).next_power_of_two();
    let mut slots = vec![usize::MAX; cap];
    let mut out: Vec<&str> = Vec::with_capacity(items.len());
    for item in items {
        let mut h = fnv1a(item) as usize & (cap - 1);
        loop {
            match slots[h] {
                usize::MAX => {
                    slots[h] = out.len();
                    out.push(item);
                    break;
                }
                k if out[k] == item => break,
                _ => h = (h + 1) & (cap - 1),
            }
        }
    }
    Some(out)
}

/// The 64-bit FNV-1a hash of `s`.
fn fnv1a(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// `value.trim() || fallback`.
pub fn or_default<'a>(s: &'a str, fallback: &'a str) -> &'a str {
    match js_trim(s) {
        "" => fallback,
        t => t,
    }
}

/// `"value"` for a message: the value as given, cut after 60 characters (a message
/// names the value, it does not repeat 64 KB of it). Not `{:?}`: its escaping tables
/// cost the page kilobytes.
pub(crate) fn quoted(v: &str) -> String {
    match v.char_indices().nth(60) {
        Some((i, _)) => format!("\"{}…\"", &v[..i]),
        None => format!("\"{v}\""),
    }
}
