// The catch-all holds the title in one unnamed field.
use attio_core::AttioEnum;

#[derive(AttioEnum)]
#[attio(status)]
pub enum DealStage {
    Lead,
    #[attio(other)]
    Other,
}

fn main() {}
