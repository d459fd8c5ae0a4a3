//! Paired timing for ratios on a noisy machine: the two sides run in alternation, round after
//! round, so a slow stretch of the machine lands on both. Criterion times each function in
//! its own stretch; these figures back its ratios up.

use std::time::Instant;

/// The distribution of per-round ratios `a / b`.
#[derive(Debug, Clone, Copy)]
pub struct Paired {
    /// Median of the per-round ratios.
    pub median: f64,
    /// First quartile.
    pub q1: f64,
    /// Third quartile.
    pub q3: f64,
    /// Rounds measured.
    pub rounds: usize,
    /// Median time of one run of `a`, in seconds.
    pub a_secs: f64,
    /// Median time of one run of `b`, in seconds.
    pub b_secs: f64,
}

impl std::fmt::Display for Paired {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "median {:.3} (quartiles {:.3}..{:.3}, {} rounds; {} / {})",
            self.median,
            self.q1,
            self.q3,
            self.rounds,
            human(self.a_secs),
            human(self.b_secs)
        )
    }
}

/// Times `a` and `b` `iters` times each per round (after one untimed run of each), for
/// `rounds` rounds, swapping which goes first every round, and returns the distribution of
/// the ratios of the round times.
pub fn ratio(rounds: usize, iters: usize, mut a: impl FnMut(), mut b: impl FnMut()) -> Paired {
    let time = |f: &mut dyn FnMut()| {
        // An untimed run first, so neither side pays for the state the other left behind
        // (caches, the allocator's free lists).
        f();
        let start = Instant::now();
        for _ in 0..iters {
            f();
        }
        start.elapsed().as_secs_f64()
    };
    let (mut ratios, mut a_times, mut b_times) = (Vec::new(), Vec::new(), Vec::new());
    for round in 0..rounds.max(1) {
        let (ta, tb) = if round % 2 == 0 {
            let ta = time(&mut a);
            (ta, time(&mut b))
        } else {
            let tb = time(&mut b);
            (time(&mut a), tb)
        };
        ratios.push(ta / tb);
        a_times.push(ta / iters.max(1) as f64);
        b_times.push(tb / iters.max(1) as f64);
    }
    Paired {
        median: quantile(&mut ratios, 0.5),
        q1: quantile(&mut ratios, 0.25),
        q3: quantile(&mut ratios, 0.75),
        rounds: ratios.len(),
        a_secs: quantile(&mut a_times, 0.5),
        b_secs: quantile(&mut b_times, 0.5),
    }
}

fn quantile(v: &mut [f64], q: f64) -> f64 {
    v.sort_by(f64::total_cmp);
    v[((v.len() - 1) as f64 * q).round() as usize]
}

fn human(secs: f64) -> String {
    if secs >= 1e-3 {
        format!("{:.2} ms", secs * 1e3)
    } else {
        format!("{:.1} µs", secs * 1e6)
    }
}
