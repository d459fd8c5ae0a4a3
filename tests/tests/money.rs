//! Exact money and numbers: amounts and `Decimal` number attributes read from the JSON
//! number's text and written with it, through the client and the emulator; Attio's four
//! decimal places, checked and rounded.

mod common;

use attio_core::models::{CurrencyDisplay, NewAttribute, NewList, Target};
use attio_core::values::{Currency, WriteForm};
use attio_core::{AttioEntry, AttioRecord, AttributeType, Client, Decimal, RecordRef, json};
use common::start;

/// A company with an amount and an exact number, on attributes the tests add.
#[derive(AttioRecord, Debug, Clone, PartialEq)]
#[attio(object = "companies")]
struct Company {
    name: Option<String>,
    revenue: Option<Currency>,
    score: Option<Decimal>,
}

/// An entry of a list with an amount and an exact number.
#[derive(AttioEntry, Debug, Clone, PartialEq, serde::Serialize)]
#[attio(list = "sales")]
struct Sale {
    amount: Option<Currency>,
    weight: Option<Decimal>,
}

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

/// `revenue` (currency, USD) and `score` (number) on companies, and the `sales` list of
/// companies with `amount` (currency, EUR) and `weight` (number).
async fn schema(client: &Client) {
    let objects = client.objects();
    let companies = Target::object("companies");
    for attribute in [
        NewAttribute::new("Revenue", "revenue", AttributeType::Currency)
            .currency("USD", CurrencyDisplay::Symbol),
        NewAttribute::new("Score", "score", AttributeType::Number),
    ] {
        objects
            .create_attribute(companies.clone(), &attribute)
            .await
            .expect("company attribute");
    }
    client
        .lists()
        .create(&NewList::new("Sales", "sales", "companies"))
        .await
        .expect("list");
    let sales = Target::list("sales");
    for attribute in [
        NewAttribute::new("Amount", "amount", AttributeType::Currency)
            .currency("EUR", CurrencyDisplay::Code),
        NewAttribute::new("Weight", "weight", AttributeType::Number),
    ] {
        objects
            .create_attribute(sales.clone(), &attribute)
            .await
            .expect("list attribute");
    }
}

fn company(name: &str, revenue: Option<Currency>, score: Option<Decimal>) -> Company {
    Company {
        name: Some(name.into()),
        revenue,
        score,
    }
}

#[tokio::test]
async fn point_one_plus_point_two_is_written_and_read_back_as_point_three() {
    let sum = Decimal::new(1, 1) + Decimal::new(2, 1);
    let acme = company("Acme", Some(Currency::checked(sum).unwrap()), Some(sum));

    let body = String::from_utf8(json::encode_create(&acme).unwrap()).unwrap();
    assert!(
        body.contains(r#""revenue":[{"currency_value":0.3}]"#) && body.contains(r#""score":[0.3]"#),
        "{body}"
    );

    let (_emu, client) = start().await;
    schema(&client).await;
    let created = client.create(&acme).await.expect("create");
    let read = client
        .get::<Company>(created.record_id())
        .await
        .expect("get");
    let revenue = read.values.revenue.clone().expect("revenue");
    assert_eq!(revenue.currency_value.to_string(), "0.3");
    assert_eq!(revenue.currency_code.as_deref(), Some("USD"));
    assert_eq!(revenue.to_string(), "0.3 USD");
    assert_eq!(read.values.score, Some(dec("0.3")));
    // Read back, it writes back as it was read.
    assert_eq!(
        serde_json::to_string(&WriteForm(&revenue)).unwrap(),
        r#"{"currency_value":0.3}"#
    );
}

#[tokio::test]
async fn an_eighteen_digit_amount_is_read_exactly_and_kept_by_the_emulator() {
    // From a body: 18 significant digits, which no f64 holds (its nearest is
    // 12345678901234.568).
    let body = r#"{"data":{"id":{"workspace_id":"14beef7a-99f7-4534-a87e-70b564330a4c","object_id":"97052eb9-e65e-443f-a297-f2d9a4a7f795","record_id":"bf071e1f-6035-429d-b874-d83ea64ea13b"},"created_at":"2023-01-01T15:00:00.000000000Z","web_url":"https://app.attio.com/x","values":{"name":[],"score":[{"active_from":"2023-01-01T15:00:00.000000000Z","active_until":null,"created_by_actor":{"type":"system","id":null},"value":1234567890.12345678,"attribute_type":"number"}],"revenue":[{"active_from":"2023-01-01T15:00:00.000000000Z","active_until":null,"created_by_actor":{"type":"system","id":null},"currency_value":12345678901234.5678,"currency_code":"USD","attribute_type":"currency"}]}}}"#;
    let record = json::decode_record::<Company>(body.as_bytes()).expect("decodes");
    let revenue = record.values.revenue.expect("revenue");
    assert_eq!(revenue.currency_value.to_string(), "12345678901234.5678");
    assert_eq!(
        record.values.score.map(|s| s.to_string()).as_deref(),
        Some("1234567890.12345678")
    );
    // The same amount as a numeric string, as Attio's documentation shows amounts.
    let as_string = body.replace("12345678901234.5678", "\"12345678901234.5678\"");
    let record = json::decode_record::<Company>(as_string.as_bytes()).expect("decodes");
    assert_eq!(
        record.values.revenue.unwrap().currency_value,
        dec("12345678901234.5678")
    );

    // Written and read back through the emulator, every digit kept.
    let (_emu, client) = start().await;
    schema(&client).await;
    let big = Currency::checked(dec("12345678901234.5678")).unwrap();
    let created = client
        .create(&company("Big", Some(big.clone()), None))
        .await
        .expect("create");
    assert_eq!(
        created
            .values
            .revenue
            .as_ref()
            .map(|r| r.currency_value.to_string()),
        Some("12345678901234.5678".to_owned())
    );
    let read = client
        .get::<Company>(created.record_id())
        .await
        .expect("get");
    assert_eq!(read.values.revenue.map(|r| r.without_code()), Some(big));
}

#[test]
fn four_decimal_places_are_checked_or_rounded() {
    // Checked: more than four places is refused, naming the amount.
    let e = Currency::checked(dec("19.99995")).unwrap_err().to_string();
    assert!(
        e.contains("19.99995") && e.contains("four decimal places"),
        "{e}"
    );
    assert!(Currency::checked(dec("19.9999")).is_ok());
    assert!(Currency::checked(dec("19.99990000")).is_ok());
    let e = Currency::checked(dec("1000000000000000"))
        .unwrap_err()
        .to_string();
    assert!(e.contains("10^15"), "{e}");

    // Rounded: to four places, half away from zero.
    assert_eq!(Currency::rounded(dec("19.99995")).currency_value, dec("20"));
    assert_eq!(Currency::rounded(dec("1.23455")).to_string(), "1.2346");
    assert_eq!(Currency::rounded(dec("-1.23455")).to_string(), "-1.2346");
    assert_eq!(Currency::rounded(dec("1.23444")).to_string(), "1.2344");
    assert_eq!(Currency::rounded(dec("2.50")).to_string(), "2.50");

    // From floats: the shortest text, checked; or rounded.
    assert_eq!(
        Currency::from_f64(4.99).unwrap().currency_value,
        dec("4.99")
    );
    let e = Currency::from_f64(0.1 + 0.2).unwrap_err().to_string();
    assert!(e.contains("0.30000000000000004"), "{e}");
    assert_eq!(
        Currency::from_f64_rounded(0.1 + 0.2)
            .unwrap()
            .currency_value,
        dec("0.3")
    );
    assert!(Currency::try_from(f64::NAN).is_err());

    // A write of an amount with more places is refused before anything is sent, naming
    // the attribute.
    let e = json::encode_create(&company("Acme", Some(Currency::new(dec("0.00001"))), None))
        .unwrap_err();
    let v = e.as_invalid_value().expect("a value error");
    assert_eq!(
        (v.object, v.attribute.as_deref(), v.value.as_str()),
        (Some("companies"), Some("revenue"), "0.00001")
    );
}

#[test]
fn a_decimal_a_float_cannot_hold_is_refused_for_a_number_attribute() {
    let e =
        json::encode_create(&company("Acme", None, Some(dec("0.12345678901234567")))).unwrap_err();
    let v = e.as_invalid_value().expect("a value error");
    assert_eq!(v.attribute.as_deref(), Some("score"));
    assert!(v.reason.contains("64-bit floats"), "{v}");
    assert!(json::encode_create(&company("Acme", None, Some(dec("0.1234567890123")))).is_ok());
}

#[tokio::test]
async fn decimals_in_a_list_entry_round_trip() {
    let (_emu, client) = start().await;
    schema(&client).await;
    let acme = client
        .create(&company("Acme", None, None))
        .await
        .expect("company");
    let parent = RecordRef::<Company>::new(acme.record_id());
    let sale = Sale {
        amount: Some(Currency::rounded(dec("1999.99995"))),
        weight: Some(Decimal::new(1, 1) + Decimal::new(2, 1)),
    };
    assert_eq!(sale.amount.as_ref().unwrap().currency_value, dec("2000"));
    let sales = client.entries::<Sale>();
    let created = sales.create(&parent, &sale).await.expect("entry");
    let read = sales.get(created.entry_id()).await.expect("get");
    let amount = read.values.amount.clone().expect("amount");
    assert_eq!(amount.currency_value, dec("2000"));
    assert_eq!(amount.currency_code.as_deref(), Some("EUR"));
    assert_eq!(
        read.values.weight.map(|w| w.to_string()).as_deref(),
        Some("0.3")
    );
    // Serialized in its plain shape, the amount and the number keep their text.
    let plain = serde_json::to_value(&read).unwrap();
    assert_eq!(
        plain["values"],
        serde_json::json!({"amount": {"value": "2000", "currency_code": "EUR"}, "weight": "0.3"})
    );
    assert_eq!(plain["parent_object"], "companies");
    assert_eq!(read.values.amount.map(Currency::without_code), sale.amount);
}
