use attio_core::AttioRecord;

#[derive(AttioRecord)]
#[attio(object = "workspaces")]
struct Workspace {
    #[attio(unique)]
    workspace_id: Option<String>,
}

fn main() {}
