//! Hostile servers (through the emulator's fault queue): every answer, however broken,
//! redirecting or large, becomes a typed error, and nothing the server says is kept
//! whole or followed.

mod common;

use common::*;

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

#[cfg(feature = "browser-tests")]
wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn hostile_servers_become_typed_errors() {
    let omise = emulator_client(&new_tag());
    let id = "dspt_test_5089off452g5m5te7xs";
    let cases: [(&str, Option<u16>, &str, &str); 7] = [
        ("html", Some(502), "OmiseApiError", "bad_gateway"),
        ("truncated", None, "OmiseNetworkError", "malformed_response"),
        ("malformed", None, "OmiseNetworkError", "malformed_response"),
        ("array", None, "OmiseNetworkError", "malformed_response"),
        ("empty", None, "OmiseNetworkError", "malformed_response"),
        ("huge", None, "OmiseNetworkError", "malformed_response"),
        ("error200", None, "OmiseApiError", ""),
    ];
    for (body, status, name, code) in cases {
        let mut spec = vec![("count", 1.into()), ("body", body.into())];
        if let Some(st) = status {
            spec.push(("status", st.into()));
        }
        queue_fault(fault_spec(&format!("/disputes/{id}"), &spec)).await;
        let e = wait(omise.disputes().retrieve(id.into(), None))
            .await
            .unwrap_err();
        assert_error(&e, name, (!code.is_empty()).then_some(code));
        if body == "error200" {
            assert_eq!(number_of(&e, "status"), 200.0);
        }
    }
    // A list endpoint answering with a dispute is not a list.
    queue_fault(fault_spec(
        "/transactions",
        &[("count", 1.into()), ("body", "array".into())],
    ))
    .await;
    let e = wait(omise.transactions().list(None, None))
        .await
        .unwrap_err();
    assert_error(&e, "OmiseNetworkError", Some("malformed_response"));
}

/// A client for the emulator, and the id every case below asks for.
const ID: &str = "dspt_test_5089off452g5m5te7xs";

#[wasm_bindgen_test]
async fn redirects_are_never_followed() {
    let mut cases = 0;
    for status in [301u16, 302, 303, 307, 308] {
        for method in ["GET", "PATCH"] {
            let t = new_tag();
            let omise = emulator_client(&t);
            // Same emulator, another path: a followed redirect would show in its log.
            let location = format!("{EMU}/transactions");
            queue_fault(fault_spec(
                &format!("/disputes/{ID}"),
                &[
                    ("count", 1.into()),
                    ("status", status.into()),
                    ("location", location.into()),
                    ("method", method.into()),
                ],
            ))
            .await;
            let p = if method == "GET" {
                omise.disputes().retrieve(ID.into(), None)
            } else {
                omise.disputes().update(
                    ID.into(),
                    js_object(&[("message", "m".into())]).into(),
                    None,
                )
            };
            let e = wait(p).await.unwrap_err();
            assert_error(&e, "OmiseNetworkError", Some("unexpected_redirect"));
            if !in_browser() {
                assert_eq!(
                    number_of(&e, "status"),
                    f64::from(status),
                    "{method} {status}"
                );
            }
            let log = requests_sent(&t).await;
            assert_eq!(log.len(), 1, "{method} {status}: the redirect was followed");
            assert_eq!(string_of(&log[0], "method"), method);
            cases += 1;
        }
    }
    report(&format!(
        "hostile servers: {cases} redirects, none followed"
    ));
}

#[wasm_bindgen_test]
async fn an_answer_past_16_mib_is_refused_without_keeping_it() {
    let omise = emulator_client(&new_tag());
    let before = memory_bytes();
    let bodies = ["huge20", "huge_gzip", "gzip_bomb"];
    for body in bodies {
        queue_fault(fault_spec(
            "/disputes",
            &[("count", 1.into()), ("body", body.into())],
        ))
        .await;
        let e = wait(omise.disputes().list(None, None)).await.unwrap_err();
        assert_error(&e, "OmiseNetworkError", Some("response_too_large"));
    }
    let grown = memory_bytes() - before;
    report(&format!(
        "hostile servers: {} answers past 16 MiB ({bodies:?}) refused; wasm memory grew by {grown} bytes",
        bodies.len()
    ));
    assert!(grown <= 1_048_576.0, "wasm memory grew by {grown} bytes");
    // The client still works.
    wait(omise.disputes().list(None, None)).await.unwrap();
}

#[wasm_bindgen_test]
async fn a_huge_error_object_is_cut_before_it_enters_wasm() {
    let omise = emulator_client(&new_tag());
    let before = memory_bytes();
    queue_fault(fault_spec(
        &format!("/disputes/{ID}"),
        &[("count", 1.into()), ("body", "long_error".into())],
    ))
    .await;
    let e = wait(omise.disputes().retrieve(ID.into(), None))
        .await
        .unwrap_err();
    assert_error(&e, "OmiseApiError", None);
    assert_eq!(number_of(&e, "status"), 400.0);
    for field in ["message", "code", "location"] {
        let len = property(&e, field)
            .unchecked_into::<js_sys::JsString>()
            .length();
        assert_eq!(len, 1_000, "{field}");
    }
    let grown = memory_bytes() - before;
    report(&format!(
        "hostile servers: a 5,000,000-character error message, code and location kept as 1,000 each; wasm memory grew by {grown} bytes"
    ));
    assert!(grown <= 1_048_576.0, "wasm memory grew by {grown} bytes");
}
