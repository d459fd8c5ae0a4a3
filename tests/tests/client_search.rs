//! Cross-object search (`client.search(…)`) against the emulator.

mod common;

use attio_core::models::SearchAs;
use attio_core::values::{Domain, EmailAddress, PersonalName, PhoneNumber};
use attio_core::{Error, ErrorCode};
use common::*;

fn named(first: &str, last: &str, email: &str) -> Person {
    Person {
        email_addresses: vec![EmailAddress::new(email).unwrap()],
        name: Some(PersonalName::new(first, last)),
        description: None,
        job_title: None,
        company: None,
        phone_numbers: vec![],
        primary_location: None,
        linkedin_url: None,
        created_at: None,
    }
}

fn company(name: &str, domain: &str) -> Company {
    Company {
        domains: vec![Domain::new(domain).unwrap()],
        name: Some(name.to_owned()),
        description: None,
    }
}

#[tokio::test]
async fn search_finds_people_and_companies_by_name_email_and_domain() {
    let (_emu, client) = start().await;
    let ada = client
        .create(&named("Ada", "Lovelace", "ada@engines.example"))
        .await
        .unwrap();
    let mut alan = named("Alan", "Turing", "alan@bletchley.example");
    alan.phone_numbers = vec![PhoneNumber::new("+15558675309", Some("US")).unwrap()];
    let alan = client.create(&alan).await.unwrap();
    let engines = client
        .create(&company("Analytical Engines", "engines.example"))
        .await
        .unwrap();

    // By name, people only.
    let found = client
        .search("ada")
        .object::<Person>()
        .send()
        .await
        .unwrap();
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].id.record_id, ada.id.record_id);
    assert_eq!(found[0].id.object_id, ada.id.object_id);
    assert_eq!(found[0].record_text, "Ada Lovelace");
    assert_eq!(found[0].object_slug, "people");
    assert_eq!(found[0].email_addresses, ["ada@engines.example"]);
    assert!(found[0].domains.is_empty());

    // By the domain, across both objects: the company by its domain, Ada by her email.
    let found = client
        .search("engines.example")
        .object::<Person>()
        .object::<Company>()
        .send()
        .await
        .unwrap();
    let mut ids: Vec<_> = found.iter().map(|r| r.id.record_id).collect();
    ids.sort();
    let mut want = vec![ada.id.record_id, engines.id.record_id];
    want.sort();
    assert_eq!(ids, want, "{found:?}");
    let company_hit = found.iter().find(|r| r.object_slug == "companies").unwrap();
    assert_eq!(company_hit.domains, ["engines.example"]);
    assert_eq!(company_hit.record_text, "Analytical Engines");

    // By email and by phone number; every word must match.
    let found = client
        .search("alan@bletchley")
        .objects(["people"])
        .send()
        .await
        .unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].id.record_id, alan.id.record_id);
    assert_eq!(found[0].phone_numbers.len(), 1, "{found:?}");
    let found = client
        .search("alan lovelace")
        .object::<Person>()
        .send()
        .await
        .unwrap();
    assert!(found.is_empty(), "{found:?}");

    // The empty query returns a default set, cut to the limit; a member's view.
    let found = client
        .search("")
        .object::<Person>()
        .object::<Company>()
        .limit(2)
        .send()
        .await
        .unwrap();
    assert_eq!(found.len(), 2);
    let member = client.members().all().await.unwrap().remove(0);
    let found = client
        .search("turing")
        .object::<Person>()
        .request_as(SearchAs::Member(member.id.workspace_member_id))
        .send()
        .await
        .unwrap();
    assert_eq!(found.len(), 1);
}

#[tokio::test]
async fn bad_searches_say_why() {
    let (_emu, client) = start().await;
    let err = client.search("x").send().await.unwrap_err();
    assert!(matches!(err, Error::InvalidValue(_)), "{err}");
    assert!(err.to_string().contains("no object to search"), "{err}");

    for limit in [0, 26] {
        let err = client
            .search("x")
            .object::<Person>()
            .limit(limit)
            .send()
            .await
            .unwrap_err();
        assert!(err.to_string().contains("1 to 25"), "{err}");
    }
    let err = client
        .search("y".repeat(257))
        .object::<Person>()
        .send()
        .await
        .unwrap_err();
    assert!(err.to_string().contains("257 characters"), "{err}");

    let err = client
        .search("x")
        .objects(["spaceships"])
        .send()
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(400));
    assert_eq!(err.code(), Some(&ErrorCode::ValueNotFound));
    assert!(err.to_string().contains("spaceships"), "{err}");
}
