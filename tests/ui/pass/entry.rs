//! `#[derive(AttioEntry)]`: an entry model with the field grammar of a record model, its
//! handles typed for filters and sorts, its typed update, and its bodies.

use attio_core::values::{ActorRef, Currency, SelectOption, Status, Timestamp, Tracked};
use attio_core::{
    AttioEntry, AttioEntryUpdate, AttioRecord, Entry, Filter, RecordRef, Sort, json,
};

#[derive(AttioRecord)]
#[attio(object = "companies")]
struct Company {
    name: Option<String>,
}

#[derive(AttioEntry, Debug, Clone, PartialEq)]
#[attio(list = "sales_pipeline")]
pub struct Deal {
    pub stage: Option<Tracked<Status>>,
    pub amount: Option<Currency>,
    pub tags: Vec<SelectOption>,
    #[attio(rename = "owner")]
    pub deal_owner: ActorRef,
    #[attio(unique)]
    pub code: Option<String>,
    #[attio(read_only)]
    pub created_at: Option<Timestamp>,
    #[attio(skip)]
    pub cached: Option<u32>,
}

fn takes_update<U: AttioEntryUpdate<Entry = Deal>>(_: &U) {}

fn main() {
    let d = Deal::attrs();
    let _: Filter<Deal> = d.stage.eq("Won").or(d.amount.gt(1000.0));
    let _: Sort<Deal> = d.created_at.desc();
    assert_eq!(d.deal_owner.slug(), "owner");
    assert_eq!(<Deal as AttioEntry>::LIST, "sales_pipeline");

    let update = DealUpdate::default()
        .stage(Some(Tracked::new(Status::by_title("Won"))))
        .tags(vec![SelectOption::by_title("urgent")]);
    takes_update(&update);
    assert!(json::encode_entry_update(&update).is_ok());

    let deal = Deal {
        stage: None,
        amount: Some(Currency::new(10)),
        tags: vec![],
        deal_owner: ActorRef::workspace_member(uuid::Uuid::nil()),
        code: None,
        created_at: None,
        cached: None,
    };
    let parent = RecordRef::<Company>::new(uuid::Uuid::nil());
    assert!(json::encode_entry(&parent, &deal).is_ok());
    let _ = DealUpdate::from(deal);
    let _ = json::decode_entries::<Deal>(br#"{"data":[]}"#).map(|v: Vec<Entry<Deal>>| v.len());
}
