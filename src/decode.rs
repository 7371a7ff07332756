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
use std::borrow::Cow;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::wasm_bindgen;
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

thread_local! {
    /// JS strings for the names the checks read, made once: creating a JS string from
    /// Rust text on every read was most of the cost of a check. The few tags and
    /// structural names live in `KEYS`; each field table's names in `FIELD_KEYS`, in
    /// table order, found by the table's address.
    static KEYS: RefCell<Vec<(&'static str, JsValue)>> = const { RefCell::new(Vec::new()) };
    static FIELD_KEYS: RefCell<Vec<(usize, Rc<TableKeys>)>> = const { RefCell::new(Vec::new()) };
}

/// A field table made ready for checks.
struct TableKeys {
    /// The JS string of each field name, in table order.
    names: Vec<JsValue>,
    /// `(old, new)` positions of the legacy field pairs this table has.
    legacy: Vec<(usize, usize)>,
}

/// The prepared form of a field table, made on first use.
fn field_keys(fields: &'static [(&'static str, Kind)]) -> Rc<TableKeys> {
    let at = fields.as_ptr() as usize;
    FIELD_KEYS.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some((_, keys)) = cache.iter().find(|(a, _)| *a == at) {
            return keys.clone();
        }
        let index = |name: &str| fields.iter().position(|(n, _)| *n == name);
        let keys = Rc::new(TableKeys {
            names: fields.iter().map(|(n, _)| JsValue::from_str(n)).collect(),
            legacy: LEGACY_FIELDS
                .iter()
                .filter_map(|(old, new)| Some((index(old)?, index(new)?)))
                .collect(),
        });
        cache.push((at, keys.clone()));
        keys
    })
}

/// The JS string for `name` (a field name or a tag), made on first use.
fn key(name: &'static str) -> JsValue {
    KEYS.with(|keys| {
        let mut keys = keys.borrow_mut();
        // A handful of names (tags, `object`, `id`, `data`).
        if let Some((_, k)) = keys.iter().find(|(n, _)| *n == name) {
            return k.clone();
        }
        let k = JsValue::from_str(name);
        keys.push((name, k.clone()));
        k
    })
}

#[wasm_bindgen]
extern "C" {
    /// A value built by `JSON.parse`: plain data, so reading a field cannot run code or
    /// throw (no getters, no proxies) and needs no try/catch.
    type Parsed;
    #[wasm_bindgen(method, structural, indexing_getter)]
    fn field(this: &Parsed, key: &JsValue) -> JsValue;
}

/// `v[name]` of an object that came from `JSON.parse` (callers check it is an object).
fn get(v: &JsValue, name: &'static str) -> JsValue {
    get_key(v, &key(name))
}

fn get_key(v: &JsValue, key: &JsValue) -> JsValue {
    v.unchecked_ref::<Parsed>().field(key)
}

fn is_plain(v: &JsValue) -> bool {
    v.is_object() && !Array::is_array(v)
}

fn tag_is(v: &JsValue, tag: &'static str) -> bool {
    get(v, "object") == key(tag)
}

/// Why a value is not what was expected (mostly static text, so that the common
/// "absent" case allocates nothing).
type Why = Cow<'static, str>;

fn object(v: &JsValue, shape: &'static Shape) -> Result<(), Why> {
    if !is_plain(v) {
        return Err("is not an object".into());
    }
    if !tag_is(v, shape.tag) {
        return Err(format!("expected an object with object: \"{}\"", shape.tag).into());
    }
    if !get(v, "id").is_string() {
        return Err(format!("a {} without a string id", shape.tag).into());
    }
    let mut absent = 0u32;
    let keys = field_keys(shape.fields);
    for (i, ((name, kind), k)) in shape.fields.iter().zip(&keys.names).enumerate() {
        let f = get_key(v, k);
        // The common case, a present value of the right kind, costs one check.
        if let Err(why) = field(&f, *kind) {
            if f.is_undefined() || f.is_null() {
                absent |= 1 << i;
            } else {
                return Err(format!("`{name}` {why}").into());
            }
        }
    }
    mirror_legacy(v, &keys, absent);
    Ok(())
}

/// Copies `created` to `created_at` (and the like) where only the old name is set.
fn mirror_legacy(v: &JsValue, keys: &TableKeys, absent: u32) {
    for &(old, new) in &keys.legacy {
        if absent & (1 << new) != 0 && absent & (1 << old) == 0 {
            let _ = Reflect::set(v, &keys.names[new], &get_key(v, &keys.names[old]));
        }
    }
}

fn list(v: &JsValue, shape: &'static Shape) -> Result<(), Why> {
    if !is_plain(v) {
        return Err("is not an object".into());
    }
    if !tag_is(v, "list") {
        return Err("expected an object with object: \"list\"".into());
    }
    let data = get(v, "data");
    let items = data.dyn_ref::<Array>().ok_or("`data` is not an array")?;
    for ((name, kind), k) in LIST_FIELDS.iter().zip(&field_keys(LIST_FIELDS).names) {
        let f = get_key(v, k);
        if let Err(why) = field(&f, *kind) {
            if !f.is_undefined() && !f.is_null() {
                return Err(format!("`{name}` {why}").into());
            }
        }
    }
    for (i, item) in items.iter().enumerate() {
        object(&item, shape).map_err(|why| format!("data[{i}]: {why}"))?;
    }
    Ok(())
}

fn field(f: &JsValue, kind: Kind) -> Result<(), Why> {
    let ok = match kind {
        Kind::Str => f.is_string(),
        Kind::Int => f
            .as_f64()
            .is_some_and(|n| n.fract() == 0.0 && n.abs() <= 9_007_199_254_740_991.0),
        Kind::Bool => f.as_bool().is_some(),
        Kind::Object => is_plain(f),
        Kind::OneOf(values) => values.iter().any(|v| *f == key(v)),
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
        .into())
    }
}

/// The expectation for a call, as the client passes it (one non-generic send path).
pub type Check = Expect;
