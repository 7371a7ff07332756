//! The HTTP front: body reading, CORS, request logging, faults and dispatch.

use std::sync::Arc;
use std::time::Duration;

use bytes::{Bytes, BytesMut};
use http_body_util::BodyExt;
use hyper::body::Incoming;
use hyper::header::{self, HeaderMap, HeaderValue};
use hyper::{Method, Request, StatusCode};
use serde_json::{Map, Value};

use crate::app::{lock, App};
use crate::error::{ApiError, Resp};
use crate::faults;
use crate::routes::{self, ApiRequest};

/// Largest body kept in memory: a 10 MiB file plus generous multipart overhead.
pub const MAX_BODY: usize = 11 * 1024 * 1024;
/// Bodies beyond this are not even drained: the connection is closed.
const DRAIN_LIMIT: usize = 256 * 1024 * 1024;
/// A client must send its request line and headers within this.
pub const HEADER_READ_TIMEOUT: Duration = Duration::from_secs(10);
/// The longest pause between two pieces of a request body.
const BODY_IDLE_TIMEOUT: Duration = Duration::from_secs(10);
/// The longest a whole request body may take.
const BODY_READ_TIMEOUT: Duration = Duration::from_secs(60);

/// Returned by the service to make hyper close the connection without a response.
#[derive(Debug)]
pub struct DropConnection;

impl std::fmt::Display for DropConnection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("connection dropped")
    }
}

impl std::error::Error for DropConnection {}

/// Reads the body, keeping at most [`MAX_BODY`] bytes, within [`BODY_READ_TIMEOUT`]
/// and with no pause longer than [`BODY_IDLE_TIMEOUT`] (a slow client is dropped).
/// Returns `(body, total_size, too_large)`.
async fn read_body(body: Incoming) -> Result<(Bytes, usize, bool), DropConnection> {
    tokio::time::timeout(BODY_READ_TIMEOUT, read_body_idle(body))
        .await
        .map_err(|_| DropConnection)?
}

async fn read_body_idle(mut body: Incoming) -> Result<(Bytes, usize, bool), DropConnection> {
    let mut buf = BytesMut::new();
    let mut total = 0usize;
    while let Some(frame) = tokio::time::timeout(BODY_IDLE_TIMEOUT, body.frame())
        .await
        .map_err(|_| DropConnection)?
    {
        let frame = frame.map_err(|_| DropConnection)?;
        if let Ok(data) = frame.into_data() {
            total += data.len();
            if total <= MAX_BODY {
                buf.extend_from_slice(&data);
            } else if total > DRAIN_LIMIT {
                return Err(DropConnection);
            }
        }
    }
    Ok((buf.freeze(), total, total > MAX_BODY))
}

/// Adds the CORS headers every response carries.
fn with_cors(mut resp: Resp, origin: Option<&HeaderValue>) -> Resp {
    let h = resp.headers_mut();
    h.insert(
        header::ACCESS_CONTROL_ALLOW_ORIGIN,
        origin.cloned().unwrap_or(HeaderValue::from_static("*")),
    );
    h.append(header::VARY, HeaderValue::from_static("Origin"));
    h.insert(
        header::ACCESS_CONTROL_EXPOSE_HEADERS,
        HeaderValue::from_static("Retry-After, Content-Type, Content-Length"),
    );
    resp
}

/// The answer to a CORS preflight.
fn preflight(headers: &HeaderMap) -> Resp {
    let mut resp = crate::error::raw_response(StatusCode::NO_CONTENT, "text/plain", Bytes::new());
    resp.headers_mut().remove(header::CONTENT_TYPE);
    let h = resp.headers_mut();
    h.insert(
        header::ACCESS_CONTROL_ALLOW_METHODS,
        HeaderValue::from_static("GET, POST, PATCH, PUT, DELETE, OPTIONS, HEAD"),
    );
    let requested = headers
        .get(header::ACCESS_CONTROL_REQUEST_HEADERS)
        .filter(|v| !v.as_bytes().iter().all(u8::is_ascii_whitespace))
        .cloned();
    h.insert(
        header::ACCESS_CONTROL_ALLOW_HEADERS,
        requested.unwrap_or(HeaderValue::from_static(
            "Authorization, Content-Type, Omise-Version",
        )),
    );
    h.insert(
        header::ACCESS_CONTROL_MAX_AGE,
        HeaderValue::from_static("600"),
    );
    if headers.contains_key("access-control-request-private-network") {
        h.insert(
            "access-control-allow-private-network",
            HeaderValue::from_static("true"),
        );
    }
    resp
}

/// The log entry for a request (authorization redacted).
fn log_entry(
    method: &Method,
    path: &str,
    query: &str,
    headers: &HeaderMap,
    size: usize,
) -> Map<String, Value> {
    let mut hs = Map::new();
    for name in headers.keys() {
        let value = if name == header::AUTHORIZATION {
            "[redacted]".to_string()
        } else {
            headers
                .get_all(name)
                .iter()
                .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned())
                .collect::<Vec<_>>()
                .join(", ")
        };
        hs.insert(name.as_str().to_string(), Value::String(value));
    }
    let mut m = Map::new();
    m.insert("method".into(), Value::String(method.to_string()));
    m.insert("path".into(), Value::String(path.to_string()));
    m.insert("query".into(), Value::String(query.to_string()));
    m.insert("headers".into(), Value::Object(hs));
    m.insert("body_size".into(), Value::from(size));
    m
}

/// Answers an API (or `/__files`) request, without faults.
async fn api(
    app: &App,
    method: &Method,
    path: &str,
    query: &str,
    headers: &HeaderMap,
    body: Bytes,
    too_large: bool,
) -> Resp {
    if too_large {
        let code = if path.contains("/documents") {
            "file_too_large"
        } else {
            "request_entity_too_large"
        };
        return ApiError::new(
            413,
            code,
            format!("request body exceeds {MAX_BODY} bytes; documents may be at most 10 MiB"),
        )
        .into_response();
    }
    if path.starts_with("/__files/") {
        if method != Method::GET && method != Method::HEAD {
            return ApiError::new(405, "method_not_allowed", "use GET").into_response();
        }
        return routes::documents::download(app, path).unwrap_or_else(ApiError::into_response);
    }
    if !routes::authorized(headers, &app.secret_key) {
        return ApiError::auth().into_response();
    }
    let req = ApiRequest {
        method,
        path,
        query,
        headers,
        body,
    };
    routes::dispatch(app, req)
        .await
        .unwrap_or_else(ApiError::into_response)
}

/// The service function: one request in, one response (or a dropped connection) out.
pub async fn handle(app: Arc<App>, req: Request<Incoming>) -> Result<Resp, DropConnection> {
    let (parts, body) = req.into_parts();
    let origin = parts.headers.get(header::ORIGIN).cloned();
    let path = parts.uri.path().to_string();
    let query = parts.uri.query().unwrap_or("").to_string();
    let is_control = path == "/__emulator" || path.starts_with("/__emulator/");
    let method = parts.method.clone();
    // The control API answers only its own page or a client that sends no Origin (curl,
    // a test process): another site open in a browser cannot reset or fault it.
    if is_control {
        let allowed = origin.as_ref().is_none_or(|o| {
            o.to_str().is_ok_and(|o| {
                o == app.base_url.as_str()
                    || app.control_origins.iter().any(|c| origin_matches(c, o))
            })
        });
        if !allowed {
            let mut resp = ApiError::new(
                403,
                "forbidden",
                "the control API answers only same-origin requests",
            )
            .into_response();
            close(&mut resp);
            return Ok(resp);
        }
    }
    // Faults are taken before the body is read, so that one can stall the upload.
    let fault = if is_control || method == Method::OPTIONS {
        None
    } else {
        faults::take(&mut lock(&app.faults), method.as_str(), &path)
    };
    if let Some(f) = fault.as_ref().filter(|f| f.stall_body_ms > 0) {
        tokio::time::sleep(Duration::from_millis(f.stall_body_ms)).await;
    }
    // Authentication comes before the body: an unauthenticated client gets its 401
    // without the server reading (or keeping) what it sends.
    let unauthenticated = !is_control
        && method != Method::OPTIONS
        && !path.starts_with("/__files/")
        && !routes::authorized(&parts.headers, &app.secret_key);
    let (body, size, too_large) = if unauthenticated {
        (Bytes::new(), 0, false)
    } else {
        read_body(body).await?
    };

    if method == Method::OPTIONS {
        if !is_control {
            app.log_request(log_entry(&method, &path, &query, &parts.headers, size));
        }
        return Ok(with_cors(preflight(&parts.headers), origin.as_ref()));
    }
    if is_control {
        let resp = crate::control::handle(&app, &method, &path, &query, &parts.headers, &body);
        return Ok(with_cors(resp, origin.as_ref()));
    }

    app.log_request(log_entry(&method, &path, &query, &parts.headers, size));
    if let Some(f) = &fault {
        if f.delay_ms > 0 {
            tokio::time::sleep(Duration::from_millis(f.delay_ms)).await;
        }
        if f.drop {
            return Err(DropConnection);
        }
    }
    let resp = match &fault {
        Some(f) if f.replaces_response() => {
            // A truncated body is the first half of the real one.
            let normal = if f.body.as_deref() == Some("truncated") {
                let r = api(
                    &app,
                    &method,
                    &path,
                    &query,
                    &parts.headers,
                    body,
                    too_large,
                )
                .await;
                r.into_body().collect().await.ok().map(|c| c.to_bytes())
            } else {
                None
            };
            faults::render(f, normal)
        }
        _ => {
            let mut r = api(
                &app,
                &method,
                &path,
                &query,
                &parts.headers,
                body,
                too_large,
            )
            .await;
            if let Some(f) = &fault {
                faults::add_retry_after(f, &mut r);
            }
            r
        }
    };
    let mut resp = with_cors(resp, origin.as_ref());
    if unauthenticated {
        close(&mut resp);
    }
    Ok(resp)
}

/// Whether `origin` is `allowed`, where an allowed origin ending in `:*` stands for any
/// port of that host (`http://127.0.0.1:*`: a browser test runner's page, whose port is
/// picked at random).
fn origin_matches(allowed: &str, origin: &str) -> bool {
    match allowed.strip_suffix('*') {
        Some(prefix) => origin.strip_prefix(prefix).is_some_and(|port| {
            !port.is_empty() && port.len() <= 5 && port.bytes().all(|b| b.is_ascii_digit())
        }),
        None => allowed == origin,
    }
}

/// Marks a response as the last on its connection (its request body was not read).
fn close(resp: &mut Resp) {
    resp.headers_mut()
        .insert(header::CONNECTION, HeaderValue::from_static("close"));
}
