//! Objects (`/v2/objects`) and the [`Target`] of the attribute calls: an object or a list.
//!
//! The attributes themselves are in `attributes`, their select options and statuses in
//! `options`.

use std::fmt;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::lists::List;
use crate::record::AttioRecord;
use crate::values::Timestamp;

/// An object of the workspace, standard (`people`, `companies`, `deals`, `users`,
/// `workspaces`) or custom, as Attio reads it (`GET /v2/objects/{object}`).
///
/// ```
/// use attio_core::json;
/// use attio_core::models::Object;
///
/// let body = br#"{"data":{"id":{"workspace_id":"14beef7a-99f7-4534-a87e-70b564330a4c",
///   "object_id":"97052eb9-e65e-443f-a297-f2d9a4a7f795"},"api_slug":"people",
///   "singular_noun":"Person","plural_noun":"People",
///   "created_at":"2022-11-21T13:22:49.061281000Z"}}"#;
/// let people: Object = json::decode_data(body, "object")?;
/// assert_eq!(people.api_slug.as_deref(), Some("people"));
/// # Ok::<(), attio_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct Object {
    /// The object's id.
    pub id: ObjectId,
    /// The object's unique slug (Attio documents it as nullable).
    pub api_slug: Option<String>,
    /// The singular noun, e.g. `Person`.
    pub singular_noun: Option<String>,
    /// The plural noun, e.g. `People`.
    pub plural_noun: Option<String>,
    /// When the object was created.
    pub created_at: Timestamp,
}

/// An object's full id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
pub struct ObjectId {
    /// The workspace.
    pub workspace_id: Uuid,
    /// The object: the object calls take it, like its slug.
    pub object_id: Uuid,
}

impl fmt::Display for ObjectId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.object_id, f)
    }
}

/// The body of an object create (`POST /v2/objects`): all three fields are required.
///
/// ```
/// use attio_core::models::NewObject;
///
/// let projects = NewObject::new("projects", "Project", "Projects");
/// assert_eq!(
///     serde_json::to_string(&projects).unwrap(),
///     r#"{"api_slug":"projects","singular_noun":"Project","plural_noun":"Projects"}"#
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct NewObject {
    /// The object's unique slug, in snake case.
    pub api_slug: String,
    /// The singular noun (not empty).
    pub singular_noun: String,
    /// The plural noun (not empty).
    pub plural_noun: String,
}

impl NewObject {
    /// An object `api_slug` named `singular_noun` / `plural_noun`.
    pub fn new(
        api_slug: impl Into<String>,
        singular_noun: impl Into<String>,
        plural_noun: impl Into<String>,
    ) -> Self {
        NewObject {
            api_slug: api_slug.into(),
            singular_noun: singular_noun.into(),
            plural_noun: plural_noun.into(),
        }
    }
}

/// An object update (`PATCH /v2/objects/{object}`): only the fields set are sent.
///
/// ```
/// use attio_core::models::ObjectUpdate;
///
/// let u = ObjectUpdate::default().plural_noun("Projects");
/// assert_eq!(serde_json::to_string(&u).unwrap(), r#"{"plural_noun":"Projects"}"#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct ObjectUpdate {
    /// A new slug.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub api_slug: Option<String>,
    /// A new singular noun.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub singular_noun: Option<String>,
    /// A new plural noun.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plural_noun: Option<String>,
}

impl ObjectUpdate {
    /// Changes the slug.
    pub fn api_slug(mut self, api_slug: impl Into<String>) -> Self {
        self.api_slug = Some(api_slug.into());
        self
    }

    /// Changes the singular noun.
    pub fn singular_noun(mut self, noun: impl Into<String>) -> Self {
        self.singular_noun = Some(noun.into());
        self
    }

    /// Changes the plural noun.
    pub fn plural_noun(mut self, noun: impl Into<String>) -> Self {
        self.plural_noun = Some(noun.into());
        self
    }
}

/// What owns attributes: an object or a list, by slug or id — the `{target}/{identifier}`
/// of `/v2/{target}/{identifier}/attributes`.
///
/// The attribute calls take `impl Into<Target>`: a `Target`, a `&Target`, or a read
/// [`&Object`](Object) or [`&List`](List), named by id.
///
/// ```
/// use attio_core::AttioRecord;
/// use attio_core::models::Target;
///
/// #[derive(AttioRecord)]
/// #[attio(object = "people")]
/// struct Person {
///     name: Option<String>,
/// }
///
/// assert_eq!(Target::of::<Person>(), Target::object("people"));
/// assert_eq!(Target::list("sales").path(), "/v2/lists/sales");
/// assert_eq!(Target::Object("deals".into()).to_string(), "object `deals`");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Target {
    /// An object, by slug or id.
    Object(String),
    /// A list, by slug or id.
    List(String),
}

impl Target {
    /// The object `slug_or_id`.
    pub fn object(slug_or_id: impl Into<String>) -> Self {
        Target::Object(slug_or_id.into())
    }

    /// The list `slug_or_id`.
    pub fn list(slug_or_id: impl Into<String>) -> Self {
        Target::List(slug_or_id.into())
    }

    /// The object of a record model.
    pub fn of<T: AttioRecord>() -> Self {
        Target::Object(T::OBJECT.to_owned())
    }

    /// The object's or list's slug or id, as given.
    pub fn identifier(&self) -> &str {
        match self {
            Target::Object(s) | Target::List(s) => s,
        }
    }

    /// `objects` or `lists`: the path segment of the target's kind.
    pub fn kind(&self) -> &'static str {
        match self {
            Target::Object(_) => "objects",
            Target::List(_) => "lists",
        }
    }

    /// The target's path, e.g. `/v2/objects/people`, its identifier percent-encoded.
    pub fn path(&self) -> String {
        format!("/v2/{}/{}", self.kind(), segment(self.identifier()))
    }
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Target::Object(s) => write!(f, "object `{s}`"),
            Target::List(s) => write!(f, "list `{s}`"),
        }
    }
}

impl From<&Target> for Target {
    fn from(target: &Target) -> Self {
        target.clone()
    }
}

impl From<&Object> for Target {
    /// The object, by id (which survives a change of slug).
    fn from(object: &Object) -> Self {
        Target::Object(object.id.object_id.to_string())
    }
}

impl From<&List> for Target {
    /// The list, by id (which survives a change of slug).
    fn from(list: &List) -> Self {
        Target::List(list.id.list_id.to_string())
    }
}

/// A slug or id as one path segment: anything but letters, digits, `-`, `_`, `.` and `~`
/// is percent-encoded, so that a `/` or `?` in it cannot change the path.
pub(crate) fn segment(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_are_percent_encoded() {
        assert_eq!(segment("sales_pipeline"), "sales_pipeline");
        assert_eq!(segment("a/b?c d"), "a%2Fb%3Fc%20d");
        assert_eq!(segment("é"), "%C3%A9");
        assert_eq!(Target::object("x y").path(), "/v2/objects/x%20y");
    }

    #[test]
    fn an_object_decodes_with_null_nouns() {
        let o: Object = serde_json::from_str(
            r#"{"id":{"workspace_id":"14beef7a-99f7-4534-a87e-70b564330a4c",
            "object_id":"97052eb9-e65e-443f-a297-f2d9a4a7f795"},"api_slug":null,
            "singular_noun":null,"plural_noun":null,"created_at":"2022-11-21T13:22:49.061281000Z"}"#,
        )
        .unwrap();
        assert_eq!(o.api_slug, None);
        assert_eq!(o.id.to_string(), "97052eb9-e65e-443f-a297-f2d9a4a7f795");
    }
}
