//! A script cut into statements, so the dry run can show each notice and error at the
//! statement that raised it. The cut is at a `;` outside strings, quoted names, dollar
//! quotes and comments, as PostgreSQL's own lexer reads them (psql splits the same way
//! before it sends each statement): `'…'` with `''` inside, `E'…'` with backslash
//! escapes, `"…"`, `$tag$…$tag$`, `-- …` to the end of the line and `/* … */`, which
//! nests. (PostgreSQL docs, "Lexical Structure", 4.1.2.2-4.1.2.4 and 4.1.5.)

/// The pieces of `sql`, each ending with its `;` (the last may not), so that joining
/// them gives `sql` back byte for byte.
///
/// ```
/// use grantsmith::core::backend::postgres::dry_run::split::pieces;
/// let sql = "SELECT ';';\nDO $$ BEGIN NULL; END $$;\n-- a; comment\n";
/// let p = pieces(sql);
/// assert_eq!(p, ["SELECT ';';", "\nDO $$ BEGIN NULL; END $$;", "\n-- a; comment\n"]);
/// assert_eq!(p.concat(), sql);
/// ```
pub fn pieces(sql: &str) -> Vec<&str> {
    let b = sql.as_bytes();
    let mut out = Vec::new();
    let (mut start, mut i) = (0, 0);
    while i < b.len() {
        i = match b[i] {
            b';' => {
                out.push(&sql[start..=i]);
                start = i + 1;
                i + 1
            }
            b'\'' => quoted(b, i + 1, b'\'', escapes_before(b, i)),
            b'"' => quoted(b, i + 1, b'"', false),
            b'-' if b.get(i + 1) == Some(&b'-') => b[i..]
                .iter()
                .position(|&c| c == b'\n')
                .map_or(b.len(), |n| i + n + 1),
            b'/' if b.get(i + 1) == Some(&b'*') => block_comment(b, i + 2),
            b'$' => dollar(sql, i),
            _ => i + 1,
        };
    }
    if start < b.len() {
        out.push(&sql[start..]);
    }
    out
}

/// The statements of `sql`: its pieces less those holding only blanks and comments,
/// trimmed of the blanks and comment lines before the statement.
pub fn statements(sql: &str) -> Vec<String> {
    pieces(sql)
        .into_iter()
        .filter_map(|p| {
            let body = strip_leading(p);
            (!body.trim_end_matches(';').trim().is_empty()).then(|| body.to_string())
        })
        .collect()
}

/// `p` without the blanks and `--` lines before its first token.
fn strip_leading(mut p: &str) -> &str {
    loop {
        p = p.trim_start();
        match p.strip_prefix("--") {
            Some(rest) => p = rest.find('\n').map_or("", |n| &rest[n + 1..]),
            None => return p,
        }
    }
}

/// Whether the quote at `i` opens an escape string (`E'…'`, a lone `E` before it).
fn escapes_before(b: &[u8], i: usize) -> bool {
    i > 0
        && matches!(b[i - 1], b'E' | b'e')
        && (i < 2 || !(b[i - 2].is_ascii_alphanumeric() || b[i - 2] == b'_'))
}

/// The index after the `close` that ends a quoted run starting at `i`; a doubled
/// `close` stays inside, and so does a backslash-escaped byte in an escape string.
fn quoted(b: &[u8], mut i: usize, close: u8, backslash: bool) -> usize {
    while i < b.len() {
        if backslash && b[i] == b'\\' {
            i += 2;
        } else if b[i] == close {
            if b.get(i + 1) == Some(&close) {
                i += 2;
            } else {
                return i + 1;
            }
        } else {
            i += 1;
        }
    }
    b.len()
}

/// The index after a `/* … */` comment whose body starts at `i` (comments nest).
fn block_comment(b: &[u8], mut i: usize) -> usize {
    let mut depth = 1;
    while i < b.len() {
        if b[i..].starts_with(b"/*") {
            depth += 1;
            i += 2;
        } else if b[i..].starts_with(b"*/") {
            depth -= 1;
            i += 2;
            if depth == 0 {
                return i;
            }
        } else {
            i += 1;
        }
    }
    b.len()
}

/// The index after a dollar-quoted string opening at `i`, or `i + 1` when the `$` is
/// not one (a parameter `$1`, or part of a name like `a$b`).
fn dollar(sql: &str, i: usize) -> usize {
    let b = sql.as_bytes();
    if i > 0 && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_' || b[i - 1] == b'$') {
        return i + 1;
    }
    let tag_len = b[i + 1..]
        .iter()
        .position(|&c| !(c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80));
    match tag_len {
        Some(n) if b[i + 1 + n] == b'$' && !b.get(i + 1).is_some_and(u8::is_ascii_digit) => {
            let tag = &sql[i..i + n + 2];
            let body = i + n + 2;
            sql[body..]
                .find(tag)
                .map_or(b.len(), |end| body + end + tag.len())
        }
        _ => i + 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_and_comments_hold_semicolons() {
        let sql = "SELECT 'a;''b', \"x;\"\"y\", E'c\\';d';/* x; /* y; */ z; */SELECT 1;\n-- q;\nSELECT $f$;$f$, $1";
        let p = pieces(sql);
        assert_eq!(p.concat(), sql);
        assert_eq!(p.len(), 3, "{p:?}");
        assert_eq!(statements(sql)[2], "SELECT $f$;$f$, $1");
    }

    #[test]
    fn tagged_dollar_quotes_need_their_own_tag() {
        let sql = "DO $body$ BEGIN EXECUTE $$x;$$; END $body$;SELECT 2;";
        assert_eq!(
            pieces(sql),
            ["DO $body$ BEGIN EXECUTE $$x;$$; END $body$;", "SELECT 2;"]
        );
    }

    #[test]
    fn blank_and_comment_only_pieces_are_not_statements() {
        assert!(statements("-- only a comment\n\n;  ").is_empty());
        assert_eq!(
            statements("-- head\nBEGIN;\n\nCOMMIT;\n"),
            ["BEGIN;", "COMMIT;"]
        );
    }
}
