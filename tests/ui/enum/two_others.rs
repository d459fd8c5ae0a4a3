// Exactly one catch-all.
use attio_core::AttioEnum;

#[derive(AttioEnum)]
#[attio(status)]
pub enum DealStage {
    Lead,
    #[attio(other)]
    Other(String),
    #[attio(other)]
    Unknown(String),
}

fn main() {}
