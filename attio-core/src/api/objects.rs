//! The workspace schema: objects (`/v2/objects`) and the attributes of an object or a list
//! (`/v2/{objects|lists}/{id}/attributes`). Select options and statuses are in `options`.

use std::future::{Future, IntoFuture};
use std::marker::PhantomData;
use std::pin::Pin;

use reqwest::Method;
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::error::Error;
use crate::http::client::Client;
use crate::http::request::{Request, Safety};
use crate::json;
use crate::models::{
    Attribute, AttributeUpdate, NewAttribute, NewObject, Object, ObjectUpdate, Target, segment,
};

/// The workspace schema, borrowed from the client by [`Client::objects`]: objects, the
/// attributes of objects and lists, and the select options and statuses of attributes.
///
/// Attribute calls take the object or list as `impl Into<Target>`:
/// [`Target::object("people")`](Target::object), [`Target::list("sales")`](Target::list),
/// or [`Target::of::<Person>()`](Target::of) for a record model.
///
/// ```no_run
/// use attio_core::AttributeType;
/// use attio_core::models::{NewAttribute, NewStatus, Target};
///
/// # async fn run(client: attio_core::Client) -> Result<(), attio_core::Error> {
/// let schema = client.objects();
/// for object in schema.all().await? {
///     println!("{:?}", object.api_slug);
/// }
/// let sales = Target::list("sales");
/// let stage = NewAttribute::new("Stage", "stage", AttributeType::Status).required();
/// schema.create_attribute(&sales, &stage).await?;
/// schema.create_status(&sales, "stage", &NewStatus::new("Won").celebration()).await?;
/// for attribute in schema.attributes(&sales).await? {
///     println!("{} ({})", attribute.api_slug, attribute.attribute_type);
/// }
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Objects<'c> {
    pub(super) client: &'c Client,
}

impl Client {
    /// The workspace schema (scopes `object_configuration:read`, and
    /// `object_configuration:read-write` to change it; list attributes also need
    /// `list_configuration:read-write` to be created).
    pub fn objects(&self) -> Objects<'_> {
        Objects { client: self }
    }
}

impl<'c> Objects<'c> {
    /// Every object of the workspace, standard and custom: `GET /v2/objects` (not paged).
    pub async fn all(&self) -> Result<Vec<Object>, Error> {
        let request = Request::get("/v2/objects".to_owned());
        self.client
            .call(&request, |body| json::decode_data_list(body, "object"))
            .await
    }

    /// One object by slug or id: `GET /v2/objects/{object}`; an unknown one is Attio's 404
    /// (see [`Error::is_not_found`]).
    ///
    /// ```no_run
    /// # async fn run(client: attio_core::Client) -> Result<(), attio_core::Error> {
    /// let people = client.objects().get("people").await?;
    /// println!("{:?} / {:?}", people.singular_noun, people.plural_noun);
    /// # Ok(())
    /// # }
    /// ```
    pub async fn get(&self, object: &str) -> Result<Object, Error> {
        let request = Request::get(Target::object(object).path());
        self.client
            .call(&request, |body| json::decode_data(body, "object"))
            .await
    }

    /// Creates a custom object: `POST /v2/objects`. A slug in use is Attio's 409
    /// `slug_conflict`. A create is not sent twice: after a 5xx or a lost response,
    /// [`get`](Objects::get) the slug to learn whether it was stored.
    ///
    /// ```no_run
    /// use attio_core::models::NewObject;
    /// # async fn run(client: attio_core::Client) -> Result<(), attio_core::Error> {
    /// let projects = client
    ///     .objects()
    ///     .create(&NewObject::new("projects", "Project", "Projects"))
    ///     .await?;
    /// println!("{}", projects.id);
    /// # Ok(())
    /// # }
    /// ```
    pub async fn create(&self, object: &NewObject) -> Result<Object, Error> {
        let request = Request::new(Method::POST, "/v2/objects".to_owned(), Safety::Create)
            .body(data_body(object));
        self.client
            .call(&request, |body| json::decode_data(body, "object"))
            .await
    }

    /// Updates an object by slug or id: `PATCH /v2/objects/{object}`, sending only the
    /// fields set in `update`.
    ///
    /// ```no_run
    /// use attio_core::models::ObjectUpdate;
    /// # async fn run(client: attio_core::Client) -> Result<(), attio_core::Error> {
    /// let update = ObjectUpdate::default().singular_noun("Venture");
    /// client.objects().update("projects", &update).await?;
    /// # Ok(())
    /// # }
    /// ```
    pub async fn update(&self, object: &str, update: &ObjectUpdate) -> Result<Object, Error> {
        let request = Request::new(
            Method::PATCH,
            Target::object(object).path(),
            Safety::IdempotentWrite,
        )
        .body(data_body(update));
        self.client
            .call(&request, |body| json::decode_data(body, "object"))
            .await
    }

    /// The attributes of an object or a list, in Attio's order:
    /// `GET /v2/{target}/{identifier}/attributes`. Await it for every unarchived attribute,
    /// or set [`show_archived`](Listing::show_archived) (and [`limit`](Listing::limit) and
    /// [`offset`](Listing::offset) for one page) first.
    ///
    /// ```no_run
    /// use attio_core::models::Target;
    /// # async fn run(client: attio_core::Client) -> Result<(), attio_core::Error> {
    /// let every = client.objects().attributes(Target::object("people")).await?;
    /// let with_archived = client
    ///     .objects()
    ///     .attributes(Target::list("sales"))
    ///     .show_archived(true)
    ///     .await?;
    /// println!("{} of {}", every.len(), with_archived.len());
    /// # Ok(())
    /// # }
    /// ```
    pub fn attributes(&self, target: impl Into<Target>) -> Listing<'c, Attribute> {
        let path = format!("{}/attributes", target.into().path());
        Listing::new(self.client, path, "attribute")
    }

    /// One attribute of an object or a list, by slug or id:
    /// `GET /v2/{target}/{identifier}/attributes/{attribute}`.
    ///
    /// ```no_run
    /// use attio_core::models::Target;
    /// # async fn run(client: attio_core::Client) -> Result<(), attio_core::Error> {
    /// let email = client.objects().attribute(Target::object("people"), "email_addresses").await?;
    /// assert!(email.is_unique);
    /// # Ok(())
    /// # }
    /// ```
    pub async fn attribute(
        &self,
        target: impl Into<Target>,
        attribute: &str,
    ) -> Result<Attribute, Error> {
        let request = Request::get(attribute_path(&target.into(), attribute));
        self.client
            .call(&request, |body| json::decode_data(body, "attribute"))
            .await
    }

    /// Creates an attribute on an object or a list:
    /// `POST /v2/{target}/{identifier}/attributes`. An `interaction` or `personal-name`
    /// attribute, which Attio does not create, is refused before sending
    /// ([`Error::InvalidValue`]); a slug in use is Attio's 409 `slug_conflict`.
    ///
    /// ```no_run
    /// use attio_core::AttributeType;
    /// use attio_core::models::{CurrencyDisplay, NewAttribute, Target};
    /// # async fn run(client: attio_core::Client) -> Result<(), attio_core::Error> {
    /// let amount = NewAttribute::new("Amount", "amount", AttributeType::Currency)
    ///     .currency("USD", CurrencyDisplay::Symbol);
    /// let created = client.objects().create_attribute(Target::list("sales"), &amount).await?;
    /// assert_eq!(created.kind(), Some(AttributeType::Currency));
    /// # Ok(())
    /// # }
    /// ```
    pub async fn create_attribute(
        &self,
        target: impl Into<Target>,
        attribute: &NewAttribute,
    ) -> Result<Attribute, Error> {
        attribute.check()?;
        let path = format!("{}/attributes", target.into().path());
        let request = Request::new(Method::POST, path, Safety::Create).body(data_body(attribute));
        self.client
            .call(&request, |body| json::decode_data(body, "attribute"))
            .await
    }

    /// Updates an attribute of an object or a list, sending only the fields set:
    /// `PATCH /v2/{target}/{identifier}/attributes/{attribute}`. A system attribute cannot
    /// be changed (Attio's 400 `system_edit_unauthorized`).
    ///
    /// ```no_run
    /// use attio_core::models::{AttributeUpdate, Target};
    /// # async fn run(client: attio_core::Client) -> Result<(), attio_core::Error> {
    /// let archive = AttributeUpdate::default().archived(true);
    /// client.objects().update_attribute(Target::list("sales"), "amount", &archive).await?;
    /// # Ok(())
    /// # }
    /// ```
    pub async fn update_attribute(
        &self,
        target: impl Into<Target>,
        attribute: &str,
        update: &AttributeUpdate,
    ) -> Result<Attribute, Error> {
        let path = attribute_path(&target.into(), attribute);
        let request =
            Request::new(Method::PATCH, path, Safety::IdempotentWrite).body(data_body(update));
        self.client
            .call(&request, |body| json::decode_data(body, "attribute"))
            .await
    }
}

/// A list read of the schema (attributes, select options, statuses), sent when awaited.
#[derive(Debug)]
#[must_use = "a listing does nothing until it is awaited"]
pub struct Listing<'c, T> {
    client: &'c Client,
    request: Request,
    resource: &'static str,
    item: PhantomData<fn() -> T>,
}

impl<'c, T> Listing<'c, T> {
    pub(super) fn new(client: &'c Client, path: String, resource: &'static str) -> Self {
        Listing {
            client,
            request: Request::get(path),
            resource,
            item: PhantomData,
        }
    }

    /// Includes archived items (Attio leaves them out by default).
    pub fn show_archived(mut self, show: bool) -> Self {
        self.request = self.request.query("show_archived", show.to_string());
        self
    }
}

impl<T> Listing<'_, T>
where
    T: DeserializeOwned + Send,
{
    /// Sends the read (what awaiting the listing does).
    pub async fn send(self) -> Result<Vec<T>, Error> {
        let resource = self.resource;
        self.client
            .call(&self.request, |body| json::decode_data_list(body, resource))
            .await
    }
}

impl Listing<'_, Attribute> {
    /// At most `limit` attributes (Attio sends every one without it).
    pub fn limit(mut self, limit: usize) -> Self {
        self.request = self.request.query("limit", limit.to_string());
        self
    }

    /// Skips the first `offset` attributes.
    pub fn offset(mut self, offset: usize) -> Self {
        self.request = self.request.query("offset", offset.to_string());
        self
    }
}

impl<'c, T> IntoFuture for Listing<'c, T>
where
    T: DeserializeOwned + Send + 'c,
{
    type Output = Result<Vec<T>, Error>;
    type IntoFuture = Pin<Box<dyn Future<Output = Self::Output> + Send + 'c>>;

    fn into_future(self) -> Self::IntoFuture {
        Box::pin(self.send())
    }
}

/// `…/attributes/{attribute}` of `target`.
pub(super) fn attribute_path(target: &Target, attribute: &str) -> String {
    format!("{}/attributes/{}", target.path(), segment(attribute))
}

/// The body `{"data": …}` of a write.
pub(super) fn data_body<T: Serialize>(data: &T) -> Vec<u8> {
    #[derive(Serialize)]
    struct Data<'a, T> {
        data: &'a T,
    }
    serde_json::to_vec(&Data { data }).expect("the plain models serialize into JSON")
}
