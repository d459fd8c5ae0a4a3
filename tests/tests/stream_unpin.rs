//! A query's stream is polled with `.next()` as is, with nothing imported but attio_core:
//! no `Box::pin`, no `futures` import.

use attio_core::stream::StreamExt;
use attio_core::{AttioRecord, Client};
use attio_emulator::Emulator;

#[derive(AttioRecord, Debug)]
#[attio(object = "workspaces")]
struct Workspace {
    #[attio(unique)]
    workspace_id: String,
}

#[tokio::test]
async fn next_on_a_query_stream_needs_no_pinning() {
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
    for i in 0..5 {
        let ws = Workspace {
            workspace_id: format!("ws-{i}"),
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
