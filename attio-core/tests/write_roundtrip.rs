//! Read-modify-write without a server: a value read from Attio is written back in the form
//! Attio accepts, and checked like a value built locally. (The round trips through the
//! emulator are in `tests/tests/read_modify_write.rs`.)

use attio_core::values::{
    ActorRef, ActorType, Currency, Domain, EmailAddress, Location, PersonalName, PhoneNumber,
    ReadValue, RecordTarget, SelectOption, Status, WriteForm, WriteValue,
};
use attio_core::{AnyRecordRef, AttioRecord, Error, RecordRef, ValueError};
use serde_json::{Value, json};

// ---------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------

/// Decodes a read-side value object holding `fields` (plus the envelope Attio sends).
fn read<V: ReadValue>(attribute_type: &str, fields: Value) -> V {
    let mut obj = json!({
        "active_from": "2023-01-01T15:00:00.000000000Z",
        "active_until": null,
        "created_by_actor": {"type": "workspace-member", "id": "6c0f9d4e-2a43-4bd7-9a7b-1e3a5f1e2b3c"},
        "attribute_type": attribute_type,
    });
    obj.as_object_mut()
        .unwrap()
        .extend(fields.as_object().unwrap().clone());
    attio_core::json::decode_value(obj.to_string().as_bytes())
        .unwrap_or_else(|e| panic!("{obj}: {e}"))
}

fn written<V: WriteValue>(v: &V) -> Value {
    serde_json::to_value(WriteForm(v)).unwrap()
}

fn refused(r: Result<impl std::fmt::Debug, Error>) -> ValueError {
    match r {
        Err(Error::InvalidValue(e)) => *e,
        other => panic!("expected a refused value, got {other:?}"),
    }
}

#[derive(AttioRecord, Debug, Clone, PartialEq)]
#[attio(object = "people")]
struct Person {
    #[attio(unique)]
    email_addresses: Vec<EmailAddress>,
    name: Option<PersonalName>,
    phone_numbers: Vec<PhoneNumber>,
    primary_location: Option<Location>,
}

#[derive(AttioRecord, Debug, Clone, PartialEq)]
#[attio(object = "companies")]
struct Company {
    #[attio(unique)]
    domains: Vec<Domain>,
    name: Option<String>,
}

#[derive(AttioRecord, Debug, Clone, PartialEq)]
#[attio(object = "deals")]
struct Deal {
    name: String,
    stage: Status,
    value: Option<Currency>,
}

#[derive(AttioRecord, Debug, Clone, PartialEq)]
#[attio(object = "users")]
struct User {
    #[attio(unique)]
    user_id: String,
    #[attio(unique)]
    primary_email_address: EmailAddress,
}

fn deal(name: &str) -> Deal {
    Deal {
        name: name.into(),
        stage: Status::by_title("Lead"),
        value: None,
    }
}

// ---------------------------------------------------------------------------------------
// currency
// ---------------------------------------------------------------------------------------

#[test]
fn a_currency_read_back_writes_only_its_amount() {
    let price: Currency = read(
        "currency",
        json!({"currency_value": "499.00", "currency_code": "USD"}),
    );
    assert_eq!(price.currency_code.as_deref(), Some("USD"));
    assert!(price.validate().is_ok(), "{:?}", price.validate());
    assert_eq!(written(&price), json!({"currency_value": 499.0}));

    let mut d = deal("Big one");
    d.value = Some(price);
    let body: Value =
        serde_json::from_slice(&attio_core::json::encode_create(&d).unwrap()).unwrap();
    assert_eq!(
        body["data"]["values"]["value"],
        json!([{"currency_value": 499.0}])
    );
}

#[test]
fn a_currency_amount_attio_cannot_hold_is_refused() {
    let dec = |s: &str| s.parse::<attio_core::Decimal>().unwrap();
    for v in ["1e28", "1e15", "-1e15", "2.5e20"] {
        let v = attio_core::Decimal::from_scientific(v).unwrap();
        let e = Currency::new(v).validate().unwrap_err();
        assert_eq!(e.kind, "currency value");
        assert!(e.reason.contains("10^15"), "{e}");
    }
    assert!(Currency::new(dec("999999999999999")).validate().is_ok());
    assert!(Currency::new(dec("-123456789012.3456")).validate().is_ok());
    assert!(
        Currency::new(dec("999999999999999.9999"))
            .validate()
            .is_ok()
    );
    let mut d = deal("Too big");
    d.value = Some(Currency::new(dec("100000000000000000000")));
    let e = refused(attio_core::json::encode_create(&d));
    assert_eq!(
        (e.object, e.attribute.as_deref()),
        (Some("deals"), Some("value"))
    );
}

// ---------------------------------------------------------------------------------------
// personal-name
// ---------------------------------------------------------------------------------------

fn name(first: &str, last: &str, full: &str) -> PersonalName {
    read(
        "personal-name",
        json!({"first_name": first, "last_name": last, "full_name": full}),
    )
}

fn full_written(n: &PersonalName) -> String {
    written(n)["full_name"].as_str().unwrap().to_owned()
}

#[test]
fn an_edited_name_writes_a_full_name_built_from_its_parts() {
    let mut n = name("Ada", "Lovelace", "Ada Lovelace");
    n.first_name = "Augusta".into();
    assert_eq!(
        written(&n),
        json!({"first_name": "Augusta", "last_name": "Lovelace", "full_name": "Augusta Lovelace"})
    );
    let mut n = name("Ada", "Lovelace", "Ada Lovelace");
    n.last_name = "King".into();
    assert_eq!(full_written(&n), "Ada King");
    let mut n = name("Ada", "Lovelace", "Ada Lovelace");
    n.last_name.clear();
    assert_eq!(full_written(&n), "Ada");
    let mut n = name("Adam", "Smith", "Adam Smith");
    n.first_name = "Ada".into();
    assert_eq!(
        full_written(&n),
        "Ada Smith",
        "a part of a word is not the word"
    );
}

#[test]
fn a_full_name_that_holds_both_parts_is_written_as_read() {
    for full in [
        "Ada Lovelace",
        "Dr. Ada Lovelace",
        "Lovelace Ada",
        "Ada King Lovelace",
    ] {
        assert_eq!(full_written(&name("Ada", "Lovelace", full)), full);
    }
    // Only a full name known: nothing to build it from.
    assert_eq!(full_written(&name("", "", "Cher")), "Cher");
    assert_eq!(full_written(&name("Cher", "", "Cher")), "Cher");
}

#[test]
fn an_empty_name_is_refused() {
    let e = PersonalName::new("", "").validate().unwrap_err();
    assert_eq!(e.kind, "personal name");
    assert!(PersonalName::new(" ", "").validate().is_err());
    assert!(PersonalName::new("Cher", "").validate().is_ok());
}

// ---------------------------------------------------------------------------------------
// select and status
// ---------------------------------------------------------------------------------------

const OPTION_ID: &str = "7a7c5a43-6b0c-4d1b-8a1c-1f0e8f2a9b11";

#[test]
fn select_and_status_read_back_are_written_by_id() {
    let ids = json!({"workspace_id": "14beef7a-99f7-4534-a87e-70b564330a4c",
                     "object_id": "97052eb9-e65e-443f-a297-f2d9a4a7f795",
                     "attribute_id": "41252299-f8c7-4b5e-99c9-4ff8321d2f96"});
    let mut option_id = ids.clone();
    option_id["option_id"] = json!(OPTION_ID);
    let o: SelectOption = read(
        "select",
        json!({"option": {"id": option_id, "title": "B2B", "is_archived": false}}),
    );
    assert_eq!(written(&o), json!({"option": OPTION_ID}));
    let mut status_id = ids;
    status_id["status_id"] = json!(OPTION_ID);
    let s: Status = read(
        "status",
        json!({"status": {"id": status_id, "title": "Won", "is_archived": false,
                          "celebration_enabled": true, "target_time_in_status": null}}),
    );
    assert_eq!(written(&s), json!({"status": OPTION_ID}));
    // The spec's other read variant, a bare id, and a title given locally.
    let s: Status = read("status", json!({"status": OPTION_ID}));
    assert_eq!(written(&s), json!({"status": OPTION_ID}));
    assert_eq!(written(&Status::by_title("Won")), json!({"status": "Won"}));
}

// ---------------------------------------------------------------------------------------
// values read from Attio that Attio would refuse: checked like new ones
// ---------------------------------------------------------------------------------------

#[test]
fn an_invalid_email_read_back_is_checked_on_write() {
    let e: EmailAddress = read(
        "email-address",
        json!({"email_address": "not an email", "original_email_address": "not an email"}),
    );
    let err = e.validate().unwrap_err();
    assert_eq!(err.kind, "email address");
    assert_eq!(err.value, "not an email");
    let p = Person {
        email_addresses: vec![e],
        name: None,
        phone_numbers: vec![],
        primary_location: None,
    };
    let err = refused(attio_core::json::encode_create(&p));
    assert_eq!(
        (err.object, err.attribute.as_deref()),
        (Some("people"), Some("email_addresses"))
    );
    let good: EmailAddress = read("email-address", json!({"email_address": "ada@example.com"}));
    assert!(good.validate().is_ok());
}

#[test]
fn an_invalid_domain_read_back_is_checked_on_write() {
    let d: Domain = read(
        "domain",
        json!({"domain": "localhost", "root_domain": "localhost"}),
    );
    assert_eq!(d.validate().unwrap_err().kind, "domain");
    let c = Company {
        domains: vec![d.clone()],
        name: None,
    };
    let err = refused(attio_core::json::encode_create(&c));
    assert_eq!(err.attribute.as_deref(), Some("domains"));
    // Inside a reference by domain, too.
    let r = RecordRef::<Company>::by_domain("attio.com").unwrap();
    assert!(r.validate().is_ok());
    let any = AnyRecordRef {
        target_object: "companies".into(),
        target: RecordTarget::Domain(d),
    };
    assert_eq!(any.validate().unwrap_err().kind, "domain");
    let good: Domain = read(
        "domain",
        json!({"domain": "app.attio.com", "root_domain": "attio.com"}),
    );
    assert!(good.validate().is_ok());
}

#[test]
fn an_invalid_phone_read_back_is_checked_on_write() {
    let p: PhoneNumber = read(
        "phone-number",
        json!({"original_phone_number": "+1 555", "country_code": null, "phone_number": "+1555"}),
    );
    assert_eq!(p.validate().unwrap_err().kind, "phone number");
    let p: PhoneNumber = read(
        "phone-number",
        json!({"original_phone_number": "+447700900123", "country_code": "US"}),
    );
    assert!(p.validate().is_err());
    let ok: PhoneNumber = read(
        "phone-number",
        json!({"original_phone_number": "07700 900123", "country_code": "GB", "phone_number": "+447700900123"}),
    );
    assert!(ok.validate().is_ok(), "{:?}", ok.validate());
}

#[test]
fn an_actor_named_by_an_invalid_email_is_refused() {
    let e: EmailAddress = read(
        "email-address",
        json!({"email_address": "nobody@localhost"}),
    );
    let a = ActorRef {
        referenced_actor_type: ActorType::WorkspaceMember,
        referenced_actor_id: None,
        workspace_member_email_address: Some(e),
    };
    assert_eq!(a.validate().unwrap_err().kind, "email address");
}

#[test]
fn a_location_with_an_unknown_country_is_refused() {
    let loc: Location = read(
        "location",
        json!({"line_1": null, "line_2": null, "line_3": null, "line_4": null, "locality": "Nowhere",
               "region": null, "postcode": null, "country_code": "ZZ", "latitude": null, "longitude": null}),
    );
    let e = loc.validate().unwrap_err();
    assert_eq!(e.kind, "country code");
    assert!(e.reason.contains("ISO 3166"), "{e}");
    assert!(Location::new().with_country_code("GB").validate().is_ok());
    assert!(Location::new().with_country_code("XK").validate().is_ok());
}

// ---------------------------------------------------------------------------------------
// phone numbers: what Attio refuses
// ---------------------------------------------------------------------------------------

#[test]
fn phone_numbers_attio_refuses_are_refused() {
    let e = refused(PhoneNumber::new("+1 555", None));
    assert_eq!(e.kind, "phone number");
    assert!(e.reason.contains("+1"), "{e}");
    let e = refused(PhoneNumber::new("+1234", None));
    assert_eq!(e.kind, "phone number");
    let e = refused(PhoneNumber::new("+15558675309", Some("ZZ")));
    assert_eq!(e.kind, "country code");
    assert_eq!(e.value, "ZZ");
    assert!(e.reason.contains("ISO 3166"), "{e}");
    let e = refused(PhoneNumber::new("+447700900123", Some("US")));
    assert_eq!(e.kind, "phone number");
    assert!(
        e.reason.contains("+44") && e.reason.contains("US") && e.reason.contains("+1"),
        "{e}"
    );
    let e = refused(PhoneNumber::new("+999 1234 5678", None));
    assert!(e.reason.contains("calling code"), "{e}");
    let e = refused(PhoneNumber::new("555 867", Some("US")));
    assert_eq!(e.kind, "phone number");
}

#[test]
fn phone_numbers_attio_accepts_are_accepted() {
    for (n, c) in [
        ("+15558675309", None),
        ("+15558675309", Some("US")),
        ("+1 416 555 0199", Some("CA")),
        ("+1 (555) 867-5309", Some("us")),
        ("555-867-5309", Some("US")),
        ("+447700900123", None),
        ("+44 7700 900123", Some("GB")),
        ("07700 900123", Some("GB")),
        ("+44 1481 123456", Some("GG")),
        ("01 23 45 67 89", Some("FR")),
        ("+33 1 23 45 67 89", None),
        ("06 1234 5678", Some("IT")),
        ("+7 701 123 4567", Some("KZ")),
        ("+683 4002", None),
        ("+49 30 1234567", Some("DE")),
        ("+383 44 123 456", Some("XK")),
    ] {
        if let Err(e) = PhoneNumber::new(n, c) {
            panic!("{n} {c:?}: {e}");
        }
    }
}

// ---------------------------------------------------------------------------------------
// empty required values
// ---------------------------------------------------------------------------------------

#[test]
fn an_empty_required_text_is_refused_before_sending() {
    for empty in ["", "   "] {
        let e = refused(attio_core::json::encode_create(&deal(empty)));
        assert_eq!(
            (e.object, e.attribute.as_deref()),
            (Some("deals"), Some("name"))
        );
        assert!(e.reason.contains("empty"), "{e}");
    }
    let update = DealUpdate::default().name(String::new());
    let e = refused(attio_core::json::encode_update(&update));
    assert_eq!(e.attribute.as_deref(), Some("name"));
    assert!(attio_core::json::encode_create(&deal("Named")).is_ok());
}

#[test]
fn an_empty_required_key_is_refused_before_sending() {
    let u = User {
        user_id: String::new(),
        primary_email_address: EmailAddress::new("ada@example.com").unwrap(),
    };
    let e = refused(attio_core::json::encode_create(&u));
    assert_eq!(
        (e.object, e.attribute.as_deref()),
        (Some("users"), Some("user_id"))
    );
}
