//! Filters and sorts on the attributes of an entry's **parent record**, moved onto the
//! `parent_record` path Attio needs: a filter naming a parent attribute directly on an
//! entries query matches nothing (no error), so the typed API always builds the path.

use serde_json::{Map, Value, json};

/// The pseudo-attribute of an entry that leads to its parent record.
const PARENT_RECORD: &str = "parent_record";

/// `filter`, written on the attributes of `object`, as a filter on the entries of `list`
/// whose parent record matches it: each attribute condition becomes
/// `{"path":[[list,"parent_record"],[object,attribute]],"constraints":…}`, a condition on
/// `record_id` becomes `{"path":[[list,"parent_record"]],"constraints":{"record_id":…}}`,
/// and `$and`, `$or` and `$not` keep their shape.
pub(super) fn filter(list: &str, object: &str, filter: Value) -> Value {
    match filter {
        Value::Object(map) => {
            let mut parts: Vec<Value> = map
                .into_iter()
                .map(|(key, value)| condition(list, object, key, value))
                .collect();
            if parts.len() == 1 {
                parts.pop().unwrap_or(Value::Null)
            } else {
                json!({ "$and": parts })
            }
        }
        // Not a filter object: left for Attio to refuse as it would.
        other => other,
    }
}

fn condition(list: &str, object: &str, key: String, value: Value) -> Value {
    match key.as_str() {
        "$and" | "$or" => {
            let inner = match value {
                Value::Array(items) => {
                    Value::Array(items.into_iter().map(|f| filter(list, object, f)).collect())
                }
                other => other,
            };
            one(key, inner)
        }
        "$not" => one(key, filter(list, object, value)),
        "record_id" => json!({
            "path": [[list, PARENT_RECORD]],
            "constraints": { "record_id": value },
        }),
        _ => json!({
            "path": [[list, PARENT_RECORD], [object, key]],
            "constraints": value,
        }),
    }
}

fn one(key: String, value: Value) -> Value {
    let mut map = Map::with_capacity(1);
    map.insert(key, value);
    Value::Object(map)
}

/// `sort`, written on an attribute of `object` (`{"direction","attribute","field"?}`), as a
/// sort of the entries of `list` by that attribute of their parent record:
/// `{"direction","path":[[list,"parent_record"],[object,attribute]],"field"?}`.
pub(super) fn sort(list: &str, object: &str, sort: Value) -> Value {
    match sort {
        Value::Object(mut map) => {
            if let Some(Value::String(attribute)) = map.remove("attribute") {
                map.insert(
                    "path".to_owned(),
                    json!([[list, PARENT_RECORD], [object, attribute]]),
                );
            }
            Value::Object(map)
        }
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_attribute_condition_gets_the_parent_record_path() {
        assert_eq!(
            filter("sales", "companies", json!({"name": {"$eq": "Acme"}})),
            json!({
                "path": [["sales", "parent_record"], ["companies", "name"]],
                "constraints": {"$eq": "Acme"}
            })
        );
    }

    #[test]
    fn combinators_keep_their_shape_and_record_ids_stop_at_the_parent() {
        let f = json!({"$or": [
            {"name": {"$contains": "A"}},
            {"$not": {"record_id": {"$in": ["x"]}}}
        ]});
        assert_eq!(
            filter("sales", "companies", f),
            json!({"$or": [
                {"path": [["sales", "parent_record"], ["companies", "name"]],
                 "constraints": {"$contains": "A"}},
                {"$not": {"path": [["sales", "parent_record"]],
                          "constraints": {"record_id": {"$in": ["x"]}}}}
            ]})
        );
        // Two keys in one object are two conditions, both to hold.
        let two = filter("sales", "companies", json!({"a": 1, "b": 2}));
        assert_eq!(two["$and"].as_array().map(Vec::len), Some(2));
    }

    #[test]
    fn a_sort_names_the_path_in_place_of_the_attribute() {
        assert_eq!(
            sort(
                "sales",
                "companies",
                json!({"direction": "asc", "attribute": "name", "field": "x"})
            ),
            json!({
                "direction": "asc",
                "path": [["sales", "parent_record"], ["companies", "name"]],
                "field": "x"
            })
        );
    }
}
