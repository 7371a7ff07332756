//! Checking a parsed response against a model, and mirroring legacy field names.
//!
//! The platform's `JSON.parse` has already built the object the caller receives
//! (with every field the server sent); here it is walked once through serde to prove
//! it has the shape the types promise. A mismatch is an `OmiseNetworkError` with code
//! `malformed_response`, never a panic.

use crate::error::Error;
use crate::models::{Dispute, Document, List, Resource, Transaction};
use serde::{Deserialize, Deserializer};

/// A model the client can check a response against.
pub trait Checked: for<'de> Deserialize<'de> + Resource {
    /// What the response should be, in words, for error messages.
    const WHAT: &'static str;
}

impl Checked for Dispute {
    const WHAT: &'static str = "dispute";
}
impl Checked for Document {
    const WHAT: &'static str = "document";
}
impl Checked for Transaction {
    const WHAT: &'static str = "transaction";
}
impl Checked for List<Dispute> {
    const WHAT: &'static str = "list of disputes";
}
impl Checked for List<Document> {
    const WHAT: &'static str = "list of documents";
}
impl Checked for List<Transaction> {
    const WHAT: &'static str = "list of transactions";
}

/// Decodes `T` from any serde deserializer (the JS object in wasm, JSON text in tests).
pub fn typed<'de, T: Checked, D: Deserializer<'de>>(d: D) -> Result<T, Error>
where
    D::Error: std::fmt::Display,
{
    T::deserialize(d).map_err(|e| {
        Error::malformed(
            Some(200),
            format!("the response is not a valid {}: {e}", T::WHAT),
        )
    })
}

pub use js::check;

mod js {
    use super::{typed, Checked};
    use crate::error::Error;
    use crate::models::LEGACY_FIELDS;
    use js_sys::{Array, Reflect};
    use wasm_bindgen::{JsCast, JsValue};

    /// Checks `value` against `T` and returns it (legacy names mirrored) for the caller.
    pub fn check<T: Checked>(value: JsValue) -> Result<JsValue, Error> {
        let model: T = typed(serde_wasm_bindgen::Deserializer::from(value.clone()))?;
        if model.is_legacy() {
            mirror_legacy(&value);
            if let Ok(data) = Reflect::get(&value, &"data".into()) {
                if let Some(items) = data.dyn_ref::<Array>() {
                    items.for_each(&mut |item, _, _| mirror_legacy(&item));
                }
            }
        }
        Ok(value)
    }

    /// Copies `created` to `created_at` (and the like) where only the old name is set.
    fn mirror_legacy(obj: &JsValue) {
        for (old, new) in LEGACY_FIELDS {
            let (old, new) = (JsValue::from_str(old), JsValue::from_str(new));
            let has_new = Reflect::get(obj, &new).map(|v| !v.is_undefined() && !v.is_null());
            if has_new == Ok(false) {
                if let Ok(v) = Reflect::get(obj, &old) {
                    if !v.is_undefined() {
                        let _ = Reflect::set(obj, &new, &v);
                    }
                }
            }
        }
    }
}
