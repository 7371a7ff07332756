//! Typed models of the API's JSON objects, as the 2019-05-29 API version and the
//! older versions in the SDK fixtures send them.
//!
//! The models are a typed *view*: the caller receives the object the platform parsed,
//! with every field the server sent, and the models check its shape and describe it to
//! TypeScript. A field is required where every recorded response of every API version
//! sends it, `| null` only where one sent null, optional only where one left it out
//! (each field's doc comment gives the count); unknown fields are ignored here (and
//! kept for the caller), currencies come in either case.

mod dispute;
mod dispute_document;
mod error_object;
mod list;
pub mod shape;
mod transaction;

pub use dispute::{Dispute, DisputeObject, DisputeStatus};
pub use dispute_document::{
    DeletedDocument, DeletedFlag, DisputeDocument, DocumentKind, DocumentObject,
};
pub use error_object::{ErrorObject, ErrorObjectTag};
pub use list::{List, ListObject, ListOrder};
pub use transaction::{Transaction, TransactionDirection, TransactionObject};

use serde::de::{Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::Deserialize;
use std::fmt;

/// Any JSON object, contents unchecked (`metadata`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct AnyObject;

impl<'de> Deserialize<'de> for AnyObject {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = AnyObject;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<AnyObject, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(AnyObject)
            }
        }
        d.deserialize_map(V)
    }
}

/// Fields that older API versions send under another name, and the 2019-05-29 name
/// each is copied to so that code written against the types finds it.
pub const LEGACY_FIELDS: [(&str, &str); 4] = [
    ("created", "created_at"),
    ("type", "direction"),
    ("source", "origin"),
    ("transferable", "transferable_at"),
];

/// What a decoded response says about itself, for the client's checks.
pub trait Resource {
    /// Whether the object uses pre-2019-05-29 field names that should be mirrored.
    fn is_legacy(&self) -> bool {
        false
    }

    /// Whether every required field that older versions name differently is there
    /// under one of its names (serde alone cannot say "this one or that one").
    fn mirrored(&self) -> bool {
        true
    }
}

/// A field that may be missing but is never null (`#[serde(default, deserialize_with)]`).
pub(crate) fn present<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    d: D,
) -> Result<Option<T>, D::Error> {
    T::deserialize(d).map(Some)
}

/// A field that must be there but may be null (`#[serde(deserialize_with)]` without
/// `default`, so that a missing one is an error).
pub(crate) fn nullable<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    d: D,
) -> Result<Option<T>, D::Error> {
    Option::<T>::deserialize(d)
}
