//! Request and response bodies without a client: the same code the [`crate::Client`] runs,
//! callable on bytes, for tests, benchmarks and users who bring their own HTTP stack.
//!
//! ```
//! use attio_core::{json, AttioRecord, Record};
//!
//! #[derive(AttioRecord, Debug, PartialEq)]
//! #[attio(object = "workspaces")]
//! struct Workspace {
//!     #[attio(unique)]
//!     workspace_id: String,
//!     name: Option<String>,
//! }
//!
//! let ws = Workspace { workspace_id: "123".into(), name: Some("Customer.com".into()) };
//! let body = json::encode_create(&ws)?;
//! assert_eq!(body, br#"{"data":{"values":{"workspace_id":["123"],"name":["Customer.com"]}}}"#);
//!
//! let response = br#"{"data":{"id":{"workspace_id":"14beef7a-99f7-4534-a87e-70b564330a4c",
//!   "object_id":"97052eb9-e65e-443f-a297-f2d9a4a7f795","record_id":"bf071e1f-6035-429d-b874-d83ea64ea13b"},
//!   "created_at":"2022-11-21T13:22:49.061281000Z","web_url":null,
//!   "values":{"workspace_id":[{"active_from":"2023-01-01T15:00:00.000000000Z","active_until":null,
//!     "created_by_actor":{"type":"system","id":null},"value":"123","attribute_type":"text"}],
//!   "name":[]}}}"#;
//! let record: Record<Workspace> = json::decode_record(response)?;
//! assert_eq!(record.values.workspace_id, "123");
//! assert_eq!(record.values.name, None);
//! # Ok::<(), attio_core::Error>(())
//! ```

use serde::ser::{SerializeMap, Serializer};

use crate::decode::ctx::DecodeCtx;
use crate::decode::data::{DataSeed, run};
use crate::decode::entry::{EntriesSeed, EntrySeed, entry_error};
use crate::decode::list;
use crate::decode::record::{RecordSeed, RecordsSeed};
use crate::decode::value::{ArraySeed, ValueSeed};
use crate::entry::{AttioEntry, AttioEntryUpdate, Entry};
use crate::error::{Error, ValueError};
use crate::page::Page;
use crate::record::{AttioRecord, AttioUpdate, Record};
use crate::values::{ReadValue, RecordRef, RecordTarget, Tracked};

/// Serializes `{"data":{"values":VALUES}}` with `values` written by `f`.
fn encode_body(
    capacity: usize,
    f: impl FnOnce(&mut serde_json::Serializer<&mut Vec<u8>>) -> Result<(), serde_json::Error>,
) -> Result<Vec<u8>, Error> {
    encode_wrapped(br#"{"data":{"values":"#, capacity, f)
}

/// Serializes `PREFIX VALUES}}`: `prefix` opens `{"data":{…` up to the values map's key.
fn encode_wrapped(
    prefix: &[u8],
    capacity: usize,
    f: impl FnOnce(&mut serde_json::Serializer<&mut Vec<u8>>) -> Result<(), serde_json::Error>,
) -> Result<Vec<u8>, Error> {
    let mut out = Vec::with_capacity(capacity + prefix.len());
    out.extend_from_slice(prefix);
    let mut ser = serde_json::Serializer::new(&mut out);
    crate::__private::take_refused();
    if let Err(e) = f(&mut ser) {
        return Err(match crate::__private::take_refused() {
            Some(refused) => Error::from(refused),
            None => Error::Config(format!("cannot serialize the request body: {e}")),
        });
    }
    out.extend_from_slice(b"}}");
    Ok(out)
}

fn capacity_for<T: AttioRecord>() -> usize {
    64 + 48 * T::ATTRIBUTES.len()
}

/// The body of a create or assert: `{"data":{"values":{...}}}`, every value checked first.
///
/// Single-valued attributes are written as one-element arrays, multiselects as arrays;
/// `None` and empty multiselects are omitted, read-only fields never written.
pub fn encode_create<T: AttioRecord>(record: &T) -> Result<Vec<u8>, Error> {
    encode_body(capacity_for::<T>(), |ser| {
        record.__encode_values(ser).map(drop)
    })
}

/// The body of a partial update (PATCH or PUT): only the attributes that were set; an
/// attribute set to `None` or to an empty list is sent as `[]`, which clears it with PUT.
pub fn encode_update<U: AttioUpdate>(update: &U) -> Result<Vec<u8>, Error> {
    encode_body(capacity_for::<U::Record>(), |ser| {
        update.__encode_values(ser).map(drop)
    })
}

/// The body of a records query: `{"filter":…,"sorts":…,"limit":…,"offset":…}`.
pub fn encode_query(
    filter: Option<&serde_json::Value>,
    sorts: &[serde_json::Value],
    limit: Option<usize>,
    offset: usize,
) -> Vec<u8> {
    let mut out = Vec::with_capacity(128);
    let mut ser = serde_json::Serializer::new(&mut out);
    let mut run = || -> Result<(), serde_json::Error> {
        let mut m = (&mut ser).serialize_map(None)?;
        if let Some(f) = filter {
            m.serialize_entry("filter", f)?;
        }
        if !sorts.is_empty() {
            m.serialize_entry("sorts", sorts)?;
        }
        if let Some(l) = limit {
            m.serialize_entry("limit", &l)?;
        }
        m.serialize_entry("offset", &offset)?;
        m.end()
    };
    run().expect("serializing JSON values into a Vec cannot fail");
    out
}

fn finish<T: AttioRecord, R>(
    ctx: DecodeCtx,
    result: Result<R, serde_json::Error>,
) -> Result<R, Error> {
    result.map_err(|e| Error::from(ctx.into_error(T::OBJECT, &e)))
}

/// Decodes a single-record response, `{"data":{…}}` (create, assert, get, update).
pub fn decode_record<T: AttioRecord>(bytes: &[u8]) -> Result<Record<T>, Error> {
    let ctx = DecodeCtx::new();
    let result = run(bytes, DataSeed(&ctx, RecordSeed::<T>::new(&ctx)));
    finish::<T, _>(ctx, result)
}

/// Decodes a query response, `{"data":[{…}, …]}`, all or nothing: the first record the
/// model cannot hold is the error (naming its record id). [`decode_records_lenient`] keeps
/// the other records.
pub fn decode_records<T: AttioRecord>(bytes: &[u8]) -> Result<Vec<Record<T>>, Error> {
    let ctx = DecodeCtx::new();
    let result = run(bytes, DataSeed(&ctx, RecordsSeed::<T>::new(&ctx)));
    finish::<T, _>(ctx, result)
}

/// Decodes a query response, `{"data":[{…}, …]}`, record by record: every record the model
/// can hold, and a [`DecodeError`](crate::DecodeError) naming each record it cannot (see
/// [`Page`]). A body that is not a list of records at all is an error.
///
/// A page that decodes costs what [`decode_records`] costs; only a page with a bad record
/// is read a second time, one record at a time.
pub fn decode_records_lenient<T: AttioRecord>(bytes: &[u8]) -> Result<Page<Record<T>>, Error> {
    match decode_records::<T>(bytes) {
        Ok(records) => Ok(Page::complete(records)),
        Err(strict) => match list::each::<list::Records<T>>(bytes) {
            Ok(each) => Ok(Page::from_results(each)),
            Err(_) => Err(strict),
        },
    }
}

/// Decodes a query response into one outcome per record, in order (for streams, which
/// yield an error in place of each bad record and count it toward the page size).
pub(crate) fn decode_records_each<T: AttioRecord>(
    bytes: &[u8],
) -> Result<Vec<Result<Record<T>, Error>>, Error> {
    match decode_records::<T>(bytes) {
        Ok(records) => Ok(records.into_iter().map(Ok).collect()),
        Err(strict) => match list::each::<list::Records<T>>(bytes) {
            Ok(each) => Ok(each.into_iter().map(|r| r.map_err(Error::Decode)).collect()),
            Err(_) => Err(strict),
        },
    }
}

/// Decodes a value-history response, `{"data":[value, …]}`, keeping every value, historic
/// ones included, in the order sent. `T` names the object in errors.
pub fn decode_history<T: AttioRecord, V: ReadValue>(
    bytes: &[u8],
) -> Result<Vec<Tracked<V>>, Error> {
    let ctx = DecodeCtx::new();
    let result = run(bytes, DataSeed(&ctx, ArraySeed::<Tracked<V>>::all(&ctx)));
    finish::<T, _>(ctx, result)
}

/// Decodes one value object, as it appears in a record's value arrays and in a value-history
/// response, e.g. `{"active_from":…,"active_until":null,"created_by_actor":{…},
/// "email_address":"a@b.com",…,"attribute_type":"email-address"}`.
///
/// A historic value (one with `active_until` set) decodes too: decode a [`Tracked<V>`] to
/// read whether it is active and since when. Errors name the value type where record
/// errors name the object, and give the JSON path inside the value.
///
/// ```
/// use attio_core::json;
/// use attio_core::values::EmailAddress;
///
/// let value = br#"{"active_from":"2023-01-01T15:00:00.000000000Z","active_until":null,
///   "created_by_actor":{"type":"system","id":null},"original_email_address":"Ada@Example.com",
///   "email_address":"ada@example.com","email_domain":"example.com",
///   "email_root_domain":"example.com","email_local_specifier":"ada",
///   "attribute_type":"email-address"}"#;
/// let email: EmailAddress = json::decode_value(value)?;
/// assert_eq!(email.email_address(), "ada@example.com");
/// assert_eq!(email.original_email_address(), "Ada@Example.com");
///
/// let err = json::decode_value::<EmailAddress>(br#"{"attribute_type":"email-address"}"#);
/// assert!(err.unwrap_err().to_string().contains("email_address"));
/// # Ok::<(), attio_core::Error>(())
/// ```
pub fn decode_value<V: ReadValue>(bytes: &[u8]) -> Result<V, Error> {
    let ctx = DecodeCtx::new();
    let result = run(bytes, ValueSeed::<V>::new(&ctx)).map(|(value, _active)| value);
    result.map_err(|e| Error::from(ctx.into_error(V::TYPE.as_str(), &e)))
}

/// The body of an entry create (add a record to a list) or of an assert by parent:
/// `{"data":{"parent_record_id":…,"parent_object":…,"entry_values":{…}}}`, every value
/// checked first, written as in [`encode_create`].
///
/// `parent` must name its record by id, since Attio takes the parent by id only: a
/// reference by domain or email address is refused with [`Error::InvalidValue`].
///
/// ```
/// use attio_core::{json, AttioEntry, AttioRecord, RecordRef};
/// use attio_core::values::Status;
///
/// #[derive(AttioRecord)]
/// #[attio(object = "companies")]
/// struct Company { name: Option<String> }
///
/// #[derive(AttioEntry)]
/// #[attio(list = "sales")]
/// struct Deal { stage: Option<Status> }
///
/// let acme = RecordRef::<Company>::new(uuid::Uuid::nil());
/// let deal = Deal { stage: Some(Status::by_title("Lead")) };
/// assert_eq!(
///     json::encode_entry(&acme, &deal)?,
///     br#"{"data":{"parent_record_id":"00000000-0000-0000-0000-000000000000","parent_object":"companies","entry_values":{"stage":[{"status":"Lead"}]}}}"#
/// );
///
/// let by_domain = RecordRef::<Company>::by_domain("acme.com")?;
/// assert!(json::encode_entry(&by_domain, &deal).is_err());
/// # Ok::<(), attio_core::Error>(())
/// ```
pub fn encode_entry<P: AttioRecord, E: AttioEntry>(
    parent: &RecordRef<P>,
    entry: &E,
) -> Result<Vec<u8>, Error> {
    let Some(parent_id) = parent.record_id() else {
        let named = match parent.target() {
            RecordTarget::Domain(d) => d.domain().to_owned(),
            RecordTarget::EmailAddress(e) => e.email_address().to_owned(),
            RecordTarget::Id(id) => id.to_string(),
        };
        return Err(ValueError::new(
            "parent record",
            named,
            format!(
                "the parent of a `{}` entry is named by its record id: fetch the `{}` record first and use `RecordRef::new(record.id.record_id)`",
                E::LIST,
                P::OBJECT
            ),
        )
        .into());
    };
    // Object slugs are `[a-z0-9_]`: nothing in them needs escaping.
    let prefix = format!(
        r#"{{"data":{{"parent_record_id":"{parent_id}","parent_object":"{}","entry_values":"#,
        P::OBJECT
    );
    encode_wrapped(prefix.as_bytes(), entry_capacity::<E>(), |ser| {
        entry.__encode_values(ser).map(drop)
    })
}

/// The body of an entry update (PATCH or PUT by entry id): `{"data":{"entry_values":{…}}}`
/// with only the attributes that were set, as in [`encode_update`].
pub fn encode_entry_update<U: AttioEntryUpdate>(update: &U) -> Result<Vec<u8>, Error> {
    encode_wrapped(
        br#"{"data":{"entry_values":"#,
        entry_capacity::<U::Entry>(),
        |ser| update.__encode_values(ser).map(drop),
    )
}

fn entry_capacity<E: AttioEntry>() -> usize {
    64 + 48 * E::ATTRIBUTES.len()
}

fn finish_entry<E: AttioEntry, R>(
    ctx: DecodeCtx,
    result: Result<R, serde_json::Error>,
) -> Result<R, Error> {
    result.map_err(|e| Error::from(entry_error(ctx, E::LIST, &e)))
}

/// Decodes a single-entry response, `{"data":{…}}` (create, assert, get, update). Errors
/// name the list, the entry id when it was read, the attribute and the JSON path.
pub fn decode_entry<E: AttioEntry>(bytes: &[u8]) -> Result<Entry<E>, Error> {
    let ctx = DecodeCtx::new();
    let result = run(bytes, DataSeed(&ctx, EntrySeed::<E>::new(&ctx)));
    finish_entry::<E, _>(ctx, result)
}

/// Decodes an entries query response, `{"data":[{…}, …]}`.
pub fn decode_entries<E: AttioEntry>(bytes: &[u8]) -> Result<Vec<Entry<E>>, Error> {
    let ctx = DecodeCtx::new();
    let result = run(bytes, DataSeed(&ctx, EntriesSeed::<E>::new(&ctx)));
    finish_entry::<E, _>(ctx, result)
}

/// Decodes an entries query response, `{"data":[{…}, …]}`, entry by entry: every entry the
/// model can hold, and a [`DecodeError`](crate::DecodeError) naming each entry it cannot
/// (see [`Page`]), as [`decode_records_lenient`] does for records. A body that is not a list
/// of entries at all is an error.
pub fn decode_entries_lenient<E: AttioEntry>(bytes: &[u8]) -> Result<Page<Entry<E>>, Error> {
    match decode_entries::<E>(bytes) {
        Ok(entries) => Ok(Page::complete(entries)),
        Err(strict) => match list::each::<list::Entries<E>>(bytes) {
            Ok(each) => Ok(Page::from_results(each)),
            Err(_) => Err(strict),
        },
    }
}

/// Decodes an entries query response into one outcome per entry, in order (for streams).
pub(crate) fn decode_entries_each<E: AttioEntry>(
    bytes: &[u8],
) -> Result<Vec<Result<Entry<E>, Error>>, Error> {
    match decode_entries::<E>(bytes) {
        Ok(entries) => Ok(entries.into_iter().map(Ok).collect()),
        Err(strict) => match list::each::<list::Entries<E>>(bytes) {
            Ok(each) => Ok(each.into_iter().map(|r| r.map_err(Error::Decode)).collect()),
            Err(_) => Err(strict),
        },
    }
}

/// Decodes the value history of an entry attribute, `{"data":[value, …]}`, keeping every
/// value, historic ones included, in the order sent. `E` names the list in errors.
pub fn decode_entry_history<E: AttioEntry, V: ReadValue>(
    bytes: &[u8],
) -> Result<Vec<Tracked<V>>, Error> {
    let ctx = DecodeCtx::new();
    let result = run(bytes, DataSeed(&ctx, ArraySeed::<Tracked<V>>::all(&ctx)));
    finish_entry::<E, _>(ctx, result)
}

/// Decodes a plain resource's single-item response, `{"data":{…}}`, into a serde model
/// (one of [`crate::models`], or any type of yours). `resource` names what is decoded in
/// errors, e.g. `"note"`.
///
/// An error is an [`Error::Decode`] with the JSON path of the offending value, the line
/// and column, and what was expected and found.
///
/// ```
/// use attio_core::json;
///
/// #[derive(serde::Deserialize, Debug)]
/// struct NoteId {
///     note_id: uuid::Uuid,
/// }
///
/// #[derive(serde::Deserialize, Debug)]
/// struct Note {
///     id: NoteId,
///     title: String,
/// }
///
/// let body = br#"{"data":{"id":{"note_id":"bf071e1f-6035-429d-b874-d83ea64ea13b"},"title":"Call"}}"#;
/// let note = json::decode_data::<Note>(body, "note")?;
/// assert_eq!(note.title, "Call");
///
/// let body = br#"{"data":{"id":{"note_id":"not-a-uuid"},"title":"Call"}}"#;
/// let err = json::decode_data::<Note>(body, "note").unwrap_err();
/// let decode = err.as_decode().unwrap();
/// assert_eq!(decode.object, "note");
/// assert_eq!(decode.path, "data.id.note_id");
/// assert_eq!(decode.position, Some((1, 37)));
/// # Ok::<(), attio_core::Error>(())
/// ```
pub fn decode_data<T: serde::de::DeserializeOwned>(
    bytes: &[u8],
    resource: &'static str,
) -> Result<T, Error> {
    #[derive(serde::Deserialize)]
    struct Data<T> {
        data: T,
    }
    decode_serde::<Data<T>>(bytes, resource).map(|d| d.data)
}

/// Decodes a plain resource's list response, `{"data":[{…}, …]}`; see [`decode_data`].
/// Paths in errors name the item, e.g. `data[3].id.note_id`.
pub fn decode_data_list<T: serde::de::DeserializeOwned>(
    bytes: &[u8],
    resource: &'static str,
) -> Result<Vec<T>, Error> {
    decode_data::<Vec<T>>(bytes, resource)
}

/// Decodes a whole body into a serde model, keeping the JSON path of an error.
pub(crate) fn decode_serde<T: serde::de::DeserializeOwned>(
    bytes: &[u8],
    resource: &'static str,
) -> Result<T, Error> {
    let fail = |path: String, e: &serde_json::Error| {
        Error::from(crate::error::DecodeError::from_serde(resource, path, e))
    };
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let value = serde_path_to_error::deserialize::<_, T>(&mut de).map_err(|e| {
        let path = match e.path().to_string() {
            p if p == "." => "$".to_owned(),
            p => p,
        };
        fail(path, e.inner())
    })?;
    de.end().map_err(|e| fail("$".to_owned(), &e))?;
    Ok(value)
}

#[cfg(test)]
mod plain_tests {
    use super::*;

    #[derive(Debug, serde::Deserialize, PartialEq)]
    struct NoteId {
        workspace_id: uuid::Uuid,
        note_id: uuid::Uuid,
    }

    #[derive(Debug, serde::Deserialize, PartialEq)]
    struct Note {
        id: NoteId,
        title: String,
    }

    const WS: &str = "14beef7a-99f7-4534-a87e-70b564330a4c";
    const ID: &str = "bf071e1f-6035-429d-b874-d83ea64ea13b";

    fn note(id: &str) -> String {
        format!(r#"{{"id":{{"workspace_id":"{WS}","note_id":"{id}"}},"title":"Call"}}"#)
    }

    #[test]
    fn decodes_data_and_data_lists() {
        let one = format!(r#"{{"data":{}}}"#, note(ID));
        let n: Note = decode_data(one.as_bytes(), "note").unwrap();
        assert_eq!(n.id.note_id.to_string(), ID);
        let many = format!(
            r#"{{"data":[{},{}],"pagination":{{}}}}"#,
            note(ID),
            note(ID)
        );
        let v: Vec<Note> = decode_data_list(many.as_bytes(), "note").unwrap();
        assert_eq!(v.len(), 2);
    }

    #[test]
    fn errors_carry_the_json_path_position_and_what_was_found() {
        let items: Vec<String> = (0..4)
            .map(|i| note(if i == 3 { "not-a-uuid" } else { ID }))
            .collect();
        let body = format!("{{\"data\":[\n{}\n]}}", items.join(",\n"));
        let err = decode_data_list::<Note>(body.as_bytes(), "note").unwrap_err();
        let e = err.as_decode().expect("a decode error");
        assert_eq!(e.object, "note");
        assert_eq!(e.path, "data[3].id.note_id");
        assert_eq!(e.position.map(|(line, _)| line), Some(5));
        assert!(e.found.contains("UUID parsing failed"), "{e:?}");
        let shown = err.to_string();
        assert!(
            shown.starts_with("cannot decode a `note` response at `data[3].id.note_id`"),
            "{shown}"
        );

        // A missing field names the object that lacks it.
        let body = format!(r#"{{"data":{{"id":{{"workspace_id":"{WS}"}},"title":"x"}}}}"#);
        let e = decode_data::<Note>(body.as_bytes(), "note").unwrap_err();
        let e = e.as_decode().unwrap();
        assert_eq!(e.path, "data.id");
        assert_eq!(e.expected, "the field `note_id`");

        // A wrong type, a truncated body, trailing bytes.
        let e = decode_data::<Note>(br#"{"data":{"id":"x","title":"x"}}"#, "note").unwrap_err();
        assert_eq!(e.as_decode().unwrap().path, "data.id");
        assert_eq!(e.as_decode().unwrap().found, r#"string "x""#);
        assert_eq!(e.as_decode().unwrap().expected, "struct NoteId");
        let e = decode_data::<Note>(br#"{"data":{"id""#, "note").unwrap_err();
        assert_eq!(e.as_decode().unwrap().expected, "more JSON");
        let body = format!(r#"{{"data":{}}} x"#, note(ID));
        let e = decode_data::<Note>(body.as_bytes(), "note").unwrap_err();
        assert_eq!(e.as_decode().unwrap().path, "$");
        let e = decode_data::<Note>(b"[]", "note").unwrap_err();
        assert_eq!(e.as_decode().unwrap().path, "$");
    }
}
