//! The Omise API routes: dispatch, authentication and list parameters.

pub mod disputes;
pub mod documents;
pub mod transactions;

use base64::Engine;
use bytes::Bytes;
use hyper::{header, HeaderMap, Method};
use serde_json::{json, Value};

use crate::app::App;
use crate::dates::{format_ts, now, parse_datetime};
use crate::error::{ApiError, Resp};

/// A request as the route handlers see it (body already read).
#[derive(Debug)]
pub struct ApiRequest<'a> {
    /// HTTP method.
    pub method: &'a Method,
    /// Path, without query.
    pub path: &'a str,
    /// Raw query string (may be empty).
    pub query: &'a str,
    /// Request headers.
    pub headers: &'a HeaderMap,
    /// The full body.
    pub body: Bytes,
}

/// Whether the `Authorization` header carries `key` as the Basic user name.
pub fn authorized(headers: &HeaderMap, key: &str) -> bool {
    let Some(value) = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
    else {
        return false;
    };
    let value = value.trim();
    let Some((scheme, cred)) = value.split_once(' ') else {
        return false;
    };
    if !scheme.eq_ignore_ascii_case("basic") {
        return false;
    }
    let cred = cred.trim();
    let decoded = base64::engine::general_purpose::STANDARD
        .decode(cred)
        .or_else(|_| base64::engine::general_purpose::STANDARD_NO_PAD.decode(cred));
    let Ok(decoded) = decoded else { return false };
    let Ok(text) = String::from_utf8(decoded) else {
        return false;
    };
    let user = text.split_once(':').map_or(text.as_str(), |(u, _)| u);
    user == key
}

/// Parsed list parameters.
#[derive(Debug, Clone)]
pub struct ListParams {
    /// Records to skip.
    pub offset: usize,
    /// Records to return (1..=100).
    pub limit: usize,
    /// Earliest `created_at` (inclusive).
    pub from: i64,
    /// Latest `created_at` (inclusive).
    pub to: i64,
    /// Newest first.
    pub reverse: bool,
}

/// Decodes a query string into pairs (last value of a repeated name wins when looked up).
pub fn query_pairs(query: &str) -> Result<Vec<(String, String)>, ApiError> {
    serde_urlencoded::from_str::<Vec<(String, String)>>(query)
        .map_err(|_| ApiError::bad_request("query string is not valid"))
}

fn last<'a>(pairs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    pairs
        .iter()
        .rev()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

impl ListParams {
    /// Parses and validates `offset`, `limit`, `from`, `to` and `order`.
    pub fn parse(query: &str) -> Result<Self, ApiError> {
        let pairs = query_pairs(query)?;
        let offset = match last(&pairs, "offset") {
            None => 0,
            Some(v) => v.trim().parse::<usize>().map_err(|_| {
                ApiError::bad_request(format!("offset must be an integer >= 0, got {v:?}"))
            })?,
        };
        let limit = match last(&pairs, "limit") {
            None => 20,
            Some(v) => match v.trim().parse::<usize>() {
                Ok(n) if (1..=100).contains(&n) => n,
                _ => {
                    return Err(ApiError::bad_request(format!(
                        "limit must be an integer between 1 and 100, got {v:?}"
                    )))
                }
            },
        };
        let date = |name: &str, default: i64| -> Result<i64, ApiError> {
            match last(&pairs, name) {
                None => Ok(default),
                Some(v) => parse_datetime(v).ok_or_else(|| {
                    ApiError::bad_request(format!(
                        "{name} must be an ISO 8601 datetime (YYYY-MM-DDThh:mm:ssZ), got {v:?}"
                    ))
                }),
            }
        };
        let from = date("from", 0)?;
        let to = date("to", now())?;
        let reverse = match last(&pairs, "order") {
            None | Some("chronological") => false,
            Some("reverse_chronological") => true,
            Some(v) => {
                return Err(ApiError::bad_request(format!(
                    "order must be chronological or reverse_chronological, got {v:?}"
                )))
            }
        };
        Ok(ListParams {
            offset,
            limit,
            from,
            to,
            reverse,
        })
    }

    /// Filters by date, orders and paginates items already sorted chronologically.
    /// Returns the page and the total after filtering.
    pub fn apply<'a, T>(
        &self,
        items: impl Iterator<Item = &'a T>,
        created_at: impl Fn(&T) -> i64,
    ) -> (Vec<&'a T>, usize)
    where
        T: 'a,
    {
        let mut matching: Vec<&T> = items
            .filter(|t| (self.from..=self.to).contains(&created_at(t)))
            .collect();
        let total = matching.len();
        if self.reverse {
            matching.reverse();
        }
        let page = matching
            .into_iter()
            .skip(self.offset)
            .take(self.limit)
            .collect();
        (page, total)
    }

    /// The list object around a page of data.
    pub fn list_object(&self, data: Vec<Value>, total: usize, location: &str) -> Value {
        json!({
            "object": "list",
            "data": data,
            "limit": self.limit,
            "offset": self.offset,
            "total": total,
            "location": location,
            "order": if self.reverse { "reverse_chronological" } else { "chronological" },
            "from": format_ts(self.from),
            "to": format_ts(self.to),
        })
    }
}

/// Routes an authenticated API request.
pub async fn dispatch(app: &App, req: ApiRequest<'_>) -> Result<Resp, ApiError> {
    let trimmed = req.path.trim_matches('/');
    let segs: Vec<&str> = if trimmed.is_empty() {
        Vec::new()
    } else {
        trimmed.split('/').collect()
    };
    let m = req.method;
    match segs.as_slice() {
        ["disputes"] => {
            only(m, &[Method::GET]).and_then(|_| disputes::list(app, &req, None, "/disputes"))
        }
        ["disputes", kind @ ("open" | "pending" | "closed")] => {
            only(m, &[Method::GET])?;
            disputes::list(app, &req, Some(kind), &format!("/disputes/{kind}"))
        }
        ["disputes", id] => match *m {
            Method::GET => disputes::retrieve(app, id),
            Method::PATCH => disputes::update(app, id, &req),
            _ => Err(not_allowed(&["GET", "PATCH"])),
        },
        ["disputes", id, "accept"] => {
            only(m, &[Method::PATCH]).and_then(|_| disputes::accept(app, id))
        }
        ["disputes", id, "documents"] => match *m {
            Method::GET => documents::list(app, id, &req),
            Method::POST => documents::upload(app, id, &req).await,
            _ => Err(not_allowed(&["GET", "POST"])),
        },
        ["disputes", id, "documents", doc] => match *m {
            Method::GET => documents::retrieve(app, id, doc),
            Method::DELETE => documents::destroy(app, id, doc),
            _ => Err(not_allowed(&["GET", "DELETE"])),
        },
        ["transactions"] => only(m, &[Method::GET]).and_then(|_| transactions::list(app, &req)),
        ["transactions", id] => {
            only(m, &[Method::GET]).and_then(|_| transactions::retrieve(app, id))
        }
        _ => Err(ApiError::not_found(format!(
            "path {} was not found",
            req.path
        ))),
    }
}

fn only(m: &Method, allowed: &[Method]) -> Result<(), ApiError> {
    if allowed.contains(m) {
        Ok(())
    } else {
        let names: Vec<&str> = allowed.iter().map(Method::as_str).collect();
        Err(not_allowed(&names))
    }
}

fn not_allowed(allowed: &[&str]) -> ApiError {
    ApiError::new(
        405,
        "method_not_allowed",
        format!("method not allowed; use {}", allowed.join(" or ")),
    )
}
