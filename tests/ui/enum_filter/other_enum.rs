// A filter on an enum attribute takes that attribute's own enum, not another one.
use attio_core::{AttioEnum, AttioRecord};

#[derive(AttioEnum)]
#[attio(status)]
pub enum DealStage {
    Won,
    #[attio(other)]
    Other(String),
}

#[derive(AttioEnum)]
#[attio(select)]
pub enum Priority {
    High,
    #[attio(other)]
    Other(String),
}

#[derive(AttioRecord)]
#[attio(object = "deals")]
pub struct Deal {
    pub stage: Option<DealStage>,
    pub priority: Option<Priority>,
}

fn main() {
    let _ = Deal::attrs().stage.eq(Priority::High);
}
