//! `unique` on an `Option` field: optional unique attributes are normal in Attio, and such
//! a field is a valid assert key (an assert whose key is `None` is refused at run time).

use attio_core::{AttioRecord, Client};

#[derive(AttioRecord)]
#[attio(object = "workspaces")]
struct Workspace {
    #[attio(unique)]
    workspace_id: Option<String>,
}

async fn upsert(client: &Client, workspace: &Workspace) {
    let _ = client.assert(workspace, |w| w.workspace_id).await;
}

fn main() {
    let _ = upsert;
    assert!(Workspace::attribute("workspace_id").unwrap().unique);
}
