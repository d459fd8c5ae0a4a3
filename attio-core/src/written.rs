//! What an encode wrote, noted while it writes: the attribute slugs of the body, and for the
//! unique attributes the lookup key of their first value.
//!
//! The client's record writes need both after the body is built (which unique value a lost
//! create is looked up by, whether an assert's key was written, which attribute an error
//! about a value type is about) and must not parse the body again to learn them. The
//! per-field write functions of the derive's expansion call [`note`]; it costs one
//! thread-local flag test unless a [`noting`] encode is running on this thread.

use std::cell::{Cell, RefCell};

use crate::schema::AttributeDef;
use crate::values::{LookupKey, WriteValue};

/// What one encode wrote.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Written {
    /// The attribute slugs written, in the order written.
    pub slugs: Vec<&'static str>,
    /// For each unique (writable) attribute written: its slug and the lookup key of its
    /// first value (`None` for a value that cannot be looked up, or an empty one).
    pub keys: Vec<(&'static str, Option<LookupKey>)>,
}

impl Written {
    /// Whether the body holds a value for `slug`.
    pub(crate) fn wrote(&self, slug: &str) -> bool {
        self.slugs.contains(&slug)
    }
}

/// The state of a running [`noting`] encode.
struct Notes {
    attributes: &'static [AttributeDef],
    written: Written,
}

thread_local! {
    static ACTIVE: Cell<bool> = const { Cell::new(false) };
    static NOTES: RefCell<Option<Notes>> = const { RefCell::new(None) };
}

/// Runs `encode` on this thread, noting what it writes of the model whose attribute table
/// is `attributes`.
pub(crate) fn noting<R>(
    attributes: &'static [AttributeDef],
    encode: impl FnOnce() -> R,
) -> (R, Written) {
    /// Switches noting off again, also when `encode` panics.
    struct Stop;
    impl Drop for Stop {
        fn drop(&mut self) {
            ACTIVE.with(|a| a.set(false));
        }
    }
    NOTES.with(|n| {
        *n.borrow_mut() = Some(Notes {
            attributes,
            written: Written {
                slugs: Vec::with_capacity(attributes.len()),
                keys: Vec::new(),
            },
        })
    });
    ACTIVE.with(|a| a.set(true));
    let stop = Stop;
    let out = encode();
    drop(stop);
    let written = NOTES
        .with(|n| n.borrow_mut().take())
        .map(|n| n.written)
        .unwrap_or_default();
    (out, written)
}

/// Notes that the attribute `slug` is written, with `first` its first value (`None` for an
/// empty value: `[]`).
#[inline]
pub(crate) fn note<V: WriteValue>(slug: &'static str, first: Option<&V>) {
    if ACTIVE.with(Cell::get) {
        note_slow(slug, first);
    }
}

#[cold]
fn note_slow<V: WriteValue>(slug: &'static str, first: Option<&V>) {
    NOTES.with(|n| {
        let mut n = n.borrow_mut();
        let Some(notes) = n.as_mut() else { return };
        notes.written.slugs.push(slug);
        let unique = notes
            .attributes
            .iter()
            .any(|a| a.slug == slug && a.unique && !a.read_only);
        if unique {
            let key = first.and_then(WriteValue::__lookup_key);
            notes.written.keys.push((slug, key));
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::AttributeType;
    use crate::values::PhoneNumber;

    const fn def(slug: &'static str, attribute_type: AttributeType, unique: bool) -> AttributeDef {
        AttributeDef {
            slug,
            field: slug,
            attribute_type,
            multiplicity: crate::schema::Multiplicity::Many,
            read_only: false,
            unique,
            tracked: false,
            target_object: None,
            options: None,
        }
    }

    const ATTRIBUTES: &[AttributeDef] = &[
        def("email_addresses", AttributeType::EmailAddress, true),
        def("phone", AttributeType::PhoneNumber, true),
        def("name", AttributeType::Text, false),
    ];

    #[test]
    fn notes_slugs_and_the_keys_of_unique_attributes_only_while_noting() {
        let email = crate::values::EmailAddress::new("Ada@Example.com").unwrap();
        let phone = PhoneNumber::new("+15558675309", None).unwrap();
        note("email_addresses", Some(&email));
        let ((), written) = noting(ATTRIBUTES, || {
            note("email_addresses", Some(&email));
            note("name", Some(&"Ada".to_string()));
            note("phone", Some(&phone));
        });
        assert_eq!(written.slugs, ["email_addresses", "name", "phone"]);
        assert_eq!(
            written.keys,
            [
                (
                    "email_addresses",
                    Some(LookupKey::Text("ada@example.com".into()))
                ),
                ("phone", None),
            ]
        );
        assert!(written.wrote("name") && !written.wrote("other"));
        // Outside `noting`, nothing is kept.
        note("name", Some(&"Ada".to_string()));
        let ((), empty) = noting(ATTRIBUTES, || {});
        assert_eq!(empty, Written::default());
    }
}
