//! Reliability and security (issue 5): timeouts, cancellation, retries, hostile
//! servers (through the emulator's fault queue), hostile callers (a table of bad
//! inputs over every method, none of which may send a request), secrets, and load.

mod common;

use common::*;
use js_sys::{Array, Date, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{AbortController, Blob};

#[cfg(feature = "browser-tests")]
wasm_bindgen_test_configure!(run_in_browser);

fn o<T: JsCast>(pairs: &[(&str, JsValue)]) -> Option<T> {
    Some(obj(pairs).unchecked_into())
}

fn fault_spec(path: &str, pairs: &[(&str, JsValue)]) -> Object {
    let f = obj(pairs);
    Reflect::set(&f, &"path".into(), &path.into()).unwrap();
    f
}

/// Requests of this tag other than CORS preflights.
async fn sent(t: &str) -> Vec<JsValue> {
    requests(t)
        .await
        .into_iter()
        .filter(|r| s(r, "method") != "OPTIONS")
        .collect()
}

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
async fn hostile_servers_become_typed_errors() {
    let omise = client(&tag());
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
        fault(fault_spec(&format!("/disputes/{id}"), &spec)).await;
        let e = wait(omise.disputes().retrieve(id.into(), None))
            .await
            .unwrap_err();
        assert_error(&e, name, (!code.is_empty()).then_some(code));
        if body == "error200" {
            assert_eq!(n(&e, "status"), 200.0);
        }
    }
    // A list endpoint answering with a dispute is not a list.
    fault(fault_spec(
        "/transactions",
        &[("count", 1.into()), ("body", "array".into())],
    ))
    .await;
    let e = wait(omise.transactions().list(None, None))
        .await
        .unwrap_err();
    assert_error(&e, "OmiseNetworkError", Some("malformed_response"));
}

/// A JS function, for inputs that must not be functions.
fn function() -> JsValue {
    Closure::<dyn FnMut()>::new(|| {}).into_js_value()
}

fn circular() -> JsValue {
    let c = Object::new();
    Reflect::set(&c, &"self".into(), &c).unwrap();
    c.into()
}

fn bad_ids(prefix: &str) -> Vec<JsValue> {
    let mut v: Vec<JsValue> = [
        "".to_owned(),
        prefix.to_string(),
        format!("{prefix}../x"),
        format!("{prefix}a/../../transactions"),
        format!("{prefix}a?b=1"),
        format!("{prefix}a#frag"),
        format!("{prefix}a%2fb"),
        format!("{prefix}a%2Fb"),
        format!("{prefix}ünïcødé"),
        format!("{prefix}😀"),
        format!("{prefix}{}", "a".repeat(10_000)),
        format!("{}x", prefix.to_uppercase()),
        format!(" {prefix}x"),
        format!("{prefix}x\n"),
        "chrg_test_4yq7duw15p9hdrjp8oq".to_owned(),
    ]
    .into_iter()
    .map(JsValue::from)
    .collect();
    v.extend([
        1.into(),
        JsValue::NULL,
        JsValue::UNDEFINED,
        Object::new().into(),
        Array::new().into(),
        true.into(),
    ]);
    v
}

fn bad_list_params() -> Vec<Object> {
    let mut v = Vec::new();
    for limit in [0.0, 101.0, -1.0, 1.5, f64::NAN, f64::INFINITY] {
        v.push(obj(&[("limit", limit.into())]));
    }
    for limit in [
        JsValue::from("20"),
        JsValue::NULL,
        true.into(),
        Object::new().into(),
    ] {
        v.push(obj(&[("limit", limit)]));
    }
    for offset in [
        JsValue::from(-1),
        0.5.into(),
        "0".into(),
        f64::NAN.into(),
        1e300.into(),
    ] {
        v.push(obj(&[("offset", offset)]));
    }
    for order in [
        JsValue::from("newest"),
        "".into(),
        "CHRONOLOGICAL".into(),
        1.into(),
    ] {
        v.push(obj(&[("order", order)]));
    }
    for key in ["from", "to"] {
        for d in [
            JsValue::from("yesterday"),
            "2020-13-01".into(),
            "2020-02-30T00:00:00Z".into(),
            "2020-01-01T25:00:00Z".into(),
            "".into(),
            12345.into(),
            Object::new().into(),
            Date::new(&"not a date".into()).into(),
        ] {
            v.push(obj(&[(key, d)]));
        }
    }
    v.push(obj(&[
        ("from", "2021-01-01".into()),
        ("to", "2020-01-01".into()),
    ]));
    v.push(obj(&[
        ("from", Date::new(&"2021-01-01".into()).into()),
        ("to", "2020-12-31T23:59:59Z".into()),
    ]));
    v.push(obj(&[("limt", 5.into())]));
    v.push(obj(&[("__proto__x", 5.into())]));
    v
}

/// Objects whose every reflective operation throws, and a revoked proxy.
fn hostile_proxies() -> Vec<JsValue> {
    let throws = js_sys::Function::new_no_args("throw new Error('hostile')");
    let handler = Object::new();
    for trap in [
        "ownKeys",
        "get",
        "getPrototypeOf",
        "getOwnPropertyDescriptor",
        "has",
    ] {
        Reflect::set(&handler, &trap.into(), &throws).unwrap();
    }
    let proxy = js_sys::Proxy::new(&Object::new(), &handler);
    let revocable = js_sys::Proxy::revocable(&Object::new(), &Object::new());
    let revoke: js_sys::Function = get(&revocable, "revoke").dyn_into().unwrap();
    revoke.call0(&JsValue::UNDEFINED).unwrap();
    vec![proxy.into(), get(&revocable, "proxy")]
}

fn bad_params_values() -> Vec<JsValue> {
    let mut v = vec![
        5.into(),
        "limit=5".into(),
        Array::new().into(),
        function(),
        true.into(),
    ];
    v.extend(hostile_proxies());
    v
}

fn bad_options() -> Vec<JsValue> {
    let mut v: Vec<JsValue> = vec![5.into(), "fast".into(), Array::new().into()];
    v.extend(hostile_proxies());
    for (k, val) in [
        ("signal", JsValue::from(Object::new())),
        ("signal", true.into()),
        ("timeoutMs", 0.into()),
        ("timeoutMs", (-1).into()),
        ("timeoutMs", "1000".into()),
        ("timeoutMs", 1e9.into()),
        ("timeoutMs", 1.5.into()),
        ("maxRetries", (-1).into()),
        ("maxRetries", 11.into()),
        ("maxRetries", 0.5.into()),
        ("retries", 3.into()),
    ] {
        v.push(obj(&[(k, val)]).into());
    }
    v
}

fn bad_update_bodies() -> Vec<JsValue> {
    vec![
        JsValue::UNDEFINED,
        JsValue::NULL,
        Object::new().into(),
        obj(&[("message", "".into())]).into(),
        obj(&[("message", "   ".into())]).into(),
        obj(&[("message", 5.into())]).into(),
        obj(&[("message", JsValue::NULL)]).into(),
        obj(&[("message", "x".into()), ("metadata", Array::new().into())]).into(),
        obj(&[("message", "x".into()), ("metadata", function())]).into(),
        obj(&[("message", "x".into()), ("metadata", circular())]).into(),
        obj(&[("message", "x".into()), ("metadata", Date::new_0().into())]).into(),
        obj(&[("message", "x".into()), ("metadata", "k=v".into())]).into(),
        obj(&[
            ("message", "x".into()),
            ("metadata", obj(&[("deep", circular())]).into()),
        ])
        .into(),
        obj(&[("message", "x".into()), ("status", "won".into())]).into(),
        obj(&[
            ("message", "x".into()),
            ("metadata", hostile_proxies().remove(0)),
        ])
        .into(),
        hostile_proxies().remove(0),
        hostile_proxies().remove(1),
        "message".into(),
        function(),
    ]
}

fn bad_files() -> Vec<(JsValue, JsValue)> {
    let big = Uint8Array::new_with_length(10 * 1024 * 1024 + 1);
    big.set(&Uint8Array::from(&b"%PDF-1.4"[..]), 0);
    let blob = |b: &[u8]| -> JsValue {
        Blob::new_with_u8_array_sequence(&Array::of1(&Uint8Array::from(b)))
            .unwrap()
            .into()
    };
    let pdf = blob(b"%PDF-1.4\n");
    let mut v: Vec<(JsValue, JsValue)> = vec![
        (blob(b""), JsValue::UNDEFINED),
        (Uint8Array::new_with_length(0).into(), JsValue::UNDEFINED),
        (big.into(), JsValue::UNDEFINED),
        (blob(b"MZ\x90\x00\x03\x00\x00\x00"), JsValue::UNDEFINED),
        (blob(b"GIF89a......"), JsValue::UNDEFINED),
        (blob(b"<html><script>"), JsValue::UNDEFINED),
        (blob(b"\x89PNG\r\n"), JsValue::UNDEFINED),
        ("%PDF-1.4".into(), JsValue::UNDEFINED),
        (5.into(), JsValue::UNDEFINED),
        (Array::new().into(), JsValue::UNDEFINED),
        (JsValue::NULL, JsValue::UNDEFINED),
    ];
    for opts in [
        obj(&[("kind", "receipt".into())]),
        obj(&[("kind", "".into())]),
        obj(&[("kind", 1.into())]),
        obj(&[("filename", "".into())]),
        obj(&[("filename", "a/b.pdf".into())]),
        obj(&[("filename", "x\u{0}.pdf".into())]),
        obj(&[("filename", "x".repeat(300).into())]),
        obj(&[("onProgress", "log".into())]),
        obj(&[("maxRetries", 1.into())]),
        obj(&[("timeoutMs", 0.into())]),
        obj(&[("signal", "stop".into())]),
        obj(&[("mime", "application/pdf".into())]),
    ] {
        v.push((pdf.clone(), opts.into()));
    }
    v
}

#[wasm_bindgen_test]
async fn hostile_callers_get_validation_errors_and_send_nothing() {
    let t = tag();
    let omise = client(&t);
    let d = omise.disputes();
    let docs = omise.documents();
    let tx = omise.transactions();
    let good = "dspt_test_5089off452g5m5te7xs";
    let mut calls: Vec<(String, Promise)> = Vec::new();

    for id in bad_ids("dspt_") {
        calls.push(("disputes.retrieve".into(), d.retrieve(id.clone(), None)));
        calls.push((
            "disputes.update".into(),
            d.update(id.clone(), obj(&[("message", "m".into())]).into(), None),
        ));
        calls.push(("documents.list".into(), docs.list(id.clone(), None, None)));
        calls.push((
            "documents.upload".into(),
            docs.upload(id.clone(), JsValue::UNDEFINED, None),
        ));
    }
    for id in bad_ids("docu_") {
        calls.push((
            "documents.retrieve".into(),
            docs.retrieve(good.into(), id.clone(), None),
        ));
        calls.push((
            "documents.destroy".into(),
            docs.destroy(good.into(), id.clone(), None),
        ));
    }
    for id in bad_ids("trxn_") {
        calls.push(("transactions.retrieve".into(), tx.retrieve(id, None)));
    }
    for p in bad_list_params() {
        calls.push((
            "disputes.list".into(),
            d.list(Some(p.clone().unchecked_into()), None),
        ));
        calls.push((
            "disputes.listOpen".into(),
            d.list_open(Some(p.clone().unchecked_into()), None),
        ));
        calls.push((
            "disputes.listPending".into(),
            d.list_pending(Some(p.clone().unchecked_into()), None),
        ));
        calls.push((
            "disputes.listClosed".into(),
            d.list_closed(Some(p.clone().unchecked_into()), None),
        ));
        calls.push((
            "documents.list".into(),
            docs.list(good.into(), Some(p.clone().unchecked_into()), None),
        ));
        calls.push((
            "transactions.list".into(),
            tx.list(Some(p.clone().unchecked_into()), None),
        ));
        calls.push((
            "disputes.iterate".into(),
            first(d.iterate(Some(p.clone().unchecked_into()), None)),
        ));
        calls.push((
            "transactions.iterate".into(),
            first(tx.iterate(Some(p.unchecked_into()), None)),
        ));
    }
    for p in bad_params_values() {
        calls.push((
            "disputes.list".into(),
            d.list(Some(p.clone().unchecked_into()), None),
        ));
        calls.push((
            "transactions.list".into(),
            tx.list(Some(p.unchecked_into()), None),
        ));
    }
    calls.push((
        "disputes.iterate".into(),
        first(d.iterate(o(&[("status", "won".into())]), None)),
    ));
    calls.push((
        "disputes.iterate".into(),
        first(d.iterate(o(&[("status", 1.into())]), None)),
    ));
    for opts in bad_options() {
        calls.push((
            "disputes.list".into(),
            d.list(None, Some(opts.clone().unchecked_into())),
        ));
        calls.push((
            "disputes.retrieve".into(),
            d.retrieve(good.into(), Some(opts.clone().unchecked_into())),
        ));
        calls.push((
            "transactions.retrieve".into(),
            tx.retrieve("trxn_test_1".into(), Some(opts.clone().unchecked_into())),
        ));
        calls.push((
            "documents.destroy".into(),
            docs.destroy(
                good.into(),
                "docu_test_1".into(),
                Some(opts.unchecked_into()),
            ),
        ));
    }
    for body in bad_update_bodies() {
        calls.push(("disputes.update".into(), d.update(good.into(), body, None)));
    }
    for (file, opts) in bad_files() {
        let opts = (!opts.is_undefined()).then(|| opts.unchecked_into());
        calls.push((
            "documents.upload".into(),
            docs.upload(good.into(), file, opts),
        ));
    }

    let total = calls.len();
    let mut codes = std::collections::BTreeMap::<String, usize>::new();
    let mut messages = Vec::new();
    for (method, p) in calls {
        let e = match wait(p).await {
            Ok(v) => panic!("{method} accepted a bad input and answered {v:?}"),
            Err(e) => e,
        };
        assert_eq!(
            s(&e, "name"),
            "OmiseValidationError",
            "{method}: {}",
            s(&e, "message")
        );
        let code = s(&e, "code");
        assert!(
            !code.is_empty() && !s(&e, "param").is_empty(),
            "{method}: {code}"
        );
        messages.push(s(&e, "message"));
        *codes.entry(code).or_default() += 1;
    }
    report(&format!(
        "hostile callers: {total} bad inputs, all OmiseValidationError: {codes:?}"
    ));
    assert!(total >= 200, "only {total} inputs");
    assert!(
        requests(&t).await.is_empty(),
        "a rejected call sent a request"
    );
    for m in messages {
        assert!(!m.contains(KEY) && m.len() < 400, "{m}");
    }
}

/// The first `next()` of an iterator, as a promise of its value.
fn first(iter: JsValue) -> Promise {
    let next: js_sys::Function = get(&iter, "next").dyn_into().unwrap();
    next.call0(&iter).unwrap().dyn_into().unwrap()
}

#[wasm_bindgen_test]
async fn the_secret_key_appears_nowhere() {
    let t = tag();
    let key_b64 = omise_wasm::config::base64(format!("{KEY}:").as_bytes());
    let omise = client(&t);
    let mut shown = vec![
        omise.to_string_js(),
        String::from(js_sys::JSON::stringify(&omise.to_json()).unwrap()),
    ];
    let omise_js: JsValue = client(&t).into();
    shown.push(String::from(
        js_sys::JSON::stringify(&omise_js).unwrap_or_else(|_| "".into()),
    ));
    shown.push(format!("{:?}", omise));
    let errors = [
        wait(
            client_with(&t, &[("secretKey", "skey_test_wrongwrong".into())])
                .unwrap()
                .disputes()
                .list(None, None),
        )
        .await,
        wait(
            client_with(&t, &[("baseUrl", "http://127.0.0.1:9".into())])
                .unwrap()
                .disputes()
                .list(None, None),
        )
        .await,
        wait(
            omise
                .disputes()
                .retrieve("dspt_test_0000000000000000000".into(), None),
        )
        .await,
        wait(omise.disputes().retrieve("dspt_../".into(), None)).await,
    ];
    for e in errors {
        let e = e.unwrap_err();
        shown.push(s(&e, "message"));
        shown.push(String::from(js_sys::JSON::stringify(&e).unwrap()));
        shown.push(e.unchecked_ref::<js_sys::Error>().to_string().into());
        shown.push(format!("{e:?}"));
    }
    for text in &shown {
        assert!(
            !text.contains(KEY) && !text.contains(&key_b64) && !text.contains("wrongwrong"),
            "{text}"
        );
    }
    for r in requests(&t).await {
        let line = String::from(js_sys::JSON::stringify(&r).unwrap());
        assert!(!line.contains(KEY) && !line.contains(&key_b64), "{line}");
        assert!(!s(&r, "path").contains("skey") && !s(&r, "query").contains("skey"));
    }
}

#[cfg(not(feature = "browser-tests"))]
#[wasm_bindgen_test]
async fn load_a_thousand_concurrent_calls_and_no_leak_over_ten_thousand() {
    let omise: omise_wasm::Omise = client(&tag());
    let batch = |size: usize| -> Promise {
        let all = Array::new();
        for _ in 0..size {
            all.push(&omise.disputes().list(o(&[("limit", 1.into())]), None));
        }
        Promise::all(&all)
    };
    let results: Array = wait(batch(1000)).await.unwrap().unchecked_into();
    assert_eq!(results.length(), 1000);
    assert!(results.iter().all(|r| s(&r, "object") == "list"));

    let mut calls = 1000;
    wait(batch(100)).await.unwrap();
    calls += 100;
    let baseline = memory_bytes();
    while calls < 11_100 {
        wait(batch(100)).await.unwrap();
        calls += 100;
    }
    let after = memory_bytes();
    report(&format!(
        "load: 1000 concurrent calls ok; wasm memory after 100 more: {baseline} bytes, after {} more: {after} bytes",
        calls - 1100
    ));
    assert_eq!(after, baseline, "wasm memory grew over 10,000 calls");
}
