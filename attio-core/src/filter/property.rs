//! Properties of an attribute's values (`p.name.last_name()`), their kinds, and which
//! operators each kind supports.

use std::fmt;
use std::marker::PhantomData;

use serde_json::{Value, json};
use uuid::Uuid;

use super::expr::Filter;
use super::ops::sealed::Sealed;
use super::ops::{
    EqOp, NotEmptyOp, OrdOp, StartsWithOp, TextOp, constraint, eq_on, not_empty_on, text_on,
    timestamp_json,
};
use super::sort::Sort;
use crate::attr::Attr;
use crate::values::{
    Domain, EmailAddress, Interaction, Location, PersonalName, PhoneNumber, SelectOption, Status,
    Timestamp,
};

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

impl Sealed for Text {}
impl Sealed for TextOrEmpty {}
impl Sealed for CountryCode {}
impl Sealed for PhoneCountryCode {}
impl Sealed for ActiveFrom {}
impl Sealed for Choice {}
impl Sealed for MemberId {}

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

impl<R, V, K> Attr<R, V, K> {
    fn property<P>(&self, name: &'static str) -> Property<R, P> {
        Property {
            attribute: self.slug(),
            name,
            _marker: PhantomData,
        }
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

impl<R, E: crate::values::AttioEnum, K> Attr<R, E, K> {
    /// When the current option or status was set
    pub fn active_from(&self) -> Property<R, ActiveFrom> {
        self.property("active_from")
    }
}

properties!(Interaction {
    /// `interacted_at`
    interacted_at: Timestamp,
    /// `interaction_type`, e.g. `email` (`InteractionType::as_str` gives the spelling)
    interaction_type: Choice,
    /// `owner_member_id`, the workspace member who owns the interaction
    owner_member_id: MemberId,
});
