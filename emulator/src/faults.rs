//! Injected faults: queued misbehaviour for upcoming API requests.

use bytes::Bytes;
use hyper::{header, StatusCode};
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::error::{code_for_status, error_object, json_response, raw_response, ApiError, Resp};

/// Body kinds a fault can produce.
pub const BODY_KINDS: &[&str] = &[
    "json",
    "html",
    "malformed",
    "truncated",
    "array",
    "error200",
    "huge",
    "empty",
    "huge20",
    "huge_gzip",
    "gzip_bomb",
    "long_error",
];

/// Size of the `huge20` and `huge_gzip` bodies: past the 16 MiB a client reads.
pub const HUGE20: usize = 20 * 1024 * 1024;
/// Decoded size of the `gzip_bomb` body.
pub const BOMB: usize = 64 * 1024 * 1024;
/// Length of the `long_error` message.
pub const LONG_MESSAGE: usize = 5_000_000;

/// Size of the `huge` body's padding.
pub const HUGE_PAD: usize = 10 * 1024 * 1024;

/// One queued fault, as posted to `/__emulator/faults`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fault {
    /// Path prefix the request must start with.
    pub path: String,
    /// Method the request must have (any when absent).
    #[serde(default)]
    pub method: Option<String>,
    /// How many requests it still applies to.
    #[serde(default = "one")]
    pub count: u32,
    /// Status to answer with.
    #[serde(default)]
    pub status: Option<u16>,
    /// `Retry-After` header value.
    #[serde(default)]
    pub retry_after: Option<String>,
    /// `Location` header value (with a 3xx `status`: a redirect).
    #[serde(default)]
    pub location: Option<String>,
    /// Sleep before answering.
    #[serde(default)]
    pub delay_ms: u64,
    /// Body kind (see [`BODY_KINDS`]).
    #[serde(default)]
    pub body: Option<String>,
    /// Close the connection without answering.
    #[serde(default)]
    pub drop: bool,
    /// Wait this long before reading the request body, so that an upload stays in
    /// flight (a client that gives up meanwhile leaves nothing behind).
    #[serde(default)]
    pub stall_body_ms: u64,
}

fn one() -> u32 {
    1
}

impl Fault {
    /// Checks the values; an `Err` is a 400 to send back.
    pub fn validate(&mut self) -> Result<(), ApiError> {
        if !self.path.starts_with('/') {
            return Err(ApiError::bad_request("path must start with /"));
        }
        if self.count == 0 {
            return Err(ApiError::bad_request("count must be at least 1"));
        }
        if let Some(s) = self.status {
            if !(200..=599).contains(&s) {
                return Err(ApiError::bad_request("status must be within 200..=599"));
            }
        }
        if let Some(b) = &self.body {
            if !BODY_KINDS.contains(&b.as_str()) {
                return Err(ApiError::bad_request(format!(
                    "body must be one of {}",
                    BODY_KINDS.join(", ")
                )));
            }
        }
        if let Some(l) = &self.location {
            if header::HeaderValue::from_str(l).is_err() {
                return Err(ApiError::bad_request(
                    "location is not a valid header value",
                ));
            }
        }
        if let Some(r) = &self.retry_after {
            if header::HeaderValue::from_str(r).is_err() {
                return Err(ApiError::bad_request(
                    "retry_after is not a valid header value",
                ));
            }
        }
        if self.delay_ms > 120_000 || self.stall_body_ms > 120_000 {
            return Err(ApiError::bad_request(
                "delay_ms and stall_body_ms must be at most 120000",
            ));
        }
        self.method = self.method.as_ref().map(|m| m.to_ascii_uppercase());
        Ok(())
    }

    /// Whether the fault replaces the normal response (as opposed to only delaying it).
    pub fn replaces_response(&self) -> bool {
        self.status.is_some() || self.body.is_some()
    }
}

/// Takes one use of the first fault matching the request, removing exhausted faults.
pub fn take(queue: &mut Vec<Fault>, method: &str, path: &str) -> Option<Fault> {
    let pos = queue.iter().position(|f| {
        path.starts_with(&f.path) && f.method.as_deref().is_none_or(|m| m == method)
    })?;
    let fault = queue.get_mut(pos)?;
    fault.count -= 1;
    let taken = fault.clone();
    if fault.count == 0 {
        queue.remove(pos);
    }
    Some(taken)
}

/// Builds the faulty response. `normal` is the real response body (needed for `truncated`).
pub fn render(fault: &Fault, normal: Option<Bytes>) -> Resp {
    let status = fault.status.unwrap_or(200);
    let code = StatusCode::from_u16(status).unwrap_or(StatusCode::OK);
    let json_ct = "application/json; charset=utf-8";
    let mut resp = match fault.body.as_deref() {
        Some("html") => {
            let code = StatusCode::from_u16(fault.status.unwrap_or(502))
                .unwrap_or(StatusCode::BAD_GATEWAY);
            raw_response(
                code,
                "text/html; charset=utf-8",
                format!(
                    "<!DOCTYPE html><html><head><title>{0} {1}</title></head><body><h1>{0} {1}</h1><p>emulated upstream failure</p></body></html>",
                    code.as_u16(),
                    code.canonical_reason().unwrap_or("Error")
                ),
            )
        }
        Some("malformed") => raw_response(code, json_ct, "{\"object\":\"li"),
        Some("truncated") => {
            let full: Bytes = normal.unwrap_or_else(|| {
                Bytes::from_static(b"{\"object\":\"list\",\"data\":[{\"object\":\"dispute\"}]}")
            });
            raw_response(code, json_ct, full.slice(0..full.len() / 2))
        }
        Some("array") => raw_response(code, json_ct, "[1,2,3]"),
        Some("error200") => json_response(
            code,
            &error_object(
                "service_unavailable",
                "emulated error object with status 200",
            ),
        ),
        Some("huge") => {
            let mut body = Vec::with_capacity(HUGE_PAD + 64);
            body.extend_from_slice(b"{\"object\":\"list\",\"data\":[],\"pad\":\"");
            body.resize(body.len() + HUGE_PAD, b'x');
            body.extend_from_slice(b"\"}");
            raw_response(code, json_ct, body)
        }
        Some("empty") => raw_response(code, json_ct, Bytes::new()),
        Some("huge20") => raw_response(code, json_ct, padded(HUGE20)),
        Some("huge_gzip") => gzipped(code, &padded(HUGE20)),
        Some("gzip_bomb") => gzipped(code, &vec![b' '; BOMB]),
        Some("long_error") => {
            let code = StatusCode::from_u16(fault.status.unwrap_or(400))
                .unwrap_or(StatusCode::BAD_REQUEST);
            let long = |c: char| c.to_string().repeat(LONG_MESSAGE);
            json_response(
                code,
                &json!({"object": "error", "code": long('c'), "location": long('l'), "message": long('m')}),
            )
        }
        _ => {
            let code = StatusCode::from_u16(fault.status.unwrap_or(500))
                .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            let c = code_for_status(code.as_u16());
            json_response(
                code,
                &json!(error_object(c, &format!("emulated fault: {}", code))),
            )
        }
    };
    add_retry_after(fault, &mut resp);
    resp
}

/// A JSON list of `size` bytes: valid, but larger than any client should read.
fn padded(size: usize) -> Vec<u8> {
    let mut body = Vec::with_capacity(size + 64);
    body.extend_from_slice(b"{\"object\":\"list\",\"data\":[],\"pad\":\"");
    body.resize(size, b'x');
    body.extend_from_slice(b"\"}");
    body
}

/// `body` gzip-compressed, with `Content-Encoding: gzip`: the client's platform decodes it.
fn gzipped(code: StatusCode, body: &[u8]) -> Resp {
    use std::io::Write;
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    let _ = enc.write_all(body);
    let gz = enc.finish().unwrap_or_default();
    let mut resp = raw_response(code, "application/json; charset=utf-8", gz);
    resp.headers_mut().insert(
        header::CONTENT_ENCODING,
        header::HeaderValue::from_static("gzip"),
    );
    resp
}

/// Adds the fault's `Retry-After` and `Location` headers, if any.
pub fn add_retry_after(fault: &Fault, resp: &mut Resp) {
    if let Some(v) = fault
        .location
        .as_deref()
        .and_then(|r| header::HeaderValue::from_str(r).ok())
    {
        resp.headers_mut().insert(header::LOCATION, v);
    }
    if let Some(v) = fault
        .retry_after
        .as_deref()
        .and_then(|r| header::HeaderValue::from_str(r).ok())
    {
        resp.headers_mut().insert(header::RETRY_AFTER, v);
    }
}
