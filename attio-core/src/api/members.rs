//! Workspace members, and the token's own identity.

use uuid::Uuid;

use crate::error::Error;
use crate::http::client::Client;
use crate::http::request::Request;
use crate::json;
use crate::models::{Identity, WorkspaceMember};

/// The workspace members of the client's workspace, borrowed from the client by
/// [`Client::members`].
///
/// ```no_run
/// # async fn run(client: attio_core::Client) -> Result<(), attio_core::Error> {
/// for member in client.members().all().await? {
///     println!("{} {} <{}>", member.first_name, member.last_name, member.email_address);
/// }
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Members<'c> {
    client: &'c Client,
}

impl Client {
    /// The workspace members (scope `user_management:read`).
    pub fn members(&self) -> Members<'_> {
        Members { client: self }
    }

    /// What the client's token is: its workspace, scopes and whether it is still active
    /// (`GET /v2/self`, no scope needed).
    ///
    /// A revoked or unknown token is not an error here: Attio answers
    /// `{"active": false}`, so check [`Identity::active`]. (A call that needs a scope is the
    /// better liveness probe, e.g. [`Members::all`].)
    ///
    /// ```no_run
    /// # async fn run(client: attio_core::Client) -> Result<(), attio_core::Error> {
    /// let me = client.identify().await?;
    /// if me.active {
    ///     println!("connected to {:?}", me.workspace_name);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub async fn identify(&self) -> Result<Identity, Error> {
        let request = Request::get("/v2/self".to_owned());
        self.call(&request, |body| json::decode_serde(body, "token identity"))
            .await
    }
}

impl Members<'_> {
    /// Every member of the workspace, suspended ones included: `GET /v2/workspace_members`
    /// (one answer, not paged).
    pub async fn all(&self) -> Result<Vec<WorkspaceMember>, Error> {
        let request = Request::get("/v2/workspace_members".to_owned());
        self.client
            .call(&request, |body| {
                json::decode_data_list(body, "workspace member")
            })
            .await
    }

    /// One member by id: `GET /v2/workspace_members/{workspace_member_id}`. A member that
    /// does not exist is Attio's 404 (see [`Error::is_not_found`]).
    pub async fn get(&self, workspace_member_id: Uuid) -> Result<WorkspaceMember, Error> {
        let request = Request::get(format!("/v2/workspace_members/{workspace_member_id}"));
        self.client
            .call(&request, |body| json::decode_data(body, "workspace member"))
            .await
    }
}
