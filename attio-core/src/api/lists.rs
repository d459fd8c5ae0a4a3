//! Lists: read, create and update them (`/v2/lists`). Their attributes, select options and
//! statuses are schema calls on [`Objects`](super::Objects), with a [`Target::List`](crate::models::Target::List).

use reqwest::Method;

use super::objects::data_body;
use crate::error::Error;
use crate::http::client::Client;
use crate::http::request::{Request, Safety};
use crate::json;
use crate::models::{List, ListUpdate, NewList, segment};

/// The lists of the workspace, borrowed from the client by [`Client::lists`].
///
/// ```no_run
/// use attio_core::models::{NewList, ListUpdate};
///
/// # async fn run(client: attio_core::Client) -> Result<(), attio_core::Error> {
/// let sales = client.lists().create(&NewList::new("Sales", "sales", "companies")).await?;
/// let renamed = client
///     .lists()
///     .update(&sales.api_slug, &ListUpdate::default().name("Enterprise sales"))
///     .await?;
/// for list in client.lists().all().await? {
///     println!("{} ({}) of {:?}", list.name, list.api_slug, list.parent_object);
/// }
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Lists<'c> {
    client: &'c Client,
}

impl Client {
    /// The lists of the workspace (scopes `list_configuration:read`, and
    /// `list_configuration:read-write` to create and update).
    pub fn lists(&self) -> Lists<'_> {
        Lists { client: self }
    }
}

impl Lists<'_> {
    /// Every list the token may see, in the order of Attio's sidebar: `GET /v2/lists` (one
    /// answer, not paged).
    pub async fn all(&self) -> Result<Vec<List>, Error> {
        let request = Request::get("/v2/lists".to_owned());
        self.client
            .call(&request, |body| json::decode_data_list(body, "list"))
            .await
    }

    /// One list by slug or id: `GET /v2/lists/{list}`. An unknown list is Attio's 404 (see
    /// [`Error::is_not_found`]).
    ///
    /// ```no_run
    /// # async fn run(client: attio_core::Client) -> Result<(), attio_core::Error> {
    /// let sales = client.lists().get("sales").await?;
    /// println!("{} holds {:?}", sales.name, sales.single_parent_object());
    /// # Ok(())
    /// # }
    /// ```
    pub async fn get(&self, list: &str) -> Result<List, Error> {
        let request = Request::get(list_path(list));
        self.client
            .call(&request, |body| json::decode_data(body, "list"))
            .await
    }

    /// Creates a list: `POST /v2/lists`, with all five fields Attio requires (see
    /// [`NewList`]; access defaults to the whole workspace with full access).
    ///
    /// Attio answers 409 `slug_conflict` for a slug in use, 404 for an unknown parent
    /// object and 400 `value_not_found` for an unknown workspace member. A create is not
    /// sent twice: after a 5xx or a lost response, [`get`](Lists::get) the slug to learn
    /// whether it was stored.
    ///
    /// ```no_run
    /// use attio_core::models::{ListAccessLevel, NewList, WorkspaceAccess};
    /// # async fn run(client: attio_core::Client, me: uuid::Uuid) -> Result<(), attio_core::Error> {
    /// let private = NewList::new("Hiring", "hiring", "people")
    ///     .workspace_access(WorkspaceAccess::Private)
    ///     .member_access(me, ListAccessLevel::FullAccess);
    /// let hiring = client.lists().create(&private).await?;
    /// assert_eq!(hiring.parent_object, ["people"]);
    /// # Ok(())
    /// # }
    /// ```
    pub async fn create(&self, list: &NewList) -> Result<List, Error> {
        let request = Request::new(Method::POST, "/v2/lists".to_owned(), Safety::Create)
            .body(data_body(list));
        self.client
            .call(&request, |body| json::decode_data(body, "list"))
            .await
    }

    /// Updates a list by slug or id: `PATCH /v2/lists/{list}`, sending only the fields set
    /// in `update` (resending an unchanged `workspace_access` would reset access).
    ///
    /// ```no_run
    /// use attio_core::models::{ListUpdate, WorkspaceAccess};
    /// # async fn run(client: attio_core::Client) -> Result<(), attio_core::Error> {
    /// let update = ListUpdate::default().workspace_access(WorkspaceAccess::ReadOnly);
    /// let sales = client.lists().update("sales", &update).await?;
    /// assert_eq!(sales.workspace_access, WorkspaceAccess::ReadOnly);
    /// # Ok(())
    /// # }
    /// ```
    pub async fn update(&self, list: &str, update: &ListUpdate) -> Result<List, Error> {
        let request = Request::new(Method::PATCH, list_path(list), Safety::IdempotentWrite)
            .body(data_body(update));
        self.client
            .call(&request, |body| json::decode_data(body, "list"))
            .await
    }
}

fn list_path(list: &str) -> String {
    format!("/v2/lists/{}", segment(list))
}
