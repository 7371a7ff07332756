//! Control API: reset, request log, faults and CORS.

mod common;

use std::time::{Duration, Instant};

use common::{assert_error, json_of, Emu, KEY};
use reqwest::Method;
use serde_json::{json, Value};

#[test]
fn health_and_unknown_control_paths() {
    let emu = Emu::start();
    assert_eq!(
        emu.control(Method::GET, "health", None),
        (200, json!({"ok": true}))
    );
    assert_error(&emu.control(Method::GET, "config", None), 404, "not_found");
    assert_error(
        &emu.control(Method::GET, "reset", None),
        405,
        "method_not_allowed",
    );
    assert_error(
        &emu.control(
            Method::POST,
            "faults",
            Some(json!({"path": "/x", "body": "weird"})),
        ),
        400,
        "bad_request",
    );
    assert_error(
        &emu.control(Method::POST, "faults", Some(json!({"nopath": 1}))),
        400,
        "bad_request",
    );
    // The key is never exposed by the control API.
    let everything = emu
        .client
        .get(format!("{}/__emulator/requests", emu.url))
        .send()
        .expect("send")
        .text()
        .expect("t");
    assert!(!everything.contains(KEY));
}

#[test]
fn reset_restores_seed() {
    let emu = Emu::start();
    let before = emu.ids("/disputes?limit=100");
    let open = emu.open_dispute(0);
    let (s, _) = emu.upload(&open, "x.png", common::png(4), None);
    assert_eq!(s, 200);
    let (s, _) = emu.patch(&format!("/disputes/{open}"), &json!({"message": "m"}));
    assert_eq!(s, 200);
    emu.fault(json!({"path": "/transactions", "status": 500, "count": 5}));
    assert_eq!(
        emu.control(Method::POST, "reset", None),
        (200, json!({"ok": true}))
    );
    let (_, d) = emu.get(&format!("/disputes/{open}"));
    assert_eq!(d["status"], "open");
    assert!(d["message"].is_null());
    assert!(d["documents"]["data"]
        .as_array()
        .map(|a| a.iter().all(|x| x["filename"] != "x.png"))
        .unwrap_or(false));
    assert_eq!(emu.control(Method::GET, "faults", None).1, json!([]));
    assert_eq!(emu.get("/transactions").0, 200);
    let log = emu.control(Method::GET, "requests", None).1;
    assert_eq!(
        log.as_array().map(Vec::len),
        Some(2),
        "log cleared by reset: {log}"
    );
    assert_eq!(emu.ids("/disputes?limit=100"), before);
}

#[test]
fn request_log() {
    let emu = Emu::start();
    emu.control(Method::DELETE, "requests", None);
    let id = emu.open_dispute(0);
    emu.req(Method::GET, "/disputes?limit=2")
        .header("x-test-id", "t-1")
        .send()
        .expect("send");
    emu.raw(Method::GET, "/transactions")
        .header("x-test-id", "t-1")
        .send()
        .expect("send");
    emu.req(Method::PATCH, &format!("/disputes/{id}"))
        .header("x-test-id", "t-2")
        .json(&json!({"message": "hello"}))
        .send()
        .expect("send");
    emu.raw(Method::OPTIONS, "/disputes")
        .header("x-test-id", "t-3")
        .header("Origin", "http://localhost:9999")
        .header("Access-Control-Request-Method", "GET")
        .send()
        .expect("send");
    emu.control(Method::GET, "health", None);
    let (_, d) = emu.upload(&emu.open_dispute(0), "z.png", common::png(2), None);
    emu.client
        .get(d["download_uri"].as_str().unwrap_or(""))
        .header("x-test-id", "t-4")
        .send()
        .expect("dl");

    let (s, all) = emu.control(Method::GET, "requests", None);
    assert_eq!(s, 200);
    let all = all.as_array().cloned().unwrap_or_default();
    let text = serde_json::to_string(&all).unwrap_or_default();
    assert!(!text.contains(KEY), "key never logged");
    assert!(!text.contains("__emulator"), "control API not logged");
    let seqs: Vec<u64> = all.iter().filter_map(|e| e["seq"].as_u64()).collect();
    assert!(
        seqs.windows(2).all(|w| w[0] < w[1]),
        "arrival order {seqs:?}"
    );
    for e in &all {
        for k in ["seq", "method", "path", "query", "headers", "body_size"] {
            assert!(e.get(k).is_some(), "{e}");
        }
    }
    let (_, t1) = emu.control(Method::GET, "requests?header=x-test-id:t-1", None);
    let t1 = t1.as_array().cloned().unwrap_or_default();
    assert_eq!(t1.len(), 2);
    assert_eq!(t1[0]["method"], "GET");
    assert_eq!(t1[0]["path"], "/disputes");
    assert_eq!(t1[0]["query"], "limit=2");
    assert_eq!(t1[0]["headers"]["authorization"], "[redacted]");
    assert_eq!(t1[0]["body_size"], 0);
    assert_eq!(t1[1]["path"], "/transactions");
    assert_eq!(t1[1]["query"], "");
    assert!(t1[1]["headers"].get("authorization").is_none());
    let (_, t2) = emu.control(Method::GET, "requests?header=X-Test-Id:t-2", None);
    assert_eq!(t2[0]["method"], "PATCH");
    assert_eq!(
        t2[0]["body_size"],
        json!({"message": "hello"}).to_string().len()
    );
    assert_eq!(t2[0]["headers"]["content-type"], "application/json");
    let (_, t3) = emu.control(Method::GET, "requests?header=x-test-id:t-3", None);
    assert_eq!(t3[0]["method"], "OPTIONS");
    let (_, t4) = emu.control(Method::GET, "requests?header=x-test-id:t-4", None);
    assert!(t4[0]["path"]
        .as_str()
        .unwrap_or("")
        .starts_with("/__files/"));
    assert_eq!(
        emu.control(Method::GET, "requests?header=x-test-id:none", None)
            .1,
        json!([])
    );
    assert_error(
        &emu.control(Method::GET, "requests?header=nocolon", None),
        400,
        "bad_request",
    );
    assert_eq!(emu.control(Method::DELETE, "requests", None).0, 200);
    assert_eq!(emu.control(Method::GET, "requests", None).1, json!([]));
}

#[test]
fn cors() {
    let emu = Emu::start();
    let resp = emu
        .raw(Method::OPTIONS, "/disputes/dspt_test_x/documents")
        .header("Origin", "http://localhost:8000")
        .header("Access-Control-Request-Method", "POST")
        .header(
            "Access-Control-Request-Headers",
            "authorization, content-type, omise-version, x-test-id",
        )
        .send()
        .expect("send");
    assert!(resp.status().as_u16() == 204 || resp.status().as_u16() == 200);
    let h = resp.headers();
    let get = |n: &str| {
        h.get(n)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string()
    };
    let origin = get("access-control-allow-origin");
    assert!(origin == "*" || origin == "http://localhost:8000");
    let allow_headers = get("access-control-allow-headers").to_ascii_lowercase();
    for want in [
        "authorization",
        "content-type",
        "omise-version",
        "x-test-id",
    ] {
        assert!(allow_headers.contains(want), "{allow_headers}");
    }
    let methods = get("access-control-allow-methods");
    for m in ["GET", "POST", "PATCH", "DELETE", "OPTIONS"] {
        assert!(methods.contains(m), "{methods}");
    }
    assert!(!get("access-control-max-age").is_empty());
    assert!(get("access-control-expose-headers")
        .to_ascii_lowercase()
        .contains("retry-after"));
    // A preflight from the emulator's own origin gets the basics; control API and files
    // get CORS too (another origin is refused: see tests/hardening.rs).
    let resp = emu
        .raw(Method::OPTIONS, "/__emulator/reset")
        .header("Origin", emu.url.as_str())
        .send()
        .expect("send");
    assert!(resp.headers().get("access-control-allow-headers").is_some());
    for resp in [
        emu.raw(Method::GET, "/disputes").send().expect("send"),
        emu.req(Method::GET, "/nope").send().expect("send"),
        emu.raw(Method::GET, "/__emulator/health")
            .send()
            .expect("send"),
        emu.raw(Method::GET, "/__files/docu_test_missing/x.png")
            .send()
            .expect("send"),
    ] {
        assert!(
            resp.headers().get("access-control-allow-origin").is_some(),
            "{}",
            resp.url()
        );
        assert!(resp
            .headers()
            .get("access-control-expose-headers")
            .is_some());
    }
}

fn body_of(emu: &Emu, path: &str) -> (u16, reqwest::header::HeaderMap, Vec<u8>) {
    let resp = emu.req(Method::GET, path).send().expect("send");
    let status = resp.status().as_u16();
    let headers = resp.headers().clone();
    (status, headers, resp.bytes().expect("bytes").to_vec())
}

#[test]
fn fault_status_retry_after_and_count() {
    let emu = Emu::start();
    emu.fault(json!({"path": "/disputes", "count": 2, "status": 503, "retry_after": "1"}));
    assert_eq!(emu.control(Method::GET, "faults", None).1[0]["count"], 2);
    for _ in 0..2 {
        let (s, h, b) = body_of(&emu, "/disputes/open");
        assert_eq!(s, 503);
        assert_eq!(
            h.get("retry-after").and_then(|v| v.to_str().ok()),
            Some("1")
        );
        assert!(h.get("access-control-allow-origin").is_some());
        let v: Value = serde_json::from_slice(&b).expect("json");
        assert_eq!(v["object"], "error");
        assert_eq!(v["code"], "service_unavailable");
    }
    assert_eq!(body_of(&emu, "/disputes").0, 200);
    assert_eq!(emu.control(Method::GET, "faults", None).1, json!([]));
    // Faulted requests are logged.
    let log = emu.control(Method::GET, "requests", None).1;
    assert_eq!(log.as_array().map(Vec::len), Some(3));

    for (status, code) in [
        (500, "internal_server_error"),
        (429, "too_many_requests"),
        (404, "not_found"),
    ] {
        emu.fault(json!({"path": "/transactions", "status": status}));
        let (s, _, b) = body_of(&emu, "/transactions");
        assert_eq!(s, status);
        assert_eq!(
            serde_json::from_slice::<Value>(&b).expect("json")["code"],
            code
        );
    }
}

#[test]
fn fault_matching_rules() {
    let emu = Emu::start();
    let id = emu.open_dispute(0);
    // Method filter.
    emu.fault(json!({"path": "/disputes", "method": "PATCH", "status": 500}));
    assert_eq!(emu.get("/disputes").0, 200);
    // Preflights never consume faults.
    emu.raw(Method::OPTIONS, "/disputes/x")
        .header("Origin", "http://a")
        .send()
        .expect("send");
    // The control API is never faulted.
    emu.fault(json!({"path": "/", "status": 502, "count": 1}));
    assert_eq!(emu.control(Method::GET, "health", None).0, 200);
    let pending = emu.control(Method::GET, "faults", None).1;
    assert_eq!(pending.as_array().map(Vec::len), Some(2), "{pending}");
    // The first matching fault wins: a PATCH gets the 500.
    assert_eq!(
        emu.patch(&format!("/disputes/{id}"), &json!({"message": "m"}))
            .0,
        500
    );
    assert_eq!(emu.get("/transactions").0, 502);
    assert_eq!(emu.get("/transactions").0, 200);
    // Clearing.
    emu.fault(json!({"path": "/", "status": 500, "count": 10}));
    assert_eq!(emu.control(Method::DELETE, "faults", None).0, 200);
    assert_eq!(emu.get("/transactions").0, 200);
}

#[test]
fn fault_bodies() {
    let emu = Emu::start();
    let normal = body_of(&emu, "/disputes?limit=3").2;

    emu.fault(json!({"path": "/disputes", "status": 502, "body": "html"}));
    let (s, h, b) = body_of(&emu, "/disputes");
    assert_eq!(s, 502);
    assert!(h
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .starts_with("text/html"));
    assert!(String::from_utf8_lossy(&b).contains("<html"));

    emu.fault(json!({"path": "/disputes", "body": "malformed"}));
    let (s, _, b) = body_of(&emu, "/disputes");
    assert_eq!(s, 200);
    assert!(serde_json::from_slice::<Value>(&b).is_err());
    assert!(b.starts_with(b"{\"object\":\"li"));

    emu.fault(json!({"path": "/disputes", "body": "truncated"}));
    let (s, _, b) = body_of(&emu, "/disputes?limit=3");
    assert_eq!(s, 200);
    assert!(serde_json::from_slice::<Value>(&b).is_err());
    assert_eq!(b.len(), normal.len() / 2);
    assert_eq!(&normal[..b.len()], &b[..]);

    emu.fault(json!({"path": "/disputes", "body": "array"}));
    let (s, _, b) = body_of(&emu, "/disputes");
    assert_eq!(
        (s, serde_json::from_slice::<Value>(&b).ok()),
        (200, Some(json!([1, 2, 3])))
    );

    emu.fault(json!({"path": "/disputes", "body": "error200"}));
    let (s, _, b) = body_of(&emu, "/disputes");
    assert_eq!(s, 200);
    assert_eq!(
        serde_json::from_slice::<Value>(&b).expect("json")["object"],
        "error"
    );

    emu.fault(json!({"path": "/disputes", "body": "huge"}));
    let (s, _, b) = body_of(&emu, "/disputes");
    assert_eq!(s, 200);
    assert!(b.len() >= 10 * 1024 * 1024);
    assert_eq!(
        serde_json::from_slice::<Value>(&b).expect("json")["object"],
        "list"
    );

    emu.fault(json!({"path": "/disputes", "body": "empty"}));
    let (s, _, b) = body_of(&emu, "/disputes");
    assert_eq!((s, b.len()), (200, 0));

    emu.fault(json!({"path": "/disputes", "body": "json", "status": 503}));
    let got = json_of(emu.req(Method::GET, "/disputes").send().expect("send"));
    assert_error(&got, 503, "service_unavailable");
}

#[test]
fn fault_delay_and_drop() {
    let emu = Emu::start();
    emu.fault(json!({"path": "/transactions", "delay_ms": 300}));
    let t = Instant::now();
    assert_eq!(emu.get("/transactions").0, 200);
    assert!(t.elapsed() >= Duration::from_millis(300));

    emu.fault(json!({"path": "/disputes", "drop": true, "count": 2}));
    for _ in 0..2 {
        let err = emu
            .req(Method::GET, "/disputes")
            .send()
            .expect_err("connection dropped");
        assert!(
            err.status().is_none(),
            "a connection error, not an HTTP status: {err}"
        );
    }
    assert_eq!(emu.get("/disputes").0, 200);
    let log = emu.control(Method::GET, "requests", None).1;
    assert_eq!(
        log.as_array()
            .map(|a| a.iter().filter(|e| e["path"] == "/disputes").count()),
        Some(3)
    );
}
