// An enum stands for the options of one attribute, a select or a status.
use attio_core::AttioEnum;

#[derive(AttioEnum)]
#[attio(select, status)]
pub enum DealStage {
    Lead,
    #[attio(other)]
    Other(String),
}

fn main() {}
