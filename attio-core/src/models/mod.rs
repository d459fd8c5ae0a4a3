//! Plain models of the API's areas beyond records: serde types for the object of each
//! response (the value of `data`), decoded with [`crate::json::decode_data`] and
//! [`crate::json::decode_data_list`] or through the client's area handles.
//!
//! Each area has its file here, beside its handle in the client: the models of workspace
//! members and of the token's identity are in `members`; lists in `lists`; the workspace
//! schema (objects, their and lists' attributes, select options and statuses) in `objects`,
//! `attributes` (read), `new_attribute` (written) and `options`; webhooks in `webhooks`.

mod attributes;
mod entries;
pub(crate) mod event_type;
mod lists;
mod members;
mod new_attribute;
mod objects;
mod options;
mod webhooks;

pub use attributes::{
    Attribute, AttributeConfig, AttributeId, CurrencyConfig, CurrencyDisplay, DefaultValue,
    RecordReferenceConfig, Relationship,
};
pub use entries::RecordEntry;
pub use lists::{
    List, ListAccessLevel, ListId, ListUpdate, MemberAccess, NewList, WorkspaceAccess,
};
pub use members::{AccessLevel, Identity, WorkspaceMember, WorkspaceMemberId};
pub use new_attribute::{AttributeUpdate, NewAttribute, NewRelationship};
pub(crate) use objects::segment;
pub use objects::{NewObject, Object, ObjectId, ObjectUpdate, Target};
pub use options::{
    AttributeOption, AttributeOptionId, AttributeStatus, AttributeStatusId, NewStatus,
    OptionUpdate, StatusUpdate,
};
pub use webhooks::{
    Condition, CreatedWebhook, FilterOperator, NewWebhook, Subscription, SubscriptionFilter,
    Webhook, WebhookId, WebhookStatus, WebhookUpdate,
};
