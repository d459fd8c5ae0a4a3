//! Records: the flat record calls on [`Client`] for any `#[derive(AttioRecord)]` model,
//! with their query, bulk and create-recovery steps beside them.
//!
//! Layers: `requests` (paths, bodies, error naming) at the bottom; `recover` (a create
//! settled by its unique value) and `query` on it; `bulk` on `recover`; this file on all.

use reqwest::Method;
use uuid::Uuid;

use crate::attr::{AssertKey, Attr};
use crate::error::Error;
use crate::http::client::Client;
use crate::http::request::{Request, Safety};
use crate::json;
use crate::record::{AttioRecord, AttioUpdate, Record};
use crate::values::{ReadValue, RecordRef, RecordTarget, Tracked};

mod bulk;
mod query;
mod recover;
mod requests;

pub use bulk::Bulk;
pub use query::{Query, RecordStream};

impl Client {
    /// Creates a record: `POST /v2/objects/{object}/records`.
    ///
    /// Values are checked before sending (a malformed email is an [`Error::InvalidValue`]).
    /// A create is not blindly sent twice: if its response is lost or it gets a 5xx, and
    /// the record has a value for a `#[attio(unique)]` attribute, the client looks the
    /// record up by that value (`POST …/records/query`). A record created since the create
    /// was first sent (in the server's clock, read from the lookup's `Date` header, give or
    /// take a second) is the one it stored and is returned; an older record holding the
    /// value is reported as [`Error::UniqueValueTaken`] and left untouched; no record
    /// means nothing was stored, and the create is sent again. Without a unique attribute
    /// the call fails with [`Error::OutcomeUnknown`]. (A phone number, written as an
    /// object, cannot be looked up: a create keyed on one is resent as an
    /// [`assert`](Client::assert) on it.)
    ///
    /// Attio refuses a create whose unique value another record holds
    /// ([`ErrorCode::UniquenessConflict`](crate::ErrorCode::UniquenessConflict); see
    /// [`Error::is_uniqueness_conflict`]); use [`assert`](Client::assert) to upsert.
    ///
    /// A record Attio stored whose response the model cannot decode (a required field
    /// the response leaves empty, say) is [`Error::StoredButUnreadable`], carrying the
    /// record id: the record exists, so do not create it again. The same holds for every
    /// write: [`update`](Client::update), [`overwrite`](Client::overwrite),
    /// [`assert`](Client::assert) and the bulk calls, per record.
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
        recover::create(self, requests::encode_create(record)?).await
    }

    /// Fetches a record by id: `GET /v2/objects/{object}/records/{record_id}`.
    ///
    /// A record that does not exist is an [`Error::Api`] with status 404 and
    /// [`ErrorCode::NotFound`](crate::ErrorCode::NotFound) (see [`Error::is_not_found`]).
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
        let request = Request::get(requests::record_path::<T>(record_id));
        self.call(&request, json::decode_record::<T>).await
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
        self.write_update(Method::PATCH, record_id, update).await
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
        self.write_update(Method::PUT, record_id, update).await
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
    pub async fn assert<T: AttioRecord, V, K: AssertKey>(
        &self,
        record: &T,
        key: impl FnOnce(T::Attrs) -> Attr<T, V, K>,
    ) -> Result<Record<T>, Error> {
        let slug = key(T::attrs()).slug();
        let (request, written) = requests::assert_of::<T>(requests::encode_create(record)?, slug)?;
        requests::send_write(self, request, &written, None).await
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
        let request = Request::new(
            Method::DELETE,
            requests::record_path::<T>(record_id),
            Safety::IdempotentWrite,
        );
        self.call(&request, |_| Ok(())).await
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
    /// [`get`](Client::get) (no record is Attio's 404); a reference by the target's unique
    /// domain or email address is a query on that attribute, and no record is
    /// [`Error::ReferenceNotFound`] naming it. [`Error::is_not_found`] is true for both.
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
        found.pop().ok_or(Error::ReferenceNotFound {
            object: T::OBJECT,
            attribute: slug,
            value,
        })
    }

    /// Every value an attribute of a record has held, oldest first, with when each was
    /// active and who wrote it:
    /// `GET /v2/objects/{object}/records/{record_id}/attributes/{slug}/values?show_historic=true`.
    ///
    /// The current value is the last one, with `active_until == None`. The closure picks
    /// the attribute from the model's handles; with its argument's type written out
    /// (`|p: PersonAttrs|`), the model is inferred. (Naming the model instead,
    /// `history::<Person, _, _>(id, |p| p.job_title)`, works too.)
    ///
    /// ```no_run
    /// # use attio_core::{AttioRecord, Client};
    /// # #[derive(AttioRecord)]
    /// # #[attio(object = "people")]
    /// # struct Person { job_title: Option<String> }
    /// # async fn run(client: Client, id: uuid::Uuid) -> Result<(), attio_core::Error> {
    /// let titles = client.history(id, |p: PersonAttrs| p.job_title).await?;
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
        let path = format!(
            "{}/attributes/{slug}/values",
            requests::record_path::<T>(record_id)
        );
        let request = Request::get(path).query("show_historic", "true");
        self.call(&request, json::decode_history::<T, V>).await
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
    pub fn assert_many<T: AttioRecord, V, K: AssertKey>(
        &self,
        records: impl IntoIterator<Item = T>,
        key: impl FnOnce(T::Attrs) -> Attr<T, V, K>,
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

    /// A PATCH or PUT of `update` on the record `record_id`.
    async fn write_update<U: AttioUpdate>(
        &self,
        method: Method,
        record_id: Uuid,
        update: &U,
    ) -> Result<Record<U::Record>, Error> {
        let write = requests::encode_update(update)?;
        let request = requests::update_request::<U::Record>(method, record_id, write.body);
        requests::send_write(self, request, &write.written, Some(record_id)).await
    }
}
