//! MySQL's and MariaDB's quoting: identifiers in backticks, string literals, accounts
//! `'user'@'host'`, and text inside `--` comments.

use std::fmt;

crate::core::quote::quoted! {
    /// A string literal: `'…'` with `\` and `'` escaped by a backslash (valid unless
    /// `sql_mode` has `NO_BACKSLASH_ESCAPES`, which the script then says it assumes).
    Str => |f, text| crate::core::quote::doubled_with_backslashes(f, text)
}

impl Str {
    /// Whether the text holds a backslash (the `NO_BACKSLASH_ESCAPES` trap).
    pub fn has_backslash(&self) -> bool {
        self.0.contains('\\')
    }
}

crate::core::quote::quoted! {
    /// An identifier: `` `…` `` with `` ` `` doubled.
    ///
    /// ```
    /// use grantsmith::core::backend::mysql::Ident;
    /// assert_eq!(Ident::new("my`db").to_string(), "`my``db`");
    /// ```
    Ident => |f, text| crate::core::quote::doubled(f, "`", '`', text)
}

impl Ident {
    /// The database name as a database-level GRANT reads it: `_` and `%` are
    /// wildcards there, so they (and the escape character itself) get a backslash.
    ///
    /// ```
    /// use grantsmith::core::backend::mysql::Ident;
    /// assert_eq!(Ident::new("my_db%").grant_pattern().to_string(), r"`my\_db\%`");
    /// ```
    pub fn grant_pattern(&self) -> Ident {
        let mut s = String::with_capacity(self.0.len() + 2);
        for c in self.0.chars() {
            if matches!(c, '_' | '%' | '\\') {
                s.push('\\');
            }
            s.push(c);
        }
        Ident(s)
    }
}

crate::core::quote::quoted! {
    /// Text inside a `--` comment (the drift check's fix script echoes names and words
    /// read back from a paste): control characters written as `\u{a}`, … (MySQL ends
    /// the comment at LF, and the rest of the line would run).
    ///
    /// ```
    /// use grantsmith::core::backend::mysql::Comment;
    /// assert_eq!(Comment::new("_x\nGO").to_string(), "_x\\u{a}GO");
    /// ```
    Comment => |f, text| crate::core::quote::comment(f, text)
}

/// An account, `'user'@'host'`.
///
/// ```
/// use grantsmith::core::backend::mysql::Account;
/// assert_eq!(Account::new("o'neil", "%").to_string(), "'o''neil'@'%'");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    user: String,
    host: String,
}

impl Account {
    /// The account of `user` signing in from `host`.
    pub fn new(user: &str, host: &str) -> Self {
        Account {
            user: user.into(),
            host: host.into(),
        }
    }

    /// The user part as a string literal (`mysql.user.User`).
    pub fn user(&self) -> Str {
        Str::new(&self.user)
    }

    /// The host part as a string literal (`mysql.user.Host`).
    pub fn host(&self) -> Str {
        Str::new(&self.host)
    }

    /// How `information_schema` names it in `GRANTEE`: `'user'@'host'`, as text.
    pub fn grantee(&self) -> Str {
        Str(format!("'{}'@'{}'", self.user, self.host))
    }
}

impl fmt::Display for Account {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}@{}", Str::new(&self.user), Str::new(&self.host))
    }
}
