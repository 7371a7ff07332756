//! Reading the caller's JavaScript arguments: every value is checked before it is
//! used, and anything unexpected becomes an `OmiseValidationError`.

use crate::error::{Error, ValidationCode};
use crate::params::{self, IdKind};
use crate::platform;
use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::AbortSignal;

#[wasm_bindgen]
extern "C" {
    /// `OmiseOptions` as TypeScript sees it; read field by field in Rust.
    #[wasm_bindgen(typescript_type = "OmiseOptions")]
    #[derive(Debug)]
    pub type OmiseOptionsArg;
    /// `ListParams` as TypeScript sees it.
    #[wasm_bindgen(typescript_type = "ListParams")]
    #[derive(Debug)]
    pub type ListParamsArg;
    /// `DisputeIterateParams` as TypeScript sees it.
    #[wasm_bindgen(typescript_type = "DisputeIterateParams")]
    #[derive(Debug)]
    pub type DisputeIterateParamsArg;
    /// `RequestOptions` as TypeScript sees it.
    #[wasm_bindgen(typescript_type = "RequestOptions")]
    #[derive(Debug)]
    pub type RequestOptionsArg;
    /// `UploadOptions` as TypeScript sees it.
    #[wasm_bindgen(typescript_type = "UploadOptions")]
    #[derive(Debug)]
    pub type UploadOptionsArg;
}

/// An optional argument as a plain `JsValue` (`undefined` when absent).
pub fn arg<T: Into<JsValue>>(o: Option<T>) -> JsValue {
    o.map(Into::into).unwrap_or(JsValue::UNDEFINED)
}

/// A string id argument of `kind`, checked so that it cannot change the URL path.
pub fn id_arg(kind: IdKind, value: &JsValue) -> Result<String, Error> {
    let id = string_arg(value, kind.param(), ValidationCode::InvalidId)?;
    params::check_id(kind, &id)?;
    Ok(id)
}

/// A caller's options object whose keys have been checked against a list.
#[derive(Debug)]
pub struct Fields {
    obj: Option<Object>,
}

impl Fields {
    /// Reads `value` as an options object: `undefined`/`null` means none; anything but a
    /// plain object is refused with `invalid_code`; keys outside `allowed` are refused
    /// with `unknown_code`.
    pub fn read(
        value: &JsValue,
        param: &str,
        allowed: &[&str],
        invalid_code: ValidationCode,
        unknown_code: ValidationCode,
    ) -> Result<Self, Error> {
        if value.is_undefined() || value.is_null() {
            return Ok(Fields { obj: None });
        }
        let keys = platform::plain_keys(value).ok_or_else(|| {
            Error::validation(
                invalid_code,
                param,
                format!("{param} must be a plain object"),
            )
        })?;
        let obj: Object = value.clone().unchecked_into();
        for key in keys.iter() {
            let name = key.as_string().unwrap_or_default();
            if !allowed.contains(&name.as_str()) {
                let shown: String = name.chars().take(40).collect();
                let mut message = format!("unknown {param} field '{shown}'; known fields are:");
                for a in allowed {
                    message.push(' ');
                    message.push_str(a);
                }
                return Err(Error::validation(unknown_code, &shown, message));
            }
        }
        Ok(Fields { obj: Some(obj) })
    }

    /// The value of `key`, or `None` when absent or `undefined`. A getter that throws
    /// is refused.
    pub fn get(&self, key: &str) -> Result<Option<JsValue>, Error> {
        let Some(obj) = &self.obj else {
            return Ok(None);
        };
        match Reflect::get(obj, &JsValue::from_str(key)) {
            Ok(v) if v.is_undefined() => Ok(None),
            Ok(v) => Ok(Some(v)),
            Err(_) => Err(Error::validation(
                ValidationCode::InvalidParam,
                key,
                format!("reading {key} threw an exception"),
            )),
        }
    }

    /// A number field; anything else (including numeric strings) gets `code`.
    pub fn number(&self, key: &str, code: ValidationCode) -> Result<Option<f64>, Error> {
        match self.get(key)? {
            None => Ok(None),
            Some(v) => v
                .as_f64()
                .map(Some)
                .ok_or_else(|| Error::validation(code, key, format!("{key} must be a number"))),
        }
    }

    /// A string field; anything else gets `code`.
    pub fn string(&self, key: &str, code: ValidationCode) -> Result<Option<String>, Error> {
        match self.get(key)? {
            None => Ok(None),
            Some(v) => v
                .as_string()
                .map(Some)
                .ok_or_else(|| Error::validation(code, key, format!("{key} must be a string"))),
        }
    }
}

/// An object whose prototype is `Object.prototype` or `null` (not an array, a
/// function, a Date, a class instance).
pub fn is_plain_object(value: &JsValue) -> bool {
    platform::plain_keys(value).is_some()
}

/// Reads a string argument such as an id; a non-string gets `code` for `param`.
pub fn string_arg(value: &JsValue, param: &str, code: ValidationCode) -> Result<String, Error> {
    value
        .as_string()
        .ok_or_else(|| Error::validation(code, param, format!("{param} must be a string")))
}

#[wasm_bindgen(module = "/src/js/bindings.js")]
extern "C" {
    /// `aborted` read through the platform's own getter: 0 no, 1 yes, 2 not an
    /// `AbortSignal` at all, or one whose own `aborted` throws (as `fetch` would).
    #[wasm_bindgen(js_name = omiseAborted)]
    fn aborted_state(s: &JsValue) -> u32;
    /// A `Date`'s ISO 8601 text read through `Date.prototype` (a subclass's overrides,
    /// a Proxy or an invalid date give `None`).
    #[wasm_bindgen(js_name = omiseDateIso)]
    pub fn date_iso(d: &JsValue) -> Option<String>;
    /// Resolves to `[blob, size, firstBytes, fileName]` read through the platform's own
    /// `Blob`/`File` accessors, so a subclass's getters and methods are never called and
    /// `size` is the number of bytes that will be sent; `undefined` when `f` is not a
    /// real `Blob`, `File` or `Uint8Array`, `null` when its bytes cannot be read.
    /// Never rejects.
    #[wasm_bindgen(js_name = omiseFile)]
    pub fn read_file(f: &JsValue) -> js_sys::Promise;
    /// A copy of `v` if it is JSON data (plain objects, arrays, strings, finite numbers,
    /// booleans, null: no `toJSON`, `Map`, function, `NaN`, `undefined` or cycle) of at
    /// most `max` bytes as UTF-8 JSON; `undefined` otherwise. Never throws.
    #[wasm_bindgen(js_name = omiseJsonData)]
    pub fn json_data(v: &JsValue, max: f64) -> JsValue;
}

/// Whether a signal has fired, read safely (see [`check_signal`]).
pub fn signal_aborted(s: &AbortSignal) -> bool {
    aborted_state(s) == 1
}

/// A caller's `signal`: a real `AbortSignal` (a subclass too), or `invalid_signal`.
pub fn check_signal(v: JsValue) -> Result<AbortSignal, Error> {
    if aborted_state(&v) < 2 {
        Ok(v.unchecked_into())
    } else {
        Err(Error::validation(
            ValidationCode::InvalidSignal,
            "signal",
            "signal must be an AbortSignal",
        ))
    }
}
