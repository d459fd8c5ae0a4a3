//! [`Filter`]: a filter expression and its logical combinators.

use std::fmt;
use std::marker::PhantomData;

use serde_json::{Value, json};
use uuid::Uuid;

/// A filter on records of the model `R`, in Attio's verbose syntax.
///
/// Built from attribute handles (`p.job_title.eq("CTO")`), combined with `and`, `or`, `!`,
/// or given as raw JSON with [`Filter::raw`]. `Display` shows the JSON sent.
pub struct Filter<R> {
    json: Value,
    _model: PhantomData<fn() -> R>,
}

impl<R> Filter<R> {
    /// A filter written in Attio's JSON syntax, unchecked.
    ///
    /// ```
    /// # use attio_core::filter::Filter;
    /// let f = Filter::<()>::raw(serde_json::json!({"job_title": "CTO"}));
    /// assert_eq!(f.to_string(), r#"{"job_title":"CTO"}"#);
    /// ```
    pub fn raw(json: Value) -> Self {
        Filter {
            json,
            _model: PhantomData,
        }
    }

    /// Both filters: `{"$and":[self, other]}` (flattened when either side already is one).
    #[must_use]
    pub fn and(self, other: Filter<R>) -> Self {
        Filter::all([self, other])
    }

    /// Either filter: `{"$or":[self, other]}` (flattened when either side already is one).
    #[must_use]
    pub fn or(self, other: Filter<R>) -> Self {
        Filter::any([self, other])
    }

    /// The opposite: `{"$not": self}`. Attio accepts `$not` around a single comparison.
    #[must_use]
    #[allow(clippy::should_implement_trait)] // it is implemented too: `!filter`
    pub fn not(self) -> Self {
        Filter::raw(json!({ "$not": self.json }))
    }

    /// Every filter: `{"$and":[…]}`. No filter at all matches every record.
    pub fn all(filters: impl IntoIterator<Item = Filter<R>>) -> Self {
        Filter::raw(json!({ "$and": flatten("$and", filters) }))
    }

    /// Any of the filters: `{"$or":[…]}`. No filter at all matches no record.
    pub fn any(filters: impl IntoIterator<Item = Filter<R>>) -> Self {
        Filter::raw(json!({ "$or": flatten("$or", filters) }))
    }

    /// Records whose id is one of `ids`: `{"record_id":{"$in":[…]}}`.
    ///
    /// ```
    /// # use attio_core::filter::Filter;
    /// let id = uuid::Uuid::nil();
    /// assert_eq!(
    ///     Filter::<()>::record_id_in([id]).to_string(),
    ///     r#"{"record_id":{"$in":["00000000-0000-0000-0000-000000000000"]}}"#
    /// );
    /// ```
    pub fn record_id_in(ids: impl IntoIterator<Item = Uuid>) -> Self {
        let ids: Vec<Value> = ids
            .into_iter()
            .map(|id| Value::String(id.to_string()))
            .collect();
        Filter::raw(json!({ "record_id": { "$in": ids } }))
    }

    /// The JSON sent.
    pub fn as_json(&self) -> &Value {
        &self.json
    }

    /// The JSON sent, by value.
    pub fn into_json(self) -> Value {
        self.json
    }
}

/// The operands of a logical operator, with nested uses of the same operator spliced in.
fn flatten<R>(op: &str, filters: impl IntoIterator<Item = Filter<R>>) -> Vec<Value> {
    let mut out = Vec::new();
    for f in filters {
        match f.json {
            Value::Object(mut m) if m.len() == 1 && m.get(op).is_some_and(Value::is_array) => {
                if let Some(Value::Array(inner)) = m.remove(op) {
                    out.extend(inner);
                }
            }
            other => out.push(other),
        }
    }
    out
}

impl<R> std::ops::Not for Filter<R> {
    type Output = Filter<R>;
    fn not(self) -> Filter<R> {
        Filter::not(self)
    }
}

impl<R> Clone for Filter<R> {
    fn clone(&self) -> Self {
        Filter::raw(self.json.clone())
    }
}

impl<R> PartialEq for Filter<R> {
    fn eq(&self, other: &Self) -> bool {
        self.json == other.json
    }
}

impl<R> fmt::Debug for Filter<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Filter({})", self.json)
    }
}

impl<R> fmt::Display for Filter<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.json, f)
    }
}
