//! Scripted faults: the nth request of a method and path answered with a fault, once.

use crate::config::{Injected, ScriptedFault};

/// A scripted fault and the matching requests counted since it was added.
struct Armed {
    fault: ScriptedFault,
    seen: u64,
}

/// Every scripted fault not yet fired.
#[derive(Default)]
pub(super) struct Scripted {
    armed: Vec<Armed>,
}

impl Scripted {
    /// Adds a fault; its count starts now.
    pub(super) fn add(&mut self, fault: ScriptedFault) {
        self.armed.push(Armed { fault, seen: 0 });
    }

    /// Counts a request of `method` on `path` against every armed fault, and returns the
    /// answer of the first one it fires (fired faults are removed).
    pub(super) fn check(&mut self, method: &str, path: &str) -> Option<Injected> {
        let mut fired = None;
        self.armed.retain_mut(|a| {
            if !a.fault.method.eq_ignore_ascii_case(method) || a.fault.path != path {
                return true;
            }
            a.seen += 1;
            if a.seen < a.fault.nth {
                return true;
            }
            fired.get_or_insert(a.fault.answer);
            false
        });
        fired
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_nth_matching_request_fails_once() {
        let mut s = Scripted::default();
        s.add(ScriptedFault::new("post", "/v2/q", 3, Injected::Error503));
        let answers: Vec<_> = (0..6)
            .map(|i| {
                if i == 1 {
                    s.check("GET", "/v2/q") // another method does not count
                } else {
                    s.check("POST", "/v2/q")
                }
            })
            .collect();
        assert_eq!(
            answers,
            [None, None, None, Some(Injected::Error503), None, None]
        );
        assert_eq!(s.check("POST", "/v2/other"), None);
    }

    #[test]
    fn a_first_request_fault_fires_at_once() {
        let mut s = Scripted::default();
        s.add(ScriptedFault::new("GET", "/v2/self", 1, Injected::TooMany));
        s.add(ScriptedFault::new("GET", "/v2/self", 2, Injected::Error500));
        assert_eq!(s.check("GET", "/v2/self"), Some(Injected::TooMany));
        assert_eq!(s.check("GET", "/v2/self"), Some(Injected::Error500));
        assert_eq!(s.check("GET", "/v2/self"), None);
    }
}
