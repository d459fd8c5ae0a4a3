//! The HTTP routes under `/v2`: one file per API area, each giving its [`Routes`] (the
//! router and the rate-limit class each route declares), merged here with the fallback.
//! Handlers share the extractors and helpers of `extract.rs`.

mod attributes;
mod class;
mod entries;
mod extract;
mod fields;
mod lists;
mod merge;
mod meta;
mod new_attribute;
mod notes;
mod oauth;
mod objects;
mod records;
mod search;
mod tasks;
mod threads;
mod webhooks;

use std::sync::Arc;

use axum::Router;
use axum::response::{IntoResponse, Response};

pub(crate) use class::{Class, Classes, Routes};

use crate::error::ApiError;
use crate::store::Store;

/// Every route (without the auth/rate-limit/fault layer), and the classes they declare.
pub(crate) fn router() -> (Router<Arc<Store>>, Classes) {
    Routes::new()
        .merge(meta::routes())
        .merge(objects::routes())
        .merge(attributes::routes())
        .merge(records::routes())
        .merge(search::routes())
        .merge(merge::routes())
        .merge(oauth::routes())
        .merge(lists::routes())
        .merge(entries::routes())
        .merge(notes::routes())
        .merge(tasks::routes())
        .merge(threads::routes())
        .merge(webhooks::routes())
        .finish(fallback)
}

/// Whether `route` is one of the OAuth pages, which are not API calls (no key, no budget).
pub(crate) fn is_oauth_page(route: &str) -> bool {
    oauth::PAGES.contains(&route)
}

async fn fallback() -> Response {
    ApiError::not_found("The requested route was not found.").into_response()
}

#[cfg(test)]
mod tests {
    use axum::http::Method;

    use super::*;

    #[test]
    fn the_records_query_is_declared_a_read() {
        let (_, classes) = router();
        let query = Some("/v2/objects/{object}/records/query");
        assert_eq!(classes.of(&Method::POST, query), Class::Read);
        let records = Some("/v2/objects/{object}/records");
        assert_eq!(classes.of(&Method::POST, records), Class::Write);
        assert_eq!(classes.of(&Method::PUT, records), Class::Write);
        assert_eq!(classes.of(&Method::GET, Some("/v2/objects")), Class::Read);
    }

    #[test]
    fn the_entries_query_is_declared_a_read() {
        let (_, classes) = router();
        let query = Some("/v2/lists/{list}/entries/query");
        assert_eq!(classes.of(&Method::POST, query), Class::Read);
        let entries = Some("/v2/lists/{list}/entries");
        assert_eq!(classes.of(&Method::POST, entries), Class::Write);
        assert_eq!(classes.of(&Method::PUT, entries), Class::Write);
        assert_eq!(classes.of(&Method::POST, Some("/v2/lists")), Class::Write);
    }
}
