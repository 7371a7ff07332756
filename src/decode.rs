//! Checking a parsed response before the caller gets it.
//!
//! The platform's `JSON.parse` has already built the object the caller receives, with
//! every field the server sent. In wasm it is checked in place by `src/js/check.js`,
//! JavaScript compiled from the shape tables of [`crate::models::shape`] (one crossing
//! per response, no string copied into wasm; a checker in JS is a third of the size of
//! the same in wasm, and straight-line code is ten times faster than a table loop);
//! the native tests decode the same JSON with the serde models. Either way
//! a required field that is missing, a field of the wrong type or null where it may not
//! be, or an object whose `id` is not the one the request asked for is an
//! `OmiseNetworkError` with code `malformed_response` naming the field, never a panic:
//! what the caller receives is what the TypeScript types say.

use crate::error::Error;
use crate::models::shape::Expect;
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
    match js_check(&value, shape.name, is_list, path) {
        None => Ok(value),
        Some(why) => Err(malformed(expect, &why)),
    }
}

#[wasm_bindgen(module = "/src/js/check.js")]
extern "C" {
    /// Why `o` is not one `shape` object (or, with `is_list`, a list of them), or
    /// nothing: the checker compiled from the shape tables (`tests/native_checker.rs`).
    #[wasm_bindgen(js_name = omiseCheck)]
    fn js_check(o: &JsValue, shape: &str, is_list: bool, path: &str) -> Option<String>;
}
