// AttioEnum is for enums.
use attio_core::AttioEnum;

#[derive(AttioEnum)]
#[attio(status)]
pub struct DealStage {
    title: String,
}

fn main() {}
