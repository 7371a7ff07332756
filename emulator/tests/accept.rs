//! PATCH /disputes/{id}/accept: a merchant concedes an open dispute.

mod common;

use common::{assert_error, Emu};
use reqwest::Method;
use serde_json::{json, Value};

/// The answer omise-php recorded from api.omise.co for an accept.
fn recorded() -> Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/fixtures/omise-php/",
        "tests__fixtures__api.omise.co__disputes__dspt_test_6344e4i5yv427gaj1s2__accept-patch.json"
    );
    let text = std::fs::read_to_string(path).expect("read the recorded accept answer");
    serde_json::from_str(&text).expect("the recorded answer is JSON")
}

fn keys(v: &Value) -> Vec<String> {
    v.as_object()
        .map(|o| o.keys().cloned().collect())
        .unwrap_or_default()
}

#[test]
fn accepting_an_open_dispute_makes_it_lost_in_the_recorded_shape() {
    let emu = Emu::start();
    let id = emu.open_dispute(0);
    let closed_before = emu.get("/disputes/closed?limit=1").1["total"].clone();
    let path = format!("/disputes/{id}/accept");
    let (s, d) = emu.patch(&path, &json!({}));
    assert_eq!(s, 200, "{d}");

    let rec = recorded();
    let mut got = keys(&d);
    let mut want = keys(&rec);
    got.sort();
    want.sort();
    assert_eq!(got, want, "same fields as the recorded answer");
    assert_eq!(keys(&d["documents"]).len(), keys(&rec["documents"]).len());
    assert_eq!(d["id"], json!(id));
    assert_eq!(d["status"], "lost");
    assert_eq!(d["message"], rec["message"]);
    assert!(
        d["closed_at"].as_str().is_some_and(|t| t.ends_with('Z')),
        "{d}"
    );

    // The change is stored: the dispute reads back lost and counts as closed.
    let (_, again) = emu.get(&format!("/disputes/{id}"));
    assert_eq!(again["status"], "lost");
    assert_eq!(again["closed_at"], d["closed_at"]);
    assert!(!emu.ids("/disputes/open?limit=100").contains(&id));
    let closed_after = emu.get("/disputes/closed?limit=1").1["total"].clone();
    assert_eq!(closed_after.as_u64(), closed_before.as_u64().map(|n| n + 1));
}

#[test]
fn only_open_disputes_can_be_accepted() {
    let emu = Emu::start();
    let id = emu.open_dispute(0);
    let path = format!("/disputes/{id}/accept");
    assert_eq!(emu.patch(&path, &json!({})).0, 200);
    assert_error(&emu.patch(&path, &json!({})), 400, "invalid_dispute");

    // An answered (pending) dispute cannot be conceded either, and stays pending.
    let answered = emu.open_dispute(0);
    let (s, _) = emu.patch(
        &format!("/disputes/{answered}"),
        &json!({"message": "proof"}),
    );
    assert_eq!(s, 200);
    assert_error(
        &emu.patch(&format!("/disputes/{answered}/accept"), &json!({})),
        400,
        "invalid_dispute",
    );
    assert_eq!(
        emu.get(&format!("/disputes/{answered}")).1["status"],
        "pending"
    );

    assert_error(
        &emu.patch("/disputes/dspt_test_missing/accept", &json!({})),
        404,
        "not_found",
    );
    let get = common::json_of(emu.req(Method::GET, &path).send().expect("send"));
    assert_error(&get, 405, "method_not_allowed");
}

#[test]
fn accept_needs_no_body() {
    let emu = Emu::start();
    let id = emu.open_dispute(0);
    let (s, d) = common::json_of(
        emu.req(Method::PATCH, &format!("/disputes/{id}/accept"))
            .send()
            .expect("send"),
    );
    assert_eq!(s, 200, "{d}");
    assert_eq!(d["status"], "lost");
}
