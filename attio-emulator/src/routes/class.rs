//! How each route is counted, rate-limited and fault-drawn: as a read or as a write.
//! GET and HEAD are reads and every other method a write, unless the route declares
//! itself a read: a POST that only reads (a query, a search) is built with
//! [`Routes::read_post`].

use std::collections::HashSet;
use std::sync::Arc;

use axum::Router;
use axum::handler::Handler;
use axum::http::Method;
use axum::routing::{MethodRouter, post};

use crate::store::Store;

/// The class of a request, for rate limits, fault rates and counters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Class {
    /// Reads: GET, HEAD, and the POSTs declared as reads.
    Read,
    /// Writes: every other request.
    Write,
}

/// The routes of one or more areas, with the class each declares.
pub(crate) struct Routes {
    router: Router<Arc<Store>>,
    read_posts: HashSet<&'static str>,
}

impl Routes {
    /// No routes yet.
    pub(crate) fn new() -> Self {
        Routes {
            router: Router::new(),
            read_posts: HashSet::new(),
        }
    }

    /// A route whose requests are classed by method.
    pub(crate) fn route(mut self, path: &'static str, methods: MethodRouter<Arc<Store>>) -> Self {
        self.router = self.router.route(path, methods);
        self
    }

    /// A POST route that only reads (a query or a search): it is counted, rate-limited
    /// and fault-drawn as a read.
    pub(crate) fn read_post<H, T>(mut self, path: &'static str, handler: H) -> Self
    where
        H: Handler<T, Arc<Store>>,
        T: 'static,
    {
        self.router = self.router.route(path, post(handler));
        self.read_posts.insert(path);
        self
    }

    /// These routes and those of `other`.
    pub(crate) fn merge(mut self, other: Routes) -> Self {
        self.router = self.router.merge(other.router);
        self.read_posts.extend(other.read_posts);
        self
    }

    /// The router, answering `fallback` for unknown routes and methods, and the classes
    /// its routes declared.
    pub(crate) fn finish<H, T>(self, fallback: H) -> (Router<Arc<Store>>, Classes)
    where
        H: Handler<T, Arc<Store>> + Clone,
        T: 'static,
    {
        let router = self
            .router
            .fallback(fallback.clone())
            .method_not_allowed_fallback(fallback);
        let classes = Classes {
            read_posts: self.read_posts,
        };
        (router, classes)
    }
}

/// The classes the routes declared, looked up by the route a request matched.
#[derive(Clone, Debug, Default)]
pub(crate) struct Classes {
    read_posts: HashSet<&'static str>,
}

impl Classes {
    /// The class of a request with `method` that matched the route `route` (its path
    /// template, e.g. `/v2/objects/{object}/records/query`; `None` when no route matched).
    pub(crate) fn of(&self, method: &Method, route: Option<&str>) -> Class {
        let read_post =
            *method == Method::POST && route.is_some_and(|r| self.read_posts.contains(r));
        if *method == Method::GET || *method == Method::HEAD || read_post {
            Class::Read
        } else {
            Class::Write
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn handler() {}

    #[test]
    fn a_declared_read_post_is_a_read_and_other_posts_are_writes() {
        let (_, classes) = Routes::new()
            .route("/v2/things", post(handler))
            .read_post("/v2/things/query", handler)
            .finish(handler);
        assert_eq!(
            classes.of(&Method::POST, Some("/v2/things/query")),
            Class::Read
        );
        assert_eq!(classes.of(&Method::POST, Some("/v2/things")), Class::Write);
        assert_eq!(
            classes.of(&Method::DELETE, Some("/v2/things/query")),
            Class::Write
        );
        assert_eq!(classes.of(&Method::GET, Some("/v2/things")), Class::Read);
        assert_eq!(classes.of(&Method::HEAD, None), Class::Read);
        assert_eq!(classes.of(&Method::POST, None), Class::Write);
    }
}
