//! An axum extractor for deliveries (feature `axum`).

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{FromRef, FromRequest, Request};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use super::decode::{Delivery, decode};
use super::dedup::IDEMPOTENCY_KEY;
use super::signature::{Headers, verify_headers};
use crate::error::{Error, WebhookError};

/// The webhook's secret, as the router's state gives it to [`Verified`] (through
/// [`FromRef`]: make it the state, or a field of a state that implements
/// `FromRef<State> for WebhookSecret`). It never appears in `Debug`.
#[derive(Clone)]
pub struct WebhookSecret(Arc<str>);

impl WebhookSecret {
    /// The secret Attio returned when the webhook was created.
    pub fn new(secret: impl Into<Arc<str>>) -> Self {
        WebhookSecret(secret.into())
    }
}

impl std::fmt::Debug for WebhookSecret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("WebhookSecret(…)")
    }
}

/// A delivery whose signature was verified over the raw body, decoded.
///
/// Rejects with 401 when the signature is missing, malformed or wrong, and with 400 when
/// the body is not a delivery.
///
/// ```no_run
/// use axum::{Router, routing::post};
/// use attio_core::webhook::{Verified, WebhookSecret};
///
/// async fn handle(Verified { delivery, .. }: Verified) -> &'static str {
///     for event in &delivery.events {
///         println!("{:?}", event.event_type());
///     }
///     "ok"
/// }
///
/// let app: Router = Router::new()
///     .route("/attio", post(handle))
///     .with_state(WebhookSecret::new("the webhook's secret"));
/// ```
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Verified {
    /// The decoded delivery.
    pub delivery: Delivery,
    /// The `Idempotency-Key` header, the same across redeliveries (see
    /// [`Dedup`](super::Dedup)).
    pub idempotency_key: Option<String>,
}

/// Why [`Verified`] refused a request.
#[derive(Debug)]
#[non_exhaustive]
pub enum Rejection {
    /// The signature is missing, malformed or wrong: 401.
    Signature(WebhookError),
    /// The body could not be read or is not a delivery: 400.
    Body(String),
}

impl IntoResponse for Rejection {
    fn into_response(self) -> Response {
        match self {
            Rejection::Signature(e) => (StatusCode::UNAUTHORIZED, e.to_string()).into_response(),
            Rejection::Body(e) => (StatusCode::BAD_REQUEST, e).into_response(),
        }
    }
}

impl<S> FromRequest<S> for Verified
where
    S: Send + Sync,
    WebhookSecret: FromRef<S>,
{
    type Rejection = Rejection;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let secret = WebhookSecret::from_ref(state);
        let headers = req.headers().clone();
        let body = Bytes::from_request(req, state)
            .await
            .map_err(|e| Rejection::Body(e.body_text()))?;
        verify_headers(&secret.0, &headers, &body).map_err(Rejection::Signature)?;
        let delivery = decode(&body).map_err(|e: Error| Rejection::Body(e.to_string()))?;
        Ok(Verified {
            delivery,
            idempotency_key: headers.header(IDEMPOTENCY_KEY).map(str::to_owned),
        })
    }
}
