//! Operator capabilities: one trait per operator, implemented per value type, each sealed
//! so that the set of types an operator applies to is the one Attio supports.

use chrono::SecondsFormat;
use serde_json::{Value, json};
use uuid::Uuid;

use crate::values::{
    ActorRef, Currency, Date, Decimal, Domain, EmailAddress, PersonalName, PhoneNumber, Rating,
    RecordRef, SelectOption, Status, Timestamp,
};

/// The operator traits' supertrait. It is nameable only inside `filter`, so no type outside
/// the crate can implement an operator trait.
pub(super) mod sealed {
    #[diagnostic::on_unimplemented(
        message = "`{Self}` cannot implement a filter operator",
        note = "the filter operators are implemented by the value types of `attio_core::values` only, as Attio supports them"
    )]
    pub trait Sealed {}
}

use sealed::Sealed;

macro_rules! sealed {
    ($($ty:ty),* $(,)?) => {
        $(impl Sealed for $ty {})*
    };
}

sealed!(
    String,
    EmailAddress,
    Domain,
    PhoneNumber,
    PersonalName,
    f64,
    i64,
    Decimal,
    Currency,
    Rating,
    Date,
    Timestamp,
    bool,
    Status,
    SelectOption,
    ActorRef,
);
impl<T> Sealed for RecordRef<T> {}
// A select or status enum: `#[derive(AttioEnum)]` writes its `EqOp` impl, which compares
// by title with the enum itself as operand (so another enum or a bare string does not
// compile). No other operator applies to it.
impl<E: crate::values::AttioEnum> Sealed for E {}

/// `{ "$op": operand }`, under `property` when there is one.
pub(super) fn constraint(property: Option<&str>, op: &str, operand: Value) -> Value {
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
pub trait EqOp: Sealed {
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
pub trait InOp: Sealed {
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
pub trait TextOp: Sealed {
    #[doc(hidden)]
    fn text_constraint(op: &'static str, operand: String) -> Value;
}

/// Value types whose attributes support `$starts_with` only, of the text operators.
#[diagnostic::on_unimplemented(
    message = "attributes holding `{Self}` cannot be filtered with `starts_with`",
    note = "see the table in `attio_core::filter` for the operators each value type supports"
)]
pub trait StartsWithOp: Sealed {
    #[doc(hidden)]
    fn starts_with_constraint(operand: String) -> Value;
}

/// Value types whose attributes support `$gt`, `$gte`, `$lt` and `$lte`.
#[diagnostic::on_unimplemented(
    message = "attributes holding `{Self}` cannot be ordered with `gt`, `gte`, `lt` or `lte`",
    note = "Attio orders numbers, currencies, ratings, dates and timestamps only"
)]
pub trait OrdOp: Sealed {
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
pub trait NotEmptyOp: Sealed {
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

pub(super) use {eq_on, not_empty_on, text_on};

pub(super) fn timestamp_json(t: Timestamp) -> Value {
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
// Attio stores numbers as 64-bit floats (a `Decimal` written to one is checked to fit), so
// the operand is the nearest float.
ord_on!(Decimal, Decimal, |v| f64::try_from(v)
    .ok()
    .and_then(serde_json::Number::from_f64)
    .map_or_else(|| Value::String(v.to_string()), Value::Number));
ord_on!(Currency, f64, |v| json!(v));
// A rating is compared with a `Rating`, so a bound over 5 cannot be built.
ord_on!(Rating, Rating, |v| json!(v.get()));
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
