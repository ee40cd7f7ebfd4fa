//! How much an expression costs PostgreSQL's compiler, roughly.

/// What an expression costs PostgreSQL's compiler, roughly: its states once bounds are
/// copied out, whether it can match nothing, and how many copies of a part that can
/// match nothing it holds (their empty arcs grow with the square: on PostgreSQL 16,
/// `((a*){30}){30}` compiles and `((a*){40}){40}` is "too complex", as is
/// `(a{255}){255}` while `(a{150}){150}` compiles; the nullable ones take PostgreSQL
/// 48 s to compile and 79 s to refuse).
#[derive(Clone, Copy)]
pub(super) struct Cost {
    pub(super) size: u64,
    pub(super) null: bool,
    pub(super) empty: u64,
}

pub(super) const ONE: Cost = Cost {
    size: 1,
    null: false,
    empty: 0,
};

impl Cost {
    pub(super) fn then(self, o: Cost) -> Cost {
        Cost {
            size: self.size.saturating_add(o.size),
            null: self.null && o.null,
            empty: self.empty.saturating_add(o.empty),
        }
    }

    /// `{min,copies}`.
    pub(super) fn times(self, min: u64, copies: u64) -> Cost {
        let null = self.null || min == 0;
        let mut empty = self.empty.saturating_mul(copies);
        if min == 0 && self.empty == 0 {
            empty = empty.saturating_add(copies);
        }
        Cost {
            size: self.size.saturating_mul(copies),
            null,
            empty,
        }
    }
}
