//! Notes, tasks and comment threads are saved in the data file and loaded back.

mod common;

use attio_emulator::Emulator;
use common::{id, with};
use serde_json::{Value, json};

#[tokio::test]
async fn notes_tasks_and_threads_survive_a_data_file_round_trip() {
    let dir = std::env::temp_dir().join(format!("attio-emu-activity-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("workspace.json");
    let _ = std::fs::remove_file(&file);
    let before: Vec<Value>;
    {
        let api = with(Emulator::builder().no_rate_limits().data_file(&file)).await;
        let ada = id(&api
            .create("people", json!({"email_addresses": ["ada@example.com"]}))
            .await);
        let me =
            api.ok("GET", "/workspace_members", None).await["data"][0]["id"]["workspace_member_id"]
                .clone();
        api.ok(
            "POST",
            "/notes",
            Some(
                json!({"data": {"parent_object": "people", "parent_record_id": ada,
                "title": "t", "format": "markdown", "content": "**hi**"}}),
            ),
        )
        .await;
        api.ok(
            "POST",
            "/tasks",
            Some(json!({"data": {"content": "c", "format": "plaintext", "deadline_at": null,
                "is_completed": true,
                "linked_records": [{"target_object": "people", "target_record_id": ada}],
                "assignees": [{"referenced_actor_type": "workspace-member", "referenced_actor_id": me}]}})),
        )
        .await;
        api.ok(
            "POST",
            "/comments",
            Some(json!({"data": {"format": "plaintext", "content": "x",
                "author": {"type": "workspace-member", "id": me},
                "record": {"object": "people", "record_id": ada}}})),
        )
        .await;
        before = vec![
            api.ok("GET", "/notes", None).await,
            api.ok("GET", "/tasks", None).await,
            api.ok("GET", "/threads", None).await,
        ];
        api.emu.shutdown().await;
    }
    let api = with(Emulator::builder().no_rate_limits().data_file(&file)).await;
    let after = vec![
        api.ok("GET", "/notes", None).await,
        api.ok("GET", "/tasks", None).await,
        api.ok("GET", "/threads", None).await,
    ];
    assert_eq!(after, before);
    for list in &after {
        assert_eq!(list["data"].as_array().unwrap().len(), 1, "{list}");
    }
    drop(api);
    std::fs::remove_dir_all(&dir).unwrap();
}
