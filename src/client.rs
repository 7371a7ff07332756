//! The call core: a client's settings and the one path every call takes, from a
//! resource method's [`Call`] to the answer checked against its model. It knows no
//! resource and no facade: the resources build `Call`s, the `Omise` class builds the
//! `Client`.

use crate::config::Config;
use crate::error::{Error, ValidationCode};
use crate::http::{self, Body, CallOptions, Method, Request};
use crate::js_input::{check_signal, Fields};
use crate::list_params::ListParams;
use crate::models::shape::Expect;
use crate::params;
use js_sys::Promise;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use wasm_bindgen::JsValue;

/// A client's checked settings, shared by its resources.
#[derive(Debug)]
pub struct Client {
    pub config: Config,
}

/// One call as a resource method states it: method, path (ids already checked), body,
/// the caller's list params and options (read when it is sent), and the answer's shape.
#[derive(Debug)]
pub struct Call {
    method: Method,
    path: String,
    body: Body,
    params: Option<JsValue>,
    options: JsValue,
    expect: Expect,
}

impl Call {
    /// GET one object.
    pub fn get(path: impl Into<String>, options: JsValue, expect: Expect) -> Call {
        Call::new(Method::Get, path.into(), Body::Empty, None, options, expect)
    }

    /// GET one page of a list, with the caller's `ListParams`.
    pub fn list(path: impl Into<String>, params: JsValue, opts: JsValue, expect: Expect) -> Call {
        Call::new(
            Method::Get,
            path.into(),
            Body::Empty,
            Some(params),
            opts,
            expect,
        )
    }

    /// PATCH with a JSON body (or none).
    pub fn patch(path: String, body: Body, options: JsValue, expect: Expect) -> Call {
        Call::new(Method::Patch, path, body, None, options, expect)
    }

    /// DELETE.
    pub fn delete(path: String, options: JsValue, expect: Expect) -> Call {
        Call::new(Method::Delete, path, Body::Empty, None, options, expect)
    }

    fn new(
        method: Method,
        path: String,
        body: Body,
        params: Option<JsValue>,
        options: JsValue,
        expect: Expect,
    ) -> Call {
        Call {
            method,
            path,
            body,
            params,
            options,
            expect,
        }
    }
}

impl Client {
    /// Checks a call's list params, then its options, and sends it; a call that fails
    /// its checks rejects at once (never throws). All calls share this one future type,
    /// which keeps the wasm small.
    pub fn send(self: &Rc<Self>, call: Result<Call, Error>) -> Promise {
        let checked = call.and_then(|c| {
            let mut req = Request::new(c.method, c.path, c.body);
            if let Some(p) = &c.params {
                req.query = ListParams::read(p, &[])?.0.to_query();
            }
            Ok((req, self.options(&c.options)?, c.expect))
        });
        match checked {
            Err(e) => Promise::reject(&e.into()),
            Ok((req, opts, expect)) => {
                let client = self.clone();
                promise(async move { client.run(&req, &opts, expect).await })
            }
        }
    }

    /// Sends `req` and checks the answer against what the call expects.
    pub async fn run(
        &self,
        req: &Request,
        opts: &CallOptions,
        expect: Expect,
    ) -> Result<JsValue, Error> {
        let value = http::send(&self.config, req, opts).await?;
        crate::decode::check(value, expect, &req.path)
    }

    /// Reads a per-call `{ signal, timeoutMs, maxRetries }` (uploads take no `maxRetries`).
    pub fn call_options(&self, fields: &Fields) -> Result<CallOptions, Error> {
        let signal = fields.get("signal")?.map(check_signal).transpose()?;
        let timeout_ms = match fields.number("timeoutMs", ValidationCode::InvalidTimeout)? {
            Some(v) => params::check_timeout(v)?,
            None => self.config.timeout_ms,
        };
        let max_retries = match fields.number("maxRetries", ValidationCode::InvalidMaxRetries)? {
            Some(v) => params::check_max_retries(v)?,
            None => self.config.max_retries,
        };
        Ok(CallOptions {
            signal,
            timeout_ms,
            max_retries,
        })
    }

    /// Reads the usual last argument of a method, `RequestOptions`.
    pub fn options(&self, value: &JsValue) -> Result<CallOptions, Error> {
        let fields = Fields::read(
            value,
            "options",
            &["signal", "timeoutMs", "maxRetries"],
            ValidationCode::InvalidOptions,
            ValidationCode::UnknownOption,
        )?;
        self.call_options(&fields)
    }
}

/// Runs a call as a Promise: every error, validation included, becomes a rejection.
/// Boxed, so that one copy of the executor's glue serves every kind of call.
pub fn promise<F>(fut: F) -> Promise
where
    F: Future<Output = Result<JsValue, Error>> + 'static,
{
    run_as_promise(Box::pin(fut))
}

fn run_as_promise(fut: Pin<Box<dyn Future<Output = Result<JsValue, Error>>>>) -> Promise {
    wasm_bindgen_futures::future_to_promise(async move { fut.await.map_err(JsValue::from) })
}
