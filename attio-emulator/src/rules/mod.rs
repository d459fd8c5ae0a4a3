//! The rules of values, written once for the items of any owner (the records of an
//! object, the entries of a list): writing (`write.rs`, `relations.rs`), reading
//! (`render.rs`, `history.rs`), filtering (`filter.rs`, `matching.rs`) and sorting
//! (`sort.rs`).

pub(crate) mod filter;
pub(crate) mod history;
pub(crate) mod matching;
pub(crate) mod relations;
pub(crate) mod render;
pub(crate) mod sort;
pub(crate) mod write;
