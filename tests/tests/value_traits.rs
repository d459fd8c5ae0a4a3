//! The standard traits of the value types: serde in a plain shape (a model deriving
//! `AttioRecord`, `Serialize` and `Deserialize` together, `Record<T>` serialized),
//! `Display`, `FromStr` / `TryFrom<&str>` with errors that name the value, and comparisons
//! by meaning.

use std::collections::HashSet;

use attio_core::values::{
    ActorRef, Currency, Domain, EmailAddress, Location, PersonalName, PhoneNumber, Rating,
    SelectOption, Status, Timestamp, Tracked,
};
use attio_core::{AnyRecordRef, AttioRecord, Decimal, Record, RecordRef, json};
use serde::{Deserialize, Serialize};
use serde_json::json;
use uuid::Uuid;

#[derive(AttioRecord, Serialize, Deserialize, Debug, Clone, PartialEq)]
#[attio(object = "companies")]
struct Company {
    #[attio(unique)]
    domains: Vec<Domain>,
    name: Option<String>,
}

/// Every kind of value the plain shapes cover, in one model.
#[derive(AttioRecord, Serialize, Deserialize, Debug, Clone, PartialEq)]
#[attio(object = "people")]
struct Person {
    #[attio(unique)]
    email_addresses: Vec<EmailAddress>,
    name: Option<PersonalName>,
    phone_numbers: Vec<PhoneNumber>,
    primary_location: Option<Location>,
    company: Option<RecordRef<Company>>,
    owner: Option<ActorRef>,
    rating: Option<Rating>,
    stage: Option<Status>,
    categories: Vec<SelectOption>,
    budget: Option<Currency>,
    score: Option<Decimal>,
    job_title: Option<Tracked<String>>,
    anything: Option<AnyRecordRef>,
    #[attio(read_only)]
    created_at: Option<Timestamp>,
}

fn ada() -> Person {
    let won = Uuid::from_u128(0x5);
    Person {
        email_addresses: vec![EmailAddress::new("ada@example.com").unwrap()],
        name: Some(PersonalName::new("Ada", "Lovelace")),
        phone_numbers: vec![PhoneNumber::new("07700 900123", Some("gb")).unwrap()],
        primary_location: Some(
            Location::new()
                .with_locality("London")
                .with_country_code("GB")
                .with_coordinates("51.5072", "-0.1276"),
        ),
        company: Some(RecordRef::by_domain("example.com").unwrap()),
        owner: Some(ActorRef::workspace_member(Uuid::from_u128(0x1))),
        rating: Some(Rating::new(4).unwrap()),
        stage: Some(Status {
            title: Some("Won".into()),
            ..Status::by_id(won)
        }),
        categories: vec![SelectOption::by_title("B2B")],
        budget: Some("1234.5600 USD".parse().unwrap()),
        score: Some(Decimal::new(3, 1)),
        job_title: Some(Tracked::new("Analyst".to_owned())),
        anything: Some(AnyRecordRef::new("deals", Uuid::from_u128(0x9))),
        created_at: Some("2023-01-01T15:00:00.123456789Z".parse().unwrap()),
    }
}

#[test]
fn a_model_deriving_attio_record_and_serde_round_trips_through_its_plain_shape() {
    let person = ada();
    let text = serde_json::to_string(&person).unwrap();
    let back: Person = serde_json::from_str(&text).unwrap();
    assert_eq!(back, person);
    // Exactly, to the decimal places and the code.
    assert_eq!(back.budget.as_ref().unwrap().to_string(), "1234.5600 USD");

    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["email_addresses"], json!(["ada@example.com"]));
    assert_eq!(
        v["name"],
        json!({"first_name": "Ada", "last_name": "Lovelace", "full_name": "Ada Lovelace"})
    );
    assert_eq!(
        v["budget"],
        json!({"value": "1234.5600", "currency_code": "USD"})
    );
    assert_eq!(v["score"], json!("0.3"));
    assert_eq!(
        v["company"],
        json!({"target_object": "companies", "domain": "example.com"})
    );
    assert_eq!(
        v["anything"],
        json!({"target_object": "deals", "record_id": Uuid::from_u128(0x9)})
    );
    assert_eq!(v["rating"], json!(4));
    assert_eq!(v["primary_location"]["locality"], json!("London"));
    assert_eq!(v["primary_location"]["line_1"], json!(null));
    assert_eq!(
        v["phone_numbers"][0],
        json!({"original_phone_number": "07700 900123", "country_code": "GB", "phone_number": null})
    );
    assert_eq!(v["categories"][0]["title"], json!("B2B"));
    assert_eq!(v["stage"]["id"]["status_id"], json!(Uuid::from_u128(0x5)));
    assert_eq!(v["job_title"]["value"], json!("Analyst"));
    assert_eq!(v["job_title"]["active_until"], json!(null));
    assert_eq!(
        v["owner"]["referenced_actor_type"],
        json!("workspace-member")
    );

    // The model still writes Attio's wire shape.
    let body = String::from_utf8(json::encode_create(&person).unwrap()).unwrap();
    assert!(
        body.contains(r#""budget":[{"currency_value":1234.5600}]"#),
        "{body}"
    );
}

#[test]
fn the_plain_shapes_check_what_they_read() {
    let e = serde_json::from_value::<EmailAddress>(json!("not an email"))
        .unwrap_err()
        .to_string();
    assert!(e.contains("not an email"), "{e}");
    assert!(serde_json::from_value::<Rating>(json!(6)).is_err());
    assert!(serde_json::from_value::<Domain>(json!("no-dot")).is_err());
    let e = serde_json::from_value::<RecordRef<Company>>(
        json!({"target_object": "people", "record_id": Uuid::from_u128(1)}),
    )
    .unwrap_err()
    .to_string();
    assert!(e.contains("companies") && e.contains("people"), "{e}");
    // An amount may come as a number; it is read from the number's text.
    let c: Currency =
        serde_json::from_str(r#"{"value": 12345678901234.5678, "currency_code": null}"#).unwrap();
    assert_eq!(c.currency_value.to_string(), "12345678901234.5678");
    // A missing full name is built from the first and last names.
    let n: PersonalName =
        serde_json::from_value(json!({"first_name": "Ada", "last_name": "Lovelace"})).unwrap();
    assert_eq!(n.full_name, "Ada Lovelace");
}

#[test]
fn a_record_serializes_in_its_plain_shape() {
    let body = br#"{"data":{"id":{"workspace_id":"14beef7a-99f7-4534-a87e-70b564330a4c","object_id":"97052eb9-e65e-443f-a297-f2d9a4a7f795","record_id":"bf071e1f-6035-429d-b874-d83ea64ea13b"},"created_at":"2023-01-01T15:00:00.000000000Z","web_url":"https://app.attio.com/acme/company/bf071e1f","values":{"domains":[{"active_from":"2023-01-01T15:00:00.000000000Z","active_until":null,"created_by_actor":{"type":"system","id":null},"domain":"acme.com","root_domain":"acme.com","attribute_type":"domain"}],"name":[{"active_from":"2023-01-01T15:00:00.000000000Z","active_until":null,"created_by_actor":{"type":"system","id":null},"value":"Acme","attribute_type":"text"}]}}}"#;
    let record: Record<Company> = json::decode_record(body).unwrap();
    let v = serde_json::to_value(&record).unwrap();
    assert_eq!(
        v,
        json!({
            "id": {
                "workspace_id": "14beef7a-99f7-4534-a87e-70b564330a4c",
                "object_id": "97052eb9-e65e-443f-a297-f2d9a4a7f795",
                "record_id": "bf071e1f-6035-429d-b874-d83ea64ea13b"
            },
            "created_at": "2023-01-01T15:00:00Z",
            "web_url": "https://app.attio.com/acme/company/bf071e1f",
            "values": {"domains": ["acme.com"], "name": "Acme"}
        })
    );
    // The values round-trip through their plain shape.
    let values: Company = serde_json::from_value(v["values"].clone()).unwrap();
    assert_eq!(values, record.values);
}

#[test]
fn values_display_their_natural_text() {
    let p = ada();
    assert_eq!(p.name.as_ref().unwrap().to_string(), "Ada Lovelace");
    assert_eq!(p.email_addresses[0].to_string(), "ada@example.com");
    assert_eq!(p.budget.as_ref().unwrap().to_string(), "1234.5600 USD");
    assert_eq!(Currency::new(Decimal::new(1250, 2)).to_string(), "12.50");
    assert_eq!(p.stage.as_ref().unwrap().to_string(), "Won");
    assert_eq!(p.categories[0].to_string(), "B2B");
    assert_eq!(p.rating.unwrap().to_string(), "4/5");
    assert_eq!(
        p.primary_location.as_ref().unwrap().to_string(),
        "London, GB"
    );
    assert_eq!(p.job_title.as_ref().unwrap().to_string(), "Analyst");
    assert_eq!(
        p.company.as_ref().unwrap().to_string(),
        "companies with domain example.com"
    );
    assert_eq!(
        RecordRef::<Company>::new(Uuid::from_u128(0x9)).to_string(),
        format!("companies/{}", Uuid::from_u128(0x9))
    );
    assert_eq!(
        Domain::new("https://Attio.com/x").unwrap().to_string(),
        "attio.com"
    );
    assert_eq!(
        "+15558675309".parse::<PhoneNumber>().unwrap().to_string(),
        "+15558675309"
    );
}

#[test]
fn from_str_refuses_with_an_error_that_names_the_value() {
    for (e, text) in [
        (
            "not an email".parse::<EmailAddress>().unwrap_err(),
            "not an email",
        ),
        (EmailAddress::try_from("a@b").unwrap_err(), "a@b"),
        (
            Domain::try_from("no spaces.com x").unwrap_err(),
            "no spaces.com x",
        ),
        (
            "5558675309".parse::<PhoneNumber>().unwrap_err(),
            "5558675309",
        ),
        (
            PhoneNumber::try_from("+999 1234567").unwrap_err(),
            "+999 1234567",
        ),
        ("7".parse::<Rating>().unwrap_err(), "7"),
        ("12,50 USD".parse::<Currency>().unwrap_err(), "12,50 USD"),
        ("1.23456".parse::<Currency>().unwrap_err(), "1.23456"),
        (
            "not-a-uuid".parse::<RecordRef<Company>>().unwrap_err(),
            "not-a-uuid",
        ),
    ] {
        let v = e
            .as_invalid_value()
            .unwrap_or_else(|| panic!("{text}: {e}"));
        assert_eq!(v.value, text, "{e}");
        assert!(e.to_string().contains(text), "{e}");
    }
    assert_eq!("4/5".parse::<Rating>().unwrap(), Rating::new(4).unwrap());
    assert_eq!(
        "USD 12.50".parse::<Currency>().unwrap(),
        Currency::new(Decimal::new(125, 1)).with_code("USD")
    );
    assert!(EmailAddress::try_from("ada@example.com".to_owned()).is_ok());
}

#[test]
fn options_and_statuses_read_back_compare_by_title_through_a_method() {
    let read_back = SelectOption {
        title: Some("B2B".into()),
        ..SelectOption::by_id(Uuid::from_u128(0x42))
    };
    assert_ne!(read_back, SelectOption::by_title("B2B"));
    assert!(read_back.is(&SelectOption::by_title("B2B")));
    assert!(read_back.matches_title("B2B"));
    assert!(!read_back.is(&SelectOption::by_title("B2C")));
    assert!(read_back.is(&SelectOption::by_id(Uuid::from_u128(0x42))));

    let won = ada().stage.unwrap();
    assert!(won.is(&Status::by_title("Won")));
    assert!(!won.is(&Status::by_title("Lost")));

    // Amounts compare as numbers, within one currency.
    let a = Currency::new(Decimal::new(125, 1)).with_code("USD");
    let b = Currency::new(Decimal::new(1250, 2)).with_code("USD");
    assert_eq!(a, b);
    assert!(a < Currency::new(13).with_code("USD"));
    assert_eq!(a.partial_cmp(&Currency::new(13).with_code("EUR")), None);
    let set: HashSet<Currency> = [a, b].into_iter().collect();
    assert_eq!(set.len(), 1);
    assert!(Rating::new(3).unwrap() < Rating::new(4).unwrap());
    let tracked: HashSet<Tracked<String>> =
        [Tracked::new("x".to_owned()), Tracked::new("x".to_owned())].into();
    assert_eq!(tracked.len(), 1);
}
