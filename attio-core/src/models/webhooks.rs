//! Webhooks (`/v2/webhooks`): the read shape, what a create and an update send, and the
//! subscription filters (attio-api-more.md §13.1-13.2).
//!
//! The asymmetries: the `secret` is returned only by the create ([`CreatedWebhook`]);
//! every subscription sends its `filter` key, `null` when it has none.

use std::fmt;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::event_type::EventType;
use crate::values::Timestamp;

/// A webhook: where Attio sends which events.
///
/// ```
/// use attio_core::json;
/// use attio_core::models::{Webhook, WebhookStatus};
/// use attio_core::webhook::EventType;
///
/// let body = br#"{"data":{"id":{"workspace_id":"14beef7a-99f7-4534-a87e-70b564330a4c",
///   "webhook_id":"9a1b7e5e-3c2d-4b8e-9f6a-1d2c3b4a5e6f"},
///   "target_url":"https://example.com/attio",
///   "subscriptions":[{"event_type":"record.created","filter":null}],
///   "status":"active","created_at":"2023-01-01T15:00:00.000000000Z"}}"#;
/// let webhook: Webhook = json::decode_data(body, "webhook")?;
/// assert_eq!(webhook.status, WebhookStatus::Active);
/// assert_eq!(webhook.subscriptions[0].event_type, EventType::RecordCreated);
/// # Ok::<(), attio_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct Webhook {
    /// The webhook's id.
    pub id: WebhookId,
    /// Where deliveries are POSTed.
    pub target_url: String,
    /// The events it receives.
    pub subscriptions: Vec<Subscription>,
    /// Whether it receives deliveries.
    pub status: WebhookStatus,
    /// When it was created.
    pub created_at: Timestamp,
}

/// A webhook as its create returns it: the webhook, and its `secret`, which Attio shows
/// only this once. The secret never appears in `Debug`.
#[derive(Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct CreatedWebhook {
    /// The webhook.
    #[serde(flatten)]
    pub webhook: Webhook,
    /// The secret deliveries are signed with (see [`crate::webhook::verify`]).
    pub secret: String,
}

impl fmt::Debug for CreatedWebhook {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CreatedWebhook")
            .field("webhook", &self.webhook)
            .field("secret", &"…")
            .finish()
    }
}

impl std::ops::Deref for CreatedWebhook {
    type Target = Webhook;

    fn deref(&self) -> &Webhook {
        &self.webhook
    }
}

/// A webhook's full id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
pub struct WebhookId {
    /// The workspace.
    pub workspace_id: Uuid,
    /// The webhook: what [`Webhooks::get`](crate::api::Webhooks::get) takes, and a
    /// delivery's `webhook_id`.
    pub webhook_id: Uuid,
}

impl fmt::Display for WebhookId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.webhook_id, f)
    }
}

/// Whether a webhook receives deliveries: `active` and `degraded` ones do (a webhook
/// turns `degraded` when a delivery's retries run out), `inactive` ones do not (degraded
/// for 7 days).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(from = "String", into = "String")]
#[non_exhaustive]
pub enum WebhookStatus {
    /// `active`
    Active,
    /// `degraded`
    Degraded,
    /// `inactive`
    Inactive,
    /// A status this version does not know, kept as sent.
    Other(String),
}

impl WebhookStatus {
    /// Attio's spelling.
    pub fn as_str(&self) -> &str {
        match self {
            WebhookStatus::Active => "active",
            WebhookStatus::Degraded => "degraded",
            WebhookStatus::Inactive => "inactive",
            WebhookStatus::Other(s) => s,
        }
    }
}

impl From<String> for WebhookStatus {
    fn from(s: String) -> Self {
        match s.as_str() {
            "active" => WebhookStatus::Active,
            "degraded" => WebhookStatus::Degraded,
            "inactive" => WebhookStatus::Inactive,
            _ => WebhookStatus::Other(s),
        }
    }
}

impl From<WebhookStatus> for String {
    fn from(status: WebhookStatus) -> Self {
        match status {
            WebhookStatus::Other(s) => s,
            known => known.as_str().to_owned(),
        }
    }
}

/// One subscription: an event type, and the filter its events must pass (`None`: all).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct Subscription {
    /// The event type.
    pub event_type: EventType,
    /// The filter; sent as `null` when `None` (Attio requires the key).
    pub filter: Option<SubscriptionFilter>,
}

impl Subscription {
    /// Every event of `event_type`.
    pub fn new(event_type: EventType) -> Self {
        Subscription {
            event_type,
            filter: None,
        }
    }

    /// The events of `event_type` that pass `filter`.
    pub fn filtered(event_type: EventType, filter: SubscriptionFilter) -> Self {
        Subscription {
            event_type,
            filter: Some(filter),
        }
    }
}

/// A subscription's filter: conditions on the event's payload, all of which (`$and`) or
/// one of which (`$or`) must hold. One level only.
///
/// ```
/// use attio_core::models::{Condition, SubscriptionFilter};
///
/// let object_id = uuid::Uuid::nil();
/// let filter = SubscriptionFilter::all([
///     Condition::equals("id.object_id", object_id),
///     Condition::not_equals("actor.type", "system"),
/// ]);
/// assert_eq!(
///     serde_json::to_string(&filter).unwrap(),
///     r#"{"$and":[{"field":"id.object_id","operator":"equals","value":"00000000-0000-0000-0000-000000000000"},{"field":"actor.type","operator":"not_equals","value":"system"}]}"#
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub enum SubscriptionFilter {
    /// `$and`: every condition holds.
    #[serde(rename = "$and")]
    All(Vec<Condition>),
    /// `$or`: one condition holds.
    #[serde(rename = "$or")]
    Any(Vec<Condition>),
}

impl SubscriptionFilter {
    /// `$and` of `conditions`.
    pub fn all(conditions: impl IntoIterator<Item = Condition>) -> Self {
        SubscriptionFilter::All(conditions.into_iter().collect())
    }

    /// `$or` of `conditions`.
    pub fn any(conditions: impl IntoIterator<Item = Condition>) -> Self {
        SubscriptionFilter::Any(conditions.into_iter().collect())
    }
}

/// One condition of a filter: a field of the event payload in dot notation (`id.object_id`,
/// `actor.type`, `parent_object_id`, …) compared as text with a value.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct Condition {
    /// The field, in dot notation.
    pub field: String,
    /// The comparison.
    pub operator: FilterOperator,
    /// The value, as text (UUIDs as their hyphenated form).
    pub value: String,
}

impl Condition {
    /// `field` equals `value`.
    pub fn equals(field: impl Into<String>, value: impl fmt::Display) -> Self {
        Condition {
            field: field.into(),
            operator: FilterOperator::Equals,
            value: value.to_string(),
        }
    }

    /// `field` does not equal `value`.
    pub fn not_equals(field: impl Into<String>, value: impl fmt::Display) -> Self {
        Condition {
            field: field.into(),
            operator: FilterOperator::NotEquals,
            value: value.to_string(),
        }
    }
}

/// The comparison of a [`Condition`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FilterOperator {
    /// `equals`
    Equals,
    /// `not_equals`
    NotEquals,
}

/// A webhook to create: its target URL (https) and subscriptions.
///
/// ```
/// use attio_core::models::NewWebhook;
/// use attio_core::webhook::EventType;
///
/// let new = NewWebhook::new("https://example.com/attio").subscribe(EventType::RecordCreated);
/// assert_eq!(
///     String::from_utf8(new.to_body()).unwrap(),
///     r#"{"data":{"target_url":"https://example.com/attio","subscriptions":[{"event_type":"record.created","filter":null}]}}"#
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct NewWebhook {
    /// Where deliveries are POSTed; Attio requires `https://`.
    pub target_url: String,
    /// The events it receives.
    pub subscriptions: Vec<Subscription>,
}

impl NewWebhook {
    /// A webhook posting to `target_url`, with no subscription yet.
    pub fn new(target_url: impl Into<String>) -> Self {
        NewWebhook {
            target_url: target_url.into(),
            subscriptions: Vec::new(),
        }
    }

    /// Subscribes to every event of `event_type`.
    pub fn subscribe(mut self, event_type: EventType) -> Self {
        self.subscriptions.push(Subscription::new(event_type));
        self
    }

    /// Subscribes to the events of `event_type` that pass `filter`.
    pub fn subscribe_filtered(mut self, event_type: EventType, filter: SubscriptionFilter) -> Self {
        self.subscriptions
            .push(Subscription::filtered(event_type, filter));
        self
    }

    /// The create's body, `{"data":{…}}`.
    pub fn to_body(&self) -> Vec<u8> {
        data_body(self)
    }
}

/// A change to a webhook: only what is set is sent; `subscriptions` replaces the list.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[non_exhaustive]
pub struct WebhookUpdate {
    /// A new target URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_url: Option<String>,
    /// New subscriptions, replacing the old ones.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subscriptions: Option<Vec<Subscription>>,
}

impl WebhookUpdate {
    /// Sets the target URL.
    pub fn target_url(mut self, target_url: impl Into<String>) -> Self {
        self.target_url = Some(target_url.into());
        self
    }

    /// Replaces the subscriptions.
    pub fn subscriptions(mut self, subscriptions: impl IntoIterator<Item = Subscription>) -> Self {
        self.subscriptions = Some(subscriptions.into_iter().collect());
        self
    }

    /// The update's body, `{"data":{…}}`.
    pub fn to_body(&self) -> Vec<u8> {
        data_body(self)
    }
}

/// `{"data": value}`.
fn data_body<T: Serialize>(value: &T) -> Vec<u8> {
    #[derive(Serialize)]
    struct Data<'a, T> {
        data: &'a T,
    }
    serde_json::to_vec(&Data { data: value }).expect("strings and enums always serialize")
}

#[cfg(test)]
mod tests {
    use super::*;

    const WEBHOOK: &str = r#"{"id":{"workspace_id":"14beef7a-99f7-4534-a87e-70b564330a4c",
        "webhook_id":"9a1b7e5e-3c2d-4b8e-9f6a-1d2c3b4a5e6f"},
        "target_url":"https://example.com/attio",
        "subscriptions":[{"event_type":"record.updated","filter":{"$or":[
            {"field":"id.attribute_id","operator":"equals","value":"a"},
            {"field":"actor.type","operator":"not_equals","value":"system"}]}},
          {"event_type":"activity.created","filter":null}],
        "status":"degraded","created_at":"2023-01-01T15:00:00.000000000Z","#;

    #[test]
    fn the_created_webhook_keeps_its_secret_out_of_debug() {
        let body = format!(r#"{{"data":{WEBHOOK}"secret":"s3cr3t"}}}}"#);
        let created: CreatedWebhook = crate::json::decode_data(body.as_bytes(), "webhook").unwrap();
        assert_eq!(created.secret, "s3cr3t");
        assert_eq!(created.status, WebhookStatus::Degraded);
        assert!(!format!("{created:?}").contains("s3cr3t"));
        let filter = created.subscriptions[0].filter.as_ref().unwrap();
        assert!(
            matches!(filter, SubscriptionFilter::Any(c) if c.len() == 2 && c[1].operator == FilterOperator::NotEquals)
        );
        assert_eq!(
            created.subscriptions[1].event_type,
            EventType::Other("activity.created".into())
        );
    }

    #[test]
    fn an_update_sends_only_what_is_set() {
        assert_eq!(WebhookUpdate::default().to_body(), br#"{"data":{}}"#);
        let update =
            WebhookUpdate::default().subscriptions([Subscription::new(EventType::NoteCreated)]);
        assert_eq!(
            String::from_utf8(update.to_body()).unwrap(),
            r#"{"data":{"subscriptions":[{"event_type":"note.created","filter":null}]}}"#
        );
    }
}
