//! attio-codegen against the emulator: the standard objects, a custom object and a list
//! with attributes of every creatable type; the output is rustfmt-clean and compiles
//! without a warning in a scratch crate; the people model matches its snapshot.
//!
//! The snapshot is `tests/snapshots/people.rs`; after an intended change of the output,
//! rewrite it with `UPDATE_SNAPSHOTS=1 cargo test -p attio-codegen --test codegen` and read
//! the diff before committing.

mod support;

use attio_codegen::{
    AttributeSchema, Choices, Command, ModelKind, ModelSchema, Options, Request, Schema, generate,
    parse, run,
};
use attio_core::models::{CurrencyDisplay, NewAttribute, NewList, NewObject, NewStatus, Target};
use attio_core::{AttributeType, Client};
use support::{cargo_check, rustfmt_check, start};

fn request(args: &[&str]) -> Request {
    match parse(args.iter().copied()).expect("the arguments parse") {
        Command::Generate(r) => r,
        other => panic!("not a request: {other:?}"),
    }
}

/// One attribute of every type Attio creates, slugs `a_<type>`, with the configuration
/// each needs; record references point at `target`.
fn every_creatable_type(target: &str) -> Vec<NewAttribute> {
    AttributeType::ALL
        .into_iter()
        .filter(|t| !matches!(t, AttributeType::Interaction | AttributeType::PersonalName))
        .map(|t| {
            let slug = format!("a_{}", t.as_str().replace('-', "_"));
            let a = NewAttribute::new(format!("A {t}"), slug, t);
            match t {
                AttributeType::Currency => a.currency("EUR", CurrencyDisplay::Symbol),
                AttributeType::RecordReference => a.allowed_objects([target]),
                _ => a,
            }
        })
        .collect()
}

/// The custom object `projects` and the list `pipeline` (of projects), each with an
/// attribute of every creatable type and a few more: required, unique, multiselect, a
/// keyword slug, references to generated and not generated objects, options and statuses
/// whose titles are not identifiers, a description full of Markdown.
async fn custom_schema(client: &Client) {
    let schema = client.objects();
    schema
        .create(&NewObject::new("projects", "Project", "Projects"))
        .await
        .expect("object created");
    let projects = Target::object("projects");
    let mut extra = vec![
        NewAttribute::new("Code", "code", AttributeType::Text)
            .required()
            .unique()
            .description("The project's code, e.g. `PRJ-1`: see [the wiki] or <https://example.com/wiki>.\n    an indented line\n```\nnot a doctest\n```"),
        NewAttribute::new("Type", "type", AttributeType::Text),
        NewAttribute::new("Tags", "tags", AttributeType::Select).multiselect(),
        NewAttribute::new("Parents", "parents", AttributeType::RecordReference)
            .multiselect()
            .allowed_objects(["projects"]),
        NewAttribute::new("Owner company", "owner_company", AttributeType::RecordReference)
            .allowed_objects(["companies"]),
        NewAttribute::new("Anything", "anything", AttributeType::RecordReference)
            .allowed_objects(["people", "companies"]),
        NewAttribute::new("Budget", "budget", AttributeType::Number).required(),
        NewAttribute::new("Domains", "domains", AttributeType::Domain)
            .multiselect()
            .unique(),
    ];
    let mut attributes = every_creatable_type("people");
    attributes.append(&mut extra);
    for a in &attributes {
        schema
            .create_attribute(&projects, a)
            .await
            .unwrap_or_else(|e| panic!("attribute {} created: {e}", a.api_slug()));
    }
    for title in ["In Progress", "B2B", "Other", "100+ seats", "in progress"] {
        schema
            .create_option(&projects, "a_select", title)
            .await
            .expect("option created");
    }
    for title in ["Lead", "Won 🎉"] {
        schema
            .create_status(&projects, "a_status", &NewStatus::new(title))
            .await
            .expect("status created");
    }

    client
        .lists()
        .create(&NewList::new("Sales pipeline", "pipeline", "projects"))
        .await
        .expect("list created");
    let pipeline = Target::list("pipeline");
    let mut attributes = every_creatable_type("projects");
    attributes.push(
        NewAttribute::new("Stage", "stage", AttributeType::Status)
            .required()
            .description("Where the deal is."),
    );
    for a in &attributes {
        schema
            .create_attribute(&pipeline, a)
            .await
            .unwrap_or_else(|e| panic!("list attribute {} created: {e}", a.api_slug()));
    }
    for title in ["Lead", "In Progress", "Won", "Lost"] {
        schema
            .create_status(&pipeline, "stage", &NewStatus::new(title))
            .await
            .expect("stage created");
    }
}

/// A writable, optional, single-valued attribute with no description, targets or choices.
fn plain_attribute(slug: &str, title: &str, ty: &str) -> AttributeSchema {
    AttributeSchema {
        slug: slug.into(),
        title: title.into(),
        description: None,
        attribute_type: ty.into(),
        is_writable: true,
        is_required: false,
        is_unique: false,
        is_multiselect: false,
        target_objects: vec![],
        choices: vec![],
    }
}

/// A schema no workspace of the emulator can hold: slugs that are not identifiers, a
/// keyword as a model name, names that collide, long names and titles.
fn hostile_schema() -> Schema {
    let attr = |slug: &str, ty: &str| plain_attribute(slug, &format!("The {slug}"), ty);
    let long = "a_very_long_attribute_slug_that_goes_on_and_on_and_on_and_on_and_on";
    let mut stage = attr("stage", "status");
    stage.choices = vec![
        "Other".into(),
        "Unknown".into(),
        "\"quoted\" \\ back".into(),
        "a very long title that goes on and on and on and on and on and on and on and on and on"
            .into(),
        "Café crème".into(),
        "self".into(),
        " ".into(),
        "1-10".into(),
        "11-0".into(),
        // As wide as a line allows and wider: rustfmt counts wide characters twice.
        "漢字".repeat(20),
        "漢字".repeat(18),
        format!("{}{}", "a".repeat(60), "🎉".repeat(10)),
        format!("{}{}", "b".repeat(56), "🎉".repeat(10)),
    ];
    let mut select = attr(long, "select");
    select.choices = vec!["x".into(), "X".into()];
    let mut rr = attr("self_ref", "record-reference");
    rr.target_objects = vec!["self".into()];
    let mut unique_ro = attr("record_id", "text");
    unique_ro.is_unique = true;
    unique_ro.is_writable = false;
    let mut required = attr("match", "checkbox");
    required.is_required = true;
    Schema {
        models: vec![
            ModelSchema {
                kind: ModelKind::Object,
                slug: "self".into(),
                name: "self".into(),
                parent_objects: vec![],
                attributes: vec![
                    attr("type", "text"),
                    attr("type_", "text"),
                    attr("2fa_enabled", "checkbox"),
                    attr("Mixed-Case", "number"),
                    attr("", "text"),
                    attr("future", "a-type-from-the-future"),
                    stage,
                    select,
                    rr,
                    unique_ro,
                    required,
                    attr(&format!("other_{long}"), "record-reference"),
                    attr("location", "location"),
                ],
            },
            ModelSchema {
                kind: ModelKind::List,
                slug: "self".into(),
                name: "Selves".into(),
                parent_objects: vec!["self".into()],
                attributes: vec![attr("note", "text")],
            },
            ModelSchema {
                kind: ModelKind::Object,
                slug: "bad-slug".into(),
                name: "Bad".into(),
                parent_objects: vec![],
                attributes: vec![attr("name", "text")],
            },
            ModelSchema {
                kind: ModelKind::Object,
                slug: "status".into(),
                name: "Status".into(),
                parent_objects: vec![],
                attributes: vec![attr("status", "status")],
            },
        ],
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_generated_models_are_formatted_and_compile_without_warnings() {
    let (_emu, client) = start().await;
    custom_schema(&client).await;

    let standard = request(&[
        "--object",
        "people",
        "--object",
        "companies",
        "--object",
        "deals",
        "--object",
        "users",
        "--object",
        "workspaces",
        "--object",
        "projects",
        "--list",
        "pipeline",
    ]);
    let models = run(&client, &standard).await.expect("codegen runs");
    let all = run(&client, &request(&["--all"]))
        .await
        .expect("--all runs");
    let plain = run(&client, &request(&["--all", "--no-enums"]))
        .await
        .expect("--no-enums runs");
    let hostile = generate(
        &hostile_schema(),
        &Options::new("attio-codegen (hostile schema)"),
    );

    // What the output says, before it is compiled.
    for (needle, why) in [
        (
            "// Command: attio-codegen --object people --object companies --object deals --object users --object workspaces --object projects --list pipeline\n",
            "the header names the command",
        ),
        (
            "#[derive(AttioRecord, Debug, Clone, PartialEq)]\n#[attio(object = \"people\")]\npub struct Person {",
            "people is a record model named after its noun",
        ),
        (
            "#[derive(AttioEntry, Debug, Clone, PartialEq)]\n#[attio(list = \"pipeline\")]\npub struct Pipeline {",
            "the list is an entry model named after its slug",
        ),
        (
            "    #[attio(unique)]\n    pub email_addresses: Vec<EmailAddress>,",
            "unique multiselect",
        ),
        (
            "    pub company: Option<RecordRef<Company>>,",
            "a reference to a generated object",
        ),
        (
            "    pub parents: Vec<RecordRef<Project>>,",
            "a reference to itself",
        ),
        (
            "    pub anything: Option<AnyRecordRef>,",
            "a reference to any object",
        ),
        (
            "    #[attio(read_only)]\n    pub last_interaction: Option<Interaction>,",
            "interactions are read-only",
        ),
        (
            "    #[attio(unique)]\n    pub code: String,",
            "required and unique",
        ),
        ("    pub budget: f64,", "a required number"),
        (
            "    #[attio(rename = \"type\")]\n    pub type_: Option<String>,",
            "a keyword slug",
        ),
        (
            "    pub a_select: Option<ProjectASelect>,",
            "a select is its enum",
        ),
        ("    pub tags: Vec<ProjectTags>,", "a multiselect select"),
        ("    pub stage: PipelineStage,", "a required status"),
        (
            "    pub a_record_reference: Option<RecordRef<Project>>,",
            "a list attribute's reference",
        ),
        (
            "#[attio(status)]\npub enum PipelineStage {\n    #[attio(title = \"Lead\")]\n    Lead,\n    #[attio(title = \"In Progress\")]\n    InProgress,",
            "statuses in order",
        ),
        (
            "    #[attio(title = \"in progress\")]\n    InProgress2,",
            "variants made unique",
        ),
        ("    #[attio(title = \"B2B\")]\n    B2b,", "acronyms"),
        (
            "    #[attio(title = \"100+ seats\")]\n    V100Seats,",
            "a leading digit",
        ),
        (
            "    #[attio(title = \"Other\")]\n    Other,",
            "an option titled Other",
        ),
        (
            "    #[attio(other)]\n    Unknown(String),",
            "the catch-all gives way to it",
        ),
        ("    #[attio(title = \"Won 🎉\")]\n    Won,", "emoji titles"),
        (
            "    /// Code\n    ///\n    /// The project's code, e.g. \\`PRJ-1\\`: see \\[the wiki\\] or <https://example.com/wiki>.\n    /// an indented line\n    /// \\`\\`\\`\n    /// not a doctest\n    /// \\`\\`\\`\n",
            "descriptions are escaped Markdown",
        ),
    ] {
        assert!(
            models.contains(needle),
            "{why}: `{needle}` not in\n{models}"
        );
    }
    assert!(
        plain.contains("    pub stage: Status,") && !plain.contains("AttioEnum"),
        "{plain}"
    );
    assert!(all.contains("pub struct Pipeline {") && all.contains("pub struct Workspace {"));

    for (name, source) in [
        ("models", &models),
        ("all", &all),
        ("plain", &plain),
        ("hostile", &hostile),
    ] {
        if let Err(diff) = rustfmt_check(source) {
            panic!("the {name} output is not rustfmt-clean:\n{diff}\n{source}");
        }
    }
    let plain_hostile = generate(
        &hostile_schema(),
        &Options {
            choices: Choices::Plain,
            command: "attio-codegen (hostile schema) --no-enums".into(),
        },
    );
    // The plain output compiles on its own: it needs nothing but the record derives.
    if let Err(e) = cargo_check(&[("plain", &plain), ("plain_hostile", &plain_hostile)]) {
        panic!("{e}");
    }
    if let Err(e) = cargo_check(&[("models", &models), ("all", &all), ("hostile", &hostile)]) {
        panic!("{e}");
    }
}

#[test]
fn the_hostile_schema_gets_valid_unique_names() {
    let source = generate(&hostile_schema(), &Options::new("attio-codegen"));
    for needle in [
        "pub struct SelfModel {",
        "pub struct SelfModelEntry {",
        "pub struct Status2 {",
        "    #[attio(rename = \"type\")]\n    pub type_: Option<String>,",
        "    #[attio(rename = \"type_\")]\n    pub type2: Option<String>,",
        "    #[attio(rename = \"2fa_enabled\")]\n    pub attr_2fa_enabled: Option<bool>,",
        "    // \"Mixed-Case\" is left out: its slug is not one the attio-rs derives accept",
        "    // \"\" is left out: its slug is not one",
        "    // \"future\" is left out: its type `a-type-from-the-future` is unknown",
        "// Note: the object \"bad-slug\" is left out: its slug is not one",
        "    /// Unique in Attio, but not writable: not usable as an assert key.\n    #[attio(read_only)]\n    pub record_id: Option<String>,",
        "    #[attio(rename = \"match\")]\n    pub match_: bool,",
        "    pub self_ref: Option<RecordRef<SelfModel>>,",
        "    pub other_a_very_long_attribute_slug_that_goes_on_and_on_and_on_and_on_and_on:\n        Option<AnyRecordRef>,",
        "    #[attio(title = \"Other\")]\n    Other,\n    #[attio(title = \"Unknown\")]\n    Unknown,",
        "    #[attio(other)]\n    OtherTitle(String),",
        "    #[attio(title = \"\\\"quoted\\\" \\\\ back\")]\n    QuotedBack,",
        "    #[attio(title = \"Café crème\")]\n    CafeCreme,",
        "    #[attio(title = \"self\")]\n    Self_,",
        "    #[attio(title = \"X\")]\n    X2,",
        "    #[attio(title = \"1-10\")]\n    V1_10,\n    #[attio(title = \"11-0\")]\n    V11_0,",
        "    #[attio(\n        title = \"a very long title",
        "pub enum SelfModelStage {",
        "pub struct Status2 {\n    /// The status\n    pub status: Option<Status2Status>,",
    ] {
        assert!(source.contains(needle), "`{needle}` not in\n{source}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_people_model_matches_its_snapshot() {
    let (_emu, client) = start().await;
    let people = run(&client, &request(&["--object", "people"]))
        .await
        .expect("codegen runs");
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/snapshots/people.rs");
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some_and(|v| v == "1") {
        std::fs::write(path, &people).expect("write the snapshot");
    }
    if let Err(diff) = rustfmt_check(&people) {
        panic!("the people model is not rustfmt-clean:\n{diff}");
    }
    let snapshot = std::fs::read_to_string(path).expect("the snapshot exists");
    assert!(
        snapshot == people,
        "the people model differs from tests/snapshots/people.rs (rerun with UPDATE_SNAPSHOTS=1 if intended):\n{people}"
    );
    assert_eq!(
        generate(
            &attio_codegen::fetch(&client, &request(&["--object", "people"]).selection)
                .await
                .expect("fetch"),
            &Options {
                choices: Choices::Enums,
                command: "attio-codegen --object people".into(),
            },
        ),
        people,
        "fetch + generate is what run does"
    );
}

#[test]
fn the_readme_sample_is_what_the_generator_prints() {
    let mut stage = plain_attribute("stage", "Stage", "status");
    stage.is_required = true;
    stage.choices = vec!["Lead".into(), "In Progress".into(), "Won 🎉".into()];
    let mut amount = plain_attribute("amount", "Amount", "currency");
    amount.description = Some("The deal's value, in euros.".into());
    let mut created_at = plain_attribute("created_at", "Created at", "timestamp");
    created_at.is_writable = false;
    let schema = Schema {
        models: vec![ModelSchema {
            kind: ModelKind::List,
            slug: "sales_pipeline".into(),
            name: "Sales pipeline".into(),
            parent_objects: vec!["companies".into()],
            attributes: vec![stage, amount, created_at],
        }],
    };
    let sample = generate(
        &schema,
        &Options::new("attio-codegen --list sales_pipeline"),
    );
    let readme =
        std::fs::read_to_string(support::workspace_root().join("README.md")).expect("the README");
    assert!(
        readme.contains(&format!("```rust\n{sample}```\n")),
        "README.md's \"Generating models\" sample is not what the generator prints now:\n{sample}"
    );
}
