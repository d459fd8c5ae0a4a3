//! The documented request and response bodies (`fixtures/`) against derived models: every
//! request body is produced by a derived struct, every response decodes into one.

mod common;

use attio_core::values::{
    ActorRef, ActorType, Domain, EmailAddress, InteractionType, Location, PersonalName, PhoneNumber,
};
use attio_core::{Error, Record, RecordRef, json};
use common::*;
use serde_json::Value;
use uuid::Uuid;

/// Attio accepts a single-valued attribute as a bare value or as a one-element array; the
/// derive always writes the array. This turns the fixture's bare values into one-element
/// arrays so that the two bodies can be compared.
fn wrap_bare_values(mut body: Value) -> Value {
    let values = body["data"]["values"].as_object_mut().expect("data.values");
    for v in values.values_mut() {
        if !v.is_array() {
            *v = Value::Array(vec![v.take()]);
        }
    }
    body
}

fn uuid(s: &str) -> Uuid {
    s.parse().expect("a valid uuid")
}

fn john_smith() -> Result<DocumentedPerson, Error> {
    Ok(DocumentedPerson {
        email_addresses: vec![EmailAddress::new("john-smith@attio.com")?],
        name: Some(PersonalName::new("John", "Smith")),
        description: Some("Developer met at event".into()),
        company: vec![
            RecordRef::new(uuid("99a03ff3-0435-47da-95cc-76b2caeb4dab")),
            RecordRef::by_domain("attio.com")?,
        ],
        phone_numbers: vec![PhoneNumber::new("+15558675309", Some("US"))?],
        primary_location: Some(Location {
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
        }),
        linkedin: Some("https://linkedin.com/in/johnsmith".into()),
    })
}

#[test]
fn people_create_and_update_requests_are_produced_by_the_model() {
    let body = json::encode_create(&john_smith().unwrap()).unwrap();
    let produced: Value = serde_json::from_slice(&body).unwrap();
    for path in ["people/create.request.json", "people/update.request.json"] {
        assert_eq!(produced, wrap_bare_values(fixture_json(path)), "{path}");
    }
}

#[test]
fn users_create_request_is_produced_by_the_model() {
    let user = User {
        user_id: "123".into(),
        primary_email_address: EmailAddress::new("person@company.com").unwrap(),
        person: Some(RecordRef::new(uuid("891dcbfc-9141-415d-9b2a-2238a6cc012d"))),
        workspace: vec![RecordRef::new(uuid("72ef5fea-4919-4208-b332-1339ab8ba040"))],
    };
    let produced: Value = serde_json::from_slice(&json::encode_create(&user).unwrap()).unwrap();
    assert_eq!(
        produced,
        wrap_bare_values(fixture_json("users/create.request.json"))
    );
}

#[test]
fn workspaces_create_request_is_produced_by_the_model() {
    let ws = Workspace {
        workspace_id: "123".into(),
        name: Some("Customer.com".into()),
        avatar_url: Some("https://example.com/avatar.png".into()),
        users: vec![RecordRef::new(uuid("5e3fb280-007b-495a-a530-9354bde01de1"))],
        company: Some(RecordRef::new(uuid("99a03ff3-0435-47da-95cc-76b2caeb4dab"))),
    };
    let produced: Value = serde_json::from_slice(&json::encode_create(&ws).unwrap()).unwrap();
    assert_eq!(
        produced,
        wrap_bare_values(fixture_json("workspaces/create.request.json"))
    );
}

#[test]
fn the_documented_typo_in_the_users_example_is_refused() {
    // The documentation prints this id with nine hex digits in its first group.
    let body = fixture_json("users/create.request.doc-typo.json");
    let bad = body["data"]["values"]["workspace"][0]["target_record_id"]
        .as_str()
        .unwrap();
    assert_eq!(bad, "72ef5feaf-4919-4208-b332-1339ab8ba040");
    let err = RecordRef::<Workspace>::parse(bad).unwrap_err();
    let msg = err.to_string();
    assert!(msg.contains("workspace"), "{msg}");
    assert!(msg.contains(bad), "{msg}");
    let v = err.as_invalid_value().expect("refused before sending");
    assert_eq!(v.value, bad);
}

const RECORD_ID: &str = "bf071e1f-6035-429d-b874-d83ea64ea13b";

#[test]
fn people_create_response_decodes() {
    let r: Record<Person> = json::decode_record(&fixture("people/create.response.json")).unwrap();
    assert_eq!(r.id.record_id, uuid(RECORD_ID));
    assert_eq!(
        r.id.workspace_id,
        uuid("14beef7a-99f7-4534-a87e-70b564330a4c")
    );
    assert_eq!(
        r.created_at.to_rfc3339(),
        "2022-11-21T13:22:49.061281+00:00"
    );
    assert_eq!(r.web_url, None);
    let p = r.values;
    assert_eq!(
        p.email_addresses,
        vec![EmailAddress::new("john-smith@attio.com").unwrap()]
    );
    assert_eq!(p.email_addresses[0].email_domain(), Some("attio.com"));
    assert_eq!(p.name, Some(PersonalName::new("John", "Smith")));
    assert_eq!(p.description.as_deref(), Some("Developer met at event"));
    assert_eq!(p.job_title, None);
    assert_eq!(p.company, None);
    assert!(p.phone_numbers.is_empty());
    assert_eq!(p.primary_location, None);
    assert_eq!(
        p.created_at.unwrap().to_rfc3339(),
        "2023-01-01T15:00:00+00:00"
    );
}

#[test]
fn people_update_response_decodes_all_26_attributes() {
    let bytes = fixture("people/update.response.json");
    let slugs = fixture_json("people/update.response.json")["data"]["values"]
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect::<std::collections::BTreeSet<_>>();
    assert_eq!(slugs.len(), 26);
    let model: std::collections::BTreeSet<String> =
        <FullPerson as attio_core::AttioRecord>::ATTRIBUTES
            .iter()
            .map(|a| a.slug.to_owned())
            .collect();
    assert_eq!(
        model, slugs,
        "the model declares exactly the fixture's attributes"
    );

    let r: Record<FullPerson> = json::decode_record(&bytes).unwrap();
    assert_eq!(
        r.web_url.as_deref(),
        Some("https://app.attio.com/salarya/person/bf071e1f-6035-429d-b874-d83ea64ea13b")
    );
    let p = r.values;
    let member = uuid("a976f6a9-fc2b-4acb-91e7-afb2d18b4e64");
    assert_eq!(
        p.strongest_connection_strength_legacy,
        Some(54.725113205693695)
    );
    assert_eq!(p.twitter_follower_count, Some(100));
    let li = p.last_interaction.unwrap();
    assert_eq!(li.interaction_type, InteractionType::Email);
    assert_eq!(li.interacted_at.to_rfc3339(), "2023-01-01T15:00:00+00:00");
    assert_eq!(li.owner_actor.id, Some(member));
    assert_eq!(li.owner_actor.actor_type, Some(ActorType::WorkspaceMember));
    for i in [
        &p.next_calendar_interaction,
        &p.last_email_interaction,
        &p.first_interaction,
        &p.last_calendar_interaction,
        &p.first_calendar_interaction,
        &p.first_email_interaction,
    ] {
        assert_eq!(i.as_ref().unwrap().interaction_type, InteractionType::Email);
    }
    assert_eq!(p.twitter.as_deref(), Some("https://x.com/johnsmith"));
    assert_eq!(
        p.avatar_url.as_deref(),
        Some(
            "https://d1ts43dypk8bqh.cloudfront.net/v1/avatars/b792e7f9-003d-494f-a7b4-a53251c621e6"
        )
    );
    assert_eq!(p.job_title.as_deref(), Some("Software Engineer"));
    assert_eq!(
        p.company.as_ref().unwrap().record_id(),
        Some(uuid("f528bd86-8142-4359-9a8c-b651d50a27b1"))
    );
    let loc = p.primary_location.unwrap();
    assert_eq!(loc.line_1.as_deref(), Some("1 Infinite Loop"));
    assert_eq!(loc.line_2, None);
    assert_eq!(loc.locality.as_deref(), Some("Cupertino"));
    assert_eq!(loc.region.as_deref(), Some("CA"));
    assert_eq!(loc.postcode.as_deref(), Some("95014"));
    assert_eq!(loc.country_code.as_deref(), Some("US"));
    assert_eq!(loc.latitude.as_deref(), Some("37.331741"));
    assert_eq!(loc.longitude.as_deref(), Some("-122.030333"));
    assert_eq!(
        p.angellist.as_deref(),
        Some("https://angellist.com/johnsmith")
    );
    assert_eq!(p.description.as_deref(), Some("Developer met at event"));
    let user: ActorRef = p.strongest_connection_user.unwrap();
    assert_eq!(user.referenced_actor_type, ActorType::WorkspaceMember);
    assert_eq!(user.referenced_actor_id, Some(member));
    let strength = p.strongest_connection_strength.unwrap();
    assert_eq!(strength.title.as_deref(), Some("Very strong"));
    assert_eq!(
        strength.option_id(),
        Some(uuid("e37175a9-94f3-410f-bb29-78287bc1c444"))
    );
    assert_eq!(p.email_addresses[0].email_address(), "john-smith@attio.com");
    assert_eq!(
        p.email_addresses[0].email_local_specifier(),
        Some("john-smith")
    );
    assert_eq!(p.created_at.to_rfc3339(), "2023-01-01T15:00:00+00:00");
    assert_eq!(p.created_by.referenced_actor_id, Some(member));
    assert_eq!(
        p.linkedin.as_deref(),
        Some("https://linkedin.com/in/johnsmith")
    );
    assert_eq!(
        p.facebook.as_deref(),
        Some("https://facebook.com/johnsmith")
    );
    assert_eq!(
        p.instagram.as_deref(),
        Some("https://instagram.com/johnsmith")
    );
    let name = p.name.unwrap();
    assert_eq!(
        (
            name.first_name.as_str(),
            name.last_name.as_str(),
            name.full_name.as_str()
        ),
        ("John", "Smith", "John Smith")
    );
    let phone = &p.phone_numbers[0];
    assert_eq!(phone.original_phone_number(), "+15558675309");
    assert_eq!(phone.country_code(), Some("US"));
    assert_eq!(phone.phone_number(), Some("+15558675309"));
}

#[test]
fn users_create_response_decodes() {
    let r: Record<User> = json::decode_record(&fixture("users/create.response.json")).unwrap();
    let u = r.values;
    assert_eq!(u.user_id, "123");
    assert_eq!(
        u.primary_email_address.email_address(),
        "person@company.com"
    );
    assert_eq!(u.primary_email_address.email_domain(), Some("company.com"));
    assert_eq!(
        u.person.unwrap().record_id(),
        Some(uuid("891dcbfc-9141-415d-9b2a-2238a6cc012d"))
    );
    assert_eq!(u.workspace.len(), 1);
    assert_eq!(
        u.workspace[0].record_id(),
        Some(uuid("72ef5fea-4919-4208-b332-1339ab8ba040"))
    );
}

#[test]
fn workspaces_create_response_decodes() {
    let r: Record<Workspace> =
        json::decode_record(&fixture("workspaces/create.response.json")).unwrap();
    let w = r.values;
    assert_eq!(w.workspace_id, "123");
    assert_eq!(w.name.as_deref(), Some("Fundstack"));
    assert_eq!(
        w.avatar_url.as_deref(),
        Some("https://example.com/avatar.png")
    );
    assert_eq!(
        w.users[0].record_id(),
        Some(uuid("5e3fb280-007b-495a-a530-9354bde01de1"))
    );
    assert_eq!(
        w.company.unwrap().record_id(),
        Some(uuid("99a03ff3-0435-47da-95cc-76b2caeb4dab"))
    );
}

#[test]
fn a_text_value_where_an_email_is_declared_names_the_attribute() {
    // `user_id` holds a text value; a model declaring it an email address must say so.
    #[derive(attio_core::AttioRecord, Debug)]
    #[attio(object = "users")]
    struct Wrong {
        #[attio(rename = "user_id")]
        id_as_email: Option<EmailAddress>,
    }
    let err = json::decode_record::<Wrong>(&fixture("users/create.response.json")).unwrap_err();
    let d = err.as_decode().unwrap();
    assert_eq!(d.object, "users");
    assert_eq!(d.attribute.as_deref(), Some("user_id"));
    assert_eq!(d.record_id, Some(uuid(RECORD_ID)));
    assert_eq!(d.path, "data.values.user_id[0].attribute_type");
    assert_eq!(d.expected, "a `email-address` value");
    assert_eq!(d.found, "a `text` value");
    let msg = err.to_string();
    assert!(
        msg.contains("users") && msg.contains("user_id") && msg.contains(RECORD_ID),
        "{msg}"
    );
}

#[test]
fn a_number_where_a_string_belongs_names_the_path() {
    let mut body = fixture_json("workspaces/create.response.json");
    body["data"]["values"]["name"][0]["value"] = Value::from(42);
    let err = json::decode_record::<Workspace>(&serde_json::to_vec(&body).unwrap()).unwrap_err();
    let d = err.as_decode().unwrap();
    assert_eq!(d.attribute.as_deref(), Some("name"));
    assert_eq!(d.path, "data.values.name[0].value");
    assert_eq!(d.found, "integer `42`");
    assert_eq!(d.expected, "a string");
}

#[test]
fn an_empty_array_for_a_required_field_names_the_attribute() {
    let mut body = fixture_json("workspaces/create.response.json");
    body["data"]["values"]["workspace_id"] = Value::Array(vec![]);
    let err = json::decode_record::<Workspace>(&serde_json::to_vec(&body).unwrap()).unwrap_err();
    let d = err.as_decode().unwrap();
    assert_eq!(d.attribute.as_deref(), Some("workspace_id"));
    assert_eq!(d.path, "data.values.workspace_id");
    assert_eq!(d.found, "no active value");
}

#[test]
fn truncated_responses_are_errors_not_panics() {
    let bytes = fixture("people/update.response.json");
    for cut in (0..bytes.len()).step_by(97) {
        let err = json::decode_record::<FullPerson>(&bytes[..cut]).unwrap_err();
        assert!(err.as_decode().is_some(), "cut at {cut}: {err}");
    }
}

#[test]
fn unknown_attributes_and_types_do_not_fail_the_record() {
    let mut body = fixture_json("workspaces/create.response.json");
    body["data"]["values"]["hologram"] = serde_json::json!([{"attribute_type": "hologram", "beam": {"x": [1, 2]}, "active_until": null}]);
    let r = json::decode_record::<Workspace>(&serde_json::to_vec(&body).unwrap()).unwrap();
    assert_eq!(r.values.workspace_id, "123");
}

#[test]
fn domains_are_checked_before_sending() {
    assert!(Domain::new("attio.com").is_ok());
    let err = RecordRef::<Company>::by_domain("not a domain").unwrap_err();
    assert!(err.to_string().contains("not a domain"));
}
