//! Webhooks: managing them (`/v2/webhooks`), and following a received event up into a
//! typed record.

use futures_util::{Stream, TryStreamExt};
use reqwest::Method;
use uuid::Uuid;

use crate::error::{Error, WebhookError};
use crate::http::client::Client;
use crate::http::page::{Endpoint, Page, Paging};
use crate::http::request::{Request, Safety};
use crate::json;
use crate::models::{CreatedWebhook, NewWebhook, Webhook, WebhookUpdate};
use crate::record::{AttioRecord, Record};
use crate::webhook::Event;

/// The largest page `GET /v2/webhooks` serves (and its smallest is 10).
const PAGE_MAX: usize = 100;

/// The workspace's webhooks, borrowed from the client by [`Client::webhooks`]
/// (scopes `webhook:read`, and `webhook:read-write` to change them).
///
/// ```no_run
/// # async fn run(client: attio_core::Client) -> Result<(), attio_core::Error> {
/// use attio_core::models::NewWebhook;
/// use attio_core::webhook::EventType;
///
/// let created = client
///     .webhooks()
///     .create(&NewWebhook::new("https://example.com/attio").subscribe(EventType::RecordCreated))
///     .await?;
/// let secret: String = created.secret; // shown only now: store it
/// for webhook in client.webhooks().all().await? {
///     println!("{} → {} ({})", webhook.id, webhook.target_url, webhook.status.as_str());
/// }
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Webhooks<'c> {
    client: &'c Client,
}

impl Client {
    /// The workspace's webhooks.
    pub fn webhooks(&self) -> Webhooks<'_> {
        Webhooks { client: self }
    }

    /// The record a record event (`record.created`, `.updated`, `.deleted`, `.merged`) is
    /// about, fetched into the model `T`: `GET /v2/objects/{T's object}/records/{record_id}`.
    ///
    /// The event names its object by id only, so the check that it is `T`'s object is
    /// made on the answer: the fetched record's `id.object_id` must be the event's
    /// `object_id`, else [`WebhookError::OtherObject`] (a record id of another object is
    /// usually Attio's 404 before that). An event about no record is
    /// [`WebhookError::NotARecordEvent`]. No extra request is made.
    ///
    /// ```no_run
    /// # use attio_core::AttioRecord;
    /// # #[derive(AttioRecord)] #[attio(object = "people")] struct Person { name: Option<String> }
    /// # async fn run(client: attio_core::Client, delivery: attio_core::webhook::Delivery) -> Result<(), attio_core::Error> {
    /// for event in &delivery.events {
    ///     if event.record().is_some() {
    ///         let person = client.get_from_event::<Person>(event).await?;
    ///         println!("{:?}", person.values.name);
    ///     }
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub async fn get_from_event<T: AttioRecord>(&self, event: &Event) -> Result<Record<T>, Error> {
        let (object_id, record_id) =
            event
                .record()
                .ok_or_else(|| WebhookError::NotARecordEvent {
                    event_type: event.event_type().to_string(),
                })?;
        let record = self.get::<T>(record_id).await?;
        if record.id.object_id != object_id {
            return Err(WebhookError::OtherObject {
                object: T::OBJECT,
                object_id: record.id.object_id,
                event_object_id: object_id,
            }
            .into());
        }
        Ok(record)
    }
}

impl Webhooks<'_> {
    /// Creates a webhook: `POST /v2/webhooks`. The answer carries the `secret` deliveries
    /// are signed with, which Attio never shows again.
    ///
    /// Not resent after a lost answer (a second create would make a second webhook).
    pub async fn create(&self, webhook: &NewWebhook) -> Result<CreatedWebhook, Error> {
        let request = Request::new(Method::POST, "/v2/webhooks".to_owned(), Safety::Create)
            .body(webhook.to_body());
        self.client
            .call(&request, |body| json::decode_data(body, "webhook"))
            .await
    }

    /// Every webhook, page after page (`GET /v2/webhooks`, 100 a page).
    pub async fn all(&self) -> Result<Vec<Webhook>, Error> {
        self.stream(PAGE_MAX).try_collect().await
    }

    /// Every webhook, lazily, `page_size` a page (within 10..=100).
    pub fn stream(
        &self,
        page_size: usize,
    ) -> impl Stream<Item = Result<Webhook, Error>> + Send + use<> {
        let paging = Paging::query_offset(page_size.max(10), PAGE_MAX);
        let endpoint = Endpoint {
            base: Request::get("/v2/webhooks".to_owned()),
            body: None,
            decode: |body| json::decode_data_list(body, "webhook").map(Page::of),
        };
        self.client.pages(paging, paging.first(0), endpoint)
    }

    /// One webhook: `GET /v2/webhooks/{webhook_id}`; an unknown id is Attio's 404.
    pub async fn get(&self, webhook_id: Uuid) -> Result<Webhook, Error> {
        let request = Request::get(format!("/v2/webhooks/{webhook_id}"));
        self.client
            .call(&request, |body| json::decode_data(body, "webhook"))
            .await
    }

    /// Changes a webhook's target URL or subscriptions (which replace the old ones):
    /// `PATCH /v2/webhooks/{webhook_id}`.
    pub async fn update(&self, webhook_id: Uuid, update: &WebhookUpdate) -> Result<Webhook, Error> {
        let request = Request::new(
            Method::PATCH,
            format!("/v2/webhooks/{webhook_id}"),
            Safety::IdempotentWrite,
        )
        .body(update.to_body());
        self.client
            .call(&request, |body| json::decode_data(body, "webhook"))
            .await
    }

    /// Deletes a webhook: `DELETE /v2/webhooks/{webhook_id}`.
    pub async fn delete(&self, webhook_id: Uuid) -> Result<(), Error> {
        let request = Request::new(
            Method::DELETE,
            format!("/v2/webhooks/{webhook_id}"),
            Safety::IdempotentWrite,
        );
        self.client.call(&request, |_| Ok(())).await
    }
}
