//! List entries: the handle [`Entries`] from [`Client::entries`] for any
//! `#[derive(AttioEntry)]` model, with its query and bulk calls beside it, and the entries
//! of one record across lists ([`Client::entries_of`]).
//!
//! Layers: `requests` (paths, safety classes) and `parent` (the `parent_record` path) at the
//! bottom; `query` and `bulk` on them; this file on all.

use std::marker::PhantomData;

use futures_util::TryStreamExt;
use reqwest::Method;
use uuid::Uuid;

use crate::attr::Attr;
use crate::entry::{AttioEntry, Entry};
use crate::error::Error;
use crate::http::client::Client;
use crate::http::page::{Endpoint, Page, Paging};
use crate::http::request::{Request, Safety};
use crate::json;
use crate::models::RecordEntry;
use crate::record::AttioRecord;
use crate::values::{ReadValue, RecordRef, Tracked};

mod bulk;
mod parent;
mod query;
mod requests;

pub use bulk::EntryBulk;
pub use query::{EntryQuery, EntryStream};

/// The most entries of a record `GET …/records/{id}/entries` answers in one page.
const RECORD_ENTRIES_PAGE: usize = 1000;

/// The entries of the list of `E`, borrowed from the client by [`Client::entries`].
///
/// ```no_run
/// use attio_core::{AttioEntry, AttioRecord, Client, RecordRef};
/// use attio_core::values::{Currency, Status};
///
/// #[derive(AttioRecord)]
/// #[attio(object = "companies")]
/// struct Company { name: Option<String> }
///
/// #[derive(AttioEntry, Debug)]
/// #[attio(list = "sales")]
/// struct Deal { stage: Option<Status>, amount: Option<Currency> }
///
/// # async fn run(client: Client, company_id: uuid::Uuid) -> Result<(), attio_core::Error> {
/// let deals = client.entries::<Deal>();
/// let acme = RecordRef::<Company>::new(company_id);
/// let deal = Deal { stage: Some(Status::by_title("Lead")), amount: None };
/// let entry = deals.create(&acme, &deal).await?;
/// let won = DealUpdate::default().stage(Some(Status::by_title("Won")));
/// let entry = deals.update(entry.id.entry_id, &won).await?;
/// println!("{:?}", entry.values.stage);
/// # Ok(())
/// # }
/// ```
pub struct Entries<'c, E> {
    client: &'c Client,
    _model: PhantomData<fn() -> E>,
}

impl<E> Clone for Entries<'_, E> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<E> Copy for Entries<'_, E> {}

impl<E: AttioEntry> std::fmt::Debug for Entries<'_, E> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Entries").field("list", &E::LIST).finish()
    }
}

impl Client {
    /// The entries of the list of the model `E` (scopes `list_entry:read` and
    /// `list_configuration:read`, and `list_entry:read-write` to write).
    pub fn entries<E: AttioEntry>(&self) -> Entries<'_, E> {
        Entries {
            client: self,
            _model: PhantomData,
        }
    }

    /// The entries of one record on every list it is on, in every page:
    /// `GET /v2/objects/{object}/records/{record_id}/entries`. A reference by a unique value
    /// (a domain, an email address) is [`follow`](Client::follow)ed first.
    ///
    /// ```no_run
    /// # use attio_core::{AttioRecord, Client, RecordRef};
    /// # #[derive(AttioRecord)]
    /// # #[attio(object = "companies")]
    /// # struct Company { name: Option<String> }
    /// # async fn run(client: Client, id: uuid::Uuid) -> Result<(), attio_core::Error> {
    /// for entry in client.entries_of(&RecordRef::<Company>::new(id)).await? {
    ///     println!("on {} as entry {}", entry.list_api_slug, entry.entry_id);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub async fn entries_of<P: AttioRecord>(
        &self,
        record: &RecordRef<P>,
    ) -> Result<Vec<RecordEntry>, Error> {
        let record_id = match record.record_id() {
            Some(id) => id,
            None => self.follow(record).await?.id.record_id,
        };
        let paging = Paging::query_offset(RECORD_ENTRIES_PAGE, RECORD_ENTRIES_PAGE);
        let endpoint = Endpoint {
            base: Request::get(format!(
                "/v2/objects/{}/records/{record_id}/entries",
                P::OBJECT
            )),
            body: None,
            decode: |body| json::decode_data_list(body, "record entry").map(Page::of),
        };
        self.pages(paging, paging.first(0), endpoint)
            .try_collect()
            .await
    }
}

impl<E: AttioEntry> Entries<'_, E> {
    /// Adds `parent` to the list with the entry's values: `POST /v2/lists/{list}/entries`.
    ///
    /// A parent may be on a list several times, so a create is never sent twice: after a
    /// 5xx or a lost response the call fails with that error, and the caller may look
    /// for the entry (a query filtered on the parent) before adding it again. The parent is
    /// named by its record id; a reference by domain or email address is an
    /// [`Error::InvalidValue`] before anything is sent.
    ///
    /// ```no_run
    /// # use attio_core::{AttioEntry, AttioRecord, Client, RecordRef};
    /// # use attio_core::values::Status;
    /// # #[derive(AttioRecord)]
    /// # #[attio(object = "companies")]
    /// # struct Company { name: Option<String> }
    /// # #[derive(AttioEntry)]
    /// # #[attio(list = "sales")]
    /// # struct Deal { stage: Option<Status> }
    /// # async fn run(client: Client, id: uuid::Uuid) -> Result<(), attio_core::Error> {
    /// let lead = Deal { stage: Some(Status::by_title("Lead")) };
    /// let entry = client.entries::<Deal>().create(&RecordRef::<Company>::new(id), &lead).await?;
    /// println!("entry {} on {}", entry.id.entry_id, entry.parent_record_id);
    /// # Ok(())
    /// # }
    /// ```
    pub async fn create<P: AttioRecord>(
        &self,
        parent: &RecordRef<P>,
        entry: &E,
    ) -> Result<Entry<E>, Error> {
        let request = requests::create_request::<E>(json::encode_entry(parent, entry)?);
        self.client
            .call(&request, |body| requests::decode_written::<E>(body, None))
            .await
    }

    /// Adds `parent` to the list, or updates its entry when it has one (upsert by parent):
    /// `PUT /v2/lists/{list}/entries`. Multiselects given replace the entry's.
    ///
    /// When the parent already has several entries in the list, Attio cannot choose one and
    /// answers 400 `multiple_match_results` ([`Error::is_multiple_match`]): update one of
    /// them by its entry id instead.
    ///
    /// ```no_run
    /// # use attio_core::{AttioEntry, AttioRecord, Client, RecordRef};
    /// # use attio_core::values::Status;
    /// # #[derive(AttioRecord)]
    /// # #[attio(object = "companies")]
    /// # struct Company { name: Option<String> }
    /// # #[derive(AttioEntry)]
    /// # #[attio(list = "sales")]
    /// # struct Deal { stage: Option<Status> }
    /// # async fn run(client: Client, id: uuid::Uuid) -> Result<(), attio_core::Error> {
    /// let deals = client.entries::<Deal>();
    /// let acme = RecordRef::<Company>::new(id);
    /// let first = deals.assert(&acme, &Deal { stage: Some(Status::by_title("Lead")) }).await?;
    /// let again = deals.assert(&acme, &Deal { stage: Some(Status::by_title("Won")) }).await?;
    /// assert_eq!(first.id, again.id);
    /// # Ok(())
    /// # }
    /// ```
    pub async fn assert<P: AttioRecord>(
        &self,
        parent: &RecordRef<P>,
        entry: &E,
    ) -> Result<Entry<E>, Error> {
        let request = requests::assert_request::<E>(json::encode_entry(parent, entry)?);
        self.client
            .call(&request, |body| requests::decode_written::<E>(body, None))
            .await
    }

    /// Fetches an entry by id: `GET /v2/lists/{list}/entries/{entry_id}`. An entry that does
    /// not exist is Attio's 404 ([`Error::is_not_found`]).
    ///
    /// ```no_run
    /// # use attio_core::{AttioEntry, Client};
    /// # use attio_core::values::Status;
    /// # #[derive(AttioEntry)]
    /// # #[attio(list = "sales")]
    /// # struct Deal { stage: Option<Status> }
    /// # async fn run(client: Client, id: uuid::Uuid) -> Result<(), attio_core::Error> {
    /// let deal = client.entries::<Deal>().get(id).await?;
    /// println!("{:?}", deal.values.stage);
    /// # Ok(())
    /// # }
    /// ```
    pub async fn get(&self, entry_id: Uuid) -> Result<Entry<E>, Error> {
        let request = Request::get(requests::entry_path::<E>(entry_id));
        self.client.call(&request, json::decode_entry::<E>).await
    }

    /// Updates some attributes of an entry, appending to multiselects:
    /// `PATCH /v2/lists/{list}/entries/{entry_id}`. Only the attributes set on the update
    /// are sent.
    ///
    /// ```no_run
    /// # use attio_core::{AttioEntry, Client};
    /// # use attio_core::values::Status;
    /// # #[derive(AttioEntry)]
    /// # #[attio(list = "sales")]
    /// # struct Deal { stage: Option<Status> }
    /// # async fn run(client: Client, id: uuid::Uuid) -> Result<(), attio_core::Error> {
    /// let won = DealUpdate::default().stage(Some(Status::by_title("Won")));
    /// client.entries::<Deal>().update(id, &won).await?;
    /// # Ok(())
    /// # }
    /// ```
    pub async fn update(&self, entry_id: Uuid, update: &E::Update) -> Result<Entry<E>, Error> {
        self.write(Method::PATCH, entry_id, update).await
    }

    /// Updates some attributes of an entry, replacing multiselects:
    /// `PUT /v2/lists/{list}/entries/{entry_id}`. A multiselect given ends up holding exactly
    /// the values given; an empty one (or `None` for a single value) clears the attribute.
    ///
    /// ```no_run
    /// # use attio_core::{AttioEntry, Client};
    /// # use attio_core::values::SelectOption;
    /// # #[derive(AttioEntry)]
    /// # #[attio(list = "sales")]
    /// # struct Deal { tags: Vec<SelectOption> }
    /// # async fn run(client: Client, id: uuid::Uuid) -> Result<(), attio_core::Error> {
    /// let only = DealUpdate::default().tags(vec![SelectOption::by_title("Priority")]);
    /// let deal = client.entries::<Deal>().overwrite(id, &only).await?;
    /// assert_eq!(deal.values.tags.len(), 1);
    /// # Ok(())
    /// # }
    /// ```
    pub async fn overwrite(&self, entry_id: Uuid, update: &E::Update) -> Result<Entry<E>, Error> {
        self.write(Method::PUT, entry_id, update).await
    }

    /// Removes an entry from the list (the parent record stays):
    /// `DELETE /v2/lists/{list}/entries/{entry_id}`. An entry that does not exist is a 404,
    /// except when an earlier attempt of this same call may have deleted it.
    pub async fn delete(&self, entry_id: Uuid) -> Result<(), Error> {
        let request = Request::new(
            Method::DELETE,
            requests::entry_path::<E>(entry_id),
            Safety::IdempotentWrite,
        );
        self.client.call(&request, |_| Ok(())).await
    }

    /// Starts an entries query: `POST /v2/lists/{list}/entries/query`. See [`EntryQuery`].
    pub fn query(&self) -> EntryQuery<E> {
        EntryQuery::new(self.client.clone())
    }

    /// Every value a list attribute of an entry has held, oldest first:
    /// `GET /v2/lists/{list}/entries/{entry_id}/attributes/{slug}/values?show_historic=true`.
    /// The current value is the last one, with `active_until == None`.
    ///
    /// ```no_run
    /// # use attio_core::{AttioEntry, Client};
    /// # use attio_core::values::Status;
    /// # #[derive(AttioEntry)]
    /// # #[attio(list = "sales")]
    /// # struct Deal { stage: Option<Status> }
    /// # async fn run(client: Client, id: uuid::Uuid) -> Result<(), attio_core::Error> {
    /// for stage in client.entries::<Deal>().history(id, |d| d.stage).await? {
    ///     println!("{:?} from {:?}", stage.value.title, stage.active_from);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub async fn history<V: ReadValue, K>(
        &self,
        entry_id: Uuid,
        attribute: impl FnOnce(E::Attrs) -> Attr<E, V, K>,
    ) -> Result<Vec<Tracked<V>>, Error> {
        let slug = attribute(E::attrs()).slug();
        let path = format!(
            "{}/attributes/{slug}/values",
            requests::entry_path::<E>(entry_id)
        );
        let request = Request::get(path).query("show_historic", "true");
        self.client
            .call(&request, json::decode_entry_history::<E, V>)
            .await
    }

    /// Adds many parents to the list (`POST` each, see [`create`](Entries::create)), several
    /// at a time, with one result per input in input order: see [`EntryBulk`].
    pub fn create_many<P: AttioRecord>(
        &self,
        entries: impl IntoIterator<Item = (RecordRef<P>, E)>,
    ) -> EntryBulk<E> {
        self.many(bulk::Mode::Create, entries)
    }

    /// Asserts many entries by parent (`PUT` each, see [`assert`](Entries::assert)), several
    /// at a time, with one result per input in input order: see [`EntryBulk`].
    pub fn assert_many<P: AttioRecord>(
        &self,
        entries: impl IntoIterator<Item = (RecordRef<P>, E)>,
    ) -> EntryBulk<E> {
        self.many(bulk::Mode::Assert, entries)
    }

    fn many<P: AttioRecord>(
        &self,
        mode: bulk::Mode,
        entries: impl IntoIterator<Item = (RecordRef<P>, E)>,
    ) -> EntryBulk<E> {
        let bodies = entries
            .into_iter()
            .map(|(parent, entry)| json::encode_entry(&parent, &entry))
            .collect();
        EntryBulk::new(self.client.clone(), mode, bodies)
    }

    /// A PATCH or PUT of `update` on the entry `entry_id`.
    async fn write(
        &self,
        method: Method,
        entry_id: Uuid,
        update: &E::Update,
    ) -> Result<Entry<E>, Error> {
        let body = json::encode_entry_update(update)?;
        let request = requests::update_request::<E>(method, entry_id, body);
        self.client
            .call(&request, |body| {
                requests::decode_written::<E>(body, Some(entry_id))
            })
            .await
    }
}
