//! The areas of the API, one file each, on the shared transport.
//!
//! Records keep their flat calls on [`Client`](crate::Client) (`client.create(&person)`).

pub(crate) mod records;
