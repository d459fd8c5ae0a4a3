// Misspelt keys on the enum and on a variant, with a did-you-mean.
use attio_core::AttioEnum;

#[derive(AttioEnum)]
#[attio(statuss)]
pub enum DealStage {
    #[attio(titel = "In Progress")]
    InProgress,
    #[attio(other)]
    Other(String),
}

fn main() {}
