//! The workspace schema: `client.objects()` against the emulator (objects, attributes of
//! objects and lists of every creatable type, select options, statuses, Attio's errors),
//! the calls the emulator does not serve and the exact bodies against a recording server,
//! and the documented object, attribute, option and status bodies (`fixtures/objects/`).

mod common;
mod recording;

use attio_core::models::{
    Attribute, AttributeOption, AttributeStatus, AttributeUpdate, CurrencyDisplay, DefaultValue,
    NewAttribute, NewList, NewObject, NewRelationship, NewStatus, Object, ObjectUpdate,
    OptionUpdate, StatusUpdate, Target,
};
use attio_core::values::{SelectOption, Status};
use attio_core::{AttributeType, Client, Error, ErrorCode, RetryPolicy, json};
use attio_emulator::Emulator;
use common::{Person, fixture, fixture_json};
use recording::recording;
use uuid::Uuid;

fn client_for(base_url: &str, key: &str) -> Client {
    Client::builder()
        .api_key(key)
        .base_url(base_url)
        .no_rate_limits()
        .retry(RetryPolicy::none())
        .build()
        .expect("client builds")
}

async fn emulator() -> (Emulator, Client) {
    let emu = Emulator::builder()
        .no_rate_limits()
        .start()
        .await
        .expect("emulator starts");
    let client = client_for(emu.base_url(), emu.api_key());
    (emu, client)
}

fn code(e: &Error) -> Option<ErrorCode> {
    e.code().cloned()
}

/// Every type Attio creates, with the configuration it needs.
fn every_creatable_type() -> Vec<NewAttribute> {
    AttributeType::ALL
        .into_iter()
        .filter(|t| !matches!(t, AttributeType::Interaction | AttributeType::PersonalName))
        .map(|t| {
            let slug = format!("a_{}", t.as_str().replace('-', "_"));
            let a = NewAttribute::new(format!("A {t}"), slug, t);
            match t {
                AttributeType::Currency => a.currency("EUR", CurrencyDisplay::Symbol),
                AttributeType::RecordReference => a.allowed_objects(["people"]),
                _ => a,
            }
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn objects_are_listed_read_and_created() {
    let (emu, client) = emulator().await;
    let schema = client.objects();
    let all = schema.all().await.expect("objects");
    let slugs: Vec<_> = all.iter().filter_map(|o| o.api_slug.as_deref()).collect();
    for standard in ["people", "companies", "deals", "users", "workspaces"] {
        assert!(slugs.contains(&standard), "{slugs:?}");
    }
    let people = schema.get("people").await.expect("people");
    assert!(all.contains(&people));
    assert_eq!(people.singular_noun.as_deref(), Some("Person"));
    assert_eq!(
        schema
            .get(&people.id.object_id.to_string())
            .await
            .expect("by id"),
        people
    );

    let projects = schema
        .create(&NewObject::new("projects", "Project", "Projects"))
        .await
        .expect("create");
    assert_eq!(projects.api_slug.as_deref(), Some("projects"));
    assert_eq!(projects.singular_noun.as_deref(), Some("Project"));
    assert_eq!(projects.plural_noun.as_deref(), Some("Projects"));
    assert_eq!(projects.id.workspace_id, people.id.workspace_id);
    assert_eq!(schema.get("projects").await.expect("get"), projects);
    assert_eq!(schema.all().await.expect("objects").len(), all.len() + 1);

    let e = schema
        .create(&NewObject::new("projects", "Again", "Agains"))
        .await
        .unwrap_err();
    assert_eq!(code(&e), Some(ErrorCode::SlugConflict), "{e}");
    let e = schema.get("nope").await.unwrap_err();
    assert!(e.is_not_found(), "{e}");
    emu.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn attributes_are_read_by_target_and_paged() {
    let (emu, client) = emulator().await;
    let schema = client.objects();
    let people = schema
        .attributes(Target::object("people"))
        .await
        .expect("attributes");
    assert!(people.len() > 3, "{people:?}");
    assert_eq!(
        schema
            .attributes(Target::of::<Person>())
            .await
            .expect("typed"),
        people
    );
    let email = people
        .iter()
        .find(|a| a.api_slug == "email_addresses")
        .expect("email_addresses");
    assert_eq!(email.kind(), Some(AttributeType::EmailAddress));
    assert!(email.is_unique && email.is_multiselect && email.is_system_attribute);
    assert_eq!(
        &schema
            .attribute(Target::object("people"), "email_addresses")
            .await
            .expect("one"),
        email
    );
    let by_id = schema
        .attribute(Target::object("people"), &email.id.attribute_id.to_string())
        .await
        .expect("by id");
    assert_eq!(&by_id, email);

    let page = schema
        .attributes(Target::object("people"))
        .limit(2)
        .offset(1)
        .await
        .expect("page");
    assert_eq!(page, people[1..3]);
    let past = schema
        .attributes(Target::object("people"))
        .offset(people.len())
        .send()
        .await
        .expect("past the end");
    assert!(past.is_empty());

    let e = schema
        .attribute(Target::object("people"), "nope")
        .await
        .unwrap_err();
    assert!(e.is_not_found(), "{e}");
    let e = schema.attributes(Target::list("nope")).await.unwrap_err();
    assert!(e.is_not_found(), "{e}");
    emu.shutdown().await;
}

/// Creates one attribute of every creatable type on `target` and checks what comes back.
async fn create_every_type(client: &Client, target: &Target, owner_id: Uuid) {
    let schema = client.objects();
    for new in every_creatable_type() {
        let a = schema
            .create_attribute(target, &new)
            .await
            .unwrap_or_else(|e| panic!("{}: {e}", new.api_slug()));
        assert_eq!(a.api_slug, new.api_slug());
        assert_eq!(a.kind(), Some(new.attribute_type()));
        assert_eq!(a.id.object_id, owner_id, "{target}");
        assert!(!a.is_system_attribute && a.is_writable && !a.is_archived);
        assert!(!a.is_required && !a.is_unique && !a.is_multiselect);
        match new.attribute_type() {
            AttributeType::Currency => {
                assert_eq!(
                    a.config.currency.default_currency_code.as_deref(),
                    Some("EUR")
                );
                assert_eq!(
                    a.config.currency.display_type,
                    Some(CurrencyDisplay::Symbol)
                );
            }
            AttributeType::RecordReference => {
                let people = schema.get("people").await.unwrap().id.object_id;
                assert_eq!(
                    a.config.record_reference.allowed_object_ids,
                    Some(vec![people.to_string()])
                );
            }
            _ => {}
        }
    }
    let read = schema.attributes(target).await.expect("attributes");
    for new in every_creatable_type() {
        assert!(
            read.iter().any(|a| a.api_slug == new.api_slug()),
            "{} in {target}",
            new.api_slug()
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_creatable_type_is_created_on_objects_and_lists() {
    let (emu, client) = emulator().await;
    let projects = client
        .objects()
        .create(&NewObject::new("projects", "Project", "Projects"))
        .await
        .expect("object");
    create_every_type(&client, &Target::object("projects"), projects.id.object_id).await;
    let sales = client
        .lists()
        .create(&NewList::new("Sales", "sales", "companies"))
        .await
        .expect("list");
    create_every_type(&client, &Target::list("sales"), sales.id.list_id).await;
    // A read list or object names itself by id.
    let by_list = client.objects().attributes(&sales).await.expect("by list");
    assert_eq!(
        by_list,
        client
            .objects()
            .attributes(Target::list("sales"))
            .await
            .unwrap()
    );
    let by_object = client
        .objects()
        .attributes(&projects)
        .await
        .expect("by object");
    assert_eq!(
        by_object.len(),
        client
            .objects()
            .attributes(Target::object("projects"))
            .await
            .unwrap()
            .len()
    );
    emu.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn flags_defaults_relationships_and_refusals() {
    let (emu, client) = emulator().await;
    let schema = client.objects();
    schema
        .create(&NewObject::new("projects", "Project", "Projects"))
        .await
        .expect("object");
    let projects = Target::object("projects");

    let code_attr = schema
        .create_attribute(
            &projects,
            &NewAttribute::new("Code", "code", AttributeType::Text)
                .description("The project's code")
                .required()
                .unique(),
        )
        .await
        .expect("required unique text");
    assert!(code_attr.is_required && code_attr.is_unique);
    assert_eq!(code_attr.description.as_deref(), Some("The project's code"));

    let tags = schema
        .create_attribute(
            &projects,
            &NewAttribute::new("Tags", "tags", AttributeType::Select).multiselect(),
        )
        .await
        .expect("multiselect");
    assert!(tags.is_multiselect);

    let lead = schema
        .create_attribute(
            &projects,
            &NewAttribute::new("Lead", "lead", AttributeType::ActorReference)
                .default_value(DefaultValue::current_user()),
        )
        .await
        .expect("default value");
    assert_eq!(lead.default_value, Some(DefaultValue::current_user()));
    assert!(lead.is_default_value_enabled);

    let members = schema
        .create_attribute(
            &projects,
            &NewAttribute::new("Members", "members", AttributeType::RecordReference)
                .multiselect()
                .allowed_objects(["people"])
                .relationship(NewRelationship::new("people", "Projects", "projects")),
        )
        .await
        .expect("relationship");
    let reverse = members.relationship.clone().expect("a relationship");
    assert_eq!(reverse.object_slug, "people");
    assert_eq!(reverse.api_slug, "projects");
    assert!(!reverse.is_multiselect);
    let on_people = schema
        .attribute(Target::object("people"), "projects")
        .await
        .expect("the reverse attribute");
    assert_eq!(on_people.id, reverse.id);
    assert_eq!(on_people.relationship.expect("back").api_slug, "members");

    // Attio does not create these: refused before anything is sent.
    let writes = emu.stats().write_requests;
    for t in [AttributeType::Interaction, AttributeType::PersonalName] {
        let e = schema
            .create_attribute(&projects, &NewAttribute::new("X", "x", t))
            .await
            .unwrap_err();
        let v = e.as_invalid_value().expect("a value error");
        assert_eq!(v.value, t.as_str());
    }
    assert_eq!(emu.stats().write_requests, writes);

    let e = schema
        .create_attribute(
            &projects,
            &NewAttribute::new("Code", "code", AttributeType::Text),
        )
        .await
        .unwrap_err();
    assert_eq!(code(&e), Some(ErrorCode::SlugConflict), "{e}");
    let e = schema
        .create_attribute(
            &projects,
            &NewAttribute::new("Kind", "kind", AttributeType::Select).unique(),
        )
        .await
        .unwrap_err();
    assert_eq!(code(&e), Some(ErrorCode::ValidationType), "{e}");
    let e = schema
        .create_attribute(
            &projects,
            &NewAttribute::new("Price", "price", AttributeType::Currency),
        )
        .await
        .unwrap_err();
    assert_eq!(
        code(&e),
        Some(ErrorCode::ValidationType),
        "currency needs its config: {e}"
    );
    let e = schema
        .create_attribute(
            Target::object("nope"),
            &NewAttribute::new("X", "x", AttributeType::Text),
        )
        .await
        .unwrap_err();
    assert!(e.is_not_found(), "{e}");
    emu.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn attributes_are_updated_archived_and_restored() {
    let (emu, client) = emulator().await;
    let schema = client.objects();
    let sales = client
        .lists()
        .create(&NewList::new("Sales", "sales", "companies"))
        .await
        .expect("list");
    let target = Target::list("sales");
    schema
        .create_attribute(
            &target,
            &NewAttribute::new("Amount", "amount", AttributeType::Number),
        )
        .await
        .expect("create");

    let updated = schema
        .update_attribute(
            &target,
            "amount",
            &AttributeUpdate::default()
                .title("Deal size")
                .description(Some("In euros".into()))
                .required(true)
                .api_slug("deal_size"),
        )
        .await
        .expect("update");
    assert_eq!(updated.title, "Deal size");
    assert_eq!(updated.description.as_deref(), Some("In euros"));
    assert!(updated.is_required);
    assert_eq!(updated.api_slug, "deal_size");
    assert_eq!(updated.id.object_id, sales.id.list_id);

    let archived = schema
        .update_attribute(
            &target,
            "deal_size",
            &AttributeUpdate::default().archived(true).description(None),
        )
        .await
        .expect("archive");
    assert!(archived.is_archived);
    assert_eq!(archived.description, None);
    let visible = schema.attributes(&target).await.expect("visible");
    assert!(!visible.iter().any(|a| a.api_slug == "deal_size"));
    let every = schema
        .attributes(&target)
        .show_archived(true)
        .await
        .expect("with archived");
    assert!(every.iter().any(|a| a.api_slug == "deal_size"));
    let restored = schema
        .update_attribute(
            &target,
            "deal_size",
            &AttributeUpdate::default().archived(false),
        )
        .await
        .expect("restore");
    assert!(!restored.is_archived);

    let e = schema
        .update_attribute(
            &target,
            "created_at",
            &AttributeUpdate::default().title("When"),
        )
        .await
        .unwrap_err();
    assert_eq!(code(&e), Some(ErrorCode::SystemEditUnauthorized), "{e}");
    let e = schema
        .update_attribute(&target, "nope", &AttributeUpdate::default().title("x"))
        .await
        .unwrap_err();
    assert!(e.is_not_found(), "{e}");
    emu.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn options_and_statuses_of_objects_and_lists() {
    let (emu, client) = emulator().await;
    let schema = client.objects();
    let sales = client
        .lists()
        .create(&NewList::new("Sales", "sales", "companies"))
        .await
        .expect("list");
    let target = Target::list("sales");
    schema
        .create_attribute(
            &target,
            &NewAttribute::new("Stage", "stage", AttributeType::Status),
        )
        .await
        .expect("status attribute");
    schema
        .create_attribute(
            &target,
            &NewAttribute::new("Source", "source", AttributeType::Select),
        )
        .await
        .expect("select attribute");

    let inbound = schema
        .create_option(&target, "source", "Inbound")
        .await
        .expect("option");
    assert_eq!(inbound.title, "Inbound");
    assert!(!inbound.is_archived);
    assert_eq!(inbound.id.object_id, sales.id.list_id);
    schema
        .create_option(&target, "source", "Outbound")
        .await
        .expect("option");
    let options = schema.options(&target, "source").await.expect("options");
    assert_eq!(
        options.iter().map(|o| o.title.as_str()).collect::<Vec<_>>(),
        ["Inbound", "Outbound"]
    );
    assert_eq!(options[0], inbound);
    let as_value = SelectOption::from(inbound.clone());
    assert_eq!(as_value.option_id(), Some(inbound.id.option_id));
    let e = schema
        .create_option(&target, "source", "Inbound")
        .await
        .unwrap_err();
    assert_eq!(code(&e), Some(ErrorCode::SlugConflict), "{e}");
    assert!(
        schema
            .options(&target, "stage")
            .await
            .expect("a status attribute has no options")
            .is_empty()
    );

    let won = schema
        .create_status(
            &target,
            "stage",
            &NewStatus::new("Won")
                .celebration()
                .target_time_in_status("P14D"),
        )
        .await
        .expect("status");
    assert_eq!(won.title, "Won");
    assert!(won.celebration_enabled);
    assert_eq!(won.target_time_in_status.as_deref(), Some("P14D"));
    assert_eq!(won.id.object_id, sales.id.list_id);
    let lead = schema
        .create_status(&target, "stage", &NewStatus::new("Lead"))
        .await
        .expect("status");
    assert!(!lead.celebration_enabled);
    assert_eq!(lead.target_time_in_status, None);
    let statuses = schema
        .statuses(&target, "stage")
        .show_archived(true)
        .await
        .expect("statuses");
    assert!(
        statuses.contains(&won) && statuses.contains(&lead),
        "{statuses:?}"
    );
    assert_eq!(
        Status::from(won.clone()).status_id(),
        Some(won.id.status_id)
    );
    let e = schema
        .create_status(&target, "stage", &NewStatus::new("Won"))
        .await
        .unwrap_err();
    assert_eq!(code(&e), Some(ErrorCode::SlugConflict), "{e}");
    let e = schema.statuses(&target, "source").await.unwrap_err();
    assert_eq!(code(&e), Some(ErrorCode::ValidationType), "{e}");
    let e = schema
        .create_option(&target, "stage", "Nope")
        .await
        .unwrap_err();
    assert_eq!(code(&e), Some(ErrorCode::ValidationType), "{e}");

    // The standard deals object's stages, through its object target.
    let stages = schema
        .statuses(Target::object("deals"), "stage")
        .await
        .expect("deal stages");
    assert!(!stages.is_empty());
    emu.shutdown().await;
}

fn fixture_text(path: &str) -> String {
    String::from_utf8(fixture(path)).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn updates_send_only_what_changes_to_the_right_paths() {
    let (object_url, objects_seen) = recording(fixture_text("objects/get.response.json")).await;
    let (option_url, options_seen) = recording(fixture_text("objects/option.response.json")).await;
    let (status_url, statuses_seen) = recording(fixture_text("objects/status.response.json")).await;
    let (attr_url, attrs_seen) = recording(fixture_text("objects/attribute.response.json")).await;
    let (list_url, listing_seen) = recording(r#"{"data":[]}"#).await;

    let c = client_for(&object_url, "key");
    let people = c
        .objects()
        .update("people", &ObjectUpdate::default().plural_noun("Humans"))
        .await
        .expect("object update");
    assert_eq!(people.plural_noun.as_deref(), Some("People"));
    c.objects()
        .create(&NewObject::new("people", "Person", "People"))
        .await
        .expect("object create");

    let c = client_for(&option_url, "key");
    let medium = c
        .objects()
        .update_option(
            Target::object("deals"),
            "size",
            "Medium",
            &OptionUpdate::default().archived(true),
        )
        .await
        .expect("option archive");
    assert_eq!(medium.title, "Medium");
    c.objects()
        .update_option(
            Target::list("sales"),
            "size",
            "a/b c",
            &OptionUpdate::default().title("Large"),
        )
        .await
        .expect("option rename");

    let c = client_for(&status_url, "key");
    c.objects()
        .update_status(
            Target::list("sales"),
            "stage",
            "In Progress",
            &StatusUpdate::default()
                .archived(true)
                .celebration(false)
                .target_time_in_status(None),
        )
        .await
        .expect("status archive");
    c.objects()
        .create_status(
            Target::list("sales"),
            "stage",
            &NewStatus::new("In Progress")
                .celebration()
                .target_time_in_status("P0Y0M1DT0H0M0S"),
        )
        .await
        .expect("status create");

    let c = client_for(&attr_url, "key");
    c.objects()
        .update_attribute(
            Target::object("people"),
            "company",
            &AttributeUpdate::default().archived(true),
        )
        .await
        .expect("attribute archive");
    let documented = NewAttribute::new("Your Attribute", "my-attribute", AttributeType::Text)
        .description("Lorem ipsum")
        .required()
        .unique()
        .multiselect()
        .default_value(DefaultValue::Static {
            template: vec![serde_json::json!({"value": 5})],
        })
        .relationship(NewRelationship::new(
            "companies",
            "Team members",
            "team_members",
        ))
        .currency("USD", CurrencyDisplay::Symbol)
        .allowed_objects(["people"]);
    c.objects()
        .create_attribute(Target::list("sales"), &documented)
        .await
        .expect("attribute create");

    let c = client_for(&list_url, "key");
    c.objects()
        .attributes(Target::list("sales"))
        .show_archived(true)
        .limit(10)
        .offset(20)
        .await
        .expect("attributes");
    c.objects()
        .options(Target::object("companies"), "categories")
        .show_archived(false)
        .await
        .expect("options");
    c.objects()
        .statuses(Target::object("deals"), "stage")
        .await
        .expect("statuses");

    let lines = |seen: &std::sync::Mutex<Vec<recording::Seen>>| -> Vec<(String, String)> {
        seen.lock()
            .unwrap()
            .iter()
            .map(|s| (s.line.clone(), s.body.clone()))
            .collect()
    };
    let objects = lines(&objects_seen);
    assert_eq!(
        objects[0],
        (
            "PATCH /v2/objects/people HTTP/1.1".into(),
            r#"{"data":{"plural_noun":"Humans"}}"#.into()
        )
    );
    assert_eq!(objects[1].0, "POST /v2/objects HTTP/1.1");
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&objects[1].1).unwrap(),
        fixture_json("objects/create.request.json")
    );
    assert_eq!(
        lines(&options_seen),
        [
            (
                "PATCH /v2/objects/deals/attributes/size/options/Medium HTTP/1.1".into(),
                r#"{"data":{"is_archived":true}}"#.into()
            ),
            (
                "PATCH /v2/lists/sales/attributes/size/options/a%2Fb%20c HTTP/1.1".into(),
                r#"{"data":{"title":"Large"}}"#.into()
            ),
        ]
    );
    let statuses = lines(&statuses_seen);
    assert_eq!(
        statuses[0],
        (
            "PATCH /v2/lists/sales/attributes/stage/statuses/In%20Progress HTTP/1.1".into(),
            r#"{"data":{"celebration_enabled":false,"target_time_in_status":null,"is_archived":true}}"#
                .into()
        )
    );
    assert_eq!(
        statuses[1].0,
        "POST /v2/lists/sales/attributes/stage/statuses HTTP/1.1"
    );
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&statuses[1].1).unwrap(),
        fixture_json("objects/create-status.request.json")
    );
    let attrs = lines(&attrs_seen);
    assert_eq!(
        attrs[0],
        (
            "PATCH /v2/objects/people/attributes/company HTTP/1.1".into(),
            r#"{"data":{"is_archived":true}}"#.into()
        )
    );
    assert_eq!(attrs[1].0, "POST /v2/lists/sales/attributes HTTP/1.1");
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&attrs[1].1).unwrap(),
        fixture_json("objects/create-attribute.request.json")
    );
    let listings: Vec<String> = lines(&listing_seen).into_iter().map(|(l, _)| l).collect();
    assert_eq!(
        listings,
        [
            "GET /v2/lists/sales/attributes?show_archived=true&limit=10&offset=20 HTTP/1.1",
            "GET /v2/objects/companies/attributes/categories/options?show_archived=false HTTP/1.1",
            "GET /v2/objects/deals/attributes/stage/statuses HTTP/1.1",
        ]
    );
}

fn ids() -> (Uuid, Uuid, Uuid) {
    (
        "14beef7a-99f7-4534-a87e-70b564330a4c".parse().unwrap(),
        "97052eb9-e65e-443f-a297-f2d9a4a7f795".parse().unwrap(),
        "41252299-f8c7-4b5e-99c9-4ff8321d2f96".parse().unwrap(),
    )
}

#[test]
fn the_documented_object_decodes_with_every_field() {
    let (ws, object, _) = ids();
    let o: Object = json::decode_data(&fixture("objects/get.response.json"), "object").unwrap();
    assert_eq!(o.id.workspace_id, ws);
    assert_eq!(o.id.object_id, object);
    assert_eq!(o.api_slug.as_deref(), Some("people"));
    assert_eq!(o.singular_noun.as_deref(), Some("Person"));
    assert_eq!(o.plural_noun.as_deref(), Some("People"));
    assert_eq!(
        o.created_at
            .to_rfc3339_opts(chrono::SecondsFormat::Nanos, true),
        "2022-11-21T13:22:49.061281000Z"
    );
}

#[test]
fn the_documented_attribute_decodes_with_every_field() {
    let (ws, object, attribute) = ids();
    let a: Attribute =
        json::decode_data(&fixture("objects/attribute.response.json"), "attribute").unwrap();
    assert_eq!(a.id.workspace_id, ws);
    assert_eq!(a.id.object_id, object);
    assert_eq!(a.id.attribute_id, attribute);
    assert_eq!(a.title, "Company");
    assert_eq!(a.description.as_deref(), Some("A company attribute"));
    assert_eq!(a.api_slug, "company");
    assert_eq!(a.attribute_type, "record-reference");
    assert_eq!(a.kind(), Some(AttributeType::RecordReference));
    assert!(!a.is_system_attribute);
    assert!(a.is_writable);
    assert!(!a.is_required);
    assert!(!a.is_unique);
    assert!(!a.is_multiselect);
    assert!(!a.is_default_value_enabled);
    assert!(!a.is_archived);
    assert_eq!(a.default_value, None);
    let r = a.relationship.clone().expect("relationship");
    assert_eq!(
        (r.id.workspace_id, r.id.object_id, r.id.attribute_id),
        (ws, object, attribute)
    );
    assert_eq!(r.object_slug, "companies");
    assert_eq!(r.title, "Team members");
    assert_eq!(r.api_slug, "team_members");
    assert!(r.is_multiselect);
    assert_eq!(
        a.created_at
            .to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
        "2021-11-21T13:22:49.061Z"
    );
    assert_eq!(a.config.currency.default_currency_code, None);
    assert_eq!(a.config.currency.display_type, None);
    // The documentation's example names the object by slug, under `allowed_object_ids`.
    assert_eq!(
        a.config.record_reference.allowed_object_ids,
        Some(vec!["companies".to_owned()])
    );
}

#[test]
fn attributes_of_unknown_types_and_with_defaults_decode() {
    let mut body = fixture_json("objects/attribute.response.json");
    body["data"]["type"] = "hologram".into();
    body["data"]["default_value"] = serde_json::json!({"type": "static", "template": [{"value": "x", "attribute_type": "text"}]});
    body["data"]["config"]["currency"] =
        serde_json::json!({"default_currency_code": "GBP", "display_type": "narrowSymbol"});
    let bytes = serde_json::to_vec(&serde_json::json!({"data": [body["data"].clone()]})).unwrap();
    let a: Vec<Attribute> = json::decode_data_list(&bytes, "attribute").unwrap();
    assert_eq!(a[0].attribute_type, "hologram");
    assert_eq!(a[0].kind(), None);
    assert_eq!(
        a[0].default_value,
        Some(DefaultValue::Static {
            template: vec![serde_json::json!({"value": "x", "attribute_type": "text"})]
        })
    );
    assert_eq!(
        a[0].config.currency.display_type,
        Some(CurrencyDisplay::NarrowSymbol)
    );
    assert_eq!(
        a[0].config.currency.default_currency_code.as_deref(),
        Some("GBP")
    );

    body["data"]["is_unique"] = "yes".into();
    let e = json::decode_data::<Attribute>(&serde_json::to_vec(&body).unwrap(), "attribute")
        .unwrap_err();
    assert_eq!(e.as_decode().expect("decode").path, "data.is_unique");
}

#[test]
fn the_documented_option_and_status_decode_with_every_field() {
    let (ws, object, attribute) = ids();
    let o: AttributeOption =
        json::decode_data(&fixture("objects/option.response.json"), "select option").unwrap();
    assert_eq!(
        (o.id.workspace_id, o.id.object_id, o.id.attribute_id),
        (ws, object, attribute)
    );
    assert_eq!(
        o.id.option_id.to_string(),
        "08c2c59a-c18e-40c6-8dc4-95415313b2ea"
    );
    assert_eq!(o.title, "Medium");
    assert!(!o.is_archived);

    let s: AttributeStatus =
        json::decode_data(&fixture("objects/status.response.json"), "status").unwrap();
    assert_eq!(
        (s.id.workspace_id, s.id.object_id, s.id.attribute_id),
        (ws, object, attribute)
    );
    assert_eq!(
        s.id.status_id.to_string(),
        "11f07f01-c10f-4e05-a522-33e050bc52ee"
    );
    assert_eq!(s.title, "In Progress");
    assert!(!s.is_archived);
    assert!(!s.celebration_enabled);
    assert_eq!(s.target_time_in_status.as_deref(), Some("P0Y0M1DT0H0M0S"));
}
