//! BigQuery's quoting: identifiers in backticks and string literals, both with
//! backslash escapes.

crate::core::quote::quoted! {
    /// A quoted identifier: `` `…` `` with `` ` `` and `\` escaped by a backslash.
    ///
    /// ```
    /// use grantsmith::core::backend::bigquery::Ident;
    /// assert_eq!(Ident::new("my-project").to_string(), "`my-project`");
    /// ```
    Ident => |f, text| crate::core::quote::backslashed(f, '`', text)
}

crate::core::quote::quoted! {
    /// A string literal: `'…'` with `'` and `\` escaped by a backslash.
    ///
    /// ```
    /// use grantsmith::core::backend::bigquery::Str;
    /// assert_eq!(Str::new("it's").to_string(), r"'it\'s'");
    /// ```
    Str => |f, text| crate::core::quote::backslashed(f, '\'', text)
}
