// An entry model has the field grammar of a record model, with the same checks, all
// reported at once.
use attio_core::AttioEntry;
use attio_core::values::{Interaction, Status};

#[derive(AttioEntry)]
#[attio(list = "Sales Pipeline")]
struct Deal {
    #[attio(rename = "Stage")]
    stage: Option<Status>,
    #[attio(unique, read_only)]
    code: Option<String>,
    #[attio(skip, rename = "note")]
    note: Option<String>,
    #[attio(uniqe)]
    owner: Option<String>,
}

#[derive(AttioEntry)]
#[attio(list = "sales")]
struct Touch {
    last_interaction: Option<Interaction>,
}

fn main() {}
