//! List entries without a client: `#[derive(AttioEntry)]`, the entry bodies of
//! `attio_core::json`, `Entry<T>` decoded straight from the bytes, decode errors that name
//! the list and the entry, and typed filters and sorts on list attributes.

use attio_core::values::{ActorRef, Currency, SelectOption, Status, Timestamp, Tracked};
use attio_core::{
    AttioEntry, AttioEntryUpdate, AttioRecord, Entry, Error, Filter, ModelKind, RecordRef, Sort,
    json,
};

#[derive(AttioRecord, Debug, Clone, PartialEq)]
#[attio(object = "companies")]
struct Company {
    name: Option<String>,
}

/// An entry of the `sales` list.
#[derive(AttioEntry, Debug, Clone, PartialEq)]
#[attio(list = "sales")]
struct Deal {
    stage: Option<Status>,
    amount: Option<Currency>,
    tags: Vec<SelectOption>,
    #[attio(rename = "owner")]
    deal_owner: Option<ActorRef>,
    #[attio(read_only)]
    created_at: Option<Timestamp>,
}

/// The same list, with a required field.
#[derive(AttioEntry, Debug)]
#[attio(list = "sales")]
struct StrictDeal {
    stage: Status,
}

const WORKSPACE: &str = "14beef7a-99f7-4534-a87e-70b564330a4c";
const LIST: &str = "33ebdbe9-e529-47c9-b894-0ba25e9c15c0";
const ENTRY: &str = "2e6e29ea-c4e0-4f44-842d-78a891f8c156";
const PARENT: &str = "891dcbfc-9141-415d-9b2a-2238a6cc012d";

/// An entry object with `tail` after `created_at` (e.g. `,"entry_values":{…}`).
fn entry(tail: &str) -> String {
    format!(
        r#"{{"id":{{"workspace_id":"{WORKSPACE}","list_id":"{LIST}","entry_id":"{ENTRY}"}},"parent_record_id":"{PARENT}","parent_object":"companies","created_at":"2022-11-21T13:22:49.061281000Z"{tail}}}"#
    )
}

fn stage(title: &str) -> String {
    format!(
        r#"{{"active_from":"2023-01-01T15:00:00.000000000Z","active_until":null,"created_by_actor":{{"type":"workspace-member","id":"50cf242c-7fa3-4cad-87d0-75b1af71c57b"}},"status":{{"id":{{"workspace_id":"{WORKSPACE}","object_id":"{LIST}","attribute_id":"e350362f-4b55-4c0f-93f4-379ae8ff2e5b","status_id":"527def35-7994-4ef7-9584-80ef8de352a8"}},"title":"{title}","is_archived":false,"target_time_in_status":null,"celebration_enabled":false}},"attribute_type":"status"}}"#
    )
}

fn values(stage_title: &str) -> String {
    format!(
        r#","entry_values":{{"stage":[{}],"amount":[],"tags":[],"owner":[],"created_at":[]}}"#,
        stage(stage_title)
    )
}

#[test]
fn an_entry_body_names_its_parent_by_id() {
    let parent = RecordRef::<Company>::new(PARENT.parse().unwrap());
    let deal = Deal {
        stage: Some(Status::by_title("Lead")),
        amount: Some(Currency::new(attio_core::Decimal::new(12000, 1))),
        tags: vec![],
        deal_owner: None,
        created_at: None,
    };
    let body = String::from_utf8(json::encode_entry(&parent, &deal).unwrap()).unwrap();
    assert_eq!(
        body,
        format!(
            r#"{{"data":{{"parent_record_id":"{PARENT}","parent_object":"companies","entry_values":{{"stage":[{{"status":"Lead"}}],"amount":[{{"currency_value":1200.0}}]}}}}}}"#
        )
    );
    serde_json::from_str::<serde_json::Value>(&body).expect("valid JSON");
}

#[test]
fn a_parent_named_by_domain_is_refused() {
    let parent = RecordRef::<Company>::by_domain("acme.com").unwrap();
    let deal = Deal {
        stage: None,
        amount: None,
        tags: vec![],
        deal_owner: None,
        created_at: None,
    };
    let err = json::encode_entry(&parent, &deal).unwrap_err();
    let Error::InvalidValue(v) = &err else {
        panic!("expected InvalidValue, got {err:?}")
    };
    assert_eq!(v.value, "acme.com");
    assert!(err.to_string().contains("record id"), "{err}");
}

#[test]
fn an_entry_update_sends_what_was_set() {
    let update = DealUpdate::default()
        .stage(Some(Status::by_title("Won")))
        .tags(vec![]);
    assert!(!update.is_empty());
    assert_eq!(
        json::encode_entry_update(&update).unwrap(),
        br#"{"data":{"entry_values":{"stage":[{"status":"Won"}],"tags":[]}}}"#
    );
    let nothing = <Deal as AttioEntry>::Update::default();
    assert!(nothing.is_empty());
    assert_eq!(
        json::encode_entry_update(&nothing).unwrap(),
        br#"{"data":{"entry_values":{}}}"#
    );
}

#[test]
fn a_bad_value_is_refused_before_sending_and_names_the_list() {
    let update =
        DealUpdate::default().amount(Some(Currency::new(attio_core::Decimal::new(12_345, 5))));
    let err = json::encode_entry_update(&update).unwrap_err();
    let v = err.as_invalid_value().expect("a value error");
    assert_eq!(v.object, Some("sales"));
    assert_eq!(v.attribute.as_deref(), Some("amount"));
}

#[test]
fn entries_decode_straight_from_the_bytes() {
    let one = format!(r#"{{"data":{}}}"#, entry(&values("In Progress")));
    let e: Entry<Deal> = json::decode_entry(one.as_bytes()).unwrap();
    assert_eq!(e.id.workspace_id.to_string(), WORKSPACE);
    assert_eq!(e.id.list_id.to_string(), LIST);
    assert_eq!(e.entry_id().to_string(), ENTRY);
    assert_eq!(e.parent_record_id.to_string(), PARENT);
    assert_eq!(e.parent_object, "companies");
    assert_eq!(
        e.created_at,
        "2022-11-21T13:22:49.061281Z".parse::<Timestamp>().unwrap()
    );
    let stage = e.stage.as_ref().expect("a stage");
    assert_eq!(stage.title.as_deref(), Some("In Progress"));
    // On entries, a status id carries the list id under `object_id`.
    assert_eq!(
        stage.id.as_ref().unwrap().object_id.unwrap().to_string(),
        LIST
    );
    assert_eq!(e.values.amount, None);
    assert!(e.tags.is_empty());

    let many = format!(
        r#"{{"data":[{},{}]}}"#,
        entry(&values("Lead")),
        entry(&values("Won"))
    );
    let all: Vec<Entry<Deal>> = json::decode_entries(many.as_bytes()).unwrap();
    let titles: Vec<_> = all
        .iter()
        .map(|e| e.stage.as_ref().unwrap().title.clone().unwrap())
        .collect();
    assert_eq!(titles, ["Lead", "Won"]);

    // `Entry<T>: Deserialize` reads the entry object itself.
    let direct: Entry<Deal> = serde_json::from_str(&entry(&values("Lead"))).unwrap();
    assert_eq!(direct.values.stage.unwrap().title.as_deref(), Some("Lead"));
}

#[test]
fn missing_or_null_entry_values_read_as_no_values() {
    for tail in ["", r#","entry_values":null"#] {
        let body = format!(r#"{{"data":{}}}"#, entry(tail));
        let e: Entry<Deal> = json::decode_entry(body.as_bytes()).unwrap();
        assert_eq!(e.values.stage, None, "{tail}");
        assert!(e.values.tags.is_empty());
        // A required field still needs a value.
        let err = json::decode_entry::<StrictDeal>(body.as_bytes()).unwrap_err();
        let d = err.as_decode().expect("a decode error");
        assert_eq!(d.attribute.as_deref(), Some("stage"), "{err}");
    }
}

#[test]
fn decode_errors_name_the_list_the_entry_and_the_attribute() {
    let body = format!(
        r#"{{"data":[{}]}}"#,
        entry(r#","entry_values":{"stage":[],"amount":[]}"#)
    );
    let err = json::decode_entries::<StrictDeal>(body.as_bytes()).unwrap_err();
    let d = err.as_decode().expect("a decode error");
    assert_eq!(d.kind, ModelKind::Entry);
    assert_eq!(d.object, "sales");
    assert_eq!(d.entry_id.map(|id| id.to_string()).as_deref(), Some(ENTRY));
    assert_eq!(d.record_id, None);
    assert_eq!(d.attribute.as_deref(), Some("stage"));
    assert_eq!(d.path, "data[0].entry_values.stage");
    assert!(
        err.to_string().starts_with(&format!(
            "cannot decode a `sales` entry {ENTRY}, attribute `stage`"
        )),
        "{err}"
    );

    let bad_amount = format!(
        r#"{{"data":{}}}"#,
        entry(
            r#","entry_values":{"amount":[{"active_from":"2023-01-01T15:00:00Z","active_until":null,"created_by_actor":{"type":"system","id":null},"currency_value":"lots","attribute_type":"currency"}]}"#
        )
    );
    let err = json::decode_entry::<Deal>(bad_amount.as_bytes()).unwrap_err();
    let d = err.as_decode().expect("a decode error");
    assert_eq!(d.attribute.as_deref(), Some("amount"));
    assert!(
        d.path.starts_with("data.entry_values.amount[0]"),
        "{}",
        d.path
    );
}

#[test]
fn entry_history_reads_every_value() {
    let body = format!(
        r#"{{"data":[{},{}]}}"#,
        stage("Lead").replace(
            r#""active_until":null"#,
            r#""active_until":"2023-02-01T00:00:00Z""#
        ),
        stage("Won")
    );
    let history = json::decode_entry_history::<Deal, Status>(body.as_bytes()).unwrap();
    assert_eq!(history.len(), 2);
    assert!(!history[0].is_active());
    assert!(history[1].is_active());
    let titles: Vec<_> = history
        .iter()
        .map(|t: &Tracked<Status>| t.value.title.clone().unwrap())
        .collect();
    assert_eq!(titles, ["Lead", "Won"]);

    let err =
        json::decode_entry_history::<Deal, Status>(br#"{"data":[{"status":7}]}"#).unwrap_err();
    let d = err.as_decode().expect("a decode error");
    assert_eq!((d.kind, d.object), (ModelKind::Entry, "sales"));
}

#[test]
fn filters_and_sorts_are_typed_on_list_attributes() {
    let d = Deal::attrs();
    let f: Filter<Deal> = d.stage.eq("Won").and(d.amount.gte(1000.0));
    assert_eq!(
        f.to_string(),
        r#"{"$and":[{"stage":{"$eq":"Won"}},{"amount":{"$gte":1000.0}}]}"#
    );
    let s: Sort<Deal> = d.created_at.desc();
    assert_eq!(
        s.to_string(),
        r#"{"attribute":"created_at","direction":"desc"}"#
    );
    assert_eq!(d.deal_owner.slug(), "owner");
    assert_eq!(Deal::LIST, "sales");
    let row = Deal::attribute("tags").expect("a row per attribute");
    assert!(row.multiplicity.is_multiselect());
}
