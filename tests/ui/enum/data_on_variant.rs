// Only the catch-all holds data: an option is named by its title alone.
use attio_core::AttioEnum;

#[derive(AttioEnum)]
#[attio(status)]
pub enum DealStage {
    Lead,
    Won { amount: f64 },
    #[attio(other)]
    Other(String),
}

fn main() {}
