//! Receiving webhooks: verify a delivery's signature, decode its typed events, drop
//! redeliveries. Usable without the HTTP client; with the feature `axum`, an extractor
//! does the first two steps.
//!
//! ```
//! use attio_core::webhook::{self, Event};
//!
//! # let secret = "the webhook's secret";
//! # let body: &[u8] = br#"{"webhook_id":"9a1b7e5e-3c2d-4b8e-9f6a-1d2c3b4a5e6f","events":[]}"#;
//! # let signature_header_value = webhook::sign(secret, body);
//! // Verify the signature over the raw body, then decode.
//! webhook::verify(secret, &signature_header_value, body)?;
//! let delivery = webhook::decode(body)?;
//! for event in &delivery.events {
//!     if let Event::RecordCreated { object_id, record_id, .. } = event {
//!         println!("record {record_id} created in object {object_id}");
//!     }
//! }
//! # Ok::<(), attio_core::Error>(())
//! ```
//!
//! The scheme (attio-api-more.md §13.5): `Attio-Signature`, and the same value in
//! `X-Attio-Signature`, is the hex HMAC-SHA256 of the raw body keyed with the webhook's
//! secret; there is no timestamp. Attio delivers at least once and retries a failed
//! delivery up to 10 times over about 3 days, with the same `Idempotency-Key` header:
//! [`Dedup`] remembers the recent ones.

#[cfg(feature = "axum")]
mod axum;
mod decode;
mod dedup;
mod event;
mod signature;

#[cfg(feature = "axum")]
#[cfg_attr(docsrs, doc(cfg(feature = "axum")))]
pub use self::axum::{Rejection, Verified, WebhookSecret};
pub use crate::error::WebhookError;
pub use crate::models::event_type::EventType;
pub use decode::{Delivery, decode};
pub use dedup::{Dedup, IDEMPOTENCY_KEY};
pub use event::Event;
pub use signature::{Headers, SIGNATURE_HEADERS, sign, signature_of, verify, verify_headers};
