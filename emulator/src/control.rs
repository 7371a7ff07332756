//! The control API under `/__emulator/` (no auth, never logged, never faulted).

use hyper::{HeaderMap, Method, StatusCode};
use serde_json::{json, Value};

use crate::app::{lock, App};
use crate::error::{json_response, ok_json, ApiError, Resp};
use crate::faults::Fault;
use crate::routes::query_pairs;

/// Handles a control request.
pub fn handle(
    app: &App,
    method: &Method,
    path: &str,
    query: &str,
    _headers: &HeaderMap,
    body: &[u8],
) -> Resp {
    match route(app, method, path, query, body) {
        Ok(r) => r,
        Err(e) => e.into_response(),
    }
}

fn route(
    app: &App,
    method: &Method,
    path: &str,
    query: &str,
    body: &[u8],
) -> Result<Resp, ApiError> {
    let sub = path.trim_start_matches("/__emulator").trim_matches('/');
    match (sub, method.as_str()) {
        ("health", "GET") => Ok(ok_json(&json!({"ok": true}))),
        ("reset", "POST") => {
            app.reset();
            Ok(ok_json(&json!({"ok": true})))
        }
        ("requests", "GET") => requests(app, query),
        ("requests", "DELETE") => {
            lock(&app.log).entries.clear();
            Ok(ok_json(&json!({"ok": true})))
        }
        ("faults", "GET") => {
            let faults = lock(&app.faults).clone();
            Ok(ok_json(
                &serde_json::to_value(faults).unwrap_or(Value::Null),
            ))
        }
        ("faults", "POST") => add_fault(app, body),
        ("faults", "DELETE") => {
            lock(&app.faults).clear();
            Ok(ok_json(&json!({"ok": true})))
        }
        ("health" | "reset" | "requests" | "faults", _) => Err(ApiError::new(
            405,
            "method_not_allowed",
            format!("method {method} is not allowed on {path}"),
        )),
        _ => Err(ApiError::not_found(format!(
            "control path {path} was not found"
        ))),
    }
}

fn requests(app: &App, query: &str) -> Result<Resp, ApiError> {
    let pairs = query_pairs(query)?;
    let filter = match pairs.iter().rev().find(|(k, _)| k == "header") {
        None => None,
        Some((_, v)) => {
            let (name, value) = v
                .split_once(':')
                .ok_or_else(|| ApiError::bad_request("header filter must be NAME:VALUE"))?;
            Some((name.trim().to_ascii_lowercase(), value.trim().to_string()))
        }
    };
    let log = lock(&app.log);
    let entries: Vec<&Value> = log
        .entries
        .iter()
        .filter(|e| match &filter {
            None => true,
            Some((name, value)) => {
                e.get("headers")
                    .and_then(|h| h.get(name))
                    .and_then(Value::as_str)
                    == Some(value.as_str())
            }
        })
        .collect();
    Ok(ok_json(&json!(entries)))
}

fn add_fault(app: &App, body: &[u8]) -> Result<Resp, ApiError> {
    let mut fault: Fault = serde_json::from_slice(body)
        .map_err(|e| ApiError::bad_request(format!("invalid fault: {e}")))?;
    fault.validate()?;
    let count = fault.count;
    let mut faults = lock(&app.faults);
    faults.push(fault);
    let pending: u64 = faults.iter().map(|f| u64::from(f.count)).sum();
    Ok(json_response(
        StatusCode::OK,
        &json!({"ok": true, "queued": count, "pending": pending}),
    ))
}
