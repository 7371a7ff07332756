//! Dispute listing, retrieval, update and accept.

use serde_json::{Map, Value};

use crate::app::{lock, App};
use crate::dates::now;
use crate::error::{ok_json, ApiError, Resp};
use crate::routes::{query_pairs, ApiRequest, ListParams};
use crate::state::{Dispute, Status};

/// The error for an unknown dispute id.
pub fn dispute_not_found(id: &str) -> ApiError {
    ApiError::not_found(format!("dispute {id} was not found"))
}

/// The error for a state change on a dispute that is not open.
pub fn not_open(d: &Dispute) -> ApiError {
    ApiError::new(
        400,
        "invalid_dispute",
        format!(
            "dispute {} is not open (status: {})",
            d.id,
            d.status.as_str()
        ),
    )
}

/// Lists disputes; `kind` is `open`, `pending` or `closed` (won + lost), or all when `None`.
pub fn list(
    app: &App,
    req: &ApiRequest<'_>,
    kind: Option<&str>,
    location: &str,
) -> Result<Resp, ApiError> {
    let params = ListParams::parse(req.query)?;
    let keep = |d: &&Dispute| match kind {
        None => true,
        Some("open") => d.status == Status::Open,
        Some("pending") => d.status == Status::Pending,
        Some(_) => matches!(d.status, Status::Won | Status::Lost),
    };
    let store = lock(&app.store);
    let (page, total) = params.apply(store.disputes.iter().filter(keep), |d: &Dispute| {
        d.created_at
    });
    let t = now();
    let data = page
        .into_iter()
        .map(|d| d.to_json(&app.base_url, t))
        .collect();
    Ok(ok_json(&params.list_object(data, total, location)))
}

/// Retrieves one dispute.
pub fn retrieve(app: &App, id: &str) -> Result<Resp, ApiError> {
    let store = lock(&app.store);
    let d = store.dispute(id).ok_or_else(|| dispute_not_found(id))?;
    Ok(ok_json(&d.to_json(&app.base_url, now())))
}

/// The fields accepted by an update.
struct Update {
    message: Option<String>,
    metadata: Option<Map<String, Value>>,
}

fn parse_update(req: &ApiRequest<'_>) -> Result<Update, ApiError> {
    let ct = req
        .headers
        .get(hyper::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase();
    let body = req.body.as_ref();
    let looks_json = body.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{');
    if ct.contains("json") || (!ct.contains("x-www-form-urlencoded") && looks_json) {
        if body.iter().all(u8::is_ascii_whitespace) {
            return Ok(Update {
                message: None,
                metadata: None,
            });
        }
        let v: Value = serde_json::from_slice(body)
            .map_err(|e| ApiError::bad_request(format!("request body is not valid JSON: {e}")))?;
        let Value::Object(mut obj) = v else {
            return Err(ApiError::bad_request("request body must be a JSON object"));
        };
        let message = match obj.remove("message") {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => Some(s),
            Some(_) => return Err(ApiError::bad_request("message must be a string")),
        };
        let metadata = match obj.remove("metadata") {
            None => None,
            Some(Value::Null) => Some(Map::new()),
            Some(Value::Object(m)) => Some(m),
            Some(_) => return Err(ApiError::bad_request("metadata must be an object")),
        };
        Ok(Update { message, metadata })
    } else {
        let text = std::str::from_utf8(body)
            .map_err(|_| ApiError::bad_request("request body is not valid UTF-8"))?;
        let pairs = query_pairs(text)?;
        let mut message = None;
        let mut metadata: Option<Map<String, Value>> = None;
        for (k, v) in pairs {
            if k == "message" {
                message = Some(v);
            } else if let Some(key) = k
                .strip_prefix("metadata[")
                .and_then(|r| r.strip_suffix(']'))
            {
                metadata
                    .get_or_insert_with(Map::new)
                    .insert(key.to_string(), Value::String(v));
            }
        }
        Ok(Update { message, metadata })
    }
}

/// Updates an open dispute's message and metadata; it becomes pending.
pub fn update(app: &App, id: &str, req: &ApiRequest<'_>) -> Result<Resp, ApiError> {
    let upd = parse_update(req)?;
    let mut store = lock(&app.store);
    let d = store.dispute_mut(id).ok_or_else(|| dispute_not_found(id))?;
    if d.status != Status::Open {
        return Err(not_open(d));
    }
    let message = match upd.message {
        Some(m) if !m.trim().is_empty() => m,
        _ => {
            return Err(ApiError::bad_request(
                "message is required and must not be empty",
            ))
        }
    };
    d.message = Some(message);
    if let Some(meta) = upd.metadata {
        d.metadata = meta;
    }
    d.status = Status::Pending;
    Ok(ok_json(&d.to_json(&app.base_url, now())))
}

/// Accepts (concedes) an open dispute; it becomes lost. The body, if any, is ignored.
pub fn accept(app: &App, id: &str) -> Result<Resp, ApiError> {
    let mut store = lock(&app.store);
    let d = store.dispute_mut(id).ok_or_else(|| dispute_not_found(id))?;
    if d.status != Status::Open {
        return Err(not_open(d));
    }
    let t = now();
    d.accept(t);
    Ok(ok_json(&d.to_json(&app.base_url, t)))
}
