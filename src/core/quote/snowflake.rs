//! Snowflake's quoting: identifiers folded to upper case where they may stay unquoted,
//! else quoted exactly; string constants with backslash escapes.

use std::fmt;

/// Reserved words: never written unquoted (from Snowflake's reserved keyword list).
const RESERVED: &str = concat!(
    "ACCOUNT ALL ALTER AND ANY AS BETWEEN BY CASE CAST CHECK COLUMN CONNECT ",
    "CONNECTION CONSTRAINT CREATE CROSS CURRENT CURRENT_DATE CURRENT_TIME ",
    "CURRENT_TIMESTAMP CURRENT_USER DATABASE DELETE DISTINCT DROP ELSE EXISTS FALSE ",
    "FOLLOWING FOR FROM FULL GRANT GROUP GSCLUSTER HAVING ILIKE IN INCREMENT INNER ",
    "INSERT INTERSECT INTO IS ISSUE JOIN LATERAL LEFT LIKE LOCALTIME LOCALTIMESTAMP ",
    "MINUS NATURAL NOT NULL OF ON OR ORDER ORGANIZATION QUALIFY REGEXP REVOKE RIGHT ",
    "RLIKE ROW ROWS SAMPLE SCHEMA SELECT SET SOME START TABLE TABLESAMPLE THEN TO ",
    "TRIGGER TRUE TRY_CAST UNION UNIQUE UPDATE USING VALUES VIEW WHEN WHENEVER WHERE ",
    "WINDOW WITH LIMIT OFFSET USER ",
);

/// A Snowflake identifier. A name that could be written unquoted (`[A-Za-z_][A-Za-z0-9_$]*`)
/// is the case-insensitive object Snowflake stores in upper case: it is written in upper
/// case (quoted if it is a reserved word). Anything else is quoted exactly, `"` doubled.
///
/// ```
/// use grantsmith::core::backend::snowflake::Ident;
/// assert_eq!(Ident::new("dagflux").to_string(), "DAGFLUX");
/// assert_eq!(Ident::new("table").to_string(), "\"TABLE\"");
/// assert_eq!(Ident::new("My \"db\"").to_string(), "\"My \"\"db\"\"\"");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ident {
    stored: String,
    quoted: bool,
}

impl Ident {
    /// The object `raw` names.
    pub fn new(raw: &str) -> Self {
        let b = raw.as_bytes();
        let plain = !b.is_empty()
            && (b[0].is_ascii_alphabetic() || b[0] == b'_')
            && b.iter()
                .all(|c| c.is_ascii_alphanumeric() || *c == b'_' || *c == b'$');
        if plain {
            let stored = raw.to_ascii_uppercase();
            let quoted = RESERVED.split_whitespace().any(|w| w == stored);
            Ident { stored, quoted }
        } else {
            Ident {
                stored: raw.to_string(),
                quoted: true,
            }
        }
    }

    /// The name as Snowflake stores it (upper case for unquoted names).
    pub fn stored(&self) -> &str {
        &self.stored
    }

    /// The name with `suffix` appended, quoted exactly when this one is (the user's role
    /// `<USER>_ROLE`: no reserved word ends in `_ROLE`).
    pub fn with_suffix(&self, suffix: &str) -> Ident {
        Ident {
            stored: format!("{}{suffix}", self.stored),
            quoted: self.quoted,
        }
    }

    /// Whether folding changed what was typed (the script then says so).
    pub fn folded(&self, raw: &str) -> bool {
        self.stored != raw
    }
}

impl fmt::Display for Ident {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.quoted {
            crate::core::quote::doubled(f, "\"", '"', &self.stored)
        } else {
            f.write_str(&self.stored)
        }
    }
}

crate::core::quote::quoted! {
    /// A string constant: `'…'` with `\` and `'` escaped by a backslash (Snowflake reads
    /// backslash escapes in single-quoted strings).
    ///
    /// ```
    /// use grantsmith::core::backend::snowflake::Str;
    /// assert_eq!(Str::new(r"it's\").to_string(), r"'it\'s\\'");
    /// ```
    Str => |f, text| crate::core::quote::backslashed(f, '\'', text)
}
