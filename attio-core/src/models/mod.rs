//! Plain models of the API's areas beyond records: serde types for the object of each
//! response (the value of `data`), decoded with [`crate::json::decode_data`] and
//! [`crate::json::decode_data_list`] or through the client's area handles.
//!
//! Each area has its file here, beside its handle in the client: the models of workspace
//! members and of the token's identity are in `members`, those of webhooks in `webhooks`.

pub(crate) mod event_type;
mod members;
mod webhooks;

pub use members::{AccessLevel, Identity, WorkspaceMember, WorkspaceMemberId};
pub use webhooks::{
    Condition, CreatedWebhook, FilterOperator, NewWebhook, Subscription, SubscriptionFilter,
    Webhook, WebhookId, WebhookStatus, WebhookUpdate,
};
