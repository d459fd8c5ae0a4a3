// `#[attio(crate = "...")]` names the runtime through a re-export.
mod sdk {
    pub use ::attio_core as core_reexport;
}

use attio_core::AttioEnum;

#[derive(AttioEnum, Debug, PartialEq, Eq)]
#[attio(select, crate = "crate::sdk::core_reexport")]
pub enum Tag {
    Hot,
    #[attio(other)]
    Other(String),
}

fn main() {
    assert_eq!(Tag::from_title("Hot"), Tag::Hot);
    assert_eq!(<Tag as sdk::core_reexport::values::AttioValue>::OPTIONS, Some(&["Hot"][..]));
}
