//! Every shape table by name, with the types they are written in: what the wasm check
//! of a response reads. Each table is declared beside its serde model
//! (`dispute.rs`: [`DISPUTE`], and so on); the types are in `table.rs`.

pub use super::dispute::DISPUTE;
pub use super::dispute_document::{DELETED_DOCUMENT, DOCUMENT};
pub use super::list::LIST_FIELDS;
pub use super::table::{Expect, Field, Kind, Presence, Shape};
pub use super::transaction::TRANSACTION;
