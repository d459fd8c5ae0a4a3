// A filter on an enum attribute takes the enum, not a title string.
use attio_core::{AttioEnum, AttioRecord};

#[derive(AttioEnum)]
#[attio(status)]
pub enum DealStage {
    Won,
    #[attio(other)]
    Other(String),
}

#[derive(AttioRecord)]
#[attio(object = "deals")]
pub struct Deal {
    pub stage: Option<DealStage>,
}

fn main() {
    let _ = Deal::attrs().stage.eq("Won");
}
