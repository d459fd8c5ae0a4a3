//! Every constructor that takes text accepts it borrowed (`&str`, `&String`) and owned
//! (`String`, e.g. from `format!`), with the same result.

use attio_core::values::{
    ActorRef, ActorType, Domain, EmailAddress, InteractionType, Location, PersonalName,
    PhoneNumber, SelectOption, Status,
};
use attio_core::{AnyRecordRef, AttioRecord, RecordRef};

#[derive(AttioRecord)]
#[attio(object = "companies")]
struct Company {
    #[attio(unique)]
    domains: Vec<Domain>,
}

#[derive(AttioRecord)]
#[attio(object = "people")]
struct Person {
    #[attio(unique)]
    email_addresses: Vec<EmailAddress>,
}

const ID: &str = "99a03ff3-0435-47da-95cc-76b2caeb4dab";

#[test]
fn email_address_new() {
    let n = 7;
    let owned = EmailAddress::new(format!("user{n}@example.com")).unwrap();
    let text = String::from("user7@example.com");
    assert_eq!(owned, EmailAddress::new(&text).unwrap());
    assert_eq!(owned, EmailAddress::new("user7@example.com").unwrap());
    assert!(EmailAddress::new(format!("user{n}")).is_err());
}

#[test]
fn domain_new() {
    let owned = Domain::new(format!("{}.com", "attio")).unwrap();
    let text = String::from("attio.com");
    assert_eq!(owned, Domain::new(&text).unwrap());
    assert_eq!(owned, Domain::new(text).unwrap());
    assert_eq!(owned, Domain::new("attio.com").unwrap());
}

#[test]
fn phone_number_new() {
    let owned = PhoneNumber::new(format!("555-867-{}", 5309), Some("US")).unwrap();
    let text = String::from("555-867-5309");
    let country = String::from("US");
    assert_eq!(
        owned,
        PhoneNumber::new(&text, Some(country.as_str())).unwrap()
    );
    assert_eq!(owned, PhoneNumber::new("555-867-5309", Some("US")).unwrap());
    assert!(PhoneNumber::new(format!("+1 555 867 {}", 5309), None).is_ok());
}

#[test]
fn record_ref_by_domain_email_and_id() {
    let by_domain = RecordRef::<Company>::by_domain(format!("{}.com", "attio")).unwrap();
    assert_eq!(by_domain, RecordRef::by_domain("attio.com").unwrap());
    let by_email = RecordRef::<Person>::by_email_address(format!("{}@attio.com", "ada")).unwrap();
    let text = String::from("ada@attio.com");
    assert_eq!(by_email, RecordRef::by_email_address(&text).unwrap());
    let by_id = RecordRef::<Company>::parse(String::from(ID)).unwrap();
    assert_eq!(by_id, RecordRef::parse(ID).unwrap());
    assert!(RecordRef::<Company>::parse(format!("{ID}x")).is_err());
}

#[test]
fn any_record_ref_by_domain_email_and_id() {
    let object = String::from("companies");
    let by_domain = AnyRecordRef::by_domain(&*object, format!("{}.com", "attio")).unwrap();
    assert_eq!(
        by_domain,
        AnyRecordRef::by_domain("companies", "attio.com").unwrap()
    );
    let by_email =
        AnyRecordRef::by_email_address(object.clone(), format!("{}@attio.com", "ada")).unwrap();
    assert_eq!(
        by_email,
        AnyRecordRef::by_email_address("companies", "ada@attio.com").unwrap()
    );
    let by_id = AnyRecordRef::parse(object, String::from(ID)).unwrap();
    assert_eq!(by_id, AnyRecordRef::parse("companies", ID).unwrap());
}

#[test]
fn actor_ref_by_email() {
    let owned = ActorRef::workspace_member_by_email(format!("{}@attio.com", "ops")).unwrap();
    let text = String::from("ops@attio.com");
    assert_eq!(owned, ActorRef::workspace_member_by_email(&text).unwrap());
    assert_eq!(
        owned,
        ActorRef::workspace_member_by_email("ops@attio.com").unwrap()
    );
}

#[test]
fn select_option_and_status_by_title() {
    let stage = 3;
    assert_eq!(
        SelectOption::by_title(format!("Tier {stage}")),
        SelectOption::by_title("Tier 3")
    );
    assert_eq!(
        Status::by_title(format!("Stage {stage}")),
        Status::by_title("Stage 3")
    );
}

#[test]
fn personal_name_new() {
    let first = String::from("Ada");
    assert_eq!(
        PersonalName::new(first.clone(), format!("Love{}", "lace")),
        PersonalName::new("Ada", "Lovelace")
    );
    assert_eq!(PersonalName::new(&*first, String::new()).full_name, "Ada");
}

#[test]
fn location_setters() {
    let owned = Location::new()
        .with_line_1(format!("{} Infinite Loop", 1))
        .with_line_2(String::from("Building 4"))
        .with_line_3("")
        .with_line_4("")
        .with_locality(format!("Cuper{}", "tino"))
        .with_region(String::from("CA"))
        .with_postcode(format!("{}", 95014))
        .with_country_code(String::from("US"))
        .with_coordinates(format!("{}", 37.331741), String::from("-122.030333"));
    let borrowed = Location {
        line_1: Some("1 Infinite Loop".into()),
        line_2: Some("Building 4".into()),
        line_3: Some(String::new()),
        line_4: Some(String::new()),
        locality: Some("Cupertino".into()),
        region: Some("CA".into()),
        postcode: Some("95014".into()),
        country_code: Some("US".into()),
        latitude: Some("37.331741".into()),
        longitude: Some("-122.030333".into()),
    };
    assert_eq!(owned, borrowed);
}

#[test]
fn enum_spellings_parse() {
    assert_eq!(
        ActorType::parse(format!("workspace-{}", "member")),
        ActorType::WorkspaceMember
    );
    assert_eq!(ActorType::parse("system"), ActorType::System);
    assert_eq!(
        InteractionType::parse(String::from("calendar-event")),
        InteractionType::CalendarEvent
    );
}

#[test]
fn sort_by_property() {
    let field = String::from("last_name");
    #[derive(AttioRecord)]
    #[attio(object = "people")]
    struct Named {
        name: Option<PersonalName>,
    }
    let name = Named::attrs().name;
    assert_eq!(name.asc_by(&field), name.asc_by("last_name"));
    assert_eq!(
        name.desc_by(format!("{}_name", "first")).to_string(),
        r#"{"attribute":"name","direction":"desc","field":"first_name"}"#
    );
}
