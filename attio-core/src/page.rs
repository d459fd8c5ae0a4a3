//! [`Page`]: one page of a list, with the items that decoded and an error for each that did
//! not.

use crate::error::{DecodeError, Error};

/// One page of a list, decoded item by item: the items the model could hold, and a
/// [`DecodeError`] for each it could not, naming the record. One record the model cannot
/// hold (a required field empty on it, a multiselect read into an `Option`) hides none of
/// the others.
///
/// Returned by [`Query::send_page`](crate::Query::send_page) and
/// [`json::decode_records_lenient`](crate::json::decode_records_lenient).
///
/// ```
/// use attio_core::{json, AttioRecord};
///
/// #[derive(AttioRecord, Debug)]
/// #[attio(object = "workspaces")]
/// struct Workspace {
///     name: String, // required: a workspace without a name cannot be decoded
/// }
///
/// let record = |id: &str, name: &str| format!(
///     r#"{{"id":{{"workspace_id":"14beef7a-99f7-4534-a87e-70b564330a4c",
///     "object_id":"97052eb9-e65e-443f-a297-f2d9a4a7f795","record_id":"{id}"}},
///     "created_at":"2022-11-21T13:22:49.061281000Z","web_url":null,"values":{{"name":[{name}]}}}}"#
/// );
/// let name = r#"{"active_from":"2023-01-01T15:00:00.000000000Z","active_until":null,
///   "created_by_actor":{"type":"system","id":null},"value":"Acme","attribute_type":"text"}"#;
/// let body = format!(
///     r#"{{"data":[{},{}]}}"#,
///     record("bf071e1f-6035-429d-b874-d83ea64ea13b", name),
///     record("5f8e1a7c-2b3d-4e5f-8a9b-0c1d2e3f4a5b", ""),
/// );
/// let page = json::decode_records_lenient::<Workspace>(body.as_bytes())?;
/// assert_eq!(page.items.len(), 1);
/// assert_eq!(page.items[0].values.name, "Acme");
/// let failure = &page.failures[0];
/// assert_eq!(failure.record_id.unwrap().to_string(), "5f8e1a7c-2b3d-4e5f-8a9b-0c1d2e3f4a5b");
/// assert_eq!(failure.attribute.as_deref(), Some("name"));
///
/// // All or nothing: the strict form is an error naming every bad record.
/// let err = page.into_result().unwrap_err();
/// assert!(err.to_string().contains("5f8e1a7c-2b3d-4e5f-8a9b-0c1d2e3f4a5b"));
/// # Ok::<(), attio_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Page<I> {
    /// The items that decoded, in the order of the page.
    pub items: Vec<I>,
    /// One error for each item that did not, in the order of the page; each names its
    /// record ([`DecodeError::record_id`]) when its id could be read.
    pub failures: Vec<DecodeError>,
}

impl<I> Page<I> {
    /// A page whose every item decoded.
    pub(crate) fn complete(items: Vec<I>) -> Self {
        Page {
            items,
            failures: Vec::new(),
        }
    }

    /// A page from each item's outcome, in order.
    pub(crate) fn from_results(results: Vec<Result<I, Box<DecodeError>>>) -> Self {
        let mut page = Page::complete(Vec::with_capacity(results.len()));
        for r in results {
            match r {
                Ok(item) => page.items.push(item),
                Err(e) => page.failures.push(*e),
            }
        }
        page
    }

    /// Whether every item of the page decoded.
    pub fn is_complete(&self) -> bool {
        self.failures.is_empty()
    }

    /// The items, if every item decoded; otherwise [`Error::BadRecords`] naming every item
    /// that did not.
    pub fn into_result(self) -> Result<Vec<I>, Error> {
        if self.failures.is_empty() {
            return Ok(self.items);
        }
        Err(Error::BadRecords {
            object: self.failures[0].object,
            good: self.items.len(),
            failures: self.failures,
        })
    }
}
