//! The async client: typed calls for any `#[derive(AttioRecord)]` model, and handles on the
//! other areas of the API.
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

pub use crate::api::oauth;
pub use crate::api::records::{Bulk, Query, RecordStream};
pub use crate::api::{Export, ExportProgress, ExportStream, Progress, RawRequest, SearchRequest};
pub use crate::http::builder::{ClientBuilder, DEFAULT_BASE_URL};
pub use crate::http::client::Client;
pub use crate::http::pacing::RateLimits;
pub use crate::http::retry::RetryPolicy;
/// The HTTP method of a request sent with [`Client::request`] (reqwest's, re-exported).
pub use reqwest::Method;
