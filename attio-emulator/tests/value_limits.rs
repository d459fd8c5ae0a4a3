//! The emulator refuses what Attio refuses, with Attio's error body (400 `validation_type`
//! naming the attribute), and reads back whatever it stored: currency amounts it cannot
//! hold, numbers, ratings, phone numbers and location country codes.

mod common;

use common::{Api, start};
use serde_json::{Value, json};

fn values(v: Value) -> Option<Value> {
    Some(json!({"data": {"values": v}}))
}

async fn owner(api: &Api) -> Value {
    api.ok("GET", "/workspace_members", None).await["data"][0]["email_address"].clone()
}

/// A deal with `value` set to `amount` (any write form): its status and body.
async fn deal_with(api: &Api, amount: Value) -> (u16, Value) {
    let owner = owner(api).await;
    api.call(
        "POST",
        "/objects/deals/records",
        values(json!({"name": "d", "stage": "Lead", "owner": owner, "value": amount})),
    )
    .await
}

/// Every current `currency_value` of every deal, read back through a query.
async fn stored_amounts(api: &Api) -> Vec<Value> {
    api.query("deals", json!({}))
        .await
        .iter()
        .flat_map(|d| d["values"]["value"].as_array().cloned().unwrap_or_default())
        .map(|v| v["currency_value"].clone())
        .collect()
}

#[tokio::test]
async fn currency_amounts_attio_cannot_hold_are_refused() {
    let api = start().await;
    for amount in [
        json!(1e308),
        json!("1e308"),
        json!({"currency_value": 1e308}),
        json!(1e15),
        json!(-1e15),
        json!(4.12345),
        json!("0.00001"),
    ] {
        let (status, body) = deal_with(&api, amount.clone()).await;
        assert_eq!(status, 400, "{amount} → {body}");
        assert_eq!(body["code"], "validation_type", "{amount} → {body}");
        assert!(
            body["message"]
                .as_str()
                .unwrap()
                .contains("attribute with slug \"value\""),
            "{amount} → {body}"
        );
    }
    assert_eq!(api.emu.record_count("deals"), 0);
    for amount in [
        json!(999_999_999_999_999.0),
        json!(-0.0001),
        json!("499.00"),
    ] {
        let (status, body) = deal_with(&api, amount.clone()).await;
        assert_eq!(status, 200, "{amount} → {body}");
    }
    // Every stored amount reads back as a number.
    let amounts = stored_amounts(&api).await;
    assert_eq!(amounts.len(), 3);
    assert!(amounts.iter().all(Value::is_number), "{amounts:?}");
    assert!(
        amounts.contains(&json!(999_999_999_999_999i64)),
        "{amounts:?}"
    );
    assert!(amounts.contains(&json!(-0.0001)), "{amounts:?}");
}

#[tokio::test]
async fn numbers_read_back_as_numbers_and_ratings_stay_in_range() {
    let api = start().await;
    api.ok(
        "POST",
        "/objects/companies/attributes",
        Some(json!({"data": {"title": "Size", "description": null, "api_slug": "size", "type": "number",
            "is_required": false, "is_unique": false, "is_multiselect": false, "config": {}}})),
    )
    .await;
    api.ok(
        "POST",
        "/objects/companies/attributes",
        Some(json!({"data": {"title": "Stars", "description": null, "api_slug": "stars", "type": "rating",
            "is_required": false, "is_unique": false, "is_multiselect": false, "config": {}}})),
    )
    .await;
    for n in [json!(1e308), json!(-1e308), json!(9.5e15), json!(0.1)] {
        let c = api.create("companies", json!({"size": n})).await;
        assert_eq!(c["values"]["size"][0]["value"], n, "{c}");
    }
    for stars in [json!(6), json!(5.5), json!(-1), json!(1e308), json!("4")] {
        let e = api
            .err(
                "POST",
                "/objects/companies/records",
                values(json!({"stars": stars})),
                400,
                "validation_type",
            )
            .await;
        assert!(
            e["message"].as_str().unwrap().contains("\"stars\""),
            "{stars} → {e}"
        );
    }
    let q = api.query("companies", json!({})).await;
    assert_eq!(q.len(), 4);
    for c in q {
        assert!(c["values"]["size"][0]["value"].is_number(), "{c}");
    }
}

#[tokio::test]
async fn phone_numbers_attio_refuses_are_refused() {
    let api = start().await;
    for phone in [
        json!("+1 555"),
        json!("+1234"),
        json!("+999 1234 5678"),
        json!({"original_phone_number": "+15558675309", "country_code": "ZZ"}),
        json!({"original_phone_number": "+447700900123", "country_code": "US"}),
        json!({"original_phone_number": "555 867", "country_code": "US"}),
    ] {
        let e = api
            .err(
                "POST",
                "/objects/people/records",
                values(json!({"phone_numbers": [phone]})),
                400,
                "validation_type",
            )
            .await;
        assert!(
            e["message"]
                .as_str()
                .unwrap()
                .contains("Invalid phone number"),
            "{phone} → {e}"
        );
    }
    assert_eq!(api.emu.record_count("people"), 0);
    // The forms the client accepts.
    let p = api
        .create(
            "people",
            json!({"phone_numbers": [
                "+15558675309",
                {"original_phone_number": "+1 416 555 0199", "country_code": "CA"},
                {"original_phone_number": "07700 900123", "country_code": "GB"},
                {"original_phone_number": "+44 1481 123456", "country_code": "GG"},
                {"original_phone_number": "06 1234 5678", "country_code": "IT"},
                "+683 4002",
            ]}),
        )
        .await;
    let read: Vec<(Value, Value)> = p["values"]["phone_numbers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| (v["phone_number"].clone(), v["country_code"].clone()))
        .collect();
    assert_eq!(
        read,
        [
            (json!("+15558675309"), json!("US")),
            (json!("+14165550199"), json!("CA")),
            (json!("+447700900123"), json!("GB")),
            (json!("+441481123456"), json!("GG")),
            (json!("+390612345678"), json!("IT")),
            (json!("+6834002"), json!("NU")),
        ]
    );
}

#[tokio::test]
async fn a_location_country_code_outside_attios_list_is_refused() {
    let api = start().await;
    let loc = |cc: &str| {
        json!({"line_1": null, "line_2": null, "line_3": null, "line_4": null, "locality": "Somewhere",
               "region": null, "postcode": null, "country_code": cc, "latitude": null, "longitude": null})
    };
    let e = api
        .err(
            "POST",
            "/objects/people/records",
            values(json!({"primary_location": loc("ZZ")})),
            400,
            "validation_type",
        )
        .await;
    assert!(
        e["message"].as_str().unwrap().contains("country_code"),
        "{e}"
    );
    let p = api
        .create("people", json!({"primary_location": loc("xk")}))
        .await;
    assert_eq!(p["values"]["primary_location"][0]["country_code"], "XK");
}
