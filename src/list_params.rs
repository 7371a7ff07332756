//! `ListParams`: the paging and date range of a list call, checked, and the query
//! string they become.

use crate::error::{Error, ValidationCode};
use crate::js_input::{date_iso, Fields};
use crate::params::{self, Order};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::UrlSearchParams;

/// The checked `ListParams` of a list call or an `iterate`.
#[derive(Debug, Clone, Default)]
pub struct ListParams {
    pub offset: Option<u64>,
    pub limit: Option<u32>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub order: Option<Order>,
}

impl ListParams {
    /// Reads `{ offset, limit, from, to, order }` (and the `extra` keys a call adds).
    pub fn read(value: &JsValue, extra: &[&str]) -> Result<(ListParams, Fields), Error> {
        let mut allowed = vec!["offset", "limit", "from", "to", "order"];
        allowed.extend_from_slice(extra);
        let f = Fields::read(
            value,
            "params",
            &allowed,
            ValidationCode::InvalidParams,
            ValidationCode::UnknownParam,
        )?;
        let offset = f
            .number("offset", ValidationCode::InvalidOffset)?
            .map(params::check_offset)
            .transpose()?;
        let limit = f
            .number("limit", ValidationCode::InvalidLimit)?
            .map(params::check_limit)
            .transpose()?;
        let order = f
            .string("order", ValidationCode::InvalidOrder)?
            .map(|o| params::check_order(&o))
            .transpose()?;
        let (from, from_s) = date(&f, "from")?.unzip();
        let (to, to_s) = date(&f, "to")?.unzip();
        params::check_range(from_s, to_s)?;
        Ok((
            ListParams {
                offset,
                limit,
                from,
                to,
                order,
            },
            f,
        ))
    }

    /// The query string, built by the platform's `URLSearchParams`.
    pub fn to_query(&self) -> String {
        let Ok(q) = UrlSearchParams::new() else {
            return String::new();
        };
        if let Some(o) = self.offset {
            q.append("offset", &o.to_string());
        }
        if let Some(l) = self.limit {
            q.append("limit", &l.to_string());
        }
        if let Some(f) = &self.from {
            q.append("from", f);
        }
        if let Some(t) = &self.to {
            q.append("to", t);
        }
        if let Some(o) = self.order {
            q.append("order", o.as_str());
        }
        q.to_string().into()
    }
}

/// A `from`/`to` value: an ISO 8601 string or a valid `Date`; returns the text to
/// send and its Unix seconds.
fn date(f: &Fields, key: &str) -> Result<Option<(String, i64)>, Error> {
    let Some(v) = f.get(key)? else {
        return Ok(None);
    };
    let text = if let Some(s) = v.as_string() {
        s
    } else if v.is_instance_of::<js_sys::Date>() {
        // Read through Date.prototype: a subclass's overrides are never called.
        let Some(iso) = date_iso(&v) else {
            return Err(Error::validation(
                ValidationCode::InvalidDate,
                key,
                format!("{key} is an invalid Date"),
            ));
        };
        // toISOString gives milliseconds; the API's format has whole seconds.
        match iso.split_once('.') {
            Some((secs, _)) => format!("{secs}Z"),
            None => iso,
        }
    } else {
        return Err(Error::validation(
            ValidationCode::InvalidDate,
            key,
            format!("{key} must be an ISO 8601 string or a Date"),
        ));
    };
    let secs = params::check_date(key, &text)?;
    Ok(Some((text, secs)))
}
