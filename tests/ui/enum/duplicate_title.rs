// Two variants standing for one title (one of them by its name).
use attio_core::AttioEnum;

#[derive(AttioEnum)]
#[attio(select)]
pub enum Tag {
    Hot,
    #[attio(title = "Hot")]
    VeryHot,
    #[attio(other)]
    Other(String),
}

fn main() {}
