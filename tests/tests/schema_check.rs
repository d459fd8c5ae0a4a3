//! The drift check, `client.check_schema::<T>()`, against the emulator: a model with every
//! kind of mismatch (on a custom object built in the test) gets a report naming each one;
//! the README's and the tests' models of the standard objects, and an entry model, get an
//! empty one; the report's `Display`, `assert_ok`, `into_result` and `assert_all`.

mod common;

use attio_core::models::{
    AttributeUpdate, MismatchKind, NewAttribute, NewList, NewObject, NewStatus, Target,
};
use attio_core::values::{ActorRef, EmailAddress, PersonalName, Status, Timestamp};
use attio_core::{
    AttioEntry, AttioEnum, AttioRecord, AttributeType, Client, ModelKind, SchemaReport,
};
use common::start;

/// The README's model of `people`.
#[derive(AttioRecord, Debug)]
#[attio(object = "people")]
struct ReadmePerson {
    #[attio(unique)]
    email_addresses: Vec<EmailAddress>,
    name: Option<PersonalName>,
    job_title: Option<String>,
}

/// The options of the `tags` multiselect of `projects`.
#[derive(AttioEnum, Debug, Clone, PartialEq, Eq)]
#[attio(select)]
enum Tag {
    Hot,
    /// Archived in some workspaces.
    Stale,
    /// No such option.
    Urgent,
    #[attio(other)]
    Other(String),
}

/// The statuses of `phase` on `projects`.
#[derive(AttioEnum, Debug, Clone, PartialEq, Eq)]
#[attio(status)]
enum Phase {
    Planned,
    #[attio(title = "In flight")]
    InFlight,
    /// No such status.
    Done,
    #[attio(other)]
    Other(String),
}

/// A model of `projects` with one of each mismatch, and fields that match.
#[derive(AttioRecord, Debug)]
#[attio(object = "projects")]
#[allow(dead_code)]
struct DriftedProject {
    /// Matches: a required text.
    name: String,
    /// No such attribute.
    ghost: Option<String>,
    /// Archived.
    old_notes: Option<String>,
    /// A number attribute.
    budget: Option<String>,
    /// A single text.
    owner_name: Vec<String>,
    /// A multiselect: one value, and enum titles compared.
    tags: Option<Tag>,
    /// Not required.
    summary: String,
    /// Not unique.
    #[attio(unique)]
    code: Option<String>,
    /// Written, on a read-only attribute.
    created_at: Option<Timestamp>,
    /// Matches but for the title `Done`.
    phase: Option<Phase>,
    /// Matches: read-only, left unwritten.
    #[attio(read_only)]
    created_by: Option<ActorRef>,
}

/// The same object, modelled as it is.
#[derive(AttioRecord, Debug)]
#[attio(object = "projects")]
#[allow(dead_code)]
struct Project {
    name: String,
    budget: Option<f64>,
    owner_name: Option<String>,
    tags: Vec<Tag2>,
    summary: Option<String>,
    code: Option<String>,
    phase: Option<Phase2>,
    #[attio(read_only)]
    created_at: Option<Timestamp>,
}

#[derive(AttioEnum, Debug, Clone, PartialEq, Eq)]
#[attio(select)]
enum Tag2 {
    Hot,
    #[attio(other)]
    Other(String),
}

#[derive(AttioEnum, Debug, Clone, PartialEq, Eq)]
#[attio(status)]
enum Phase2 {
    Planned,
    #[attio(title = "In flight")]
    InFlight,
    #[attio(other)]
    Other(String),
}

/// `projects`: a required `name`, `budget` (number), `owner_name` (text), `tags` (a
/// multiselect: Hot, Stale, Cold), `summary` (text), `code` (text), `phase`
/// (status: Planned, In flight) and an archived `old_notes`.
async fn projects(client: &Client) {
    let schema = client.objects();
    schema
        .create(&NewObject::new("projects", "Project", "Projects"))
        .await
        .expect("object");
    let projects = Target::object("projects");
    for attribute in [
        NewAttribute::new("Name", "name", AttributeType::Text).required(),
        NewAttribute::new("Old notes", "old_notes", AttributeType::Text),
        NewAttribute::new("Budget", "budget", AttributeType::Number),
        NewAttribute::new("Owner name", "owner_name", AttributeType::Text),
        NewAttribute::new("Tags", "tags", AttributeType::Select).multiselect(),
        NewAttribute::new("Summary", "summary", AttributeType::Text),
        NewAttribute::new("Code", "code", AttributeType::Text),
        NewAttribute::new("Phase", "phase", AttributeType::Status),
    ] {
        schema
            .create_attribute(&projects, &attribute)
            .await
            .expect("attribute");
    }
    schema
        .update_attribute(
            &projects,
            "old_notes",
            &AttributeUpdate::default().archived(true),
        )
        .await
        .expect("archived");
    for title in ["Hot", "Stale", "Cold"] {
        schema
            .create_option(&projects, "tags", title)
            .await
            .expect("option");
    }
    for title in ["Planned", "In flight"] {
        schema
            .create_status(&projects, "phase", &NewStatus::new(title))
            .await
            .expect("status");
    }
}

fn kinds(report: &SchemaReport, field: &str) -> Vec<MismatchKind> {
    report
        .mismatches()
        .iter()
        .filter(|m| m.field == field)
        .map(|m| m.kind.clone())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_kind_of_mismatch_is_named() {
    let (emu, client) = start().await;
    projects(&client).await;
    let report = client
        .check_schema::<DriftedProject>()
        .await
        .expect("checked");
    assert!(!report.is_ok());
    assert_eq!(report.model(), "DriftedProject");
    assert_eq!(report.kind(), ModelKind::Record);
    assert_eq!(report.slug(), "projects");
    assert_eq!(kinds(&report, "name"), []);
    assert_eq!(kinds(&report, "ghost"), [MismatchKind::Missing]);
    assert_eq!(kinds(&report, "old_notes"), [MismatchKind::Archived]);
    assert_eq!(
        kinds(&report, "budget"),
        [MismatchKind::WrongType {
            model: AttributeType::Text,
            live: "number".into()
        }]
    );
    assert_eq!(kinds(&report, "owner_name"), [MismatchKind::ManyOnSingle]);
    assert_eq!(
        kinds(&report, "tags"),
        [
            MismatchKind::SingleOnMany,
            MismatchKind::UnknownTitle { title: "Urgent" },
        ]
    );
    assert_eq!(
        kinds(&report, "summary"),
        [MismatchKind::RequiredOnOptional]
    );
    assert_eq!(kinds(&report, "code"), [MismatchKind::UniqueOnNotUnique]);
    assert_eq!(
        kinds(&report, "created_at"),
        [MismatchKind::WritableOnReadOnly]
    );
    assert_eq!(
        kinds(&report, "phase"),
        [MismatchKind::UnknownTitle { title: "Done" }]
    );
    assert_eq!(kinds(&report, "created_by"), []);
    assert_eq!(report.mismatches().len(), 10);
    for m in report.mismatches() {
        assert_eq!(m.slug, m.field, "no field is renamed here");
    }

    // One line per mismatch, each naming the field and what to change.
    let text = report.to_string();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "`DriftedProject` does not match the object `projects` (10 mismatches):"
    );
    assert_eq!(lines.len(), 11, "{text}");
    for (line, m) in lines[1..].iter().zip(report.mismatches()) {
        assert!(line.contains(&format!("field `{}`", m.field)), "{line}");
    }
    for expected in [
        "field `ghost`: no attribute has the slug `ghost`",
        "field `old_notes`: the attribute `old_notes` is archived",
        "field `budget`: the field holds `text` values but the attribute is `number`",
        "field `owner_name`: the field is a `Vec` but `owner_name` holds one value: make it an `Option<T>`",
        "field `tags`: `tags` is multiselect but the field holds one value: make it a `Vec<T>`",
        "field `tags`: no option or status of `tags` has the title \"Urgent\"",
        "field `summary`: the field is required (`T`) but `summary` is not: make it an `Option<T>`",
        "field `code`: the field is `#[attio(unique)]` but `code` is not unique: remove `unique`",
        "field `created_at`: the field is written but `created_at` is read-only in Attio: mark it `#[attio(read_only)]`",
        "field `phase`: no option or status of `phase` has the title \"Done\"",
    ] {
        assert!(text.contains(expected), "{expected}\nnot in\n{text}");
    }

    // The one-line asserts.
    let panic = std::panic::catch_unwind(|| report.assert_ok()).unwrap_err();
    let message = panic.downcast_ref::<String>().expect("a formatted panic");
    assert_eq!(message, &text);
    let err = report.clone().into_result().unwrap_err();
    assert_eq!(err, report);
    let boxed: Box<dyn std::error::Error> = Box::new(err);
    assert_eq!(boxed.to_string(), text);

    // The same object, modelled as it is.
    let fixed = client.check_schema::<Project>().await.expect("checked");
    assert!(fixed.is_ok(), "{fixed}");
    assert_eq!(fixed.to_string(), "`Project` matches the object `projects`");
    fixed.assert_ok();
    fixed.clone().into_result().expect("ok");
    let all = std::panic::catch_unwind(|| SchemaReport::assert_all([&fixed, &report])).unwrap_err();
    assert_eq!(all.downcast_ref::<String>(), Some(&text));
    SchemaReport::assert_all([&fixed, &fixed]);
    drop(emu);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_option_added_in_the_workspace_clears_its_variant() {
    let (emu, client) = start().await;
    projects(&client).await;
    let schema = client.objects();
    let projects = Target::object("projects");
    schema
        .create_status(&projects, "phase", &NewStatus::new("Cancelled"))
        .await
        .expect("status");
    schema
        .create_option(&projects, "tags", "Urgent")
        .await
        .expect("option");
    let report = client
        .check_schema::<DriftedProject>()
        .await
        .expect("checked");
    assert_eq!(kinds(&report, "tags"), [MismatchKind::SingleOnMany]);
    assert_eq!(
        kinds(&report, "phase"),
        [MismatchKind::UnknownTitle { title: "Done" }]
    );
    let project = client.check_schema::<Project>().await.expect("checked");
    assert!(project.is_ok(), "{project}");
    drop(emu);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_models_of_the_standard_objects_match_a_fresh_workspace() {
    let (emu, client) = start().await;
    let reports = [
        client.check_schema::<ReadmePerson>().await.expect("people"),
        client
            .check_schema::<common::Person>()
            .await
            .expect("people"),
        client
            .check_schema::<common::Company>()
            .await
            .expect("companies"),
        client.check_schema::<common::Deal>().await.expect("deals"),
        client.check_schema::<common::User>().await.expect("users"),
        client
            .check_schema::<common::Workspace>()
            .await
            .expect("workspaces"),
    ];
    SchemaReport::assert_all(&reports);
    assert_eq!(
        reports[0].to_string(),
        "`ReadmePerson` matches the object `people`"
    );

    // `DocumentedPerson` models the documented create body, which names the company twice:
    // `company` is single-valued on people.
    let documented = client
        .check_schema::<common::DocumentedPerson>()
        .await
        .expect("people");
    assert_eq!(kinds(&documented, "company"), [MismatchKind::ManyOnSingle]);
    assert_eq!(documented.mismatches().len(), 1, "{documented}");

    // `T` on attributes Attio does not require (system ones included), and writable
    // fields on read-only ones.
    #[derive(AttioRecord)]
    #[attio(object = "people")]
    #[allow(dead_code)]
    struct Required {
        created_at: Timestamp,
        #[attio(read_only)]
        created_by: ActorRef,
        avatar_url: Option<String>,
    }
    let report = client.check_schema::<Required>().await.expect("people");
    assert_eq!(
        kinds(&report, "created_at"),
        [
            MismatchKind::RequiredOnOptional,
            MismatchKind::WritableOnReadOnly
        ]
    );
    assert_eq!(
        kinds(&report, "created_by"),
        [MismatchKind::RequiredOnOptional]
    );
    assert_eq!(
        kinds(&report, "avatar_url"),
        [MismatchKind::WritableOnReadOnly]
    );
    drop(emu);
}

/// A stage of the `drift_sales` list.
#[derive(AttioEnum, Debug, Clone, PartialEq, Eq)]
#[attio(status)]
enum Stage {
    Lead,
    Won,
    #[attio(other)]
    Other(String),
}

/// An entry of `drift_sales`, as it is.
#[derive(AttioEntry, Debug)]
#[attio(list = "drift_sales")]
#[allow(dead_code)]
struct Sale {
    stage: Stage,
    amount: Option<f64>,
    #[attio(read_only)]
    created_at: Option<Timestamp>,
}

/// An entry of `drift_sales`, drifted.
#[derive(AttioEntry, Debug)]
#[attio(list = "drift_sales")]
#[allow(dead_code)]
struct DriftedSale {
    stage: Option<Status>,
    amount: Vec<f64>,
    #[attio(rename = "probability")]
    chance: Option<f64>,
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_entry_model_is_checked_against_its_list() {
    let (emu, client) = start().await;
    client
        .lists()
        .create(&NewList::new("Drift sales", "drift_sales", "companies"))
        .await
        .expect("list");
    let schema = client.objects();
    let list = Target::list("drift_sales");
    for attribute in [
        NewAttribute::new("Stage", "stage", AttributeType::Status).required(),
        NewAttribute::new("Amount", "amount", AttributeType::Number),
    ] {
        schema
            .create_attribute(&list, &attribute)
            .await
            .expect("attribute");
    }
    for title in ["Lead", "Won"] {
        schema
            .create_status(&list, "stage", &NewStatus::new(title))
            .await
            .expect("status");
    }
    let sale = client.check_schema::<Sale>().await.expect("checked");
    assert_eq!(sale.kind(), ModelKind::Entry);
    assert!(sale.is_ok(), "{sale}");
    assert_eq!(sale.to_string(), "`Sale` matches the list `drift_sales`");

    let drifted = client.check_schema::<DriftedSale>().await.expect("checked");
    assert_eq!(kinds(&drifted, "stage"), []);
    assert_eq!(kinds(&drifted, "amount"), [MismatchKind::ManyOnSingle]);
    assert_eq!(kinds(&drifted, "chance"), [MismatchKind::Missing]);
    let chance = &drifted.mismatches()[1];
    assert_eq!((chance.field, chance.slug), ("chance", "probability"));
    assert!(
        drifted.to_string().starts_with(
            "`DriftedSale` does not match the list `drift_sales` (2 mismatches):\n  - field `amount`"
        ),
        "{drifted}"
    );
    assert!(
        drifted
            .to_string()
            .contains("field `chance`: no attribute has the slug `probability`"),
        "{drifted}"
    );

    drop(emu);
}

/// Archived options and statuses, as `check_schema` reads them with `show_archived`: a
/// title held only by archived ones is reported (Attio refuses them in writes), a title
/// held by an unarchived one too is not, options no variant names are not.
#[test]
fn a_title_only_archived_options_hold_is_reported() {
    let field = DriftedProject::attribute("tags").expect("tags");
    let mut report = SchemaReport::new("DriftedProject", ModelKind::Record, "projects");
    report.compare_titles(
        field,
        &[
            ("Hot", false),
            ("Stale", true),
            ("Urgent", true),
            ("Urgent", false),
            ("Cold", false),
        ],
    );
    assert_eq!(
        kinds(&report, "tags"),
        [MismatchKind::ArchivedTitle { title: "Stale" }]
    );
    assert!(
        report
            .to_string()
            .contains("field `tags`: the option or status \"Stale\" of `tags` is archived: restore it in Attio, or remove the variant"),
        "{report}"
    );
    let mut report = SchemaReport::new("Sale", ModelKind::Entry, "drift_sales");
    report.compare_titles(Sale::attribute("stage").expect("stage"), &[]);
    assert_eq!(
        kinds(&report, "stage"),
        [
            MismatchKind::UnknownTitle { title: "Lead" },
            MismatchKind::UnknownTitle { title: "Won" }
        ]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_model_of_an_object_that_does_not_exist_is_attios_404() {
    let (emu, client) = start().await;
    let err = client.check_schema::<Project>().await.unwrap_err();
    assert!(err.is_not_found(), "{err}");
    let err = client.check_schema::<Sale>().await.unwrap_err();
    assert!(err.is_not_found(), "{err}");
    drop(emu);
}
