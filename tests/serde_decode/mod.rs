//! Native decoding of API answers with the serde models, for the native tests
//! (`native_models`, `fuzz`): the wasm build checks the same JSON in place against the
//! shape tables instead (`omise_wasm::decode::check`), and these tests prove the two agree.
#![allow(dead_code)]

use omise_wasm::error::Error;
use omise_wasm::models::shape::{self, Expect};
use omise_wasm::models::{DeletedDocument, Dispute, DisputeDocument, List, Transaction};
use serde::{Deserialize, Deserializer};

/// What a decoded answer says about its field names.
pub trait Resource {
    /// Whether the object uses pre-2019-05-29 field names that the wasm check mirrors.
    fn is_legacy(&self) -> bool {
        false
    }

    /// Whether every required field that older versions name differently is there
    /// under one of its names (serde alone cannot say "this one or that one").
    fn mirrored(&self) -> bool {
        true
    }
}

impl Resource for Dispute {
    fn is_legacy(&self) -> bool {
        self.created_at.is_none() && self.created.is_some()
    }

    fn mirrored(&self) -> bool {
        self.created_at.is_some() || self.created.is_some()
    }
}

impl Resource for DisputeDocument {
    fn is_legacy(&self) -> bool {
        self.created_at.is_none() && self.created.is_some()
    }
}

impl Resource for DeletedDocument {}

impl Resource for Transaction {
    fn is_legacy(&self) -> bool {
        (self.created_at.is_none() && self.created.is_some())
            || (self.direction.is_none() && self.type_.is_some())
            || (self.origin.is_none() && self.source.is_some())
            || (self.transferable_at.is_none() && self.transferable.is_some())
    }

    fn mirrored(&self) -> bool {
        (self.created_at.is_some() || self.created.is_some())
            && (self.direction.is_some() || self.type_.is_some())
    }
}

impl<T: Resource> Resource for List<T> {
    fn is_legacy(&self) -> bool {
        self.data.iter().any(Resource::is_legacy)
    }

    fn mirrored(&self) -> bool {
        self.data.iter().all(Resource::mirrored)
    }
}

/// A serde model an answer decodes into, with the shape the wasm check uses for it.
pub trait Checked: for<'de> Deserialize<'de> + Resource {
    /// What the answer should be.
    const EXPECT: Expect;
}

impl Checked for Dispute {
    const EXPECT: Expect = Expect::One(&shape::DISPUTE);
}
impl Checked for DisputeDocument {
    const EXPECT: Expect = Expect::One(&shape::DOCUMENT);
}
impl Checked for DeletedDocument {
    const EXPECT: Expect = Expect::One(&shape::DELETED_DOCUMENT);
}
impl Checked for Transaction {
    const EXPECT: Expect = Expect::One(&shape::TRANSACTION);
}
impl Checked for List<Dispute> {
    const EXPECT: Expect = Expect::List(&shape::DISPUTE);
}
impl Checked for List<DisputeDocument> {
    const EXPECT: Expect = Expect::List(&shape::DOCUMENT);
}
impl Checked for List<Transaction> {
    const EXPECT: Expect = Expect::List(&shape::TRANSACTION);
}

/// Decodes a model from any deserializer (JSON text here); what does not fit is a
/// `malformed_response` error, as in wasm.
pub fn typed<'de, T: Checked, D: Deserializer<'de>>(d: D) -> Result<T, Error> {
    let value = T::deserialize(d).map_err(|e| malformed(T::EXPECT, &e.to_string()))?;
    if !value.mirrored() {
        return Err(malformed(T::EXPECT, "a required field is missing"));
    }
    Ok(value)
}

fn malformed(expect: Expect, why: &str) -> Error {
    Error::malformed(
        Some(200),
        format!("the response is not a valid {}: {why}", expect.what()),
    )
}

/// `{ object: "error", location?, code, message? }`: the error object the API answers
/// failures with (the wasm build reads it field by field in `http.rs`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ErrorObject {
    /// Always `"error"`.
    pub object: ErrorObjectTag,
    /// Link to the error's documentation.
    #[serde(default)]
    pub location: Option<String>,
    /// Machine-readable code, e.g. `not_found`.
    pub code: String,
    /// Human-readable message.
    #[serde(default)]
    pub message: Option<String>,
}

/// The `object` tag of an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum ErrorObjectTag {
    /// `"error"`
    #[serde(rename = "error")]
    Error,
}
