//! Reading the caller's JavaScript arguments: every value is checked before it is
//! used, and anything unexpected becomes an `OmiseValidationError`.

use crate::error::Error;
use crate::platform;
use js_sys::{Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

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
        invalid_code: &'static str,
        unknown_code: &'static str,
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
                return Err(Error::validation(
                    unknown_code,
                    &shown,
                    format!(
                        "unknown {param} field '{shown}'; known fields are: {}",
                        allowed.join(", ")
                    ),
                ));
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
                "invalid_param",
                key,
                format!("reading {key} threw an exception"),
            )),
        }
    }

    /// A number field; anything else (including numeric strings) gets `code`.
    pub fn number(&self, key: &str, code: &'static str) -> Result<Option<f64>, Error> {
        match self.get(key)? {
            None => Ok(None),
            Some(v) => v
                .as_f64()
                .map(Some)
                .ok_or_else(|| Error::validation(code, key, format!("{key} must be a number"))),
        }
    }

    /// A string field; anything else gets `code`.
    pub fn string(&self, key: &str, code: &'static str) -> Result<Option<String>, Error> {
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
pub fn string_arg(value: &JsValue, param: &str, code: &'static str) -> Result<String, Error> {
    value
        .as_string()
        .ok_or_else(|| Error::validation(code, param, format!("{param} must be a string")))
}
