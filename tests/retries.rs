//! Timeouts, cancellation and retries (API.md "Retries" and "Transport rules"): only
//! GET is sent again, after 429/5xx or a failed connection, with backoff; `Retry-After`
//! is obeyed only when it is sane. Faults come from the emulator's fault queue.

mod common;

use common::*;
use js_sys::{Array, Date, Uint8Array};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{AbortController, Blob};

#[cfg(feature = "browser-tests")]
wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn a_slow_attempt_times_out_and_is_retried_for_get() {
    let t = tag();
    let omise = client(&t);
    fault(fault_spec(
        "/transactions",
        &[("count", 2.into()), ("delay_ms", 1500.into())],
    ))
    .await;
    let e = wait(omise.transactions().list(
        None,
        o(&[("timeoutMs", 200.into()), ("maxRetries", 1.into())]),
    ))
    .await
    .unwrap_err();
    assert_error(&e, "OmiseTimeoutError", None);
    assert_eq!(n(&e, "timeoutMs"), 200.0);
    assert_eq!(n(&e, "attempts"), 2.0);
    assert!(
        s(&e, "message").contains("2 attempts"),
        "{}",
        s(&e, "message")
    );
    assert_eq!(sent(&t).await.len(), 2);
    sleep(1500).await;
}

#[wasm_bindgen_test]
async fn the_callers_signal_aborts_in_flight_and_before_sending() {
    let t = tag();
    let omise = client(&t);
    fault(fault_spec(
        "/disputes",
        &[("count", 1.into()), ("delay_ms", 1500.into())],
    ))
    .await;
    let c = AbortController::new().unwrap();
    let p = omise
        .disputes()
        .list(None, o(&[("signal", c.signal().into())]));
    sleep(100).await;
    c.abort();
    assert_error(&wait(p).await.unwrap_err(), "AbortError", None);
    // Already aborted: rejected without a request.
    let before = sent(&t).await.len();
    let e = wait(
        omise
            .disputes()
            .list(None, o(&[("signal", c.signal().into())])),
    )
    .await
    .unwrap_err();
    assert_error(&e, "AbortError", None);
    assert_eq!(sent(&t).await.len(), before);
    sleep(1500).await;
}

#[wasm_bindgen_test]
async fn a_get_survives_two_503s_and_a_dropped_connection() {
    let t = tag();
    let omise = client(&t);
    fault(fault_spec(
        "/transactions",
        &[("count", 2.into()), ("status", 503.into())],
    ))
    .await;
    fault(fault_spec(
        "/transactions",
        &[("count", 1.into()), ("drop", true.into())],
    ))
    .await;
    let list = wait(
        omise
            .transactions()
            .list(None, o(&[("maxRetries", 3.into())])),
    )
    .await
    .unwrap();
    assert_eq!(s(&list, "object"), "list");
    assert_eq!(sent(&t).await.len(), 4);
}

#[wasm_bindgen_test]
async fn retries_give_up_and_say_how_many_attempts() {
    let t = tag();
    let omise = client_with(&t, &[("maxRetries", 2.into())]).unwrap();
    fault(fault_spec(
        "/disputes",
        &[("count", 3.into()), ("status", 500.into())],
    ))
    .await;
    let e = wait(omise.disputes().list(None, None)).await.unwrap_err();
    assert_error(&e, "OmiseApiError", None);
    assert_eq!(n(&e, "status"), 500.0);
    assert_eq!(n(&e, "attempts"), 3.0);
    assert!(s(&e, "message").contains("3 attempts"));
    assert_eq!(sent(&t).await.len(), 3);
    // A 404 is never retried.
    let t2 = tag();
    let omise = client_with(&t2, &[("maxRetries", 2.into())]).unwrap();
    let e = wait(
        omise
            .disputes()
            .retrieve("dspt_test_0000000000000000000".into(), None),
    )
    .await
    .unwrap_err();
    assert_error(&e, "OmiseApiError", Some("not_found"));
    assert_eq!(sent(&t2).await.len(), 1);
}

#[wasm_bindgen_test]
async fn a_patch_that_meets_a_503_is_sent_once() {
    let t = tag();
    let omise = client_with(&t, &[("maxRetries", 5.into())]).unwrap();
    let p = obj(&[("limit", 1.into())]);
    let open = wait(omise.disputes().list_open(Some(p.unchecked_into()), None))
        .await
        .unwrap();
    let id = s(&data(&open)[0], "id");
    fault(fault_spec(
        &format!("/disputes/{id}"),
        &[
            ("count", 1.into()),
            ("method", "PATCH".into()),
            ("status", 503.into()),
        ],
    ))
    .await;
    let e = wait(omise.disputes().update(
        id.clone().into(),
        obj(&[("message", "m".into())]).into(),
        None,
    ))
    .await
    .unwrap_err();
    assert_error(&e, "OmiseApiError", Some("service_unavailable"));
    assert_eq!(
        sent(&t)
            .await
            .iter()
            .filter(|r| s(r, "method") == "PATCH")
            .count(),
        1
    );
}

#[wasm_bindgen_test]
async fn a_429_waits_for_retry_after() {
    let t = tag();
    let omise = client(&t);
    fault(fault_spec(
        "/transactions",
        &[
            ("count", 1.into()),
            ("status", 429.into()),
            ("retry_after", "1".into()),
        ],
    ))
    .await;
    let start = Date::now();
    wait(
        omise
            .transactions()
            .list(None, o(&[("maxRetries", 1.into())])),
    )
    .await
    .unwrap();
    let waited = Date::now() - start;
    report(&format!(
        "429 with Retry-After: 1 -> succeeded after {waited} ms"
    ));
    // A lower bound on a deliberate wait (not a speed assertion): it honoured the header.
    assert!(waited >= 950.0, "retried after {waited} ms");
    assert_eq!(sent(&t).await.len(), 2);
}

#[wasm_bindgen_test]
async fn an_upload_that_hits_a_503_fails_once_and_attaches_nothing() {
    let t = tag();
    let omise = client_with(&t, &[("maxRetries", 5.into())]).unwrap();
    let p = obj(&[("limit", 1.into()), ("offset", 7.into())]);
    let open = wait(omise.disputes().list_open(Some(p.unchecked_into()), None))
        .await
        .unwrap();
    let id = s(&data(&open)[0], "id");
    let before = n(
        &wait(omise.documents().list(id.clone().into(), None, None))
            .await
            .unwrap(),
        "total",
    );
    let path = format!("/disputes/{id}/documents");
    fault(fault_spec(
        &path,
        &[
            ("count", 1.into()),
            ("method", "POST".into()),
            ("status", 503.into()),
        ],
    ))
    .await;
    let pdf =
        Blob::new_with_u8_array_sequence(&Array::of1(&Uint8Array::from(&b"%PDF-1.4\n%%EOF\n"[..])))
            .unwrap();
    let e = wait(
        omise
            .documents()
            .upload(id.clone().into(), pdf.into(), None),
    )
    .await
    .unwrap_err();
    assert_error(&e, "OmiseApiError", Some("service_unavailable"));
    assert_eq!(n(&e, "attempts"), 1.0);
    assert_eq!(
        sent(&t)
            .await
            .iter()
            .filter(|r| s(r, "method") == "POST")
            .count(),
        1
    );
    let after = n(
        &wait(omise.documents().list(id.into(), None, None))
            .await
            .unwrap(),
        "total",
    );
    assert_eq!(before, after);
}

#[wasm_bindgen_test]
async fn a_retry_after_longer_than_the_timeout_is_not_waited_for() {
    for (value, timeout) in [("60", 1000), ("61", 600_000), ("86400", 600_000)] {
        let t = tag();
        let omise = client(&t);
        fault(fault_spec(
            "/transactions",
            &[
                ("count", 1.into()),
                ("status", 429.into()),
                ("retry_after", value.into()),
            ],
        ))
        .await;
        let e = wait(omise.transactions().list(
            None,
            o(&[("maxRetries", 2.into()), ("timeoutMs", timeout.into())]),
        ))
        .await
        .unwrap_err();
        assert_error(&e, "OmiseApiError", Some("too_many_requests"));
        assert_eq!(n(&e, "attempts"), 1.0, "Retry-After: {value}");
        assert_eq!(sent(&t).await.len(), 1);
    }
}

#[wasm_bindgen_test]
async fn a_negative_fractional_or_past_retry_after_falls_back_to_the_backoff() {
    let values = [
        "-1",
        "-3600",
        "0.5",
        "1e3",
        "Thu, 01 Jan 1970 00:00:00 GMT",
        "soon",
    ];
    for value in values {
        let t = tag();
        let omise = client(&t);
        fault(fault_spec(
            "/transactions",
            &[
                ("count", 1.into()),
                ("status", 503.into()),
                ("retry_after", value.into()),
            ],
        ))
        .await;
        let start = Date::now();
        let list = wait(
            omise
                .transactions()
                .list(None, o(&[("maxRetries", 1.into())])),
        )
        .await
        .unwrap();
        report(&format!(
            "Retry-After: {value:?} -> retried with backoff, answered after {} ms",
            Date::now() - start
        ));
        assert_eq!(s(&list, "object"), "list");
        assert_eq!(sent(&t).await.len(), 2, "{value}");
    }
}
