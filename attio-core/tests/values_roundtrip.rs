//! Round trips, one property per value type: a generated value → its write form → the read
//! shape Attio would answer with (the write form plus the envelope and the fields Attio
//! derives) → decoded → the same value.

use std::marker::PhantomData;

use attio_core::__private::DecodeCtx;
use attio_core::values::{
    Actor, ActorRef, ActorType, AttioValue, Currency, Date, Domain, EmailAddress, Interaction,
    InteractionType, Location, OptionId, PersonalName, PhoneNumber, Rating, ReadValue,
    SelectOption, Status, StatusId, Timestamp, Tracked, WriteForm, WriteValue,
};
use attio_core::{AnyRecordRef, AttioRecord, AttioUpdate, AttributeDef, RecordRef};
use proptest::prelude::*;
use serde::de::IgnoredAny;
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serializer};
use serde_json::{Map, Value, json};
use uuid::Uuid;

// ---------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------

const ACTIVE_FROM: &str = "2023-01-01T15:00:00.000000000Z";

/// The write form of `v` as JSON (checked first, as the client does before sending).
fn written<V: WriteValue>(v: &V) -> Value {
    v.validate()
        .unwrap_or_else(|e| panic!("a generated value was refused: {e}"));
    serde_json::to_value(WriteForm(v)).unwrap()
}

/// A read-side value object of `V`'s type holding `fields` (an object).
fn read_shape<V: AttioValue>(fields: Value) -> String {
    let mut obj = Map::new();
    obj.insert("active_from".into(), json!(ACTIVE_FROM));
    obj.insert("active_until".into(), Value::Null);
    obj.insert(
        "created_by_actor".into(),
        json!({"type": "system", "id": null}),
    );
    let Value::Object(fields) = fields else {
        panic!("fields must be an object: {fields}")
    };
    obj.extend(fields);
    obj.insert("attribute_type".into(), json!(V::TYPE.as_str()));
    Value::Object(obj).to_string()
}

fn decode<V: ReadValue>(json: &str) -> V {
    let tracked: Tracked<V> =
        attio_core::json::decode_value(json.as_bytes()).unwrap_or_else(|e| panic!("{json}: {e}"));
    assert!(tracked.is_active());
    attio_core::json::decode_value(json.as_bytes()).unwrap_or_else(|e| panic!("{json}: {e}"))
}

/// For the types written as a bare value: `{"value": <write form>}`.
fn bare_roundtrip<V: ReadValue + WriteValue>(v: &V) -> V {
    decode(&read_shape::<V>(json!({ "value": written(v) })))
}

/// For the types whose write form is already the read shape's own keys.
fn object_roundtrip<V: ReadValue + WriteValue>(v: &V) -> V {
    decode(&read_shape::<V>(written(v)))
}

fn uuid() -> impl Strategy<Value = Uuid> {
    any::<u128>().prop_map(Uuid::from_u128)
}

/// A finite f64 whose shortest text has at most 15 significant digits and `max_decimals`
/// decimals. (serde_json without its `float_roundtrip` feature may misread longer ones by
/// one ulp; see the report on the workspace's serde_json features.)
fn decimal_f64(max_decimals: u32) -> impl Strategy<Value = f64> {
    let limit = 10i64.pow(15) - 1;
    (-limit..=limit, 0..=max_decimals).prop_map(|(m, k)| m as f64 / 10f64.powi(k as i32))
}

fn hostname() -> impl Strategy<Value = (String, String)> {
    (
        proptest::collection::vec("[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?", 0..3),
        "[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?",
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

/// Country codes of Attio's spec (among them the non-ISO `XK` and `AC`).
fn country() -> impl Strategy<Value = String> {
    prop::sample::select(
        &[
            "US", "GB", "FR", "DE", "JP", "BR", "IN", "ZA", "NZ", "XK", "AC", "AN",
        ][..],
    )
    .prop_map(str::to_owned)
}

/// Numbering plans: a country, its calling code and how many digits follow the code.
const PHONE_PLANS: &[(&str, &str, usize)] = &[
    ("US", "1", 10),
    ("CA", "1", 10),
    ("GB", "44", 10),
    ("FR", "33", 9),
    ("DE", "49", 11),
    ("IN", "91", 10),
    ("RU", "7", 10),
    ("KZ", "7", 10),
    ("BR", "55", 11),
    ("NU", "683", 4),
    ("FI", "358", 9),
];

fn timestamp() -> impl Strategy<Value = Timestamp> {
    // 0000-01-01T00:00:00Z ..= 9999-12-31T23:59:59Z
    (-62_167_219_200i64..=253_402_300_799, 0u32..1_000_000_000)
        .prop_map(|(s, n)| Timestamp::from_timestamp(s, n).unwrap())
}

struct NoUpdate<R>(PhantomData<R>);

impl<R: AttioRecord> AttioUpdate for NoUpdate<R> {
    type Record = R;
    fn is_empty(&self) -> bool {
        true
    }
    fn __encode_values<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_map(Some(0))?.end()
    }
}

/// A model implemented by hand, with none of the std traits.
struct Company;

impl AttioRecord for Company {
    const OBJECT: &'static str = "companies";
    const ATTRIBUTES: &'static [AttributeDef] = &[];
    type Attrs = ();
    type Update = NoUpdate<Company>;
    fn attrs() {}
    fn __encode_values<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_map(Some(0))?.end()
    }
    fn __decode_values<'de, D: Deserializer<'de>>(d: D, _: &DecodeCtx) -> Result<Self, D::Error> {
        IgnoredAny::deserialize(d).map(|_| Company)
    }
}

// ---------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn text(v in any::<String>()) {
        prop_assert_eq!(written(&v), json!(v));
        prop_assert_eq!(bare_roundtrip(&v), v);
    }

    #[test]
    fn tracked_text(v in any::<String>(), from in timestamp()) {
        let t = Tracked::new(v.clone());
        let mut fields = json!({ "value": written(&t) });
        fields["active_from"] = written(&from);
        fields["active_until"] = Value::Null;
        let back: Tracked<String> = decode(&read_shape::<String>(fields));
        prop_assert_eq!(&back.value, &v);
        prop_assert_eq!(back.active_from, Some(from));
        prop_assert!(back.is_active());
    }

    #[test]
    fn number_f64(v in decimal_f64(15)) {
        prop_assert!(written(&v).is_number());
        prop_assert_eq!(bare_roundtrip(&v), v);
    }

    #[test]
    fn number_i64(v in -(1i64 << 53)..=(1i64 << 53)) {
        prop_assert_eq!(written(&v), json!(v));
        prop_assert_eq!(bare_roundtrip(&v), v);
    }

    #[test]
    fn checkbox(v in any::<bool>()) {
        prop_assert_eq!(written(&v), json!(v));
        prop_assert_eq!(bare_roundtrip(&v), v);
    }

    /// Exact: up to nineteen significant digits (fifteen before the point, four after),
    /// written and read back with the same text.
    #[test]
    fn currency(
        mantissa in -(10i128.pow(19) - 1)..=(10i128.pow(19) - 1),
        code in "[A-Z]{3}",
        as_string in any::<bool>(),
    ) {
        let value = attio_core::Decimal::from_i128_with_scale(mantissa, 4);
        let v = Currency::new(value);
        prop_assert!(v.validate().is_ok());
        let w = serde_json::to_string(&WriteForm(&v)).unwrap();
        prop_assert_eq!(&w, &format!(r#"{{"currency_value":{value}}}"#));
        // Attio adds the attribute's currency; its documentation shows the amount as a string.
        let amount = if as_string { format!("\"{value}\"") } else { value.to_string() };
        let shape = format!(
            r#"{{"active_from":"{ACTIVE_FROM}","active_until":null,"created_by_actor":{{"type":"system","id":null}},"currency_value":{amount},"currency_code":"{code}","attribute_type":"currency"}}"#
        );
        let back: Currency = decode(&shape);
        prop_assert_eq!(back.currency_value.to_string(), value.to_string());
        prop_assert_eq!(&back, &Currency { currency_value: value, currency_code: Some(code) });
        prop_assert_eq!(back.without_code(), v);
    }

    #[test]
    fn date(y in 0i32..=9999, m in 1u32..=12, d in 1u32..=28) {
        let v = Date::from_ymd_opt(y, m, d).unwrap();
        prop_assert_eq!(written(&v), json!(format!("{y:04}-{m:02}-{d:02}")));
        prop_assert_eq!(bare_roundtrip(&v), v);
    }

    #[test]
    fn timestamp_keeps_nanoseconds(v in timestamp()) {
        let w = written(&v);
        let text = w.as_str().unwrap();
        prop_assert_eq!(text.len(), "2023-01-01T15:00:00.000000000Z".len());
        prop_assert!(text.ends_with('Z'));
        prop_assert_eq!(bare_roundtrip(&v), v);
    }

    #[test]
    fn rating(stars in 0u8..=5) {
        let v = Rating::new(stars).unwrap();
        prop_assert_eq!(written(&v), json!(stars));
        prop_assert_eq!(bare_roundtrip(&v), v);
    }

    #[test]
    fn status(
        ids in (uuid(), uuid(), uuid(), uuid()),
        title in any::<String>(),
        flags in (any::<bool>(), any::<bool>()),
        target in proptest::option::of("P[0-9]{1,2}DT[0-9]{1,2}H0M0S"),
        full in any::<bool>(),
    ) {
        let (workspace_id, object_id, attribute_id, status_id) = ids;
        let v = if full {
            Status {
                id: Some(StatusId {
                    workspace_id: Some(workspace_id),
                    object_id: Some(object_id),
                    attribute_id: Some(attribute_id),
                    status_id,
                }),
                title: Some(title.clone()),
                is_archived: flags.0,
                celebration_enabled: flags.1,
                target_time_in_status: target.clone(),
            }
        } else {
            Status::by_id(status_id)
        };
        let w = written(&v);
        prop_assert_eq!(&w, &json!({ "status": status_id.to_string() }));
        // Record responses send the whole status; the spec's other variant is the bare id.
        let fields = if full {
            json!({ "status": {
                "id": {
                    "workspace_id": workspace_id, "object_id": object_id,
                    "attribute_id": attribute_id, "status_id": status_id,
                },
                "title": title, "is_archived": flags.0, "celebration_enabled": flags.1,
                "target_time_in_status": target,
            }})
        } else {
            w
        };
        prop_assert_eq!(decode::<Status>(&read_shape::<Status>(fields)), v);
    }

    #[test]
    fn status_by_title_writes_the_title(title in "[^\\s].{0,20}") {
        let v = Status::by_title(title.clone());
        prop_assert_eq!(written(&v), json!({ "status": title }));
    }

    #[test]
    fn select(
        ids in (uuid(), uuid(), uuid(), uuid()),
        title in any::<String>(),
        archived in any::<bool>(),
        full in any::<bool>(),
    ) {
        let (workspace_id, object_id, attribute_id, option_id) = ids;
        let v = if full {
            SelectOption {
                id: Some(OptionId {
                    workspace_id: Some(workspace_id),
                    object_id: Some(object_id),
                    attribute_id: Some(attribute_id),
                    option_id,
                }),
                title: Some(title.clone()),
                is_archived: archived,
            }
        } else {
            SelectOption::by_id(option_id)
        };
        let w = written(&v);
        prop_assert_eq!(&w, &json!({ "option": option_id.to_string() }));
        let fields = if full {
            json!({ "option": {
                "id": {
                    "workspace_id": workspace_id, "object_id": object_id,
                    "attribute_id": attribute_id, "option_id": option_id,
                },
                "title": title, "is_archived": archived,
            }})
        } else {
            w
        };
        prop_assert_eq!(decode::<SelectOption>(&read_shape::<SelectOption>(fields)), v);
    }

    #[test]
    fn select_by_title_writes_the_title(title in "[^\\s].{0,20}") {
        let v = SelectOption::by_title(title.clone());
        prop_assert_eq!(written(&v), json!({ "option": title }));
    }

    #[test]
    fn record_ref(id in uuid()) {
        let v = RecordRef::<Company>::new(id);
        let w = written(&v);
        prop_assert_eq!(&w, &json!({ "target_object": "companies", "target_record_id": id.to_string() }));
        let back: RecordRef<Company> = object_roundtrip(&v);
        prop_assert_eq!(back.record_id(), Some(id));
        prop_assert_eq!(back, v);
    }

    #[test]
    fn any_record_ref(object in "[a-z][a-z0-9_]{0,15}", id in uuid()) {
        let v = AnyRecordRef::new(object.clone(), id);
        prop_assert_eq!(written(&v), json!({ "target_object": object, "target_record_id": id.to_string() }));
        prop_assert_eq!(object_roundtrip(&v), v);
    }

    #[test]
    fn actor_ref(id in uuid()) {
        let v = ActorRef::workspace_member(id);
        prop_assert_eq!(
            written(&v),
            json!({ "referenced_actor_type": "workspace-member", "referenced_actor_id": id.to_string() })
        );
        prop_assert_eq!(object_roundtrip(&v), v);
    }

    #[test]
    fn location(
        lines in proptest::array::uniform4(proptest::option::of(any::<String>())),
        locality in proptest::option::of(any::<String>()),
        region in proptest::option::of(any::<String>()),
        postcode in proptest::option::of("[A-Z0-9 ]{3,8}"),
        country_code in proptest::option::of(country()),
        latitude in proptest::option::of(("-?", 0u32..=89, proptest::option::of("[0-9]{1,9}"))),
        longitude in proptest::option::of(("-?", 0u32..=179, proptest::option::of("[0-9]{1,9}"))),
    ) {
        let coordinate = |c: Option<(String, u32, Option<String>)>| {
            c.map(|(sign, int, frac)| match frac {
                Some(f) => format!("{sign}{int}.{f}"),
                None => format!("{sign}{int}"),
            })
        };
        let [line_1, line_2, line_3, line_4] = lines;
        let v = Location {
            line_1, line_2, line_3, line_4, locality, region, postcode, country_code,
            latitude: coordinate(latitude),
            longitude: coordinate(longitude),
        };
        let w = written(&v);
        prop_assert_eq!(w.as_object().unwrap().len(), 10);
        prop_assert_eq!(object_roundtrip(&v), v);
    }

    #[test]
    fn domain((host, root) in hostname(), upper in any::<bool>()) {
        let input = if upper { format!("https://{}/about", host.to_uppercase()) } else { host.clone() };
        let v = Domain::new(&input).unwrap();
        prop_assert_eq!(written(&v), json!(host));
        let back: Domain = decode(&read_shape::<Domain>(json!({ "domain": host, "root_domain": root })));
        prop_assert_eq!(back.root_domain(), Some(root.as_str()));
        prop_assert_eq!(back, v);
    }

    #[test]
    fn email_address(
        local in "[a-zA-Z0-9_+-]{1,10}(\\.[a-zA-Z0-9_+-]{1,10}){0,2}",
        (host, root) in hostname(),
    ) {
        let address = format!("{local}@{host}");
        let v = EmailAddress::new(&address).unwrap();
        prop_assert_eq!(written(&v), json!(address));
        // Attio answers with the normalised (lower-case) address and its parts.
        let fields = json!({
            "original_email_address": address,
            "email_address": address.to_lowercase(),
            "email_domain": host,
            "email_root_domain": root,
            "email_local_specifier": local.to_lowercase(),
        });
        let back: EmailAddress = decode(&read_shape::<EmailAddress>(fields));
        prop_assert_eq!(back.original_email_address(), address.as_str());
        prop_assert_eq!(back.email_domain(), Some(host.as_str()));
        prop_assert_eq!(back.email_root_domain(), Some(root.as_str()));
        prop_assert_eq!(back, v);
    }

    #[test]
    fn phone_number(
        (country, code, length) in prop::sample::select(PHONE_PLANS),
        national in "[1-9][0-9]{13}",
        with_country in any::<bool>(),
    ) {
        let number = format!("+{code}{}", &national[..length]);
        let country = with_country.then(|| country.to_owned());
        let v = PhoneNumber::new(&number, country.as_deref()).unwrap();
        let w = written(&v);
        prop_assert_eq!(&w, &json!({ "original_phone_number": number, "country_code": country }));
        let mut fields = w;
        fields["phone_number"] = json!(number);
        let back: PhoneNumber = decode(&read_shape::<PhoneNumber>(fields));
        prop_assert_eq!(back.phone_number(), Some(number.as_str()));
        prop_assert_eq!(back, v);
    }

    /// A full name that names the first and the last name is written as held (one that
    /// does not is rebuilt: see `write_roundtrip.rs`).
    #[test]
    fn personal_name(
        first in "([A-Za-z\u{e0}-\u{ff}][A-Za-z\u{e0}-\u{ff}'-]{0,10})?",
        last in "([A-Za-z\u{e0}-\u{ff}][A-Za-z\u{e0}-\u{ff}'-]{0,10})?",
        title in proptest::option::of("(Dr\\.|Prof\\.|Sir|Lady)"),
    ) {
        prop_assume!(!first.is_empty() || !last.is_empty());
        let mut v = PersonalName::new(first.clone(), last.clone());
        if let (Some(title), false, false) = (title, first.is_empty(), last.is_empty()) {
            v.full_name = format!("{title} {}", v.full_name);
        }
        prop_assert_eq!(
            written(&v),
            json!({ "first_name": first, "last_name": last, "full_name": v.full_name })
        );
        prop_assert_eq!(object_roundtrip(&v), v);
    }

    /// `Interaction` has no write form (it is read only): generated value → read shape →
    /// decoded → the same value.
    #[test]
    fn interaction(
        kind in prop_oneof![
            Just(InteractionType::Email),
            Just(InteractionType::CalendarEvent),
            Just(InteractionType::Call),
            Just(InteractionType::ChatThread),
            Just(InteractionType::InPersonMeeting),
            Just(InteractionType::Meeting),
            "[a-z]{1,8}-[a-z]{1,8}".prop_map(|s| InteractionType::parse(&s)),
        ],
        at in timestamp(),
        owner in proptest::option::of(uuid()),
        member in any::<bool>(),
    ) {
        let actor_type = if member { ActorType::WorkspaceMember } else { ActorType::System };
        let v = Interaction {
            interaction_type: kind.clone(),
            interacted_at: at,
            owner_actor: Actor { actor_type: Some(actor_type.clone()), id: owner },
        };
        let fields = json!({
            "interaction_type": kind.as_str(),
            "interacted_at": written(&at),
            "owner_actor": { "type": actor_type.as_str(), "id": owner },
        });
        prop_assert_eq!(decode::<Interaction>(&read_shape::<Interaction>(fields)), v);
    }
}
