//! The entries area: `client.entries::<E>()` against the emulator (every call, append vs
//! replace, assert by parent creating then updating, `multiple_match_results`, filters and
//! sorts on the parent record through `parent_record`, history, 404s), a stream over 1,200
//! entries, a bulk add of 300 entries under Attio's write limit, and a record's entries.

mod common;

use attio_core::models::{NewAttribute, NewList, NewStatus, Target};
use attio_core::stream::{StreamExt, TryStreamExt};
use attio_core::values::{Currency, SelectOption, Status};
use attio_core::{
    AttioEntry, AttioRecord, AttributeType, Client, ErrorCode, RateLimits, RecordRef,
};
use uuid::Uuid;

/// `companies`: only the name.
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
    tags: Vec<SelectOption>,
    amount: Option<Currency>,
}

fn deal(stage: &str) -> Deal {
    Deal {
        stage: Some(Status::by_title(stage)),
        tags: vec![],
        amount: None,
    }
}

fn stage_of(d: &Deal) -> Option<&str> {
    d.stage.as_ref().and_then(|s| s.title.as_deref())
}

fn tags_of(d: &Deal) -> Vec<String> {
    d.tags.iter().filter_map(|t| t.title.clone()).collect()
}

/// The `sales` list of companies: `stage` (Lead, Qualified, Won, Lost), a multiselect
/// `tags` (Hot, Warm, Cold) and an `amount` in USD.
async fn sales(client: &Client) {
    client
        .lists()
        .create(&NewList::new("Sales", "sales", "companies"))
        .await
        .expect("list");
    let schema = client.objects();
    let list = Target::list("sales");
    for attribute in [
        NewAttribute::new("Stage", "stage", AttributeType::Status),
        NewAttribute::new("Tags", "tags", AttributeType::Select).multiselect(),
        NewAttribute::new("Amount", "amount", AttributeType::Currency)
            .currency("USD", attio_core::models::CurrencyDisplay::Symbol),
    ] {
        schema
            .create_attribute(list.clone(), &attribute)
            .await
            .expect("attribute");
    }
    for title in ["Lead", "Qualified", "Won", "Lost"] {
        schema
            .create_status(list.clone(), "stage", &NewStatus::new(title))
            .await
            .expect("status");
    }
    for title in ["Hot", "Warm", "Cold"] {
        schema
            .create_option(list.clone(), "tags", title)
            .await
            .expect("option");
    }
}

async fn company(client: &Client, name: &str) -> RecordRef<Company> {
    let c = client
        .create(&Company {
            name: Some(name.to_owned()),
        })
        .await
        .expect("company");
    RecordRef::new(c.id.record_id)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_entry_call_round_trips() {
    let (emu, client) = common::start().await;
    sales(&client).await;
    let acme = company(&client, "Acme").await;
    let deals = client.entries::<Deal>();

    let mut lead = deal("Lead");
    lead.tags = vec![SelectOption::by_title("Hot")];
    lead.amount = Some(Currency::new(attio_core::Decimal::new(12005, 1)));
    let created = deals.create(&acme, &lead).await.expect("create");
    assert_eq!(Some(created.parent_record_id), acme.record_id());
    assert_eq!(created.parent_object, "companies");
    assert_eq!(stage_of(&created.values), Some("Lead"));
    assert_eq!(tags_of(&created.values), ["Hot"]);
    assert_eq!(
        created.values.amount.as_ref().map(|a| a.currency_value),
        Some(attio_core::Decimal::new(12005, 1))
    );
    assert_eq!(emu.entries("sales").len(), 1);
    let id = created.id.entry_id;

    let got = deals.get(id).await.expect("get");
    assert_eq!(got, created);

    // PATCH appends to a multiselect; PUT replaces it.
    let patched = deals
        .update(
            id,
            &DealUpdate::default().tags(vec![SelectOption::by_title("Warm")]),
        )
        .await
        .expect("patch");
    let mut tags = tags_of(&patched.values);
    tags.sort();
    assert_eq!(tags, ["Hot", "Warm"]);
    assert_eq!(stage_of(&patched.values), Some("Lead"), "untouched");

    let put = deals
        .overwrite(
            id,
            &DealUpdate::default().tags(vec![SelectOption::by_title("Cold")]),
        )
        .await
        .expect("put");
    assert_eq!(tags_of(&put.values), ["Cold"]);
    assert_eq!(stage_of(&put.values), Some("Lead"), "not sent, so kept");

    // The record's entries across lists.
    let of = client.entries_of(&acme).await.expect("entries of");
    assert_eq!(of.len(), 1);
    assert_eq!(of[0].entry_id, id);
    assert_eq!(of[0].list_api_slug, "sales");
    assert_eq!(of[0].list_id, created.id.list_id);

    deals.delete(id).await.expect("delete");
    assert!(emu.entries("sales").is_empty());
    let gone = deals.get(id).await.unwrap_err();
    assert!(gone.is_not_found(), "{gone}");
    let again = deals.delete(id).await.unwrap_err();
    assert!(again.is_not_found(), "{again}");
    let missing = deals
        .update(Uuid::new_v4(), &DealUpdate::default().stage(None))
        .await
        .unwrap_err();
    assert!(missing.is_not_found(), "{missing}");
    assert!(client.entries_of(&acme).await.expect("none").is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn assert_by_parent_creates_then_updates_then_cannot_choose() {
    let (emu, client) = common::start().await;
    sales(&client).await;
    let acme = company(&client, "Acme").await;
    let deals = client.entries::<Deal>();

    let first = deals.assert(&acme, &deal("Lead")).await.expect("created");
    let second = deals.assert(&acme, &deal("Won")).await.expect("updated");
    assert_eq!(first.id, second.id);
    assert_eq!(stage_of(&second.values), Some("Won"));
    assert_eq!(emu.entries("sales").len(), 1);

    // A second entry of the same parent: an assert by parent cannot choose.
    deals
        .create(&acme, &deal("Lead"))
        .await
        .expect("second entry");
    let e = deals.assert(&acme, &deal("Lost")).await.unwrap_err();
    assert!(e.is_multiple_match(), "{e:?}");
    assert_eq!(e.code(), Some(&ErrorCode::MultipleMatchResults));
    assert_eq!(e.status(), Some(400));
    let shown = e.to_string();
    assert!(
        shown.contains("PUT /v2/lists/sales/entries")
            && shown.contains("several entries in this list"),
        "{shown}"
    );
    assert_eq!(emu.entries("sales").len(), 2, "nothing written");

    // A parent named by domain is refused before sending.
    let by_domain = RecordRef::<Company>::by_domain("acme.example").expect("domain");
    let refused = deals.create(&by_domain, &deal("Lead")).await.unwrap_err();
    assert!(
        matches!(refused, attio_core::Error::InvalidValue(_)),
        "{refused:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn filters_and_sorts_on_the_list_and_on_the_parent_record() {
    let (_emu, client) = common::start().await;
    sales(&client).await;
    let deals = client.entries::<Deal>();
    for (name, stage) in [
        ("Acme", "Won"),
        ("Bolt", "Lead"),
        ("Crux", "Won"),
        ("Acorn", "Lost"),
    ] {
        let c = company(&client, name).await;
        deals.create(&c, &deal(stage)).await.expect("entry");
    }
    let names = |page: &[attio_core::Entry<Deal>], by_parent: &[(Uuid, &str)]| -> Vec<String> {
        page.iter()
            .map(|e| {
                by_parent
                    .iter()
                    .find(|(id, _)| *id == e.parent_record_id)
                    .map(|(_, n)| (*n).to_owned())
                    .unwrap_or_default()
            })
            .collect()
    };
    let companies: Vec<(Uuid, String)> = client
        .query::<Company>()
        .send()
        .await
        .expect("companies")
        .into_iter()
        .map(|c| (c.id.record_id, c.values.name.unwrap_or_default()))
        .collect();
    let by_parent: Vec<(Uuid, &str)> = companies.iter().map(|(id, n)| (*id, n.as_str())).collect();

    // On the parent's name, through the parent_record path.
    let query = deals
        .query()
        .filter_parent::<Company>(|c| c.name.eq("Acme"));
    let body: serde_json::Value = serde_json::from_slice(&query.to_body()).expect("json");
    assert_eq!(
        body["filter"],
        serde_json::json!({
            "path": [["sales", "parent_record"], ["companies", "name"]],
            "constraints": {"$eq": "Acme"}
        })
    );
    let acme = query.send().await.expect("parent filter");
    assert_eq!(names(&acme, &by_parent), ["Acme"]);

    // A list filter and a parent filter together, sorted by the parent's name.
    let won = deals
        .query()
        .filter(|d| d.stage.eq("Won"))
        .sort_parent::<Company>(|c| c.name.desc())
        .send()
        .await
        .expect("won");
    assert_eq!(names(&won, &by_parent), ["Crux", "Acme"]);

    let a_names = deals
        .query()
        .filter_parent::<Company>(|c| c.name.starts_with("Ac"))
        .sort_parent::<Company>(|c| c.name.asc())
        .send()
        .await
        .expect("starts with");
    assert_eq!(names(&a_names, &by_parent), ["Acme", "Acorn"]);

    // limit and offset over a parent sort.
    let second = deals
        .query()
        .sort_parent::<Company>(|c| c.name.asc())
        .limit(1)
        .offset(1)
        .send()
        .await
        .expect("page");
    assert_eq!(names(&second, &by_parent), ["Acorn"]);

    // By the parent's record id.
    let (bolt_id, _) = by_parent.iter().find(|(_, n)| *n == "Bolt").expect("bolt");
    let bolt = deals
        .query()
        .filter_parent::<Company>(|_| attio_core::Filter::record_id_in([*bolt_id]))
        .send()
        .await
        .expect("by id");
    assert_eq!(names(&bolt, &by_parent), ["Bolt"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn history_after_two_stage_changes() {
    let (_emu, client) = common::start().await;
    sales(&client).await;
    let acme = company(&client, "Acme").await;
    let deals = client.entries::<Deal>();
    let id = deals
        .create(&acme, &deal("Lead"))
        .await
        .expect("entry")
        .id
        .entry_id;
    for stage in ["Qualified", "Won"] {
        deals
            .update(
                id,
                &DealUpdate::default().stage(Some(Status::by_title(stage))),
            )
            .await
            .expect("stage");
    }
    let history = deals.history(id, |d| d.stage).await.expect("history");
    let titles: Vec<_> = history
        .iter()
        .map(|t| t.value.title.clone().unwrap_or_default())
        .collect();
    assert_eq!(titles, ["Lead", "Qualified", "Won"]);
    assert!(history[..2].iter().all(|t| t.active_until.is_some()));
    assert_eq!(history[2].active_until, None);

    let e = deals
        .history(Uuid::new_v4(), |d| d.stage)
        .await
        .unwrap_err();
    assert!(e.is_not_found(), "{e}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stream_reads_1200_entries_page_by_page() {
    let (emu, client) = common::start().await;
    sales(&client).await;
    let parents: Vec<_> = client
        .create_many((0..1200).map(|i| Company {
            name: Some(format!("Company {i:04}")),
        }))
        .concurrency(16)
        .await
        .into_iter()
        .map(|r| RecordRef::<Company>::new(r.expect("company").id.record_id))
        .collect();
    let added = client
        .entries::<Deal>()
        .create_many(parents.into_iter().map(|p| (p, deal("Lead"))))
        .concurrency(16)
        .await;
    assert!(added.iter().all(Result::is_ok));
    assert_eq!(emu.entries("sales").len(), 1200);

    let reads = emu.stats().read_requests;
    let all: Vec<_> = client
        .entries::<Deal>()
        .query()
        .stream()
        .try_collect()
        .await
        .expect("stream");
    assert_eq!(all.len(), 1200);
    let mut ids: Vec<_> = all.iter().map(|e| e.id.entry_id).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 1200, "no entry twice");
    // Pages of 500: 500, 500, 200.
    assert_eq!(emu.stats().read_requests - reads, 3);

    let smaller: Vec<_> = client
        .entries::<Deal>()
        .query()
        .limit(400)
        .offset(100)
        .stream()
        .try_collect()
        .await
        .expect("stream from 100");
    assert_eq!(smaller.len(), 1100);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bulk_add_of_300_entries_gets_no_429() {
    let (emu, setup) = common::start().await;
    sales(&setup).await;
    let parents: Vec<_> = setup
        .create_many((0..300).map(|i| Company {
            name: Some(format!("Bulk {i}")),
        }))
        .await
        .into_iter()
        .map(|r| RecordRef::<Company>::new(r.expect("company").id.record_id))
        .collect();

    // Attio's limits from here on, and a client pacing itself by them.
    emu.set_rate_limits(Some(attio_emulator::RateLimits::default()));
    let before = emu.stats();
    let client = Client::builder()
        .api_key(emu.api_key())
        .base_url(emu.base_url())
        .rate_limits(RateLimits::default())
        .build()
        .expect("client");
    let mut seen = Vec::new();
    let progress = std::sync::Arc::new(std::sync::Mutex::new(0usize));
    let counter = std::sync::Arc::clone(&progress);
    let results = client
        .entries::<Deal>()
        .create_many(parents.iter().cloned().map(|p| (p, deal("Lead"))))
        .concurrency(8)
        .on_progress(move |p| *counter.lock().expect("lock") = p.done)
        .await;
    assert_eq!(results.len(), 300);
    for (parent, result) in parents.iter().zip(&results) {
        let entry = result.as_ref().expect("entry");
        assert_eq!(
            Some(entry.parent_record_id),
            parent.record_id(),
            "in input order"
        );
        seen.push(entry.id.entry_id);
    }
    assert_eq!(*progress.lock().expect("lock"), 300);
    let after = emu.stats();
    assert_eq!(after.total_429(), before.total_429(), "{after:?}");
    assert_eq!(after.write_requests - before.write_requests, 300);
    assert_eq!(emu.entries("sales").len(), 300);

    // assert_many on the same parents updates those entries, adding none.
    let asserted = client
        .entries::<Deal>()
        .assert_many(parents.iter().take(20).cloned().map(|p| (p, deal("Won"))))
        .await;
    for (result, id) in asserted.iter().zip(&seen) {
        let entry = result.as_ref().expect("assert");
        assert_eq!(entry.id.entry_id, *id);
        assert_eq!(stage_of(&entry.values), Some("Won"));
    }
    assert_eq!(emu.entries("sales").len(), 300);
    assert_eq!(emu.stats().total_429(), before.total_429());
}

/// The `sales` list read by a model whose `stage` is required.
#[derive(AttioEntry, Debug, Clone, PartialEq)]
#[attio(list = "sales")]
struct StagedDeal {
    stage: Status,
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_entry_the_model_cannot_hold_is_named_beside_the_others() {
    let (_emu, client) = common::start().await;
    sales(&client).await;
    let deals = client.entries::<Deal>();
    let mut bad = None;
    for (i, stage) in [Some("Lead"), None, Some("Won")].into_iter().enumerate() {
        let c = company(&client, &format!("C{i}")).await;
        let d = Deal {
            stage: stage.map(Status::by_title),
            tags: vec![],
            amount: None,
        };
        let e = deals.create(&c, &d).await.expect("entry");
        if stage.is_none() {
            bad = Some(e.id.entry_id);
        }
    }
    let bad = bad.expect("the entry without a stage");
    let staged = client.entries::<StagedDeal>();

    let all_or_nothing = staged.query().send().await.unwrap_err();
    assert!(
        all_or_nothing.to_string().contains(&bad.to_string()),
        "{all_or_nothing}"
    );

    let page = staged.query().send_page().await.expect("page");
    assert_eq!(page.items.len(), 2);
    assert_eq!(page.failures.len(), 1);
    assert_eq!(page.failures[0].entry_id, Some(bad));
    assert_eq!(page.failures[0].attribute.as_deref(), Some("stage"));

    // A stream yields the bad entry as its error and goes on; pages of 1 count it too.
    let items: Vec<_> = staged.query().limit(1).stream().collect().await;
    assert_eq!(items.len(), 3);
    let failed: Vec<_> = items.iter().filter_map(|r| r.as_ref().err()).collect();
    assert_eq!(failed.len(), 1);
    assert_eq!(failed[0].as_decode().and_then(|d| d.entry_id), Some(bad));
}
