//! Merging two records: `POST /v2/objects/{object}/records/merge`, then waiting until the
//! merged record can be read.

use std::time::Duration;

use reqwest::Method;
use serde::Serialize;
use uuid::Uuid;

use crate::error::{Error, ErrorCode};
use crate::http::client::Client;
use crate::http::request::{Request, Safety};
use crate::json;
use crate::models::Merged;
use crate::record::{AttioRecord, Record};

/// The first wait before reading a merged record again; it doubles up to [`MAX_POLL`].
const FIRST_POLL: Duration = Duration::from_millis(100);
/// The longest single wait between two reads of a merged record.
const MAX_POLL: Duration = Duration::from_secs(5);
/// How long [`Client::merge`] waits in all for a merge to finish applying.
pub const MERGE_WAIT: Duration = Duration::from_secs(120);

impl Client {
    /// Merges two records of `T`'s object into one (beta):
    /// `POST /v2/objects/{object}/records/merge`, then reads the merged record.
    ///
    /// The primary record wins where both have a value; the secondary's values fill the
    /// attributes the primary leaves empty. The result is a **new** record, with an id that
    /// is neither of the two; both originals stop answering (Attio's `404`), so replace
    /// every id you keep of either with the returned record's `id.record_id`.
    ///
    /// Attio answers 200 when the merge is applied, or 202 when it is committed but still
    /// applying: until it is, a read of the new record answers 404 `merge_in_progress` and a
    /// write touching the merged records 400 `merge_in_progress`. Either way this call reads
    /// the new record, waiting between reads (from 100 ms, doubling up to 5 s, at most
    /// [`MERGE_WAIT`] in all) while Attio answers `merge_in_progress`; if it still does after
    /// that, the error is that 404, naming the new record's id (see
    /// [`ErrorCode::MergeInProgress`]).
    ///
    /// The merge is not idempotent (sent again, Attio answers 404): after a 5xx or a lost
    /// response it is not resent, and the error is returned. Merging a record with itself is
    /// Attio's 400 `self_merge`; an unknown record its 404. Attio allows 5 merges a second;
    /// they are paced as writes.
    ///
    /// ```no_run
    /// # use attio_core::AttioRecord;
    /// # #[derive(AttioRecord)] #[attio(object = "people")]
    /// # struct Person { #[attio(unique)] email_addresses: Vec<attio_core::values::EmailAddress> }
    /// # async fn run(client: attio_core::Client, kept: uuid::Uuid, duplicate: uuid::Uuid) -> Result<(), attio_core::Error> {
    /// let merged = client.merge::<Person>(kept, duplicate).await?;
    /// println!("both are now {}", merged.id.record_id);
    /// # Ok(())
    /// # }
    /// ```
    pub async fn merge<T: AttioRecord>(
        &self,
        primary_record_id: Uuid,
        secondary_record_id: Uuid,
    ) -> Result<Record<T>, Error> {
        let merged = self
            .merge_request(T::OBJECT, primary_record_id, secondary_record_id)
            .await?;
        self.read_merged::<T>(merged.new_record_id).await
    }

    /// Sends the merge and returns the new record's id, whether Attio answered 200 or 202.
    async fn merge_request(
        &self,
        object: &str,
        primary_record_id: Uuid,
        secondary_record_id: Uuid,
    ) -> Result<Merged, Error> {
        #[derive(Serialize)]
        struct Data {
            primary_record_id: Uuid,
            secondary_record_id: Uuid,
        }
        #[derive(Serialize)]
        struct Body {
            data: Data,
        }
        let body = serde_json::to_vec(&Body {
            data: Data {
                primary_record_id,
                secondary_record_id,
            },
        })
        .map_err(|e| Error::Config(format!("cannot encode a merge: {e}")))?;
        let request = Request::new(
            Method::POST,
            format!(
                "/v2/objects/{}/records/merge",
                crate::models::segment(object)
            ),
            Safety::Create,
        )
        .body(body);
        self.call(&request, |b| json::decode_data(b, "merge")).await
    }

    /// Reads the merged record, waiting while Attio answers `merge_in_progress`.
    async fn read_merged<T: AttioRecord>(&self, record_id: Uuid) -> Result<Record<T>, Error> {
        let mut waited = Duration::ZERO;
        let mut next = FIRST_POLL;
        loop {
            match self.get::<T>(record_id).await {
                Err(e)
                    if e.code() == Some(&ErrorCode::MergeInProgress)
                        && waited + next <= MERGE_WAIT =>
                {
                    tracing::debug!(%record_id, ?next, "merge still applying; reading again");
                    tokio::time::sleep(next).await;
                    waited += next;
                    next = (next * 2).min(MAX_POLL);
                }
                other => return other,
            }
        }
    }
}
