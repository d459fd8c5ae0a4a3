//! Shared by the example programs of attio-rs (`people.rs`, `users.rs`, `workspaces.rs`,
//! `bulk_import.rs`, `activity.rs` beside this directory): where the examples send their requests.
//!
//! Without `ATTIO_API_KEY` an example starts the Attio emulator in-process, on a free
//! loopback port, and talks to it: nothing leaves the machine and no account is needed.
//! With `ATTIO_API_KEY` it talks to the real API at `ATTIO_BASE_URL` (default
//! `https://api.attio.com`) through [`Client::from_env`], after saying what it will create.

use std::error::Error;

use attio_core::Client;
use attio_emulator::Emulator;

/// A client, and the in-process emulator it talks to when no API key is set (the emulator
/// stops when this is dropped, so keep it alive while the client is in use).
pub struct Attio {
    /// The client: use it for every call.
    pub client: Client,
    /// The emulator, when the example runs against one.
    pub emulator: Option<Emulator>,
}

/// Connects to Attio, or to an in-process emulator when `ATTIO_API_KEY` is unset or empty.
///
/// Prints one line saying which. Against the real API it also prints `plan`, what the
/// example is about to create, before any request is sent.
pub async fn connect(plan: &str) -> Result<Attio, Box<dyn Error>> {
    let key_set = std::env::var("ATTIO_API_KEY").is_ok_and(|k| !k.trim().is_empty());
    if key_set {
        let client = Client::from_env()?;
        println!(
            "Using the Attio API at {}: this example {plan}.",
            client.base_url()
        );
        return Ok(Attio {
            client,
            emulator: None,
        });
    }
    let emulator = Emulator::start()
        .await
        .map_err(|e| format!("cannot start the in-process Attio emulator: {e}"))?;
    let client = Client::builder()
        .api_key(emulator.api_key())
        .base_url(emulator.base_url())
        .build()?;
    println!(
        "ATTIO_API_KEY is not set: using the in-process Attio emulator at {}.",
        emulator.base_url()
    );
    Ok(Attio {
        client,
        emulator: Some(emulator),
    })
}
