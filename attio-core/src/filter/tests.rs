//! The JSON each operator, property, combinator and sort produces.

use uuid::Uuid;

use super::Filter;
use crate::attr::{Attr, NotUnique, Unique};
use crate::values::{
    ActorRef, Currency, Date, Domain, EmailAddress, Interaction, InteractionType, Location,
    PersonalName, PhoneNumber, Rating, RecordRef, SelectOption, Status, Timestamp,
};

struct Company;
struct Person;

fn attr<V>(slug: &'static str) -> Attr<Person, V, NotUnique> {
    Attr::__new(slug)
}

fn s<R>(f: Filter<R>) -> String {
    f.to_string()
}

#[test]
fn text_operators() {
    let t = attr::<String>("job_title");
    assert_eq!(s(t.eq("CTO")), r#"{"job_title":{"$eq":"CTO"}}"#);
    assert_eq!(
        s(t.in_(["CTO", "CEO"])),
        r#"{"job_title":{"$in":["CTO","CEO"]}}"#
    );
    assert_eq!(s(t.contains("T")), r#"{"job_title":{"$contains":"T"}}"#);
    assert_eq!(
        s(t.starts_with("C")),
        r#"{"job_title":{"$starts_with":"C"}}"#
    );
    assert_eq!(s(t.ends_with("O")), r#"{"job_title":{"$ends_with":"O"}}"#);
}

#[test]
fn ordered_operators() {
    assert_eq!(s(attr::<f64>("score").gt(2.5)), r#"{"score":{"$gt":2.5}}"#);
    assert_eq!(s(attr::<f64>("score").eq(3)), r#"{"score":{"$eq":3.0}}"#);
    assert_eq!(s(attr::<i64>("count").lte(7)), r#"{"count":{"$lte":7}}"#);
    assert_eq!(
        s(attr::<Currency>("value").gte(99.5)),
        r#"{"value":{"$gte":99.5}}"#
    );
    let four = Rating::new(4).unwrap();
    assert_eq!(
        s(attr::<Rating>("stars").lt(four)),
        r#"{"stars":{"$lt":4}}"#
    );
    assert_eq!(
        s(attr::<Rating>("stars").eq(four)),
        r#"{"stars":{"$eq":4}}"#
    );
    let d = Date::from_ymd_opt(2024, 1, 2).unwrap();
    assert_eq!(
        s(attr::<Date>("founded").gte(d)),
        r#"{"founded":{"$gte":"2024-01-02"}}"#
    );
    let t: Timestamp = "2024-01-02T03:04:05.123456789Z".parse().unwrap();
    assert_eq!(
        s(attr::<Timestamp>("created_at").lt(t)),
        r#"{"created_at":{"$lt":"2024-01-02T03:04:05.123456789Z"}}"#
    );
}

#[test]
fn equality_only_types() {
    assert_eq!(
        s(attr::<bool>("active").eq(true)),
        r#"{"active":{"$eq":true}}"#
    );
    assert_eq!(
        s(attr::<Status>("stage").eq("Won 🎉")),
        r#"{"stage":{"$eq":"Won 🎉"}}"#
    );
    assert_eq!(
        s(attr::<SelectOption>("categories").eq("SaaS")),
        r#"{"categories":{"$eq":"SaaS"}}"#
    );
    let id = Uuid::nil();
    assert_eq!(
        s(attr::<RecordRef<Company>>("company").eq(id)),
        r#"{"company":{"target_record_id":{"$eq":"00000000-0000-0000-0000-000000000000"}}}"#
    );
    assert_eq!(
        s(attr::<RecordRef<Company>>("company").in_([id])),
        r#"{"company":{"target_record_id":{"$in":["00000000-0000-0000-0000-000000000000"]}}}"#
    );
    assert_eq!(
        s(attr::<ActorRef>("owner").eq(id)),
        r#"{"owner":{"referenced_actor_id":"00000000-0000-0000-0000-000000000000","referenced_actor_type":"workspace-member"}}"#
    );
}

#[test]
fn default_properties_and_accessors() {
    let email: Attr<Person, EmailAddress, Unique> = Attr::__new("email_addresses");
    assert_eq!(
        s(email.eq("a@b.com")),
        r#"{"email_addresses":{"email_address":{"$eq":"a@b.com"}}}"#
    );
    assert_eq!(
        s(email.email_domain().eq("b.com")),
        r#"{"email_addresses":{"email_domain":{"$eq":"b.com"}}}"#
    );
    let name = attr::<PersonalName>("name");
    assert_eq!(
        s(name.contains("Jo")),
        r#"{"name":{"full_name":{"$contains":"Jo"}}}"#
    );
    assert_eq!(
        s(name.last_name().eq("Smith")),
        r#"{"name":{"last_name":{"$eq":"Smith"}}}"#
    );
    assert_eq!(
        s(name.is_not_empty()),
        r#"{"name":{"full_name":{"$not_empty":true}}}"#
    );
    assert_eq!(
        s(name.first_name().is_not_empty()),
        r#"{"name":{"first_name":{"$not_empty":true}}}"#
    );
    let domains = attr::<Domain>("domains");
    assert_eq!(
        s(domains.root_domain().ends_with(".com")),
        r#"{"domains":{"root_domain":{"$ends_with":".com"}}}"#
    );
    let phones = attr::<PhoneNumber>("phone_numbers");
    assert_eq!(
        s(phones.starts_with("+44")),
        r#"{"phone_numbers":{"phone_number":{"$starts_with":"+44"}}}"#
    );
    assert_eq!(
        s(phones.country_code().is_not_empty()),
        r#"{"phone_numbers":{"country_code":{"$not_empty":true}}}"#
    );
    let loc = attr::<Location>("primary_location");
    assert_eq!(
        s(loc.locality().eq("London")),
        r#"{"primary_location":{"locality":{"$eq":"London"}}}"#
    );
    assert_eq!(
        s(loc.country_code().starts_with("G")),
        r#"{"primary_location":{"country_code":{"$starts_with":"G"}}}"#
    );
    let stage = attr::<Status>("stage");
    let t: Timestamp = "2024-01-02T00:00:00Z".parse().unwrap();
    assert_eq!(
        s(stage.active_from().gte(t)),
        r#"{"stage":{"active_from":{"$gte":"2024-01-02T00:00:00.000000000Z"}}}"#
    );
    let last = attr::<Interaction>("last_interaction");
    assert_eq!(
        s(last.interaction_type().eq(InteractionType::Email.as_str())),
        r#"{"last_interaction":{"interaction_type":{"$eq":"email"}}}"#
    );
    assert_eq!(
        s(last.interacted_at().gt(t)),
        r#"{"last_interaction":{"interacted_at":{"$gt":"2024-01-02T00:00:00.000000000Z"}}}"#
    );
}

#[test]
fn logic_flattens() {
    let t = attr::<String>("job_title");
    let a = t.eq("A");
    let b = t.eq("B");
    let c = t.eq("C");
    assert_eq!(
        s(a.clone().and(b.clone()).and(c.clone())),
        r#"{"$and":[{"job_title":{"$eq":"A"}},{"job_title":{"$eq":"B"}},{"job_title":{"$eq":"C"}}]}"#
    );
    assert_eq!(
        s(a.clone().or(b.clone().or(c.clone()))),
        r#"{"$or":[{"job_title":{"$eq":"A"}},{"job_title":{"$eq":"B"}},{"job_title":{"$eq":"C"}}]}"#
    );
    assert_eq!(
        s(a.clone().and(b.clone().or(c.clone()))),
        r#"{"$and":[{"job_title":{"$eq":"A"}},{"$or":[{"job_title":{"$eq":"B"}},{"job_title":{"$eq":"C"}}]}]}"#
    );
    assert_eq!(s(!a.clone()), r#"{"$not":{"job_title":{"$eq":"A"}}}"#);
    assert_eq!(a.clone().not(), !a.clone());
    assert_eq!(s(Filter::<Person>::all([])), r#"{"$and":[]}"#);
    assert_eq!(
        s(Filter::any([a, b])),
        r#"{"$or":[{"job_title":{"$eq":"A"}},{"job_title":{"$eq":"B"}}]}"#
    );
}

#[test]
fn sorts() {
    let name = attr::<PersonalName>("name");
    assert_eq!(
        name.asc().to_string(),
        r#"{"attribute":"name","direction":"asc"}"#
    );
    assert_eq!(
        name.last_name().desc().to_string(),
        r#"{"attribute":"name","direction":"desc","field":"last_name"}"#
    );
    assert_eq!(
        name.asc_by("first_name").to_string(),
        r#"{"attribute":"name","direction":"asc","field":"first_name"}"#
    );
}
