//! Why an expression is refused: PostgreSQL's own words, or this page's reason for
//! the few it refuses that PostgreSQL would take.

/// Why an expression is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `***?`.
    BadPattern,
    /// `[[..]]`: an empty collating element.
    Collate,
    /// `[[:nope:]]`.
    Ctype,
    /// `\p{L}`, `\z`, a short `\u`.
    Escape,
    /// `\2` with one group, or inside its own group or a lookaround.
    Subreg,
    /// `[a`.
    Brack,
    /// `(a`.
    Paren,
    /// `a{2`.
    Brace,
    /// `a{2,1}`, `a{256}`.
    BadBound,
    /// `[z-a]`, `[a-\d]`.
    Range,
    /// `*a`, `a**`, `^*`, `(?i)` after the start.
    BadRepeat,
    /// `(?z)`.
    BadOption,
    /// `\b` outside brackets (PostgreSQL accepts it: a backspace).
    Backspace,
    /// `\B` (PostgreSQL accepts it: a backslash).
    Backslash,
    /// `(?b)`, `(?e)`: basic or extended syntax, not checked here.
    OtherSyntax,
    /// `[[.space.]]`: a named collating element, not checked here.
    CollatingName,
    /// `\é`: refused by PostgreSQL under collations that call it a letter.
    NonAsciiEscape,
    /// Too many states once bounds are expanded (`MAX_SIZE`, `MAX_EMPTY`).
    Complex,
}

impl Kind {
    /// PostgreSQL's own words where it refuses the expression (after "invalid regular
    /// expression: "), else why it is refused here.
    pub fn words(self) -> &'static str {
        match self {
            Kind::BadPattern => "invalid regexp (reg version 0.8)",
            Kind::Collate => "invalid collating element",
            Kind::Ctype => "invalid character class",
            Kind::Escape => "invalid escape \\ sequence",
            Kind::Subreg => "invalid backreference number",
            Kind::Brack => "brackets [] not balanced",
            Kind::Paren => "parentheses () not balanced",
            Kind::Brace => "braces {} not balanced",
            Kind::BadBound => "invalid repetition count(s)",
            Kind::Range => "invalid character range",
            Kind::BadRepeat => "quantifier operand invalid",
            Kind::BadOption => "invalid embedded option",
            Kind::Backspace => "\\b is a backspace in PostgreSQL's regular expressions; use \\m and \\M (or \\y) for word boundaries",
            Kind::Backslash => "\\B is a backslash in PostgreSQL's regular expressions; use \\Y for \"not at a word boundary\", or \\\\ for a backslash",
            Kind::OtherSyntax => "(?b) and (?e) switch to basic or extended syntax, which this page does not check: write an advanced expression",
            Kind::CollatingName => "named collating elements ([[.name.]]) are not checked here: write the character itself",
            Kind::NonAsciiEscape => "a backslash before a character outside ASCII is an invalid escape under collations that call it a letter or digit: leave the backslash out",
            Kind::Complex => "too complex once its repetitions are expanded (PostgreSQL may refuse it as too complex): simplify the nested bounds",
        }
    }

    /// What to change, where PostgreSQL's words alone may not say.
    fn hint(self) -> &'static str {
        match self {
            Kind::BadPattern => "***: and ***= are the prefixes",
            Kind::Ctype => "alnum, alpha, ascii, blank, cntrl, digit, graph, lower, print, punct, space, upper, word, xdigit",
            Kind::Escape => "there is no \\p{…}, \\h, \\z or \\k here; \\d \\s \\w \\m \\M \\y \\A \\Z are",
            Kind::Subreg => "\\n must come after the n-th group has closed, outside lookaround",
            Kind::BadBound => "{m,n} needs m ≤ n ≤ 255",
            Kind::Range => "a range runs from a lower to a higher character, and a class cannot end one",
            Kind::BadRepeat => "*, +, ? and {…} need an atom before them; options like (?i) go at the very start",
            Kind::BadOption => "b c e i m n p q s t w x",
            _ => "",
        }
    }

    /// The reason shown next to the field.
    pub fn message(self) -> String {
        let by = if self.postgres_refuses() {
            "PostgreSQL refuses it: "
        } else {
            ""
        };
        match self.hint() {
            "" => format!("{by}{}", self.words()),
            h => format!("{by}{} ({h})", self.words()),
        }
    }

    /// Whether PostgreSQL refuses it too; the rest are refused here only, each for its
    /// reason.
    pub fn postgres_refuses(self) -> bool {
        !matches!(
            self,
            Kind::Backspace
                | Kind::Backslash
                | Kind::OtherSyntax
                | Kind::CollatingName
                | Kind::NonAsciiEscape
                | Kind::Complex
        )
    }
}
