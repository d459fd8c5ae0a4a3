//! The client against the in-process emulator: the full life of a person, a user and a
//! workspace built from the documented create requests in `fixtures/`, and streaming a
//! query across pages.

mod common;

use std::collections::HashSet;

use attio_core::values::{Domain, EmailAddress, Location, PersonalName, PhoneNumber};
use attio_core::{Client, Error, ErrorCode, Filter, Record, RecordRef};
use attio_emulator::Emulator;
use common::*;
use futures_util::{StreamExt, TryStreamExt};
use serde_json::Value;
use uuid::Uuid;

async fn start() -> (Emulator, Client) {
    let emu = Emulator::builder()
        .no_rate_limits()
        .start()
        .await
        .expect("emulator starts");
    let client = Client::builder()
        .api_key(emu.api_key())
        .base_url(emu.base_url())
        .no_rate_limits()
        .build()
        .expect("client builds");
    (emu, client)
}

fn text(v: &Value) -> Option<String> {
    v.as_str().map(str::to_owned)
}

/// The person of `people/create.request.json`. The documented request names the company
/// twice (by record id and by domain); the record id belongs to the documentation's
/// workspace, so the person here keeps the by-domain reference, which resolves against the
/// company created first.
fn person_from_fixture() -> Person {
    let body = fixture_json("people/create.request.json");
    let v = &body["data"]["values"];
    let name = &v["name"][0];
    let phone = &v["phone_numbers"][0];
    let loc = &v["primary_location"][0];
    let domain = v["company"][1]["domains"][0]["domain"]
        .as_str()
        .expect("company domain");
    Person {
        email_addresses: vec![
            EmailAddress::new(v["email_addresses"][0].as_str().unwrap()).unwrap(),
        ],
        name: Some(PersonalName::new(
            name["first_name"].as_str().unwrap(),
            name["last_name"].as_str().unwrap(),
        )),
        description: text(&v["description"]),
        job_title: None,
        company: Some(RecordRef::by_domain(domain).unwrap()),
        phone_numbers: vec![
            PhoneNumber::new(
                phone["original_phone_number"].as_str().unwrap(),
                phone["country_code"].as_str(),
            )
            .unwrap(),
        ],
        primary_location: Some(Location {
            line_1: text(&loc["line_1"]),
            line_2: text(&loc["line_2"]),
            line_3: text(&loc["line_3"]),
            line_4: text(&loc["line_4"]),
            locality: text(&loc["locality"]),
            region: text(&loc["region"]),
            postcode: text(&loc["postcode"]),
            country_code: text(&loc["country_code"]),
            latitude: text(&loc["latitude"]),
            longitude: text(&loc["longitude"]),
        }),
        linkedin_url: text(&v["linkedin"]),
        created_at: None,
    }
}

/// The workspace of `workspaces/create.request.json`, referring to `company` (the documented
/// ids belong to the documentation's workspace; its users are attached by creating them).
fn workspace_from_fixture(company: Uuid) -> Workspace {
    let body = fixture_json("workspaces/create.request.json");
    let v = &body["data"]["values"];
    Workspace {
        workspace_id: text(&v["workspace_id"]).unwrap(),
        name: text(&v["name"]),
        avatar_url: text(&v["avatar_url"]),
        users: vec![],
        company: Some(RecordRef::new(company)),
    }
}

/// The user of `users/create.request.json`, referring to `person` and `workspace`.
fn user_from_fixture(person: Uuid, workspace: Uuid) -> User {
    let body = fixture_json("users/create.request.json");
    let v = &body["data"]["values"];
    User {
        user_id: text(&v["user_id"]).unwrap(),
        primary_email_address: EmailAddress::new(v["primary_email_address"].as_str().unwrap())
            .unwrap(),
        person: Some(RecordRef::new(person)),
        workspace: vec![RecordRef::new(workspace)],
    }
}

fn emails(p: &Record<Person>) -> Vec<&str> {
    p.values
        .email_addresses
        .iter()
        .map(|e| e.email_address())
        .collect()
}

fn assert_not_found(result: Result<impl std::fmt::Debug, Error>) {
    let err = result.expect_err("the record is gone");
    assert!(err.is_not_found(), "{err}");
    assert_eq!(err.status(), Some(404));
    assert_eq!(err.code(), Some(&ErrorCode::NotFound));
    let api = err.as_api().expect("an API error");
    assert!(
        api.request
            .as_deref()
            .unwrap_or_default()
            .starts_with("GET /v2/"),
        "{api:?}"
    );
}

async fn create_attio(client: &Client) -> Record<Company> {
    client
        .create(&Company {
            domains: vec![Domain::new("attio.com").unwrap()],
            name: Some("Attio".into()),
            description: None,
        })
        .await
        .expect("company created")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn life_of_a_person() {
    let (emu, client) = start().await;
    let company = create_attio(&client).await;

    // create
    let john = person_from_fixture();
    let created = client.create(&john).await.expect("person created");
    assert_eq!(emails(&created), ["john-smith@attio.com"]);
    assert_eq!(created.values.name, john.name);
    assert_eq!(
        created.values.description.as_deref(),
        Some("Developer met at event")
    );
    assert_eq!(created.values.primary_location, john.primary_location);
    assert_eq!(created.values.phone_numbers[0].country_code(), Some("US"));
    assert_eq!(
        created.values.linkedin_url.as_deref(),
        Some("https://linkedin.com/in/johnsmith")
    );
    assert!(created.values.created_at.is_some());
    // The by-domain reference comes back by id.
    let company_ref = created.values.company.clone().expect("company set");
    assert_eq!(company_ref.record_id(), Some(company.id.record_id));
    let id = created.id.record_id;

    // get
    let fetched = client.get::<Person>(id).await.expect("person fetched");
    assert_eq!(fetched, created);

    // PATCH appends an email, in front of the existing one.
    let patched = client
        .update(
            id,
            &PersonUpdate::default()
                .email_addresses(vec![EmailAddress::new("john@work.example").unwrap()]),
        )
        .await
        .expect("patched");
    assert_eq!(
        emails(&patched),
        ["john@work.example", "john-smith@attio.com"]
    );
    assert_eq!(patched.values.name, john.name);

    // PUT replaces the emails; attributes not mentioned survive.
    let put = client
        .overwrite(
            id,
            &PersonUpdate::default()
                .email_addresses(vec![EmailAddress::new("js@replaced.example").unwrap()]),
        )
        .await
        .expect("overwritten");
    assert_eq!(emails(&put), ["js@replaced.example"]);
    assert_eq!(put.values.name, john.name);
    assert_eq!(put.values.description, john.description);

    // assert: creates first, then finds and updates the same record.
    let ada = Person {
        email_addresses: vec![EmailAddress::new("ada@example.com").unwrap()],
        name: Some(PersonalName::new("Ada", "Lovelace")),
        description: None,
        job_title: Some("Analyst".into()),
        company: None,
        phone_numbers: vec![],
        primary_location: None,
        linkedin_url: None,
        created_at: None,
    };
    let first = client
        .assert(&ada, |p| p.email_addresses)
        .await
        .expect("asserted");
    assert_eq!(emu.record_count("people"), 2);
    let promoted = Person {
        job_title: Some("Countess".into()),
        ..ada.clone()
    };
    let second = client
        .assert(&promoted, |p| p.email_addresses)
        .await
        .expect("asserted again");
    assert_eq!(second.id, first.id);
    assert_eq!(second.values.job_title.as_deref(), Some("Countess"));
    assert_eq!(emu.record_count("people"), 2);

    // query by a typed filter
    let smiths = client
        .query::<Person>()
        .filter(|p| {
            p.name
                .last_name()
                .eq("Smith")
                .and(p.email_addresses.email_domain().eq("replaced.example"))
        })
        .send()
        .await
        .expect("queried");
    assert_eq!(smiths.len(), 1);
    assert_eq!(smiths[0].id, created.id);
    let not_smiths = client
        .query::<Person>()
        .filter(|p| !p.name.last_name().eq("Smith"))
        .sort(|p| p.name.asc_by("last_name"))
        .send()
        .await
        .expect("queried");
    assert_eq!(
        not_smiths.iter().map(|r| r.id).collect::<Vec<_>>(),
        [first.id]
    );

    // follow the company reference: by id (as read), and by domain (as written)
    let followed = client.follow(&company_ref).await.expect("followed");
    assert_eq!(followed.id, company.id);
    assert_eq!(followed.values.name.as_deref(), Some("Attio"));
    let by_domain = client
        .follow(&RecordRef::<Company>::by_domain("attio.com").unwrap())
        .await
        .expect("followed");
    assert_eq!(by_domain.id, company.id);
    let err = client
        .follow(&RecordRef::<Company>::by_domain("nowhere.example").unwrap())
        .await
        .expect_err("no such company");
    assert!(err.is_not_found(), "{err}");
    let Error::ReferenceNotFound {
        object,
        attribute,
        value,
    } = &err
    else {
        panic!("concluded by the client, not answered by Attio: {err:?}")
    };
    assert_eq!((*object, *attribute), ("companies", "domains"));
    assert_eq!(value, "nowhere.example");

    // history of job_title after two updates
    for title in ["Engineer", "CTO"] {
        client
            .update(
                id,
                &PersonUpdate::default().job_title(Some(title.to_string())),
            )
            .await
            .expect("job title updated");
    }
    let history = client
        .history::<Person, _, _>(id, |p| p.job_title)
        .await
        .expect("history");
    let titles: Vec<&str> = history.iter().map(|t| t.value.as_str()).collect();
    assert_eq!(titles, ["Engineer", "CTO"]);
    assert!(history[0].active_until.is_some(), "{history:?}");
    assert!(history[1].is_active());
    assert_eq!(history[0].active_until, history[1].active_from);

    // delete, then get is a typed 404
    client.delete::<Person>(id).await.expect("deleted");
    assert_not_found(client.get::<Person>(id).await);
    let again = client
        .delete::<Person>(id)
        .await
        .expect_err("already deleted");
    assert!(again.is_not_found());
    assert_eq!(emu.record_count("people"), 1);
    emu.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn life_of_a_workspace_and_a_user() {
    let (emu, client) = start().await;
    let company = create_attio(&client).await;
    let person = client
        .create(&person_from_fixture())
        .await
        .expect("person created");

    // workspace: create, get
    let ws = client
        .create(&workspace_from_fixture(company.id.record_id))
        .await
        .expect("workspace created");
    assert_eq!(ws.values.workspace_id, "123");
    assert_eq!(ws.values.name.as_deref(), Some("Customer.com"));
    assert_eq!(
        ws.values.avatar_url.as_deref(),
        Some("https://example.com/avatar.png")
    );
    assert_eq!(
        ws.values.company.as_ref().and_then(RecordRef::record_id),
        Some(company.id.record_id)
    );
    let ws_id = ws.id.record_id;

    // user: create, get; the workspace's `users` follows the relationship
    let user = client
        .create(&user_from_fixture(person.id.record_id, ws_id))
        .await
        .expect("user created");
    assert_eq!(user.values.user_id, "123");
    assert_eq!(
        user.values.primary_email_address.email_address(),
        "person@company.com"
    );
    assert_eq!(
        client
            .get::<User>(user.id.record_id)
            .await
            .expect("user fetched"),
        user
    );
    let ws = client
        .get::<Workspace>(ws_id)
        .await
        .expect("workspace fetched");
    assert_eq!(ws.values.users, vec![RecordRef::new(user.id.record_id)]);
    assert_eq!(
        client
            .follow(&user.values.workspace[0])
            .await
            .expect("followed")
            .id,
        ws.id
    );
    assert_eq!(
        client
            .follow(user.values.person.as_ref().unwrap())
            .await
            .expect("followed")
            .id,
        person.id
    );

    // PATCH appends to the user's workspaces; PUT replaces them.
    let ws2 = client
        .create(&Workspace {
            workspace_id: "456".into(),
            name: Some("Second.com".into()),
            avatar_url: None,
            users: vec![],
            company: None,
        })
        .await
        .expect("second workspace");
    let patched = client
        .update(
            user.id.record_id,
            &UserUpdate::default().workspace(vec![RecordRef::new(ws2.id.record_id)]),
        )
        .await
        .expect("user patched");
    let ids: HashSet<_> = patched
        .values
        .workspace
        .iter()
        .filter_map(RecordRef::record_id)
        .collect();
    assert_eq!(ids, HashSet::from([ws_id, ws2.id.record_id]));
    let put = client
        .overwrite(
            user.id.record_id,
            &UserUpdate::default().workspace(vec![RecordRef::new(ws2.id.record_id)]),
        )
        .await
        .expect("user overwritten");
    assert_eq!(put.values.workspace, vec![RecordRef::new(ws2.id.record_id)]);

    // PATCH and PUT on the workspace: a name, then clearing the avatar.
    let renamed = client
        .update(
            ws_id,
            &WorkspaceUpdate::default().name(Some("Customer Inc".to_string())),
        )
        .await
        .expect("workspace patched");
    assert_eq!(renamed.values.name.as_deref(), Some("Customer Inc"));
    let cleared = client
        .overwrite(ws_id, &WorkspaceUpdate::default().avatar_url(None))
        .await
        .expect("workspace overwritten");
    assert_eq!(cleared.values.avatar_url, None);
    assert_eq!(cleared.values.name.as_deref(), Some("Customer Inc"));

    // assert a user on user_id: updates the existing one, then creates a new one.
    let moved = User {
        primary_email_address: EmailAddress::new("moved@company.com").unwrap(),
        ..user_from_fixture(person.id.record_id, ws_id)
    };
    let asserted = client
        .assert(&moved, |u| u.user_id)
        .await
        .expect("user asserted");
    assert_eq!(asserted.id, user.id);
    assert_eq!(
        asserted.values.primary_email_address.email_address(),
        "moved@company.com"
    );
    let newcomer = User {
        user_id: "789".into(),
        primary_email_address: EmailAddress::new("new@company.com").unwrap(),
        person: None,
        workspace: vec![],
    };
    let created = client
        .assert(&newcomer, |u| u.primary_email_address)
        .await
        .expect("user asserted");
    assert_ne!(created.id, user.id);
    assert_eq!(emu.record_count("users"), 2);

    // assert a workspace on workspace_id
    let ws_again = client
        .assert(
            &Workspace {
                name: Some("Customer.com".into()),
                ..workspace_from_fixture(company.id.record_id)
            },
            |w| w.workspace_id,
        )
        .await
        .expect("workspace asserted");
    assert_eq!(ws_again.id.record_id, ws_id);
    assert_eq!(ws_again.values.name.as_deref(), Some("Customer.com"));

    // typed queries
    let found = client
        .query::<User>()
        .filter(|u| u.user_id.in_(["123", "999"]))
        .send()
        .await
        .expect("users queried");
    assert_eq!(found.iter().map(|u| u.id).collect::<Vec<_>>(), [user.id]);
    let found = client
        .query::<Workspace>()
        .filter(|w| {
            w.name
                .starts_with("Customer")
                .and(w.company.eq(company.id.record_id))
        })
        .send()
        .await
        .expect("workspaces queried");
    assert_eq!(found.iter().map(|w| w.id).collect::<Vec<_>>(), [ws.id]);
    let found = client
        .query::<Workspace>()
        .filter(|_| Filter::record_id_in([ws2.id.record_id]))
        .send()
        .await
        .expect("workspaces queried");
    assert_eq!(found.iter().map(|w| w.id).collect::<Vec<_>>(), [ws2.id]);

    // delete, then 404
    client
        .delete::<User>(user.id.record_id)
        .await
        .expect("user deleted");
    assert_not_found(client.get::<User>(user.id.record_id).await);
    client
        .delete::<Workspace>(ws_id)
        .await
        .expect("workspace deleted");
    assert_not_found(client.get::<Workspace>(ws_id).await);
    emu.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stream_reads_every_page() {
    let (emu, client) = start().await;
    let workspaces = (0..1200).map(|i| Workspace {
        workspace_id: format!("ws-{i:04}"),
        name: Some(format!("Workspace {i}")),
        avatar_url: None,
        users: vec![],
        company: None,
    });
    let results = client.create_many(workspaces).concurrency(16).await;
    assert!(results.iter().all(Result::is_ok));
    assert_eq!(emu.record_count("workspaces"), 1200);

    // Default page size 500: pages of 500, 500 and 200; the short page ends the stream.
    let reads_before = emu.stats().read_requests;
    let all: Vec<Record<Workspace>> = client
        .query::<Workspace>()
        .sort(|w| w.workspace_id.asc())
        .stream()
        .try_collect()
        .await
        .expect("streamed");
    assert_eq!(all.len(), 1200);
    assert_eq!(emu.stats().read_requests - reads_before, 3);
    let ids: Vec<&str> = all.iter().map(|w| w.values.workspace_id.as_str()).collect();
    let expected: Vec<String> = (0..1200).map(|i| format!("ws-{i:04}")).collect();
    assert_eq!(ids, expected);

    // A page size dividing the total: the fourth, empty page ends it.
    let reads_before = emu.stats().read_requests;
    let count = client
        .query::<Workspace>()
        .limit(400)
        .stream()
        .count()
        .await;
    assert_eq!(count, 1200);
    assert_eq!(emu.stats().read_requests - reads_before, 4);

    // Filters, an offset and a small page, lazily: only what is polled is fetched.
    let reads_before = emu.stats().read_requests;
    let first_three: Vec<_> = client
        .query::<Workspace>()
        .filter(|w| w.workspace_id.starts_with("ws-01"))
        .sort(|w| w.workspace_id.desc())
        .offset(10)
        .limit(2)
        .stream()
        .take(3)
        .try_collect()
        .await
        .expect("streamed");
    let ids: Vec<&str> = first_three
        .iter()
        .map(|w| w.values.workspace_id.as_str())
        .collect();
    assert_eq!(ids, ["ws-0189", "ws-0188", "ws-0187"]);
    assert_eq!(emu.stats().read_requests - reads_before, 2);

    // send() is one page.
    let page = client
        .query::<Workspace>()
        .limit(50)
        .offset(1190)
        .send()
        .await
        .expect("page");
    assert_eq!(page.len(), 10);
    emu.shutdown().await;
}
