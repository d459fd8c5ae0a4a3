//! Dropping redeliveries by their `Idempotency-Key`.

use std::collections::{HashSet, VecDeque};

use super::signature::Headers;

/// The header that names a message, the same across Attio's retries and redeliveries.
pub const IDEMPOTENCY_KEY: &str = "Idempotency-Key";

/// Remembers the `Idempotency-Key`s of the last `capacity` deliveries, so that a
/// redelivery (Attio retries up to 10 times over about 3 days) is handled once. Memory is
/// bounded: past `capacity`, the oldest key is forgotten first.
///
/// Share one between handlers behind a `Mutex`.
///
/// ```
/// use attio_core::webhook::Dedup;
///
/// let mut seen = Dedup::new(2);
/// assert!(seen.first_time("a"));
/// assert!(!seen.first_time("a"));
/// assert!(seen.first_time("b"));
/// assert!(seen.first_time("c")); // forgets "a"
/// assert!(seen.first_time("a"));
/// ```
#[derive(Debug, Clone)]
pub struct Dedup {
    capacity: usize,
    seen: HashSet<String>,
    order: VecDeque<String>,
}

impl Dedup {
    /// Remembers up to `capacity` keys (at least 1).
    pub fn new(capacity: usize) -> Self {
        let capacity = capacity.max(1);
        Dedup {
            capacity,
            seen: HashSet::with_capacity(capacity.min(4096)),
            order: VecDeque::with_capacity(capacity.min(4096)),
        }
    }

    /// Whether `key` is new; it is remembered from now on.
    pub fn first_time(&mut self, key: &str) -> bool {
        if self.seen.contains(key) {
            return false;
        }
        if self.order.len() == self.capacity
            && let Some(oldest) = self.order.pop_front()
        {
            self.seen.remove(&oldest);
        }
        self.seen.insert(key.to_owned());
        self.order.push_back(key.to_owned());
        true
    }

    /// [`Dedup::first_time`] for the delivery's `Idempotency-Key` header; a delivery
    /// without one counts as new.
    pub fn first_time_headers<H: Headers + ?Sized>(&mut self, headers: &H) -> bool {
        headers
            .header(IDEMPOTENCY_KEY)
            .is_none_or(|key| self.first_time(key))
    }

    /// How many keys are remembered.
    pub fn len(&self) -> usize {
        self.order.len()
    }

    /// Whether no key is remembered.
    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn memory_stays_bounded_and_the_oldest_key_goes_first() {
        let mut d = Dedup::new(100);
        for i in 0..1000 {
            assert!(d.first_time(&i.to_string()));
        }
        assert_eq!(d.len(), 100);
        assert!(!d.first_time("999"));
        assert!(!d.first_time("900"));
        assert!(d.first_time("899"));
    }

    #[test]
    fn reads_the_idempotency_key_header() {
        let mut d = Dedup::new(10);
        let headers = [("idempotency-key", "k1")];
        assert!(d.first_time_headers(&headers[..]));
        assert!(!d.first_time_headers(&headers[..]));
        let none: [(&str, &str); 0] = [];
        assert!(d.first_time_headers(&none[..]));
    }
}
