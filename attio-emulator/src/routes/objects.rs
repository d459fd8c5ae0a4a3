//! Objects: list, get and create.

use axum::extract::Path;
use axum::routing::get;
use serde_json::Value;

use super::class::Routes;
use super::extract::{Db, JsonBody, Out, body_data, data, data_list, req_str};
use crate::store::schema::{self, find_object, invalid_slug, object_json, valid_slug};

/// The object routes.
pub(super) fn routes() -> Routes {
    Routes::new()
        .route("/v2/objects", get(list_objects).post(create_object))
        .route("/v2/objects/{object}", get(get_object))
}

async fn list_objects(store: Db) -> axum::Json<Value> {
    let st = store.read();
    data_list(st.objects.iter().map(|o| object_json(&st, o)).collect())
}

async fn get_object(store: Db, Path(object): Path<String>) -> Out {
    let st = store.read();
    let o = find_object(&st, &object)?;
    Ok(data(object_json(&st, &o)))
}

async fn create_object(store: Db, JsonBody(body): JsonBody) -> Out {
    let d = body_data(&body)?;
    let slug = req_str(d, "api_slug", 1)?;
    let singular = req_str(d, "singular_noun", 1)?;
    let plural = req_str(d, "plural_noun", 1)?;
    if !valid_slug(slug) {
        return Err(invalid_slug(slug));
    }
    let mut st = store.write();
    let o = schema::create_object(&mut st, slug, singular, plural)?;
    store.stored();
    Ok(data(object_json(&st, &o)))
}
