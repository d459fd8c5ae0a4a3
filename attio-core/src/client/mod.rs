//! The async client: typed calls for any `#[derive(AttioRecord)]` model.
//!
//! ```no_run
//! use attio_core::{AttioRecord, Client, Record};
//! use attio_core::values::EmailAddress;
//!
//! #[derive(AttioRecord, Debug, Clone)]
//! #[attio(object = "people")]
//! struct Person {
//!     #[attio(unique)]
//!     email_addresses: Vec<EmailAddress>,
//!     job_title: Option<String>,
//! }
//!
//! # async fn run() -> Result<(), attio_core::Error> {
//! let client = Client::from_env()?;
//! let ada = Person {
//!     email_addresses: vec![EmailAddress::new("ada@example.com")?],
//!     job_title: Some("Analyst".into()),
//! };
//! let created: Record<Person> = client.create(&ada).await?;
//! let promoted = client
//!     .update(created.id.record_id, &PersonUpdate::default().job_title(Some("CTO".to_string())))
//!     .await?;
//! assert_eq!(promoted.values.job_title.as_deref(), Some("CTO"));
//! let ctos = client
//!     .query::<Person>()
//!     .filter(|p| p.job_title.eq("CTO"))
//!     .limit(50)
//!     .send()
//!     .await?;
//! # let _ = ctos;
//! client.delete::<Person>(created.id.record_id).await?;
//! # Ok(())
//! # }
//! ```
//!
//! Every call is paced against the client's read or write budget, retried as its
//! [`RetryPolicy`] allows where resending is safe, and decoded straight from the response
//! bytes by the same code as [`crate::json`].

use std::sync::Arc;

use reqwest::header::HeaderValue;
use uuid::Uuid;

use crate::attr::{Attr, Unique};
use crate::error::{ApiError, Error, ErrorCode, ValueError};
use crate::json;
use crate::record::{AttioRecord, AttioUpdate, Record};
use crate::values::{ReadValue, RecordRef, RecordTarget, Tracked};

mod builder;
mod bulk;
mod http;
mod pacing;
mod query;
mod retry;

pub use builder::{ClientBuilder, DEFAULT_BASE_URL};
pub use bulk::{Bulk, Progress};
pub use pacing::RateLimits;
pub use query::Query;
pub use retry::RetryPolicy;

use http::Call;
use retry::CallKind;

/// An async client of Attio's REST API (v2).
///
/// Cheap to clone (an [`Arc`] inside) and safe to share between tasks: clones share one
/// connection pool and one pair of read/write budgets. The API key never appears in its
/// `Debug` output, in errors or in logs.
///
/// Every call takes a model `T: AttioRecord`; the object slug, the attribute slugs and the
/// value types come from the derive, so a misspelt attribute or a value of the wrong type
/// does not compile.
///
/// | call | request |
/// |---|---|
/// | [`create`](Client::create) | `POST /v2/objects/{object}/records` |
/// | [`get`](Client::get) | `GET /v2/objects/{object}/records/{id}` |
/// | [`update`](Client::update) | `PATCH /v2/objects/{object}/records/{id}` (multiselects appended) |
/// | [`overwrite`](Client::overwrite) | `PUT /v2/objects/{object}/records/{id}` (multiselects replaced) |
/// | [`assert`](Client::assert) | `PUT /v2/objects/{object}/records?matching_attribute={slug}` |
/// | [`delete`](Client::delete) | `DELETE /v2/objects/{object}/records/{id}` |
/// | [`query`](Client::query) | `POST /v2/objects/{object}/records/query` |
/// | [`history`](Client::history) | `GET /v2/objects/{object}/records/{id}/attributes/{slug}/values?show_historic=true` |
/// | [`follow`](Client::follow) | a `get`, or a query on the target's unique attribute |
/// | [`create_many`](Client::create_many), [`update_many`](Client::update_many), [`assert_many`](Client::assert_many) | one request per record, concurrently |
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

struct Inner {
    http: reqwest::Client,
    base_url: String,
    auth: HeaderValue,
    retry: RetryPolicy,
    rate_limits: Option<RateLimits>,
    pacer: pacing::Pacer,
}

impl Client {
    /// A builder, to set the key, base URL, timeout, retries, pacing and user agent.
    ///
    /// ```
    /// let client = attio_core::Client::builder().api_key("my-key").build()?;
    /// # Ok::<(), attio_core::Error>(())
    /// ```
    pub fn builder() -> ClientBuilder {
        ClientBuilder::default()
    }

    /// A client configured from the environment: `ATTIO_API_KEY` (required) and
    /// `ATTIO_BASE_URL` (optional, default `https://api.attio.com`); everything else
    /// default.
    ///
    /// ```no_run
    /// let client = attio_core::Client::from_env()?;
    /// # Ok::<(), attio_core::Error>(())
    /// ```
    pub fn from_env() -> Result<Client, Error> {
        let key = std::env::var("ATTIO_API_KEY").map_err(|_| {
            Error::Config(
                "ATTIO_API_KEY is not set (or not valid UTF-8): set it to a workspace API key"
                    .into(),
            )
        })?;
        let mut builder = Client::builder().api_key(key);
        if let Ok(url) = std::env::var("ATTIO_BASE_URL")
            && !url.trim().is_empty()
        {
            builder = builder.base_url(url);
        }
        builder.build()
    }

    /// The base URL requests go to, e.g. `https://api.attio.com`.
    pub fn base_url(&self) -> &str {
        &self.inner.base_url
    }

    /// The retry policy.
    pub fn retry_policy(&self) -> RetryPolicy {
        self.inner.retry
    }

    /// The client-side budgets, `None` when pacing is off.
    pub fn rate_limits(&self) -> Option<RateLimits> {
        self.inner.rate_limits
    }

    /// Creates a record: `POST /v2/objects/{object}/records`.
    ///
    /// Values are checked before sending (a malformed email is an [`Error::InvalidValue`]).
    /// A create is not blindly sent twice: if its response is lost or it gets a 5xx, and
    /// the record has a value for a `#[attio(unique)]` attribute, the client looks the
    /// record up by that value (`POST …/records/query`). A record created since the create
    /// was first sent (in the server's clock, read from the lookup's `Date` header, give or
    /// take a second) is the one it stored and is returned; an older record holding the
    /// value is reported as [`ErrorCode::UniquenessConflict`] and left untouched; no record
    /// means nothing was stored, and the create is sent again. Without a unique attribute
    /// the call fails with [`Error::OutcomeUnknown`]. (A phone number, written as an
    /// object, cannot be looked up: a create keyed on one is resent as an
    /// [`assert`](Client::assert) on it.)
    ///
    /// Attio refuses a create whose unique value another record holds
    /// ([`ErrorCode::UniquenessConflict`]); use [`assert`](Client::assert) to upsert.
    ///
    /// ```no_run
    /// # use attio_core::{AttioRecord, Client};
    /// # use attio_core::values::EmailAddress;
    /// # #[derive(AttioRecord)]
    /// # #[attio(object = "people")]
    /// # struct Person { #[attio(unique)] email_addresses: Vec<EmailAddress> }
    /// # async fn run(client: Client) -> Result<(), attio_core::Error> {
    /// let ada = Person { email_addresses: vec![EmailAddress::new("ada@example.com")?] };
    /// let record = client.create(&ada).await?;
    /// println!("created {}", record.id.record_id);
    /// # Ok(())
    /// # }
    /// ```
    pub async fn create<T: AttioRecord>(&self, record: &T) -> Result<Record<T>, Error> {
        let call = create_call::<T>(json::encode_create(record)?);
        self.execute(call, json::decode_record::<T>).await
    }

    /// Fetches a record by id: `GET /v2/objects/{object}/records/{record_id}`.
    ///
    /// A record that does not exist is an [`Error::Api`] with status 404 and
    /// [`ErrorCode::NotFound`] (see [`Error::is_not_found`]).
    ///
    /// ```no_run
    /// # use attio_core::{AttioRecord, Client};
    /// # #[derive(AttioRecord)]
    /// # #[attio(object = "companies")]
    /// # struct Company { name: Option<String> }
    /// # async fn run(client: Client, id: uuid::Uuid) -> Result<(), attio_core::Error> {
    /// match client.get::<Company>(id).await {
    ///     Ok(company) => println!("{:?}", company.values.name),
    ///     Err(e) if e.is_not_found() => println!("no such company"),
    ///     Err(e) => return Err(e),
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub async fn get<T: AttioRecord>(&self, record_id: Uuid) -> Result<Record<T>, Error> {
        let call = Call::new(CallKind::Get, T::OBJECT, record_path::<T>(record_id));
        self.execute(call, json::decode_record::<T>).await
    }

    /// Updates some attributes of a record, appending to multiselects:
    /// `PATCH /v2/objects/{object}/records/{record_id}`.
    ///
    /// Only the attributes set on the update are sent. Values given for a multiselect
    /// attribute are added in front of the current ones; none is removed (use
    /// [`overwrite`](Client::overwrite) for that). Single-valued attributes are replaced.
    ///
    /// ```no_run
    /// # use attio_core::{AttioRecord, Client};
    /// # use attio_core::values::EmailAddress;
    /// # #[derive(AttioRecord)]
    /// # #[attio(object = "people")]
    /// # struct Person { #[attio(unique)] email_addresses: Vec<EmailAddress>, job_title: Option<String> }
    /// # async fn run(client: Client, id: uuid::Uuid) -> Result<(), attio_core::Error> {
    /// let update = PersonUpdate::default()
    ///     .email_addresses(vec![EmailAddress::new("ada@work.example")?])
    ///     .job_title(Some("CTO".to_string()));
    /// let person = client.update(id, &update).await?;
    /// // The new address comes first; the earlier ones are kept.
    /// assert_eq!(person.values.email_addresses[0].email_address(), "ada@work.example");
    /// # Ok(())
    /// # }
    /// ```
    pub async fn update<U: AttioUpdate>(
        &self,
        record_id: Uuid,
        update: &U,
    ) -> Result<Record<U::Record>, Error> {
        let call = Call::new(
            CallKind::Patch,
            U::Record::OBJECT,
            record_path::<U::Record>(record_id),
        )
        .body(json::encode_update(update)?)
        .model::<U::Record>();
        self.execute(call, json::decode_record::<U::Record>).await
    }

    /// Updates some attributes of a record, replacing multiselects:
    /// `PUT /v2/objects/{object}/records/{record_id}`.
    ///
    /// Only the attributes set on the update are sent; attributes not mentioned are left
    /// alone. A multiselect given here ends up holding exactly the values given, in that
    /// order; an empty list (or `None` for a single value) clears the attribute.
    ///
    /// ```no_run
    /// # use attio_core::{AttioRecord, Client};
    /// # use attio_core::values::EmailAddress;
    /// # #[derive(AttioRecord)]
    /// # #[attio(object = "people")]
    /// # struct Person { #[attio(unique)] email_addresses: Vec<EmailAddress>, job_title: Option<String> }
    /// # async fn run(client: Client, id: uuid::Uuid) -> Result<(), attio_core::Error> {
    /// let update = PersonUpdate::default()
    ///     .email_addresses(vec![EmailAddress::new("ada@example.com")?])
    ///     .job_title(None); // cleared
    /// let person = client.overwrite(id, &update).await?;
    /// assert_eq!(person.values.email_addresses.len(), 1);
    /// assert_eq!(person.values.job_title, None);
    /// # Ok(())
    /// # }
    /// ```
    pub async fn overwrite<U: AttioUpdate>(
        &self,
        record_id: Uuid,
        update: &U,
    ) -> Result<Record<U::Record>, Error> {
        let call = Call::new(
            CallKind::Put,
            U::Record::OBJECT,
            record_path::<U::Record>(record_id),
        )
        .body(json::encode_update(update)?)
        .model::<U::Record>();
        self.execute(call, json::decode_record::<U::Record>).await
    }

    /// Creates the record, or updates the one that holds the same value of a unique
    /// attribute (upsert): `PUT /v2/objects/{object}/records?matching_attribute={slug}`.
    ///
    /// `key` picks the matching attribute from the model's handles; only an attribute
    /// declared `#[attio(unique)]` compiles. When the matching attribute is a multiselect,
    /// the values given are added to the found record's; every *other* multiselect given is
    /// replaced. The record must hold a value for the key, or the call fails with
    /// [`Error::InvalidValue`] before anything is sent.
    ///
    /// ```no_run
    /// # use attio_core::{AttioRecord, Client};
    /// # use attio_core::values::EmailAddress;
    /// # #[derive(AttioRecord)]
    /// # #[attio(object = "people")]
    /// # struct Person { #[attio(unique)] email_addresses: Vec<EmailAddress>, job_title: Option<String> }
    /// # async fn run(client: Client) -> Result<(), attio_core::Error> {
    /// let ada = Person {
    ///     email_addresses: vec![EmailAddress::new("ada@example.com")?],
    ///     job_title: Some("Analyst".into()),
    /// };
    /// let first = client.assert(&ada, |p| p.email_addresses).await?; // created
    /// let again = client.assert(&ada, |p| p.email_addresses).await?; // found and updated
    /// assert_eq!(first.id, again.id);
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// An attribute that is not unique is refused at compile time:
    ///
    /// ```compile_fail
    /// # use attio_core::{AttioRecord, Client};
    /// # use attio_core::values::EmailAddress;
    /// # #[derive(AttioRecord)]
    /// # #[attio(object = "people")]
    /// # struct Person { #[attio(unique)] email_addresses: Vec<EmailAddress>, job_title: Option<String> }
    /// # async fn run(client: Client, ada: Person) -> Result<(), attio_core::Error> {
    /// client.assert(&ada, |p| p.job_title).await?;
    /// # Ok(())
    /// # }
    /// ```
    pub async fn assert<T: AttioRecord, V>(
        &self,
        record: &T,
        key: impl FnOnce(T::Attrs) -> Attr<T, V, Unique>,
    ) -> Result<Record<T>, Error> {
        let slug = key(T::attrs()).slug();
        let call = assert_call::<T>(json::encode_create(record)?, slug)?;
        self.execute(call, json::decode_record::<T>).await
    }

    /// Deletes a record: `DELETE /v2/objects/{object}/records/{record_id}`.
    ///
    /// A record that does not exist is a 404 [`Error::Api`], except when an earlier attempt
    /// of this same call may have deleted it (its response was lost): then the call
    /// succeeds.
    ///
    /// ```no_run
    /// # use attio_core::{AttioRecord, Client};
    /// # #[derive(AttioRecord)]
    /// # #[attio(object = "companies")]
    /// # struct Company { name: Option<String> }
    /// # async fn run(client: Client, id: uuid::Uuid) -> Result<(), attio_core::Error> {
    /// client.delete::<Company>(id).await?;
    /// # Ok(())
    /// # }
    /// ```
    pub async fn delete<T: AttioRecord>(&self, record_id: Uuid) -> Result<(), Error> {
        let call = Call::new(CallKind::Delete, T::OBJECT, record_path::<T>(record_id));
        self.execute(call, |_| Ok(())).await
    }

    /// Starts a records query: `POST /v2/objects/{object}/records/query`. Add filters,
    /// sorts, a limit and an offset, then [`send`](Query::send) it for one page or
    /// [`stream`](Query::stream) every page.
    ///
    /// ```no_run
    /// # use attio_core::{AttioRecord, Client};
    /// # use attio_core::values::PersonalName;
    /// # #[derive(AttioRecord)]
    /// # #[attio(object = "people")]
    /// # struct Person { name: Option<PersonalName>, job_title: Option<String> }
    /// # async fn run(client: Client) -> Result<(), attio_core::Error> {
    /// let page = client
    ///     .query::<Person>()
    ///     .filter(|p| p.name.contains("John").and(p.job_title.eq("CTO")))
    ///     .sort(|p| p.name.asc())
    ///     .limit(50)
    ///     .send()
    ///     .await?;
    /// # let _ = page;
    /// # Ok(())
    /// # }
    /// ```
    pub fn query<T: AttioRecord>(&self) -> Query<T> {
        Query::new(self.clone())
    }

    /// Fetches the record a reference points to. A reference by id is a
    /// [`get`](Client::get); a reference by the target's unique domain or email address is a
    /// query on that attribute. No record is a 404 [`Error::Api`] naming the attribute.
    ///
    /// ```no_run
    /// # use attio_core::{AttioRecord, Client, RecordRef};
    /// # use attio_core::values::Domain;
    /// # #[derive(AttioRecord)]
    /// # #[attio(object = "companies")]
    /// # struct Company { #[attio(unique)] domains: Vec<Domain>, name: Option<String> }
    /// # #[derive(AttioRecord)]
    /// # #[attio(object = "people")]
    /// # struct Person { company: Option<RecordRef<Company>> }
    /// # async fn run(client: Client, person: Person) -> Result<(), attio_core::Error> {
    /// if let Some(company) = &person.company {
    ///     let company = client.follow(company).await?;
    ///     println!("works at {:?}", company.values.name);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub async fn follow<T: AttioRecord>(
        &self,
        reference: &RecordRef<T>,
    ) -> Result<Record<T>, Error> {
        let (slug, property, value) = match reference.target() {
            RecordTarget::Id(id) => return self.get::<T>(*id).await,
            RecordTarget::Domain(d) => ("domains", "domain", d.domain().to_owned()),
            RecordTarget::EmailAddress(e) => (
                "email_addresses",
                "email_address",
                e.email_address().to_owned(),
            ),
        };
        let filter = serde_json::json!({ slug: { property: { "$eq": value } } });
        let mut found = self.query::<T>().filter_raw(filter).limit(1).send().await?;
        match found.pop() {
            Some(record) => Ok(record),
            None => Err(Error::from(ApiError {
                status: 404,
                error_type: "invalid_request_error".into(),
                code: ErrorCode::NotFound,
                message: format!("no `{}` record has {slug} {value:?}", T::OBJECT),
                validation_errors: Vec::new(),
                request: Some(format!("POST /v2/objects/{}/records/query", T::OBJECT)),
                attribute: Some(slug.to_owned()),
            })),
        }
    }

    /// Every value an attribute of a record has held, oldest first, with when each was
    /// active and who wrote it:
    /// `GET /v2/objects/{object}/records/{record_id}/attributes/{slug}/values?show_historic=true`.
    ///
    /// The current value is the last one, with `active_until == None`. Name the model with a
    /// turbofish; the closure picks the attribute from its handles.
    ///
    /// ```no_run
    /// # use attio_core::{AttioRecord, Client};
    /// # #[derive(AttioRecord)]
    /// # #[attio(object = "people")]
    /// # struct Person { job_title: Option<String> }
    /// # async fn run(client: Client, id: uuid::Uuid) -> Result<(), attio_core::Error> {
    /// let titles = client.history::<Person, _, _>(id, |p| p.job_title).await?;
    /// for t in &titles {
    ///     println!("{} from {:?} until {:?}", t.value, t.active_from, t.active_until);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub async fn history<T: AttioRecord, V: ReadValue, K>(
        &self,
        record_id: Uuid,
        attribute: impl FnOnce(T::Attrs) -> Attr<T, V, K>,
    ) -> Result<Vec<Tracked<V>>, Error> {
        let slug = attribute(T::attrs()).slug();
        let path = format!("{}/attributes/{slug}/values", record_path::<T>(record_id));
        let call = Call::new(CallKind::Get, T::OBJECT, path).query("show_historic", "true");
        self.execute(call, json::decode_history::<T, V>).await
    }

    /// Creates many records, one request each, several at a time: see [`Bulk`].
    ///
    /// The result holds one `Result` per input record, in input order. Each create is
    /// retried like [`create`](Client::create) (so it is never stored twice when the model
    /// has a unique attribute).
    ///
    /// ```no_run
    /// # use attio_core::{AttioRecord, Client};
    /// # use attio_core::values::EmailAddress;
    /// # #[derive(AttioRecord)]
    /// # #[attio(object = "people")]
    /// # struct Person { #[attio(unique)] email_addresses: Vec<EmailAddress> }
    /// # async fn run(client: Client, people: Vec<Person>) {
    /// let results = client
    ///     .create_many(people)
    ///     .concurrency(8)
    ///     .on_progress(|p| eprintln!("{}/{} done, {} failed", p.done, p.total, p.failed))
    ///     .await;
    /// let failed = results.iter().filter(|r| r.is_err()).count();
    /// # let _ = failed;
    /// # }
    /// ```
    pub fn create_many<T: AttioRecord>(&self, records: impl IntoIterator<Item = T>) -> Bulk<T> {
        Bulk::new(
            self.clone(),
            records.into_iter().map(bulk::Job::Create).collect(),
        )
    }

    /// Updates many records (PATCH: multiselects appended), one request each: see
    /// [`Bulk`] and [`update`](Client::update).
    ///
    /// ```no_run
    /// # use attio_core::{AttioRecord, Client};
    /// # #[derive(AttioRecord)]
    /// # #[attio(object = "people")]
    /// # struct Person { job_title: Option<String> }
    /// # async fn run(client: Client, ids: Vec<uuid::Uuid>) {
    /// let updates = ids
    ///     .into_iter()
    ///     .map(|id| (id, PersonUpdate::default().job_title(Some("Engineer".to_string()))));
    /// let results = client.update_many(updates).await;
    /// # let _ = results;
    /// # }
    /// ```
    pub fn update_many<U: AttioUpdate>(
        &self,
        updates: impl IntoIterator<Item = (Uuid, U)>,
    ) -> Bulk<U::Record, U> {
        Bulk::new(
            self.clone(),
            updates
                .into_iter()
                .map(|(id, u)| bulk::Job::Update(id, u))
                .collect(),
        )
    }

    /// Asserts many records on the unique attribute `key` (upserts), one request each: see
    /// [`Bulk`] and [`assert`](Client::assert).
    ///
    /// ```no_run
    /// # use attio_core::{AttioRecord, Client};
    /// # use attio_core::values::EmailAddress;
    /// # #[derive(AttioRecord)]
    /// # #[attio(object = "people")]
    /// # struct Person { #[attio(unique)] email_addresses: Vec<EmailAddress> }
    /// # async fn run(client: Client, people: Vec<Person>) {
    /// let results = client.assert_many(people, |p| p.email_addresses).concurrency(4).await;
    /// # let _ = results;
    /// # }
    /// ```
    pub fn assert_many<T: AttioRecord, V>(
        &self,
        records: impl IntoIterator<Item = T>,
        key: impl FnOnce(T::Attrs) -> Attr<T, V, Unique>,
    ) -> Bulk<T> {
        let slug = key(T::attrs()).slug();
        Bulk::new(
            self.clone(),
            records
                .into_iter()
                .map(|r| bulk::Job::Assert(r, slug))
                .collect(),
        )
    }
}

/// `/v2/objects/{object}/records/{id}`
fn record_path<T: AttioRecord>(record_id: Uuid) -> String {
    format!("/v2/objects/{}/records/{record_id}", T::OBJECT)
}

fn records_path<T: AttioRecord>() -> String {
    format!("/v2/objects/{}/records", T::OBJECT)
}

/// A create, with the unique attribute it may fall back to asserting on: the first
/// `#[attio(unique)]` attribute the body holds a value for.
fn create_call<T: AttioRecord>(body: Vec<u8>) -> Call {
    let written = written_slugs(&body);
    let unique_key = T::ATTRIBUTES
        .iter()
        .find(|a| a.unique && !a.read_only && written.iter().any(|s| s == a.slug))
        .map(|a| (a.slug, a.attribute_type));
    let mut call = Call::new(CallKind::Create, T::OBJECT, records_path::<T>())
        .body(body)
        .model::<T>();
    call.unique_key = unique_key;
    call
}

/// An assert on `slug`; refused before sending when the body has no value for it.
fn assert_call<T: AttioRecord>(body: Vec<u8>, slug: &'static str) -> Result<Call, Error> {
    if !written_slugs(&body).iter().any(|s| s == slug) {
        return Err(ValueError::new(
            "assert key",
            "",
            format!("the record has no value for `{slug}`, the attribute to match on"),
        )
        .at(T::OBJECT, slug)
        .into());
    }
    Ok(Call::new(CallKind::Assert, T::OBJECT, records_path::<T>())
        .query("matching_attribute", slug)
        .body(body)
        .model::<T>())
}

/// The attribute slugs a `{"data":{"values":{…}}}` body writes (keys only; the values are
/// skipped, not parsed).
pub(crate) fn written_slugs(body: &[u8]) -> Vec<String> {
    #[derive(serde::Deserialize)]
    struct Body {
        data: Data,
    }
    #[derive(serde::Deserialize)]
    struct Data {
        values: std::collections::BTreeMap<String, serde::de::IgnoredAny>,
    }
    serde_json::from_slice::<Body>(body)
        .map(|b| b.data.values.into_keys().collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_slugs_reads_keys_only() {
        let body =
            br#"{"data":{"values":{"email_addresses":["a@b.com"],"name":[{"first_name":"A"}]}}}"#;
        assert_eq!(written_slugs(body), ["email_addresses", "name"]);
        assert!(written_slugs(b"not json").is_empty());
    }

    #[test]
    fn client_is_send_sync_and_cheap_to_clone() {
        fn assert_send_sync<T: Send + Sync + Clone + 'static>() {}
        assert_send_sync::<Client>();
    }
}
