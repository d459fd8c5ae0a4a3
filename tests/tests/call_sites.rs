//! Call sites that need nothing but attio_core and the model: a query's stream is polled
//! with `.next()` as is (no `Box::pin`, no `futures` import), and `history` infers the
//! model from the closure (no turbofish).

use attio_core::stream::StreamExt;
use attio_core::{AttioRecord, Client};
use attio_emulator::Emulator;

#[derive(AttioRecord, Debug)]
#[attio(object = "workspaces")]
struct Workspace {
    #[attio(unique)]
    workspace_id: String,
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
async fn next_on_a_query_stream_needs_no_pinning() {
    let (emu, client) = start().await;
    for i in 0..5 {
        let ws = Workspace {
            workspace_id: format!("ws-{i}"),
            name: None,
        };
        client.create(&ws).await.expect("created");
    }
    let mut stream = client.query::<Workspace>().limit(2).stream();
    let mut seen = Vec::new();
    while let Some(ws) = stream.next().await {
        seen.push(ws.expect("decoded").values.workspace_id);
    }
    seen.sort();
    assert_eq!(seen, ["ws-0", "ws-1", "ws-2", "ws-3", "ws-4"]);

    // The stream can be stored and sent to another task.
    fn send_unpin<S: Send + Unpin + 'static>(_: &S) {}
    send_unpin(&client.query::<Workspace>().stream());
    emu.shutdown().await;
}

#[tokio::test]
async fn history_infers_the_model_from_the_closure() {
    let (emu, client) = start().await;
    let ws = Workspace {
        workspace_id: "ws-h".into(),
        name: Some("First".into()),
    };
    let id = client.create(&ws).await.expect("created").record_id();
    let rename = WorkspaceUpdate::default().name(Some("Second".into()));
    client.update(id, &rename).await.expect("renamed");

    let names = client
        .history(id, |w: WorkspaceAttrs| w.name)
        .await
        .expect("history");
    let names: Vec<&str> = names.iter().map(|t| t.value.as_str()).collect();
    assert_eq!(names, ["First", "Second"]);
    // Naming the model still compiles.
    let again = client
        .history::<Workspace, _, _>(id, |w| w.name)
        .await
        .expect("history");
    assert_eq!(again.len(), 2);
    emu.shutdown().await;
}
