//! Characters that take no room on screen: a name holding one looks like another name
//! (`sales` and `sales` + U+200B) and grants on something the reader did not mean. The
//! form refuses them with the character named; what the database already holds (a
//! paste of the inspect query's output) is read as it is.

/// The first invisible character of `s` and its position (in characters), if any:
/// Unicode's default-ignorable code points (format controls, zero-width characters,
/// bidirectional controls, variation selectors, tags, Hangul fillers) and the line and
/// paragraph separators.
///
/// ```
/// use grantsmith::core::invisible::first_invisible;
/// assert_eq!(first_invisible("sales\u{200b}"), Some((5, '\u{200b}')));
/// assert_eq!(first_invisible("café 德 🙂"), None);
/// ```
pub fn first_invisible(s: &str) -> Option<(usize, char)> {
    s.chars().enumerate().find(|(_, c)| is_invisible(*c))
}

/// Whether `c` is drawn with no width (see [`first_invisible`]).
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{ad}'
            | '\u{34f}'
            | '\u{61c}'
            | '\u{115f}'..='\u{1160}'
            | '\u{17b4}'..='\u{17b5}'
            | '\u{180b}'..='\u{180f}'
            | '\u{200b}'..='\u{200f}'
            | '\u{2028}'..='\u{202e}'
            | '\u{2060}'..='\u{206f}'
            | '\u{3164}'
            | '\u{fe00}'..='\u{fe0f}'
            | '\u{feff}'
            | '\u{ffa0}'
            | '\u{fff0}'..='\u{fff8}'
            | '\u{1bca0}'..='\u{1bca3}'
            | '\u{1d173}'..='\u{1d17a}'
            | '\u{e0000}'..='\u{e0fff}'
    )
}

/// The message shown next to a field holding an invisible character.
///
/// ```
/// use grantsmith::core::invisible::message;
/// assert_eq!(message(5, '\u{200b}'),
///     "Holds an invisible character (U+200B) after 5 characters: retype the name without it");
/// ```
pub fn message(at: usize, c: char) -> String {
    format!(
        "Holds an invisible character (U+{:04X}) after {at} characters: retype the name without it",
        c as u32
    )
}
