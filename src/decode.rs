//! Checking a parsed response before the caller gets it.
//!
//! The platform's `JSON.parse` has already built the object the caller receives, with
//! every field the server sent. In wasm it is checked in place against the shape
//! tables of [`crate::models::shape`] (reading only the known fields, copying no
//! strings); natively, and in tests, the serde models decode the same JSON. Either way
//! a mismatch is an `OmiseNetworkError` with code `malformed_response`, never a panic.

use crate::error::Error;
use crate::models::shape::{Expect, Kind, Shape, LIST_FIELDS};
use crate::models::{Dispute, Document, List, Resource, Transaction, LEGACY_FIELDS};
use js_sys::{Array, Reflect};
use serde::{Deserialize, Deserializer};
use wasm_bindgen::{JsCast, JsValue};

/// A serde model the native decoder can produce.
pub trait Checked: for<'de> Deserialize<'de> + Resource {
    /// What the response should be (the same shape the wasm check uses).
    const EXPECT: Expect;
}

impl Checked for Dispute {
    const EXPECT: Expect = Expect::One(&crate::models::shape::DISPUTE);
}
impl Checked for Document {
    const EXPECT: Expect = Expect::One(&crate::models::shape::DOCUMENT);
}
impl Checked for Transaction {
    const EXPECT: Expect = Expect::One(&crate::models::shape::TRANSACTION);
}
impl Checked for List<Dispute> {
    const EXPECT: Expect = Expect::List(&crate::models::shape::DISPUTE);
}
impl Checked for List<Document> {
    const EXPECT: Expect = Expect::List(&crate::models::shape::DOCUMENT);
}
impl Checked for List<Transaction> {
    const EXPECT: Expect = Expect::List(&crate::models::shape::TRANSACTION);
}

/// Decodes a serde model from any deserializer (JSON text natively).
pub fn typed<'de, T: Checked, D: Deserializer<'de>>(d: D) -> Result<T, Error> {
    T::deserialize(d).map_err(|_| malformed(T::EXPECT, "it does not match the model"))
}

fn malformed(expect: Expect, why: &str) -> Error {
    Error::malformed(
        Some(200),
        format!("the response is not a valid {}: {why}", expect.what()),
    )
}

/// Checks a parsed response in place and hands it back (older field names mirrored
/// to their 2019-05-29 names).
pub fn check(value: JsValue, expect: Expect) -> Result<JsValue, Error> {
    let checked = match expect {
        Expect::One(shape) => object(&value, shape),
        Expect::List(shape) => list(&value, shape),
    };
    checked
        .map(|_| value)
        .map_err(|why| malformed(expect, &why))
}

fn get(v: &JsValue, name: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

fn is_plain(v: &JsValue) -> bool {
    v.is_object() && !Array::is_array(v)
}

fn tag_is(v: &JsValue, tag: &str) -> bool {
    get(v, "object").as_string().as_deref() == Some(tag)
}

fn object(v: &JsValue, shape: &Shape) -> Result<(), String> {
    if !is_plain(v) || !tag_is(v, shape.tag) {
        return Err(format!("expected an object with object: \"{}\"", shape.tag));
    }
    if !get(v, "id").is_string() {
        return Err(format!("a {} without a string id", shape.tag));
    }
    let mut absent = 0u32;
    for (i, (name, kind)) in shape.fields.iter().enumerate() {
        let f = get(v, name);
        if f.is_undefined() || f.is_null() {
            absent |= 1 << i;
        } else if let Err(why) = field(&f, *kind) {
            return Err(format!("`{name}` {why}"));
        }
    }
    mirror_legacy(v, shape, absent);
    Ok(())
}

/// Copies `created` to `created_at` (and the like) where only the old name is set.
fn mirror_legacy(v: &JsValue, shape: &Shape, absent: u32) {
    let index = |name: &str| shape.fields.iter().position(|(n, _)| *n == name);
    for (old, new) in LEGACY_FIELDS {
        if let (Some(o), Some(n)) = (index(old), index(new)) {
            if absent & (1 << n) != 0 && absent & (1 << o) == 0 {
                let _ = Reflect::set(v, &JsValue::from_str(new), &get(v, old));
            }
        }
    }
}

fn list(v: &JsValue, shape: &Shape) -> Result<(), String> {
    if !is_plain(v) || !tag_is(v, "list") {
        return Err("expected an object with object: \"list\"".into());
    }
    let data = get(v, "data");
    let items = data
        .dyn_ref::<Array>()
        .ok_or_else(|| "`data` is not an array".to_owned())?;
    for (name, kind) in LIST_FIELDS {
        let f = get(v, name);
        if !f.is_undefined() && !f.is_null() {
            field(&f, *kind).map_err(|why| format!("`{name}` {why}"))?;
        }
    }
    for (i, item) in items.iter().enumerate() {
        object(&item, shape).map_err(|why| format!("data[{i}]: {why}"))?;
    }
    Ok(())
}

fn field(f: &JsValue, kind: Kind) -> Result<(), String> {
    let ok = match kind {
        Kind::Str => f.is_string(),
        Kind::Int => f
            .as_f64()
            .is_some_and(|n| n.fract() == 0.0 && n.abs() <= 9_007_199_254_740_991.0),
        Kind::Bool => f.as_bool().is_some(),
        Kind::Object => is_plain(f),
        Kind::OneOf(values) => f.as_string().is_some_and(|s| values.contains(&s.as_str())),
        Kind::Items(shape) => {
            let items = f.dyn_ref::<Array>().ok_or("is not an array")?;
            for item in items.iter() {
                object(&item, shape)?;
            }
            true
        }
        Kind::List(shape) => {
            list(f, shape)?;
            true
        }
    };
    if ok {
        Ok(())
    } else {
        Err(match kind {
            Kind::Str => "is not a string",
            Kind::Int => "is not an integer",
            Kind::Bool => "is not a boolean",
            Kind::Object => "is not an object",
            Kind::OneOf(_) => "is not one of the known values",
            Kind::Items(_) | Kind::List(_) => "is not valid",
        }
        .to_owned())
    }
}

/// The expectation for a call, as the client passes it (one non-generic send path).
pub type Check = Expect;
