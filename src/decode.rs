//! Checking a parsed response before the caller gets it.
//!
//! The platform's `JSON.parse` has already built the object the caller receives, with
//! every field the server sent. In wasm it is checked in place, in JavaScript, against
//! the shape tables of [`crate::models::shape`] handed over once as plain arrays (a
//! checker in JS is a third of the size of the same in wasm, and copies no strings);
//! the native tests decode the same JSON with the serde models. Either way
//! a required field that is missing, a field of the wrong type or null where it may not
//! be, or an object whose `id` is not the one the request asked for is an
//! `OmiseNetworkError` with code `malformed_response` naming the field, never a panic:
//! what the caller receives is what the TypeScript types say.

use crate::error::Error;
use crate::models::shape::{Expect, Field, Kind, Shape, LIST_FIELDS};
use crate::models::LEGACY_NAMES;
use js_sys::Array;
use std::cell::RefCell;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

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
    let (shape, is_list) = match expect {
        Expect::One(shape) => (shape, false),
        Expect::List(shape) => (shape, true),
    };
    let list = spec("list", "", LIST_FIELDS);
    match js_check(
        &value,
        &shape_spec(shape),
        &list,
        is_list,
        LEGACY_NAMES,
        path,
    ) {
        None => Ok(value),
        Some(why) => Err(malformed(expect, &why)),
    }
}

#[wasm_bindgen(inline_js = "
export function omiseCheck(o, spec, listSpec, isList, legacy, path) {
  const old = legacy.split(' ');
  const fields = (o, [tag, , fs]) => {
    if (o === null || typeof o !== 'object' || Array.isArray(o)) throw 'is not an object';
    if (o.object !== tag) throw '`object` is not the one expected';
    for (let i = 0; i < old.length; i += 2)
      if (fs.some((f) => f[0] == old[i + 1]) && o[old[i + 1]] === undefined && o[old[i]] !== undefined) o[old[i + 1]] = o[old[i]];
    for (const [name, kind, rule, extra] of fs) {
      const v = o[name];
      try {
        if (v === undefined) {
          if (rule & 1) throw 'is missing';
        } else if (v === null) {
          if (!(rule & 2)) throw 'is null';
        } else if (kind == 5) {
          if (!Array.isArray(v)) throw 'is not an array';
          each(v, extra, '');
        } else if (kind == 8) list(v, extra);
        else if (!(kind == 2 ? typeof v == 'string' && (!extra || extra.includes(v)) : kind == 3 ? Number.isSafeInteger(v)
          : kind == 4 ? typeof v == 'boolean' : kind == 6 ? typeof v == 'object' && !Array.isArray(v) : v === true))
          throw ['', '', 'is not a string (or not a known value)', 'is not an integer', 'is not a boolean', '', 'is not an object', 'is not true'][kind];
      } catch (why) {
        throw '`' + name + '` ' + why;
      }
    }
  };
  const object = (o, spec, path) => {
    fields(o, spec);
    if (typeof o.id != 'string') throw '`id` is not a string';
    const asked = path?.split('/').filter((s) => s.startsWith(spec[1])).pop();
    if (asked !== undefined && o.id !== asked) throw '`id` is not the id asked for';
  };
  const each = (a, spec, at) => a.forEach((x, i) => {
    try {
      object(x, spec);
    } catch (why) {
      throw at + '[' + i + ']: ' + why;
    }
  });
  const list = (o, spec) => {
    fields(o, listSpec);
    if (!Array.isArray(o.data)) throw '`data` is not an array';
    each(o.data, spec, 'data');
  };
  try {
    isList ? list(o, spec) : object(o, spec, path);
  } catch (why) {
    return String(why);
  }
}")]
extern "C" {
    /// Checks `o` against `spec` (or, with `is_list`, a list of them), mirroring older
    /// field names first; the reason it is not what the types say, or nothing.
    #[wasm_bindgen(js_name = omiseCheck)]
    fn js_check(
        o: &JsValue,
        spec: &JsValue,
        list_spec: &JsValue,
        is_list: bool,
        legacy: &str,
        path: &str,
    ) -> Option<String>;
}

thread_local! {
    /// Each table as the JS checker reads it, made once, found by the table's address.
    static SPECS: RefCell<Vec<(usize, JsValue)>> = const { RefCell::new(Vec::new()) };
}

/// A shape's table as the JS checker reads it.
fn shape_spec(shape: &'static Shape) -> JsValue {
    spec(shape.tag, shape.id_prefix, shape.fields)
}

/// `[tag, id prefix, [[name, kind, presence bits, values or nested table], ...]]`, with
/// kind 2 string (values: the closed set, if any), 3 integer, 4 boolean, 5 array of
/// objects, 6 object, 7 `true`, 8 list.
fn spec(tag: &str, prefix: &str, fields: &'static [Field]) -> JsValue {
    let at = fields.as_ptr() as usize;
    let cached = SPECS.with(|c| {
        c.borrow()
            .iter()
            .find(|(a, _)| *a == at)
            .map(|(_, s)| s.clone())
    });
    if let Some(s) = cached {
        return s;
    }
    let table = Array::new();
    for (name, kind, presence) in fields {
        let none = JsValue::UNDEFINED;
        let (code, extra) = match kind {
            Kind::Str => (2, none),
            Kind::Int => (3, none),
            Kind::Bool => (4, none),
            Kind::Object => (6, none),
            Kind::True => (7, none),
            Kind::OneOf(values) => (
                2,
                values
                    .iter()
                    .map(|v| JsValue::from_str(v))
                    .collect::<Array>()
                    .into(),
            ),
            Kind::Items(s) => (5, shape_spec(s)),
            Kind::List(s) => (8, shape_spec(s)),
        };
        table.push(&Array::of4(
            &(*name).into(),
            &code.into(),
            &(*presence as u8).into(),
            &extra,
        ));
    }
    let s: JsValue = Array::of3(&tag.into(), &prefix.into(), &table).into();
    SPECS.with(|c| c.borrow_mut().push((at, s.clone())));
    s
}
