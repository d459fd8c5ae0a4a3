//! The generated people model (the checked-in snapshot, compiled here) decodes the
//! documented people responses of `fixtures/people/` as the hand-written model does, and
//! matches the emulator's people object by the drift check.

mod support;

use attio_core::values::{
    ActorRef, EmailAddress, Interaction, Location, PersonalName, PhoneNumber, SelectOption,
    Timestamp,
};
use attio_core::{AnyRecordRef, AttioRecord, Record, json};

/// The output of `attio-codegen --object people` against the emulator.
#[allow(dead_code)]
mod generated {
    include!("snapshots/people.rs");
}

/// The hand-written model of every attribute of the documented people responses.
#[derive(AttioRecord, Debug, Clone, PartialEq)]
#[attio(object = "people")]
struct HandPerson {
    #[attio(unique)]
    email_addresses: Vec<EmailAddress>,
    name: Option<PersonalName>,
    description: Option<String>,
    company: Option<AnyRecordRef>,
    job_title: Option<String>,
    #[attio(read_only)]
    avatar_url: Option<String>,
    phone_numbers: Vec<PhoneNumber>,
    primary_location: Option<Location>,
    angellist: Option<String>,
    facebook: Option<String>,
    instagram: Option<String>,
    linkedin: Option<String>,
    twitter: Option<String>,
    #[attio(read_only)]
    twitter_follower_count: Option<f64>,
    #[attio(read_only)]
    first_calendar_interaction: Option<Interaction>,
    #[attio(read_only)]
    last_calendar_interaction: Option<Interaction>,
    #[attio(read_only)]
    next_calendar_interaction: Option<Interaction>,
    #[attio(read_only)]
    first_email_interaction: Option<Interaction>,
    #[attio(read_only)]
    last_email_interaction: Option<Interaction>,
    #[attio(read_only)]
    first_interaction: Option<Interaction>,
    #[attio(read_only)]
    last_interaction: Option<Interaction>,
    #[attio(read_only)]
    strongest_connection_strength_legacy: Option<f64>,
    #[attio(read_only)]
    strongest_connection_strength: Option<SelectOption>,
    #[attio(read_only)]
    strongest_connection_user: Option<ActorRef>,
    #[attio(read_only)]
    created_at: Option<Timestamp>,
    #[attio(read_only)]
    created_by: Option<ActorRef>,
}

fn fixture(path: &str) -> Vec<u8> {
    let full = format!("{}/../fixtures/{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&full).unwrap_or_else(|e| panic!("cannot read fixture {full}: {e}"))
}

/// Every field the two models share is equal.
fn assert_same(g: &Record<generated::Person>, h: &Record<HandPerson>) {
    assert_eq!(g.id, h.id);
    assert_eq!(g.created_at, h.created_at);
    let (g, h) = (&g.values, &h.values);
    assert_eq!(g.email_addresses, h.email_addresses);
    assert_eq!(g.name, h.name);
    assert_eq!(g.description, h.description);
    assert_eq!(g.company, h.company);
    assert_eq!(g.job_title, h.job_title);
    assert_eq!(g.avatar_url, h.avatar_url);
    assert_eq!(g.phone_numbers, h.phone_numbers);
    assert_eq!(g.primary_location, h.primary_location);
    assert_eq!(g.angellist, h.angellist);
    assert_eq!(g.facebook, h.facebook);
    assert_eq!(g.instagram, h.instagram);
    assert_eq!(g.linkedin, h.linkedin);
    assert_eq!(g.twitter, h.twitter);
    assert_eq!(g.twitter_follower_count, h.twitter_follower_count);
    assert_eq!(g.first_calendar_interaction, h.first_calendar_interaction);
    assert_eq!(g.last_calendar_interaction, h.last_calendar_interaction);
    assert_eq!(g.next_calendar_interaction, h.next_calendar_interaction);
    assert_eq!(g.first_email_interaction, h.first_email_interaction);
    assert_eq!(g.last_email_interaction, h.last_email_interaction);
    assert_eq!(g.first_interaction, h.first_interaction);
    assert_eq!(g.last_interaction, h.last_interaction);
    assert_eq!(
        g.strongest_connection_strength_legacy,
        h.strongest_connection_strength_legacy
    );
    assert_eq!(g.strongest_connection_user, h.strongest_connection_user);
    assert_eq!(g.created_at, h.created_at);
    assert_eq!(g.created_by, h.created_by);
    // Attributes the documented responses do not carry read as empty.
    assert_eq!(g.record_id, None);
    assert_eq!(g.next_interaction, None);
    assert!(g.associated_deals.is_empty() && g.associated_users.is_empty());
}

#[test]
fn the_generated_people_model_decodes_the_documented_responses() {
    // The create response holds no company and no connection strength; the update
    // response holds both.
    for (path, strength) in [
        ("people/create.response.json", None),
        ("people/update.response.json", Some("Very strong")),
    ] {
        let bytes = fixture(path);
        let g: Record<generated::Person> =
            json::decode_record(&bytes).unwrap_or_else(|e| panic!("{path}: {e}"));
        let h: Record<HandPerson> = json::decode_record(&bytes).expect("the hand-written model");
        assert_same(&g, &h);
        assert!(!g.values.email_addresses.is_empty(), "{path} has an email");
        assert_eq!(g.values.company.is_some(), strength.is_some(), "{path}");
        assert_eq!(
            h.values
                .strongest_connection_strength
                .as_ref()
                .and_then(|s| s.title.as_deref()),
            strength,
        );
        assert_eq!(
            g.values.strongest_connection_strength,
            strength.map(|_| generated::PersonStrongestConnectionStrength::VeryStrong),
            "{path}: the select reads into its enum"
        );
    }

    // A title the generated enum does not know reads into the catch-all.
    let renamed = String::from_utf8(fixture("people/update.response.json"))
        .expect("UTF-8")
        .replace("\"Very strong\"", "\"Unbreakable\"");
    let g: Record<generated::Person> = json::decode_record(renamed.as_bytes()).expect("decodes");
    assert_eq!(
        g.values.strongest_connection_strength,
        Some(generated::PersonStrongestConnectionStrength::Other(
            "Unbreakable".to_owned()
        ))
    );
}

#[test]
fn a_page_of_the_documented_records_decodes() {
    // `{"data":[…]}` of both documented records, as a query answers.
    let data = |path: &str| {
        let body: serde_json::Value = serde_json::from_slice(&fixture(path)).expect("JSON");
        body["data"].clone()
    };
    let page = serde_json::to_vec(&serde_json::json!({
        "data": [data("people/create.response.json"), data("people/update.response.json")]
    }))
    .expect("a page");
    let g: Vec<Record<generated::Person>> =
        json::decode_records(&page).expect("the generated model");
    let h: Vec<Record<HandPerson>> = json::decode_records(&page).expect("hand-written");
    assert_eq!(g.len(), 2);
    for (g, h) in g.iter().zip(&h) {
        assert_same(g, h);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_generated_people_model_has_no_drift() {
    let (_emu, client) = support::start().await;
    let report = client
        .check_schema::<generated::Person>()
        .await
        .expect("the drift check runs");
    assert!(report.is_ok(), "{report}");
}
