use attio_core::AttioRecord;

#[derive(AttioRecord)]
#[attio(object = "workspaces")]
struct Workspace {
    #[attio(unique, read_only)]
    workspace_id: String,
}

fn main() {}
