//! PostgreSQL's advanced regular expressions (AREs), checked in the page as the server
//! would check them: a filter PostgreSQL refuses is refused next to its field with
//! PostgreSQL's reason, instead of failing the script after the role was made.
//!
//! A port of the syntax checks of Spencer's regex compiler in PostgreSQL
//! (`src/backend/regex/regcomp.c`: `prefixes`, `parse`, `parsebranch`, `parseqatom`,
//! `scannum`, `brackpart`; the lexer in [`lex`]), documented in PostgreSQL's "9.7.3.
//! POSIX Regular Expressions" (9.7.3.1–9.7.3.6: ARE atoms, quantifiers, constraints,
//! bracket expressions, escapes, metasyntax; bounds up to `RE_DUP_MAX`, 255).
//! The `regex` crate reads another syntax and is not used.
//!
//! A few expressions PostgreSQL accepts are refused too, each for a reason named in
//! [`Kind::postgres_refuses`]: `\b` and `\B` (a backspace and a backslash there, a
//! word boundary elsewhere), `(?b)`/`(?e)` (other syntaxes), collating-element names,
//! escapes of non-ASCII letters (refused under some collations) and expressions
//! that expand to more than [`MAX_SIZE`] states.

mod cost;
mod escape;
mod kind;
mod lex;

use cost::{Cost, ONE};
pub use kind::Kind;
use lex::{Con, Lexer, Tok};

/// The most states an expression may expand to here (PostgreSQL's own limit, "regular
/// expression is too complex", depends on its NFA's memory; this stays below it).
pub const MAX_SIZE: u64 = 20_000;

/// The most copies of parts that can match nothing (see `Cost`).
pub const MAX_EMPTY: u64 = 1_000;

/// Checks an expression as PostgreSQL's `~` would compile it.
///
/// ```
/// use grantsmith::core::backend::postgres::regex::{check, Kind};
/// assert_eq!(check("^(sales|hr)_[a-z]+$"), Ok(()));
/// assert_eq!(check("[z-a]"), Err(Kind::Range));
/// assert_eq!(check("a{2,1}"), Err(Kind::BadBound));
/// assert_eq!(check("*a"), Err(Kind::BadRepeat));
/// assert_eq!(check("\\p{L}"), Err(Kind::Escape));
/// assert_eq!(check("^(?i)s"), Err(Kind::BadRepeat));
/// assert_eq!(check("(?i)^s"), Ok(()));
/// ```
pub fn check(re: &str) -> Result<(), Kind> {
    let s: Vec<char> = re.chars().collect();
    let mut at = 0;
    if s.len() >= 4 && s[..3] == ['*'; 3] {
        match s[3] {
            '?' => return Err(Kind::BadPattern),
            '=' => return Ok(()),
            ':' => at = 4,
            _ => return Err(Kind::BadRepeat),
        }
    }
    let (mut ext, mut adv, mut quote, mut expanded) = (true, true, false, false);
    if s.len() >= at + 3 && s[at] == '(' && s[at + 1] == '?' && s[at + 2].is_ascii_alphabetic() {
        at += 2;
        while let Some(c) = s.get(at).filter(|c| c.is_ascii_alphabetic()) {
            match c {
                'b' => (ext, adv, quote) = (false, false, false),
                'e' => (ext, adv, quote) = (true, false, false),
                'q' => (ext, adv, quote) = (false, false, true),
                'x' => expanded = true,
                't' => expanded = false,
                'c' | 'i' | 'm' | 'n' | 'p' | 's' | 'w' => {}
                _ => return Err(Kind::BadOption),
            }
            at += 1;
        }
        if s.get(at) != Some(&')') {
            return Err(Kind::BadOption);
        }
        at += 1;
        if quote {
            return Ok(());
        }
        if !(ext && adv) {
            return Err(Kind::OtherSyntax);
        }
    }
    let lx = Lexer {
        s,
        at,
        con: Con::Are,
        expanded,
        last: Tok::Eos,
        opened: 0,
    };
    let mut p = Parser {
        lx,
        tok: Tok::Eos,
        closed: Vec::new(),
    };
    p.advance()?;
    let cost = p.parse(false, false)?;
    if cost.size > MAX_SIZE || cost.empty > MAX_EMPTY {
        return Err(Kind::Complex);
    }
    Ok(())
}

struct Parser {
    lx: Lexer,
    tok: Tok,
    /// The capturing groups closed so far, by number.
    closed: Vec<u32>,
}

type R<T> = Result<T, Kind>;

impl Parser {
    fn advance(&mut self) -> R<()> {
        self.tok = self.lx.next()?;
        Ok(())
    }

    /// Branches up to the end, or up to the `)` of a group.
    fn parse(&mut self, in_group: bool, lacon: bool) -> R<Cost> {
        let mut all = Cost { null: false, ..ONE };
        loop {
            let mut branch = Cost { null: true, ..ONE };
            while !matches!(self.tok, Tok::Bar | Tok::Eos | Tok::RParen) {
                branch = branch.then(self.qatom(lacon)?);
            }
            all = Cost {
                null: all.null || branch.null,
                ..all.then(branch)
            };
            if self.tok != Tok::Bar {
                break;
            }
            self.advance()?;
        }
        // A group ends at its `)`, the whole at the end: a `)` with no `(` is refused
        // (only plain EREs take it as a literal).
        if in_group != (self.tok == Tok::RParen) {
            return Err(Kind::Paren);
        }
        Ok(all)
    }

    /// An atom or constraint and its quantifier (`parseqatom`).
    fn qatom(&mut self, lacon: bool) -> R<Cost> {
        let cost = match self.tok {
            Tok::Constraint => {
                self.advance()?;
                return Ok(Cost { null: true, ..ONE });
            }
            Tok::Lacon => {
                self.advance()?;
                let cost = self.parse(true, true)?;
                self.advance()?;
                return Ok(Cost { null: true, ..cost });
            }
            Tok::Quant(_) | Tok::LBrace => return Err(Kind::BadRepeat),
            Tok::Plain(_) | Tok::Dot | Tok::ClassEscape => {
                self.advance()?;
                ONE
            }
            Tok::LBrack => {
                self.advance()?;
                while self.tok != Tok::RBrack {
                    self.brackpart()?;
                }
                self.advance()?;
                ONE
            }
            Tok::LParen(cap) => {
                // Parentheses inside a lookaround capture nothing.
                let no = (cap && !lacon).then(|| {
                    self.lx.opened += 1;
                    self.lx.opened
                });
                self.advance()?;
                let cost = self.parse(true, lacon)?;
                self.advance()?;
                self.closed.extend(no);
                cost
            }
            Tok::Backref(n) => {
                if lacon || !self.closed.contains(&n) {
                    return Err(Kind::Subreg);
                }
                self.advance()?;
                // It may match an empty group.
                Cost { null: true, ..ONE }
            }
            _ => return Err(Kind::BadPattern),
        };
        let (min, copies) = match self.tok {
            Tok::Quant(plus) => {
                self.advance()?;
                (u64::from(plus), 2)
            }
            Tok::LBrace => {
                self.advance()?;
                let m = self.scannum()?;
                let n = if self.tok == Tok::Comma {
                    self.advance()?;
                    if matches!(self.tok, Tok::Digit(_)) {
                        let n = self.scannum()?;
                        if m > n {
                            return Err(Kind::BadBound);
                        }
                        n
                    } else {
                        m + 1
                    }
                } else {
                    m
                };
                if self.tok != Tok::RBrace {
                    return Err(Kind::BadBound);
                }
                self.advance()?;
                (m, n.max(1))
            }
            _ => return Ok(cost),
        };
        Ok(cost.times(min, copies))
    }

    /// A bound's number: at most `RE_DUP_MAX` (255).
    fn scannum(&mut self) -> R<u64> {
        let mut n = 0;
        while let Tok::Digit(d) = self.tok {
            if n >= 255 {
                break;
            }
            n = n * 10 + u64::from(d);
            self.advance()?;
        }
        if matches!(self.tok, Tok::Digit(_)) || n > 255 {
            return Err(Kind::BadBound);
        }
        Ok(n)
    }

    /// The text of `[. .]`, `[= =]` or `[: :]` (`scanplain`), the token after it read.
    fn name(&mut self) -> R<String> {
        self.advance()?;
        let mut name = String::new();
        while let Tok::Plain(c) = self.tok {
            name.extend(char::from_u32(c));
            self.advance()?;
        }
        self.advance()?;
        Ok(name)
    }

    /// A collating element's character: one character, or a name (not checked here).
    fn element(&mut self) -> R<u32> {
        let name = self.name()?;
        let mut chars = name.chars();
        match (chars.next(), chars.next()) {
            (None, _) => Err(Kind::Collate),
            (Some(c), None) => Ok(c as u32),
            _ => Err(Kind::CollatingName),
        }
    }

    /// One item of a bracket expression (`brackpart`).
    fn brackpart(&mut self) -> R<()> {
        let start = match self.tok {
            Tok::Plain(c) => {
                self.advance()?;
                if self.tok != Tok::Range {
                    return Ok(());
                }
                c
            }
            Tok::Collel => self.element()?,
            Tok::Eclass => return self.element().map(|_| ()),
            Tok::Cclass => {
                const CLASSES: [&str; 14] = [
                    "alnum", "alpha", "ascii", "blank", "cntrl", "digit", "graph", "lower",
                    "print", "punct", "space", "upper", "xdigit", "word",
                ];
                let name = self.name()?;
                return match CLASSES.contains(&name.as_str()) {
                    true => Ok(()),
                    false => Err(Kind::Ctype),
                };
            }
            Tok::ClassEscape => return self.advance(),
            _ => return Err(Kind::Range),
        };
        let end = if self.tok == Tok::Range {
            self.advance()?;
            match self.tok {
                Tok::Plain(c) => {
                    self.advance()?;
                    c
                }
                Tok::Range => {
                    self.advance()?;
                    '-' as u32
                }
                Tok::Collel => self.element()?,
                _ => return Err(Kind::Range),
            }
        } else {
            start
        };
        if start > end {
            return Err(Kind::Range);
        }
        Ok(())
    }
}
