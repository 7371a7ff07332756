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
mod json;
mod list;
pub mod shape;
mod table;
mod transaction;

pub use dispute::{Dispute, DisputeObject, DisputeStatus};
pub use dispute_document::{
    DeletedDocument, DeletedFlag, DisputeDocument, DocumentKind, DocumentObject,
};
pub use json::AnyObject;
pub use list::{List, ListObject, ListOrder};
pub use transaction::{Transaction, TransactionDirection, TransactionObject};

/// Fields that older API versions send under another name, and the 2019-05-29 name
/// each is copied to so that code written against the types finds it.
pub const LEGACY_FIELDS: [(&str, &str); 4] = [
    ("created", "created_at"),
    ("type", "direction"),
    ("source", "origin"),
    ("transferable", "transferable_at"),
];
