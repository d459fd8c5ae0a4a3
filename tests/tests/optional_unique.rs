//! An optional unique attribute (`#[attio(unique)]` on an `Option` field) is a valid assert
//! key: with a value the assert upserts on it; with `None` the call is refused before
//! anything is sent, with an error naming the attribute.

use attio_core::{AttioRecord, Client, Error};
use attio_emulator::Emulator;

/// `workspaces`, with its unique `workspace_id` modelled as optional.
#[derive(AttioRecord, Debug, Clone, PartialEq)]
#[attio(object = "workspaces")]
struct Workspace {
    #[attio(unique)]
    workspace_id: Option<String>,
    name: Option<String>,
}

async fn start() -> (Emulator, Client) {
    let emu = Emulator::builder()
        .no_rate_limits()
        .start()
        .await
        .expect("emulator starts");
    let client = Client::builder()
        .api_key(emu.api_key())
        .base_url(emu.base_url())
        .no_rate_limits()
        .build()
        .expect("client builds");
    (emu, client)
}

#[tokio::test]
async fn assert_on_an_optional_unique_key() {
    let (emu, client) = start().await;

    let acme = Workspace {
        workspace_id: Some("acme".into()),
        name: Some("Acme".into()),
    };
    let first = client
        .assert(&acme, |w| w.workspace_id)
        .await
        .expect("asserted");
    let renamed = Workspace {
        name: Some("Acme Inc".into()),
        ..acme
    };
    let second = client
        .assert(&renamed, |w| w.workspace_id)
        .await
        .expect("asserted again");
    assert_eq!(second.id, first.id);
    assert_eq!(second.values.name.as_deref(), Some("Acme Inc"));
    assert_eq!(emu.record_count("workspaces"), 1);

    let writes = emu.stats().write_requests;
    let nameless = Workspace {
        workspace_id: None,
        name: Some("Nobody".into()),
    };
    let err = client
        .assert(&nameless, |w| w.workspace_id)
        .await
        .expect_err("an assert without a key value is refused");
    let Error::InvalidValue(value) = &err else {
        panic!("expected InvalidValue, got {err:?}");
    };
    assert_eq!(value.attribute.as_deref(), Some("workspace_id"), "{err}");
    assert!(err.to_string().contains("workspace_id"), "{err}");
    assert_eq!(emu.stats().write_requests, writes, "nothing was sent");
    assert_eq!(emu.record_count("workspaces"), 1);
}
