//! The client against the emulator: every call of disputes and transactions, the
//! errors, pagination, and validation that sends nothing (issue 3).
//! Runs under Node and (with --features browser-tests) in headless Chrome.

mod common;

use common::*;
use js_sys::{Array, Date, Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

#[cfg(feature = "browser-tests")]
wasm_bindgen_test_configure!(run_in_browser);

/// No `RequestOptions` (typed, for the methods that take them).
fn no_options() -> Option<omise_wasm::RequestOptionsArg> {
    None
}

#[wasm_bindgen_test]
async fn list_keeps_every_field_the_server_sent() {
    let t = new_tag();
    let omise = emulator_client(&t);
    let list = wait(
        omise
            .disputes()
            .list(arg_object(&[("limit", 5.into())]), no_options()),
    )
    .await
    .unwrap();
    assert_eq!(string_of(&list, "object"), "list");
    assert_eq!(list_data(&list).len(), 5);
    assert!(number_of(&list, "total") >= 100.0);
    for d in list_data(&list) {
        assert_eq!(string_of(&d, "object"), "dispute");
        assert!(string_of(&d, "id").starts_with("dspt_test_"));
        assert!(property(&d, "documents").is_object());
        assert!(Array::is_array(&property(&d, "transactions")));
    }
    // What the caller gets is exactly what the server sent, field for field.
    let raw = bare_fetch_json("/disputes?limit=5").await;
    assert_eq!(
        js_sys::JSON::stringify(&list).unwrap(),
        js_sys::JSON::stringify(&raw).unwrap()
    );
    let log = requests(&t).await;
    assert_eq!(log.len(), 1);
    let headers = property(&log[0], "headers");
    assert_eq!(string_of(&headers, "omise-version"), "2019-05-29");
    assert_eq!(string_of(&headers, "accept"), "application/json");
    assert_eq!(string_of(&headers, "authorization"), "[redacted]");
    assert_eq!(string_of(&log[0], "path"), "/disputes");
    assert_eq!(string_of(&log[0], "query"), "limit=5");
}

#[wasm_bindgen_test]
async fn status_lists_hold_only_their_status() {
    let omise = emulator_client(&new_tag());
    for (list, allowed) in [
        (
            omise
                .disputes()
                .list_open(arg_object(&[("limit", 100.into())]), no_options()),
            &["open"][..],
        ),
        (
            omise
                .disputes()
                .list_pending(arg_object(&[("limit", 100.into())]), no_options()),
            &["pending"][..],
        ),
        (
            omise
                .disputes()
                .list_closed(arg_object(&[("limit", 100.into())]), no_options()),
            &["won", "lost"][..],
        ),
    ] {
        let list = wait(list).await.unwrap();
        let items = list_data(&list);
        assert!(!items.is_empty());
        for d in items {
            assert!(
                allowed.contains(&string_of(&d, "status").as_str()),
                "{}",
                string_of(&d, "status")
            );
        }
    }
}

#[wasm_bindgen_test]
async fn order_and_date_range_are_sent_and_honoured() {
    let t = new_tag();
    let omise = emulator_client(&t);
    let list = wait(omise.disputes().list(
        arg_object(&[
            ("limit", 50.into()),
            ("order", "reverse_chronological".into()),
            ("from", "2025-01-01T00:00:00Z".into()),
            ("to", Date::new(&"2026-01-01T00:00:00Z".into()).into()),
        ]),
        no_options(),
    ))
    .await
    .unwrap();
    let created: Vec<String> = list_data(&list)
        .iter()
        .map(|d| string_of(d, "created_at"))
        .collect();
    assert!(!created.is_empty());
    assert!(
        created.windows(2).all(|w| w[0] >= w[1]),
        "not reverse chronological"
    );
    assert!(created
        .iter()
        .all(|c| c.as_str() >= "2025-01-01" && c.as_str() <= "2026-01-01T00:00:00Z"));
    let q = string_of(&requests(&t).await[0], "query");
    assert!(q.contains("order=reverse_chronological"), "{q}");
    assert!(q.contains("to=2026-01-01T00%3A00%3A00Z"), "{q}");
}

#[wasm_bindgen_test]
async fn retrieve_and_not_found() {
    let omise = emulator_client(&new_tag());
    let list = wait(
        omise
            .disputes()
            .list(arg_object(&[("limit", 1.into())]), no_options()),
    )
    .await
    .unwrap();
    let id = string_of(&list_data(&list)[0], "id");
    let d = wait(omise.disputes().retrieve(id.clone().into(), no_options()))
        .await
        .unwrap();
    assert_eq!(string_of(&d, "id"), id);
    assert_eq!(string_of(&d, "location"), format!("/disputes/{id}"));
    let e = wait(
        omise
            .disputes()
            .retrieve("dspt_test_0000000000000000000".into(), no_options()),
    )
    .await
    .unwrap_err();
    assert_error(&e, "OmiseApiError", Some("not_found"));
    assert_eq!(number_of(&e, "status"), 404.0);
    assert!(string_of(&e, "location").starts_with("https://"));
}

#[wasm_bindgen_test]
async fn update_moves_an_open_dispute_to_pending_and_sends_only_what_was_given() {
    let t = new_tag();
    let omise = emulator_client(&t);
    let id = open_dispute_id(&omise, 0).await;
    let body = js_object(&[(
        "message",
        "Delivered on 3 May, signed by the cardholder".into(),
    )]);
    let d = wait(
        omise
            .disputes()
            .update(id.clone().into(), body.into(), no_options()),
    )
    .await
    .unwrap();
    assert_eq!(string_of(&d, "status"), "pending");
    assert_eq!(
        string_of(&d, "message"),
        "Delivered on 3 May, signed by the cardholder"
    );
    let log = requests(&t).await;
    let patch = log
        .iter()
        .find(|r| string_of(r, "method") == "PATCH")
        .unwrap();
    assert_eq!(string_of(patch, "path"), format!("/disputes/{id}"));
    // {"message":"…"} and nothing else: no metadata key.
    let expected = r#"{"message":"Delivered on 3 May, signed by the cardholder"}"#.len() as f64;
    assert_eq!(number_of(patch, "body_size"), expected);
    assert_eq!(
        string_of(&property(patch, "headers"), "content-type"),
        "application/json"
    );

    // A second PATCH on the now-pending dispute is refused by the server.
    let e = wait(omise.disputes().update(
        id.into(),
        js_object(&[("message", "again".into())]).into(),
        no_options(),
    ))
    .await
    .unwrap_err();
    assert_error(&e, "OmiseApiError", None);
    assert_eq!(number_of(&e, "status"), 400.0);
}

#[wasm_bindgen_test]
async fn update_stores_metadata() {
    let omise = emulator_client(&new_tag());
    let id = open_dispute_id(&omise, 0).await;
    let meta = js_object(&[("order_id", "A-1001".into()), ("items", 3.into())]);
    let body = js_object(&[
        ("message", "proof attached".into()),
        ("metadata", meta.into()),
    ]);
    wait(
        omise
            .disputes()
            .update(id.clone().into(), body.into(), no_options()),
    )
    .await
    .unwrap();
    let d = wait(omise.disputes().retrieve(id.into(), no_options()))
        .await
        .unwrap();
    assert_eq!(string_of(&property(&d, "metadata"), "order_id"), "A-1001");
    assert_eq!(number_of(&property(&d, "metadata"), "items"), 3.0);
}

#[wasm_bindgen_test]
async fn accept_concedes_an_open_dispute_with_one_patch_and_no_body() {
    let t = new_tag();
    let omise = emulator_client(&t);
    let id = open_dispute_id(&omise, 0).await;
    let d = wait(omise.disputes().accept(id.clone().into(), no_options()))
        .await
        .unwrap();
    assert_eq!(string_of(&d, "object"), "dispute");
    assert_eq!(string_of(&d, "id"), id);
    assert_eq!(string_of(&d, "status"), "lost");
    assert!(string_of(&d, "closed_at").ends_with('Z'));
    let again = wait(omise.disputes().retrieve(id.clone().into(), no_options()))
        .await
        .unwrap();
    assert_eq!(string_of(&again, "status"), "lost");

    let log = requests(&t).await;
    let patches: Vec<&JsValue> = log
        .iter()
        .filter(|r| string_of(r, "method") == "PATCH")
        .collect();
    assert_eq!(patches.len(), 1);
    assert_eq!(
        string_of(patches[0], "path"),
        format!("/disputes/{id}/accept")
    );
    assert_eq!(number_of(patches[0], "body_size"), 0.0);

    // Conceding twice: the server refuses, and the library says so with its code.
    let e = wait(omise.disputes().accept(id.into(), no_options()))
        .await
        .unwrap_err();
    assert_error(&e, "OmiseApiError", Some("invalid_dispute"));
    assert_eq!(number_of(&e, "status"), 400.0);
}

#[wasm_bindgen_test]
async fn accept_is_never_retried_even_when_retries_are_allowed() {
    let t = new_tag();
    let omise = emulator_client_with(&t, &[("maxRetries", 3.into())]).unwrap();
    let id = open_dispute_id(&omise, 0).await;
    queue_fault(js_object(&[
        ("path", format!("/disputes/{id}/accept").into()),
        ("method", "PATCH".into()),
        ("count", 2.into()),
        ("status", 503.into()),
    ]))
    .await;
    let e = wait(omise.disputes().accept(id.clone().into(), no_options()))
        .await
        .unwrap_err();
    assert_error(&e, "OmiseApiError", None);
    assert_eq!(number_of(&e, "status"), 503.0);
    let patches = requests(&t)
        .await
        .into_iter()
        .filter(|r| string_of(r, "method") == "PATCH")
        .count();
    assert_eq!(patches, 1, "one attempt only");
    // Use up the second queued fault so that no later test meets it.
    let _ = wait(omise.disputes().accept(id.into(), no_options())).await;
}

#[wasm_bindgen_test]
async fn accept_checks_its_arguments_and_sends_nothing() {
    let t = new_tag();
    let omise = emulator_client(&t);
    let d = omise.disputes();
    let cases: Vec<(js_sys::Promise, &str, &str)> = vec![
        (
            d.accept("dspt_../x".into(), no_options()),
            "invalid_id",
            "disputeId",
        ),
        (
            d.accept(JsValue::UNDEFINED, no_options()),
            "invalid_id",
            "disputeId",
        ),
        (
            d.accept(
                "dspt_test_1".into(),
                Some(js_object(&[("retry", true.into())]).unchecked_into()),
            ),
            "unknown_option",
            "retry",
        ),
    ];
    assert_each_refused(cases).await;
    assert!(
        requests(&t).await.is_empty(),
        "a rejected call sent a request"
    );
}

#[wasm_bindgen_test]
async fn wrong_key_is_an_authentication_failure() {
    let t = new_tag();
    let omise = emulator_client_with(&t, &[("secretKey", "skey_test_wrong".into())]).unwrap();
    let e = wait(omise.disputes().list(None, no_options()))
        .await
        .unwrap_err();
    assert_error(&e, "OmiseApiError", Some("authentication_failure"));
    assert_eq!(number_of(&e, "status"), 401.0);
    assert!(!string_of(&e, "message").contains("skey_test_wrong"));
}

#[wasm_bindgen_test]
async fn refused_connection_is_a_network_error() {
    let omise =
        emulator_client_with(&new_tag(), &[("baseUrl", "http://127.0.0.1:9".into())]).unwrap();
    let e = wait(omise.transactions().list(None, no_options()))
        .await
        .unwrap_err();
    assert_error(&e, "OmiseNetworkError", Some("network"));
}

async fn collect(iter: JsValue) -> Result<Vec<JsValue>, JsValue> {
    let next: js_sys::Function = property(&iter, "next").dyn_into().unwrap();
    let mut out = Vec::new();
    loop {
        let step = wait(next.call0(&iter).unwrap().dyn_into().unwrap()).await?;
        if property(&step, "done").is_truthy() {
            return Ok(out);
        }
        out.push(property(&step, "value"));
    }
}

#[wasm_bindgen_test]
async fn iterate_walks_every_page_lazily() {
    let t = new_tag();
    let omise = emulator_client(&t);
    let total = number_of(
        &wait(
            omise
                .disputes()
                .list_closed(arg_object(&[("limit", 1.into())]), no_options()),
        )
        .await
        .unwrap(),
        "total",
    );
    assert!(total > 21.0, "need more than three pages of 7");
    let before = requests(&t).await.len();

    let iter = omise.disputes().iterate(
        arg_object(&[("limit", 7.into()), ("status", "closed".into())]),
        no_options(),
    );
    // It is async-iterable: [Symbol.asyncIterator]() returns the iterator itself.
    let f: js_sys::Function = Reflect::get(&iter, &js_sys::Symbol::async_iterator())
        .unwrap()
        .dyn_into()
        .unwrap();
    assert_eq!(f.call0(&iter).unwrap(), iter);
    // Nothing is fetched until next() is called.
    assert_eq!(requests(&t).await.len(), before);
    let next: js_sys::Function = property(&iter, "next").dyn_into().unwrap();
    let first = wait(next.call0(&iter).unwrap().dyn_into().unwrap())
        .await
        .unwrap();
    assert_eq!(string_of(&property(&first, "value"), "object"), "dispute");
    assert_eq!(requests(&t).await.len(), before + 1);

    let mut all = vec![property(&first, "value")];
    all.extend(collect(iter).await.unwrap());
    assert_eq!(all.len() as f64, total);
    let mut ids: Vec<String> = all.iter().map(|d| string_of(d, "id")).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len() as f64, total, "duplicates");
    let pages = requests(&t).await.len() - before;
    assert_eq!(pages as f64, (total / 7.0).ceil(), "one request per page");
}

#[wasm_bindgen_test]
async fn transactions_list_retrieve_iterate() {
    let t = new_tag();
    let omise = emulator_client(&t);
    let list = wait(omise.transactions().list(
        arg_object(&[("limit", 100.into()), ("offset", 5.into())]),
        no_options(),
    ))
    .await
    .unwrap();
    assert!(number_of(&list, "total") >= 1000.0);
    assert_eq!(number_of(&list, "offset"), 5.0);
    let items = list_data(&list);
    assert_eq!(items.len(), 100);
    assert!(items.iter().any(|x| string_of(x, "direction") == "credit"));
    assert!(items.iter().any(|x| string_of(x, "direction") == "debit"));
    let id = string_of(&items[0], "id");
    let one = wait(
        omise
            .transactions()
            .retrieve(id.clone().into(), no_options()),
    )
    .await
    .unwrap();
    assert_eq!(string_of(&one, "id"), id);
    assert_eq!(string_of(&one, "object"), "transaction");

    let iter = omise.transactions().iterate(
        arg_object(&[
            ("limit", 100.into()),
            ("from", "2026-01-01T00:00:00Z".into()),
        ]),
        no_options(),
    );
    let walked = collect(iter).await.unwrap();
    let expected = wait(omise.transactions().list(
        arg_object(&[("limit", 1.into()), ("from", "2026-01-01T00:00:00Z".into())]),
        no_options(),
    ))
    .await
    .unwrap();
    assert_eq!(walked.len() as f64, number_of(&expected, "total"));
}

#[wasm_bindgen_test]
async fn validation_rejects_and_sends_nothing() {
    let t = new_tag();
    let omise = emulator_client(&t);
    let d = omise.disputes();
    let cases: Vec<(js_sys::Promise, &str, &str)> = vec![
        (
            d.retrieve("dspt_../x".into(), no_options()),
            "invalid_id",
            "disputeId",
        ),
        (
            d.retrieve("trxn_test_1".into(), no_options()),
            "invalid_id",
            "disputeId",
        ),
        (
            d.retrieve(42.into(), no_options()),
            "invalid_id",
            "disputeId",
        ),
        (
            d.list(arg_object(&[("limit", 0.into())]), no_options()),
            "invalid_limit",
            "limit",
        ),
        (
            d.list(arg_object(&[("limit", "20".into())]), no_options()),
            "invalid_limit",
            "limit",
        ),
        (
            d.list(arg_object(&[("offset", (-1).into())]), no_options()),
            "invalid_offset",
            "offset",
        ),
        (
            d.list(arg_object(&[("order", "newest".into())]), no_options()),
            "invalid_order",
            "order",
        ),
        (
            d.list(arg_object(&[("from", "yesterday".into())]), no_options()),
            "invalid_date",
            "from",
        ),
        (
            d.list(
                arg_object(&[("from", "2020-01-02".into()), ("to", "2020-01-01".into())]),
                no_options(),
            ),
            "invalid_date_range",
            "from",
        ),
        (
            d.list(arg_object(&[("limt", 5.into())]), no_options()),
            "unknown_param",
            "limt",
        ),
        (
            d.update("dspt_test_1".into(), js_object(&[]).into(), no_options()),
            "missing_message",
            "message",
        ),
        (
            d.update(
                "dspt_test_1".into(),
                js_object(&[("message", "".into())]).into(),
                no_options(),
            ),
            "missing_message",
            "message",
        ),
        (
            d.update(
                "dspt_test_1".into(),
                js_object(&[("message", "x".into()), ("metadata", Array::new().into())]).into(),
                no_options(),
            ),
            "invalid_metadata",
            "metadata",
        ),
        (
            omise
                .transactions()
                .retrieve("dspt_test_1".into(), no_options()),
            "invalid_id",
            "transactionId",
        ),
        (
            d.list(
                None,
                Some(js_object(&[("timeoutMs", 0.into())]).unchecked_into()),
            ),
            "invalid_timeout",
            "timeoutMs",
        ),
    ];
    assert_each_refused(cases).await;
    // iterate reports bad params on the first next().
    let iter = d.iterate(arg_object(&[("status", "won".into())]), no_options());
    let e = collect(iter).await.unwrap_err();
    assert_error(&e, "OmiseValidationError", Some("invalid_status"));
    assert!(
        requests(&t).await.is_empty(),
        "a rejected call sent a request"
    );
}

#[wasm_bindgen_test]
fn the_constructor_checks_its_options() {
    let t = new_tag();
    let err = |extra: &[(&str, JsValue)]| emulator_client_with(&t, extra).unwrap_err();
    assert_error(
        &err(&[("baseUrl", "ftp://x".into())]),
        "OmiseValidationError",
        Some("invalid_base_url"),
    );
    assert_error(
        &err(&[("timeoutMs", (-5).into())]),
        "OmiseValidationError",
        Some("invalid_timeout"),
    );
    assert_error(
        &err(&[("secretKey", "skey bad".into())]),
        "OmiseValidationError",
        Some("invalid_secret_key"),
    );
    assert_error(
        &err(&[("colour", "red".into())]),
        "OmiseValidationError",
        Some("unknown_option"),
    );
    // A secret key in a browser page is refused unless explicitly allowed.
    let o: Object = js_object(&[("secretKey", KEY.into()), ("baseUrl", EMU.into())]);
    let r = omise_wasm::Omise::new(Some(o.unchecked_into()));
    if in_browser() {
        assert_error(
            &r.unwrap_err(),
            "OmiseValidationError",
            Some("secret_key_in_browser"),
        );
    } else {
        assert!(r.is_ok());
    }
    // Printing the client never shows the key.
    let omise = emulator_client(&t);
    let shown = format!(
        "{} {:?}",
        omise.to_string_js(),
        js_sys::JSON::stringify(&omise.to_json()).unwrap()
    );
    assert!(!shown.contains(KEY), "{shown}");
}

#[wasm_bindgen_test]
async fn extra_headers_and_the_user_agent_are_sent() {
    let t = new_tag();
    let omise =
        emulator_client_with(&t, &[("userAgent", "merchant-dashboard/2.1".into())]).unwrap();
    wait(omise.transactions().list(None, no_options()))
        .await
        .unwrap();
    let log = requests(&t).await;
    let h = property(&log[0], "headers");
    assert_eq!(string_of(&h, "x-test-id"), t);
    let ua = string_of(&h, "user-agent");
    if in_browser() {
        // Browsers do not let a page set User-Agent; the library does not try.
        assert!(!ua.contains("omise-wasm"), "{ua}");
    } else {
        assert!(
            ua.starts_with("omise-wasm/") && ua.ends_with(" merchant-dashboard/2.1"),
            "{ua}"
        );
    }
}
