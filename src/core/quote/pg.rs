//! PostgreSQL's quoting types, the only way user text reaches its SQL (the original
//! applet's and the presets'): [`Ident`] (a quoted identifier), [`Literal`] (a string
//! constant) and [`Comment`] (text inside a `--` comment). Their fields are
//! private and their `Display` impls do the quoting, in exactly one place each, with no
//! "already safe" fast path.

use std::fmt;

/// PostgreSQL keeps at most NAMEDATALEN-1 = 63 bytes of an identifier.
pub const MAX_IDENT_BYTES: usize = 63;

/// Why a name cannot be used as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NameError {
    /// Longer than 63 bytes: PostgreSQL would silently use `becomes` instead.
    TooLong {
        /// Length of the name in UTF-8 bytes.
        bytes: usize,
        /// What PostgreSQL would truncate it to.
        becomes: String,
    },
    /// Contains U+0000, which no identifier or string may hold.
    Nul,
    /// A role name starting with `pg_`: reserved for system roles.
    PgPrefix,
    /// `public`, `none`, `current_user`, `session_user` or `current_role`.
    ReservedRole(&'static str),
    /// `pg_*` or `information_schema`: system schemas, never granted on (listing
    /// `pg_catalog` would hand out SELECT on every catalog, `pg_authid` included).
    SystemSchema,
}

impl NameError {
    /// The message shown next to the field.
    pub fn message(&self) -> String {
        match self {
            NameError::TooLong { bytes, becomes } => format!(
                "Too long: {bytes} bytes, but PostgreSQL keeps 63, so this would silently become \"{becomes}\""
            ),
            NameError::Nul => "Cannot contain a NUL character".to_string(),
            NameError::PgPrefix => {
                "Role names starting with \"pg_\" are reserved by PostgreSQL".to_string()
            }
            NameError::ReservedRole(n) => {
                format!("\"{n}\" is a reserved role name in PostgreSQL")
            }
            NameError::SystemSchema => {
                "System schemas (pg_*, information_schema) are never granted on".to_string()
            }
        }
    }
}

/// Role names PostgreSQL gives a special meaning in GRANT and role contexts (matched
/// exactly: a quoted `"Public"` is an ordinary name, a quoted `"public"` is PUBLIC).
const RESERVED_ROLES: [&str; 5] = [
    "public",
    "none",
    "current_user",
    "session_user",
    "current_role",
];

/// Cuts `s` to at most 63 bytes at a character boundary, as PostgreSQL's
/// `truncate_identifier` does.
///
/// ```
/// use grantsmith::core::quote::pg::truncate_to_limit;
/// assert_eq!(truncate_to_limit(&"a".repeat(64)).len(), 63);
/// assert_eq!(truncate_to_limit(&"德".repeat(22)).chars().count(), 21);
/// ```
pub fn truncate_to_limit(s: &str) -> &str {
    if s.len() <= MAX_IDENT_BYTES {
        return s;
    }
    let mut end = MAX_IDENT_BYTES;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// A name that PostgreSQL will store exactly as typed. Always rendered quoted, with `"`
/// doubled, so case, spaces and keywords survive unchanged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ident(String);

impl Ident {
    /// Accepts any non-empty text without NUL that fits in 63 bytes.
    ///
    /// ```
    /// use grantsmith::core::quote::pg::Ident;
    /// assert_eq!(Ident::new("My \"Table\"").unwrap().to_string(), "\"My \"\"Table\"\"\"");
    /// assert!(Ident::new(&"x".repeat(64)).is_err());
    /// ```
    pub fn new(raw: &str) -> Result<Self, NameError> {
        if raw.contains('\0') {
            return Err(NameError::Nul);
        }
        if raw.len() > MAX_IDENT_BYTES {
            return Err(NameError::TooLong {
                bytes: raw.len(),
                becomes: truncate_to_limit(raw).to_string(),
            });
        }
        debug_assert!(
            !raw.is_empty(),
            "callers fall back to defaults for empty names"
        );
        Ok(Ident(raw.to_string()))
    }

    /// Like [`Ident::new`], and also refuses names PostgreSQL reserves for roles.
    ///
    /// ```
    /// use grantsmith::core::quote::pg::Ident;
    /// assert!(Ident::new_role("pg_monitor").is_err());
    /// assert!(Ident::new_role("public").is_err());
    /// assert!(Ident::new_role("Public").is_ok());
    /// ```
    pub fn new_role(raw: &str) -> Result<Self, NameError> {
        let id = Ident::new(raw)?;
        if raw.starts_with("pg_") {
            return Err(NameError::PgPrefix);
        }
        Self::check_not_reserved(raw)?;
        Ok(id)
    }

    /// For roles that already exist (table owners): `pg_*` roles are fine, the
    /// pseudo-role names are not, since PostgreSQL would read them as PUBLIC etc.
    pub fn new_existing_role(raw: &str) -> Result<Self, NameError> {
        let id = Ident::new(raw)?;
        Self::check_not_reserved(raw)?;
        Ok(id)
    }

    /// For schemas to grant on: system schemas are refused.
    ///
    /// ```
    /// use grantsmith::core::quote::pg::Ident;
    /// assert!(Ident::new_schema("pg_catalog").is_err());
    /// assert!(Ident::new_schema("information_schema").is_err());
    /// assert!(Ident::new_schema("sales").is_ok());
    /// ```
    pub fn new_schema(raw: &str) -> Result<Self, NameError> {
        let id = Ident::new(raw)?;
        if raw.starts_with("pg_") || raw == "information_schema" {
            return Err(NameError::SystemSchema);
        }
        Ok(id)
    }

    fn check_not_reserved(raw: &str) -> Result<(), NameError> {
        match RESERVED_ROLES.iter().find(|r| **r == raw) {
            Some(r) => Err(NameError::ReservedRole(r)),
            None => Ok(()),
        }
    }

    /// The name as PostgreSQL stores it (unquoted).
    pub fn raw(&self) -> &str {
        &self.0
    }

    /// The same name as a string constant, for catalog look-ups like `rolname = '…'`.
    pub fn literal(&self) -> Literal {
        Literal(self.0.clone())
    }

    /// The name for a `--` comment line.
    pub fn comment(&self) -> Comment<'_> {
        Comment(&self.0)
    }
}

impl fmt::Display for Ident {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        super::doubled(f, "\"", '"', &self.0)
    }
}

/// A string constant, rendered `'…'` with `'` doubled (standard_conforming_strings is
/// on by default since PostgreSQL 9.1, so `\` needs no escaping).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Literal(String);

impl Literal {
    /// Any text without NUL.
    ///
    /// ```
    /// use grantsmith::core::quote::pg::Literal;
    /// assert_eq!(Literal::new("it's").unwrap().to_string(), "'it''s'");
    /// ```
    pub fn new(raw: &str) -> Result<Self, NameError> {
        if raw.contains('\0') {
            return Err(NameError::Nul);
        }
        Ok(Literal(raw.to_string()))
    }
}

impl Literal {
    /// Text the generator made itself (a policy name: ASCII, never NUL), so there is no
    /// error to handle; a NUL would be dropped rather than end the string.
    pub(crate) fn generated(text: &str) -> Self {
        Literal(text.replace('\0', ""))
    }
}

impl fmt::Display for Literal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        super::doubled(f, "'", '\'', &self.0)
    }
}

/// User text shown inside a `--` comment: every control character written as
/// `\u{a}`, `\u{d}`, `\u{b}`, … ([`super::comment`]; PostgreSQL and psql end a comment
/// at `\n` *or* `\r`, so a raw name could smuggle a statement out of it). Everything
/// else is kept as typed.
#[derive(Debug, Clone, Copy)]
pub struct Comment<'a>(&'a str);

impl<'a> Comment<'a> {
    /// Wraps free text (a name as typed) for a comment.
    pub fn new(text: &'a str) -> Self {
        Comment(text)
    }
}

impl fmt::Display for Comment<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        super::comment(f, self.0)
    }
}

/// The identifier form of a name inside a comment (`"…"` with control characters
/// escaped), as the new-schema applet prints the owner.
pub struct QuotedComment<'a>(pub &'a Ident);

impl fmt::Display for QuotedComment<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let quoted = self.0.to_string();
        Comment(&quoted).fmt(f)
    }
}

/// `ARRAY['a', 'b']`: the names as string constants, for `nspname = ANY (…)` filters.
///
/// ```
/// use grantsmith::core::quote::pg::{literal_array, Ident};
/// let a = [Ident::new("a").unwrap(), Ident::new("it's").unwrap()];
/// assert_eq!(literal_array(&a), "ARRAY['a', 'it''s']");
/// ```
pub fn literal_array(idents: &[Ident]) -> String {
    let items: Vec<String> = idents.iter().map(|s| s.literal().to_string()).collect();
    format!("ARRAY[{}]", items.join(", "))
}

/// A PostgreSQL dollar-quoted body: picks the first tag of `$$`, `$gs$`, `$gs1$`, … that
/// occurs in `body + tag` only at its end, so no text inside (nor a body ending in `$`
/// or `$gs`) can close it early.
///
/// ```
/// use grantsmith::core::quote::pg::dollar_quote;
/// assert_eq!(dollar_quote("\nBEGIN\nEND\n"), "$$\nBEGIN\nEND\n$$");
/// assert_eq!(dollar_quote("\n'a$$b'\n"), "$gs$\n'a$$b'\n$gs$");
/// assert_eq!(dollar_quote("x$"), "$gs$x$$gs$");
/// ```
pub fn dollar_quote(body: &str) -> String {
    let closes_at_end = |tag: &str| format!("{body}{tag}").find(tag) == Some(body.len());
    let tag = ["$$".to_string(), "$gs$".to_string()]
        .into_iter()
        .chain((1..).map(|n| format!("$gs{n}$")))
        .find(|t| closes_at_end(t))
        .unwrap_or_default();
    format!("{tag}{body}{tag}")
}
