// Neither `select` nor `status`: the derive cannot tell how values are read and written.
use attio_core::AttioEnum;

#[derive(AttioEnum)]
pub enum DealStage {
    Lead,
    #[attio(other)]
    Other(String),
}

fn main() {}
