//! The errors of receiving webhooks: signatures and events.

/// Why a webhook delivery or event was refused (see `attio_core::webhook`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum WebhookError {
    /// Neither `Attio-Signature` nor `X-Attio-Signature` was sent.
    #[error("the webhook delivery has no Attio-Signature (or X-Attio-Signature) header")]
    MissingSignature,
    /// The signature is not 64 hex digits (a hex HMAC-SHA256).
    #[error("the webhook delivery's signature is not a hex HMAC-SHA256 (64 hex digits)")]
    MalformedSignature,
    /// The signature does not match the body under the webhook's secret: the body was
    /// altered, or it was signed with another secret.
    #[error("the webhook delivery's signature does not match its body under this webhook's secret")]
    WrongSignature,
    /// The event is not about a record (only `record.*` events name one).
    #[error("a `{event_type}` event names no record")]
    NotARecordEvent {
        /// The event's type.
        event_type: String,
    },
    /// The event's record belongs to another object than the model's.
    #[error(
        "the event's record is in object {event_object_id}, but the model's object `{object}` is {object_id}"
    )]
    OtherObject {
        /// The model's object slug.
        object: &'static str,
        /// The model's object id, as the fetched record reports it.
        object_id: uuid::Uuid,
        /// The object id the event names.
        event_object_id: uuid::Uuid,
    },
}
