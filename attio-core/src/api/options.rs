//! The select options and statuses of an attribute of an object or a list:
//! `…/attributes/{attribute}/options[/{option}]` and `…/statuses[/{status}]`.

use reqwest::Method;

use super::objects::{Listing, Objects, attribute_path, data_body};
use crate::error::Error;
use crate::http::request::{Request, Safety};
use crate::json;
use crate::models::{
    AttributeOption, AttributeStatus, NewStatus, OptionUpdate, StatusUpdate, Target, segment,
};

impl<'c> Objects<'c> {
    /// The options of a `select` attribute: `GET …/attributes/{attribute}/options`. Await
    /// it for the unarchived ones, or set [`show_archived`](Listing::show_archived) first.
    /// On a `status` attribute Attio answers no options (its values are
    /// [`statuses`](Objects::statuses)).
    ///
    /// ```no_run
    /// use attio_core::models::Target;
    /// # async fn run(client: attio_core::Client) -> Result<(), attio_core::Error> {
    /// let categories = client.objects().options(Target::object("companies"), "categories");
    /// for option in categories.show_archived(true).await? {
    ///     println!("{} archived={}", option.title, option.is_archived);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub fn options(
        &self,
        target: impl Into<Target>,
        attribute: &str,
    ) -> Listing<'c, AttributeOption> {
        let path = format!("{}/options", attribute_path(&target.into(), attribute));
        Listing::new(self.client, path, "select option")
    }

    /// Adds an option titled `title` to a `select` attribute:
    /// `POST …/attributes/{attribute}/options`. A title in use is Attio's 409
    /// `slug_conflict`.
    ///
    /// ```no_run
    /// use attio_core::models::Target;
    /// # async fn run(client: attio_core::Client) -> Result<(), attio_core::Error> {
    /// let b2b = client.objects().create_option(Target::object("companies"), "categories", "B2B").await?;
    /// println!("{}", b2b.id);
    /// # Ok(())
    /// # }
    /// ```
    pub async fn create_option(
        &self,
        target: impl Into<Target>,
        attribute: &str,
        title: impl Into<String>,
    ) -> Result<AttributeOption, Error> {
        let path = format!("{}/options", attribute_path(&target.into(), attribute));
        let body = OptionUpdate::default().title(title);
        let request = Request::new(Method::POST, path, Safety::Create).body(data_body(&body));
        self.client
            .call(&request, |body| json::decode_data(body, "select option"))
            .await
    }

    /// Renames, archives or restores an option, by id or title:
    /// `PATCH …/attributes/{attribute}/options/{option}`.
    ///
    /// ```no_run
    /// use attio_core::models::{OptionUpdate, Target};
    /// # async fn run(client: attio_core::Client) -> Result<(), attio_core::Error> {
    /// let archive = OptionUpdate::default().archived(true);
    /// client
    ///     .objects()
    ///     .update_option(Target::object("companies"), "categories", "B2B", &archive)
    ///     .await?;
    /// # Ok(())
    /// # }
    /// ```
    pub async fn update_option(
        &self,
        target: impl Into<Target>,
        attribute: &str,
        option: &str,
        update: &OptionUpdate,
    ) -> Result<AttributeOption, Error> {
        let path = format!(
            "{}/options/{}",
            attribute_path(&target.into(), attribute),
            segment(option)
        );
        let request =
            Request::new(Method::PATCH, path, Safety::IdempotentWrite).body(data_body(update));
        self.client
            .call(&request, |body| json::decode_data(body, "select option"))
            .await
    }

    /// The statuses of a `status` attribute: `GET …/attributes/{attribute}/statuses`. Await
    /// it for the unarchived ones, or set [`show_archived`](Listing::show_archived) first.
    ///
    /// ```no_run
    /// use attio_core::models::Target;
    /// # async fn run(client: attio_core::Client) -> Result<(), attio_core::Error> {
    /// for status in client.objects().statuses(Target::list("sales"), "stage").await? {
    ///     println!("{} ({:?})", status.title, status.target_time_in_status);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub fn statuses(
        &self,
        target: impl Into<Target>,
        attribute: &str,
    ) -> Listing<'c, AttributeStatus> {
        let path = format!("{}/statuses", attribute_path(&target.into(), attribute));
        Listing::new(self.client, path, "status")
    }

    /// Adds a status to a `status` attribute: `POST …/attributes/{attribute}/statuses`. A
    /// title in use is Attio's 409 `slug_conflict`.
    ///
    /// ```no_run
    /// use attio_core::models::{NewStatus, Target};
    /// # async fn run(client: attio_core::Client) -> Result<(), attio_core::Error> {
    /// let won = NewStatus::new("Won").celebration().target_time_in_status("P30D");
    /// client.objects().create_status(Target::list("sales"), "stage", &won).await?;
    /// # Ok(())
    /// # }
    /// ```
    pub async fn create_status(
        &self,
        target: impl Into<Target>,
        attribute: &str,
        status: &NewStatus,
    ) -> Result<AttributeStatus, Error> {
        let path = format!("{}/statuses", attribute_path(&target.into(), attribute));
        let request = Request::new(Method::POST, path, Safety::Create).body(data_body(status));
        self.client
            .call(&request, |body| json::decode_data(body, "status"))
            .await
    }

    /// Renames, archives or restores a status, or changes its celebration or target time,
    /// by id or title: `PATCH …/attributes/{attribute}/statuses/{status}`.
    ///
    /// ```no_run
    /// use attio_core::models::{StatusUpdate, Target};
    /// # async fn run(client: attio_core::Client) -> Result<(), attio_core::Error> {
    /// let archive = StatusUpdate::default().archived(true);
    /// client.objects().update_status(Target::list("sales"), "stage", "Lost", &archive).await?;
    /// # Ok(())
    /// # }
    /// ```
    pub async fn update_status(
        &self,
        target: impl Into<Target>,
        attribute: &str,
        status: &str,
        update: &StatusUpdate,
    ) -> Result<AttributeStatus, Error> {
        let path = format!(
            "{}/statuses/{}",
            attribute_path(&target.into(), attribute),
            segment(status)
        );
        let request =
            Request::new(Method::PATCH, path, Safety::IdempotentWrite).body(data_body(update));
        self.client
            .call(&request, |body| json::decode_data(body, "status"))
            .await
    }
}
