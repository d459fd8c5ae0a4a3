//! The operators on attribute handles: `eq`, `in_`, the text and order operators,
//! `is_not_empty`, and sorts, each available where the value type supports it.

use serde_json::{Value, json};

use super::expr::Filter;
use super::ops::{EqOp, InOp, NotEmptyOp, OrdOp, StartsWithOp, TextOp};
use super::sort::Sort;
use crate::attr::Attr;

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
    pub fn asc_by(&self, field: impl AsRef<str>) -> Sort<R> {
        Sort::new("asc", self.slug(), Some(field.as_ref()))
    }

    /// Descending by one property of this attribute.
    pub fn desc_by(&self, field: impl AsRef<str>) -> Sort<R> {
        Sort::new("desc", self.slug(), Some(field.as_ref()))
    }
}
