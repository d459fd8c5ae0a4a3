//! The emulator's stored data: the schema, the owners of values (objects and lists),
//! the stored items with their value history, and the workspace state that holds them.
//!
//! Everything here is plain data with serde derives, so that the whole workspace can be
//! saved to and loaded from a JSON file (`--data FILE`).

mod activity;
mod item;
mod list;
mod owner;
mod schema;
mod state;
mod unique;

pub(crate) use activity::{Comment, Note, Task, TaskLink, Thread, ThreadTarget};
pub(crate) use item::{Actor, AttrValues, Parent, Record, StoredValue};
pub(crate) use list::{ListDef, MemberAccess};
pub(crate) use owner::{Owner, OwnerKey};
pub(crate) use schema::{AttributeDef, ObjectDef, RelationshipRef, SelectOption, StatusDef};
pub(crate) use state::{Member, State};
