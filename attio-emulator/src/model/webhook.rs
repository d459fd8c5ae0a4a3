//! Webhooks: where events are delivered, which ones, and the secret they are signed with.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// One condition of a subscription filter: a dot path into the event, compared as text.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub(crate) struct Condition {
    pub field: String,
    /// `equals` or `not_equals`.
    pub operator: String,
    pub value: String,
}

/// A subscription's filter: `$and` (every condition) or `$or` (one condition).
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub(crate) struct Filter {
    /// `$and` (`true`) or `$or` (`false`).
    pub all: bool,
    pub conditions: Vec<Condition>,
}

/// One subscription of a webhook.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub(crate) struct Subscription {
    pub event_type: String,
    /// `None`: every event of the type passes.
    pub filter: Option<Filter>,
}

/// A webhook.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub(crate) struct WebhookDef {
    pub id: Uuid,
    pub target_url: String,
    pub subscriptions: Vec<Subscription>,
    /// `active`, `degraded` or `inactive`.
    pub status: String,
    /// 64 hex digits; shown only by the create.
    pub secret: String,
    pub created_at: DateTime<Utc>,
}
