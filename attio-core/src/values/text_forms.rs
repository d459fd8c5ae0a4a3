//! The standard traits of the value types that are not about Attio's wire, as the `values`
//! module documents them: `Display` where a value has a natural text form, `FromStr` and
//! `TryFrom<&str>` where a checked constructor exists (every refusal an
//! `Error::InvalidValue` quoting the text), comparisons by meaning (a select option read
//! back against `SelectOption::by_title`), and `Eq` / `Hash` for `Tracked<T>`.

use std::fmt;
use std::hash::{Hash, Hasher};
use std::str::FromStr;

use super::wire::invalid;
use super::{
    AnyRecordRef, Domain, EmailAddress, Location, PhoneNumber, Rating, RecordRef, RecordTarget,
    SelectOption, Status, Tracked,
};
use crate::error::Error;
use crate::record::AttioRecord;

// ---------------------------------------------------------------------------------------
// Select options and statuses
// ---------------------------------------------------------------------------------------

impl SelectOption {
    /// Whether `self` and `other` name the same option: by id when both know it, otherwise
    /// by title. So an option read back from Attio (id and title) *is*
    /// `SelectOption::by_title("B2B")` when its title is `B2B`, though `==` (which compares
    /// every field) says they differ.
    ///
    /// ```
    /// use attio_core::values::SelectOption;
    /// # let read_back = SelectOption { id: None, title: Some("B2B".into()), is_archived: false };
    /// assert!(read_back.is(&SelectOption::by_title("B2B")));
    /// assert!(!read_back.is(&SelectOption::by_title("B2C")));
    /// ```
    pub fn is(&self, other: &SelectOption) -> bool {
        same(
            self.option_id(),
            other.option_id(),
            self.title.as_deref(),
            other.title.as_deref(),
        )
    }

    /// Whether the option's title is `title` (exactly, as Attio matches titles on write).
    pub fn matches_title(&self, title: &str) -> bool {
        self.title.as_deref() == Some(title)
    }
}

impl Status {
    /// Whether `self` and `other` name the same status: by id when both know it, otherwise
    /// by title. So a status read back from Attio *is* `Status::by_title("Won")` when its
    /// title is `Won`, though `==` (which compares every field) says they differ.
    ///
    /// ```
    /// use attio_core::values::Status;
    /// let read_back = Status { title: Some("Won".into()), celebration_enabled: true, ..Status::default() };
    /// assert!(read_back.is(&Status::by_title("Won")));
    /// assert!(read_back.matches_title("Won"));
    /// assert_ne!(read_back, Status::by_title("Won"));
    /// ```
    pub fn is(&self, other: &Status) -> bool {
        same(
            self.status_id(),
            other.status_id(),
            self.title.as_deref(),
            other.title.as_deref(),
        )
    }

    /// Whether the status's title is `title` (exactly, as Attio matches titles on write).
    pub fn matches_title(&self, title: &str) -> bool {
        self.title.as_deref() == Some(title)
    }
}

/// The same option or status: ids when both are known, titles otherwise.
fn same(
    id: Option<uuid::Uuid>,
    other_id: Option<uuid::Uuid>,
    title: Option<&str>,
    other_title: Option<&str>,
) -> bool {
    match (id, other_id, title, other_title) {
        (Some(a), Some(b), _, _) => a == b,
        (_, _, Some(a), Some(b)) => a == b,
        _ => false,
    }
}

impl fmt::Display for SelectOption {
    /// The title; the option id when only the id is known; nothing for an empty option.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.title, self.option_id()) {
            (Some(t), _) => f.write_str(t),
            (None, Some(id)) => fmt::Display::fmt(&id, f),
            (None, None) => Ok(()),
        }
    }
}

impl fmt::Display for Status {
    /// The title; the status id when only the id is known; nothing for an empty status.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.title, self.status_id()) {
            (Some(t), _) => f.write_str(t),
            (None, Some(id)) => fmt::Display::fmt(&id, f),
            (None, None) => Ok(()),
        }
    }
}

// ---------------------------------------------------------------------------------------
// Location
// ---------------------------------------------------------------------------------------

impl fmt::Display for Location {
    /// The address lines, locality, region, postcode and country code that are set and not
    /// blank, joined by `, `: `1 Infinite Loop, Cupertino, CA, 95014, US`. Coordinates are
    /// left out.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts = [
            &self.line_1,
            &self.line_2,
            &self.line_3,
            &self.line_4,
            &self.locality,
            &self.region,
            &self.postcode,
            &self.country_code,
        ];
        let mut first = true;
        for part in parts.into_iter().flatten() {
            let part = part.trim();
            if part.is_empty() {
                continue;
            }
            if !first {
                f.write_str(", ")?;
            }
            f.write_str(part)?;
            first = false;
        }
        Ok(())
    }
}

// ---------------------------------------------------------------------------------------
// Checked text forms
// ---------------------------------------------------------------------------------------

impl TryFrom<&str> for EmailAddress {
    type Error = Error;
    fn try_from(s: &str) -> Result<Self, Error> {
        EmailAddress::new(s)
    }
}

impl TryFrom<String> for EmailAddress {
    type Error = Error;
    fn try_from(s: String) -> Result<Self, Error> {
        EmailAddress::new(s)
    }
}

impl TryFrom<&str> for Domain {
    type Error = Error;
    fn try_from(s: &str) -> Result<Self, Error> {
        Domain::new(s)
    }
}

impl TryFrom<String> for Domain {
    type Error = Error;
    fn try_from(s: String) -> Result<Self, Error> {
        Domain::new(s)
    }
}

impl FromStr for PhoneNumber {
    type Err = Error;

    /// An international number, `+` and the country calling code (`+1 555-867-5309`),
    /// checked like [`PhoneNumber::new`] without a country code. A national number needs
    /// its country: call [`PhoneNumber::new`] with one.
    fn from_str(s: &str) -> Result<Self, Error> {
        PhoneNumber::new(s, None)
    }
}

impl TryFrom<&str> for PhoneNumber {
    type Error = Error;
    fn try_from(s: &str) -> Result<Self, Error> {
        s.parse()
    }
}

impl FromStr for Rating {
    type Err = Error;

    /// `4`, or `4/5` as `Display` writes it; 0 to 5 stars.
    fn from_str(s: &str) -> Result<Self, Error> {
        let t = s.trim();
        let stars = t.strip_suffix("/5").unwrap_or(t).trim();
        match stars.parse::<u8>() {
            Ok(n) if n <= Rating::MAX => Rating::new(n),
            _ => Err(invalid(
                "rating",
                s,
                "a rating is a whole number of stars from 0 to 5, like `4` or `4/5`",
            )),
        }
    }
}

impl TryFrom<&str> for Rating {
    type Error = Error;
    fn try_from(s: &str) -> Result<Self, Error> {
        s.parse()
    }
}

impl<T: AttioRecord> FromStr for RecordRef<T> {
    type Err = Error;

    /// The target's record id ([`RecordRef::parse`]).
    fn from_str(s: &str) -> Result<Self, Error> {
        RecordRef::parse(s)
    }
}

/// `object/record id`, or the domain or email address a reference names its target by.
fn fmt_reference(f: &mut fmt::Formatter<'_>, object: &str, target: &RecordTarget) -> fmt::Result {
    match target {
        RecordTarget::Id(id) => write!(f, "{object}/{id}"),
        RecordTarget::Domain(d) => write!(f, "{object} with domain {d}"),
        RecordTarget::EmailAddress(e) => write!(f, "{object} with email address {e}"),
    }
}

impl<T: AttioRecord> fmt::Display for RecordRef<T> {
    /// `companies/<uuid>`, or `companies with domain attio.com` for a reference by domain.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt_reference(f, T::OBJECT, self.target())
    }
}

impl fmt::Display for AnyRecordRef {
    /// `companies/<uuid>`, or `companies with domain attio.com` for a reference by domain.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt_reference(f, &self.target_object, &self.target)
    }
}

// ---------------------------------------------------------------------------------------
// Tracked values
// ---------------------------------------------------------------------------------------

impl<T: Eq> Eq for Tracked<T> {}

impl<T: Hash> Hash for Tracked<T> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.value.hash(state);
        self.active_from.hash(state);
        self.active_until.hash(state);
        self.created_by_actor.hash(state);
    }
}

impl<T: fmt::Display> fmt::Display for Tracked<T> {
    /// The value's own text; the metadata is left out.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.value, f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratings_read_back_their_text() {
        let r = Rating::new(4).unwrap();
        assert_eq!(r.to_string().parse::<Rating>().unwrap(), r);
        assert_eq!(" 3 ".parse::<Rating>().unwrap().get(), 3);
        let e = "6".parse::<Rating>().unwrap_err().to_string();
        assert!(e.contains("\"6\""), "{e}");
        let e = Rating::try_from("four").unwrap_err().to_string();
        assert!(e.contains("\"four\""), "{e}");
    }

    #[test]
    fn locations_join_their_parts() {
        let l = Location::new()
            .with_line_1("1 Infinite Loop")
            .with_locality("Cupertino")
            .with_region(" ")
            .with_country_code("US")
            .with_coordinates("37.3", "-122.0");
        assert_eq!(l.to_string(), "1 Infinite Loop, Cupertino, US");
        assert_eq!(Location::new().to_string(), "");
    }

    #[test]
    fn options_compare_by_id_then_title() {
        let id = uuid::Uuid::from_u128(7);
        let read = SelectOption {
            title: Some("B2B".into()),
            ..SelectOption::by_id(id)
        };
        assert!(read.is(&SelectOption::by_title("B2B")));
        assert!(read.is(&SelectOption::by_id(id)));
        assert!(!read.is(&SelectOption::by_id(uuid::Uuid::from_u128(8))));
        assert!(!SelectOption::by_title("b2b").is(&SelectOption::by_title("B2B")));
        assert_eq!(read.to_string(), "B2B");
        assert_eq!(SelectOption::by_id(id).to_string(), id.to_string());
        assert!(!Status::default().is(&Status::default()));
    }
}
