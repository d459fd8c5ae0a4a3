//! Records as their query pages send them, kept between queries while nothing is written:
//! reading a large object page after page renders each record once, not once per page and
//! per export. Any write (of anything: a record, the schema, an option) starts a new
//! generation of the workspace and empties the cache, so a cached record is always the one
//! rendering it now would give.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use serde_json::Value;
use uuid::Uuid;

/// Rendered records of one generation of the workspace.
#[derive(Default)]
pub(crate) struct RenderCache {
    inner: Mutex<Generation>,
}

#[derive(Default)]
struct Generation {
    number: u64,
    records: HashMap<(String, Uuid), Arc<str>>,
}

impl RenderCache {
    /// The body `{"data":[…]}` of `items` of `owner`, each rendered by `render` unless it
    /// was rendered in this `generation` of the workspace already.
    pub(crate) fn data_list<'a, T: 'a>(
        &self,
        generation: u64,
        owner: &str,
        items: impl IntoIterator<Item = (Uuid, &'a T)>,
        render: impl Fn(&T) -> Value,
    ) -> String {
        let mut cache = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        if cache.number != generation {
            cache.number = generation;
            cache.records.clear();
        }
        let mut body = String::from("{\"data\":[");
        for (i, (id, item)) in items.into_iter().enumerate() {
            if i > 0 {
                body.push(',');
            }
            let rendered = cache
                .records
                .entry((owner.to_owned(), id))
                .or_insert_with(|| Arc::from(render(item).to_string()));
            body.push_str(rendered);
        }
        body.push_str("]}");
        body
    }
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    use serde_json::json;

    use super::*;

    #[test]
    fn a_record_is_rendered_once_per_generation() {
        let cache = RenderCache::default();
        let renders = Cell::new(0);
        let render = |n: &u32| {
            renders.set(renders.get() + 1);
            json!({ "n": n })
        };
        let (a, b) = (Uuid::from_u128(1), Uuid::from_u128(2));
        let items = [(a, &1u32), (b, &2u32)];
        let body = cache.data_list(7, "items", items, render);
        assert_eq!(body, r#"{"data":[{"n":1},{"n":2}]}"#);
        let again = cache.data_list(7, "items", items, render);
        assert_eq!(again, body);
        assert_eq!(renders.get(), 2);
        // Another generation renders again.
        let after_a_write = cache.data_list(8, "items", [(a, &5u32)], render);
        assert_eq!(after_a_write, r#"{"data":[{"n":5}]}"#);
        assert_eq!(renders.get(), 3);
        assert_eq!(cache.data_list(8, "items", [], render), r#"{"data":[]}"#);
    }
}
