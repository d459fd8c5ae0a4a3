//! The requests of the records area, and what a record write needs around the send loop:
//! the body with what it wrote, and errors named after the model's attributes.

use reqwest::Method;
use uuid::Uuid;

use crate::decode::id;
use crate::error::{Error, ValueError};
use crate::http::client::Client;
use crate::http::request::{Request, Safety};
use crate::http::send::Budget;
use crate::json;
use crate::record::{AttioRecord, AttioUpdate, Record};
use crate::schema::{AttributeDef, AttributeType};
use crate::written::{self, Written};

/// `/v2/objects/{object}/records/{id}`
pub(super) fn record_path<T: AttioRecord>(record_id: Uuid) -> String {
    format!("/v2/objects/{}/records/{record_id}", T::OBJECT)
}

/// `/v2/objects/{object}/records`
fn records_path<T: AttioRecord>() -> String {
    format!("/v2/objects/{}/records", T::OBJECT)
}

/// `POST /v2/objects/{object}/records/query` with `body`: a read.
pub(super) fn query_request<T: AttioRecord>(body: Vec<u8>) -> Request {
    Request::new(
        Method::POST,
        format!("/v2/objects/{}/records/query", T::OBJECT),
        Safety::Read,
    )
    .body(body)
}

/// `POST /v2/objects/{object}/records`: a create, not idempotent.
pub(super) fn create_request<T: AttioRecord>(body: Vec<u8>) -> Request {
    Request::new(Method::POST, records_path::<T>(), Safety::Create).body(body)
}

/// `PUT /v2/objects/{object}/records?matching_attribute={slug}`: an assert, which cannot
/// store twice.
pub(super) fn assert_request<T: AttioRecord>(body: Vec<u8>, slug: &'static str) -> Request {
    Request::new(Method::PUT, records_path::<T>(), Safety::IdempotentWrite)
        .query("matching_attribute", slug)
        .body(body)
}

/// `PATCH` (multiselects appended) or `PUT` (replaced) `/v2/objects/{object}/records/{id}`.
pub(super) fn update_request<T: AttioRecord>(
    method: Method,
    record_id: Uuid,
    body: Vec<u8>,
) -> Request {
    Request::new(method, record_path::<T>(record_id), Safety::IdempotentWrite).body(body)
}

/// A record write's body, and what it wrote.
pub(super) struct Write {
    pub body: Vec<u8>,
    pub written: Written,
}

/// The body of a create or assert of `record`.
pub(super) fn encode_create<T: AttioRecord>(record: &T) -> Result<Write, Error> {
    let (body, written) = written::noting(T::ATTRIBUTES, || json::encode_create(record));
    Ok(Write {
        body: body?,
        written,
    })
}

/// The body of a partial update.
pub(super) fn encode_update<U: AttioUpdate>(update: &U) -> Result<Write, Error> {
    let (body, written) = written::noting(<U::Record as AttioRecord>::ATTRIBUTES, || {
        json::encode_update(update)
    });
    Ok(Write {
        body: body?,
        written,
    })
}

/// An assert of `write` on `slug`, and what it writes; refused before sending when the body
/// has no value for `slug`.
pub(super) fn assert_of<T: AttioRecord>(
    write: Write,
    slug: &'static str,
) -> Result<(Request, Written), Error> {
    if !write.written.wrote(slug) {
        return Err(ValueError::new(
            "assert key",
            "",
            format!("the record has no value for `{slug}`, the attribute to match on"),
        )
        .at(T::OBJECT, slug)
        .into());
    }
    Ok((assert_request::<T>(write.body, slug), write.written))
}

/// Sends a record write that needs no step of its own (an update of the record
/// `record_id`, an assert) and decodes the record it answers.
pub(super) async fn send_write<T: AttioRecord>(
    client: &Client,
    request: Request,
    written: &Written,
    record_id: Option<Uuid>,
) -> Result<Record<T>, Error> {
    match client.send(&request, &mut Budget::new()).await {
        Ok(reply) => client.decode(&reply, |body| decode_written::<T>(body, record_id)),
        Err(failure) => Err(name_attribute(failure.into_error(), T::ATTRIBUTES, written)),
    }
}

/// Decodes the record a write answered with a 2xx: the write was stored, so a body that
/// does not decode is [`Error::StoredButUnreadable`], never a plain decode error a caller
/// might retry. Its record id is read from the body when the values fail, or is
/// `record_id`, the record the write was sent to.
pub(super) fn decode_written<T: AttioRecord>(
    body: &[u8],
    record_id: Option<Uuid>,
) -> Result<Record<T>, Error> {
    json::decode_record::<T>(body).map_err(|e| stored_but_unreadable::<T>(e, body, record_id))
}

#[cold]
fn stored_but_unreadable<T: AttioRecord>(
    error: Error,
    body: &[u8],
    record_id: Option<Uuid>,
) -> Error {
    match error {
        Error::Decode(source) => Error::StoredButUnreadable {
            object: T::OBJECT,
            record_id: source.record_id.or_else(|| id::of_body(body)).or(record_id),
            source,
        },
        other => other,
    }
}

/// Names the attribute of Attio's 400 whose message names only a value type ("Invalid
/// phone number, …"): the one attribute of that type the request wrote, if there is
/// exactly one.
pub(super) fn name_attribute(
    error: Error,
    attributes: &'static [AttributeDef],
    written: &Written,
) -> Error {
    match error {
        Error::Api(mut e) if e.status == 400 && e.attribute.is_none() => {
            e.attribute = attribute_of_type_named(&e.message, attributes, written);
            Error::Api(e)
        }
        other => other,
    }
}

fn attribute_of_type_named(
    message: &str,
    attributes: &'static [AttributeDef],
    written: &Written,
) -> Option<String> {
    const TYPES: [(&str, AttributeType); 6] = [
        ("phone number", AttributeType::PhoneNumber),
        ("email", AttributeType::EmailAddress),
        ("domain", AttributeType::Domain),
        ("currency", AttributeType::Currency),
        ("location", AttributeType::Location),
        ("rating", AttributeType::Rating),
    ];
    let message = message.to_ascii_lowercase();
    let (_, ty) = TYPES.iter().find(|(word, _)| message.contains(word))?;
    let mut candidates = attributes
        .iter()
        .filter(|a| a.attribute_type == *ty && written.wrote(a.slug));
    match (candidates.next(), candidates.next()) {
        (Some(one), None) => Some(one.slug.to_owned()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(crate::AttioRecord, Debug)]
    #[attio(object = "users", crate = "crate")]
    struct User {
        user_id: String,
    }

    const ID: &str = "bf071e1f-6035-429d-b874-d83ea64ea13b";

    fn stored_id(body: &str, known: Option<Uuid>) -> Option<Uuid> {
        match decode_written::<User>(body.as_bytes(), known).unwrap_err() {
            Error::StoredButUnreadable {
                object: "users",
                record_id,
                ..
            } => record_id,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_written_record_that_does_not_decode_is_stored_but_unreadable() {
        // The values come before the id: the id is read by a second parse.
        let body = format!(
            r#"{{"data":{{"values":{{"user_id":[]}},"id":{{"workspace_id":"{ID}","object_id":"{ID}","record_id":"{ID}"}},"created_at":"2024-01-01T00:00:00Z"}}}}"#
        );
        assert_eq!(stored_id(&body, None).unwrap().to_string(), ID);
        // A body without a readable id: the id the write was sent to, if any.
        let known = Uuid::new_v4();
        assert_eq!(stored_id("<html>", Some(known)), Some(known));
        assert_eq!(stored_id("<html>", None), None);
        let shown = decode_written::<User>(b"<html>", None)
            .unwrap_err()
            .to_string();
        assert!(
            shown.starts_with("a `users` record was stored (its id could not be read)"),
            "{shown}"
        );
    }
}
