//! `GET /v2/self` (the token's identity) and the workspace members.

use axum::extract::Path;
use axum::routing::get;
use serde_json::{Value, json};

use super::class::Routes;
use super::extract::{Db, Out, data, data_list, path_uuid};
use crate::error::ApiError;
use crate::model::{Member, State};
use crate::values::fmt_ts;

/// The meta routes.
pub(super) fn routes() -> Routes {
    Routes::new()
        .route("/v2/self", get(self_info))
        .route("/v2/workspace_members", get(list_members))
        .route(
            "/v2/workspace_members/{workspace_member_id}",
            get(get_member),
        )
}

async fn self_info(store: Db) -> axum::Json<Value> {
    let st = store.read();
    axum::Json(json!({
        "active": true,
        "scope": "record_permission:read-write object_configuration:read-write user_management:read",
        "client_id": st.token_id.to_string(),
        "token_type": "Bearer",
        "exp": null,
        "iat": st.objects.first().map(|o| o.created_at.timestamp()).unwrap_or(0),
        "sub": st.workspace_id.to_string(),
        "aud": st.token_id.to_string(),
        "iss": "attio.com",
        "authorized_by_workspace_member_id": st.members.first().map(|m| m.id.to_string()),
        "workspace_id": st.workspace_id.to_string(),
        "workspace_name": st.workspace_name,
        "workspace_slug": st.workspace_slug,
        "workspace_logo_url": null,
    }))
}

fn member_json(st: &State, m: &Member) -> Value {
    json!({
        "id": {"workspace_id": st.workspace_id.to_string(), "workspace_member_id": m.id.to_string()},
        "first_name": m.first_name,
        "last_name": m.last_name,
        "avatar_url": null,
        "email_address": m.email_address,
        "access_level": m.access_level,
        "created_at": fmt_ts(&m.created_at),
    })
}

async fn list_members(store: Db) -> axum::Json<Value> {
    let st = store.read();
    data_list(st.members.iter().map(|m| member_json(&st, m)).collect())
}

async fn get_member(store: Db, Path(member): Path<String>) -> Out {
    let id = path_uuid("workspace_member_id", &member)?;
    let st = store.read();
    let m = st.members.iter().find(|m| m.id == id).ok_or_else(|| {
        ApiError::not_found(format!("Workspace member with ID \"{id}\" not found."))
    })?;
    Ok(data(member_json(&st, m)))
}
