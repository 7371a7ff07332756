//! Checking a parsed response before the caller gets it.
//!
//! The platform's `JSON.parse` has already built the object the caller receives, with
//! every field the server sent. In wasm it is checked in place against the shape
//! tables of [`crate::models::shape`] (reading only the known fields, copying no
//! strings); natively, and in tests, the serde models decode the same JSON. Either way
//! a required field that is missing, a field of the wrong type or null where it may not
//! be, or an object whose `id` is not the one the request asked for is an
//! `OmiseNetworkError` with code `malformed_response` naming the field, never a panic:
//! what the caller receives is what the TypeScript types say.

use crate::error::Error;
use crate::models::shape::{Expect, Field, Kind, Shape, LIST_FIELDS};
use crate::models::{
    DeletedDocument, Dispute, DisputeDocument, List, Resource, Transaction, LEGACY_NAMES,
};
use js_sys::Array;
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
impl Checked for DisputeDocument {
    const EXPECT: Expect = Expect::One(&crate::models::shape::DOCUMENT);
}
impl Checked for DeletedDocument {
    const EXPECT: Expect = Expect::One(&crate::models::shape::DELETED_DOCUMENT);
}
impl Checked for Transaction {
    const EXPECT: Expect = Expect::One(&crate::models::shape::TRANSACTION);
}
impl Checked for List<Dispute> {
    const EXPECT: Expect = Expect::List(&crate::models::shape::DISPUTE);
}
impl Checked for List<DisputeDocument> {
    const EXPECT: Expect = Expect::List(&crate::models::shape::DOCUMENT);
}
impl Checked for List<Transaction> {
    const EXPECT: Expect = Expect::List(&crate::models::shape::TRANSACTION);
}

/// Decodes a serde model from any deserializer (JSON text natively).
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

/// Checks a parsed response to a request for `path` in place and hands it back (older
/// field names mirrored to their 2019-05-29 names). One object must carry the id that
/// `path` names for its kind, if it names one (`/disputes/dspt_1/documents/docu_2`
/// asks for `docu_2`; an upload's `/disputes/dspt_1/documents` for none).
pub fn check(value: JsValue, expect: Expect, path: &str) -> Result<JsValue, Error> {
    let checked = match expect {
        Expect::One(shape) => object(&value, shape, &JsValue::from_str(path)),
        Expect::List(shape) => list(&value, shape),
    };
    checked
        .map(|_| value)
        .map_err(|why| malformed(expect, &why))
}

#[wasm_bindgen(inline_js = "
export function omiseKinds(o, keys, tag, rules, legacy, path, prefix) {
  if (o === null || typeof o !== 'object' || Array.isArray(o)) return new Uint8Array(0);
  const l = legacy.split(' ');
  for (let i = 0; i < l.length; i += 2)
    if (keys.includes(l[i + 1]) && o[l[i + 1]] === undefined && o[l[i]] !== undefined) o[l[i + 1]] = o[l[i]];
  const out = new Uint8Array(keys.length);
  out[0] = o[keys[0]] === tag ? 2 : 7;
  for (let i = 1; i < keys.length; i++) {
    const v = o[keys[i]];
    out[i] = v === undefined ? (rules[i] & 1 ? 8 : 1) : v === null ? (rules[i] & 2 ? 1 : 0)
      : typeof v === 'string' ? 2 : Number.isSafeInteger(v) ? 3 : typeof v === 'boolean' ? 4
      : Array.isArray(v) ? 5 : typeof v === 'object' ? 6 : 7;
  }
  const asked = path?.split('/').filter((s) => s.startsWith(prefix)).pop();
  if (asked !== undefined && o.id !== asked) out[1] = 9;
  return out;
}")]
extern "C" {
    /// In one crossing: mirrors the table's older field names to their new ones, then
    /// gives the type code (see [`code`]) of each key of the table in a parsed object,
    /// with its presence rules applied; the first key (`object`) is STRING when it
    /// equals the tag, the second (`id`) OTHER_ID when `path` names another id. Empty
    /// when `o` is not a plain object. Reading JSON data cannot run code.
    #[wasm_bindgen(js_name = omiseKinds)]
    fn kinds(
        o: &JsValue,
        keys: &Array,
        tag: &JsValue,
        rules: &[u8],
        legacy: &JsValue,
        path: &JsValue,
        prefix: &JsValue,
    ) -> Vec<u8>;

    /// A value built by `JSON.parse`: plain data.
    type Parsed;
    #[wasm_bindgen(method, structural, indexing_getter)]
    fn field(this: &Parsed, key: &JsValue) -> JsValue;
}

/// The type codes `omiseKinds` returns.
mod code {
    /// Null where the field may not be.
    pub const NULL: u8 = 0;
    /// Absent where it may be, or null where it may be.
    pub const ABSENT: u8 = 1;
    pub const STRING: u8 = 2;
    pub const INTEGER: u8 = 3;
    pub const BOOLEAN: u8 = 4;
    pub const ARRAY: u8 = 5;
    pub const OBJECT: u8 = 6;
    /// Absent where the field is required.
    pub const MISSING: u8 = 8;
    /// An `id` that is not the one the request's path names.
    pub const OTHER_ID: u8 = 9;
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
    /// Per key, its [`Presence`](crate::models::shape::Presence) as bits (1 required,
    /// 2 may be null); 0 for `object` and `id`/`data`, which are checked apart.
    rules: Vec<u8>,
    /// [`LEGACY_NAMES`]: the older names and their new ones, as one JS string.
    legacy: JsValue,
    /// The JS string its ids start with (`dspt_`).
    prefix: JsValue,
}

/// The prepared form of a field table, made on first use.
fn table(
    tag: &'static str,
    prefix: &'static str,
    second: &'static str,
    fields: &'static [Field],
) -> Rc<Table> {
    let at = fields.as_ptr() as usize;
    TABLES.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some((_, t)) = cache.iter().find(|(a, _)| *a == at) {
            return t.clone();
        }
        let names: Vec<JsValue> = ["object", second]
            .into_iter()
            .chain(fields.iter().map(|(n, _, _)| *n))
            .map(JsValue::from_str)
            .collect();
        let mut rules = vec![0; names.len()];
        for (rule, (_, _, presence)) in rules[2..].iter_mut().zip(fields) {
            *rule = *presence as u8;
        }
        let t = Rc::new(Table {
            keys: names.iter().collect(),
            names,
            tag: JsValue::from_str(tag),
            rules,
            legacy: JsValue::from_str(LEGACY_NAMES),
            prefix: JsValue::from_str(prefix),
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

/// What is wrong with the field `name` (one formatting site keeps the wasm small).
fn at(name: &str, why: &str) -> Why {
    format!("`{name}` {why}").into()
}

/// Checks the tag and the fields of a plain object (after mirroring older names);
/// returns the type code of its second key (`id` or `data`).
fn fields(v: &JsValue, t: &Table, fields: &'static [Field], path: &JsValue) -> Result<u8, Why> {
    let codes = kinds(v, &t.keys, &t.tag, &t.rules, &t.legacy, path, &t.prefix);
    if codes.is_empty() {
        return Err("is not an object".into());
    }
    if codes[0] != code::STRING {
        return Err(at("object", "is not the one expected"));
    }
    for (i, (name, kind, _)) in fields.iter().enumerate() {
        match codes.get(i + 2).copied().unwrap_or(code::ABSENT) {
            code::ABSENT => {}
            code::MISSING => return Err(at(name, "is missing")),
            code::NULL => return Err(at(name, "is null")),
            c => field(v, &t.names[i + 2], c, *kind).map_err(|why| at(name, &why))?,
        }
    }
    Ok(codes.get(1).copied().unwrap_or(code::ABSENT))
}

/// Checks one object; `path` is the request's (undefined for nested objects).
fn object(v: &JsValue, shape: &'static Shape, path: &JsValue) -> Result<(), Why> {
    let t = table(shape.tag, shape.id_prefix, "id", shape.fields);
    match fields(v, &t, shape.fields, path)? {
        code::STRING => Ok(()),
        code::OTHER_ID => Err(at("id", "is not the id asked for")),
        _ => Err(at("id", "is not a string")),
    }
}

fn list(v: &JsValue, shape: &'static Shape) -> Result<(), Why> {
    let t = table("list", "", "data", LIST_FIELDS);
    if fields(v, &t, LIST_FIELDS, &JsValue::UNDEFINED)? != code::ARRAY {
        return Err("`data` is not an array".into());
    }
    let items: Array = get(v, &t.names[1]).unchecked_into();
    for (i, item) in items.iter().enumerate() {
        object(&item, shape, &JsValue::UNDEFINED).map_err(|why| format!("data[{i}]: {why}"))?;
    }
    Ok(())
}

/// Checks one present field whose type code is `c`.
fn field(v: &JsValue, key: &JsValue, c: u8, kind: Kind) -> Result<(), Why> {
    let ok = match kind {
        Kind::Str => c == code::STRING,
        Kind::Int => c == code::INTEGER,
        Kind::Bool => c == code::BOOLEAN,
        Kind::True => get(v, key).as_bool() == Some(true),
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
                object(&item, shape, &JsValue::UNDEFINED)?;
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
            Kind::True => "is not true",
            Kind::Object => "is not an object",
            Kind::OneOf(_) => "is not one of the known values",
            Kind::Items(_) | Kind::List(_) => "is not valid",
        }
        .into())
    }
}
