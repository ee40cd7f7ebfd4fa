//! The tokens of an advanced regular expression, read as PostgreSQL's lexer reads them
//! (`src/backend/regex/regc_lex.c`, Henry Spencer's; the syntax is documented in
//! PostgreSQL's "9.7.3. POSIX Regular Expressions"): the same contexts (outside
//! brackets, inside them, in a bound, in `[. .]`, `[= =]`, `[: :]`) and the same
//! escapes, so an expression is refused at the token PostgreSQL refuses it at.

use super::Kind;

/// A token. Values matter only where the parser checks them (ranges, bounds, backrefs).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Tok {
    Eos,
    Plain(u32),
    /// `-` between two bracket items.
    Range,
    Digit(u32),
    Comma,
    RBrace,
    LBrace,
    /// `*`, `+`, `?` (greedy or not: the same to the syntax); true for `+`, which
    /// needs one match.
    Quant(bool),
    Bar,
    /// `(`: capturing or not.
    LParen(bool),
    RParen,
    /// `(?=`, `(?!`, `(?<=`, `(?<!`.
    Lacon,
    LBrack,
    RBrack,
    /// `[.`, `[=`, `[:` inside brackets, and the `.]`, `=]`, `:]` that end them.
    Collel,
    Eclass,
    Cclass,
    End,
    /// `^ $ \A \Z \m \M \y \Y [[:<:]] [[:>:]]`: they match no character.
    Constraint,
    Dot,
    /// `\d \s \w` and their complements.
    ClassEscape,
    Backref(u32),
}

/// Where the lexer is.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Con {
    Are,
    Bound,
    Brack,
    /// Inside `[. .]`, `[= =]` or `[: :]`: the character that ends it.
    Name(char),
}

pub(super) struct Lexer {
    pub(super) s: Vec<char>,
    pub(super) at: usize,
    pub(super) con: Con,
    /// `(?x)`: white space and `#` comments outside brackets are ignored.
    pub(super) expanded: bool,
    pub(super) last: Tok,
    /// Capturing groups opened so far (the backref heuristic reads it).
    pub(super) opened: u32,
}

pub(super) type R<T> = Result<T, Kind>;

impl Lexer {
    pub(super) fn peek(&self, k: usize) -> Option<char> {
        self.s.get(self.at + k).copied()
    }

    pub(super) fn eos(&self) -> bool {
        self.at >= self.s.len()
    }

    /// Skips white space and `#…` comments, as `(?x)` asks.
    fn skip(&mut self) {
        loop {
            while self
                .peek(0)
                .is_some_and(|c| c.is_ascii_whitespace() || c == '\u{b}')
            {
                self.at += 1;
            }
            if self.peek(0) != Some('#') {
                break;
            }
            while self.peek(0).is_some_and(|c| c != '\n') {
                self.at += 1;
            }
        }
    }

    /// The next token.
    pub(super) fn next(&mut self) -> R<Tok> {
        let t = self.token()?;
        self.last = t;
        Ok(t)
    }

    fn token(&mut self) -> R<Tok> {
        if self.expanded && matches!(self.con, Con::Are | Con::Bound) {
            self.skip();
        }
        let Some(c) = self.peek(0) else {
            return match self.con {
                Con::Are => Ok(Tok::Eos),
                Con::Bound => Err(Kind::Brace),
                _ => Err(Kind::Brack),
            };
        };
        self.at += 1;
        match self.con {
            Con::Bound => self.bound(c),
            Con::Brack => self.brack(c),
            Con::Name(end) => Ok(if c == end && self.peek(0) == Some(']') {
                self.at += 1;
                self.con = Con::Brack;
                Tok::End
            } else {
                Tok::Plain(c as u32)
            }),
            Con::Are => self.are(c),
        }
    }

    fn bound(&mut self, c: char) -> R<Tok> {
        match c {
            '0'..='9' => Ok(Tok::Digit(c as u32 - '0' as u32)),
            ',' => Ok(Tok::Comma),
            '}' => {
                self.con = Con::Are;
                if self.peek(0) == Some('?') {
                    self.at += 1;
                }
                Ok(Tok::RBrace)
            }
            _ => Err(Kind::BadBound),
        }
    }

    fn brack(&mut self, c: char) -> R<Tok> {
        Ok(match c {
            ']' if self.last == Tok::LBrack => Tok::Plain(c as u32),
            ']' => {
                self.con = Con::Are;
                Tok::RBrack
            }
            '\\' => {
                if self.eos() {
                    return Err(Kind::Escape);
                }
                match self.escape(true)? {
                    t @ (Tok::Plain(_) | Tok::ClassEscape) => t,
                    _ => return Err(Kind::Escape),
                }
            }
            '-' if self.last == Tok::LBrack || self.peek(0) == Some(']') => Tok::Plain(c as u32),
            '-' => Tok::Range,
            '[' => {
                let Some(k) = self.peek(0) else {
                    return Err(Kind::Brack);
                };
                let (tok, end) = match k {
                    '.' => (Tok::Collel, '.'),
                    '=' => (Tok::Eclass, '='),
                    ':' => (Tok::Cclass, ':'),
                    _ => return Ok(Tok::Plain(c as u32)),
                };
                self.at += 1;
                self.con = Con::Name(end);
                tok
            }
            _ => Tok::Plain(c as u32),
        })
    }

    fn are(&mut self, c: char) -> R<Tok> {
        let lazy = |l: &mut Lexer| {
            if l.peek(0) == Some('?') {
                l.at += 1;
            }
        };
        Ok(match c {
            '|' => Tok::Bar,
            '*' | '+' | '?' => {
                lazy(self);
                Tok::Quant(c == '+')
            }
            '{' => {
                if self.expanded {
                    self.skip();
                }
                if self.peek(0).is_some_and(|d| d.is_ascii_digit()) {
                    self.con = Con::Bound;
                    Tok::LBrace
                } else {
                    Tok::Plain(c as u32)
                }
            }
            '(' if self.peek(0) == Some('?') => {
                self.at += 1;
                let k = self.peek(0).ok_or(Kind::BadRepeat)?;
                self.at += 1;
                match k {
                    ':' => Tok::LParen(false),
                    '#' => {
                        while self.peek(0).is_some_and(|c| c != ')') {
                            self.at += 1;
                        }
                        if !self.eos() {
                            self.at += 1;
                        }
                        return self.token();
                    }
                    '=' | '!' => Tok::Lacon,
                    '<' => match self.peek(0) {
                        Some('=' | '!') => {
                            self.at += 1;
                            Tok::Lacon
                        }
                        _ => return Err(Kind::BadRepeat),
                    },
                    // `(?i)` anywhere but the very start: PostgreSQL reads `(?` as a
                    // quantifier with nothing before it.
                    _ => return Err(Kind::BadRepeat),
                }
            }
            '(' => Tok::LParen(true),
            ')' => Tok::RParen,
            '[' => {
                let word_edge: Vec<char> = self.s[self.at..].iter().take(6).copied().collect();
                if matches!(word_edge.as_slice(), ['[', ':', '<' | '>', ':', ']', ']']) {
                    self.at += 6;
                    return Ok(Tok::Constraint);
                }
                self.con = Con::Brack;
                if self.peek(0) == Some('^') {
                    self.at += 1;
                }
                Tok::LBrack
            }
            '.' => Tok::Dot,
            '^' | '$' => Tok::Constraint,
            '\\' => {
                if self.eos() {
                    return Err(Kind::Escape);
                }
                self.escape(false)?
            }
            _ => Tok::Plain(c as u32),
        })
    }
}
