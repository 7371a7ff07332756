//! Disputes and transactions endpoints: shapes, lists, filters, auth and errors.

mod common;

use common::{assert_error, Emu, KEY};
use reqwest::Method;
use serde_json::{json, Value};

fn id_ok(id: &str, prefix: &str) -> bool {
    id.len() == prefix.len() + 19
        && id.starts_with(prefix)
        && id[prefix.len()..]
            .bytes()
            .all(|b| b.is_ascii_digit() || b.is_ascii_lowercase())
}

#[test]
fn list_shape_and_defaults() {
    let emu = Emu::start();
    let (s, v) = emu.get("/disputes");
    assert_eq!(s, 200);
    let obj = v.as_object().expect("object");
    for k in [
        "object", "data", "limit", "offset", "total", "location", "order", "from", "to",
    ] {
        assert!(obj.contains_key(k), "missing {k}");
    }
    assert_eq!(v["object"], "list");
    assert_eq!(v["limit"], 20);
    assert_eq!(v["offset"], 0);
    assert_eq!(v["total"], 300);
    assert_eq!(v["location"], "/disputes");
    assert_eq!(v["order"], "chronological");
    assert_eq!(v["from"], "1970-01-01T00:00:00Z");
    let to = v["to"].as_str().unwrap_or("");
    assert_eq!(to.len(), 20);
    assert!(to.ends_with('Z') && to.starts_with("20"));
    assert_eq!(v["data"].as_array().map(Vec::len), Some(20));
    let d = &v["data"][0];
    for k in [
        "object",
        "id",
        "livemode",
        "location",
        "amount",
        "currency",
        "funding_amount",
        "funding_currency",
        "charge",
        "reason_code",
        "reason_message",
        "message",
        "admin_message",
        "metadata",
        "status",
        "closed_at",
        "created_at",
        "documents",
        "transactions",
    ] {
        assert!(d.get(k).is_some(), "dispute lacks {k}: {d}");
    }
    assert_eq!(d["object"], "dispute");
    assert_eq!(d["livemode"], false);
    let id = d["id"].as_str().unwrap_or("");
    assert!(id_ok(id, "dspt_test_"), "{id}");
    assert_eq!(d["location"], format!("/disputes/{id}"));
    assert_eq!(d["documents"]["object"], "list");
    assert_eq!(
        d["documents"]["location"],
        format!("/disputes/{id}/documents")
    );
    assert!(d["charge"].as_str().unwrap_or("").starts_with("chrg_test_"));
    let t = &d["transactions"][0];
    assert_eq!(t["key"], "dispute.started.debit");
    assert_eq!(t["direction"], "debit");
    assert_eq!(t["origin"], id);
}

#[test]
fn status_lists_partition_all_disputes() {
    let emu = Emu::start();
    let total = |p: &str| emu.get(p).1["total"].as_u64().unwrap_or(0);
    let all = total("/disputes");
    let open = total("/disputes/open");
    let pending = total("/disputes/pending");
    let closed = total("/disputes/closed");
    assert_eq!(all, open + pending + closed);
    assert!(open * 5 >= all, "at least 20% open");
    assert!(pending > 0 && closed > 0);
    for (path, allowed) in [
        ("/disputes/open?limit=100", &["open"][..]),
        ("/disputes/pending?limit=100", &["pending"][..]),
        ("/disputes/closed?limit=100", &["won", "lost"][..]),
    ] {
        let (_, v) = emu.get(path);
        assert_eq!(v["location"], path.split('?').next().unwrap_or(""));
        for d in v["data"].as_array().expect("data") {
            let st = d["status"].as_str().unwrap_or("");
            assert!(allowed.contains(&st), "{path}: {st}");
            if st == "open" {
                assert!(d["message"].is_null());
                assert!(d["closed_at"].is_null());
            } else {
                assert!(d["message"].is_string());
            }
            if st == "won" || st == "lost" {
                assert!(d["closed_at"].is_string());
            }
            if st == "won" {
                assert!(d["transactions"]
                    .as_array()
                    .expect("txns")
                    .iter()
                    .any(|t| t["key"] == "dispute.won.credit" && t["direction"] == "credit"));
            }
        }
    }
    // The demo's XSS probes exist.
    let xss = "<img src=x onerror=alert(1)>";
    let (_, v) = emu.get("/disputes/open?limit=100");
    assert!(v["data"]
        .as_array()
        .expect("data")
        .iter()
        .any(|d| d["metadata"]["note"] == xss));
    let (_, v) = emu.get("/disputes/pending?limit=100");
    assert!(v["data"]
        .as_array()
        .expect("data")
        .iter()
        .any(|d| d["message"] == xss));
}

fn all_items(emu: &Emu, base: &str) -> Vec<Value> {
    let mut out = Vec::new();
    let mut offset = 0;
    loop {
        let sep = if base.contains('?') { '&' } else { '?' };
        let (s, v) = emu.get(&format!("{base}{sep}limit=100&offset={offset}"));
        assert_eq!(s, 200, "{v}");
        let data = v["data"].as_array().expect("data").clone();
        if data.is_empty() {
            assert_eq!(out.len() as u64, v["total"].as_u64().unwrap_or(0));
            return out;
        }
        offset += data.len();
        out.extend(data);
    }
}

#[test]
fn pagination_order_and_ids() {
    let emu = Emu::start();
    let items = all_items(&emu, "/disputes");
    assert_eq!(items.len(), 300);
    let keys: Vec<(String, String)> = items
        .iter()
        .map(|d| {
            (
                d["created_at"].as_str().unwrap_or("").to_string(),
                d["id"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted, "chronological by created_at then id");
    let mut created: Vec<&String> = keys.iter().map(|k| &k.0).collect();
    created.dedup();
    assert_eq!(created.len(), 300, "distinct created_at");
    assert!(
        keys.iter().any(|k| k.1["dspt_test_".len()..].contains('0')),
        "some ids contain 0"
    );
    assert!(keys
        .first()
        .map(|k| k.0.as_str() >= "2024")
        .unwrap_or(false));
    assert!(keys.last().map(|k| k.0.as_str() < "2027").unwrap_or(false));
    assert!(
        items.iter().any(|d| d["currency"] == "thb")
            && items.iter().any(|d| d["currency"] != "thb")
    );
    assert!(items
        .iter()
        .any(|d| d["documents"]["total"].as_u64().unwrap_or(0) > 0));

    let rev = all_items(&emu, "/disputes?order=reverse_chronological");
    let rev_ids: Vec<&str> = rev.iter().map(|d| d["id"].as_str().unwrap_or("")).collect();
    let mut fwd_ids: Vec<&str> = keys.iter().map(|k| k.1.as_str()).collect();
    fwd_ids.reverse();
    assert_eq!(rev_ids, fwd_ids);

    let (_, v) = emu.get("/disputes?limit=3&offset=298");
    assert_eq!(v["data"].as_array().map(Vec::len), Some(2));
    assert_eq!(
        (v["limit"].clone(), v["offset"].clone(), v["total"].clone()),
        (json!(3), json!(298), json!(300))
    );
    let (_, v) = emu.get("/disputes?offset=1000");
    assert_eq!(v["data"], json!([]));
    assert_eq!(v["total"], 300);
}

#[test]
fn from_to_filters() {
    let emu = Emu::start();
    let (_, v) = emu.get("/disputes?limit=5&offset=10");
    let ts = v["data"][2]["created_at"]
        .as_str()
        .unwrap_or("")
        .to_string();
    let id = v["data"][2]["id"].clone();
    let (s, v) = emu.get(&format!("/disputes?from={ts}&to={ts}"));
    assert_eq!(s, 200, "{v}");
    assert_eq!(v["total"], 1, "inclusive on both ends");
    assert_eq!(v["data"][0]["id"], id);
    assert_eq!(v["from"], ts.as_str());
    assert_eq!(v["to"], ts.as_str());

    // Same instant written with an offset and fractional seconds.
    let hour: u32 = ts[11..13].parse().unwrap_or(0);
    if hour < 17 {
        let shifted = format!("{}{:02}{}.000+07:00", &ts[..11], hour + 7, &ts[13..19]);
        let enc = shifted.replace('+', "%2B");
        let (s, v) = emu.get(&format!("/disputes?from={enc}&to={enc}"));
        assert_eq!(s, 200, "{v}");
        assert_eq!(v["total"], 1, "{shifted}");
        assert_eq!(v["from"], ts.as_str());
    }

    // Plain dates.
    let (_, all) = emu.get("/disputes");
    let (s, y2024) = emu.get("/disputes?from=2024-01-01&to=2024-12-31T23:59:59Z");
    assert_eq!(s, 200);
    let (_, y2025) = emu.get("/disputes?from=2025-01-01");
    let n = |v: &Value| v["total"].as_u64().unwrap_or(0);
    assert!(n(&y2024) > 0 && n(&y2025) > 0);
    assert_eq!(n(&y2024) + n(&y2025), n(&all));
    assert_eq!(y2024["from"], "2024-01-01T00:00:00Z");
    let (_, none) = emu.get("/disputes?to=2000-01-01");
    assert_eq!(none["total"], 0);
    let (_, tx) = emu.get("/transactions?from=2025-06-01T00:00:00Z&limit=100");
    for t in tx["data"].as_array().expect("data") {
        assert!(t["created_at"].as_str().unwrap_or("") >= "2025-06-01T00:00:00Z");
    }
}

#[test]
fn bad_list_params() {
    let emu = Emu::start();
    for (q, param) in [
        ("offset=-1", "offset"),
        ("offset=abc", "offset"),
        ("limit=0", "limit"),
        ("limit=101", "limit"),
        ("limit=ten", "limit"),
        ("from=yesterday", "from"),
        ("from=2019-13-45", "from"),
        ("to=2019-05-29T25:61:00Z", "to"),
        ("order=sideways", "order"),
    ] {
        for path in [
            "/disputes",
            "/disputes/open",
            "/disputes/closed",
            "/transactions",
        ] {
            let got = emu.get(&format!("{path}?{q}"));
            assert_error(&got, 400, "bad_request");
            assert!(
                got.1["message"].as_str().unwrap_or("").contains(param),
                "{q}: {}",
                got.1
            );
        }
    }
    let (s, _) = emu
        .get("/disputes?limit=100&offset=0&order=reverse_chronological&from=1970-01-01T00:00:00Z");
    assert_eq!(s, 200);
}

#[test]
fn auth() {
    let emu = Emu::start();
    let expected = json!({
        "object": "error",
        "location": "https://www.omise.co/api-errors#authentication-failure",
        "code": "authentication_failure",
        "message": "authentication failed"
    });
    for rb in [
        emu.raw(Method::GET, "/disputes"),
        emu.raw(Method::GET, "/disputes")
            .basic_auth("skey_test_wrong", Some("")),
        emu.raw(Method::GET, "/transactions").bearer_auth(KEY),
        emu.raw(Method::GET, "/disputes")
            .header("Authorization", "Basic !!!notbase64"),
        emu.raw(Method::PATCH, "/disputes/dspt_test_x")
            .json(&json!({"message": "x"})),
    ] {
        let resp = rb.send().expect("send");
        assert_eq!(resp.status().as_u16(), 401);
        assert_eq!(
            resp.headers()
                .get("access-control-allow-origin")
                .map(|v| v.as_bytes()),
            Some(&b"*"[..])
        );
        let v: Value = resp.json().expect("json");
        assert_eq!(v, expected);
    }
    // A password is tolerated.
    let resp = emu
        .raw(Method::GET, "/disputes")
        .basic_auth(KEY, Some("whatever"))
        .send()
        .expect("send");
    assert_eq!(resp.status().as_u16(), 200);
    // A custom key.
    let other = Emu::with_args(&["--secret-key", "skey_test_custom"]);
    assert_eq!(other.get("/disputes").0, 401);
    let resp = other
        .raw(Method::GET, "/disputes")
        .basic_auth("skey_test_custom", None::<&str>)
        .send()
        .expect("send");
    assert_eq!(resp.status().as_u16(), 200);
}

#[test]
fn retrieve_and_not_found() {
    let emu = Emu::start();
    let id = emu.ids("/disputes/closed?limit=1")[0].clone();
    let (s, d) = emu.get(&format!("/disputes/{id}"));
    assert_eq!(s, 200);
    assert_eq!(d["id"], id.as_str());
    let got = emu.get("/disputes/dspt_test_000000000000000000x");
    assert_error(&got, 404, "not_found");
    assert_eq!(
        got.1,
        json!({"object":"error","location":"https://www.omise.co/api-errors#not-found","code":"not_found",
               "message":"dispute dspt_test_000000000000000000x was not found"})
    );
    assert_error(&emu.get("/transactions/trxn_test_nope"), 404, "not_found");
    assert_error(&emu.get("/charges"), 404, "not_found");
    assert_error(&emu.get("/"), 404, "not_found");
    assert_error(&emu.get("/disputes/x/y/z/w/v"), 404, "not_found");
    let wrong = common::json_of(emu.req(Method::DELETE, "/disputes").send().expect("send"));
    assert_error(&wrong, 405, "method_not_allowed");
    let wrong = common::json_of(
        emu.req(Method::POST, &format!("/disputes/{id}"))
            .send()
            .expect("send"),
    );
    assert_error(&wrong, 405, "method_not_allowed");
    let wrong = common::json_of(emu.req(Method::PUT, "/transactions").send().expect("send"));
    assert_error(&wrong, 405, "method_not_allowed");
}

#[test]
fn transactions() {
    let emu = Emu::start();
    let (s, v) = emu.get("/transactions?limit=100");
    assert_eq!(s, 200);
    assert_eq!(v["location"], "/transactions");
    assert!(v["total"].as_u64().unwrap_or(0) >= 1000);
    let data = v["data"].as_array().expect("data");
    assert_eq!(data.len(), 100);
    let t = &data[0];
    for k in [
        "object",
        "id",
        "livemode",
        "currency",
        "amount",
        "location",
        "direction",
        "key",
        "origin",
        "transferable_at",
        "created_at",
    ] {
        assert!(t.get(k).is_some(), "{k}");
    }
    let id = t["id"].as_str().unwrap_or("");
    assert!(id_ok(id, "trxn_test_"), "{id}");
    assert_eq!(t["location"], format!("/transactions/{id}"));
    let (s, one) = emu.get(&format!("/transactions/{id}"));
    assert_eq!(s, 200);
    assert_eq!(&one, t);
    let all = all_items(&emu, "/transactions");
    assert!(
        all.iter().any(|t| t["direction"] == "credit")
            && all.iter().any(|t| t["direction"] == "debit")
    );
    for key in [
        "charge.captured.net",
        "refund.sent",
        "transfer.sent",
        "dispute.started.debit",
        "dispute.won.credit",
    ] {
        assert!(all.iter().any(|t| t["key"] == key), "{key}");
    }
    // A dispute's embedded transaction is also retrievable.
    let d = emu.get("/disputes?limit=1").1["data"][0].clone();
    let tid = d["transactions"][0]["id"]
        .as_str()
        .unwrap_or("")
        .to_string();
    let (s, t) = emu.get(&format!("/transactions/{tid}"));
    assert_eq!(s, 200);
    assert_eq!(t, d["transactions"][0]);
}

#[test]
fn update_dispute() {
    let emu = Emu::start();
    let id = emu.open_dispute(1);
    let path = format!("/disputes/{id}");
    assert_error(&emu.patch(&path, &json!({})), 400, "bad_request");
    assert_error(
        &emu.patch(&path, &json!({"message": ""})),
        400,
        "bad_request",
    );
    assert_error(
        &emu.patch(&path, &json!({"message": "   "})),
        400,
        "bad_request",
    );
    assert_error(
        &emu.patch(&path, &json!({"message": "ok", "metadata": "str"})),
        400,
        "bad_request",
    );
    let bad_json = common::json_of(
        emu.req(Method::PATCH, &path)
            .header("content-type", "application/json")
            .body("{nope")
            .send()
            .expect("send"),
    );
    assert_error(&bad_json, 400, "bad_request");
    assert_eq!(
        emu.get(&path).1["status"],
        "open",
        "failed updates change nothing"
    );

    let (s, d) = emu.patch(
        &path,
        &json!({"message": "Proof attached", "metadata": {"case": 7}}),
    );
    assert_eq!(s, 200, "{d}");
    assert_eq!(d["status"], "pending");
    assert_eq!(d["message"], "Proof attached");
    assert_eq!(d["metadata"], json!({"case": 7}));
    assert_eq!(emu.get(&path).1, {
        let mut x = d.clone();
        x["documents"]["to"] = emu.get(&path).1["documents"]["to"].clone();
        x
    });
    let again = emu.patch(&path, &json!({"message": "again"}));
    assert_error(&again, 400, "invalid_dispute");
    assert!(again.1["message"]
        .as_str()
        .unwrap_or("")
        .contains("not open"));
    let closed = emu.ids("/disputes/closed?limit=1")[0].clone();
    assert_error(
        &emu.patch(&format!("/disputes/{closed}"), &json!({"message": "x"})),
        400,
        "invalid_dispute",
    );
    assert_error(
        &emu.patch("/disputes/dspt_test_missing", &json!({"message": "x"})),
        404,
        "not_found",
    );

    // Form-encoded bodies work too.
    let id2 = emu.open_dispute(1);
    let d = common::json_of(
        emu.req(Method::PATCH, &format!("/disputes/{id2}"))
            .form(&[("message", "form message"), ("metadata[ref]", "A1")])
            .send()
            .expect("send"),
    );
    assert_eq!(d.0, 200, "{}", d.1);
    assert_eq!(d.1["status"], "pending");
    assert_eq!(d.1["message"], "form message");
    assert_eq!(d.1["metadata"], json!({"ref": "A1"}));
}

#[test]
fn deterministic_seed_and_sizes() {
    let a = Emu::start();
    let b = Emu::with_args(&["--seed", "1"]);
    let c = Emu::with_args(&["--seed", "2"]);
    let ids = |e: &Emu| e.ids("/disputes?limit=100&offset=50");
    assert_eq!(ids(&a), ids(&b));
    assert_ne!(ids(&a), ids(&c));
    let started = std::time::Instant::now();
    let big = Emu::with_args(&["--disputes", "10000", "--transactions", "20000"]);
    assert!(
        started.elapsed().as_secs_f64() < 5.0,
        "start-up took {:?}",
        started.elapsed()
    );
    assert_eq!(big.get("/disputes?limit=1").1["total"], 10000);
    assert!(
        big.get("/transactions?limit=1").1["total"]
            .as_u64()
            .unwrap_or(0)
            >= 20000
    );
    let small = Emu::with_args(&["--disputes", "5", "--transactions", "1000"]);
    assert_eq!(small.get("/disputes").1["total"], 5);
    assert!(small.get("/disputes/open").1["total"].as_u64().unwrap_or(0) >= 1);
}
