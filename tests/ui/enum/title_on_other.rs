// The catch-all has no title of its own.
use attio_core::AttioEnum;

#[derive(AttioEnum)]
#[attio(select)]
pub enum Tag {
    Hot,
    #[attio(other, title = "Cold")]
    Other(String),
}

fn main() {}
