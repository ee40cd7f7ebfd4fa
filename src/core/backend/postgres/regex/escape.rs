//! What follows a backslash (`lexescape` in `regc_lex.c`; PostgreSQL's "9.7.3.3.
//! Regular Expression Escapes": character-entry, class-shorthand and constraint
//! escapes, and back references).

use super::lex::{Lexer, Tok, R};
use super::Kind;

/// The largest character value PostgreSQL's regex engine takes (`CHR_MAX`).
const CHR_MAX: u32 = 0x7fff_fffe;

impl Lexer {
    /// Up to `max` digits of `base` (at least `min`), wrapping as PostgreSQL's unsigned
    /// arithmetic does.
    pub(super) fn digits(&mut self, base: u32, min: usize, max: usize) -> R<u32> {
        let mut n: u32 = 0;
        let mut len = 0;
        while len < max {
            match self
                .peek(0)
                .and_then(|c| c.to_digit(16))
                .filter(|d| *d < base)
            {
                Some(d) => n = n.wrapping_mul(base).wrapping_add(d),
                None => break,
            }
            self.at += 1;
            len += 1;
        }
        if len < min {
            return Err(Kind::Escape);
        }
        Ok(n)
    }

    /// After a backslash (`lexescape`). `in_brackets`: `\b` is a backspace in other
    /// engines' brackets too, so it is refused outside them only.
    pub(super) fn escape(&mut self, in_brackets: bool) -> R<Tok> {
        let c = self.s[self.at];
        self.at += 1;
        if !c.is_ascii() {
            // A letter or digit outside ASCII is an unknown escape wherever the
            // collation calls it one (not in C): refused here, whatever the collation
            // (telling letters apart would bring Unicode's tables into the page).
            return Err(Kind::NonAsciiEscape);
        }
        if !c.is_ascii_alphanumeric() {
            return Ok(Tok::Plain(c as u32));
        }
        Ok(match c {
            // Other engines' word boundary and its negation are a backspace and a
            // backslash here: such a filter would match nothing.
            'b' if !in_brackets => return Err(Kind::Backspace),
            'B' => return Err(Kind::Backslash),
            'a' => Tok::Plain(7),
            'b' => Tok::Plain(8),
            'e' => Tok::Plain(27),
            'f' => Tok::Plain(12),
            'n' => Tok::Plain(10),
            'r' => Tok::Plain(13),
            't' => Tok::Plain(9),
            'v' => Tok::Plain(11),
            'A' | 'Z' | 'm' | 'M' | 'y' | 'Y' => Tok::Constraint,
            'c' => {
                let k = self.peek(0).ok_or(Kind::Escape)?;
                self.at += 1;
                Tok::Plain(k as u32 & 0o37)
            }
            'd' | 'D' | 's' | 'S' | 'w' | 'W' => Tok::ClassEscape,
            'u' | 'U' | 'x' => {
                let (min, max) = match c {
                    'u' => (4, 4),
                    'U' => (8, 8),
                    _ => (1, 255),
                };
                let v = self.digits(16, min, max)?;
                if v > CHR_MAX {
                    return Err(Kind::Escape);
                }
                Tok::Plain(v)
            }
            '1'..='9' => {
                let save = self.at;
                self.at -= 1;
                let n = self.digits(10, 1, 255)?;
                if self.at == save || (n as i32 > 0 && n <= self.opened) {
                    return Ok(Tok::Backref(n));
                }
                // Not a backreference after all: an octal escape.
                self.at = save - 1;
                self.octal()?
            }
            '0' => {
                self.at -= 1;
                self.octal()?
            }
            _ => return Err(Kind::Escape),
        })
    }

    fn octal(&mut self) -> R<Tok> {
        let mut v = self.digits(8, 1, 3)?;
        if v > 0xff {
            self.at -= 1;
            v >>= 3;
        }
        Ok(Tok::Plain(v))
    }
}
