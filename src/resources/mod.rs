//! The API's three resources, each a small class reached from `Omise`
//! (`omise.disputes`, `omise.documents`, `omise.transactions`).

mod disputes;
mod documents;
mod transactions;

pub use disputes::Disputes;
pub use documents::Documents;
pub use transactions::Transactions;

use crate::client::Client;
use crate::error::Error;
use crate::http::{Body, Method, Request};
use crate::js_input::{string_arg, Fields};
use crate::models::shape::Expect;
use crate::params::{self, IdKind, Order};
use js_sys::Promise;
use std::future::Future;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::UrlSearchParams;

/// Runs a call as a Promise: every error, validation included, becomes a rejection.
pub(crate) fn promise<F>(fut: F) -> Promise
where
    F: Future<Output = Result<JsValue, Error>> + 'static,
{
    wasm_bindgen_futures::future_to_promise(async move { fut.await.map_err(JsValue::from) })
}

/// A checked call: what to send, how, and what the answer must be.
#[derive(Debug)]
pub(crate) struct Prepared {
    pub req: crate::http::Request,
    pub opts: crate::http::CallOptions,
    pub check: Expect,
}

impl Prepared {
    /// A call of `method` on `path` (ids already checked) with the caller's options.
    pub(crate) fn new(
        client: &Client,
        method: Method,
        path: String,
        body: Body,
        options: &JsValue,
        check: Expect,
    ) -> Result<Self, Error> {
        Ok(Prepared {
            req: Request::new(method, path, body),
            opts: client.options(options)?,
            check,
        })
    }

    /// A GET of one page of the list at `path`, with the caller's list params.
    pub(crate) fn list(
        client: &Client,
        path: String,
        params: &JsValue,
        options: &JsValue,
        check: Expect,
    ) -> Result<Self, Error> {
        let (query, _) = ListQuery::read(params, &[])?;
        let mut p = Prepared::new(client, Method::Get, path, Body::Empty, options, check)?;
        p.req.query = query.to_query();
        Ok(p)
    }
}

/// A string id argument of `kind`, checked so that it cannot change the URL path.
pub(crate) fn id(kind: IdKind, value: &JsValue) -> Result<String, Error> {
    let id = string_arg(value, kind.param(), "invalid_id")?;
    params::check_id(kind, &id)?;
    Ok(id)
}

/// Sends a checked call, or rejects at once when the checks failed (never throws).
/// All calls share this one future type, which keeps the wasm small.
pub(crate) fn send(client: &Rc<Client>, prepared: Result<Prepared, Error>) -> Promise {
    match prepared {
        Err(e) => Promise::reject(&e.into()),
        Ok(p) => {
            let client = client.clone();
            promise(async move { client.call(p.req, p.opts, p.check).await })
        }
    }
}

/// An optional argument as a plain `JsValue` (`undefined` when absent).
pub(crate) fn arg<T: Into<JsValue>>(o: Option<T>) -> JsValue {
    o.map(Into::into).unwrap_or(JsValue::UNDEFINED)
}

/// Checked list parameters.
#[derive(Debug, Clone, Default)]
pub(crate) struct ListQuery {
    pub offset: Option<u64>,
    pub limit: Option<u32>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub order: Option<Order>,
}

impl ListQuery {
    /// Reads `{ offset, limit, from, to, order }` (and the `extra` keys a call adds).
    pub fn read(value: &JsValue, extra: &[&str]) -> Result<(ListQuery, Fields), Error> {
        let mut allowed = vec!["offset", "limit", "from", "to", "order"];
        allowed.extend_from_slice(extra);
        let f = Fields::read(value, "params", &allowed, "invalid_params", "unknown_param")?;
        let offset = f
            .number("offset", "invalid_offset")?
            .map(params::check_offset)
            .transpose()?;
        let limit = f
            .number("limit", "invalid_limit")?
            .map(params::check_limit)
            .transpose()?;
        let order = f
            .string("order", "invalid_order")?
            .map(|o| params::check_order(&o))
            .transpose()?;
        let (from, from_s) = date(&f, "from")?.unzip();
        let (to, to_s) = date(&f, "to")?.unzip();
        params::check_range(from_s, to_s)?;
        Ok((
            ListQuery {
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
        let Some(iso) = crate::js_input::date_iso(&v) else {
            return Err(Error::validation(
                "invalid_date",
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
            "invalid_date",
            key,
            format!("{key} must be an ISO 8601 string or a Date"),
        ));
    };
    let secs = params::check_date(key, &text)?;
    Ok(Some((text, secs)))
}
