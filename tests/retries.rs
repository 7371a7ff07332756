//! Timeouts, cancellation and retries (API.md "Retries" and "Transport rules"): only
//! GET is sent again, after 429/5xx or a failed connection, with backoff; `Retry-After`
//! is obeyed only when it is sane. Faults come from the emulator's fault queue.

mod common;

use common::*;
use js_sys::Date;
use omise_wasm::Omise;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::AbortController;

#[cfg(feature = "browser-tests")]
wasm_bindgen_test_configure!(run_in_browser);

/// A client of its own and the tag that finds its requests in the emulator's log.
struct TaggedClient {
    omise: Omise,
    tag: String,
}

impl TaggedClient {
    /// How many requests it sent (CORS preflights aside).
    async fn sent(&self) -> usize {
        requests_sent(&self.tag).await.len()
    }

    /// How many `method` requests it sent.
    async fn sent_with(&self, method: &str) -> usize {
        let all = requests_sent(&self.tag).await;
        all.iter()
            .filter(|r| string_of(r, "method") == method)
            .count()
    }
}

/// Queues `faults` in order, each the fields of one fault for requests to `path`.
async fn queue_faults(path: &str, faults: &[&[(&str, JsValue)]]) {
    for fields in faults {
        queue_fault(fault_spec(path, fields)).await;
    }
}

/// A client of the emulator with some of its options changed, tagged.
fn tagged_client(options: &[(&str, JsValue)]) -> TaggedClient {
    let tag = new_tag();
    let omise = emulator_client_with(&tag, options).unwrap();
    TaggedClient { omise, tag }
}

/// A fresh tagged client (no retries unless a call asks), after `faults` are queued
/// for requests to `path`.
async fn with_faults(path: &str, faults: &[&[(&str, JsValue)]]) -> TaggedClient {
    with_faults_and_options(path, faults, &[]).await
}

/// [`with_faults`] with some of the client's options changed.
async fn with_faults_and_options(
    path: &str,
    faults: &[&[(&str, JsValue)]],
    options: &[(&str, JsValue)],
) -> TaggedClient {
    let client = tagged_client(options);
    queue_faults(path, faults).await;
    client
}

#[wasm_bindgen_test]
async fn a_slow_attempt_times_out_and_is_retried_for_get() {
    let client = with_faults(
        "/transactions",
        &[&[("count", 2.into()), ("delay_ms", 1500.into())]],
    )
    .await;
    let e = wait(client.omise.transactions().list(
        None,
        arg_object(&[("timeoutMs", 200.into()), ("maxRetries", 1.into())]),
    ))
    .await
    .unwrap_err();
    assert_error(&e, "OmiseTimeoutError", None);
    assert_eq!(number_of(&e, "timeoutMs"), 200.0);
    assert_eq!(number_of(&e, "attempts"), 2.0);
    assert!(
        string_of(&e, "message").contains("2 attempts"),
        "{}",
        string_of(&e, "message")
    );
    assert_eq!(client.sent().await, 2);
    sleep(1500).await;
}

#[wasm_bindgen_test]
async fn the_callers_signal_aborts_in_flight_and_before_sending() {
    let client = with_faults(
        "/disputes",
        &[&[("count", 1.into()), ("delay_ms", 1500.into())]],
    )
    .await;
    let c = AbortController::new().unwrap();
    let p = client
        .omise
        .disputes()
        .list(None, arg_object(&[("signal", c.signal().into())]));
    sleep(100).await;
    c.abort();
    assert_error(&wait(p).await.unwrap_err(), "AbortError", None);
    // Already aborted: rejected without a request.
    let before = client.sent().await;
    let e = wait(
        client
            .omise
            .disputes()
            .list(None, arg_object(&[("signal", c.signal().into())])),
    )
    .await
    .unwrap_err();
    assert_error(&e, "AbortError", None);
    assert_eq!(client.sent().await, before);
    sleep(1500).await;
}

#[wasm_bindgen_test]
async fn a_get_survives_two_503s_and_a_dropped_connection() {
    let client = with_faults(
        "/transactions",
        &[
            &[("count", 2.into()), ("status", 503.into())],
            &[("count", 1.into()), ("drop", true.into())],
        ],
    )
    .await;
    let list = wait(
        client
            .omise
            .transactions()
            .list(None, arg_object(&[("maxRetries", 3.into())])),
    )
    .await
    .unwrap();
    assert_eq!(string_of(&list, "object"), "list");
    assert_eq!(client.sent().await, 4);
}

#[wasm_bindgen_test]
async fn retries_give_up_and_say_how_many_attempts() {
    let retries = [("maxRetries", 2.into())];
    let client = with_faults_and_options(
        "/disputes",
        &[&[("count", 3.into()), ("status", 500.into())]],
        &retries,
    )
    .await;
    let e = wait(client.omise.disputes().list(None, None))
        .await
        .unwrap_err();
    assert_error(&e, "OmiseApiError", None);
    assert_eq!(number_of(&e, "status"), 500.0);
    assert_eq!(number_of(&e, "attempts"), 3.0);
    assert!(string_of(&e, "message").contains("3 attempts"));
    assert_eq!(client.sent().await, 3);
    // A 404 is never retried.
    let client = tagged_client(&retries);
    let e = wait(
        client
            .omise
            .disputes()
            .retrieve("dspt_test_0000000000000000000".into(), None),
    )
    .await
    .unwrap_err();
    assert_error(&e, "OmiseApiError", Some("not_found"));
    assert_eq!(client.sent().await, 1);
}

#[wasm_bindgen_test]
async fn a_patch_that_meets_a_503_is_sent_once() {
    let client = tagged_client(&[("maxRetries", 5.into())]);
    let p = js_object(&[("limit", 1.into())]);
    let open = wait(
        client
            .omise
            .disputes()
            .list_open(Some(p.unchecked_into()), None),
    )
    .await
    .unwrap();
    let id = string_of(&list_data(&open)[0], "id");
    let patch_503 = [
        ("count", 1.into()),
        ("method", "PATCH".into()),
        ("status", 503.into()),
    ];
    queue_faults(&format!("/disputes/{id}"), &[&patch_503]).await;
    let e = wait(client.omise.disputes().update(
        id.clone().into(),
        js_object(&[("message", "m".into())]).into(),
        None,
    ))
    .await
    .unwrap_err();
    assert_error(&e, "OmiseApiError", Some("service_unavailable"));
    assert_eq!(client.sent_with("PATCH").await, 1);
}

#[wasm_bindgen_test]
async fn a_429_waits_for_retry_after() {
    let client = with_faults(
        "/transactions",
        &[&[
            ("count", 1.into()),
            ("status", 429.into()),
            ("retry_after", "1".into()),
        ]],
    )
    .await;
    let start = Date::now();
    wait(
        client
            .omise
            .transactions()
            .list(None, arg_object(&[("maxRetries", 1.into())])),
    )
    .await
    .unwrap();
    let waited = Date::now() - start;
    report(&format!(
        "429 with Retry-After: 1 -> succeeded after {waited} ms"
    ));
    // A lower bound on a deliberate wait (not a speed assertion): it honoured the header.
    assert!(waited >= 950.0, "retried after {waited} ms");
    assert_eq!(client.sent().await, 2);
}

#[wasm_bindgen_test]
async fn an_upload_that_hits_a_503_fails_once_and_attaches_nothing() {
    let client = tagged_client(&[("maxRetries", 5.into())]);
    let omise = &client.omise;
    let p = js_object(&[("limit", 1.into()), ("offset", 7.into())]);
    let open = wait(omise.disputes().list_open(Some(p.unchecked_into()), None))
        .await
        .unwrap();
    let id = string_of(&list_data(&open)[0], "id");
    let before = number_of(
        &wait(omise.documents().list(id.clone().into(), None, None))
            .await
            .unwrap(),
        "total",
    );
    let post_503 = [
        ("count", 1.into()),
        ("method", "POST".into()),
        ("status", 503.into()),
    ];
    queue_faults(&format!("/disputes/{id}/documents"), &[&post_503]).await;
    let pdf = blob_of(b"%PDF-1.4\n%%EOF\n");
    let e = wait(
        omise
            .documents()
            .upload(id.clone().into(), pdf.into(), None),
    )
    .await
    .unwrap_err();
    assert_error(&e, "OmiseApiError", Some("service_unavailable"));
    assert_eq!(number_of(&e, "attempts"), 1.0);
    assert_eq!(client.sent_with("POST").await, 1);
    let after = number_of(
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
        let client = with_faults(
            "/transactions",
            &[&[
                ("count", 1.into()),
                ("status", 429.into()),
                ("retry_after", value.into()),
            ]],
        )
        .await;
        let e = wait(client.omise.transactions().list(
            None,
            arg_object(&[("maxRetries", 2.into()), ("timeoutMs", timeout.into())]),
        ))
        .await
        .unwrap_err();
        assert_error(&e, "OmiseApiError", Some("too_many_requests"));
        assert_eq!(number_of(&e, "attempts"), 1.0, "Retry-After: {value}");
        assert_eq!(client.sent().await, 1);
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
        let client = with_faults(
            "/transactions",
            &[&[
                ("count", 1.into()),
                ("status", 503.into()),
                ("retry_after", value.into()),
            ]],
        )
        .await;
        let start = Date::now();
        let list = wait(
            client
                .omise
                .transactions()
                .list(None, arg_object(&[("maxRetries", 1.into())])),
        )
        .await
        .unwrap();
        report(&format!(
            "Retry-After: {value:?} -> retried with backoff, answered after {} ms",
            Date::now() - start
        ));
        assert_eq!(string_of(&list, "object"), "list");
        assert_eq!(client.sent().await, 2, "{value}");
    }
}
