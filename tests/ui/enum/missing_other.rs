// An AttioEnum needs a catch-all: a title added in Attio after the build must decode.
use attio_core::AttioEnum;

#[derive(AttioEnum)]
#[attio(status)]
pub enum DealStage {
    Lead,
    Won,
}

fn main() {}
