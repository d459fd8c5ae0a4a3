//! Cross-object search (attio-api.md §1.1, attio-api-more.md §14): names, email addresses,
//! phone numbers, domains and social handles of people and companies, and the label of
//! other records, matched case-insensitively, word by word.
//!
//! Attio's search is eventually consistent; the emulator's is consistent at once (a client
//! that copes with the first copes with the second).

use serde_json::{Map, Value, json};

use crate::model::{ObjectDef, Owner, Record, State};
use crate::rules::render::render_values;

/// Social handle attributes searched on people and companies.
const HANDLES: [&str; 5] = ["linkedin", "twitter", "facebook", "instagram", "angellist"];

/// What one record offers a search: its label, the texts a query may match, and the
/// lists people and companies answer with.
struct Searchable {
    label: String,
    texts: Vec<String>,
    emails: Vec<String>,
    phones: Vec<String>,
    domains: Vec<String>,
}

/// The first `limit` records of `objects` matching `query` (every word of it found in one
/// of a record's searchable texts), as search results; an empty query matches every
/// record. Records whose label starts with the query come first, then creation order.
pub(crate) fn search(st: &State, query: &str, objects: &[ObjectDef], limit: usize) -> Vec<Value> {
    let query = query.trim().to_lowercase();
    let words: Vec<&str> = query.split_whitespace().collect();
    let mut found: Vec<(bool, Value)> = Vec::new();
    for object in objects {
        for record in st.items(&object.key()) {
            let s = searchable(st, object, record);
            let matches = words
                .iter()
                .all(|w| s.texts.iter().any(|t| t.to_lowercase().contains(w)));
            if matches {
                let first = !query.is_empty() && s.label.to_lowercase().starts_with(&query);
                found.push((first, result(st, object, record, s)));
            }
        }
    }
    found.sort_by_key(|(first, _)| !*first);
    found.into_iter().take(limit).map(|(_, v)| v).collect()
}

/// The searchable texts of a record, from its read shape.
fn searchable(st: &State, object: &ObjectDef, record: &Record) -> Searchable {
    let values = render_values(st, object, record);
    let strings = |slug: &str, field: &str| -> Vec<String> {
        values
            .get(slug)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|v| v.get(field).and_then(Value::as_str))
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect()
    };
    let name = strings("name", "full_name")
        .into_iter()
        .chain(strings("name", "value"))
        .next();
    match object.api_slug.as_str() {
        "people" | "companies" => {
            let emails = strings("email_addresses", "email_address");
            let phones = strings("phone_numbers", "original_phone_number");
            let domains = strings("domains", "domain");
            let handles: Vec<String> = HANDLES.iter().flat_map(|h| strings(h, "value")).collect();
            let label = name
                .clone()
                .or_else(|| emails.first().cloned())
                .or_else(|| domains.first().cloned())
                .unwrap_or_default();
            let texts = name
                .into_iter()
                .chain(emails.iter().cloned())
                .chain(phones.iter().cloned())
                .chain(domains.iter().cloned())
                .chain(handles)
                .collect();
            Searchable {
                label,
                texts,
                emails,
                phones,
                domains,
            }
        }
        _ => {
            let label = name.or_else(|| first_text(&values)).unwrap_or_default();
            Searchable {
                texts: vec![label.clone()],
                label,
                emails: vec![],
                phones: vec![],
                domains: vec![],
            }
        }
    }
}

/// The first non-empty text value of a record without a `name`: its label elsewhere.
fn first_text(values: &Map<String, Value>) -> Option<String> {
    values.values().find_map(|vals| {
        let v = vals.as_array()?.first()?;
        (v.get("attribute_type")?.as_str()? == "text")
            .then(|| v.get("value")?.as_str().map(str::to_owned))
            .flatten()
            .filter(|s| !s.is_empty())
    })
}

/// A search result: the record's id, label and image, its object's slug, and the email
/// addresses and phone numbers of a person or the domains of a company.
fn result(st: &State, object: &ObjectDef, record: &Record, s: Searchable) -> Value {
    let mut out = json!({
        "id": {
            "workspace_id": st.workspace_id.to_string(),
            "object_id": object.id.to_string(),
            "record_id": record.id.to_string(),
        },
        "record_text": s.label,
        "record_image": null,
        "object_slug": object.api_slug,
    });
    match object.api_slug.as_str() {
        "people" => {
            out["email_addresses"] = json!(s.emails);
            out["phone_numbers"] = json!(s.phones);
        }
        "companies" => out["domains"] = json!(s.domains),
        _ => {}
    }
    out
}
