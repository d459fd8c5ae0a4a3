//! What a records query and an entries query share: their filters (combined with `$and`),
//! sorts, page size and offset, the body they send and the export they start. Each query
//! type keeps its own typed builder methods and rustdoc over one [`QueryParts`].

use std::fmt;

use crate::api::export::{DecodePage, Source};
use crate::http::request::Request;
use crate::json;

/// Attio's default (and the practical maximum) page size of a records or entries query.
const DEFAULT_PAGE: usize = 500;

/// The parts of a query body.
#[derive(Clone, Default)]
pub(crate) struct QueryParts {
    pub(crate) filters: Vec<serde_json::Value>,
    pub(crate) sorts: Vec<serde_json::Value>,
    pub(crate) limit: Option<usize>,
    pub(crate) offset: usize,
}

impl QueryParts {
    /// The filter as sent: `None`, the one filter, or `{"$and": [...]}`.
    pub(crate) fn filter_json(&self) -> Option<serde_json::Value> {
        match self.filters.as_slice() {
            [] => None,
            [one] => Some(one.clone()),
            many => Some(serde_json::json!({ "$and": many })),
        }
    }

    /// The request body, `{"filter":…,"sorts":…,"limit":…,"offset":…}`.
    pub(crate) fn to_body(&self) -> Vec<u8> {
        json::encode_query(
            self.filter_json().as_ref(),
            &self.sorts,
            self.limit,
            self.offset,
        )
    }

    /// The export of every page of this query: `request` without its body, the sorts of
    /// `in_creation_order`, the page decoder and the object or list read.
    pub(crate) fn into_source<I>(
        self,
        request: Request,
        creation_order: &'static [&'static str],
        decode: DecodePage<I>,
        target: &'static str,
    ) -> Source<I> {
        Source {
            request,
            filter: self.filter_json(),
            sorts: self.sorts,
            page_size: self.limit.unwrap_or(DEFAULT_PAGE),
            offset: self.offset,
            creation_order,
            decode,
            target,
        }
    }

    /// The `Debug` of a query: its type name, what it reads, and these parts as sent.
    pub(crate) fn debug(
        &self,
        f: &mut fmt::Formatter<'_>,
        name: &str,
        target_kind: &str,
        target: &str,
    ) -> fmt::Result {
        f.debug_struct(name)
            .field(target_kind, &target)
            .field("filter", &self.filter_json())
            .field("sorts", &self.sorts)
            .field("limit", &self.limit)
            .field("offset", &self.offset)
            .finish()
    }
}
