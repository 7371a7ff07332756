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

#[wasm_bindgen(inline_js = "
export function omiseKinds(o, keys, tag) {
  if (o === null || typeof o !== 'object' || Array.isArray(o)) return new Uint8Array(0);
  const out = new Uint8Array(keys.length);
  out[0] = o[keys[0]] === tag ? 2 : 7;
  for (let i = 1; i < keys.length; i++) {
    const v = o[keys[i]];
    out[i] = v == null ? 1 : typeof v === 'string' ? 2 : Number.isSafeInteger(v) ? 3
      : typeof v === 'boolean' ? 4 : Array.isArray(v) ? 5 : typeof v === 'object' ? 6 : 7;
  }
  return out;
}")]
extern "C" {
    /// The type code (see [`code`]) of each of `keys` in a parsed object, in one
    /// crossing; the first key (`object`) is STRING when it equals `tag`. Empty when `o`
    /// is not a plain object. Reading JSON data cannot run code.
    #[wasm_bindgen(js_name = omiseKinds)]
    fn kinds(o: &JsValue, keys: &Array, tag: &JsValue) -> Vec<u8>;

    /// A value built by `JSON.parse`: plain data.
    type Parsed;
    #[wasm_bindgen(method, structural, indexing_getter)]
    fn field(this: &Parsed, key: &JsValue) -> JsValue;
}

/// The type codes `omiseKinds` returns.
mod code {
    pub const ABSENT: u8 = 1;
    pub const STRING: u8 = 2;
    pub const INTEGER: u8 = 3;
    pub const BOOLEAN: u8 = 4;
    pub const ARRAY: u8 = 5;
    pub const OBJECT: u8 = 6;
}

thread_local! {
    /// Each table's field names as JS strings, made once (creating JS strings from Rust
    /// text on every read was most of the cost of a check), found by the table's address.
    static TABLES: RefCell<Vec<(usize, Rc<Table>)>> = const { RefCell::new(Vec::new()) };
}

/// A field table made ready for checks.
struct Table {
    /// `object`, then `id` (or `data` for a list), then the table's fields, as JS strings.
    keys: Array,
    /// The same, to read single values.
    names: Vec<JsValue>,
    /// The JS string of the `object` tag.
    tag: JsValue,
    /// `(old, new)` positions (in the table's fields) of the legacy pairs it has.
    legacy: Vec<(usize, usize)>,
}

/// The prepared form of a field table, made on first use.
fn table(
    tag: &'static str,
    second: &'static str,
    fields: &'static [(&'static str, Kind)],
) -> Rc<Table> {
    let at = fields.as_ptr() as usize;
    TABLES.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some((_, t)) = cache.iter().find(|(a, _)| *a == at) {
            return t.clone();
        }
        let names: Vec<JsValue> = ["object", second]
            .into_iter()
            .chain(fields.iter().map(|(n, _)| *n))
            .map(JsValue::from_str)
            .collect();
        let index = |name: &str| fields.iter().position(|(n, _)| *n == name);
        let t = Rc::new(Table {
            keys: names.iter().collect(),
            names,
            tag: JsValue::from_str(tag),
            legacy: LEGACY_FIELDS
                .iter()
                .filter_map(|(old, new)| Some((index(old)?, index(new)?)))
                .collect(),
        });
        cache.push((at, t.clone()));
        t
    })
}

/// Why a value is not what was expected (mostly static text).
type Why = Cow<'static, str>;

fn get(v: &JsValue, key: &JsValue) -> JsValue {
    v.unchecked_ref::<Parsed>().field(key)
}

/// Checks the tag and the fields of a plain object; returns the mask of absent fields
/// and the type code of its second key (`id` or `data`).
fn fields(
    v: &JsValue,
    t: &Table,
    tag: &'static str,
    fields: &'static [(&'static str, Kind)],
) -> Result<(u32, u8), Why> {
    let codes = kinds(v, &t.keys, &t.tag);
    if codes.is_empty() {
        return Err("is not an object".into());
    }
    if codes[0] != code::STRING {
        return Err(format!("expected object: \"{tag}\"").into());
    }
    let mut absent = 0u32;
    for (i, (name, kind)) in fields.iter().enumerate() {
        let c = codes.get(i + 2).copied().unwrap_or(code::ABSENT);
        if c == code::ABSENT {
            absent |= 1 << i;
        } else if let Err(why) = field(v, &t.names[i + 2], c, *kind) {
            return Err(format!("`{name}` {why}").into());
        }
    }
    Ok((absent, codes.get(1).copied().unwrap_or(code::ABSENT)))
}

fn object(v: &JsValue, shape: &'static Shape) -> Result<(), Why> {
    let t = table(shape.tag, "id", shape.fields);
    let (absent, id) = fields(v, &t, shape.tag, shape.fields)?;
    if id != code::STRING {
        return Err(format!("a {} without a string id", shape.tag).into());
    }
    for &(old, new) in &t.legacy {
        if absent & (1 << new) != 0 && absent & (1 << old) == 0 {
            let _ = Reflect::set(v, &t.names[new + 2], &get(v, &t.names[old + 2]));
        }
    }
    Ok(())
}

fn list(v: &JsValue, shape: &'static Shape) -> Result<(), Why> {
    let t = table("list", "data", LIST_FIELDS);
    if fields(v, &t, "list", LIST_FIELDS)?.1 != code::ARRAY {
        return Err("`data` is not an array".into());
    }
    let items: Array = get(v, &t.names[1]).unchecked_into();
    for (i, item) in items.iter().enumerate() {
        object(&item, shape).map_err(|why| format!("data[{i}]: {why}"))?;
    }
    Ok(())
}

/// Checks one present field whose type code is `c`.
fn field(v: &JsValue, key: &JsValue, c: u8, kind: Kind) -> Result<(), Why> {
    let ok = match kind {
        Kind::Str => c == code::STRING,
        Kind::Int => c == code::INTEGER,
        Kind::Bool => c == code::BOOLEAN,
        Kind::Object => c == code::OBJECT,
        Kind::OneOf(values) => {
            c == code::STRING
                && get(v, key)
                    .as_string()
                    .is_some_and(|s| values.contains(&s.as_str()))
        }
        Kind::Items(shape) => {
            if c != code::ARRAY {
                return Err("is not an array".into());
            }
            for item in get(v, key).unchecked_into::<Array>().iter() {
                object(&item, shape)?;
            }
            true
        }
        Kind::List(shape) => {
            list(&get(v, key), shape)?;
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
