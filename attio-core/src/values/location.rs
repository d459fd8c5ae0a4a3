//! `location` attributes.

use serde::Serializer;
use serde::de::{self, MapAccess};
use serde::ser::SerializeStruct;

use super::country::check_country;
use super::wire::{TextOrNumber, decimal_places, skip};
use super::{AttioValue, Envelope, ReadValue, WriteValue};
use crate::error::ValueError;
use crate::schema::AttributeType;

/// A postal address with coordinates (`location` attributes, e.g. `primary_location`).
///
/// Every field is optional and named as Attio's key. Written with all ten keys, `null`
/// included (Attio refuses an object missing one), `latitude` and `longitude` as decimal
/// strings:
///
/// ```
/// use attio_core::values::{Location, WriteForm};
/// let loc = Location {
///     locality: Some("Cupertino".into()),
///     country_code: Some("US".into()),
///     latitude: Some("37.331741".into()),
///     longitude: Some("-122.030333".into()),
///     ..Location::default()
/// };
/// assert_eq!(
///     serde_json::to_string(&WriteForm(&loc)).unwrap(),
///     r#"{"line_1":null,"line_2":null,"line_3":null,"line_4":null,"locality":"Cupertino","region":null,"postcode":null,"country_code":"US","latitude":"37.331741","longitude":"-122.030333"}"#
/// );
/// ```
///
/// Read: the same ten keys, each nullable (and tolerated when missing); `latitude`,
/// `longitude` and `postcode` may arrive as numbers and are kept as their decimal text.
///
/// `validate` (run before every write) refuses a `latitude` / `longitude` that is not a plain
/// decimal number with at most 9 decimal places within ±90 / ±180, and a `country_code` that
/// is not one of the ISO 3166-1 alpha-2 codes of Attio's spec (`ZZ` is refused). A location
/// read from Attio is checked the same way when it is written back.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Location {
    /// `line_1`: the first line of the street address.
    pub line_1: Option<String>,
    /// `line_2`
    pub line_2: Option<String>,
    /// `line_3`
    pub line_3: Option<String>,
    /// `line_4`
    pub line_4: Option<String>,
    /// `locality`: the town or city.
    pub locality: Option<String>,
    /// `region`: the state, county or province.
    pub region: Option<String>,
    /// `postcode`
    pub postcode: Option<String>,
    /// `country_code`: ISO 3166-1 alpha-2, e.g. `US`.
    pub country_code: Option<String>,
    /// `latitude` as a decimal string, e.g. `"37.331741"`.
    pub latitude: Option<String>,
    /// `longitude` as a decimal string, e.g. `"-122.030333"`.
    pub longitude: Option<String>,
}

macro_rules! setters {
    ($($(#[$doc:meta])* $method:ident => $field:ident),* $(,)?) => {
        $(
            $(#[$doc])*
            #[must_use]
            pub fn $method(mut self, $field: impl Into<String>) -> Self {
                self.$field = Some($field.into());
                self
            }
        )*
    };
}

impl Location {
    /// An empty location (every key `null`); fill in the fields, or chain the `with_*`
    /// setters, which take `&str` and `String` alike:
    ///
    /// ```
    /// use attio_core::values::Location;
    /// let city = String::from("Cupertino");
    /// let loc = Location::new()
    ///     .with_line_1(format!("{} Infinite Loop", 1))
    ///     .with_locality(city)
    ///     .with_region("CA")
    ///     .with_country_code("US")
    ///     .with_coordinates("37.331741", "-122.030333");
    /// assert_eq!(loc.locality.as_deref(), Some("Cupertino"));
    /// assert_eq!(loc.longitude.as_deref(), Some("-122.030333"));
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    setters! {
        /// Sets `line_1`.
        with_line_1 => line_1,
        /// Sets `line_2`.
        with_line_2 => line_2,
        /// Sets `line_3`.
        with_line_3 => line_3,
        /// Sets `line_4`.
        with_line_4 => line_4,
        /// Sets `locality`, the town or city.
        with_locality => locality,
        /// Sets `region`, the state, county or province.
        with_region => region,
        /// Sets `postcode`.
        with_postcode => postcode,
        /// Sets `country_code` (ISO 3166-1 alpha-2, checked when written).
        with_country_code => country_code,
    }

    /// Sets `latitude` and `longitude` as decimal text, e.g. `"37.331741"` (checked when
    /// written).
    #[must_use]
    pub fn with_coordinates(
        mut self,
        latitude: impl Into<String>,
        longitude: impl Into<String>,
    ) -> Self {
        self.latitude = Some(latitude.into());
        self.longitude = Some(longitude.into());
        self
    }
}

/// The most decimal places Attio accepts in a coordinate.
const MAX_COORDINATE_DECIMALS: usize = 9;

fn check_coordinate(kind: &'static str, value: &str, limit: f64) -> Result<(), ValueError> {
    match decimal_places(value) {
        None => Err(ValueError::new(
            kind,
            value,
            "a coordinate is a decimal number such as `37.331741` (optional sign, digits, optional point and decimals)",
        )),
        Some(n) if n > MAX_COORDINATE_DECIMALS => Err(ValueError::new(
            kind,
            value,
            format!("Attio keeps at most {MAX_COORDINATE_DECIMALS} decimal places"),
        )),
        Some(_) => match value.parse::<f64>() {
            Ok(v) if v.abs() <= limit => Ok(()),
            _ => Err(ValueError::new(
                kind,
                value,
                format!("a {kind} lies between -{limit} and {limit}"),
            )),
        },
    }
}

impl AttioValue for Location {
    const TYPE: AttributeType = AttributeType::Location;
}

impl ReadValue for Location {
    type Builder = Location;

    fn read_field<'de, A: MapAccess<'de>>(
        b: &mut Location,
        key: &str,
        map: &mut A,
    ) -> Result<(), A::Error> {
        let slot = match key {
            "line_1" => &mut b.line_1,
            "line_2" => &mut b.line_2,
            "line_3" => &mut b.line_3,
            "line_4" => &mut b.line_4,
            "locality" => &mut b.locality,
            "region" => &mut b.region,
            "country_code" => &mut b.country_code,
            "postcode" => &mut b.postcode,
            "latitude" => &mut b.latitude,
            "longitude" => &mut b.longitude,
            _ => return skip(map),
        };
        *slot = match key {
            "postcode" | "latitude" | "longitude" => map.next_value::<TextOrNumber>()?.0,
            _ => map.next_value::<Option<String>>()?,
        };
        Ok(())
    }

    fn finish<E: de::Error>(b: Location, _: Envelope) -> Result<Self, E> {
        Ok(b)
    }
}

impl WriteValue for Location {
    fn write<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Location", 10)?;
        s.serialize_field("line_1", &self.line_1)?;
        s.serialize_field("line_2", &self.line_2)?;
        s.serialize_field("line_3", &self.line_3)?;
        s.serialize_field("line_4", &self.line_4)?;
        s.serialize_field("locality", &self.locality)?;
        s.serialize_field("region", &self.region)?;
        s.serialize_field("postcode", &self.postcode)?;
        s.serialize_field("country_code", &self.country_code)?;
        s.serialize_field("latitude", &self.latitude)?;
        s.serialize_field("longitude", &self.longitude)?;
        s.end()
    }

    fn validate(&self) -> Result<(), ValueError> {
        if let Some(lat) = &self.latitude {
            check_coordinate("latitude", lat, 90.0)?;
        }
        if let Some(lon) = &self.longitude {
            check_coordinate("longitude", lon, 180.0)?;
        }
        if let Some(cc) = &self.country_code {
            check_country(cc)
                .map_err(|reason| ValueError::new("country code", cc.as_str(), reason))?;
        }
        Ok(())
    }
}
