//! The value types one by one: every read shape the API sends, the exact write form, and
//! every refusal before sending.

use std::collections::HashSet;
use std::marker::PhantomData;

use attio_core::__private::DecodeCtx;
use attio_core::values::{
    Actor, ActorRef, ActorType, AttioValue, Currency, Date, Domain, EmailAddress, Interaction,
    InteractionType, Location, OptionId, PersonalName, PhoneNumber, Rating, ReadValue,
    RecordTarget, SelectOption, Status, StatusId, Timestamp, Tracked, WriteForm, WriteValue,
};
use attio_core::{
    AnyRecordRef, AttioRecord, AttioUpdate, AttributeDef, AttributeType, Error, RecordRef,
    ValueError,
};
use serde::de::IgnoredAny;
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serializer};
use uuid::Uuid;

// ---------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------

/// A read-side value object: the envelope, an unknown key holding nested JSON (which every
/// type must consume), the type's own `fields`, and `attribute_type` last, as Attio orders it.
fn object(attribute_type: &str, fields: &str) -> String {
    let sep = if fields.is_empty() { "" } else { "," };
    format!(
        r#"{{"active_from":"2023-01-01T15:00:00.000000000Z","active_until":null,"created_by_actor":{{"type":"system","id":null}},"unknown_key":{{"nested":[1,{{"deeper":null}},"x"]}}{sep}{fields},"attribute_type":"{attribute_type}"}}"#
    )
}

fn decode_str<V: ReadValue>(json: &str) -> Result<V, Error> {
    attio_core::json::decode_value(json.as_bytes())
}

/// Decodes `fields` in a value object of `V`'s own type.
fn read<V: ReadValue>(fields: &str) -> V {
    let json = object(V::TYPE.as_str(), fields);
    decode_str(&json).unwrap_or_else(|e| panic!("{json}: {e}"))
}

/// The error decoding `fields` in a value object of `V`'s own type.
fn read_err<V: ReadValue + std::fmt::Debug>(fields: &str) -> String {
    let json = object(V::TYPE.as_str(), fields);
    match decode_str::<V>(&json) {
        Ok(v) => panic!("{json} decoded to {v:?}"),
        Err(e) => e.to_string(),
    }
}

fn write<V: WriteValue>(v: &V) -> String {
    serde_json::to_string(&WriteForm(v)).unwrap()
}

/// A refusal from a checked constructor, as a `ValueError`.
fn refused<T: std::fmt::Debug>(r: Result<T, Error>) -> ValueError {
    match r {
        Ok(v) => panic!("accepted: {v:?}"),
        Err(Error::InvalidValue(e)) => *e,
        Err(e) => panic!("not an invalid-value error: {e}"),
    }
}

/// Checks a refusal names the offending value, in the field and in the message.
fn assert_names(e: &ValueError, value: &str) {
    assert_eq!(e.value, value, "{e}");
    assert!(e.to_string().contains(value), "{e}");
}

fn uuid(s: &str) -> Uuid {
    s.parse().unwrap()
}

const MEMBER: &str = "a976f6a9-fc2b-4acb-91e7-afb2d18b4e64";

// Two tiny models implemented by hand (no derive, no Clone/Debug/PartialEq/Hash), to show
// that `RecordRef<T>` needs none of them from `T`.

struct NoUpdate<R>(PhantomData<R>);

impl<R: AttioRecord> AttioUpdate for NoUpdate<R> {
    type Record = R;
    fn is_empty(&self) -> bool {
        true
    }
    fn __encode_values<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_map(Some(0))?.end()
    }
}

macro_rules! model {
    ($name:ident, $slug:literal) => {
        struct $name;
        impl AttioRecord for $name {
            const OBJECT: &'static str = $slug;
            const ATTRIBUTES: &'static [AttributeDef] = &[];
            type Attrs = ();
            type Update = NoUpdate<$name>;
            fn attrs() {}
            fn __encode_values<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_map(Some(0))?.end()
            }
            fn __decode_values<'de, D: Deserializer<'de>>(
                d: D,
                _: &DecodeCtx,
            ) -> Result<Self, D::Error> {
                IgnoredAny::deserialize(d).map(|_| $name)
            }
        }
    };
}

model!(Company, "companies");
model!(Person, "people");
model!(Workspace, "workspaces");

// ---------------------------------------------------------------------------------------
// text
// ---------------------------------------------------------------------------------------

#[test]
fn text_reads_value() {
    assert_eq!(
        read::<String>(r#""value":"Developer met at event""#),
        "Developer met at event"
    );
    assert_eq!(
        read::<String>(r#""value":"esc\"aped \u00e9""#),
        "esc\"aped é"
    );
}

#[test]
fn text_tolerates_null_as_empty() {
    assert_eq!(read::<String>(r#""value":null"#), "");
}

#[test]
fn text_refuses_other_types_and_missing_value() {
    let e = read_err::<String>(r#""value":42"#);
    assert!(e.contains("expected a string, found integer `42`"), "{e}");
    let e = read_err::<String>("");
    assert!(
        e.contains("expected the field `value`, found no such field"),
        "{e}"
    );
}

#[test]
fn text_writes_a_bare_string() {
    assert_eq!(
        write(&"Developer met at event".to_string()),
        r#""Developer met at event""#
    );
    assert_eq!(write(&"say \"hi\"".to_string()), r#""say \"hi\"""#);
    assert_eq!(String::TYPE, AttributeType::Text);
}

#[test]
fn tracked_text_keeps_the_envelope() {
    let json = r#"{"active_from":"2024-01-02T10:00:00.000000000Z","active_until":"2025-03-01T09:00:00.000000000Z","created_by_actor":{"type":"api-token","id":"a976f6a9-fc2b-4acb-91e7-afb2d18b4e64"},"attribute_type":"text","value":"Intern"}"#;
    let t: Tracked<String> = decode_str(json).unwrap();
    assert_eq!(t.value, "Intern");
    assert!(!t.is_active());
    assert_eq!(
        t.active_from.unwrap().to_rfc3339(),
        "2024-01-02T10:00:00+00:00"
    );
    assert_eq!(
        t.created_by_actor,
        Some(Actor {
            actor_type: Some(ActorType::ApiToken),
            id: Some(uuid(MEMBER))
        })
    );
    assert_eq!(write(&t), r#""Intern""#);
}

// ---------------------------------------------------------------------------------------
// number
// ---------------------------------------------------------------------------------------

#[test]
fn f64_reads_any_number() {
    assert_eq!(
        read::<f64>(r#""value":54.725113205693695"#),
        54.725113205693695
    );
    assert_eq!(read::<f64>(r#""value":100"#), 100.0);
    assert_eq!(read::<f64>(r#""value":-3"#), -3.0);
    let e = read_err::<f64>(r#""value":"100""#);
    assert!(e.contains("found string \"100\""), "{e}");
}

#[test]
fn f64_writes_a_bare_number_and_refuses_non_finite() {
    assert_eq!(write(&54.5f64), "54.5");
    assert_eq!(write(&100.0f64), "100.0");
    for v in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
        let e = v.validate().unwrap_err();
        assert_eq!(e.kind, "number");
        assert_names(&e, &v.to_string());
        assert!(serde_json::to_string(&WriteForm(&v)).is_err());
    }
    assert!(1.5f64.validate().is_ok());
}

#[test]
fn i64_reads_integers_and_integral_floats() {
    assert_eq!(read::<i64>(r#""value":100"#), 100);
    assert_eq!(read::<i64>(r#""value":100.0"#), 100);
    assert_eq!(read::<i64>(r#""value":-7"#), -7);
    let e = read_err::<i64>(r#""value":1.5"#);
    assert!(e.contains("1.5") && e.contains("an integer"), "{e}");
    let e = read_err::<i64>(r#""value":18446744073709551615"#);
    assert!(e.contains("18446744073709551615"), "{e}");
    let e = read_err::<i64>(r#""value":1e300"#);
    assert!(e.contains("an integer"), "{e}");
}

#[test]
fn i64_writes_a_bare_integer_and_refuses_inexact_ones() {
    assert_eq!(write(&100i64), "100");
    assert!((1i64 << 53).validate().is_ok());
    let too_big = (1i64 << 53) + 1;
    let e = too_big.validate().unwrap_err();
    assert_names(&e, "9007199254740993");
}

// ---------------------------------------------------------------------------------------
// checkbox
// ---------------------------------------------------------------------------------------

#[test]
fn checkbox_reads_booleans_and_their_strings() {
    assert!(read::<bool>(r#""value":true"#));
    assert!(!read::<bool>(r#""value":false"#));
    assert!(read::<bool>(r#""value":"true""#));
    assert!(!read::<bool>(r#""value":"false""#));
    let e = read_err::<bool>(r#""value":"yes""#);
    assert!(e.contains("\"yes\"") && e.contains("a boolean"), "{e}");
    let e = read_err::<bool>(r#""value":null"#);
    assert!(e.contains("null"), "{e}");
}

#[test]
fn checkbox_writes_a_bare_bool() {
    assert_eq!(write(&true), "true");
    assert_eq!(write(&false), "false");
}

// ---------------------------------------------------------------------------------------
// currency
// ---------------------------------------------------------------------------------------

fn dec(s: &str) -> attio_core::Decimal {
    s.parse().unwrap()
}

#[test]
fn currency_reads_numbers_and_numeric_strings() {
    let c = read::<Currency>(r#""currency_value":499,"currency_code":"USD""#);
    assert_eq!(
        c,
        Currency {
            currency_value: dec("499"),
            currency_code: Some("USD".into())
        }
    );
    let c = read::<Currency>(r#""currency_value":"499.00","currency_code":"EGP""#);
    assert_eq!(c.currency_value, dec("499"));
    // The text is kept exactly, places included.
    assert_eq!(c.currency_value.to_string(), "499.00");
    assert_eq!(c.currency_code.as_deref(), Some("EGP"));
    let c = read::<Currency>(r#""currency_value":4.99,"currency_code":null"#);
    assert_eq!(c, Currency::new(dec("4.99")));
    let c = read::<Currency>(r#""currency_value":-12.5"#);
    assert_eq!(c, Currency::new(dec("-12.5")));
    // Eighteen significant digits, which no f64 holds.
    let c = read::<Currency>(r#""currency_value":12345678901234.5678"#);
    assert_eq!(c.currency_value.to_string(), "12345678901234.5678");
}

#[test]
fn currency_refuses_bad_values() {
    let e = read_err::<Currency>(r#""currency_value":"lots","currency_code":"USD""#);
    assert!(
        e.contains("\"lots\"") && e.contains("numeric string"),
        "{e}"
    );
    let e = read_err::<Currency>(r#""currency_value":"NaN""#);
    assert!(e.contains("NaN"), "{e}");
    let e = read_err::<Currency>(r#""currency_code":"USD""#);
    assert!(
        e.contains("expected the field `currency_value`, found no such field"),
        "{e}"
    );
}

#[test]
fn currency_writes_only_the_value() {
    assert_eq!(
        write(&Currency::new(dec("4.99"))),
        r#"{"currency_value":4.99}"#
    );
    assert_eq!(write(&Currency::new(100)), r#"{"currency_value":100}"#);
    assert_eq!(
        write(&Currency::new(dec("100.0"))),
        r#"{"currency_value":100.0}"#
    );
    assert!(Currency::new(dec("4.1234")).validate().is_ok());
}

#[test]
fn currency_validation() {
    // A value read back carries the attribute's code, which is never written.
    let with_code = Currency {
        currency_value: dec("4.99"),
        currency_code: Some("USD".into()),
    };
    assert!(with_code.validate().is_ok());
    assert_eq!(write(&with_code), r#"{"currency_value":4.99}"#);
    assert!(with_code.without_code().validate().is_ok());

    let e = Currency::new(dec("4.12345")).validate().unwrap_err();
    assert_names(&e, "4.12345");
    assert!(e.reason.contains("four decimal places"), "{e}");

    let e = Currency::from_f64(f64::NAN).unwrap_err().to_string();
    assert!(e.contains("NaN"), "{e}");
    let e = Currency::try_from(f64::INFINITY).unwrap_err().to_string();
    assert!(e.contains("inf"), "{e}");
}

// ---------------------------------------------------------------------------------------
// date and timestamp
// ---------------------------------------------------------------------------------------

fn ymd(y: i32, m: u32, d: u32) -> Date {
    Date::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn date_reads_dates_and_datetimes() {
    assert_eq!(read::<Date>(r#""value":"2023-01-31""#), ymd(2023, 1, 31));
    // A full datetime: its UTC date.
    assert_eq!(
        read::<Date>(r#""value":"2023-01-31T23:30:00.000000000-05:00""#),
        ymd(2023, 2, 1)
    );
    assert_eq!(
        read::<Date>(r#""value":"2023-01-31T10:00:00.000000000Z""#),
        ymd(2023, 1, 31)
    );
    let e = read_err::<Date>(r#""value":"31/01/2023""#);
    assert!(e.contains("31/01/2023") && e.contains("YYYY-MM-DD"), "{e}");
    let e = read_err::<Date>(r#""value":20230131"#);
    assert!(e.contains("found integer `20230131`"), "{e}");
}

#[test]
fn date_writes_iso_and_refuses_five_digit_years() {
    assert_eq!(write(&ymd(2023, 1, 31)), r#""2023-01-31""#);
    assert_eq!(write(&ymd(7, 3, 9)), r#""0007-03-09""#);
    assert!(ymd(9999, 12, 31).validate().is_ok());
    let e = ymd(10000, 1, 1).validate().unwrap_err();
    assert_eq!(e.kind, "date");
    assert!(e.to_string().contains("10000-01-01"), "{e}");
}

#[test]
fn timestamp_reads_rfc3339_with_nanoseconds() {
    let t = read::<Timestamp>(r#""value":"2023-01-01T15:00:00.123456789Z""#);
    assert_eq!(t.timestamp(), 1_672_585_200);
    assert_eq!(t.timestamp_subsec_nanos(), 123_456_789);
    let t = read::<Timestamp>(r#""value":"2023-01-01T17:00:00+02:00""#);
    assert_eq!(t.to_rfc3339(), "2023-01-01T15:00:00+00:00");
    let t = read::<Timestamp>(r#""value":"2022-11-21T13:22:49.061281000Z""#);
    assert_eq!(t.timestamp_subsec_nanos(), 61_281_000);
    let e = read_err::<Timestamp>(r#""value":"yesterday""#);
    assert!(e.contains("yesterday") && e.contains("RFC 3339"), "{e}");
}

#[test]
fn timestamp_writes_nine_digits_and_z() {
    let t: Timestamp = "2023-01-01T15:00:00Z".parse().unwrap();
    assert_eq!(write(&t), r#""2023-01-01T15:00:00.000000000Z""#);
    let t: Timestamp = "2022-11-21T13:22:49.061281Z".parse().unwrap();
    assert_eq!(write(&t), r#""2022-11-21T13:22:49.061281000Z""#);
    assert!(t.validate().is_ok());
    let far: Timestamp = "+10000-01-01T00:00:00Z".parse().unwrap();
    let e = far.validate().unwrap_err();
    assert_eq!(e.kind, "timestamp");
    assert!(e.value.contains("10000"), "{e}");
}

// ---------------------------------------------------------------------------------------
// rating
// ---------------------------------------------------------------------------------------

#[test]
fn rating_reads_0_to_5() {
    assert_eq!(read::<Rating>(r#""value":4"#).get(), 4);
    assert_eq!(read::<Rating>(r#""value":4.0"#).get(), 4);
    assert_eq!(read::<Rating>(r#""value":0"#).get(), 0);
    assert_eq!(read::<Rating>(r#""value":5"#).get(), 5);
    for bad in ["6", "4.5", "-1", "\"4\""] {
        let e = read_err::<Rating>(&format!(r#""value":{bad}"#));
        assert!(
            e.contains("0 to 5") || e.contains("found string"),
            "{bad}: {e}"
        );
    }
}

#[test]
fn rating_is_checked_and_written_bare() {
    let r = Rating::new(4).unwrap();
    assert_eq!(write(&r), "4");
    assert_eq!(u8::from(r), 4);
    let e = refused(Rating::new(6));
    assert_eq!(e.kind, "rating");
    assert_names(&e, "6");
    assert!(Rating::try_from(9).is_err());
}

// ---------------------------------------------------------------------------------------
// status
// ---------------------------------------------------------------------------------------

const STATUS_ID: &str = "e37175a9-94f3-410f-bb29-78287bc1c444";

#[test]
fn status_reads_the_full_object() {
    let s = read::<Status>(
        r#""status":{"id":{"workspace_id":"ca10906c-6785-464e-bb6c-b003e63c6a18","object_id":"cf49cf53-dbb4-4d18-87fc-28aba21d7a49","attribute_id":"7914c8c4-34b1-42b6-9e4c-4db8baa58bfa","status_id":"e37175a9-94f3-410f-bb29-78287bc1c444"},"title":"Won 🎉","is_archived":false,"celebration_enabled":true,"target_time_in_status":"P0DT6H0M0S"}"#,
    );
    assert_eq!(
        s,
        Status {
            id: Some(StatusId {
                workspace_id: Some(uuid("ca10906c-6785-464e-bb6c-b003e63c6a18")),
                object_id: Some(uuid("cf49cf53-dbb4-4d18-87fc-28aba21d7a49")),
                attribute_id: Some(uuid("7914c8c4-34b1-42b6-9e4c-4db8baa58bfa")),
                status_id: uuid(STATUS_ID),
            }),
            title: Some("Won 🎉".into()),
            is_archived: false,
            celebration_enabled: true,
            target_time_in_status: Some("P0DT6H0M0S".into()),
        }
    );
    assert_eq!(s.status_id(), Some(uuid(STATUS_ID)));
    // Written back by id.
    assert_eq!(write(&s), format!(r#"{{"status":"{STATUS_ID}"}}"#));
}

#[test]
fn status_reads_nulls_and_a_bare_id() {
    let s = read::<Status>(
        r#""status":{"id":null,"title":"Lead","is_archived":null,"celebration_enabled":null,"target_time_in_status":null}"#,
    );
    assert_eq!(s, Status::by_title("Lead"));
    let s = read::<Status>(&format!(r#""status":"{STATUS_ID}""#));
    assert_eq!(s, Status::by_id(uuid(STATUS_ID)));
    // A bare string that is not an id is taken as a title.
    assert_eq!(
        read::<Status>(r#""status":"Lead""#),
        Status::by_title("Lead")
    );
    let e = read_err::<Status>(r#""status":null"#);
    assert!(e.contains("a status object or a status id"), "{e}");
    let e = read_err::<Status>("");
    assert!(
        e.contains("expected the field `status`, found no such field"),
        "{e}"
    );
}

#[test]
fn status_writes_by_id_or_title() {
    assert_eq!(write(&Status::by_title("Lead")), r#"{"status":"Lead"}"#);
    assert_eq!(
        write(&Status::by_id(uuid(STATUS_ID))),
        format!(r#"{{"status":"{STATUS_ID}"}}"#)
    );
    let e = Status::by_title("  ").validate().unwrap_err();
    assert_eq!(e.kind, "status");
    assert_eq!(e.value, "  ");
    let e = Status::default().validate().unwrap_err();
    assert!(e.reason.contains("title or an id"), "{e}");
    assert!(serde_json::to_string(&WriteForm(&Status::default())).is_err());
}

// ---------------------------------------------------------------------------------------
// select
// ---------------------------------------------------------------------------------------

#[test]
fn select_reads_the_full_object_from_the_fixture() {
    let o = read::<SelectOption>(
        r#""option":{"id":{"workspace_id":"ca10906c-6785-464e-bb6c-b003e63c6a18","object_id":"cf49cf53-dbb4-4d18-87fc-28aba21d7a49","attribute_id":"7914c8c4-34b1-42b6-9e4c-4db8baa58bfa","option_id":"e37175a9-94f3-410f-bb29-78287bc1c444"},"title":"Very strong","is_archived":false}"#,
    );
    assert_eq!(o.title.as_deref(), Some("Very strong"));
    assert_eq!(o.option_id(), Some(uuid(STATUS_ID)));
    assert_eq!(
        o.id,
        Some(OptionId {
            workspace_id: Some(uuid("ca10906c-6785-464e-bb6c-b003e63c6a18")),
            object_id: Some(uuid("cf49cf53-dbb4-4d18-87fc-28aba21d7a49")),
            attribute_id: Some(uuid("7914c8c4-34b1-42b6-9e4c-4db8baa58bfa")),
            option_id: uuid(STATUS_ID),
        })
    );
    assert!(!o.is_archived);
    assert_eq!(write(&o), format!(r#"{{"option":"{STATUS_ID}"}}"#));
}

#[test]
fn select_reads_a_bare_id() {
    let o = read::<SelectOption>(&format!(r#""option":"{STATUS_ID}""#));
    assert_eq!(o, SelectOption::by_id(uuid(STATUS_ID)));
    assert_eq!(o.title, None);
    let e = read_err::<SelectOption>(r#""option":7"#);
    assert!(e.contains("a select option object or an option id"), "{e}");
}

#[test]
fn select_writes_by_id_or_title() {
    assert_eq!(
        write(&SelectOption::by_title("3D Printing")),
        r#"{"option":"3D Printing"}"#
    );
    assert_eq!(
        write(&SelectOption::by_id(uuid(STATUS_ID))),
        format!(r#"{{"option":"{STATUS_ID}"}}"#)
    );
    let e = SelectOption::by_title("").validate().unwrap_err();
    assert_eq!(e.kind, "select option");
    assert!(SelectOption::default().validate().is_err());
}

// ---------------------------------------------------------------------------------------
// record-reference
// ---------------------------------------------------------------------------------------

const COMPANY_ID: &str = "99a03ff3-0435-47da-95cc-76b2caeb4dab";

#[test]
fn record_ref_reads_its_target() {
    let r = read::<RecordRef<Company>>(&format!(
        r#""target_object":"companies","target_record_id":"{COMPANY_ID}""#
    ));
    assert_eq!(r.record_id(), Some(uuid(COMPANY_ID)));
    assert_eq!(r.target_object(), "companies");
    assert_eq!(r, RecordRef::new(uuid(COMPANY_ID)));
    assert_eq!(
        <RecordRef<Company> as AttioValue>::TARGET_OBJECT,
        Some("companies")
    );
    assert_eq!(
        <RecordRef<Company> as AttioValue>::TYPE,
        AttributeType::RecordReference
    );
}

#[test]
fn record_ref_refuses_another_object() {
    let e = read_err::<RecordRef<Company>>(&format!(
        r#""target_object":"people","target_record_id":"{COMPANY_ID}""#
    ));
    assert!(e.contains("\"people\"") && e.contains("`companies`"), "{e}");
    assert!(
        e.contains("expected a reference to a `companies` record, found string \"people\""),
        "{e}"
    );
    let e = read_err::<RecordRef<Company>>(
        r#""target_object":"companies","target_record_id":"72ef5feaf-4919-4208-b332-1339ab8ba040""#,
    );
    assert!(
        e.contains("\"72ef5feaf-4919-4208-b332-1339ab8ba040\"") && e.contains("a UUID"),
        "{e}"
    );
    let e = read_err::<RecordRef<Company>>(r#""target_object":"companies""#);
    assert!(
        e.contains("expected the field `target_record_id`, found no such field"),
        "{e}"
    );
    let e = read_err::<RecordRef<Company>>(&format!(r#""target_record_id":"{COMPANY_ID}""#));
    assert!(
        e.contains("expected the field `target_object`, found no such field"),
        "{e}"
    );
}

#[test]
fn record_ref_writes_by_id_domain_or_email() {
    let by_id = RecordRef::<Company>::new(uuid(COMPANY_ID));
    assert_eq!(
        write(&by_id),
        format!(r#"{{"target_object":"companies","target_record_id":"{COMPANY_ID}"}}"#)
    );
    let by_domain = RecordRef::<Company>::by_domain("attio.com").unwrap();
    assert_eq!(
        write(&by_domain),
        r#"{"target_object":"companies","domains":[{"domain":"attio.com"}]}"#
    );
    assert_eq!(by_domain.record_id(), None);
    let by_email = RecordRef::<Person>::by_email_address("a@b.com").unwrap();
    assert_eq!(
        write(&by_email),
        r#"{"target_object":"people","email_addresses":[{"email_address":"a@b.com"}]}"#
    );
    assert!(matches!(by_email.target(), RecordTarget::EmailAddress(_)));
}

#[test]
fn record_ref_parse_refuses_malformed_ids() {
    let ok = RecordRef::<Workspace>::parse("72ef5fea-4919-4208-b332-1339ab8ba040").unwrap();
    assert_eq!(
        ok.record_id(),
        Some(uuid("72ef5fea-4919-4208-b332-1339ab8ba040"))
    );
    let bad = "72ef5feaf-4919-4208-b332-1339ab8ba040";
    let e = refused(RecordRef::<Workspace>::parse(bad));
    assert_names(&e, bad);
    assert!(e.to_string().contains("workspaces"), "{e}");
    let e = refused(RecordRef::<Company>::by_domain("not a domain"));
    assert_names(&e, "not a domain");
    let e = refused(RecordRef::<Person>::by_email_address("nobody"));
    assert_names(&e, "nobody");
}

#[test]
fn record_ref_needs_nothing_from_its_model() {
    let a = RecordRef::<Company>::new(uuid(COMPANY_ID));
    let b = a.clone();
    assert_eq!(a, b);
    let set: HashSet<_> = [a.clone(), b, RecordRef::by_domain("attio.com").unwrap()].into();
    assert_eq!(set.len(), 2);
    let debug = format!("{a:?}");
    assert!(
        debug.contains("companies") && debug.contains(COMPANY_ID),
        "{debug}"
    );
    let any: AnyRecordRef = a.into();
    assert_eq!(any, AnyRecordRef::new("companies", uuid(COMPANY_ID)));
}

#[test]
fn any_record_ref_reads_any_object() {
    let r = read::<AnyRecordRef>(&format!(
        r#""target_object":"people","target_record_id":"{COMPANY_ID}""#
    ));
    assert_eq!(r.target_object, "people");
    assert_eq!(r.record_id(), Some(uuid(COMPANY_ID)));
    assert_eq!(
        write(&r),
        format!(r#"{{"target_object":"people","target_record_id":"{COMPANY_ID}"}}"#)
    );
    let d = AnyRecordRef::by_domain("companies", "attio.com").unwrap();
    assert_eq!(
        write(&d),
        r#"{"target_object":"companies","domains":[{"domain":"attio.com"}]}"#
    );
    let e = AnyRecordRef::by_email_address("people", "a@b.com").unwrap();
    assert_eq!(
        write(&e),
        r#"{"target_object":"people","email_addresses":[{"email_address":"a@b.com"}]}"#
    );
    let bad = "not-a-uuid";
    let err = refused(AnyRecordRef::parse("deals", bad));
    assert_names(&err, bad);
    assert!(err.to_string().contains("deals"), "{err}");
    let err = AnyRecordRef::new("", uuid(COMPANY_ID))
        .validate()
        .unwrap_err();
    assert_eq!(err.kind, "target object");
    let err = AnyRecordRef::new("my deals", uuid(COMPANY_ID))
        .validate()
        .unwrap_err();
    assert_names(&err, "my deals");
}

// ---------------------------------------------------------------------------------------
// actor-reference
// ---------------------------------------------------------------------------------------

#[test]
fn actor_ref_reads_type_and_id() {
    let a = read::<ActorRef>(&format!(
        r#""referenced_actor_type":"workspace-member","referenced_actor_id":"{MEMBER}""#
    ));
    assert_eq!(a, ActorRef::workspace_member(uuid(MEMBER)));
    let a = read::<ActorRef>(r#""referenced_actor_type":"system","referenced_actor_id":null"#);
    assert_eq!(a.referenced_actor_type, ActorType::System);
    assert_eq!(a.referenced_actor_id, None);
    let a = read::<ActorRef>(r#""referenced_actor_type":"robot""#);
    assert_eq!(a.referenced_actor_type, ActorType::Other("robot".into()));
    let e =
        read_err::<ActorRef>(r#""referenced_actor_type":"system","referenced_actor_id":"nope""#);
    assert!(e.contains("\"nope\"") && e.contains("a UUID"), "{e}");
    let e = read_err::<ActorRef>(r#""referenced_actor_id":null"#);
    assert!(
        e.contains("expected the field `referenced_actor_type`, found no such field"),
        "{e}"
    );
}

#[test]
fn actor_ref_writes_workspace_members_only() {
    assert_eq!(
        write(&ActorRef::workspace_member(uuid(MEMBER))),
        format!(
            r#"{{"referenced_actor_type":"workspace-member","referenced_actor_id":"{MEMBER}"}}"#
        )
    );
    let by_email = ActorRef::workspace_member_by_email("ada@example.com").unwrap();
    assert!(by_email.validate().is_ok());
    assert_eq!(
        write(&by_email),
        r#"{"workspace_member_email_address":"ada@example.com"}"#
    );

    let token = ActorRef {
        referenced_actor_type: ActorType::ApiToken,
        referenced_actor_id: Some(uuid(MEMBER)),
        workspace_member_email_address: None,
    };
    let e = token.validate().unwrap_err();
    assert_eq!(e.kind, "actor reference");
    assert!(
        e.to_string().contains("api-token") && e.reason.contains("workspace members"),
        "{e}"
    );

    let nobody = ActorRef {
        referenced_actor_id: None,
        ..ActorRef::workspace_member(uuid(MEMBER))
    };
    assert!(nobody.validate().is_err());
    assert!(serde_json::to_string(&WriteForm(&nobody)).is_err());

    let e = refused(ActorRef::workspace_member_by_email("ada at example"));
    assert_names(&e, "ada at example");
}

// ---------------------------------------------------------------------------------------
// location
// ---------------------------------------------------------------------------------------

fn cupertino() -> Location {
    Location {
        line_1: Some("1 Infinite Loop".into()),
        line_2: None,
        line_3: None,
        line_4: None,
        locality: Some("Cupertino".into()),
        region: Some("CA".into()),
        postcode: Some("95014".into()),
        country_code: Some("US".into()),
        latitude: Some("37.331741".into()),
        longitude: Some("-122.030333".into()),
    }
}

const CUPERTINO: &str = r#"{"line_1":"1 Infinite Loop","line_2":null,"line_3":null,"line_4":null,"locality":"Cupertino","region":"CA","postcode":"95014","country_code":"US","latitude":"37.331741","longitude":"-122.030333"}"#;

#[test]
fn location_reads_the_fixture() {
    let inner = &CUPERTINO[1..CUPERTINO.len() - 1];
    assert_eq!(read::<Location>(inner), cupertino());
}

#[test]
fn location_reads_numbers_nulls_and_missing_keys() {
    let l = read::<Location>(
        r#""latitude":37.331741,"longitude":-122.030333,"postcode":95014,"country_code":null"#,
    );
    assert_eq!(l.latitude.as_deref(), Some("37.331741"));
    assert_eq!(l.longitude.as_deref(), Some("-122.030333"));
    assert_eq!(l.postcode.as_deref(), Some("95014"));
    assert_eq!(l.country_code, None);
    assert_eq!(l.line_1, None);
    assert_eq!(read::<Location>(""), Location::new());
    let e = read_err::<Location>(r#""latitude":true"#);
    assert!(e.contains("found boolean `true`"), "{e}");
    let e = read_err::<Location>(r#""locality":12"#);
    assert!(e.contains("found integer `12`"), "{e}");
}

#[test]
fn location_writes_all_ten_keys() {
    assert_eq!(write(&cupertino()), CUPERTINO);
    assert_eq!(
        write(&Location::new()),
        r#"{"line_1":null,"line_2":null,"line_3":null,"line_4":null,"locality":null,"region":null,"postcode":null,"country_code":null,"latitude":null,"longitude":null}"#
    );
    assert!(cupertino().validate().is_ok());
    assert!(Location::new().validate().is_ok());
}

#[test]
fn location_validation() {
    let with = |f: fn(&mut Location)| {
        let mut l = cupertino();
        f(&mut l);
        l.validate().unwrap_err()
    };
    let e = with(|l| l.latitude = Some("north".into()));
    assert_eq!(e.kind, "latitude");
    assert_names(&e, "north");
    let e = with(|l| l.latitude = Some("91".into()));
    assert_names(&e, "91");
    assert!(e.reason.contains("90"), "{e}");
    let e = with(|l| l.longitude = Some("-180.0000000001".into()));
    assert_eq!(e.kind, "longitude");
    assert!(e.reason.contains("9 decimal places"), "{e}");
    let e = with(|l| l.longitude = Some("1e2".into()));
    assert_names(&e, "1e2");
    let e = with(|l| l.longitude = Some("181".into()));
    assert_names(&e, "181");
    let e = with(|l| l.country_code = Some("USA".into()));
    assert_eq!(e.kind, "country code");
    assert_names(&e, "USA");
    let e = with(|l| l.country_code = Some("1A".into()));
    assert_names(&e, "1A");

    let mut ok = cupertino();
    ok.latitude = Some("-90".into());
    ok.longitude = Some("+180.000000000".into());
    assert!(ok.validate().is_ok());
}

// ---------------------------------------------------------------------------------------
// domain
// ---------------------------------------------------------------------------------------

#[test]
fn domain_reads_domain_and_root_domain() {
    let d = read::<Domain>(r#""domain":"app.attio.com","root_domain":"attio.com""#);
    assert_eq!(d.domain(), "app.attio.com");
    assert_eq!(d.root_domain(), Some("attio.com"));
    assert_eq!(d, Domain::new("app.attio.com").unwrap());
    let d = read::<Domain>(r#""domain":"attio.com","root_domain":null"#);
    assert_eq!(d.root_domain(), None);
    let e = read_err::<Domain>(r#""root_domain":"attio.com""#);
    assert!(
        e.contains("expected the field `domain`, found no such field"),
        "{e}"
    );
}

#[test]
fn domain_writes_the_bare_domain() {
    assert_eq!(write(&Domain::new("attio.com").unwrap()), r#""attio.com""#);
    let d = read::<Domain>(r#""domain":"attio.com","root_domain":"attio.com""#);
    assert_eq!(write(&d), r#""attio.com""#);
}

#[test]
fn domain_new_normalises_like_attio() {
    for (input, expected) in [
        ("attio.com", "attio.com"),
        ("Attio.COM", "attio.com"),
        ("https://app.attio.com/pricing?x=1#top", "app.attio.com"),
        ("http://attio.com:8080/", "attio.com"),
        ("  attio.com.  ", "attio.com"),
    ] {
        assert_eq!(Domain::new(input).unwrap().domain(), expected, "{input}");
    }
    assert_eq!(
        "attio.com".parse::<Domain>().unwrap().to_string(),
        "attio.com"
    );
}

#[test]
fn domain_new_refuses_non_domains() {
    for bad in [
        "",
        "attio",
        "not a domain",
        "attio..com",
        "-attio.com",
        "attio-.com",
        "1.2.3.4",
        "a@b.com",
        "at_tio.com",
    ] {
        let e = refused(Domain::new(bad));
        assert_eq!(e.kind, "domain");
        assert_names(&e, bad);
    }
    let long = format!("{}.com", "a".repeat(64));
    assert!(refused(Domain::new(&long)).reason.contains("63"));
}

// ---------------------------------------------------------------------------------------
// email-address
// ---------------------------------------------------------------------------------------

const JOHN: &str = r#""original_email_address":"john-smith@attio.com","email_address":"john-smith@attio.com","email_domain":"attio.com","email_root_domain":"attio.com","email_local_specifier":"john-smith""#;

#[test]
fn email_reads_every_field() {
    let e = read::<EmailAddress>(JOHN);
    assert_eq!(e.email_address(), "john-smith@attio.com");
    assert_eq!(e.original_email_address(), "john-smith@attio.com");
    assert_eq!(e.email_domain(), Some("attio.com"));
    assert_eq!(e.email_root_domain(), Some("attio.com"));
    assert_eq!(e.email_local_specifier(), Some("john-smith"));
    assert_eq!(e, EmailAddress::new("john-smith@attio.com").unwrap());
}

#[test]
fn email_tolerates_nulls() {
    let e = read::<EmailAddress>(
        r#""original_email_address":"John@Attio.com","email_address":null,"email_domain":null"#,
    );
    assert_eq!(e.email_address(), "John@Attio.com");
    assert_eq!(e.email_domain(), None);
    let e = read_err::<EmailAddress>(r#""email_domain":"attio.com""#);
    assert!(
        e.contains("expected the field `email_address`, found no such field"),
        "{e}"
    );
}

#[test]
fn email_writes_the_bare_address() {
    assert_eq!(
        write(&EmailAddress::new("john-smith@attio.com").unwrap()),
        r#""john-smith@attio.com""#
    );
    assert_eq!(
        write(&read::<EmailAddress>(JOHN)),
        r#""john-smith@attio.com""#
    );
}

#[test]
fn email_equality_ignores_case_and_read_only_fields() {
    let a = EmailAddress::new("John-Smith@Attio.com").unwrap();
    let b = read::<EmailAddress>(JOHN);
    assert_eq!(a, b);
    let set: HashSet<_> = [a, b].into();
    assert_eq!(set.len(), 1);
    assert_ne!(
        EmailAddress::new("a@b.com").unwrap(),
        EmailAddress::new("a@c.com").unwrap()
    );
    let built = EmailAddress::new(" ada@example.com ").unwrap();
    assert_eq!(built.email_address(), "ada@example.com");
    assert_eq!(built.original_email_address(), "ada@example.com");
    assert_eq!(built.email_domain(), None);
}

#[test]
fn email_new_is_strict() {
    for bad in [
        "",
        "john",
        "john@",
        "@attio.com",
        "a@b@attio.com",
        "john smith@attio.com",
        "john@attio",
        "john@attio..com",
        "john@-attio.com",
        ".john@attio.com",
        "john.@attio.com",
        "jo..hn@attio.com",
        "jo(hn)@attio.com",
        "john@attio.com/x",
    ] {
        let e = refused(EmailAddress::new(bad));
        assert_eq!(e.kind, "email address");
        assert_names(&e, bad);
    }
    for good in [
        "a@b.co",
        "john.smith+crm@mail.attio.com",
        "o'brien@example.ie",
        "josé@example.es",
    ] {
        assert!(EmailAddress::new(good).is_ok(), "{good}");
    }
}

#[test]
fn a_text_value_where_an_email_is_declared_is_an_error() {
    let json = object("text", r#""value":"123""#);
    let e = decode_str::<EmailAddress>(&json).unwrap_err().to_string();
    assert!(
        e.contains("expected a `email-address` value, found a `text` value"),
        "{e}"
    );
    // Also when the keys are there but the declared type differs.
    let json = object("domain", r#""email_address":"a@b.com""#);
    assert!(decode_str::<EmailAddress>(&json).is_err());
}

#[test]
fn tracked_email_reads_metadata() {
    let t: Tracked<EmailAddress> = read(JOHN);
    assert_eq!(
        t.created_by_actor,
        Some(Actor {
            actor_type: Some(ActorType::System),
            id: None
        })
    );
    assert_eq!(t.value.email_local_specifier(), Some("john-smith"));
}

// ---------------------------------------------------------------------------------------
// phone-number
// ---------------------------------------------------------------------------------------

#[test]
fn phone_reads_the_wire_and_the_docs_spelling() {
    let p = read::<PhoneNumber>(
        r#""country_code":"US","original_phone_number":"+15558675309","phone_number":"+15558675309""#,
    );
    assert_eq!(p.original_phone_number(), "+15558675309");
    assert_eq!(p.country_code(), Some("US"));
    assert_eq!(p.phone_number(), Some("+15558675309"));
    assert_eq!(p, PhoneNumber::new("+15558675309", Some("US")).unwrap());

    let p = read::<PhoneNumber>(
        r#""country_code":"GB","original_phone_number":"07700 900123","normalized_phone_number":"+447700900123""#,
    );
    assert_eq!(p.phone_number(), Some("+447700900123"));
    assert_eq!(p.original_phone_number(), "07700 900123");

    let p = read::<PhoneNumber>(
        r#""country_code":null,"original_phone_number":null,"phone_number":"+447700900123""#,
    );
    assert_eq!(p.original_phone_number(), "+447700900123");
    assert_eq!(p.country_code(), None);
    let e = read_err::<PhoneNumber>(r#""country_code":"US""#);
    assert!(
        e.contains("expected the field `original_phone_number`, found no such field"),
        "{e}"
    );
}

#[test]
fn phone_writes_original_and_country() {
    assert_eq!(
        write(&PhoneNumber::new("+15558675309", Some("US")).unwrap()),
        r#"{"original_phone_number":"+15558675309","country_code":"US"}"#
    );
    assert_eq!(
        write(&PhoneNumber::new("+447700900123", None).unwrap()),
        r#"{"original_phone_number":"+447700900123","country_code":null}"#
    );
    assert_eq!(
        write(&PhoneNumber::new(" (555) 867-5309 ", Some("us")).unwrap()),
        r#"{"original_phone_number":"(555) 867-5309","country_code":"US"}"#
    );
}

#[test]
fn phone_new_refuses_what_attio_refuses() {
    let e = refused(PhoneNumber::new("5558675309", None));
    assert_eq!(e.kind, "phone number");
    assert_names(&e, "5558675309");
    assert!(e.reason.contains("country"), "{e}");
    for bad in [
        "+1 555 CALL NOW",
        "+1-555-867-5309 x12",
        "555+8675309",
        "+12",
        "+1234567890123456",
        "",
    ] {
        let e = refused(PhoneNumber::new(bad, Some("US")));
        assert_names(&e, bad);
    }
    for cc in ["USA", "U", "1A", ""] {
        let e = refused(PhoneNumber::new("5558675309", Some(cc)));
        assert_eq!(e.kind, "country code");
        assert_names(&e, cc);
    }
}

// ---------------------------------------------------------------------------------------
// personal-name
// ---------------------------------------------------------------------------------------

#[test]
fn personal_name_reads_three_keys() {
    let n =
        read::<PersonalName>(r#""first_name":"John","last_name":"Smith","full_name":"John Smith""#);
    assert_eq!(n, PersonalName::new("John", "Smith"));
    let n = read::<PersonalName>(r#""first_name":"Cher","last_name":null,"full_name":"Cher""#);
    assert_eq!(n, PersonalName::new("Cher", ""));
    let n = read::<PersonalName>(r#""first_name":null,"last_name":"Smith""#);
    assert_eq!((n.first_name.as_str(), n.full_name.as_str()), ("", "Smith"));
    let n = read::<PersonalName>(
        r#""first_name":"Ada","last_name":"Lovelace","full_name":"Countess Ada""#,
    );
    assert_eq!(n.full_name, "Countess Ada");
    let e = read_err::<PersonalName>(r#""first_name":1"#);
    assert!(e.contains("found integer `1`"), "{e}");
}

#[test]
fn personal_name_writes_three_keys() {
    assert_eq!(
        write(&PersonalName::new("John", "Smith")),
        r#"{"first_name":"John","last_name":"Smith","full_name":"John Smith"}"#
    );
    assert_eq!(
        write(&PersonalName::new("", "Smith")),
        r#"{"first_name":"","last_name":"Smith","full_name":"Smith"}"#
    );
    assert_eq!(PersonalName::new("John", "Smith").to_string(), "John Smith");
}

// ---------------------------------------------------------------------------------------
// interaction
// ---------------------------------------------------------------------------------------

#[test]
fn interaction_reads_type_time_and_owner() {
    let i = read::<Interaction>(&format!(
        r#""interaction_type":"email","interacted_at":"2023-01-01T15:00:00.000000000Z","owner_actor":{{"type":"workspace-member","id":"{MEMBER}"}}"#
    ));
    assert_eq!(i.interaction_type, InteractionType::Email);
    assert_eq!(i.interacted_at.to_rfc3339(), "2023-01-01T15:00:00+00:00");
    assert_eq!(
        i.owner_actor,
        Actor {
            actor_type: Some(ActorType::WorkspaceMember),
            id: Some(uuid(MEMBER))
        }
    );
    for (wire, ty) in [
        ("calendar-event", InteractionType::CalendarEvent),
        ("call", InteractionType::Call),
        ("chat-thread", InteractionType::ChatThread),
        ("in-person-meeting", InteractionType::InPersonMeeting),
        ("meeting", InteractionType::Meeting),
        (
            "carrier-pigeon",
            InteractionType::Other("carrier-pigeon".into()),
        ),
    ] {
        let i = read::<Interaction>(&format!(
            r#""interaction_type":"{wire}","interacted_at":"2023-01-01T15:00:00Z","owner_actor":null"#
        ));
        assert_eq!(i.interaction_type, ty);
        assert_eq!(i.interaction_type.as_str(), wire);
        assert_eq!(
            i.owner_actor,
            Actor {
                actor_type: None,
                id: None
            }
        );
    }
    let e = read_err::<Interaction>(r#""interaction_type":"email""#);
    assert!(
        e.contains("expected the field `interacted_at`, found no such field"),
        "{e}"
    );
    let e = read_err::<Interaction>(r#""interacted_at":"2023-01-01T15:00:00Z""#);
    assert!(
        e.contains("expected the field `interaction_type`, found no such field"),
        "{e}"
    );
}

// ---------------------------------------------------------------------------------------
// Attribute types
// ---------------------------------------------------------------------------------------

#[test]
fn every_type_names_its_attribute_type() {
    let types = [
        String::TYPE,
        f64::TYPE,
        i64::TYPE,
        bool::TYPE,
        Currency::TYPE,
        Date::TYPE,
        Timestamp::TYPE,
        Rating::TYPE,
        Status::TYPE,
        SelectOption::TYPE,
        RecordRef::<Company>::TYPE,
        AnyRecordRef::TYPE,
        ActorRef::TYPE,
        Location::TYPE,
        Domain::TYPE,
        EmailAddress::TYPE,
        PhoneNumber::TYPE,
        PersonalName::TYPE,
        Interaction::TYPE,
    ];
    let distinct: HashSet<_> = types.iter().collect();
    assert_eq!(distinct.len(), 17);
    assert_eq!(distinct.len(), AttributeType::ALL.len());
}
