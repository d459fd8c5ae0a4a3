//! A stateful, in-process emulator of the [Attio](https://attio.com) v2 REST API, for tests
//! and examples.
//!
//! The emulator is an HTTP server (axum on tokio; HTTP/1.1, and HTTP/2 for a client that
//! speaks it from the first byte) on a loopback port that behaves like the
//! live API for objects, attributes and records: the standard objects `people`,
//! `companies`, `deals`, `users` and `workspaces`; record create / assert / get / PATCH /
//! PUT / delete / query with Attio's filter and sort syntax; value history; notes (markdown
//! and plain text), tasks, comment threads and workspace members; Attio's read
//! shapes (every attribute present, derived fields filled, nine-digit timestamps); Attio's
//! write rules and error bodies; the 100 reads/s and 25 writes/s rate limits with a
//! `Retry-After` HTTP date; and seeded, reproducible fault injection.
//!
//! ```
//! # async fn demo() -> std::io::Result<()> {
//! use attio_emulator::{Emulator, Faults, FaultRates};
//!
//! let emu = Emulator::builder()
//!     .no_rate_limits()
//!     .faults(Faults { seed: 7, writes: FaultRates { error_503: 0.1, ..Default::default() }, ..Default::default() })
//!     .start()
//!     .await?;
//! // Point any HTTP client (or the attio-rs client) at these:
//! let url = format!("{}/v2/objects/people/records", emu.base_url());
//! let auth = format!("Bearer {}", emu.api_key());
//! # let _ = (url, auth);
//! assert_eq!(emu.record_count("people"), 0);
//! emu.shutdown().await;
//! # Ok(())
//! # }
//! # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(demo()).unwrap();
//! ```
//!
//! Lists, list attributes and list entries are emulated too: entry create, assert by parent,
//! PATCH / PUT / delete, queries with `parent_record` path filters and sorts, value history
//! and a record's entries across lists. [`Emulator::records`] and [`Emulator::entries`]
//! show what is stored.
//!
//! Cross-object search (`POST /v2/objects/records/search`) and merging records
//! (`POST /v2/objects/{object}/records/merge`, 200 or 202 while applying: see
//! [`Emulator::set_merge_reads_in_progress`]) are emulated, and so is OAuth's
//! authorization-code flow at the base URL (`GET /authorize`, `POST /oauth/token`, for
//! apps registered with [`Emulator::register_oauth_app`]). Every answer carries a fresh
//! `x-attio-execution-id` header, Attio's id of the request.
//!
//! Webhooks are emulated with their deliveries: writes queue Attio's events, which are
//! POSTed, signed, to the webhooks subscribed to them, retried, and the webhook turned
//! `degraded` when the retries run out; only loopback hosts are ever contacted.
//! [`Emulator::wait_for_webhooks`] waits for the deliveries of the writes so far and
//! [`Emulator::webhook_deliveries`] lists them.
//!
//! Everything the emulator stores lives in memory behind a lock; with
//! [`EmulatorBuilder::data_file`] it is loaded from a JSON file at start and saved back on
//! [`Emulator::shutdown`] (and on drop).
//!
//! # Faults on the wire
//!
//! * `error_500` / `error_503`: an Attio-style error body
//!   `{"status_code":500,"type":"internal_server_error","code":"internal_server_error",…}`
//!   with that status; the request is not processed.
//! * `rate_limit_429`: the rate-limit body and a `Retry-After` HTTP date (the next whole
//!   second); the request is not processed.
//! * `drop_before`: the connection is closed without any response bytes and the request is
//!   not processed. The server answers with a body stream that fails on its first poll, so
//!   hyper aborts the connection before flushing the status line; a client sees a transport
//!   error (reqwest: "connection closed before message completed").
//! * `drop_after`: the request is processed (a write is stored) and then the connection is
//!   closed the same way: the response is lost.
//! * `latency`: a delay drawn uniformly from `(min, max)`, added to every request of the
//!   class before it is processed.
//!
//! One generator seeded from [`Faults::seed`] draws two numbers per request in arrival
//! order, so the same seed and the same request sequence give the same faults. A
//! [`ScriptedFault`] fails one request chosen by its method, path and rank instead (the
//! third page of a query, say), whatever the seed.

#![warn(missing_docs)]

mod config;
mod delivery;
mod error;
mod model;
mod routes;
mod rules;
mod server;
mod standard;
mod store;
mod values;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use server::Shared;
use store::Store;

pub use config::{FaultRates, Faults, Injected, RateLimits, ScriptedFault, Stats};
pub use delivery::{DeliveryOutcome, WebhookDelivery};

/// The API key the emulator accepts when none is configured.
pub const DEFAULT_API_KEY: &str = "attio-emulator-key";

/// The workspace slug used in `web_url`s when none is configured.
pub const DEFAULT_WORKSPACE_SLUG: &str = "emulator";

/// Configures and starts an [`Emulator`].
#[derive(Clone, Debug)]
pub struct EmulatorBuilder {
    addr: SocketAddr,
    api_key: String,
    rate_limits: Option<RateLimits>,
    faults: Faults,
    data_file: Option<PathBuf>,
    workspace_slug: String,
    retry_delays: Vec<Duration>,
    scripted: Vec<ScriptedFault>,
}

impl Default for EmulatorBuilder {
    fn default() -> Self {
        EmulatorBuilder {
            addr: SocketAddr::from(([127, 0, 0, 1], 0)),
            api_key: DEFAULT_API_KEY.to_string(),
            rate_limits: Some(RateLimits::default()),
            faults: Faults::default(),
            data_file: None,
            workspace_slug: DEFAULT_WORKSPACE_SLUG.to_string(),
            retry_delays: delivery::default_retry_delays(),
            scripted: Vec::new(),
        }
    }
}

impl EmulatorBuilder {
    /// Address to listen on (default `127.0.0.1:0`, a free port).
    pub fn addr(mut self, addr: SocketAddr) -> Self {
        self.addr = addr;
        self
    }

    /// The API key to accept (default [`DEFAULT_API_KEY`]).
    pub fn api_key(mut self, key: impl Into<String>) -> Self {
        self.api_key = key.into();
        self
    }

    /// Rate limits (default [`RateLimits::default`], 100 reads/s and 25 writes/s).
    pub fn rate_limits(mut self, limits: RateLimits) -> Self {
        self.rate_limits = Some(limits);
        self
    }

    /// Turns rate limiting off.
    pub fn no_rate_limits(mut self) -> Self {
        self.rate_limits = None;
        self
    }

    /// Fault injection (default none).
    pub fn faults(mut self, faults: Faults) -> Self {
        self.faults = faults;
        self
    }

    /// A deterministic fault: the `nth` request of a method and path answered with a
    /// fault, once (see [`ScriptedFault`]). Call again for more.
    pub fn scripted_fault(mut self, fault: ScriptedFault) -> Self {
        self.scripted.push(fault);
        self
    }

    /// A JSON file to load the workspace from at start (if it exists) and to save it to
    /// on shutdown.
    pub fn data_file(mut self, path: impl Into<PathBuf>) -> Self {
        self.data_file = Some(path.into());
        self
    }

    /// The workspace slug used in `web_url`s (default [`DEFAULT_WORKSPACE_SLUG`]).
    /// Ignored when a data file is loaded.
    pub fn workspace_slug(mut self, slug: impl Into<String>) -> Self {
        self.workspace_slug = slug.into();
        self
    }

    /// The waits between the attempts of a failed webhook delivery: one retry per delay,
    /// after which the webhook turns `degraded` (default: 10 retries, from 50 ms doubling
    /// up to 1 s; Attio spreads its 10 over about 3 days).
    pub fn webhook_retry_delays(mut self, delays: impl IntoIterator<Item = Duration>) -> Self {
        self.retry_delays = delays.into_iter().collect();
        self
    }

    /// Binds the listener and starts serving on the current tokio runtime.
    pub async fn start(self) -> std::io::Result<Emulator> {
        let state = match &self.data_file {
            Some(p) if p.exists() => {
                let bytes = std::fs::read(p)?;
                let mut st: model::State = serde_json::from_slice(&bytes)
                    .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))?;
                st.rebuild_index();
                st
            }
            _ => standard::new_state(&self.workspace_slug),
        };
        let store = Arc::new(Store::new(state));
        let deliveries = delivery::Deliveries::new(store.clone(), self.retry_delays.clone());
        let delivery_task = deliveries.spawn();
        let (router, classes) = routes::router();
        let shared = Arc::new(Shared::new(
            self.api_key.clone(),
            store.clone(),
            classes,
            self.rate_limits,
            self.faults,
        ));
        for fault in self.scripted.iter().cloned() {
            shared.add_scripted(fault);
        }
        let listener = tokio::net::TcpListener::bind(self.addr).await?;
        let addr = listener.local_addr()?;
        let app = router
            .layer(axum::middleware::from_fn_with_state(
                shared.clone(),
                server::guard,
            ))
            .with_state(store);
        let (tx, rx) = tokio::sync::watch::channel(false);
        let mut rx_grace = rx.clone();
        let task = tokio::spawn(async move {
            let mut rx = rx;
            let server = axum::serve(listener, app).with_graceful_shutdown(async move {
                let _ = rx.wait_for(|stop| *stop).await;
            });
            let server = std::future::IntoFuture::into_future(server);
            tokio::pin!(server);
            tokio::select! {
                r = &mut server => {
                    if let Err(e) = r {
                        tracing::warn!("attio-emulator server error: {e}");
                    }
                }
                _ = async {
                    let _ = rx_grace.wait_for(|stop| *stop).await;
                    tokio::time::sleep(Duration::from_secs(2)).await;
                } => {}
            }
        });
        tracing::debug!("attio-emulator listening on http://{addr}");
        Ok(Emulator {
            shared,
            addr,
            base_url: format!("http://{addr}"),
            stop: tx,
            task: Some(task),
            deliveries,
            delivery_task,
            data_file: self.data_file,
            saved: false,
        })
    }
}

/// A running emulator. Dropping it stops the server (and saves the data file, if any).
pub struct Emulator {
    shared: Arc<Shared>,
    addr: SocketAddr,
    base_url: String,
    stop: tokio::sync::watch::Sender<bool>,
    task: Option<tokio::task::JoinHandle<()>>,
    deliveries: Arc<delivery::Deliveries>,
    delivery_task: tokio::task::JoinHandle<()>,
    data_file: Option<PathBuf>,
    saved: bool,
}

impl std::fmt::Debug for Emulator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Emulator")
            .field("base_url", &self.base_url)
            .field("data_file", &self.data_file)
            .finish_non_exhaustive()
    }
}

impl Emulator {
    /// A builder with the defaults: `127.0.0.1:0`, [`DEFAULT_API_KEY`], default rate
    /// limits, no faults, no data file.
    pub fn builder() -> EmulatorBuilder {
        EmulatorBuilder::default()
    }

    /// Starts an emulator with the defaults.
    pub async fn start() -> std::io::Result<Emulator> {
        Self::builder().start().await
    }

    /// `http://127.0.0.1:PORT`, without `/v2`; the API lives under `/v2/…`.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The API key the emulator accepts (send it as `Authorization: Bearer <key>`).
    pub fn api_key(&self) -> &str {
        self.shared.api_key()
    }

    /// The address the server listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Replaces the fault configuration; the generator restarts from the new seed.
    pub fn set_faults(&self, faults: Faults) {
        self.shared.set_faults(faults);
    }

    /// Arms a deterministic fault: the `nth` request of a method and path from now on is
    /// answered with a fault, once (see [`ScriptedFault`]). Scripted faults apply beside
    /// the seeded fault shares, which [`set_faults`](Emulator::set_faults) leaves armed.
    ///
    /// ```
    /// # async fn demo() -> std::io::Result<()> {
    /// use attio_emulator::{Emulator, Injected, ScriptedFault};
    /// let emu = Emulator::start().await?;
    /// emu.scripted_fault(ScriptedFault::new("GET", "/v2/self", 2, Injected::Error503));
    /// let get = || reqwest::Client::new().get(format!("{}/v2/self", emu.base_url())).bearer_auth(emu.api_key()).send();
    /// assert_eq!(get().await.unwrap().status(), 200);
    /// assert_eq!(get().await.unwrap().status(), 503);
    /// assert_eq!(get().await.unwrap().status(), 200);
    /// assert_eq!(emu.stats().injected_503, 1);
    /// # Ok(())
    /// # }
    /// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(demo()).unwrap();
    /// ```
    pub fn scripted_fault(&self, fault: ScriptedFault) {
        self.shared.add_scripted(fault);
    }

    /// Replaces the rate limits (`None` turns them off); the buckets start full.
    pub fn set_rate_limits(&self, limits: Option<RateLimits>) {
        self.shared.set_rate_limits(limits);
    }

    /// The `x-attio-execution-id` header of the latest answer (every answer carries a fresh
    /// one, as Attio's do), to compare with what a client kept.
    pub fn last_execution_id(&self) -> Option<String> {
        self.shared.last_execution_id()
    }

    /// Request and fault counters.
    pub fn stats(&self) -> Stats {
        self.shared.stats()
    }

    /// The number of records of an object (slug or id); 0 for an unknown object.
    pub fn record_count(&self, object: &str) -> usize {
        let st = self.shared.store().read();
        st.object(object)
            .map_or(0, |o| st.item_count(&model::OwnerKey::object(&o.api_slug)))
    }

    /// The records of an object in their read shape (as `GET …/records/{id}` returns
    /// them under `data`), in creation order.
    pub fn records(&self, object: &str) -> Vec<serde_json::Value> {
        let st = self.shared.store().read();
        st.object(object)
            .map(|o| store::records::render_all(&st, o))
            .unwrap_or_default()
    }

    /// The number of entries of a list (slug or id); 0 for an unknown list.
    pub fn entry_count(&self, list: &str) -> usize {
        let st = self.shared.store().read();
        st.list(list)
            .map_or(0, |l| st.item_count(&model::OwnerKey::list(&l.api_slug)))
    }

    /// The entries of a list (slug or id) in their read shape (as
    /// `GET /v2/lists/{list}/entries/{entry_id}` returns them under `data`), in creation
    /// order.
    pub fn entries(&self, list: &str) -> Vec<serde_json::Value> {
        let st = self.shared.store().read();
        st.list(list)
            .map(|l| store::entries::render_all(&st, l))
            .unwrap_or_default()
    }

    /// Waits until every webhook event of the writes so far is delivered or given up
    /// (its retries run out); deliveries to hosts that are not loopback are never sent
    /// and do not count.
    pub async fn wait_for_webhooks(&self) {
        self.deliveries.settled().await;
    }

    /// Every webhook delivery so far, in the order queued: sent, pending, given up, and
    /// those kept but never sent because the target is not a loopback host.
    pub fn webhook_deliveries(&self) -> Vec<WebhookDelivery> {
        self.deliveries.deliveries()
    }

    /// Sets a webhook's status (`active`, `degraded` or `inactive`), e.g. to make it
    /// `inactive` as Attio does after 7 days degraded. Returns whether the webhook exists.
    pub fn set_webhook_status(&self, webhook_id: uuid::Uuid, status: &str) -> bool {
        let mut st = self.shared.store().write();
        let found = st.webhooks.iter().any(|w| w.id == webhook_id);
        store::webhooks::set_status(&mut st, webhook_id, status);
        found
    }

    /// Registers an OAuth app (replacing one with the same client id): the authorize page
    /// (`GET /authorize` at [`base_url`](Self::base_url)) grants it codes for exactly
    /// `redirect_uri`, and the token endpoint (`POST /oauth/token`) trades them, with the
    /// app's secret, for access tokens the API accepts as bearer keys of the workspace.
    pub fn register_oauth_app(&self, client_id: &str, client_secret: &str, redirect_uri: &str) {
        self.shared
            .store()
            .oauth
            .register(client_id, client_secret, redirect_uri);
    }

    /// A fresh authorization code for a registered app at its `redirect_uri`, as the
    /// authorize page's redirect would carry (good for one exchange); `None` when no app has
    /// that client id and redirect URI.
    pub fn authorization_code(&self, client_id: &str, redirect_uri: &str) -> Option<String> {
        self.shared
            .store()
            .oauth
            .grant(client_id, redirect_uri)
            .ok()
    }

    /// Makes the next merges slow: each answers 202 (committed, still applying), and its
    /// new record answers 404 `merge_in_progress` to its next `reads` reads (and 400
    /// `merge_in_progress` to writes until then), as Attio does while a merge applies.
    /// 0 (the default) answers merges 200, applied.
    pub fn set_merge_reads_in_progress(&self, reads: u32) {
        self.shared.store().merging.set_reads(reads);
    }

    fn save(&mut self) -> std::io::Result<()> {
        if self.saved {
            return Ok(());
        }
        self.saved = true;
        self.save_now()
    }

    /// Stops accepting connections, waits (up to 2 s) for requests in flight, and saves
    /// the data file if one is configured.
    pub async fn shutdown(mut self) {
        let _ = self.stop.send(true);
        self.delivery_task.abort();
        self.deliveries.close();
        if let Some(task) = self.task.take() {
            let _ = task.await;
        }
        if let Err(e) = self.save() {
            tracing::warn!("attio-emulator: could not save the data file: {e}");
        }
    }

    /// Saves the data file now (if one is configured), without stopping.
    pub fn save_now(&self) -> std::io::Result<()> {
        let Some(path) = &self.data_file else {
            return Ok(());
        };
        let bytes = {
            let st = self.shared.store().read();
            serde_json::to_vec_pretty(&*st)?
        };
        let tmp = path.with_extension("tmp");
        std::fs::write(&tmp, bytes)?;
        std::fs::rename(&tmp, path)
    }
}

impl Drop for Emulator {
    fn drop(&mut self) {
        let _ = self.stop.send(true);
        self.delivery_task.abort();
        self.deliveries.close();
        if self.task.is_some()
            && let Err(e) = self.save()
        {
            tracing::warn!("attio-emulator: could not save the data file: {e}");
        }
    }
}
