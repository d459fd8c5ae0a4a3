//! Cross-object search: `POST /v2/objects/records/search`.

use reqwest::Method;
use serde::Serialize;

use crate::error::{Error, ValueError};
use crate::http::client::Client;
use crate::http::request::{Request, Safety};
use crate::json;
use crate::models::{SearchAs, SearchResult};
use crate::record::AttioRecord;

/// The longest query Attio accepts, in characters.
const MAX_QUERY_CHARS: usize = 256;
/// The most results one search returns.
const MAX_RESULTS: u32 = 25;

impl Client {
    /// A fuzzy search across objects, as the search box of Attio's app does:
    /// `POST /v2/objects/records/search` (beta). It matches names, domains, email
    /// addresses, phone numbers and social handles on people and companies, and record
    /// labels on other objects; an empty query returns a default set.
    ///
    /// Choose the objects with [`SearchRequest::object`] (a model's) or
    /// [`SearchRequest::objects`] (slugs or ids); at least one is required.
    ///
    /// **Results are eventually consistent** (a record written a moment ago may be missing,
    /// or found under its old values) and at most 25; only records are searched, not notes,
    /// tasks or comments. For exact, complete reads use [`Client::query`].
    ///
    /// ```no_run
    /// # use attio_core::AttioRecord;
    /// # #[derive(AttioRecord)] #[attio(object = "people")]
    /// # struct Person { #[attio(unique)] email_addresses: Vec<attio_core::values::EmailAddress> }
    /// # #[derive(AttioRecord)] #[attio(object = "companies")]
    /// # struct Company { #[attio(unique)] domains: Vec<attio_core::values::Domain> }
    /// # async fn run(client: attio_core::Client) -> Result<(), attio_core::Error> {
    /// let found = client
    ///     .search("ada")
    ///     .object::<Person>()
    ///     .object::<Company>()
    ///     .limit(10)
    ///     .send()
    ///     .await?;
    /// for hit in &found {
    ///     println!("{} {}: {}", hit.object_slug, hit.id.record_id, hit.record_text);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub fn search(&self, query: impl Into<String>) -> SearchRequest<'_> {
        SearchRequest {
            client: self,
            query: query.into(),
            objects: Vec::new(),
            limit: None,
            request_as: SearchAs::Workspace,
        }
    }
}

/// A cross-object search, built by [`Client::search`]; nothing is sent until
/// [`send`](Self::send).
#[must_use = "a search does nothing until it is sent"]
#[derive(Debug, Clone)]
pub struct SearchRequest<'c> {
    client: &'c Client,
    query: String,
    objects: Vec<String>,
    limit: Option<u32>,
    request_as: SearchAs,
}

/// The request body.
#[derive(Serialize)]
struct Body<'a> {
    query: &'a str,
    objects: &'a [String],
    request_as: &'a SearchAs,
    #[serde(skip_serializing_if = "Option::is_none")]
    limit: Option<u32>,
}

impl SearchRequest<'_> {
    /// Searches the records of `T`'s object too.
    pub fn object<T: AttioRecord>(mut self) -> Self {
        self.objects.push(T::OBJECT.to_owned());
        self
    }

    /// Searches the records of these objects too (slugs or ids).
    pub fn objects<I, S>(mut self, objects: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.objects.extend(objects.into_iter().map(Into::into));
        self
    }

    /// At most `limit` results, 1 to 25 (Attio's default and maximum is 25).
    pub fn limit(mut self, limit: u32) -> Self {
        self.limit = Some(limit);
        self
    }

    /// Searches as a workspace member sees the workspace, instead of the whole workspace.
    pub fn request_as(mut self, who: SearchAs) -> Self {
        self.request_as = who;
        self
    }

    /// Sends the search (paced and retried as a read). A query over 256 characters, a
    /// limit outside 1..=25 or no object at all is refused before sending
    /// ([`Error::InvalidValue`]); an unknown object is Attio's 400 `value_not_found`.
    pub async fn send(self) -> Result<Vec<SearchResult>, Error> {
        let request = self.to_request()?;
        self.client
            .call(&request, |body| {
                json::decode_data_list(body, "search result")
            })
            .await
    }

    /// The request, after checking what Attio would refuse.
    fn to_request(&self) -> Result<Request, Error> {
        let chars = self.query.chars().count();
        if chars > MAX_QUERY_CHARS {
            return Err(ValueError::new(
                "search query",
                self.query.clone(),
                format!("it has {chars} characters; Attio searches at most {MAX_QUERY_CHARS}"),
            )
            .into());
        }
        if self.objects.is_empty() {
            return Err(ValueError::new(
                "search objects",
                "[]",
                "no object to search: name at least one with `.object::<T>()` or `.objects([..])`",
            )
            .into());
        }
        if let Some(limit) = self.limit
            && !(1..=MAX_RESULTS).contains(&limit)
        {
            return Err(ValueError::new(
                "search limit",
                limit.to_string(),
                format!("Attio returns 1 to {MAX_RESULTS} results per search"),
            )
            .into());
        }
        let body = Body {
            query: &self.query,
            objects: &self.objects,
            request_as: &self.request_as,
            limit: self.limit,
        };
        let body = serde_json::to_vec(&body).map_err(|e| {
            Error::from(ValueError::new("search", self.query.clone(), e.to_string()))
        })?;
        Ok(Request::new(
            Method::POST,
            "/v2/objects/records/search".to_owned(),
            Safety::Read,
        )
        .body(body))
    }
}
