//! OAuth 2.0 pages (attio-api-more.md §16), served beside the API at the emulator's base
//! URL as Attio serves them at `https://app.attio.com`: `GET /authorize` (the user allows
//! the app at once and is redirected back with `code` and `state`) and
//! `POST /oauth/token` (form-encoded, or JSON). Neither needs an API key.

use axum::body::Bytes;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde_json::{Value, json};

use super::class::Routes;
use super::extract::{Db, Params};
use crate::error::{ApiError, ApiResult};
use crate::store::oauth::Exchange;

/// The routes that are OAuth pages, not API calls.
pub(crate) const PAGES: [&str; 2] = ["/authorize", "/oauth/token"];

/// The OAuth routes.
pub(super) fn routes() -> Routes {
    Routes::new()
        .route(PAGES[0], get(authorize))
        .route(PAGES[1], post(token))
}

/// A missing query parameter of the authorize page.
fn missing(key: &str) -> ApiError {
    ApiError::validation(format!("The query parameter \"{key}\" is required."))
}

async fn authorize(store: Db, q: Params) -> ApiResult<Response> {
    let client_id = q.get("client_id").ok_or_else(|| missing("client_id"))?;
    let redirect_uri = q
        .get("redirect_uri")
        .ok_or_else(|| missing("redirect_uri"))?;
    if q.get("response_type") != Some("code") {
        return Err(ApiError::validation(
            "The query parameter \"response_type\" must be \"code\".",
        ));
    }
    let code = store.oauth.grant(client_id, redirect_uri)?;
    let mut to = reqwest::Url::parse(redirect_uri)
        .map_err(|_| ApiError::validation("The redirect_uri is not a URL."))?;
    {
        let mut pairs = to.query_pairs_mut();
        pairs.append_pair("code", &code);
        if let Some(state) = q.get("state") {
            pairs.append_pair("state", state);
        }
    }
    Ok((StatusCode::FOUND, [(header::LOCATION, to.to_string())]).into_response())
}

async fn token(store: Db, headers: HeaderMap, body: Bytes) -> ApiResult<Response> {
    let json = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("json"));
    let fields: Vec<(String, String)> = if json {
        match serde_json::from_slice::<Value>(&body) {
            Ok(Value::Object(m)) => m
                .into_iter()
                .filter_map(|(k, v)| v.as_str().map(|s| (k, s.to_owned())))
                .collect(),
            _ => return Err(ApiError::validation("The body is not a JSON object.")),
        }
    } else {
        let text = String::from_utf8_lossy(&body);
        reqwest::Url::parse(&format!("http://form/?{text}"))
            .map(|u| u.query_pairs().into_owned().collect())
            .map_err(|_| ApiError::validation("The body is not form-encoded."))?
    };
    let field = |k: &str| {
        fields
            .iter()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.as_str())
    };
    let token = store.oauth.exchange(&Exchange {
        grant_type: field("grant_type"),
        code: field("code"),
        client_id: field("client_id"),
        client_secret: field("client_secret"),
        redirect_uri: field("redirect_uri"),
    })?;
    Ok(axum::Json(json!({ "access_token": token, "token_type": "Bearer" })).into_response())
}
