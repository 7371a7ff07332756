//! Omise-style error objects and the HTTP responses that carry them.

use bytes::Bytes;
use http_body_util::Full;
use hyper::{header, Response, StatusCode};
use serde_json::{json, Value};

/// The response type used throughout the emulator.
pub type Resp = Response<Full<Bytes>>;

/// An API error: HTTP status, Omise error `code` and a human-readable message.
#[derive(Debug, Clone)]
pub struct ApiError {
    /// The HTTP status to answer with.
    pub status: StatusCode,
    /// The Omise error code, e.g. `not_found`.
    pub code: String,
    /// A human-readable explanation.
    pub message: String,
}

impl ApiError {
    /// Builds an error from its parts.
    pub fn new(status: u16, code: &str, message: impl Into<String>) -> Self {
        ApiError {
            status: StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
            code: code.to_string(),
            message: message.into(),
        }
    }

    /// 400 `bad_request`.
    pub fn bad_request(message: impl Into<String>) -> Self {
        Self::new(400, "bad_request", message)
    }

    /// 404 `not_found`.
    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(404, "not_found", message)
    }

    /// 401 `authentication_failure`, exactly as Omise sends it.
    pub fn auth() -> Self {
        Self::new(401, "authentication_failure", "authentication failed")
    }

    /// The JSON error object.
    pub fn to_json(&self) -> Value {
        error_object(&self.code, &self.message)
    }

    /// The HTTP response carrying the error object.
    pub fn into_response(self) -> Resp {
        json_response(self.status, &self.to_json())
    }
}

/// An Omise error object for a code and message.
pub fn error_object(code: &str, message: &str) -> Value {
    json!({
        "object": "error",
        "location": format!("https://www.omise.co/api-errors#{}", code.replace('_', "-")),
        "code": code,
        "message": message,
    })
}

/// The conventional error code for an HTTP status (used by faults and generic errors).
pub fn code_for_status(status: u16) -> &'static str {
    match status {
        400 => "bad_request",
        401 => "authentication_failure",
        403 => "forbidden",
        404 => "not_found",
        405 => "method_not_allowed",
        409 => "conflict",
        413 => "request_entity_too_large",
        422 => "unprocessable_entity",
        429 => "too_many_requests",
        500 => "internal_server_error",
        501 => "not_implemented",
        502 => "bad_gateway",
        503 => "service_unavailable",
        504 => "gateway_timeout",
        _ => "unexpected_error",
    }
}

/// A response with the given status, content type and body bytes.
pub fn raw_response(status: StatusCode, content_type: &str, body: impl Into<Bytes>) -> Resp {
    let mut resp = Response::new(Full::new(body.into()));
    *resp.status_mut() = status;
    if let Ok(v) = header::HeaderValue::from_str(content_type) {
        resp.headers_mut().insert(header::CONTENT_TYPE, v);
    }
    resp
}

/// A JSON response.
pub fn json_response(status: StatusCode, value: &Value) -> Resp {
    let body = serde_json::to_vec(value).unwrap_or_default();
    raw_response(status, "application/json; charset=utf-8", body)
}

/// A 200 JSON response.
pub fn ok_json(value: &Value) -> Resp {
    json_response(StatusCode::OK, value)
}
