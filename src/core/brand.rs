//! A vendor's product on the builder: its name in labels, hints and SQL comments, and
//! the prefix of the RLS policies the original's script creates, the way "Dreamlit" is
//! in the original applet. Set by an embed's profile ([`super::profile`]); without
//! one, every text is the original's.

/// The most characters a product name may have: it goes into labels and comments.
pub const MAX_NAME_CHARS: usize = 60;
/// The most bytes of the policy prefix: it leaves 63 − 15 − 20 = 28 bytes for the role
/// part of a policy name.
const MAX_SLUG_BYTES: usize = 20;

/// The product whose builder this is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Brand {
    name: String,
    slug: String,
    user: Option<String>,
}

/// Whether a character would end a comment line or hide text in any client: control
/// characters (C0, C1) and the Unicode line and paragraph separators.
pub fn is_line_breaking(c: char) -> bool {
    c.is_control() || c == '\u{2028}' || c == '\u{2029}'
}

impl Brand {
    /// A product name: 1 to 60 characters, no control characters (it becomes part of
    /// SQL comments, where a line break would end the comment).
    ///
    /// ```
    /// use grantsmith::core::brand::Brand;
    /// let b = Brand::new(" Acme Sync ").unwrap();
    /// assert_eq!((b.name(), b.policy_prefix()), ("Acme Sync", "acme_sync"));
    /// assert!(Brand::new("Acme\n-- DROP").is_err());
    /// assert!(Brand::new("").is_err());
    /// ```
    pub fn new(name: &str) -> Result<Brand, String> {
        let name = name.trim();
        let chars = name.chars().count();
        if chars == 0 {
            return Err("the product's name is empty".into());
        }
        if chars > MAX_NAME_CHARS {
            return Err(format!(
                "the product's name has {chars} characters; at most {MAX_NAME_CHARS} fit the labels"
            ));
        }
        if name.chars().any(is_line_breaking) {
            return Err("the product's name has a line break or control character".into());
        }
        Ok(Brand {
            name: name.to_string(),
            slug: slug(name),
            user: None,
        })
    }

    /// The same brand whose default user name is `user` (what an empty user field
    /// stands for).
    pub fn with_user(self, user: &str) -> Brand {
        let user = super::text::js_trim(user);
        Brand {
            user: (!user.is_empty()).then(|| user.to_string()),
            ..self
        }
    }

    /// The default user name, when the profile gives one.
    pub fn user(&self) -> Option<&str> {
        self.user.as_deref()
    }

    /// The name as given.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The RLS policy name prefix: the name's ASCII letters and digits, lower-cased,
    /// other runs as `_` (`dreamlit` for the original).
    pub fn policy_prefix(&self) -> &str {
        &self.slug
    }

    /// The comment line put first in every SQL script written for the product.
    ///
    /// ```
    /// use grantsmith::core::brand::Brand;
    /// assert_eq!(Brand::new("Acme").unwrap().sql_header(), "-- For Acme. Written by Grantsmith.\n");
    /// ```
    pub fn sql_header(&self) -> String {
        format!("-- For {}. Written by Grantsmith.\n", self.name)
    }
}

/// `Acme Sync 2!` → `acme_sync_2`; a name with no ASCII letter or digit → `integration`.
fn slug(name: &str) -> String {
    let mut s = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            s.push(c.to_ascii_lowercase());
        } else if !s.is_empty() && !s.ends_with('_') {
            s.push('_');
        }
    }
    s.truncate(MAX_SLUG_BYTES);
    let s = s.trim_end_matches('_');
    if s.is_empty() {
        "integration".into()
    } else {
        s.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_identifier_safe_and_bounded() {
        for (name, want) in [
            ("Dreamlit", "dreamlit"),
            ("<img src=x onerror=alert(1)>", "img_src_x_onerror_al"),
            ("Ünïcode Ω", "n_code"),
            ("日本", "integration"),
            ("a'; DROP TABLE x; --", "a_drop_table_x"),
        ] {
            assert_eq!(Brand::new(name).unwrap().policy_prefix(), want, "{name}");
        }
    }

    #[test]
    fn refuses_long_names_and_line_breaks() {
        assert!(Brand::new(&"x".repeat(61))
            .unwrap_err()
            .contains("61 characters"));
        for bad in ["a\rb", "a\u{2028}b", "a\u{85}b", "a\0b"] {
            assert!(Brand::new(bad).is_err(), "{bad:?}");
        }
    }
}
