//! Amazon Redshift's quoting: identifiers `"…"`, string constants with `'` and `\`
//! doubled.

crate::core::quote::quoted! {
    /// An identifier: `"…"` with `"` doubled, as in PostgreSQL (Redshift folds it to lower
    /// case unless `enable_case_sensitive_identifier` is on).
    ///
    /// ```
    /// use grantsmith::core::backend::redshift::Ident;
    /// assert_eq!(Ident::new("a\"b").to_string(), "\"a\"\"b\"");
    /// ```
    Ident => |f, text| crate::core::quote::doubled(f, "\"", '"', text)
}

impl Ident {
    /// The name as a string constant.
    pub fn literal(&self) -> Str {
        Str(self.0.clone())
    }
}

crate::core::quote::quoted! {
    /// A string constant: `'…'` with `'` doubled and `\` doubled (Redshift reads
    /// backslash escapes in string constants).
    ///
    /// ```
    /// use grantsmith::core::backend::redshift::Str;
    /// assert_eq!(Str::new(r"a'b\").to_string(), r"'a''b\\'");
    /// ```
    Str => |f, text| crate::core::quote::doubled_with_backslashes(f, text)
}
