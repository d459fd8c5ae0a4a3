//! The records area: the records of an object in their read shape. Writes, queries and
//! history go through the owner-generic item operations with the object as owner.

use serde_json::{Value, json};

use crate::model::{ObjectDef, Owner, Record, State};
use crate::rules::render::render_values;
use crate::values::fmt_ts;

/// The `web_url` path noun of an object: `person`, `company`, …
fn url_noun(o: &ObjectDef) -> String {
    o.singular_noun.to_lowercase().replace(' ', "-")
}

/// Renders a record in the read shape of the record endpoints.
pub(crate) fn render_record(state: &State, object: &ObjectDef, rec: &Record) -> Value {
    json!({
        "id": {
            "workspace_id": state.workspace_id.to_string(),
            "object_id": object.id.to_string(),
            "record_id": rec.id.to_string(),
        },
        "created_at": fmt_ts(&rec.created_at),
        "web_url": format!("https://app.attio.com/{}/{}/{}", state.workspace_slug, url_noun(object), rec.id),
        "values": render_values(state, object, rec),
    })
}

/// Every record of `object` in its read shape, in creation order.
pub(crate) fn render_all(state: &State, object: &ObjectDef) -> Vec<Value> {
    state
        .items(&object.key())
        .map(|r| render_record(state, object, r))
        .collect()
}
