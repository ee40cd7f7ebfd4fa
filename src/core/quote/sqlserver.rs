//! SQL Server's quoting: identifiers `[…]`, Unicode strings `N'…'`, and values in an
//! ADO.NET connection string.

use std::fmt;

crate::core::quote::quoted! {
    /// An identifier: `[…]` with `]` doubled.
    ///
    /// ```
    /// use grantsmith::core::backend::sqlserver::Ident;
    /// assert_eq!(Ident::new("a]b").to_string(), "[a]]b]");
    /// ```
    Ident => |f, text| crate::core::quote::doubled(f, "[", ']', text)
}

impl Ident {
    /// The name as a Unicode string constant, for catalog lookups.
    pub fn literal(&self) -> NStr {
        NStr::new(&self.0)
    }
}

crate::core::quote::quoted! {
    /// A Unicode string constant: `N'…'` with `'` doubled.
    ///
    /// ```
    /// use grantsmith::core::backend::sqlserver::NStr;
    /// assert_eq!(NStr::new("it's").to_string(), "N'it''s'");
    /// ```
    NStr => |f, text| crate::core::quote::doubled(f, "N'", '\'', text)
}

/// A value in an ADO.NET connection string: as is when plain, else in `"…"` with `"`
/// doubled (a `;` would otherwise end it).
///
/// ```
/// use grantsmith::core::backend::sqlserver::ConnValue;
/// assert_eq!(ConnValue("db").to_string(), "db");
/// assert_eq!(ConnValue("p;w\"d").to_string(), "\"p;w\"\"d\"");
/// assert_eq!(ConnValue("\u{feff}pw").to_string(), "\"\u{feff}pw\"");
/// ```
pub struct ConnValue<'a>(pub &'a str);

impl fmt::Display for ConnValue<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = self.0;
        // Unquoted, a value is trimmed by the reader: .NET by Unicode white space, tedious
        // by JavaScript's (which also strips U+FEFF).
        let plain = !s.is_empty()
            && !s.contains([';', '"', '\'', '=', '{'])
            && s.trim() == s
            && crate::core::text::js_trim(s) == s;
        if plain {
            f.write_str(s)
        } else {
            crate::core::quote::doubled(f, "\"", '"', s)
        }
    }
}
