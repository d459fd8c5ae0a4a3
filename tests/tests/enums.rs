//! Select and status attributes as Rust enums (`#[derive(AttioEnum)]`) against the emulator:
//! known titles map to variants, a title added after the build decodes into the catch-all,
//! writes send the title (the encoded body, and a round trip), filters by variant find the
//! right records and entries, updates take the enum, history keeps it; for a record model
//! (the standard `deals` and `companies`) and an entry model (a list built in the test).

mod common;

use attio_core::models::{NewAttribute, NewList, NewStatus, Target};
use attio_core::values::{ActorRef, SelectOption, Status, Tracked};
use attio_core::{
    AttioEntry, AttioEnum, AttioRecord, AttributeType, Client, Error, RecordRef, json,
};
use common::start;

/// The statuses of `deals.stage` in a fresh workspace, but for `Lost`, left to the
/// catch-all.
#[derive(AttioEnum, Debug, Clone, PartialEq, Eq)]
#[attio(status)]
pub enum DealStage {
    Lead,
    #[attio(title = "In Progress")]
    InProgress,
    #[attio(title = "Won 🎉")]
    Won,
    #[attio(other)]
    Other(String),
}

/// Some options of `companies.categories`, a multiselect select.
#[derive(AttioEnum, Debug, Clone, PartialEq, Eq)]
#[attio(select)]
pub enum Category {
    #[attio(title = "B2B")]
    B2b,
    #[attio(title = "SaaS")]
    Saas,
    Software,
    #[attio(other)]
    Other(String),
}

/// `deals` with a required enum stage.
#[derive(AttioRecord, Debug, Clone, PartialEq)]
#[attio(object = "deals")]
pub struct Deal {
    pub name: String,
    pub stage: DealStage,
    pub owner: ActorRef,
}

/// `deals` read with the stage's history metadata.
#[derive(AttioRecord, Debug, Clone, PartialEq)]
#[attio(object = "deals")]
pub struct TrackedDeal {
    pub name: String,
    pub stage: Option<Tracked<DealStage>>,
}

/// `deals` with the plain `Status` type, to write a status the enum does not know.
#[derive(AttioRecord, Debug, Clone, PartialEq)]
#[attio(object = "deals")]
pub struct PlainDeal {
    pub name: String,
    pub stage: Status,
    pub owner: ActorRef,
}

/// `companies` with an enum multiselect.
#[derive(AttioRecord, Debug, Clone, PartialEq)]
#[attio(object = "companies")]
pub struct Company {
    pub name: Option<String>,
    pub categories: Vec<Category>,
}

fn owner() -> ActorRef {
    ActorRef::workspace_member_by_email("owner@emulator.example.com").unwrap()
}

fn deal(name: &str, stage: DealStage) -> Deal {
    Deal {
        name: name.to_owned(),
        stage,
        owner: owner(),
    }
}

#[test]
fn the_derive_maps_titles_both_ways() {
    assert_eq!(DealStage::ATTRIBUTE_TYPE, AttributeType::Status);
    assert_eq!(Category::ATTRIBUTE_TYPE, AttributeType::Select);
    assert_eq!(DealStage::TITLES, ["Lead", "In Progress", "Won 🎉"]);
    assert_eq!(Category::TITLES, ["B2B", "SaaS", "Software"]);
    for (title, stage) in [
        ("Lead", DealStage::Lead),
        ("In Progress", DealStage::InProgress),
        ("Won 🎉", DealStage::Won),
    ] {
        assert_eq!(DealStage::from_title(title), stage);
        assert_eq!(stage.title(), title);
    }
    // Titles match exactly: another case or spelling is another option.
    assert_eq!(
        DealStage::from_title("in progress"),
        DealStage::Other("in progress".into())
    );
    assert_eq!(DealStage::from_title("Lost").title(), "Lost");
    // The attribute row carries the type and the titles, for the drift check.
    let row = Deal::attribute("stage").unwrap();
    assert_eq!(row.attribute_type, AttributeType::Status);
    assert_eq!(row.options, Some(DealStage::TITLES));
    let row = Company::attribute("categories").unwrap();
    assert_eq!(row.attribute_type, AttributeType::Select);
    assert_eq!(row.options, Some(Category::TITLES));
    assert_eq!(
        TrackedDeal::attribute("stage").unwrap().options,
        Some(DealStage::TITLES)
    );
    assert_eq!(Deal::attribute("name").unwrap().options, None);
}

#[test]
fn writes_send_the_title() {
    let body = json::encode_create(&deal("Acme", DealStage::InProgress)).unwrap();
    let body: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(
        body["data"]["values"]["stage"],
        serde_json::json!([{ "status": "In Progress" }])
    );
    // The catch-all writes the title it holds.
    let body = json::encode_create(&deal("Acme", DealStage::Other("Lost".into()))).unwrap();
    let body: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(
        body["data"]["values"]["stage"],
        serde_json::json!([{ "status": "Lost" }])
    );
    let acme = Company {
        name: None,
        categories: vec![Category::Saas, Category::Other("Robotics".into())],
    };
    let body: serde_json::Value =
        serde_json::from_slice(&json::encode_create(&acme).unwrap()).unwrap();
    assert_eq!(
        body["data"]["values"]["categories"],
        serde_json::json!([{ "option": "SaaS" }, { "option": "Robotics" }])
    );
    let update = DealUpdate::default().stage(DealStage::Won);
    assert_eq!(
        json::encode_update(&update).unwrap(),
        r#"{"data":{"values":{"stage":[{"status":"Won 🎉"}]}}}"#.as_bytes()
    );
}

#[test]
fn an_empty_catch_all_is_refused_before_sending() {
    let err = json::encode_create(&deal("Acme", DealStage::Other(" ".into()))).unwrap_err();
    assert!(matches!(err, Error::InvalidValue(_)), "{err:?}");
    let text = err.to_string();
    assert!(
        text.contains("stage") && text.contains("status title cannot be empty"),
        "{text}"
    );
}

#[test]
fn an_option_sent_by_id_only_is_a_decode_error_naming_the_attribute() {
    let body = br#"{"data":{"id":{"workspace_id":"14beef7a-99f7-4534-a87e-70b564330a4c",
      "object_id":"97052eb9-e65e-443f-a297-f2d9a4a7f795","record_id":"bf071e1f-6035-429d-b874-d83ea64ea13b"},
      "created_at":"2022-11-21T13:22:49.061281000Z","web_url":null,
      "values":{"name":[],"categories":[{"active_from":"2022-11-21T13:22:49.061281000Z","active_until":null,
      "created_by_actor":{"type":"system","id":null},"attribute_type":"select",
      "option":"08c2c59a-c18e-40c6-8dc4-95415313b2ea"}]}}}"#;
    let err = json::decode_record::<Company>(body).unwrap_err();
    let text = err.to_string();
    assert!(text.contains("categories"), "{text}");
    assert!(
        text.contains("by id only") && text.contains("08c2c59a-c18e-40c6-8dc4-95415313b2ea"),
        "{text}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn records_round_trip_and_filter_by_variant() {
    let (emu, client) = start().await;
    let mut ids = Vec::new();
    for (name, stage) in [
        ("Lead deal", DealStage::Lead),
        ("Open deal", DealStage::InProgress),
        ("Won deal", DealStage::Won),
        ("Second win", DealStage::Won),
        ("Lost deal", DealStage::Other("Lost".into())),
    ] {
        let created = client
            .create(&deal(name, stage.clone()))
            .await
            .expect("deal");
        assert_eq!(created.values.stage, stage, "{name}");
        let fetched = client.get::<Deal>(created.id.record_id).await.expect("get");
        assert_eq!(fetched.values, created.values);
        ids.push(created.id.record_id);
    }

    let won = client
        .query::<Deal>()
        .filter(|d| d.stage.eq(DealStage::Won))
        .send()
        .await
        .expect("query");
    let mut names: Vec<_> = won.iter().map(|d| d.values.name.as_str()).collect();
    names.sort();
    assert_eq!(names, ["Second win", "Won deal"]);
    let lost = client
        .query::<Deal>()
        .filter(|d| d.stage.eq(DealStage::Other("Lost".into())))
        .send()
        .await
        .expect("query");
    assert_eq!(lost.len(), 1);
    assert_eq!(lost[0].values.name, "Lost deal");

    // An update takes the enum; the history keeps every stage as the enum.
    let moved = client
        .update(ids[0], &DealUpdate::default().stage(DealStage::Won))
        .await
        .expect("update");
    assert_eq!(moved.values.stage, DealStage::Won);
    let history = client
        .history::<Deal, _, _>(ids[0], |d| d.stage)
        .await
        .expect("history");
    let stages: Vec<_> = history.iter().map(|t| t.value.clone()).collect();
    assert_eq!(stages, [DealStage::Lead, DealStage::Won]);
    let tracked = client.get::<TrackedDeal>(ids[0]).await.expect("tracked");
    let stage = tracked.values.stage.expect("a stage");
    assert_eq!(stage.value, DealStage::Won);
    assert!(stage.is_active());
    drop(emu);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_status_added_after_the_build_decodes_into_the_catch_all() {
    let (emu, client) = start().await;
    client
        .objects()
        .create_status(Target::object("deals"), "stage", &NewStatus::new("Churned"))
        .await
        .expect("status");
    // Written by a model that does not use the enum, as another program would.
    let created = client
        .create(&PlainDeal {
            name: "Old customer".into(),
            stage: Status::by_title("Churned"),
            owner: owner(),
        })
        .await
        .expect("deal");
    let read = client
        .get::<Deal>(created.id.record_id)
        .await
        .expect("an unknown status is not an error");
    assert_eq!(read.values.stage, DealStage::Other("Churned".into()));
    // …and written back by title, filtered by the catch-all.
    client
        .overwrite(
            created.id.record_id,
            &DealUpdate::default().stage(read.values.stage.clone()),
        )
        .await
        .expect("written back");
    let churned = client
        .query::<Deal>()
        .filter(|d| d.stage.eq(DealStage::Other("Churned".into())))
        .send()
        .await
        .expect("query");
    assert_eq!(churned.len(), 1);
    // A title the workspace does not have is Attio's error, naming it.
    let err = client
        .create(&deal("Typo", DealStage::Other("Wonn".into())))
        .await
        .unwrap_err();
    assert!(err.to_string().contains("Wonn"), "{err}");
    drop(emu);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_multiselect_of_options_round_trips_and_filters() {
    let (emu, client) = start().await;
    client
        .objects()
        .create_option(Target::object("companies"), "categories", "Robotics")
        .await
        .expect("option");
    let acme = client
        .create(&Company {
            name: Some("Acme".into()),
            categories: vec![
                Category::B2b,
                Category::Software,
                Category::Other("Robotics".into()),
            ],
        })
        .await
        .expect("company");
    assert_eq!(
        acme.values.categories,
        [
            Category::B2b,
            Category::Software,
            Category::Other("Robotics".into())
        ]
    );
    client
        .create(&Company {
            name: Some("Globex".into()),
            categories: vec![Category::Saas],
        })
        .await
        .expect("company");
    // An option picked by id by another program reads as its title.
    let energy = client
        .objects()
        .options(Target::object("companies"), "categories")
        .await
        .expect("options")
        .into_iter()
        .find(|o| o.title == "Energy")
        .expect("Energy");
    #[derive(AttioRecord)]
    #[attio(object = "companies")]
    struct PlainCompany {
        name: Option<String>,
        categories: Vec<SelectOption>,
    }
    let initech = client
        .create(&PlainCompany {
            name: Some("Initech".into()),
            categories: vec![SelectOption::from(energy)],
        })
        .await
        .expect("company");
    let initech = client
        .get::<Company>(initech.id.record_id)
        .await
        .expect("read");
    assert_eq!(
        initech.values.categories,
        [Category::Other("Energy".into())]
    );

    let saas = client
        .query::<Company>()
        .filter(|c| c.categories.eq(Category::Saas))
        .send()
        .await
        .expect("query");
    let names: Vec<_> = saas
        .iter()
        .filter_map(|c| c.values.name.as_deref())
        .collect();
    assert_eq!(names, ["Globex"]);
    let robots = client
        .query::<Company>()
        .filter(|c| c.categories.eq(Category::Other("Robotics".into())))
        .send()
        .await
        .expect("query");
    assert_eq!(robots.len(), 1);
    assert_eq!(robots[0].id, acme.id);
    // PATCH appends to the multiselect.
    let more = client
        .update(
            acme.id.record_id,
            &CompanyUpdate::default().categories(vec![Category::Saas]),
        )
        .await
        .expect("update");
    assert!(more.values.categories.contains(&Category::Saas));
    assert_eq!(more.values.categories.len(), 4);
    drop(emu);
}

/// A stage of the `enum_sales` list.
#[derive(AttioEnum, Debug, Clone, PartialEq, Eq)]
#[attio(status)]
pub enum PipelineStage {
    Lead,
    Qualified,
    Won,
    #[attio(other)]
    Other(String),
}

/// A priority of the `enum_sales` list.
#[derive(AttioEnum, Debug, Clone, PartialEq, Eq)]
#[attio(select)]
pub enum Priority {
    High,
    Low,
    #[attio(other)]
    Other(String),
}

/// An entry of the `enum_sales` list.
#[derive(AttioEntry, Debug, Clone, PartialEq)]
#[attio(list = "enum_sales")]
pub struct Pipeline {
    pub stage: Option<PipelineStage>,
    pub priority: Option<Tracked<Priority>>,
}

/// The `enum_sales` list of companies, with a status `stage` (Lead, Qualified, Won) and a
/// select `priority` (High, Low).
async fn enum_sales(client: &Client) {
    client
        .lists()
        .create(&NewList::new("Enum sales", "enum_sales", "companies"))
        .await
        .expect("list");
    let schema = client.objects();
    let list = Target::list("enum_sales");
    for attribute in [
        NewAttribute::new("Stage", "stage", AttributeType::Status),
        NewAttribute::new("Priority", "priority", AttributeType::Select),
    ] {
        schema
            .create_attribute(&list, &attribute)
            .await
            .expect("attribute");
    }
    for title in ["Lead", "Qualified", "Won"] {
        schema
            .create_status(&list, "stage", &NewStatus::new(title))
            .await
            .expect("status");
    }
    for title in ["High", "Low"] {
        schema
            .create_option(&list, "priority", title)
            .await
            .expect("option");
    }
}

async fn company(client: &Client, name: &str) -> RecordRef<Company> {
    let created = client
        .create(&Company {
            name: Some(name.into()),
            categories: vec![],
        })
        .await
        .expect("company");
    RecordRef::new(created.id.record_id)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn entries_round_trip_and_filter_by_variant() {
    let (emu, client) = start().await;
    enum_sales(&client).await;
    let entries = client.entries::<Pipeline>();
    let (acme, globex) = (
        company(&client, "Acme").await,
        company(&client, "Globex").await,
    );
    let body = json::encode_entry(
        &acme,
        &Pipeline {
            stage: Some(PipelineStage::Qualified),
            priority: Some(Tracked::new(Priority::High)),
        },
    )
    .unwrap();
    let body: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(
        body["data"]["entry_values"],
        serde_json::json!({"stage": [{"status": "Qualified"}], "priority": [{"option": "High"}]})
    );

    let first = entries
        .create(
            &acme,
            &Pipeline {
                stage: Some(PipelineStage::Qualified),
                priority: Some(Tracked::new(Priority::High)),
            },
        )
        .await
        .expect("entry");
    assert_eq!(first.values.stage, Some(PipelineStage::Qualified));
    assert_eq!(
        first.values.priority.as_ref().map(|p| p.value.clone()),
        Some(Priority::High)
    );
    entries
        .create(
            &globex,
            &Pipeline {
                stage: Some(PipelineStage::Lead),
                priority: None,
            },
        )
        .await
        .expect("entry");
    let moved = entries
        .update(
            first.id.entry_id,
            &PipelineUpdate::default().stage(PipelineStage::Won),
        )
        .await
        .expect("update");
    assert_eq!(moved.values.stage, Some(PipelineStage::Won));

    let won = entries
        .query()
        .filter(|d| d.stage.eq(PipelineStage::Won))
        .send()
        .await
        .expect("query");
    assert_eq!(won.len(), 1);
    assert_eq!(won[0].parent_record_id, acme.record_id().unwrap());
    let high = entries
        .query()
        .filter(|d| d.priority.eq(Priority::High))
        .send()
        .await
        .expect("query");
    assert_eq!(high.len(), 1);

    // A status added to the list later reads into the catch-all, and is written back.
    client
        .objects()
        .create_status(
            Target::list("enum_sales"),
            "stage",
            &NewStatus::new("Paused"),
        )
        .await
        .expect("status");
    #[derive(AttioEntry)]
    #[attio(list = "enum_sales")]
    struct PlainPipeline {
        stage: Option<Status>,
    }
    let paused = client
        .entries::<PlainPipeline>()
        .create(
            &globex,
            &PlainPipeline {
                stage: Some(Status::by_title("Paused")),
            },
        )
        .await
        .expect("entry");
    let read = entries.get(paused.id.entry_id).await.expect("read");
    assert_eq!(
        read.values.stage,
        Some(PipelineStage::Other("Paused".into()))
    );
    let found = entries
        .query()
        .filter(|d| d.stage.eq(PipelineStage::Other("Paused".into())))
        .send()
        .await
        .expect("query");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].id, read.id);
    drop(emu);
}
