//! xorshift64*: a tiny seeded generator for the property tests, so a printed seed
//! replays a failing case exactly.
// Each test crate includes this file and uses part of it.
#![allow(dead_code)]

pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

impl Rng {
    /// `GS_SEED` when set (to replay a printed failure), else the clock: each run draws
    /// new cases.
    pub fn env_seed() -> u64 {
        std::env::var("GS_SEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| {
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .unwrap()
                    .as_nanos() as u64
                    | 1
            })
    }

    /// 1 to `max` pieces of `alphabet`, joined.
    pub fn word(&mut self, alphabet: &[&str], max: usize) -> String {
        let n = 1 + self.below(max);
        (0..n)
            .map(|_| alphabet[self.below(alphabet.len())])
            .collect()
    }
}
