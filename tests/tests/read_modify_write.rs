//! Read-modify-write through the emulator, one property per value type: a read shape as
//! Attio sends it → the value decoded from it → written back by the client → stored by the
//! emulator → read again gives the same value (normalised forms compared where Attio
//! normalises). Then whole records read and written back, as a user does.

mod common;

use std::sync::OnceLock;

use attio_core::values::{
    ActorRef, Currency, Date, Domain, EmailAddress, Location, PersonalName, PhoneNumber, Rating,
    ReadValue, SelectOption, Status, Timestamp,
};
use attio_core::{AnyRecordRef, AttioRecord, Client, RecordRef};
use attio_emulator::Emulator;
use common::{Company, Deal, DealUpdate};
use proptest::prelude::*;
use serde_json::{Value, json};
use tokio::runtime::Runtime;
use uuid::Uuid;

// ---------------------------------------------------------------------------------------
// The workspace every property writes to
// ---------------------------------------------------------------------------------------

/// `gadgets`: one attribute of every writable type but personal-name (only `people.name`).
#[derive(AttioRecord, Debug, Clone, PartialEq, Default)]
#[attio(object = "gadgets")]
struct Gadget {
    title: Option<String>,
    weight: Option<f64>,
    count: Option<i64>,
    active: Option<bool>,
    price: Option<Currency>,
    launched: Option<Date>,
    seen_at: Option<Timestamp>,
    stars: Option<Rating>,
    phase: Option<Status>,
    tag: Option<SelectOption>,
    owner: Option<ActorRef>,
    maker: Option<RecordRef<Company>>,
    link: Option<AnyRecordRef>,
    site: Option<Location>,
    hosts: Vec<Domain>,
    contacts: Vec<EmailAddress>,
    phones: Vec<PhoneNumber>,
}

/// `people` with only its name.
#[derive(AttioRecord, Debug, Clone, PartialEq)]
#[attio(object = "people")]
struct Named {
    name: Option<PersonalName>,
}

struct World {
    rt: Runtime,
    client: Client,
    /// The full status objects of `gadgets.phase`, as Attio sends them.
    statuses: Vec<Value>,
    /// The full option objects of `gadgets.tag`.
    options: Vec<Value>,
    members: Vec<Uuid>,
    companies: Vec<Uuid>,
    people: Vec<Uuid>,
    _emu: Emulator,
}

/// A raw call to the emulator's API, for the setup the client does not cover.
async fn call(emu: &Emulator, method: reqwest::Method, path: &str, body: Option<Value>) -> Value {
    let mut rb = reqwest::Client::new()
        .request(method.clone(), format!("{}/v2{path}", emu.base_url()))
        .bearer_auth(emu.api_key());
    if let Some(b) = body {
        rb = rb
            .header("content-type", "application/json")
            .body(b.to_string());
    }
    let resp = rb.send().await.expect("request sent");
    let status = resp.status();
    let text = resp.text().await.expect("a body");
    let v: Value = serde_json::from_str(&text).expect("a JSON body");
    assert!(status.is_success(), "{method} {path} → {status}: {v}");
    v
}

async fn attribute(emu: &Emulator, slug: &str, ty: &str, multi: bool, config: Value) {
    call(
        emu,
        reqwest::Method::POST,
        "/objects/gadgets/attributes",
        Some(json!({"data": {
            "title": slug, "description": null, "api_slug": slug, "type": ty,
            "is_required": false, "is_unique": false, "is_multiselect": multi, "config": config}})),
    )
    .await;
}

async fn setup() -> (
    Emulator,
    Client,
    Vec<Value>,
    Vec<Value>,
    Vec<Uuid>,
    Vec<Uuid>,
    Vec<Uuid>,
) {
    use reqwest::Method;
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
    call(
        &emu,
        Method::POST,
        "/objects",
        Some(json!({"data": {"api_slug": "gadgets", "singular_noun": "Gadget", "plural_noun": "Gadgets"}})),
    )
    .await;
    let none = json!({});
    for (slug, ty, multi) in [
        ("title", "text", false),
        ("weight", "number", false),
        ("count", "number", false),
        ("active", "checkbox", false),
        ("launched", "date", false),
        ("seen_at", "timestamp", false),
        ("stars", "rating", false),
        ("phase", "status", false),
        ("tag", "select", false),
        ("owner", "actor-reference", false),
        ("site", "location", false),
        ("hosts", "domain", true),
        ("contacts", "email-address", true),
        ("phones", "phone-number", true),
    ] {
        attribute(&emu, slug, ty, multi, none.clone()).await;
    }
    attribute(
        &emu,
        "price",
        "currency",
        false,
        json!({"currency": {"default_currency_code": "EUR", "display_type": "symbol"}}),
    )
    .await;
    attribute(
        &emu,
        "maker",
        "record-reference",
        false,
        json!({"record_reference": {"allowed_objects": ["companies"]}}),
    )
    .await;
    attribute(
        &emu,
        "link",
        "record-reference",
        false,
        json!({"record_reference": {"allowed_objects": ["companies", "people"]}}),
    )
    .await;
    for title in ["Idea", "Prototype", "Shipped 🚀"] {
        call(
            &emu,
            Method::POST,
            "/objects/gadgets/attributes/phase/statuses",
            Some(json!({"data": {"title": title}})),
        )
        .await;
        call(
            &emu,
            Method::POST,
            "/objects/gadgets/attributes/tag/options",
            Some(json!({"data": {"title": title}})),
        )
        .await;
    }
    let list = |v: Value| v["data"].as_array().cloned().unwrap_or_default();
    let statuses = list(
        call(
            &emu,
            Method::GET,
            "/objects/gadgets/attributes/phase/statuses",
            None,
        )
        .await,
    );
    let options = list(
        call(
            &emu,
            Method::GET,
            "/objects/gadgets/attributes/tag/options",
            None,
        )
        .await,
    );
    let members = list(call(&emu, Method::GET, "/workspace_members", None).await)
        .iter()
        .map(|m| uuid(&m["id"]["workspace_member_id"]))
        .collect();
    let mut companies = vec![];
    let mut people = vec![];
    for i in 0..3 {
        let c = call(
            &emu,
            Method::POST,
            "/objects/companies/records",
            Some(json!({"data": {"values": {"name": format!("Company {i}")}}})),
        )
        .await;
        companies.push(uuid(&c["data"]["id"]["record_id"]));
        let p = call(
            &emu,
            Method::POST,
            "/objects/people/records",
            Some(json!({"data": {"values": {"name": format!("Person {i}")}}})),
        )
        .await;
        people.push(uuid(&p["data"]["id"]["record_id"]));
    }
    (emu, client, statuses, options, members, companies, people)
}

fn uuid(v: &Value) -> Uuid {
    v.as_str().and_then(|s| s.parse().ok()).expect("a UUID")
}

fn world() -> &'static World {
    static WORLD: OnceLock<World> = OnceLock::new();
    WORLD.get_or_init(|| {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .expect("a runtime");
        let (emu, client, statuses, options, members, companies, people) = rt.block_on(setup());
        World {
            rt,
            client,
            statuses,
            options,
            members,
            companies,
            people,
            _emu: emu,
        }
    })
}

// ---------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------

/// The value a read-side value object holding `fields` decodes to.
fn from_read_shape<V: ReadValue>(attribute_type: &str, fields: Value) -> V {
    let mut obj = json!({
        "active_from": "2024-03-01T09:30:00.123456789Z",
        "active_until": null,
        "created_by_actor": {"type": "api-token", "id": "29205fbf-4e85-4192-8730-05a9ed536956"},
    });
    let map = obj.as_object_mut().unwrap();
    map.extend(fields.as_object().expect("an object").clone());
    map.insert("attribute_type".into(), json!(attribute_type));
    attio_core::json::decode_value(obj.to_string().as_bytes())
        .unwrap_or_else(|e| panic!("{obj}: {e}"))
}

/// Writes `g` with the client (a create), reads it back (a get) and returns what was read.
fn through_emulator(g: &Gadget) -> Gadget {
    let w = world();
    w.rt.block_on(async {
        let created = w
            .client
            .create(g)
            .await
            .unwrap_or_else(|e| panic!("{g:?}: {e}"));
        let got = w
            .client
            .get::<Gadget>(created.id.record_id)
            .await
            .expect("the record reads back");
        assert_eq!(created.values, got.values);
        got.values
    })
}

fn pick<T: Clone + std::fmt::Debug + 'static>(
    items: impl Fn(&'static World) -> &'static [T] + 'static,
) -> impl Strategy<Value = T> {
    let n = items(world()).len();
    (0..n).prop_map(move |i| items(world())[i].clone())
}

/// A finite f64 with at most 15 significant digits and `max_decimals` decimals.
fn decimal(max_decimals: u32) -> impl Strategy<Value = f64> {
    let limit = 10i64.pow(15) - 1;
    (-limit..=limit, 0..=max_decimals).prop_map(|(m, k)| m as f64 / 10f64.powi(k as i32))
}

fn timestamp() -> impl Strategy<Value = Timestamp> {
    (-62_167_219_200i64..=253_402_300_799, 0u32..1_000_000_000)
        .prop_map(|(s, n)| Timestamp::from_timestamp(s, n).unwrap())
}

/// A host name and its registrable root, lower-case, as Attio sends them.
fn hostname() -> impl Strategy<Value = (String, String)> {
    (
        proptest::collection::vec("[a-z0-9]([a-z0-9-]{0,6}[a-z0-9])?", 0..3),
        "[a-z0-9]([a-z0-9-]{0,6}[a-z0-9])?",
        "[a-z]{2,6}",
    )
        .prop_map(|(subs, name, tld)| {
            let root = format!("{name}.{tld}");
            let mut host = subs.join(".");
            if !host.is_empty() {
                host.push('.');
            }
            host.push_str(&root);
            (host, root)
        })
}

/// A phone number as Attio reads it back: `(original, country, E.164)`, the original in
/// one of the forms people type.
fn phone() -> impl Strategy<Value = (String, String, String)> {
    const PLANS: &[(&str, &str, usize, bool)] = &[
        // country, calling code, digits after it, whether a national number keeps its 0
        ("US", "1", 10, false),
        ("CA", "1", 10, false),
        ("GB", "44", 10, false),
        ("FR", "33", 9, false),
        ("DE", "49", 10, false),
        ("IT", "39", 10, true),
        ("IN", "91", 10, false),
        ("JP", "81", 10, false),
        ("AU", "61", 9, false),
        ("KZ", "7", 10, false),
        ("NU", "683", 4, false),
    ];
    (prop::sample::select(PLANS), "[1-9][0-9]{11}", 0..3usize).prop_map(
        |((country, code, len, keeps_zero), digits, form)| {
            let national = &digits[..len];
            let e164 = format!("+{code}{national}");
            let (head, tail) = national.split_at(len / 2);
            let original = match form {
                0 => e164.clone(),
                1 => format!("+{code} {head} {tail}"),
                _ if keeps_zero => format!("+{code} ({head}) {tail}"),
                _ if code == "1" => format!("({head}) {tail}"),
                _ => format!("0{head} {tail}"),
            };
            (original, country.to_owned(), e164)
        },
    )
}

/// Country codes of Attio's list.
fn country() -> impl Strategy<Value = String> {
    prop::sample::select(&["US", "GB", "FR", "DE", "JP", "BR", "IN", "ZA", "NZ", "XK"][..])
        .prop_map(str::to_owned)
}

/// A coordinate within ±`max` with up to 9 decimals, as Attio sends it: a string, or
/// (tolerated) a number.
fn coordinate(max: u32) -> impl Strategy<Value = Value> {
    (
        "-?",
        0..max,
        proptest::option::of("[0-9]{1,9}"),
        any::<bool>(),
    )
        .prop_map(|(sign, int, frac, as_number)| {
            let text = match frac {
                Some(f) => format!("{sign}{int}.{f}"),
                None => format!("{sign}{int}"),
            };
            if as_number {
                json!(text.parse::<f64>().unwrap())
            } else {
                json!(text)
            }
        })
}

/// A first or last name.
fn name_part() -> impl Strategy<Value = String> {
    "([A-Z][a-z\\u{e0}-\\u{ff}'-]{0,9})?"
}

// ---------------------------------------------------------------------------------------
// One property per value type
// ---------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn text(v in any::<String>()) {
        let title: String = from_read_shape("text", json!({"value": v}));
        let back = through_emulator(&Gadget { title: Some(title.clone()), ..Gadget::default() });
        prop_assert_eq!(back.title, Some(title));
    }

    #[test]
    fn number(v in decimal(6), n in -(1i64 << 53)..=(1i64 << 53)) {
        let weight: f64 = from_read_shape("number", json!({"value": v}));
        let count: i64 = from_read_shape("number", json!({"value": n}));
        let back = through_emulator(&Gadget { weight: Some(weight), count: Some(count), ..Gadget::default() });
        prop_assert_eq!((back.weight, back.count), (Some(weight), Some(count)));
    }

    #[test]
    fn checkbox(v in any::<bool>(), as_string in any::<bool>()) {
        let sent = if as_string { json!(v.to_string()) } else { json!(v) };
        let active: bool = from_read_shape("checkbox", json!({"value": sent}));
        let back = through_emulator(&Gadget { active: Some(active), ..Gadget::default() });
        prop_assert_eq!(back.active, Some(v));
    }

    /// The amount is read back with the attribute's currency code, and written back as it
    /// is: the code is left out.
    #[test]
    fn currency(v in decimal(4), as_string in any::<bool>()) {
        let sent = if as_string { json!(format!("{v:.4}")) } else { json!(v) };
        let price: Currency = from_read_shape("currency", json!({"currency_value": sent, "currency_code": "EUR"}));
        prop_assert_eq!(price.currency_code.as_deref(), Some("EUR"));
        let back = through_emulator(&Gadget { price: Some(price.clone()), ..Gadget::default() });
        prop_assert_eq!(back.price, Some(price));
    }

    #[test]
    fn date(y in 0i32..=9999, m in 1u32..=12, d in 1u32..=28, as_datetime in any::<bool>()) {
        let text = if as_datetime {
            format!("{y:04}-{m:02}-{d:02}T12:00:00.000000000Z")
        } else {
            format!("{y:04}-{m:02}-{d:02}")
        };
        let launched: Date = from_read_shape("date", json!({"value": text}));
        let back = through_emulator(&Gadget { launched: Some(launched), ..Gadget::default() });
        prop_assert_eq!(back.launched, Some(launched));
    }

    #[test]
    fn timestamp_(t in timestamp()) {
        let text = t.format("%Y-%m-%dT%H:%M:%S%.9fZ").to_string();
        let seen_at: Timestamp = from_read_shape("timestamp", json!({"value": text}));
        let back = through_emulator(&Gadget { seen_at: Some(seen_at), ..Gadget::default() });
        prop_assert_eq!(back.seen_at, Some(t));
    }

    #[test]
    fn rating(stars in 0u8..=5, as_float in any::<bool>()) {
        let sent = if as_float { json!(f64::from(stars)) } else { json!(stars) };
        let r: Rating = from_read_shape("rating", json!({"value": sent}));
        let back = through_emulator(&Gadget { stars: Some(r), ..Gadget::default() });
        prop_assert_eq!(back.stars.map(Rating::get), Some(stars));
    }

    /// Read as the full status object (what record responses send) or as a bare id (the
    /// spec's other variant), written back by id.
    #[test]
    fn status(s in pick(|w| &w.statuses), bare in any::<bool>()) {
        let sent = if bare { s["id"]["status_id"].clone() } else { s.clone() };
        let phase: Status = from_read_shape("status", json!({"status": sent}));
        let back = through_emulator(&Gadget { phase: Some(phase.clone()), ..Gadget::default() });
        let back = back.phase.expect("a status");
        prop_assert_eq!(back.status_id(), phase.status_id());
        prop_assert_eq!(back.title.as_deref(), s["title"].as_str());
        if !bare {
            prop_assert_eq!(back, phase);
        }
    }

    #[test]
    fn select(o in pick(|w| &w.options), bare in any::<bool>()) {
        let sent = if bare { o["id"]["option_id"].clone() } else { o.clone() };
        let tag: SelectOption = from_read_shape("select", json!({"option": sent}));
        let back = through_emulator(&Gadget { tag: Some(tag.clone()), ..Gadget::default() });
        let back = back.tag.expect("an option");
        prop_assert_eq!(back.option_id(), tag.option_id());
        prop_assert_eq!(back.title.as_deref(), o["title"].as_str());
        if !bare {
            prop_assert_eq!(back, tag);
        }
    }

    #[test]
    fn actor_reference(member in pick(|w| &w.members)) {
        let owner: ActorRef = from_read_shape(
            "actor-reference",
            json!({"referenced_actor_type": "workspace-member", "referenced_actor_id": member}),
        );
        let back = through_emulator(&Gadget { owner: Some(owner.clone()), ..Gadget::default() });
        prop_assert_eq!(back.owner, Some(owner));
    }

    #[test]
    fn record_reference(
        company in pick(|w| &w.companies),
        person in pick(|w| &w.people),
        to_person in any::<bool>(),
    ) {
        let maker: RecordRef<Company> = from_read_shape(
            "record-reference",
            json!({"target_object": "companies", "target_record_id": company}),
        );
        let (object, id) = if to_person { ("people", person) } else { ("companies", company) };
        let link: AnyRecordRef = from_read_shape(
            "record-reference",
            json!({"target_object": object, "target_record_id": id}),
        );
        let back = through_emulator(&Gadget { maker: Some(maker.clone()), link: Some(link.clone()), ..Gadget::default() });
        prop_assert_eq!(back.maker, Some(maker));
        prop_assert_eq!(back.link, Some(link));
    }

    #[test]
    fn location(
        lines in proptest::array::uniform4(proptest::option::of(any::<String>())),
        locality in proptest::option::of(any::<String>()),
        region in proptest::option::of("[A-Za-z ]{0,12}"),
        postcode in proptest::option::of(prop_oneof![
            "[A-Z0-9 ]{3,8}".prop_map(Value::from),
            (1000u32..99999).prop_map(Value::from),
        ]),
        country_code in proptest::option::of(country()),
        latitude in proptest::option::of(coordinate(90)),
        longitude in proptest::option::of(coordinate(180)),
    ) {
        let [l1, l2, l3, l4] = lines;
        let site: Location = from_read_shape("location", json!({
            "line_1": l1, "line_2": l2, "line_3": l3, "line_4": l4,
            "locality": locality, "region": region, "postcode": postcode,
            "country_code": country_code, "latitude": latitude, "longitude": longitude,
        }));
        let back = through_emulator(&Gadget { site: Some(site.clone()), ..Gadget::default() });
        prop_assert_eq!(back.site, Some(site));
    }

    /// Domains compare by `domain`; `root_domain` is Attio's to compute.
    #[test]
    fn domain((host, root) in hostname()) {
        let d: Domain = from_read_shape("domain", json!({"domain": host, "root_domain": root}));
        let back = through_emulator(&Gadget { hosts: vec![d.clone()], ..Gadget::default() });
        prop_assert_eq!(back.hosts.len(), 1);
        prop_assert_eq!(back.hosts[0].domain(), host.as_str());
        prop_assert!(back.hosts[0].root_domain().is_some());
        prop_assert_eq!(&back.hosts, &vec![d]);
    }

    /// Read back normalised (lower-case), the address writes and reads back the same.
    #[test]
    fn email_address(
        local in "[a-zA-Z0-9_+-]{1,10}(\\.[a-zA-Z0-9_+-]{1,10}){0,2}",
        (host, root) in hostname(),
    ) {
        let original = format!("{local}@{host}");
        let e: EmailAddress = from_read_shape("email-address", json!({
            "email_address": original.to_lowercase(),
            "original_email_address": original,
            "email_domain": host, "email_root_domain": root,
            "email_local_specifier": local.to_lowercase(),
        }));
        let back = through_emulator(&Gadget { contacts: vec![e.clone()], ..Gadget::default() });
        prop_assert_eq!(back.contacts.len(), 1);
        prop_assert_eq!(back.contacts[0].email_address(), original.to_lowercase());
        prop_assert_eq!(&back.contacts, &vec![e]);
    }

    /// Phone numbers compare by what is written (the original and the country); the
    /// normalised number is Attio's, checked against the E.164 form.
    #[test]
    fn phone_number((original, country, e164) in phone()) {
        let p: PhoneNumber = from_read_shape("phone-number", json!({
            "original_phone_number": original, "country_code": country, "phone_number": e164,
        }));
        let back = through_emulator(&Gadget { phones: vec![p.clone()], ..Gadget::default() });
        prop_assert_eq!(back.phones.len(), 1);
        prop_assert_eq!(back.phones[0].phone_number(), Some(e164.as_str()));
        prop_assert_eq!(&back.phones, &vec![p]);
    }

    /// A name read back writes back the same, whether its full name is `First Last` or
    /// another form that names both.
    #[test]
    fn personal_name(
        first in name_part(),
        last in name_part(),
        form in 0..3usize,
    ) {
        prop_assume!(!first.is_empty() || !last.is_empty());
        let plain = [first.as_str(), last.as_str()].join(" ").trim().to_owned();
        let full = match form {
            1 if !first.is_empty() && !last.is_empty() => format!("Dr. {plain}"),
            2 if !first.is_empty() && !last.is_empty() => format!("{last} {first}"),
            _ => plain,
        };
        let name: PersonalName = from_read_shape("personal-name", json!({
            "first_name": first, "last_name": last, "full_name": full,
        }));
        let w = world();
        let back = w.rt.block_on(async {
            let created = w.client.create(&Named { name: Some(name.clone()) }).await.expect("created");
            w.client.get::<Named>(created.id.record_id).await.expect("read back")
        });
        prop_assert_eq!(back.values.name, Some(name));
    }
}

// ---------------------------------------------------------------------------------------
// Whole records
// ---------------------------------------------------------------------------------------

/// A deal read back (a currency with its code, a status object, an actor) is written back
/// whole with PUT, and reads back the same.
#[test]
fn a_record_read_back_is_written_back_whole() {
    let w = world();
    w.rt.block_on(async {
        let deal = Deal {
            name: "Read, modify, write".into(),
            stage: Status::by_title("Lead"),
            owner: ActorRef::workspace_member(w.members[0]),
            value: Some(Currency::new(attio_core::Decimal::new(12345, 1))),
            associated_people: vec![RecordRef::new(w.people[0])],
            associated_company: Some(RecordRef::new(w.companies[0])),
        };
        let created = w.client.create(&deal).await.expect("created");
        let mut read = w
            .client
            .get::<Deal>(created.id.record_id)
            .await
            .expect("read")
            .values;
        assert_eq!(
            read.value.as_ref().unwrap().currency_code.as_deref(),
            Some("USD")
        );
        read.name = "Read, modified, written".into();
        let written = w
            .client
            .overwrite(created.id.record_id, &DealUpdate::from(read.clone()))
            .await
            .expect("the record read back is written back");
        assert_eq!(written.values, read);
        let again = w.client.get::<Deal>(created.id.record_id).await.unwrap();
        assert_eq!(again.values, read);
    });
}

/// A person read back whose first name is edited reads back with a full name built from
/// the new first name, not the stale one.
#[test]
fn an_edited_first_name_updates_the_full_name() {
    let w = world();
    w.rt.block_on(async {
        let created = w
            .client
            .create(&Named {
                name: Some(PersonalName::new("Ada", "Lovelace")),
            })
            .await
            .expect("created");
        let mut read = w
            .client
            .get::<Named>(created.id.record_id)
            .await
            .unwrap()
            .values;
        let name = read.name.as_mut().unwrap();
        name.first_name = "Augusta".into();
        let back = w
            .client
            .overwrite(created.id.record_id, &NamedUpdate::from(read))
            .await
            .expect("written back");
        let name = back.values.name.unwrap();
        assert_eq!(
            (name.first_name.as_str(), name.full_name.as_str()),
            ("Augusta", "Augusta Lovelace")
        );
    });
}
