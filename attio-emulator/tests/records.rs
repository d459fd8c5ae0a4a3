//! Record endpoints over plain HTTP: append vs overwrite, uniqueness, assert, history,
//! read shapes, write forms, delete, relationships.

mod common;

use common::{field, id, start, strs};
use serde_json::{Value, json};

fn ts_ok(s: &str) -> bool {
    // 2023-01-01T15:00:00.000000000Z
    s.len() == 30
        && s.ends_with('Z')
        && s.as_bytes()[19] == b'.'
        && s[20..29].chars().all(|c| c.is_ascii_digit())
}

#[tokio::test]
async fn patch_appends_multiselect_put_overwrites_it() {
    let api = start().await;
    let p = api
        .create(
            "people",
            json!({"email_addresses": ["a@example.com"], "name": "Smith, Ann"}),
        )
        .await;
    let rid = id(&p);
    let path = format!("/objects/people/records/{rid}");

    // PATCH: new values first, existing kept, case-insensitive duplicates not repeated.
    let v = api
        .ok(
            "PATCH",
            &path,
            Some(json!({"data": {"values": {"email_addresses": ["b@example.com", "A@Example.com"]}}})),
        )
        .await;
    assert_eq!(
        strs(&v["data"], "email_addresses", "email_address"),
        ["b@example.com", "a@example.com"]
    );
    // PATCH with an empty array removes nothing.
    let v = api
        .ok(
            "PATCH",
            &path,
            Some(json!({"data": {"values": {"email_addresses": []}}})),
        )
        .await;
    assert_eq!(
        strs(&v["data"], "email_addresses", "email_address").len(),
        2
    );

    // PUT: exactly the list sent, in the order sent; other attributes untouched.
    let v = api
        .ok(
            "PUT",
            &path,
            Some(json!({"data": {"values": {"email_addresses": ["c@example.com", "a@example.com"]}}})),
        )
        .await;
    assert_eq!(
        strs(&v["data"], "email_addresses", "email_address"),
        ["c@example.com", "a@example.com"]
    );
    assert_eq!(strs(&v["data"], "name", "full_name"), ["Ann Smith"]);

    // Single attributes are replaced by PATCH.
    let v = api
        .ok(
            "PATCH",
            &path,
            Some(json!({"data": {"values": {"name": "Jones, Bob"}}})),
        )
        .await;
    assert_eq!(strs(&v["data"], "name", "last_name"), ["Jones"]);
    // PUT with [] clears a multiselect.
    let v = api
        .ok(
            "PUT",
            &path,
            Some(json!({"data": {"values": {"email_addresses": []}}})),
        )
        .await;
    assert!(
        v["data"]["values"]["email_addresses"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    // GET returns the same.
    let g = api.ok("GET", &path, None).await;
    assert_eq!(g["data"]["values"], v["data"]["values"]);
}

#[tokio::test]
async fn uniqueness_conflict_stores_nothing() {
    let api = start().await;
    let first = api
        .create("people", json!({"email_addresses": ["taken@example.com"]}))
        .await;
    // Create: one new value, one taken → nothing stored at all.
    let e = api
        .err(
            "POST",
            "/objects/people/records",
            Some(json!({"data": {"values": {
                "email_addresses": ["fresh@example.com", "TAKEN@example.com"],
                "name": "Doe, Jane"}}})),
            400,
            "uniqueness_conflict",
        )
        .await;
    assert_eq!(
        e["message"],
        "A value provided for attribute with slug \"email_addresses\" conflicts with one already in the system."
    );
    assert_eq!(api.emu.record_count("people"), 1);
    let hits = api
        .query(
            "people",
            json!({"filter": {"email_addresses": "fresh@example.com"}}),
        )
        .await;
    assert!(hits.is_empty());

    // Update: a second record trying to take the value keeps all its old values.
    let second = api
        .create(
            "people",
            json!({"email_addresses": ["second@example.com"], "job_title": "CTO"}),
        )
        .await;
    let path = format!("/objects/people/records/{}", id(&second));
    api.err(
        "PATCH",
        &path,
        Some(json!({"data": {"values": {"email_addresses": ["taken@example.com"], "job_title": "CEO"}}})),
        400,
        "uniqueness_conflict",
    )
    .await;
    let after = api.ok("GET", &path, None).await["data"].clone();
    assert_eq!(strs(&after, "job_title", "value"), ["CTO"]);
    assert_eq!(
        strs(&after, "email_addresses", "email_address"),
        ["second@example.com"]
    );
    // Re-sending a record's own unique value is not a conflict.
    api.ok(
        "PUT",
        &format!("/objects/people/records/{}", id(&first)),
        Some(json!({"data": {"values": {"email_addresses": ["taken@example.com"]}}})),
    )
    .await;
    // Users: user_id is unique too.
    let ws = api
        .create("workspaces", json!({"workspace_id": "w1"}))
        .await;
    api.create(
        "users",
        json!({"user_id": "u1", "primary_email_address": "u1@example.com",
               "workspace": [{"target_object": "workspaces", "target_record_id": id(&ws)}]}),
    )
    .await;
    let e = api
        .err(
            "POST",
            "/objects/users/records",
            Some(json!({"data": {"values": {"user_id": "u1", "primary_email_address": "u2@example.com"}}})),
            400,
            "uniqueness_conflict",
        )
        .await;
    assert!(e["message"].as_str().unwrap().contains("\"user_id\""));
    assert_eq!(api.emu.record_count("users"), 1);
}

#[tokio::test]
async fn assert_creates_then_updates() {
    let api = start().await;
    let path = "/objects/people/records?matching_attribute=email_addresses";
    let created = api
        .ok(
            "PUT",
            path,
            Some(json!({"data": {"values": {
                "email_addresses": ["ada@example.com"],
                "job_title": "Analyst",
                "phone_numbers": ["+447700900123", "+447700900124"]}}})),
        )
        .await["data"]
        .clone();
    assert_eq!(api.emu.record_count("people"), 1);
    let updated = api
        .ok(
            "PUT",
            path,
            Some(json!({"data": {"values": {
                "email_addresses": ["ada.l@example.com", "ADA@example.com"],
                "job_title": {"value": "Countess"},
                "phone_numbers": [{"original_phone_number": "07700 900125", "country_code": "GB"}]}}})),
        )
        .await["data"]
        .clone();
    assert_eq!(api.emu.record_count("people"), 1);
    assert_eq!(id(&created), id(&updated));
    // The matching multiselect is added to…
    assert_eq!(
        strs(&updated, "email_addresses", "email_address"),
        ["ada.l@example.com", "ada@example.com"]
    );
    // …other multiselects are set exactly, singles replaced.
    assert_eq!(
        strs(&updated, "phone_numbers", "phone_number"),
        ["+447700900125"]
    );
    assert_eq!(strs(&updated, "job_title", "value"), ["Countess"]);

    // Companies assert on domains; by attribute id works too.
    let attrs = api.ok("GET", "/objects/companies/attributes", None).await;
    let domains_id = attrs["data"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["api_slug"] == "domains")
        .unwrap()["id"]["attribute_id"]
        .as_str()
        .unwrap()
        .to_string();
    let c1 = api
        .ok(
            "PUT",
            &format!("/objects/companies/records?matching_attribute={domains_id}"),
            Some(json!({"data": {"values": {"domains": ["acme.com"], "name": "Acme"}}})),
        )
        .await;
    let c2 = api
        .ok(
            "PUT",
            "/objects/companies/records?matching_attribute=domains",
            Some(json!({"data": {"values": {"domains": ["https://acme.com/about"], "name": "Acme Inc"}}})),
        )
        .await;
    assert_eq!(id(&c1["data"]), id(&c2["data"]));
    assert_eq!(strs(&c2["data"], "name", "value"), ["Acme Inc"]);
    assert_eq!(api.emu.record_count("companies"), 1);
}

#[tokio::test]
async fn history_after_two_updates() {
    let api = start().await;
    let p = api
        .create(
            "people",
            json!({"job_title": "Intern", "email_addresses": ["h@example.com"]}),
        )
        .await;
    let rid = id(&p);
    for t in ["Analyst", "Director"] {
        api.ok(
            "PATCH",
            &format!("/objects/people/records/{rid}"),
            Some(json!({"data": {"values": {"job_title": t}}})),
        )
        .await;
    }
    let base = format!("/objects/people/records/{rid}/attributes/job_title/values");
    let hist = api
        .ok("GET", &format!("{base}?show_historic=true"), None)
        .await["data"]
        .as_array()
        .unwrap()
        .clone();
    let titles: Vec<&str> = hist.iter().map(|v| v["value"].as_str().unwrap()).collect();
    assert_eq!(titles, ["Intern", "Analyst", "Director"]);
    // Each replaced value was closed when the next one opened.
    assert_eq!(hist[0]["active_until"], hist[1]["active_from"]);
    assert_eq!(hist[1]["active_until"], hist[2]["active_from"]);
    assert!(hist[2]["active_until"].is_null());
    for v in &hist {
        assert!(ts_ok(v["active_from"].as_str().unwrap()));
        assert_eq!(v["attribute_type"], "text");
        assert_eq!(v["created_by_actor"]["type"], "api-token");
    }
    // Sorted by active_from.
    let froms: Vec<&str> = hist
        .iter()
        .map(|v| v["active_from"].as_str().unwrap())
        .collect();
    let mut sorted = froms.clone();
    sorted.sort();
    assert_eq!(froms, sorted);
    // Default: only the active value.
    let cur = api.ok("GET", &base, None).await["data"]
        .as_array()
        .unwrap()
        .clone();
    assert_eq!(cur.len(), 1);
    assert_eq!(cur[0]["value"], "Director");
    // limit / offset.
    let page = api
        .ok(
            "GET",
            &format!("{base}?show_historic=true&limit=1&offset=1"),
            None,
        )
        .await;
    assert_eq!(page["data"][0]["value"], "Analyst");
    // Multiselect removal closes the removed value.
    api.ok(
        "PUT",
        &format!("/objects/people/records/{rid}"),
        Some(json!({"data": {"values": {"email_addresses": ["h2@example.com"]}}})),
    )
    .await;
    let emails = api
        .ok(
            "GET",
            &format!(
                "/objects/people/records/{rid}/attributes/email_addresses/values?show_historic=true"
            ),
            None,
        )
        .await["data"]
        .as_array()
        .unwrap()
        .clone();
    assert_eq!(emails.len(), 2);
    assert_eq!(emails[0]["email_address"], "h@example.com");
    assert!(emails[0]["active_until"].is_string());
    assert!(emails[1]["active_until"].is_null());
    // show_historic on an enriched attribute is refused.
    api.err(
        "GET",
        &format!(
            "/objects/people/records/{rid}/attributes/last_interaction/values?show_historic=true"
        ),
        None,
        400,
        "validation_type",
    )
    .await;
}

#[tokio::test]
async fn read_shape_and_derived_fields() {
    let api = start().await;
    let c = api
        .create(
            "companies",
            json!({"domains": ["shop.Example.co.uk"], "name": "Example"}),
        )
        .await;
    let p = api
        .create(
            "people",
            json!({
                "email_addresses": [{"email_address": "Jane.Doe@Mail.Example.co.uk"}],
                "name": {"first_name": "Jane", "last_name": "Doe", "full_name": "Jane Doe"},
                "phone_numbers": [{"original_phone_number": "(555) 867-5309", "country_code": "US"}, "+44 7700 900123"],
                "company": {"target_object": "companies", "domains": [{"domain": "shop.example.co.uk"}]},
                "primary_location": "1 Infinite Loop, Cupertino, CA, US",
            }),
        )
        .await;
    // Every attribute of the object is present.
    let attrs = api.ok("GET", "/objects/people/attributes", None).await["data"]
        .as_array()
        .unwrap()
        .clone();
    let values = p["values"].as_object().unwrap();
    for a in &attrs {
        let slug = a["api_slug"].as_str().unwrap();
        assert!(values.contains_key(slug), "missing {slug}");
    }
    assert_eq!(values.len(), attrs.len());
    assert!(values["job_title"].as_array().unwrap().is_empty());
    // Envelope on every value.
    for (slug, vals) in values {
        for v in vals.as_array().unwrap() {
            assert!(ts_ok(v["active_from"].as_str().unwrap()), "{slug}: {v}");
            assert!(v["active_until"].is_null());
            assert!(v["created_by_actor"].is_object());
            assert!(v["attribute_type"].is_string());
        }
    }
    assert!(ts_ok(p["created_at"].as_str().unwrap()));
    let rid = id(&p);
    assert_eq!(
        p["web_url"],
        format!("https://app.attio.com/emulator/person/{rid}")
    );
    assert_eq!(strs(&p, "record_id", "value"), std::slice::from_ref(&rid));
    assert_eq!(
        field(&p, "created_by", "referenced_actor_type"),
        [json!("api-token")]
    );
    assert_eq!(
        field(&p, "created_at", "attribute_type"),
        [json!("timestamp")]
    );
    // Email derived fields.
    let e = &p["values"]["email_addresses"][0];
    assert_eq!(e["email_address"], "jane.doe@mail.example.co.uk");
    assert_eq!(e["original_email_address"], "Jane.Doe@Mail.Example.co.uk");
    assert_eq!(e["email_domain"], "mail.example.co.uk");
    assert_eq!(e["email_root_domain"], "example.co.uk");
    assert_eq!(e["email_local_specifier"], "jane.doe");
    // Phones normalised to E.164, country inferred from a + prefix.
    assert_eq!(
        strs(&p, "phone_numbers", "phone_number"),
        ["+15558675309", "+447700900123"]
    );
    assert_eq!(strs(&p, "phone_numbers", "country_code"), ["US", "GB"]);
    assert_eq!(
        strs(&p, "phone_numbers", "original_phone_number"),
        ["(555) 867-5309", "+44 7700 900123"]
    );
    // Reference by unique attribute resolved to the id.
    assert_eq!(strs(&p, "company", "target_record_id"), [id(&c)]);
    assert_eq!(strs(&p, "company", "target_object"), ["companies"]);
    // Domain and root domain.
    assert_eq!(strs(&c, "domains", "domain"), ["shop.example.co.uk"]);
    assert_eq!(strs(&c, "domains", "root_domain"), ["example.co.uk"]);
    // Location: ten keys.
    let loc = p["values"]["primary_location"][0].as_object().unwrap();
    for k in [
        "line_1",
        "line_2",
        "line_3",
        "line_4",
        "locality",
        "region",
        "postcode",
        "country_code",
        "latitude",
        "longitude",
    ] {
        assert!(loc.contains_key(k), "{k}");
    }
    assert_eq!(loc["locality"], "Cupertino");
    assert_eq!(loc["country_code"], "US");
    // Two-way relationship: the company's team now lists the person.
    let c2 = api
        .ok(
            "GET",
            &format!("/objects/companies/records/{}", id(&c)),
            None,
        )
        .await;
    assert_eq!(strs(&c2["data"], "team", "target_record_id"), [rid]);
    // "John Smith" without a comma becomes the first name (Attio's trap).
    let t = api.create("people", json!({"name": "John Smith"})).await;
    assert_eq!(strs(&t, "name", "first_name"), ["John Smith"]);
    assert_eq!(strs(&t, "name", "last_name"), [""]);
}

#[tokio::test]
async fn deals_statuses_actors_currency() {
    let api = start().await;
    let members = api.ok("GET", "/workspace_members", None).await;
    let member = members["data"][0].clone();
    let email = member["email_address"].as_str().unwrap();
    let d = api
        .create(
            "deals",
            json!({"name": "Big deal", "stage": "Lead", "owner": email, "value": 1234.5}),
        )
        .await;
    assert_eq!(d["values"]["stage"][0]["status"]["title"], "Lead");
    assert_eq!(d["values"]["stage"][0]["attribute_type"], "status");
    assert!(d["values"]["stage"][0]["status"]["id"]["status_id"].is_string());
    assert_eq!(
        d["values"]["owner"][0]["referenced_actor_type"],
        "workspace-member"
    );
    assert_eq!(
        d["values"]["owner"][0]["referenced_actor_id"],
        member["id"]["workspace_member_id"]
    );
    assert_eq!(d["values"]["value"][0]["currency_value"], 1234.5);
    assert_eq!(d["values"]["value"][0]["currency_code"], "USD");
    assert!(d["web_url"].as_str().unwrap().contains("/deal/"));
    // Status by id, currency as string.
    let won = api
        .ok("GET", "/objects/deals/attributes/stage/statuses", None)
        .await["data"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["title"] == "Won 🎉")
        .unwrap()["id"]["status_id"]
        .clone();
    let u = api
        .ok(
            "PATCH",
            &format!("/objects/deals/records/{}", id(&d)),
            Some(json!({"data": {"values": {"stage": {"status": won}, "value": {"currency_value": "99.99"}}}})),
        )
        .await;
    assert_eq!(u["data"]["values"]["stage"][0]["status"]["title"], "Won 🎉");
    assert_eq!(u["data"]["values"]["value"][0]["currency_value"], 99.99);
}

#[tokio::test]
async fn delete_then_not_found() {
    let api = start().await;
    let c = api.create("companies", json!({"name": "Gone"})).await;
    let p = api
        .create(
            "people",
            json!({"company": [{"target_object": "companies", "target_record_id": id(&c)}]}),
        )
        .await;
    let path = format!("/objects/companies/records/{}", id(&c));
    let v = api.ok("DELETE", &path, None).await;
    assert_eq!(v, json!({}));
    api.err("GET", &path, None, 404, "not_found").await;
    api.err("DELETE", &path, None, 404, "not_found").await;
    api.err(
        "PATCH",
        &path,
        Some(json!({"data": {"values": {"name": "x"}}})),
        404,
        "not_found",
    )
    .await;
    // References to the deleted record are gone.
    let p2 = api
        .ok("GET", &format!("/objects/people/records/{}", id(&p)), None)
        .await;
    assert!(
        p2["data"]["values"]["company"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    assert_eq!(api.emu.record_count("companies"), 0);
    let _: Value = api.emu.records("people")[0].clone();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_writes_are_safe() {
    let api = std::sync::Arc::new(start().await);
    let mut tasks = vec![];
    for i in 0..40 {
        let api = api.clone();
        tasks.push(tokio::spawn(async move {
            // Half the requests race for the same unique domain.
            let domain = if i % 2 == 0 {
                format!("d{i}.com")
            } else {
                "contested.com".to_string()
            };
            api.call(
                "POST",
                "/objects/companies/records",
                Some(json!({"data": {"values": {"domains": [domain]}}})),
            )
            .await
            .0
        }));
    }
    let mut statuses = vec![];
    for t in tasks {
        statuses.push(t.await.unwrap());
    }
    let ok = statuses.iter().filter(|s| **s == 200).count();
    assert_eq!(
        ok, 21,
        "20 distinct domains + one winner for the contested one"
    );
    assert_eq!(statuses.iter().filter(|s| **s == 400).count(), 19);
    assert_eq!(api.emu.record_count("companies"), 21);
}

#[tokio::test]
async fn unique_values_follow_updates_and_deletes() {
    let api = start().await;
    let a = api
        .create("people", json!({"email_addresses": ["a1@example.com"]}))
        .await;
    let a_path = format!("/objects/people/records/{}", id(&a));
    // PUT replaces the list: a1 is freed, a2 is now taken.
    api.ok(
        "PUT",
        &a_path,
        Some(json!({"data": {"values": {"email_addresses": ["a2@example.com"]}}})),
    )
    .await;
    let b = api
        .create("people", json!({"email_addresses": ["A1@example.com"]}))
        .await;
    api.err(
        "POST",
        "/objects/people/records",
        Some(json!({"data": {"values": {"email_addresses": ["a2@example.com"]}}})),
        400,
        "uniqueness_conflict",
    )
    .await;
    // An assert finds a record by a value it gained after it was created.
    api.ok(
        "PATCH",
        &a_path,
        Some(json!({"data": {"values": {"email_addresses": ["a3@example.com"]}}})),
    )
    .await;
    let asserted = api
        .ok(
            "PUT",
            "/objects/people/records?matching_attribute=email_addresses",
            Some(json!({"data": {"values": {"email_addresses": ["a3@example.com"], "job_title": "Found"}}})),
        )
        .await;
    assert_eq!(id(&asserted["data"]), id(&a));
    assert_eq!(strs(&asserted["data"], "job_title", "value"), ["Found"]);
    // Deleting a record frees its values.
    api.ok("DELETE", &a_path, None).await;
    let c = api
        .create(
            "people",
            json!({"email_addresses": ["a2@example.com", "a3@example.com"]}),
        )
        .await;
    assert_ne!(id(&c), id(&a));
    assert_eq!(api.emu.record_count("people"), 2);
    // a1 is held by b and a2 by c: an assert naming both is ambiguous.
    let e = api
        .err(
            "PUT",
            "/objects/people/records?matching_attribute=email_addresses",
            Some(json!({"data": {"values": {"email_addresses": ["a1@example.com", "a2@example.com"]}}})),
            400,
            "multiple_match_results",
        )
        .await;
    assert!(e["message"].as_str().unwrap().contains("email_addresses"));
    let b_now = api
        .ok("GET", &format!("/objects/people/records/{}", id(&b)), None)
        .await;
    assert_eq!(
        strs(&b_now["data"], "email_addresses", "email_address"),
        ["a1@example.com"]
    );
}
