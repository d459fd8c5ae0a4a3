//! Typed query filters and sorts, built from a model's attribute handles.
//!
//! [`Client::query`](crate::Client::query) hands the closures of
//! [`Query::filter`](crate::Query::filter) and [`Query::sort`](crate::Query::sort) the
//! model's [`Attr`] handles (`PersonAttrs` for `Person`). Each handle offers the operators
//! Attio supports for its attribute type, and only those: a text attribute has
//! `contains`, a number has `gt`, a phone number has neither `gt` nor `in_`, and a mistake is
//! a compile error rather than a 400 `filter_error`. Filters serialize to Attio's verbose
//! syntax (`{"name":{"full_name":{"$eq":"Ada Lovelace"}}}`).
//!
//! | value type | operators on the attribute | property accessors |
//! |---|---|---|
//! | `String` (text) | `eq` `in_` `contains` `starts_with` `ends_with` | |
//! | `f64`, `i64`, [`Currency`], [`Rating`], [`Date`], [`Timestamp`] | `eq` `gt` `gte` `lt` `lte` | |
//! | `bool` | `eq` | |
//! | [`Status`], [`SelectOption`] | `eq(title_or_id)` | `active_from()` |
//! | [`RecordRef<T>`] | `eq(record_id)` `in_(record_ids)` | |
//! | [`ActorRef`] | `eq(workspace_member_id)` | |
//! | [`EmailAddress`] | `eq` `contains` `starts_with` `ends_with` (on `email_address`) | `email_address()` `original_email_address()` `email_domain()` `email_root_domain()` `email_local_specifier()` |
//! | [`Domain`] | `eq` `contains` `starts_with` `ends_with` `is_not_empty` (on `domain`) | `domain()` `root_domain()` |
//! | [`PhoneNumber`] | `eq` `contains` `starts_with` `ends_with` (on `phone_number`) | `phone_number()` `country_code()` |
//! | [`PersonalName`] | `eq` `contains` `starts_with` `ends_with` `is_not_empty` (on `full_name`) | `first_name()` `last_name()` `full_name()` |
//! | [`Location`] | — | `line_1()`…`line_4()` `locality()` `region()` `postcode()` `country_code()` |
//! | [`Interaction`] | — | `interacted_at()` `interaction_type()` `owner_member_id()` |
//!
//! Combine with [`Filter::and`], [`Filter::or`], `!filter` (or [`Filter::not`]),
//! [`Filter::all`] and [`Filter::any`]; [`Filter::record_id_in`] matches record ids.
//!
//! ```
//! use attio_core::{AttioRecord, filter::Filter};
//! use attio_core::values::{EmailAddress, PersonalName, PhoneNumber};
//!
//! #[derive(AttioRecord)]
//! #[attio(object = "people")]
//! struct Person {
//!     #[attio(unique)]
//!     email_addresses: Vec<EmailAddress>,
//!     name: Option<PersonalName>,
//!     job_title: Option<String>,
//!     phone_numbers: Vec<PhoneNumber>,
//! }
//!
//! let p = Person::attrs();
//! let f: Filter<Person> = p.name.last_name().eq("Smith").and(!p.job_title.eq("CTO"));
//! assert_eq!(
//!     f.to_string(),
//!     r#"{"$and":[{"name":{"last_name":{"$eq":"Smith"}}},{"$not":{"job_title":{"$eq":"CTO"}}}]}"#
//! );
//! ```
//!
//! An operator the attribute's type does not support does not compile:
//!
//! ```compile_fail
//! # use attio_core::AttioRecord;
//! # use attio_core::values::PhoneNumber;
//! # #[derive(AttioRecord)]
//! # #[attio(object = "people")]
//! # struct Person { phone_numbers: Vec<PhoneNumber> }
//! let f = Person::attrs().phone_numbers.gt("+44");
//! ```

use std::fmt;
use std::marker::PhantomData;

use chrono::SecondsFormat;
use serde_json::{Value, json};
use uuid::Uuid;

use crate::attr::Attr;
use crate::values::{
    ActorRef, Currency, Date, Domain, EmailAddress, Interaction, Location, PersonalName,
    PhoneNumber, Rating, RecordRef, SelectOption, Status, Timestamp,
};

/// A filter on records of the model `R`, in Attio's verbose syntax.
///
/// Built from attribute handles (`p.job_title.eq("CTO")`), combined with `and`, `or`, `!`,
/// or given as raw JSON with [`Filter::raw`]. `Display` shows the JSON sent.
pub struct Filter<R> {
    json: Value,
    _model: PhantomData<fn() -> R>,
}

impl<R> Filter<R> {
    /// A filter written in Attio's JSON syntax, unchecked.
    ///
    /// ```
    /// # use attio_core::filter::Filter;
    /// let f = Filter::<()>::raw(serde_json::json!({"job_title": "CTO"}));
    /// assert_eq!(f.to_string(), r#"{"job_title":"CTO"}"#);
    /// ```
    pub fn raw(json: Value) -> Self {
        Filter {
            json,
            _model: PhantomData,
        }
    }

    /// Both filters: `{"$and":[self, other]}` (flattened when either side already is one).
    #[must_use]
    pub fn and(self, other: Filter<R>) -> Self {
        Filter::all([self, other])
    }

    /// Either filter: `{"$or":[self, other]}` (flattened when either side already is one).
    #[must_use]
    pub fn or(self, other: Filter<R>) -> Self {
        Filter::any([self, other])
    }

    /// The opposite: `{"$not": self}`. Attio accepts `$not` around a single comparison.
    #[must_use]
    #[allow(clippy::should_implement_trait)] // it is implemented too: `!filter`
    pub fn not(self) -> Self {
        Filter::raw(json!({ "$not": self.json }))
    }

    /// Every filter: `{"$and":[…]}`. No filter at all matches every record.
    pub fn all(filters: impl IntoIterator<Item = Filter<R>>) -> Self {
        Filter::raw(json!({ "$and": flatten("$and", filters) }))
    }

    /// Any of the filters: `{"$or":[…]}`. No filter at all matches no record.
    pub fn any(filters: impl IntoIterator<Item = Filter<R>>) -> Self {
        Filter::raw(json!({ "$or": flatten("$or", filters) }))
    }

    /// Records whose id is one of `ids`: `{"record_id":{"$in":[…]}}`.
    ///
    /// ```
    /// # use attio_core::filter::Filter;
    /// let id = uuid::Uuid::nil();
    /// assert_eq!(
    ///     Filter::<()>::record_id_in([id]).to_string(),
    ///     r#"{"record_id":{"$in":["00000000-0000-0000-0000-000000000000"]}}"#
    /// );
    /// ```
    pub fn record_id_in(ids: impl IntoIterator<Item = Uuid>) -> Self {
        let ids: Vec<Value> = ids
            .into_iter()
            .map(|id| Value::String(id.to_string()))
            .collect();
        Filter::raw(json!({ "record_id": { "$in": ids } }))
    }

    /// The JSON sent.
    pub fn as_json(&self) -> &Value {
        &self.json
    }

    /// The JSON sent, by value.
    pub fn into_json(self) -> Value {
        self.json
    }
}

/// The operands of a logical operator, with nested uses of the same operator spliced in.
fn flatten<R>(op: &str, filters: impl IntoIterator<Item = Filter<R>>) -> Vec<Value> {
    let mut out = Vec::new();
    for f in filters {
        match f.json {
            Value::Object(mut m) if m.len() == 1 && m.get(op).is_some_and(Value::is_array) => {
                if let Some(Value::Array(inner)) = m.remove(op) {
                    out.extend(inner);
                }
            }
            other => out.push(other),
        }
    }
    out
}

impl<R> std::ops::Not for Filter<R> {
    type Output = Filter<R>;
    fn not(self) -> Filter<R> {
        Filter::not(self)
    }
}

impl<R> Clone for Filter<R> {
    fn clone(&self) -> Self {
        Filter::raw(self.json.clone())
    }
}

impl<R> PartialEq for Filter<R> {
    fn eq(&self, other: &Self) -> bool {
        self.json == other.json
    }
}

impl<R> fmt::Debug for Filter<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Filter({})", self.json)
    }
}

impl<R> fmt::Display for Filter<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.json, f)
    }
}

/// A sort on records of the model `R`: `{"attribute":"name","direction":"asc","field":"last_name"}`.
///
/// ```
/// use attio_core::AttioRecord;
/// use attio_core::values::PersonalName;
/// # #[derive(AttioRecord)]
/// # #[attio(object = "people")]
/// # struct Person { name: Option<PersonalName> }
/// let s = Person::attrs().name.desc_by("last_name");
/// assert_eq!(s.to_string(), r#"{"attribute":"name","direction":"desc","field":"last_name"}"#);
/// ```
pub struct Sort<R> {
    json: Value,
    _model: PhantomData<fn() -> R>,
}

impl<R> Sort<R> {
    fn new(direction: &str, attribute: &str, field: Option<&str>) -> Self {
        let mut json = json!({ "direction": direction, "attribute": attribute });
        if let Some(field) = field {
            json["field"] = Value::String(field.to_owned());
        }
        Sort {
            json,
            _model: PhantomData,
        }
    }

    /// A sort written in Attio's JSON syntax, unchecked (e.g. with a drill-down `path`).
    pub fn raw(json: Value) -> Self {
        Sort {
            json,
            _model: PhantomData,
        }
    }

    /// The JSON sent.
    pub fn as_json(&self) -> &Value {
        &self.json
    }

    /// The JSON sent, by value.
    pub fn into_json(self) -> Value {
        self.json
    }
}

impl<R> Clone for Sort<R> {
    fn clone(&self) -> Self {
        Sort::raw(self.json.clone())
    }
}

impl<R> PartialEq for Sort<R> {
    fn eq(&self, other: &Self) -> bool {
        self.json == other.json
    }
}

impl<R> fmt::Debug for Sort<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Sort({})", self.json)
    }
}

impl<R> fmt::Display for Sort<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.json, f)
    }
}

// ---------------------------------------------------------------------------------------
// Operator capabilities, one trait per operator, implemented per value type.

/// `{ "$op": operand }`, under `property` when there is one.
fn constraint(property: Option<&str>, op: &str, operand: Value) -> Value {
    let inner = json!({ op: operand });
    match property {
        Some(p) => json!({ p: inner }),
        None => inner,
    }
}

/// Value types whose attributes support `$eq`.
#[diagnostic::on_unimplemented(
    message = "attributes holding `{Self}` cannot be filtered with `eq`",
    note = "see the table in `attio_core::filter` for the operators each value type supports"
)]
pub trait EqOp {
    /// What `eq` compares with, e.g. `String` for text, `Uuid` for a record reference.
    type Operand;
    #[doc(hidden)]
    fn eq_constraint(operand: Self::Operand) -> Value;
}

/// Value types whose attributes support `$in`.
#[diagnostic::on_unimplemented(
    message = "attributes holding `{Self}` cannot be filtered with `in_`",
    note = "Attio supports `$in` on text attributes, record references and record ids; combine `eq` filters with `Filter::any` otherwise"
)]
pub trait InOp {
    /// The type of one candidate value.
    type Operand;
    #[doc(hidden)]
    fn in_constraint(operands: Vec<Self::Operand>) -> Value;
}

/// Value types whose attributes support `$contains`, `$starts_with` and `$ends_with`.
#[diagnostic::on_unimplemented(
    message = "attributes holding `{Self}` cannot be filtered with `contains`, `starts_with` or `ends_with`",
    note = "see the table in `attio_core::filter` for the operators each value type supports"
)]
pub trait TextOp {
    #[doc(hidden)]
    fn text_constraint(op: &'static str, operand: String) -> Value;
}

/// Value types whose attributes support `$starts_with` only, of the text operators.
#[diagnostic::on_unimplemented(
    message = "attributes holding `{Self}` cannot be filtered with `starts_with`",
    note = "see the table in `attio_core::filter` for the operators each value type supports"
)]
pub trait StartsWithOp {
    #[doc(hidden)]
    fn starts_with_constraint(operand: String) -> Value;
}

/// Value types whose attributes support `$gt`, `$gte`, `$lt` and `$lte`.
#[diagnostic::on_unimplemented(
    message = "attributes holding `{Self}` cannot be ordered with `gt`, `gte`, `lt` or `lte`",
    note = "Attio orders numbers, currencies, ratings, dates and timestamps only"
)]
pub trait OrdOp {
    /// What the bound is given as.
    type Operand;
    #[doc(hidden)]
    fn ord_constraint(op: &'static str, operand: Self::Operand) -> Value;
}

/// Value types whose attributes support `$not_empty`.
#[diagnostic::on_unimplemented(
    message = "attributes holding `{Self}` cannot be filtered with `is_not_empty`",
    note = "Attio supports `$not_empty` on domains, personal names and a few properties"
)]
pub trait NotEmptyOp {
    #[doc(hidden)]
    fn not_empty_constraint() -> Value;
}

impl<T: TextOp> StartsWithOp for T {
    fn starts_with_constraint(operand: String) -> Value {
        T::text_constraint("$starts_with", operand)
    }
}

/// Implements `eq` (and optionally the text operators and `$not_empty`) for a type compared
/// on one property, or on the value itself.
macro_rules! eq_on {
    ($ty:ty, $prop:expr, $operand:ty, |$v:ident| $to_json:expr) => {
        impl EqOp for $ty {
            type Operand = $operand;
            fn eq_constraint($v: $operand) -> Value {
                constraint($prop, "$eq", $to_json)
            }
        }
    };
}

macro_rules! text_on {
    ($ty:ty, $prop:expr) => {
        eq_on!($ty, $prop, String, |v| Value::String(v));
        impl TextOp for $ty {
            fn text_constraint(op: &'static str, operand: String) -> Value {
                constraint($prop, op, Value::String(operand))
            }
        }
    };
}

macro_rules! not_empty_on {
    ($ty:ty, $prop:expr) => {
        impl NotEmptyOp for $ty {
            fn not_empty_constraint() -> Value {
                constraint($prop, "$not_empty", Value::Bool(true))
            }
        }
    };
}

macro_rules! ord_on {
    ($ty:ty, $operand:ty, |$v:ident| $to_json:expr) => {
        eq_on!($ty, None, $operand, |$v| $to_json);
        impl OrdOp for $ty {
            type Operand = $operand;
            fn ord_constraint(op: &'static str, $v: $operand) -> Value {
                constraint(None, op, $to_json)
            }
        }
    };
}

fn timestamp_json(t: Timestamp) -> Value {
    Value::String(t.to_rfc3339_opts(SecondsFormat::Nanos, true))
}

text_on!(String, None);
impl InOp for String {
    type Operand = String;
    fn in_constraint(operands: Vec<String>) -> Value {
        json!({ "$in": operands })
    }
}
text_on!(EmailAddress, Some("email_address"));
text_on!(Domain, Some("domain"));
not_empty_on!(Domain, Some("domain"));
text_on!(PhoneNumber, Some("phone_number"));
text_on!(PersonalName, Some("full_name"));
not_empty_on!(PersonalName, Some("full_name"));

ord_on!(f64, f64, |v| json!(v));
ord_on!(i64, i64, |v| json!(v));
ord_on!(Currency, f64, |v| json!(v));
ord_on!(Rating, i64, |v| json!(v));
ord_on!(Date, Date, |v| Value::String(
    v.format("%Y-%m-%d").to_string()
));
ord_on!(Timestamp, Timestamp, |v| timestamp_json(v));

eq_on!(bool, None, bool, |v| Value::Bool(v));
eq_on!(Status, None, String, |v| Value::String(v));
eq_on!(SelectOption, None, String, |v| Value::String(v));

impl<T> EqOp for RecordRef<T> {
    type Operand = Uuid;
    fn eq_constraint(record_id: Uuid) -> Value {
        constraint(
            Some("target_record_id"),
            "$eq",
            Value::String(record_id.to_string()),
        )
    }
}

impl<T> InOp for RecordRef<T> {
    type Operand = Uuid;
    fn in_constraint(record_ids: Vec<Uuid>) -> Value {
        let ids: Vec<Value> = record_ids
            .into_iter()
            .map(|id| Value::String(id.to_string()))
            .collect();
        constraint(Some("target_record_id"), "$in", Value::Array(ids))
    }
}

impl EqOp for ActorRef {
    /// The id of a workspace member.
    type Operand = Uuid;
    fn eq_constraint(member_id: Uuid) -> Value {
        json!({ "referenced_actor_type": "workspace-member", "referenced_actor_id": member_id.to_string() })
    }
}

// ---------------------------------------------------------------------------------------
// The operators, on attribute handles.

impl<R, V, K> Attr<R, V, K> {
    fn filter(&self, constraint: Value) -> Filter<R> {
        Filter::raw(json!({ self.slug(): constraint }))
    }

    /// Equal to `value` (`$eq`): text, numbers, currency, rating, date, timestamp, checkbox,
    /// status and select (by title or id), record reference (by record id), actor (by
    /// workspace member id), and the default property of email, domain, phone and name.
    pub fn eq(&self, value: impl Into<V::Operand>) -> Filter<R>
    where
        V: EqOp,
    {
        self.filter(V::eq_constraint(value.into()))
    }

    /// One of `values` (`$in`): text and record references.
    pub fn in_<I>(&self, values: I) -> Filter<R>
    where
        V: InOp,
        I: IntoIterator,
        I::Item: Into<V::Operand>,
    {
        self.filter(V::in_constraint(
            values.into_iter().map(Into::into).collect(),
        ))
    }

    /// Contains `text` (`$contains`): text, email, domain, phone and name.
    pub fn contains(&self, text: impl Into<String>) -> Filter<R>
    where
        V: TextOp,
    {
        self.filter(V::text_constraint("$contains", text.into()))
    }

    /// Starts with `text` (`$starts_with`): text, email, domain, phone and name.
    pub fn starts_with(&self, text: impl Into<String>) -> Filter<R>
    where
        V: StartsWithOp,
    {
        self.filter(V::starts_with_constraint(text.into()))
    }

    /// Ends with `text` (`$ends_with`): text, email, domain, phone and name.
    pub fn ends_with(&self, text: impl Into<String>) -> Filter<R>
    where
        V: TextOp,
    {
        self.filter(V::text_constraint("$ends_with", text.into()))
    }

    /// Greater than `bound` (`$gt`): numbers, currency, rating, date, timestamp.
    pub fn gt(&self, bound: impl Into<V::Operand>) -> Filter<R>
    where
        V: OrdOp,
    {
        self.filter(V::ord_constraint("$gt", bound.into()))
    }

    /// Greater than or equal to `bound` (`$gte`).
    pub fn gte(&self, bound: impl Into<V::Operand>) -> Filter<R>
    where
        V: OrdOp,
    {
        self.filter(V::ord_constraint("$gte", bound.into()))
    }

    /// Less than `bound` (`$lt`).
    pub fn lt(&self, bound: impl Into<V::Operand>) -> Filter<R>
    where
        V: OrdOp,
    {
        self.filter(V::ord_constraint("$lt", bound.into()))
    }

    /// Less than or equal to `bound` (`$lte`).
    pub fn lte(&self, bound: impl Into<V::Operand>) -> Filter<R>
    where
        V: OrdOp,
    {
        self.filter(V::ord_constraint("$lte", bound.into()))
    }

    /// Has a value (`$not_empty`): domain and personal name.
    pub fn is_not_empty(&self) -> Filter<R>
    where
        V: NotEmptyOp,
    {
        self.filter(V::not_empty_constraint())
    }

    /// Ascending by this attribute (its default property).
    pub fn asc(&self) -> Sort<R> {
        Sort::new("asc", self.slug(), None)
    }

    /// Descending by this attribute (its default property).
    pub fn desc(&self) -> Sort<R> {
        Sort::new("desc", self.slug(), None)
    }

    /// Ascending by one property of this attribute, e.g. `name` by `"last_name"`.
    pub fn asc_by(&self, field: &str) -> Sort<R> {
        Sort::new("asc", self.slug(), Some(field))
    }

    /// Descending by one property of this attribute.
    pub fn desc_by(&self, field: &str) -> Sort<R> {
        Sort::new("desc", self.slug(), Some(field))
    }

    fn property<P>(&self, name: &'static str) -> Property<R, P> {
        Property {
            attribute: self.slug(),
            name,
            _marker: PhantomData,
        }
    }
}

// ---------------------------------------------------------------------------------------
// Properties.

/// One property of an attribute's values, e.g. the `last_name` of a `name`, to filter on:
/// `p.name.last_name().eq("Smith")` is `{"name":{"last_name":{"$eq":"Smith"}}}`.
///
/// `P` is the property's kind ([`Text`], [`TextOrEmpty`], [`CountryCode`],
/// [`PhoneCountryCode`], [`ActiveFrom`], [`Timestamp`], [`Choice`] or [`MemberId`]), which
/// decides its operators.
pub struct Property<R, P> {
    attribute: &'static str,
    name: &'static str,
    _marker: PhantomData<fn() -> (R, P)>,
}

impl<R, P> Clone for Property<R, P> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<R, P> Copy for Property<R, P> {}

impl<R, P> fmt::Debug for Property<R, P> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Property({}.{})", self.attribute, self.name)
    }
}

/// A text property: `$eq $contains $starts_with $ends_with`.
#[derive(Debug)]
pub enum Text {}
/// A text property that also supports `$not_empty`.
#[derive(Debug)]
pub enum TextOrEmpty {}
/// A location's `country_code`: `$eq $starts_with`.
#[derive(Debug)]
pub enum CountryCode {}
/// A phone number's `country_code`: `$eq $not_empty`.
#[derive(Debug)]
pub enum PhoneCountryCode {}
/// When a status or select value became active: `$gt $gte $lt $lte`.
#[derive(Debug)]
pub enum ActiveFrom {}
/// An enumerated property, such as an interaction's `interaction_type`: `$eq $not_empty`.
#[derive(Debug)]
pub enum Choice {}
/// A workspace member id, such as an interaction's `owner_member_id`: `$eq $not_empty`.
#[derive(Debug)]
pub enum MemberId {}

text_on!(Text, None);
text_on!(TextOrEmpty, None);
not_empty_on!(TextOrEmpty, None);
eq_on!(CountryCode, None, String, |v| Value::String(v));
impl StartsWithOp for CountryCode {
    fn starts_with_constraint(operand: String) -> Value {
        constraint(None, "$starts_with", Value::String(operand))
    }
}
eq_on!(PhoneCountryCode, None, String, |v| Value::String(v));
not_empty_on!(PhoneCountryCode, None);
impl OrdOp for ActiveFrom {
    type Operand = Timestamp;
    fn ord_constraint(op: &'static str, t: Timestamp) -> Value {
        constraint(None, op, timestamp_json(t))
    }
}
eq_on!(Choice, None, String, |v| Value::String(v));
not_empty_on!(Choice, None);
eq_on!(MemberId, None, Uuid, |v| Value::String(v.to_string()));
not_empty_on!(MemberId, None);

impl<R, P> Property<R, P> {
    fn filter(&self, constraint: Value) -> Filter<R> {
        Filter::raw(json!({ self.attribute: { self.name: constraint } }))
    }

    /// Equal to `value` (`$eq`).
    pub fn eq(&self, value: impl Into<P::Operand>) -> Filter<R>
    where
        P: EqOp,
    {
        self.filter(P::eq_constraint(value.into()))
    }

    /// Contains `text` (`$contains`).
    pub fn contains(&self, text: impl Into<String>) -> Filter<R>
    where
        P: TextOp,
    {
        self.filter(P::text_constraint("$contains", text.into()))
    }

    /// Starts with `text` (`$starts_with`).
    pub fn starts_with(&self, text: impl Into<String>) -> Filter<R>
    where
        P: StartsWithOp,
    {
        self.filter(P::starts_with_constraint(text.into()))
    }

    /// Ends with `text` (`$ends_with`).
    pub fn ends_with(&self, text: impl Into<String>) -> Filter<R>
    where
        P: TextOp,
    {
        self.filter(P::text_constraint("$ends_with", text.into()))
    }

    /// Greater than `bound` (`$gt`).
    pub fn gt(&self, bound: impl Into<P::Operand>) -> Filter<R>
    where
        P: OrdOp,
    {
        self.filter(P::ord_constraint("$gt", bound.into()))
    }

    /// Greater than or equal to `bound` (`$gte`).
    pub fn gte(&self, bound: impl Into<P::Operand>) -> Filter<R>
    where
        P: OrdOp,
    {
        self.filter(P::ord_constraint("$gte", bound.into()))
    }

    /// Less than `bound` (`$lt`).
    pub fn lt(&self, bound: impl Into<P::Operand>) -> Filter<R>
    where
        P: OrdOp,
    {
        self.filter(P::ord_constraint("$lt", bound.into()))
    }

    /// Less than or equal to `bound` (`$lte`).
    pub fn lte(&self, bound: impl Into<P::Operand>) -> Filter<R>
    where
        P: OrdOp,
    {
        self.filter(P::ord_constraint("$lte", bound.into()))
    }

    /// Has a value (`$not_empty`).
    pub fn is_not_empty(&self) -> Filter<R>
    where
        P: NotEmptyOp,
    {
        self.filter(P::not_empty_constraint())
    }

    /// Ascending by this property.
    pub fn asc(&self) -> Sort<R> {
        Sort::new("asc", self.attribute, Some(self.name))
    }

    /// Descending by this property.
    pub fn desc(&self) -> Sort<R> {
        Sort::new("desc", self.attribute, Some(self.name))
    }
}

macro_rules! properties {
    ($value:ty { $($(#[$doc:meta])* $method:ident: $kind:ty),* $(,)? }) => {
        impl<R, K> Attr<R, $value, K> {
            $(
                $(#[$doc])*
                pub fn $method(&self) -> Property<R, $kind> {
                    self.property(stringify!($method))
                }
            )*
        }
    };
}

properties!(PersonalName {
    /// `first_name`
    first_name: TextOrEmpty,
    /// `last_name`
    last_name: TextOrEmpty,
    /// `full_name` (what `eq`, `contains`, … on the attribute compare)
    full_name: TextOrEmpty,
});

properties!(EmailAddress {
    /// `email_address`, normalised (what `eq`, `contains`, … on the attribute compare)
    email_address: Text,
    /// `original_email_address`, as first given
    original_email_address: Text,
    /// `email_domain`, e.g. `app.attio.com`
    email_domain: Text,
    /// `email_root_domain`, e.g. `attio.com`
    email_root_domain: Text,
    /// `email_local_specifier`, the part before the `@`
    email_local_specifier: Text,
});

properties!(Domain {
    /// `domain` (what `eq`, `contains`, … on the attribute compare)
    domain: TextOrEmpty,
    /// `root_domain`, the registrable part
    root_domain: TextOrEmpty,
});

properties!(PhoneNumber {
    /// `phone_number`, the normalised E.164 number (what `eq`, … on the attribute compare)
    phone_number: Text,
    /// `country_code`, e.g. `GB`
    country_code: PhoneCountryCode,
});

properties!(Location {
    /// `line_1`
    line_1: Text,
    /// `line_2`
    line_2: Text,
    /// `line_3`
    line_3: Text,
    /// `line_4`
    line_4: Text,
    /// `locality`, the town or city
    locality: Text,
    /// `region`, the state or county
    region: Text,
    /// `postcode`
    postcode: Text,
    /// `country_code`, ISO 3166-1 alpha-2
    country_code: CountryCode,
});

properties!(Status {
    /// When the current status was set
    active_from: ActiveFrom,
});

properties!(SelectOption {
    /// When the current option was set
    active_from: ActiveFrom,
});

properties!(Interaction {
    /// `interacted_at`
    interacted_at: Timestamp,
    /// `interaction_type`, e.g. `email` (`InteractionType::as_str` gives the spelling)
    interaction_type: Choice,
    /// `owner_member_id`, the workspace member who owns the interaction
    owner_member_id: MemberId,
});

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attr::{NotUnique, Unique};
    use crate::values::InteractionType;

    struct Company;
    struct Person;

    fn attr<V>(slug: &'static str) -> Attr<Person, V, NotUnique> {
        Attr::__new(slug)
    }

    fn s<R>(f: Filter<R>) -> String {
        f.to_string()
    }

    #[test]
    fn text_operators() {
        let t = attr::<String>("job_title");
        assert_eq!(s(t.eq("CTO")), r#"{"job_title":{"$eq":"CTO"}}"#);
        assert_eq!(
            s(t.in_(["CTO", "CEO"])),
            r#"{"job_title":{"$in":["CTO","CEO"]}}"#
        );
        assert_eq!(s(t.contains("T")), r#"{"job_title":{"$contains":"T"}}"#);
        assert_eq!(
            s(t.starts_with("C")),
            r#"{"job_title":{"$starts_with":"C"}}"#
        );
        assert_eq!(s(t.ends_with("O")), r#"{"job_title":{"$ends_with":"O"}}"#);
    }

    #[test]
    fn ordered_operators() {
        assert_eq!(s(attr::<f64>("score").gt(2.5)), r#"{"score":{"$gt":2.5}}"#);
        assert_eq!(s(attr::<f64>("score").eq(3)), r#"{"score":{"$eq":3.0}}"#);
        assert_eq!(s(attr::<i64>("count").lte(7)), r#"{"count":{"$lte":7}}"#);
        assert_eq!(
            s(attr::<Currency>("value").gte(99.5)),
            r#"{"value":{"$gte":99.5}}"#
        );
        assert_eq!(s(attr::<Rating>("stars").lt(4)), r#"{"stars":{"$lt":4}}"#);
        let d = Date::from_ymd_opt(2024, 1, 2).unwrap();
        assert_eq!(
            s(attr::<Date>("founded").gte(d)),
            r#"{"founded":{"$gte":"2024-01-02"}}"#
        );
        let t: Timestamp = "2024-01-02T03:04:05.123456789Z".parse().unwrap();
        assert_eq!(
            s(attr::<Timestamp>("created_at").lt(t)),
            r#"{"created_at":{"$lt":"2024-01-02T03:04:05.123456789Z"}}"#
        );
    }

    #[test]
    fn equality_only_types() {
        assert_eq!(
            s(attr::<bool>("active").eq(true)),
            r#"{"active":{"$eq":true}}"#
        );
        assert_eq!(
            s(attr::<Status>("stage").eq("Won 🎉")),
            r#"{"stage":{"$eq":"Won 🎉"}}"#
        );
        assert_eq!(
            s(attr::<SelectOption>("categories").eq("SaaS")),
            r#"{"categories":{"$eq":"SaaS"}}"#
        );
        let id = Uuid::nil();
        assert_eq!(
            s(attr::<RecordRef<Company>>("company").eq(id)),
            r#"{"company":{"target_record_id":{"$eq":"00000000-0000-0000-0000-000000000000"}}}"#
        );
        assert_eq!(
            s(attr::<RecordRef<Company>>("company").in_([id])),
            r#"{"company":{"target_record_id":{"$in":["00000000-0000-0000-0000-000000000000"]}}}"#
        );
        assert_eq!(
            s(attr::<ActorRef>("owner").eq(id)),
            r#"{"owner":{"referenced_actor_id":"00000000-0000-0000-0000-000000000000","referenced_actor_type":"workspace-member"}}"#
        );
    }

    #[test]
    fn default_properties_and_accessors() {
        let email: Attr<Person, EmailAddress, Unique> = Attr::__new("email_addresses");
        assert_eq!(
            s(email.eq("a@b.com")),
            r#"{"email_addresses":{"email_address":{"$eq":"a@b.com"}}}"#
        );
        assert_eq!(
            s(email.email_domain().eq("b.com")),
            r#"{"email_addresses":{"email_domain":{"$eq":"b.com"}}}"#
        );
        let name = attr::<PersonalName>("name");
        assert_eq!(
            s(name.contains("Jo")),
            r#"{"name":{"full_name":{"$contains":"Jo"}}}"#
        );
        assert_eq!(
            s(name.last_name().eq("Smith")),
            r#"{"name":{"last_name":{"$eq":"Smith"}}}"#
        );
        assert_eq!(
            s(name.is_not_empty()),
            r#"{"name":{"full_name":{"$not_empty":true}}}"#
        );
        assert_eq!(
            s(name.first_name().is_not_empty()),
            r#"{"name":{"first_name":{"$not_empty":true}}}"#
        );
        let domains = attr::<Domain>("domains");
        assert_eq!(
            s(domains.root_domain().ends_with(".com")),
            r#"{"domains":{"root_domain":{"$ends_with":".com"}}}"#
        );
        let phones = attr::<PhoneNumber>("phone_numbers");
        assert_eq!(
            s(phones.starts_with("+44")),
            r#"{"phone_numbers":{"phone_number":{"$starts_with":"+44"}}}"#
        );
        assert_eq!(
            s(phones.country_code().is_not_empty()),
            r#"{"phone_numbers":{"country_code":{"$not_empty":true}}}"#
        );
        let loc = attr::<Location>("primary_location");
        assert_eq!(
            s(loc.locality().eq("London")),
            r#"{"primary_location":{"locality":{"$eq":"London"}}}"#
        );
        assert_eq!(
            s(loc.country_code().starts_with("G")),
            r#"{"primary_location":{"country_code":{"$starts_with":"G"}}}"#
        );
        let stage = attr::<Status>("stage");
        let t: Timestamp = "2024-01-02T00:00:00Z".parse().unwrap();
        assert_eq!(
            s(stage.active_from().gte(t)),
            r#"{"stage":{"active_from":{"$gte":"2024-01-02T00:00:00.000000000Z"}}}"#
        );
        let last = attr::<Interaction>("last_interaction");
        assert_eq!(
            s(last.interaction_type().eq(InteractionType::Email.as_str())),
            r#"{"last_interaction":{"interaction_type":{"$eq":"email"}}}"#
        );
        assert_eq!(
            s(last.interacted_at().gt(t)),
            r#"{"last_interaction":{"interacted_at":{"$gt":"2024-01-02T00:00:00.000000000Z"}}}"#
        );
    }

    #[test]
    fn logic_flattens() {
        let t = attr::<String>("job_title");
        let a = t.eq("A");
        let b = t.eq("B");
        let c = t.eq("C");
        assert_eq!(
            s(a.clone().and(b.clone()).and(c.clone())),
            r#"{"$and":[{"job_title":{"$eq":"A"}},{"job_title":{"$eq":"B"}},{"job_title":{"$eq":"C"}}]}"#
        );
        assert_eq!(
            s(a.clone().or(b.clone().or(c.clone()))),
            r#"{"$or":[{"job_title":{"$eq":"A"}},{"job_title":{"$eq":"B"}},{"job_title":{"$eq":"C"}}]}"#
        );
        assert_eq!(
            s(a.clone().and(b.clone().or(c.clone()))),
            r#"{"$and":[{"job_title":{"$eq":"A"}},{"$or":[{"job_title":{"$eq":"B"}},{"job_title":{"$eq":"C"}}]}]}"#
        );
        assert_eq!(s(!a.clone()), r#"{"$not":{"job_title":{"$eq":"A"}}}"#);
        assert_eq!(a.clone().not(), !a.clone());
        assert_eq!(s(Filter::<Person>::all([])), r#"{"$and":[]}"#);
        assert_eq!(
            s(Filter::any([a, b])),
            r#"{"$or":[{"job_title":{"$eq":"A"}},{"job_title":{"$eq":"B"}}]}"#
        );
    }

    #[test]
    fn sorts() {
        let name = attr::<PersonalName>("name");
        assert_eq!(
            name.asc().to_string(),
            r#"{"attribute":"name","direction":"asc"}"#
        );
        assert_eq!(
            name.last_name().desc().to_string(),
            r#"{"attribute":"name","direction":"desc","field":"last_name"}"#
        );
        assert_eq!(
            name.asc_by("first_name").to_string(),
            r#"{"attribute":"name","direction":"asc","field":"first_name"}"#
        );
    }
}
