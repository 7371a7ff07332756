//! The transport: one request through the platform's `fetch` (or, for uploads in a
//! browser, `XMLHttpRequest`, the only API that reports upload progress), with a
//! per-attempt timeout, the caller's abort signal, and retries for GET only.

use crate::config::Config;
use crate::error::{status_error, Error, NetworkCode};
use crate::platform;
use js_sys::{Array, Function, Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortSignal, FormData, ProgressEvent, Response, XmlHttpRequest};

/// The HTTP methods the API uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// Safe to retry.
    Get,
    /// Never retried.
    Post,
    /// Never retried.
    Patch,
    /// Never retried.
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
    /// Nothing.
    Empty,
    /// A JSON text already produced by `JSON.stringify` (kept as a JS string).
    Json(JsValue),
    /// A multipart form built by the platform (the file's bytes stay in JS).
    Form(FormData),
}

/// Per-call settings after validation.
#[derive(Debug, Clone)]
pub struct CallOptions {
    /// The caller's signal.
    pub signal: Option<AbortSignal>,
    /// Per-attempt limit.
    pub timeout_ms: u32,
    /// Retries after the first attempt (GET only).
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
    /// Method.
    pub method: Method,
    /// Path below the base URL, starting with `/`, with validated ids only.
    pub path: String,
    /// Query string without `?` (built by `URLSearchParams`), possibly empty.
    pub query: String,
    /// Body.
    pub body: Body,
    /// Progress reporting (uploads).
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

/// Sends `req`, retrying a GET on transient failures; returns the parsed JSON of a
/// successful answer (not yet checked against a model).
pub async fn send(config: &Config, req: &Request, opts: &CallOptions) -> Result<JsValue, Error> {
    let attempts = if req.method == Method::Get {
        1 + opts.max_retries
    } else {
        1
    };
    let mut attempt = 1;
    loop {
        if opts.signal.as_ref().is_some_and(AbortSignal::aborted) {
            return Err(Error::Abort);
        }
        let (result, retry_after) = attempt_once(config, req, opts).await;
        match result {
            Ok(v) => return Ok(v),
            Err(e) if attempt < attempts && e.is_retryable() => {
                sleep(backoff_ms(attempt, retry_after), opts.signal.as_ref()).await?;
                attempt += 1;
            }
            Err(e) => return Err(e.with_attempts(attempt)),
        }
    }
}

/// Exponential backoff with jitter; a server's `Retry-After` wins (capped at a minute).
fn backoff_ms(attempt: u32, retry_after: Option<f64>) -> f64 {
    if let Some(s) = retry_after {
        return (s * 1000.0).clamp(0.0, 60_000.0);
    }
    let base = 200.0 * f64::from(1u32 << (attempt - 1).min(6));
    base.min(8_000.0) * (0.5 + js_sys::Math::random() / 2.0)
}

/// Waits `ms`, or rejects with `AbortError` when the caller's signal fires.
async fn sleep(ms: f64, signal: Option<&AbortSignal>) -> Result<(), Error> {
    let mut timer = JsValue::UNDEFINED;
    let mut on_abort: Option<Function> = None;
    let promise = Promise::new(&mut |resolve, reject| {
        timer = platform::set_timeout(&resolve, ms as i32).unwrap_or(JsValue::UNDEFINED);
        if timer.is_undefined() {
            // No timer could be set; go on at once rather than hang.
            let _ = resolve.call0(&JsValue::UNDEFINED);
        }
        if let Some(s) = signal {
            let _ = s.add_event_listener_with_callback("abort", &reject);
            on_abort = Some(reject);
        }
    });
    let waited = JsFuture::from(promise).await;
    platform::clear_timeout(&timer);
    if let (Some(s), Some(f)) = (signal, on_abort) {
        let _ = s.remove_event_listener_with_callback("abort", &f);
    }
    waited.map(|_| ()).map_err(|_| Error::Abort)
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
        if self.caller.as_ref().is_some_and(AbortSignal::aborted) {
            Error::Abort
        } else if self.timeout.as_ref().is_some_and(AbortSignal::aborted) {
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

/// One attempt; also returns the `Retry-After` seconds the server asked for.
async fn attempt_once(
    config: &Config,
    req: &Request,
    opts: &CallOptions,
) -> (Result<JsValue, Error>, Option<f64>) {
    let signal = AttemptSignal::new(opts);
    if matches!(req.body, Body::Form(_)) && platform::has_global("XMLHttpRequest") {
        return (xhr_attempt(config, req, &signal).await, None);
    }
    // A plain init object: fewer platform bindings than RequestInit and Headers.
    let head = Object::new();
    for (name, value) in headers(config, req) {
        put(&head, name, &value.into());
    }
    let init = Object::new();
    put(&init, "method", &req.method.as_str().into());
    put(&init, "headers", &head);
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
    let retry_after = response
        .headers()
        .get("Retry-After")
        .ok()
        .flatten()
        .and_then(|v| parse_retry_after(&v));
    let text = match response.text() {
        Ok(p) => JsFuture::from(p).await,
        Err(e) => Err(e),
    };
    let text = match text {
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

/// `Retry-After` as seconds or an HTTP date.
fn parse_retry_after(v: &str) -> Option<f64> {
    let v = v.trim();
    if let Ok(s) = v.parse::<u32>() {
        return Some(f64::from(s));
    }
    let at = js_sys::Date::parse(v);
    if at.is_nan() {
        return None;
    }
    Some(((at - js_sys::Date::now()) / 1000.0).max(0.0))
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

/// The error object in a body, as an `OmiseApiError`.
fn api_error(status: u16, v: &JsValue) -> Option<Error> {
    let get = |k: &str| Reflect::get(v, &JsValue::from_str(k)).ok();
    if get("object")?.as_string()? != "error" {
        return None;
    }
    let code = get("code")?.as_string()?;
    let message = get("message")
        .and_then(|m| m.as_string())
        .unwrap_or_else(|| code.replace('_', " "));
    Some(Error::Api {
        status,
        code,
        location: get("location").and_then(|l| l.as_string()),
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

/// An upload through `XMLHttpRequest`, for real progress events in browsers.
async fn xhr_attempt(
    config: &Config,
    req: &Request,
    signal: &AttemptSignal,
) -> Result<JsValue, Error> {
    let Body::Form(form) = &req.body else {
        return Err(network_error("an upload needs a form body"));
    };
    let fail = |_| network_error("the browser refused to start the upload");
    let xhr = XmlHttpRequest::new().map_err(fail)?;
    xhr.open_with_async(req.method.as_str(), &url(config, req), true)
        .map_err(fail)?;
    for (name, value) in headers(config, req) {
        xhr.set_request_header(name, value).map_err(|_| {
            Error::validation("invalid_headers", "headers", "the browser refused a header")
        })?;
    }

    // Progress: forward {loaded, total} and remember the last, so that the final
    // event can be made to say loaded === total.
    let last = std::rc::Rc::new(std::cell::Cell::new((0.0f64, 0.0f64)));
    let on_progress = req.progress.as_ref().map(|p| {
        let callback = p.callback.clone();
        let last = last.clone();
        Closure::<dyn FnMut(ProgressEvent)>::new(move |e: ProgressEvent| {
            last.set((e.loaded(), e.total()));
            report(&callback, e.loaded(), e.total());
        })
    });
    let upload = xhr.upload().map_err(fail)?;
    if let Some(c) = &on_progress {
        let _ = upload.add_event_listener_with_callback("progress", c.as_ref().unchecked_ref());
    }

    let abort: Option<Function> = Reflect::get(&xhr, &"abort".into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
        .map(|f| f.bind0(&xhr));
    if let (Some(s), Some(a)) = (&signal.combined, &abort) {
        let _ = s.add_event_listener_with_callback("abort", a);
    }
    let mut done_listener: Option<Function> = None;
    let done = Promise::new(&mut |resolve, _| {
        let _ = xhr.add_event_listener_with_callback("loadend", &resolve);
        done_listener = Some(resolve);
    });
    let sent = if signal.combined.as_ref().is_some_and(AbortSignal::aborted) {
        Err(JsValue::UNDEFINED)
    } else {
        xhr.send_with_opt_form_data(Some(form))
    };
    if sent.is_ok() {
        let _ = JsFuture::from(done).await;
    }
    if let (Some(s), Some(a)) = (&signal.combined, &abort) {
        let _ = s.remove_event_listener_with_callback("abort", a);
    }
    if let Some(d) = &done_listener {
        let _ = xhr.remove_event_listener_with_callback("loadend", d);
    }
    if let Some(c) = &on_progress {
        let _ = upload.remove_event_listener_with_callback("progress", c.as_ref().unchecked_ref());
    }
    let status = xhr.status().unwrap_or(0);
    if sent.is_err() || status == 0 {
        return Err(signal.explain(network_error(
            "the upload could not reach the Omise API (connection refused, reset or CORS failure)",
        )));
    }
    let text = xhr.response().unwrap_or(JsValue::UNDEFINED);
    let result = interpret(status, &text);
    if let (Ok(_), Some(p)) = (&result, &req.progress) {
        let (loaded, total) = last.get();
        if total <= 0.0 || loaded < total {
            let total = if total > 0.0 { total } else { p.size };
            report(&p.callback, total, total);
        }
    }
    result
}
