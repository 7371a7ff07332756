//! The transport: one request through the platform's `fetch` (or, for uploads in a
//! browser, `XMLHttpRequest`, the only API that reports upload progress), with a
//! per-attempt timeout, the caller's abort signal, and the retries [`crate::retry`] allows.

use crate::config::Config;
use crate::error::{status_error, Error, NetworkCode};
use crate::platform;
use crate::retry::{self, Failure, Outcome};
use js_sys::{Array, Function, JsString, Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortSignal, FormData, Response};

/// The HTTP methods the API uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
    Patch,
    Delete,
}

impl Method {
    fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Patch => "PATCH",
            Method::Delete => "DELETE",
        }
    }
}

/// What a request carries.
#[derive(Debug)]
pub enum Body {
    Empty,
    /// A JSON text already produced by `JSON.stringify` (kept as a JS string).
    Json(JsValue),
    /// A multipart form built by the platform (the file's bytes stay in JS).
    Form(FormData),
}

/// Per-call settings after validation.
#[derive(Debug, Clone)]
pub struct CallOptions {
    pub signal: Option<AbortSignal>,
    pub timeout_ms: u32,
    /// Retries after the first attempt, where [`crate::retry`] allows any.
    pub max_retries: u32,
}

/// Upload progress reporting.
#[derive(Debug, Clone)]
pub struct Progress {
    /// The caller's `onProgress`.
    pub callback: Function,
    /// The file's size, for the events a platform without upload progress gets.
    pub size: f64,
}

/// One request to send.
#[derive(Debug)]
pub struct Request {
    pub method: Method,
    /// Path below the base URL, starting with `/`, with validated ids only.
    pub path: String,
    /// Query string without `?` (built by `URLSearchParams`), possibly empty.
    pub query: String,
    pub body: Body,
    /// Uploads only.
    pub progress: Option<Progress>,
}

impl Request {
    /// A request without query or progress reporting.
    pub fn new(method: Method, path: String, body: Body) -> Self {
        Request {
            method,
            path,
            query: String::new(),
            body,
            progress: None,
        }
    }
}

/// Sends `req`, again after the failures [`crate::retry`] says to retry;
/// returns the parsed JSON of a successful answer (not yet checked against a model).
pub async fn send(config: &Config, req: &Request, opts: &CallOptions) -> Result<JsValue, Error> {
    let mut number = 1;
    loop {
        if opts
            .signal
            .as_ref()
            .is_some_and(crate::js_input::signal_aborted)
        {
            return Err(Error::Abort);
        }
        let (result, retry_after) = attempt_once(config, req, opts).await;
        let e = match result {
            Ok(v) => return Ok(v),
            Err(e) => e,
        };
        let outcome = retry::decide(&retry::Attempt {
            is_get: req.method == Method::Get,
            number,
            max_retries: opts.max_retries,
            failure: Failure::of(&e),
            retry_after: retry_after.as_deref(),
            retry_after_date_ms: retry_after
                .as_deref()
                .map(js_sys::Date::parse)
                .filter(|d| d.is_finite()),
            timeout_ms: opts.timeout_ms,
            now_ms: js_sys::Date::now(),
            jitter: js_sys::Math::random(),
        });
        match outcome {
            Outcome::Retry { wait_ms } => {
                sleep(wait_ms, opts.signal.as_ref()).await?;
                number += 1;
            }
            Outcome::GiveUp => return Err(e.with_attempts(number)),
        }
    }
}

/// Waits `ms`, or rejects with `AbortError` when the caller's signal fires.
async fn sleep(ms: f64, signal: Option<&AbortSignal>) -> Result<(), Error> {
    let signal = signal.map_or(JsValue::UNDEFINED, JsValue::from);
    JsFuture::from(wait(ms, &signal))
        .await
        .map(|_| ())
        .map_err(|_| Error::Abort)
}

/// The signals of one attempt: the caller's and a fresh timeout.
struct AttemptSignal {
    caller: Option<AbortSignal>,
    timeout: Option<AbortSignal>,
    combined: Option<AbortSignal>,
    timeout_ms: u32,
}

impl AttemptSignal {
    fn new(opts: &CallOptions) -> Self {
        let timeout = platform::abort_signal_timeout(opts.timeout_ms).ok();
        let combined = match (&opts.signal, &timeout) {
            (Some(c), Some(t)) => platform::abort_signal_any(&Array::of2(c, t))
                .ok()
                .or_else(|| Some(c.clone())),
            (Some(c), None) => Some(c.clone()),
            (None, t) => t.clone(),
        };
        AttemptSignal {
            caller: opts.signal.clone(),
            timeout,
            combined,
            timeout_ms: opts.timeout_ms,
        }
    }

    /// Turns a failure into Abort or Timeout when a signal explains it, else `other`.
    fn explain(&self, other: Error) -> Error {
        if self
            .caller
            .as_ref()
            .is_some_and(crate::js_input::signal_aborted)
        {
            Error::Abort
        } else if self
            .timeout
            .as_ref()
            .is_some_and(crate::js_input::signal_aborted)
        {
            Error::Timeout {
                timeout_ms: self.timeout_ms,
                attempts: 1,
            }
        } else {
            other
        }
    }
}

fn network_error(message: &str) -> Error {
    Error::Network {
        code: NetworkCode::Network,
        status: None,
        message: message.to_owned(),
        attempts: 1,
        cause: Default::default(),
    }
}

/// The headers of a request, for `fetch` and `XMLHttpRequest` alike. Extra header names
/// and values were checked when the client was made.
fn headers<'a>(config: &'a Config, req: &Request) -> Vec<(&'a str, &'a str)> {
    let mut h = vec![
        ("Accept", "application/json"),
        ("Omise-Version", config.api_version.as_str()),
    ];
    if let Some(k) = &config.secret_key {
        h.push(("Authorization", k.authorization()));
    }
    if let Some(ua) = &config.user_agent {
        h.push(("User-Agent", ua.as_str()));
    }
    if matches!(req.body, Body::Json(_)) {
        h.push(("Content-Type", "application/json"));
    }
    h.extend(config.headers.iter().map(|(n, v)| (n.as_str(), v.as_str())));
    h
}

/// Sets `key` on a plain JS object (a fresh one: this cannot fail).
fn put(target: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(target, &JsValue::from_str(key), value);
}

fn url(config: &Config, req: &Request) -> String {
    if req.query.is_empty() {
        format!("{}{}", config.base_url, req.path)
    } else {
        format!("{}{}?{}", config.base_url, req.path, req.query)
    }
}

/// The most bytes of an answer that are read (API.md, "Transport rules").
pub const MAX_RESPONSE_BYTES: u32 = 16 * 1024 * 1024;
/// The most UTF-16 code units kept of each string of a server's error object.
pub const MAX_ERROR_STRING: u32 = 1_000;

#[wasm_bindgen(module = "/src/js/bindings.js")]
extern "C" {
    /// Resolves after `ms`, or rejects when `signal` (if any) fires.
    #[wasm_bindgen(js_name = omiseWait)]
    fn wait(ms: f64, signal: &JsValue) -> Promise;
    /// The body as text, counting decoded bytes as they stream: `null` (and the rest
    /// left unread) past `cap` bytes; `undefined` (nothing read) for a redirect, which
    /// a browser shows as an opaque answer with status 0.
    #[wasm_bindgen(js_name = omiseReadBody)]
    fn read_body(r: &Response, cap: f64) -> Promise;
    /// An upload through `XMLHttpRequest`, which follows redirects by itself: resolves
    /// to `[status, text, lastLoaded, lastTotal]`, or to 0 (no answer: refused, reset,
    /// aborted), 1 (it ended at another URL than `url`: a redirect) or 2 (an answer of
    /// more than `cap` bytes, not read further). Rejects only if it could not start.
    /// `onProgress` gets `{ loaded, total }`; what it throws is ignored.
    #[wasm_bindgen(js_name = omiseXhr)]
    fn xhr_upload(
        method: &str,
        url: &str,
        head: &Object,
        form: &FormData,
        signal: &JsValue,
        on_progress: &JsValue,
        cap: f64,
    ) -> Promise;
}

fn too_large(status: Option<u16>) -> Error {
    Error::Network {
        code: NetworkCode::ResponseTooLarge,
        status,
        message: "the answer is larger than 16 MiB; it was not read".into(),
        attempts: 1,
        cause: Default::default(),
    }
}

fn redirected(status: Option<u16>) -> Error {
    Error::Network {
        code: NetworkCode::UnexpectedRedirect,
        status,
        message: "the server answered with a redirect, which is not followed (check baseUrl)"
            .into(),
        attempts: 1,
        cause: Default::default(),
    }
}

/// One attempt; also returns the answer's `Retry-After` header.
async fn attempt_once(
    config: &Config,
    req: &Request,
    opts: &CallOptions,
) -> (Result<JsValue, Error>, Option<String>) {
    let signal = AttemptSignal::new(opts);
    // A plain object: fewer platform bindings than RequestInit and Headers.
    let head = Object::new();
    for (name, value) in headers(config, req) {
        put(&head, name, &value.into());
    }
    if matches!(req.body, Body::Form(_)) && platform::has_global("XMLHttpRequest") {
        return (xhr_attempt(config, req, &signal, &head).await, None);
    }
    let init = Object::new();
    put(&init, "method", &req.method.as_str().into());
    put(&init, "headers", &head);
    // A redirect would carry headers and body to wherever it points: never follow one.
    put(&init, "redirect", &"manual".into());
    match &req.body {
        Body::Empty => {}
        Body::Json(text) => put(&init, "body", text),
        Body::Form(form) => put(&init, "body", form),
    }
    if let Some(sig) = &signal.combined {
        put(&init, "signal", sig);
    }
    if let Some(p) = &req.progress {
        report(&p.callback, 0.0, p.size);
    }
    let promise = match platform::fetch(&url(config, req), &init) {
        Ok(p) => p,
        Err(_) => return (Err(network_error("fetch refused the request")), None),
    };
    let response: Response = match JsFuture::from(promise).await {
        Ok(r) => r.unchecked_into(),
        Err(cause) => {
            let e = signal.explain(Error::Network {
                code: NetworkCode::Network,
                status: None,
                message:
                    "could not reach the Omise API (connection refused, reset, DNS or CORS failure)"
                        .into(),
                attempts: 1,
                cause: crate::error::Cause(Some(cause)),
            });
            return (Err(e), None);
        }
    };
    let status = response.status();
    let retry_after = response.headers().get("Retry-After").ok().flatten();
    let text = JsFuture::from(read_body(&response, f64::from(MAX_RESPONSE_BYTES))).await;
    let shown = (status != 0).then_some(status);
    let text = match text {
        Ok(t) if t.is_undefined() => return (Err(redirected(shown)), None),
        Ok(t) if t.is_null() => return (Err(too_large(shown)), None),
        Ok(t) => t,
        Err(cause) => {
            let e = signal.explain(Error::Network {
                code: NetworkCode::Network,
                status: Some(status),
                message: "the connection failed while the response was read".into(),
                attempts: 1,
                cause: crate::error::Cause(Some(cause)),
            });
            return (Err(e), retry_after);
        }
    };
    let result = interpret(status, &text);
    if let (Ok(_), Some(p)) = (&result, &req.progress) {
        report(&p.callback, p.size, p.size);
    }
    (result, retry_after)
}

/// Turns a status and body text into the parsed object or a typed error.
fn interpret(status: u16, text: &JsValue) -> Result<JsValue, Error> {
    let ok = (200..300).contains(&status);
    let parsed = platform::json_parse(text).ok().filter(JsValue::is_object);
    if let Some(err) = parsed.as_ref().and_then(|v| api_error(status, v)) {
        return Err(err);
    }
    match (ok, parsed) {
        (true, Some(v)) => Ok(v),
        (true, None) => Err(Error::malformed(
            Some(status),
            format!("the server answered HTTP {status} with a body that is not a JSON object"),
        )),
        (false, _) => Err(status_error(status)),
    }
}

/// The error object in a body, as an `OmiseApiError`. Its strings are cut to
/// [`MAX_ERROR_STRING`] UTF-16 units before they are copied into wasm memory.
fn api_error(status: u16, v: &JsValue) -> Option<Error> {
    let get = |k: &str| {
        let s: JsString = Reflect::get(v, &JsValue::from_str(k))
            .ok()?
            .dyn_into()
            .ok()?;
        Some(String::from(s.slice(0, MAX_ERROR_STRING)))
    };
    if get("object")? != "error" {
        return None;
    }
    let code = get("code")?;
    let message = get("message").unwrap_or_else(|| code.replace('_', " "));
    Some(Error::Api {
        status,
        code,
        location: get("location"),
        message,
        attempts: 1,
    })
}

/// Calls the caller's `onProgress({ loaded, total })`; what it throws is ignored so
/// that a faulty callback cannot break an upload.
fn report(callback: &Function, loaded: f64, total: f64) {
    let e = Object::new();
    let _ = Reflect::set(&e, &"loaded".into(), &loaded.into());
    let _ = Reflect::set(&e, &"total".into(), &total.into());
    let _ = callback.call1(&JsValue::UNDEFINED, &e);
}

/// An upload through `XMLHttpRequest` (see [`xhr_upload`]), for real progress events
/// in browsers.
async fn xhr_attempt(
    config: &Config,
    req: &Request,
    signal: &AttemptSignal,
    head: &Object,
) -> Result<JsValue, Error> {
    let Body::Form(form) = &req.body else {
        return Err(network_error("an upload needs a form body"));
    };
    let callback = req
        .progress
        .as_ref()
        .map_or(JsValue::UNDEFINED, |p| p.callback.clone().into());
    let signal_js = signal
        .combined
        .as_ref()
        .map_or(JsValue::UNDEFINED, JsValue::from);
    let sent = xhr_upload(
        req.method.as_str(),
        &url(config, req),
        head,
        form,
        &signal_js,
        &callback,
        f64::from(MAX_RESPONSE_BYTES),
    );
    let got = JsFuture::from(sent)
        .await
        .map_err(|_| network_error("the browser refused to start the upload"))?;
    let Ok(parts) = got.clone().dyn_into::<Array>() else {
        return Err(match got.as_f64() {
            Some(1.0) => redirected(None),
            Some(2.0) => too_large(None),
            _ => signal.explain(network_error(
                "the upload could not reach the Omise API (connection refused, reset or CORS failure)",
            )),
        });
    };
    let status = parts.get(0).as_f64().unwrap_or(0.0) as u16;
    let result = interpret(status, &parts.get(1));
    if let (Ok(_), Some(p)) = (&result, &req.progress) {
        let loaded = parts.get(2).as_f64().unwrap_or(0.0);
        let total = parts.get(3).as_f64().unwrap_or(0.0);
        // The last event says loaded === total, whatever the browser reported.
        if total <= 0.0 || loaded < total {
            let total = if total > 0.0 { total } else { p.size };
            report(&p.callback, total, total);
        }
    }
    result
}
