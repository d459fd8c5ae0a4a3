//! A hand-written direct serde visitor for the generated people query response: the decoder
//! a careful developer would write by hand for this one response shape, with no SDK.
//!
//! Keys are matched as borrowed `&str` without allocating, fields nobody reads are skipped
//! with `IgnoredAny`, each value array keeps its active value(s) as it streams past, and the
//! `attribute_type` of every value is compared with the expected one. It produces the same
//! kinds of owned values the derived model holds (strings, numbers, UUIDs, timestamps), but
//! has no error context (which object, record, attribute, path), no `Tracked` metadata and no
//! knowledge of other objects: it decodes this response shape and nothing else.

use std::fmt;
use std::marker::PhantomData;

use chrono::{DateTime, Utc};
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use uuid::Uuid;

/// One decoded record.
#[derive(Debug, Default)]
pub struct HandRecord {
    /// `id.workspace_id`
    pub workspace_id: Uuid,
    /// `id.object_id`
    pub object_id: Uuid,
    /// `id.record_id`
    pub record_id: Uuid,
    /// `created_at`
    pub created_at: Option<DateTime<Utc>>,
    /// `web_url`
    pub web_url: Option<String>,
    /// `values`
    pub values: HandPerson,
}

/// The active values of the 20 attributes.
#[derive(Debug, Default)]
#[allow(missing_docs)]
pub struct HandPerson {
    pub record_id: Option<String>,
    pub email_addresses: Vec<Email>,
    pub name: Option<Name>,
    pub description: Option<String>,
    pub job_title: Option<String>,
    pub company: Option<Ref>,
    pub phone_numbers: Vec<Phone>,
    pub primary_location: Option<Location>,
    pub linkedin: Option<String>,
    pub twitter: Option<String>,
    pub facebook: Option<String>,
    pub instagram: Option<String>,
    pub angellist: Option<String>,
    pub avatar_url: Option<String>,
    pub created_at: Option<DateTime<Utc>>,
    pub created_by: Option<Actor>,
    pub strongest_connection_strength: Option<SelectOpt>,
    pub twitter_follower_count: Option<i64>,
    pub strongest_connection_strength_legacy: Option<f64>,
    pub last_interaction: Option<Interaction>,
}

/// An email address value.
#[derive(Debug, Default)]
#[allow(missing_docs)]
pub struct Email {
    pub email_address: String,
    pub original_email_address: Option<String>,
    pub email_domain: Option<String>,
    pub email_root_domain: Option<String>,
    pub email_local_specifier: Option<String>,
}

/// A personal name value.
#[derive(Debug, Default)]
#[allow(missing_docs)]
pub struct Name {
    pub first_name: String,
    pub last_name: String,
    pub full_name: String,
}

/// A record reference value.
#[derive(Debug, Default)]
#[allow(missing_docs)]
pub struct Ref {
    pub target_object: String,
    pub target_record_id: Uuid,
}

/// A phone number value.
#[derive(Debug, Default)]
#[allow(missing_docs)]
pub struct Phone {
    pub original_phone_number: String,
    pub country_code: Option<String>,
    pub phone_number: Option<String>,
}

/// A location value.
#[derive(Debug, Default)]
#[allow(missing_docs)]
pub struct Location {
    pub lines: [Option<String>; 4],
    pub locality: Option<String>,
    pub region: Option<String>,
    pub postcode: Option<String>,
    pub country_code: Option<String>,
    pub latitude: Option<String>,
    pub longitude: Option<String>,
}

/// An actor reference value.
#[derive(Debug, Default)]
#[allow(missing_docs)]
pub struct Actor {
    pub actor_type: String,
    pub id: Option<Uuid>,
}

/// A select value's option.
#[derive(Debug, Default)]
#[allow(missing_docs)]
pub struct SelectOpt {
    pub workspace_id: Option<Uuid>,
    pub object_id: Option<Uuid>,
    pub attribute_id: Option<Uuid>,
    pub option_id: Uuid,
    pub title: Option<String>,
    pub is_archived: bool,
}

/// An interaction value.
#[derive(Debug, Default)]
#[allow(missing_docs)]
pub struct Interaction {
    pub interaction_type: String,
    pub interacted_at: Option<DateTime<Utc>>,
    pub owner: Actor,
}

/// Decodes `{"data":[record, …]}`.
pub fn decode(bytes: &[u8]) -> serde_json::Result<Vec<HandRecord>> {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let out = Response.deserialize(&mut de)?;
    de.end()?;
    Ok(out)
}

// ---- keys: matched on the borrowed (or transient) str, never allocated ----

/// Maps a key to a small index; `u8::MAX` for keys nobody reads.
trait Keys {
    fn index(key: &str) -> u8;
}

struct Key<K>(PhantomData<K>);

impl<'de, K: Keys> DeserializeSeed<'de> for Key<K> {
    type Value = u8;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<u8, D::Error> {
        d.deserialize_identifier(self)
    }
}

impl<K: Keys> Visitor<'_> for Key<K> {
    type Value = u8;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a key")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<u8, E> {
        Ok(K::index(v))
    }
}

fn next_key<'de, K: Keys, A: MapAccess<'de>>(map: &mut A) -> Result<Option<u8>, A::Error> {
    map.next_key_seed(Key::<K>(PhantomData))
}

fn skip<'de, A: MapAccess<'de>>(map: &mut A) -> Result<(), A::Error> {
    map.next_value::<IgnoredAny>().map(|_| ())
}

/// Reads a string and compares it with the expected one, without allocating.
struct Expect(&'static str);

impl<'de> DeserializeSeed<'de> for Expect {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_str(self)
    }
}

impl Visitor<'_> for Expect {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "\"{}\"", self.0)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<(), E> {
        if v == self.0 {
            Ok(())
        } else {
            Err(E::invalid_value(de::Unexpected::Str(v), &self))
        }
    }
}

// ---- envelope ----

struct Response;

struct ResponseKeys;
impl Keys for ResponseKeys {
    fn index(key: &str) -> u8 {
        match key {
            "data" => 0,
            _ => u8::MAX,
        }
    }
}

impl<'de> DeserializeSeed<'de> for Response {
    type Value = Vec<HandRecord>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for Response {
    type Value = Vec<HandRecord>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a query response")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut data = None;
        while let Some(k) = next_key::<ResponseKeys, _>(&mut map)? {
            match k {
                0 => data = Some(map.next_value_seed(Records)?),
                _ => skip(&mut map)?,
            }
        }
        data.ok_or_else(|| de::Error::missing_field("data"))
    }
}

struct Records;

impl<'de> DeserializeSeed<'de> for Records {
    type Value = Vec<HandRecord>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Records {
    type Value = Vec<HandRecord>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array of records")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        while let Some(r) = seq.next_element_seed(RecordSeed)? {
            out.push(r);
        }
        Ok(out)
    }
}

struct RecordSeed;

struct RecordKeys;
impl Keys for RecordKeys {
    fn index(key: &str) -> u8 {
        match key {
            "id" => 0,
            "created_at" => 1,
            "web_url" => 2,
            "values" => 3,
            _ => u8::MAX,
        }
    }
}

impl<'de> DeserializeSeed<'de> for RecordSeed {
    type Value = HandRecord;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<HandRecord, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for RecordSeed {
    type Value = HandRecord;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a record")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<HandRecord, A::Error> {
        let mut r = HandRecord::default();
        let mut seen_id = false;
        while let Some(k) = next_key::<RecordKeys, _>(&mut map)? {
            match k {
                0 => {
                    let id = map.next_value_seed(IdSeed)?;
                    (r.workspace_id, r.object_id, r.record_id) = id;
                    seen_id = true;
                }
                1 => r.created_at = Some(map.next_value()?),
                2 => r.web_url = map.next_value()?,
                3 => r.values = map.next_value_seed(ValuesSeed)?,
                _ => skip(&mut map)?,
            }
        }
        if !seen_id {
            return Err(de::Error::missing_field("id"));
        }
        Ok(r)
    }
}

struct IdSeed;

struct IdKeys;
impl Keys for IdKeys {
    fn index(key: &str) -> u8 {
        match key {
            "workspace_id" => 0,
            "object_id" => 1,
            "record_id" => 2,
            _ => u8::MAX,
        }
    }
}

impl<'de> DeserializeSeed<'de> for IdSeed {
    type Value = (Uuid, Uuid, Uuid);
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for IdSeed {
    type Value = (Uuid, Uuid, Uuid);
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a record id")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let (mut w, mut o, mut r) = (None, None, None);
        while let Some(k) = next_key::<IdKeys, _>(&mut map)? {
            match k {
                0 => w = Some(map.next_value()?),
                1 => o = Some(map.next_value()?),
                2 => r = Some(map.next_value()?),
                _ => skip(&mut map)?,
            }
        }
        Ok((
            w.ok_or_else(|| de::Error::missing_field("workspace_id"))?,
            o.ok_or_else(|| de::Error::missing_field("object_id"))?,
            r.ok_or_else(|| de::Error::missing_field("record_id"))?,
        ))
    }
}

// ---- the values map ----

struct ValuesSeed;

struct ValueKeys;
impl Keys for ValueKeys {
    fn index(key: &str) -> u8 {
        match key {
            "record_id" => 0,
            "email_addresses" => 1,
            "name" => 2,
            "description" => 3,
            "job_title" => 4,
            "company" => 5,
            "phone_numbers" => 6,
            "primary_location" => 7,
            "linkedin" => 8,
            "twitter" => 9,
            "facebook" => 10,
            "instagram" => 11,
            "angellist" => 12,
            "avatar_url" => 13,
            "created_at" => 14,
            "created_by" => 15,
            "strongest_connection_strength" => 16,
            "twitter_follower_count" => 17,
            "strongest_connection_strength_legacy" => 18,
            "last_interaction" => 19,
            _ => u8::MAX,
        }
    }
}

impl<'de> DeserializeSeed<'de> for ValuesSeed {
    type Value = HandPerson;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<HandPerson, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for ValuesSeed {
    type Value = HandPerson;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a values map")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<HandPerson, A::Error> {
        let mut p = HandPerson::default();
        while let Some(k) = next_key::<ValueKeys, _>(&mut map)? {
            match k {
                0 => p.record_id = map.next_value_seed(Single::<Text>::new())?,
                1 => p.email_addresses = map.next_value_seed(Many::<EmailBody>::new())?,
                2 => p.name = map.next_value_seed(Single::<NameBody>::new())?,
                3 => p.description = map.next_value_seed(Single::<Text>::new())?,
                4 => p.job_title = map.next_value_seed(Single::<Text>::new())?,
                5 => p.company = map.next_value_seed(Single::<RefBody>::new())?,
                6 => p.phone_numbers = map.next_value_seed(Many::<PhoneBody>::new())?,
                7 => p.primary_location = map.next_value_seed(Single::<LocationBody>::new())?,
                8 => p.linkedin = map.next_value_seed(Single::<Text>::new())?,
                9 => p.twitter = map.next_value_seed(Single::<Text>::new())?,
                10 => p.facebook = map.next_value_seed(Single::<Text>::new())?,
                11 => p.instagram = map.next_value_seed(Single::<Text>::new())?,
                12 => p.angellist = map.next_value_seed(Single::<Text>::new())?,
                13 => p.avatar_url = map.next_value_seed(Single::<Text>::new())?,
                14 => p.created_at = map.next_value_seed(Single::<TimestampBody>::new())?,
                15 => p.created_by = map.next_value_seed(Single::<ActorBody>::new())?,
                16 => {
                    p.strongest_connection_strength =
                        map.next_value_seed(Single::<SelectBody>::new())?
                }
                17 => p.twitter_follower_count = map.next_value_seed(Single::<IntBody>::new())?,
                18 => {
                    p.strongest_connection_strength_legacy =
                        map.next_value_seed(Single::<FloatBody>::new())?
                }
                19 => p.last_interaction = map.next_value_seed(Single::<InteractionBody>::new())?,
                _ => skip(&mut map)?,
            }
        }
        Ok(p)
    }
}

// ---- value arrays and value objects ----

/// The type-specific part of a value object: its keys, how each is read, and the result.
trait Body: Default {
    const TYPE: &'static str;
    type Out;
    fn key(key: &str) -> u8;
    fn field<'de, A: MapAccess<'de>>(&mut self, k: u8, map: &mut A) -> Result<(), A::Error>;
    fn finish<E: de::Error>(self) -> Result<Self::Out, E>;
}

const ACTIVE_UNTIL: u8 = 200;
const ATTRIBUTE_TYPE: u8 = 201;

struct ValueKeysOf<B>(PhantomData<B>);
impl<B: Body> Keys for ValueKeysOf<B> {
    fn index(key: &str) -> u8 {
        match key {
            "active_until" => ACTIVE_UNTIL,
            "attribute_type" => ATTRIBUTE_TYPE,
            "active_from" | "created_by_actor" => u8::MAX,
            other => B::key(other),
        }
    }
}

/// One value object: `(is_active, value)`.
struct ValueObject<B>(PhantomData<B>);

impl<'de, B: Body> DeserializeSeed<'de> for ValueObject<B> {
    type Value = (bool, B::Out);
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de, B: Body> Visitor<'de> for ValueObject<B> {
    type Value = (bool, B::Out);
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "a {} value", B::TYPE)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut body = B::default();
        let mut active = true;
        while let Some(k) = next_key::<ValueKeysOf<B>, _>(&mut map)? {
            match k {
                ACTIVE_UNTIL => active = map.next_value::<Option<IgnoredAny>>()?.is_none(),
                ATTRIBUTE_TYPE => map.next_value_seed(Expect(B::TYPE))?,
                u8::MAX => skip(&mut map)?,
                k => body.field(k, &mut map)?,
            }
        }
        Ok((active, body.finish()?))
    }
}

/// A single-value attribute: the active value, if any.
struct Single<B>(PhantomData<B>);
impl<B> Single<B> {
    fn new() -> Self {
        Single(PhantomData)
    }
}

impl<'de, B: Body> DeserializeSeed<'de> for Single<B> {
    type Value = Option<B::Out>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de, B: Body> Visitor<'de> for Single<B> {
    type Value = Option<B::Out>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array of values")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut out = None;
        while let Some((active, v)) = seq.next_element_seed(ValueObject::<B>(PhantomData))? {
            if active {
                out = Some(v);
            }
        }
        Ok(out)
    }
}

/// A multi-value attribute: every active value.
struct Many<B>(PhantomData<B>);
impl<B> Many<B> {
    fn new() -> Self {
        Many(PhantomData)
    }
}

impl<'de, B: Body> DeserializeSeed<'de> for Many<B> {
    type Value = Vec<B::Out>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de, B: Body> Visitor<'de> for Many<B> {
    type Value = Vec<B::Out>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array of values")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut out = Vec::new();
        while let Some((active, v)) = seq.next_element_seed(ValueObject::<B>(PhantomData))? {
            if active {
                out.push(v);
            }
        }
        Ok(out)
    }
}

fn required<T, E: de::Error>(v: Option<T>, name: &'static str) -> Result<T, E> {
    v.ok_or_else(|| E::missing_field(name))
}

// ---- the bodies of the value types in the response ----

/// The `attribute_type` of a one-field (`value`) body.
trait Tag {
    const TYPE: &'static str;
}

struct TextTag;
impl Tag for TextTag {
    const TYPE: &'static str = "text";
}

struct NumberTag;
impl Tag for NumberTag {
    const TYPE: &'static str = "number";
}

struct TimestampTag;
impl Tag for TimestampTag {
    const TYPE: &'static str = "timestamp";
}

/// A value object whose one field is `value`.
struct Scalar<T, G>(Option<T>, PhantomData<G>);

impl<T, G> Default for Scalar<T, G> {
    fn default() -> Self {
        Scalar(None, PhantomData)
    }
}

impl<T: serde::de::DeserializeOwned, G: Tag> Body for Scalar<T, G> {
    const TYPE: &'static str = G::TYPE;
    type Out = T;
    fn key(key: &str) -> u8 {
        if key == "value" { 0 } else { u8::MAX }
    }
    fn field<'de, A: MapAccess<'de>>(&mut self, _: u8, map: &mut A) -> Result<(), A::Error> {
        self.0 = Some(map.next_value()?);
        Ok(())
    }
    fn finish<E: de::Error>(self) -> Result<T, E> {
        required(self.0, "value")
    }
}

type Text = Scalar<String, TextTag>;
type FloatBody = Scalar<f64, NumberTag>;
type IntBody = Scalar<i64, NumberTag>;
type TimestampBody = Scalar<DateTime<Utc>, TimestampTag>;

#[derive(Default)]
struct EmailBody {
    email_address: Option<String>,
    rest: [Option<String>; 4],
}
impl Body for EmailBody {
    const TYPE: &'static str = "email-address";
    type Out = Email;
    fn key(key: &str) -> u8 {
        match key {
            "email_address" => 0,
            "original_email_address" => 1,
            "email_domain" => 2,
            "email_root_domain" => 3,
            "email_local_specifier" => 4,
            _ => u8::MAX,
        }
    }
    fn field<'de, A: MapAccess<'de>>(&mut self, k: u8, map: &mut A) -> Result<(), A::Error> {
        match k {
            0 => self.email_address = Some(map.next_value()?),
            k => self.rest[usize::from(k) - 1] = map.next_value()?,
        }
        Ok(())
    }
    fn finish<E: de::Error>(self) -> Result<Email, E> {
        let [original, domain, root, local] = self.rest;
        Ok(Email {
            email_address: required(self.email_address, "email_address")?,
            original_email_address: original,
            email_domain: domain,
            email_root_domain: root,
            email_local_specifier: local,
        })
    }
}

#[derive(Default)]
struct NameBody([Option<String>; 3]);
impl Body for NameBody {
    const TYPE: &'static str = "personal-name";
    type Out = Name;
    fn key(key: &str) -> u8 {
        match key {
            "first_name" => 0,
            "last_name" => 1,
            "full_name" => 2,
            _ => u8::MAX,
        }
    }
    fn field<'de, A: MapAccess<'de>>(&mut self, k: u8, map: &mut A) -> Result<(), A::Error> {
        self.0[usize::from(k)] = Some(map.next_value()?);
        Ok(())
    }
    fn finish<E: de::Error>(self) -> Result<Name, E> {
        let [first, last, full] = self.0;
        Ok(Name {
            first_name: required(first, "first_name")?,
            last_name: required(last, "last_name")?,
            full_name: required(full, "full_name")?,
        })
    }
}

#[derive(Default)]
struct RefBody(Option<String>, Option<Uuid>);
impl Body for RefBody {
    const TYPE: &'static str = "record-reference";
    type Out = Ref;
    fn key(key: &str) -> u8 {
        match key {
            "target_object" => 0,
            "target_record_id" => 1,
            _ => u8::MAX,
        }
    }
    fn field<'de, A: MapAccess<'de>>(&mut self, k: u8, map: &mut A) -> Result<(), A::Error> {
        match k {
            0 => self.0 = Some(map.next_value()?),
            _ => self.1 = Some(map.next_value()?),
        }
        Ok(())
    }
    fn finish<E: de::Error>(self) -> Result<Ref, E> {
        Ok(Ref {
            target_object: required(self.0, "target_object")?,
            target_record_id: required(self.1, "target_record_id")?,
        })
    }
}

#[derive(Default)]
struct PhoneBody([Option<String>; 3]);
impl Body for PhoneBody {
    const TYPE: &'static str = "phone-number";
    type Out = Phone;
    fn key(key: &str) -> u8 {
        match key {
            "original_phone_number" => 0,
            "country_code" => 1,
            "phone_number" => 2,
            _ => u8::MAX,
        }
    }
    fn field<'de, A: MapAccess<'de>>(&mut self, k: u8, map: &mut A) -> Result<(), A::Error> {
        self.0[usize::from(k)] = map.next_value()?;
        Ok(())
    }
    fn finish<E: de::Error>(self) -> Result<Phone, E> {
        let [original, country, number] = self.0;
        Ok(Phone {
            original_phone_number: required(original, "original_phone_number")?,
            country_code: country,
            phone_number: number,
        })
    }
}

#[derive(Default)]
struct LocationBody([Option<String>; 10]);
impl Body for LocationBody {
    const TYPE: &'static str = "location";
    type Out = Location;
    fn key(key: &str) -> u8 {
        match key {
            "line_1" => 0,
            "line_2" => 1,
            "line_3" => 2,
            "line_4" => 3,
            "locality" => 4,
            "region" => 5,
            "postcode" => 6,
            "country_code" => 7,
            "latitude" => 8,
            "longitude" => 9,
            _ => u8::MAX,
        }
    }
    fn field<'de, A: MapAccess<'de>>(&mut self, k: u8, map: &mut A) -> Result<(), A::Error> {
        self.0[usize::from(k)] = map.next_value()?;
        Ok(())
    }
    fn finish<E: de::Error>(self) -> Result<Location, E> {
        let [
            l1,
            l2,
            l3,
            l4,
            locality,
            region,
            postcode,
            country,
            lat,
            lon,
        ] = self.0;
        Ok(Location {
            lines: [l1, l2, l3, l4],
            locality,
            region,
            postcode,
            country_code: country,
            latitude: lat,
            longitude: lon,
        })
    }
}

#[derive(Default)]
struct ActorBody(Option<String>, Option<Uuid>);
impl Body for ActorBody {
    const TYPE: &'static str = "actor-reference";
    type Out = Actor;
    fn key(key: &str) -> u8 {
        match key {
            "referenced_actor_type" => 0,
            "referenced_actor_id" => 1,
            _ => u8::MAX,
        }
    }
    fn field<'de, A: MapAccess<'de>>(&mut self, k: u8, map: &mut A) -> Result<(), A::Error> {
        match k {
            0 => self.0 = Some(map.next_value()?),
            _ => self.1 = map.next_value()?,
        }
        Ok(())
    }
    fn finish<E: de::Error>(self) -> Result<Actor, E> {
        Ok(Actor {
            actor_type: required(self.0, "referenced_actor_type")?,
            id: self.1,
        })
    }
}

#[derive(Default)]
struct SelectBody(Option<SelectOpt>);
impl Body for SelectBody {
    const TYPE: &'static str = "select";
    type Out = SelectOpt;
    fn key(key: &str) -> u8 {
        if key == "option" { 0 } else { u8::MAX }
    }
    fn field<'de, A: MapAccess<'de>>(&mut self, _: u8, map: &mut A) -> Result<(), A::Error> {
        self.0 = Some(map.next_value_seed(OptionSeed)?);
        Ok(())
    }
    fn finish<E: de::Error>(self) -> Result<SelectOpt, E> {
        required(self.0, "option")
    }
}

#[derive(Default)]
struct InteractionBody(Option<String>, Option<DateTime<Utc>>, Option<Actor>);
impl Body for InteractionBody {
    const TYPE: &'static str = "interaction";
    type Out = Interaction;
    fn key(key: &str) -> u8 {
        match key {
            "interaction_type" => 0,
            "interacted_at" => 1,
            "owner_actor" => 2,
            _ => u8::MAX,
        }
    }
    fn field<'de, A: MapAccess<'de>>(&mut self, k: u8, map: &mut A) -> Result<(), A::Error> {
        match k {
            0 => self.0 = Some(map.next_value()?),
            1 => self.1 = Some(map.next_value()?),
            _ => self.2 = Some(map.next_value_seed(OwnerSeed)?),
        }
        Ok(())
    }
    fn finish<E: de::Error>(self) -> Result<Interaction, E> {
        Ok(Interaction {
            interaction_type: required(self.0, "interaction_type")?,
            interacted_at: Some(required(self.1, "interacted_at")?),
            owner: required(self.2, "owner_actor")?,
        })
    }
}

// ---- nested objects of select and interaction values ----

struct OptionSeed;

struct OptionKeys;
impl Keys for OptionKeys {
    fn index(key: &str) -> u8 {
        match key {
            "id" => 0,
            "title" => 1,
            "is_archived" => 2,
            _ => u8::MAX,
        }
    }
}

struct OptionIdKeys;
impl Keys for OptionIdKeys {
    fn index(key: &str) -> u8 {
        match key {
            "workspace_id" => 0,
            "object_id" => 1,
            "attribute_id" => 2,
            "option_id" => 3,
            _ => u8::MAX,
        }
    }
}

impl<'de> DeserializeSeed<'de> for OptionSeed {
    type Value = SelectOpt;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<SelectOpt, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for OptionSeed {
    type Value = SelectOpt;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a select option")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<SelectOpt, A::Error> {
        let mut o = SelectOpt::default();
        let mut option_id = None;
        while let Some(k) = next_key::<OptionKeys, _>(&mut map)? {
            match k {
                0 => {
                    let ids = map.next_value_seed(OptionIdSeed)?;
                    (o.workspace_id, o.object_id, o.attribute_id) = (ids[0], ids[1], ids[2]);
                    option_id = ids[3];
                }
                1 => o.title = map.next_value()?,
                2 => o.is_archived = map.next_value()?,
                _ => skip(&mut map)?,
            }
        }
        o.option_id = required(option_id, "option_id")?;
        Ok(o)
    }
}

struct OptionIdSeed;

impl<'de> DeserializeSeed<'de> for OptionIdSeed {
    type Value = [Option<Uuid>; 4];
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for OptionIdSeed {
    type Value = [Option<Uuid>; 4];
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a select option id")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut ids = [None; 4];
        while let Some(k) = next_key::<OptionIdKeys, _>(&mut map)? {
            match k {
                u8::MAX => skip(&mut map)?,
                k => ids[usize::from(k)] = map.next_value()?,
            }
        }
        Ok(ids)
    }
}

struct OwnerSeed;

struct OwnerKeys;
impl Keys for OwnerKeys {
    fn index(key: &str) -> u8 {
        match key {
            "type" => 0,
            "id" => 1,
            _ => u8::MAX,
        }
    }
}

impl<'de> DeserializeSeed<'de> for OwnerSeed {
    type Value = Actor;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Actor, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for OwnerSeed {
    type Value = Actor;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an actor")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Actor, A::Error> {
        let mut a = Actor::default();
        while let Some(k) = next_key::<OwnerKeys, _>(&mut map)? {
            match k {
                0 => a.actor_type = map.next_value::<Option<String>>()?.unwrap_or_default(),
                1 => a.id = map.next_value()?,
                _ => skip(&mut map)?,
            }
        }
        Ok(a)
    }
}
