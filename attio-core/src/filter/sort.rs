//! [`Sort`]: one sort of a query.

use std::fmt;
use std::marker::PhantomData;

use serde_json::{Value, json};

/// A sort on records of the model `R`: `{"attribute":"name","direction":"asc","field":"last_name"}`.
///
/// ```
/// use attio_core::AttioRecord;
/// use attio_core::values::PersonalName;
/// # #[derive(AttioRecord)]
/// # #[attio(object = "people")]
/// # struct Person { name: Option<PersonalName> }
/// let s = Person::attrs().name.desc_by("last_name");
/// assert_eq!(s.to_string(), r#"{"attribute":"name","direction":"desc","field":"last_name"}"#);
/// ```
pub struct Sort<R> {
    json: Value,
    _model: PhantomData<fn() -> R>,
}

impl<R> Sort<R> {
    pub(super) fn new(direction: &str, attribute: &str, field: Option<&str>) -> Self {
        let mut json = json!({ "direction": direction, "attribute": attribute });
        if let Some(field) = field {
            json["field"] = Value::String(field.to_owned());
        }
        Sort {
            json,
            _model: PhantomData,
        }
    }

    /// A sort written in Attio's JSON syntax, unchecked (e.g. with a drill-down `path`).
    pub fn raw(json: Value) -> Self {
        Sort {
            json,
            _model: PhantomData,
        }
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

impl<R> Clone for Sort<R> {
    fn clone(&self) -> Self {
        Sort::raw(self.json.clone())
    }
}

impl<R> PartialEq for Sort<R> {
    fn eq(&self, other: &Self) -> bool {
        self.json == other.json
    }
}

impl<R> fmt::Debug for Sort<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Sort({})", self.json)
    }
}

impl<R> fmt::Display for Sort<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.json, f)
    }
}
