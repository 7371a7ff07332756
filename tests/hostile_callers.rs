//! Hostile callers: a data-driven table of bad inputs over every method, none of which
//! may throw, crash or send a request; and odd objects that work like the real thing.

mod common;

use common::*;
use js_sys::{Array, Date, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::Blob;

#[cfg(feature = "browser-tests")]
wasm_bindgen_test_configure!(run_in_browser);

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
        v.push(js_object(&[("limit", limit.into())]));
    }
    for limit in [
        JsValue::from("20"),
        JsValue::NULL,
        true.into(),
        Object::new().into(),
    ] {
        v.push(js_object(&[("limit", limit)]));
    }
    for offset in [
        JsValue::from(-1),
        0.5.into(),
        "0".into(),
        f64::NAN.into(),
        1e300.into(),
    ] {
        v.push(js_object(&[("offset", offset)]));
    }
    for order in [
        JsValue::from("newest"),
        "".into(),
        "CHRONOLOGICAL".into(),
        1.into(),
    ] {
        v.push(js_object(&[("order", order)]));
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
            eval_js("new Proxy(new Date(0), {})"),
            eval_js("Object.create(Date.prototype)"),
            eval_js("new (class extends Date {})(NaN)"),
        ] {
            v.push(js_object(&[(key, d)]));
        }
    }
    v.push(js_object(&[
        ("from", "2021-01-01".into()),
        ("to", "2020-01-01".into()),
    ]));
    v.push(js_object(&[
        ("from", Date::new(&"2021-01-01".into()).into()),
        ("to", "2020-12-31T23:59:59Z".into()),
    ]));
    v.push(js_object(&[("limt", 5.into())]));
    v.push(js_object(&[("__proto__x", 5.into())]));
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
    let revoke: js_sys::Function = property(&revocable, "revoke").dyn_into().unwrap();
    revoke.call0(&JsValue::UNDEFINED).unwrap();
    vec![proxy.into(), property(&revocable, "proxy")]
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
        ("signal", eval_js("Object.create(AbortSignal.prototype)")),
        (
            "signal",
            eval_js("(() => { class S extends AbortSignal { get aborted() { throw new Error('aborted'); } } \
                const s = new AbortController().signal; Object.setPrototypeOf(s, S.prototype); return s; })()"),
        ),
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
        v.push(js_object(&[(k, val)]).into());
    }
    v
}

fn bad_update_bodies() -> Vec<JsValue> {
    let mut v: Vec<JsValue> = vec![
        JsValue::UNDEFINED,
        JsValue::NULL,
        Object::new().into(),
        js_object(&[("message", "".into())]).into(),
        js_object(&[("message", "   ".into())]).into(),
        js_object(&[("message", 5.into())]).into(),
        js_object(&[("message", JsValue::NULL)]).into(),
        js_object(&[("message", "x".into()), ("metadata", Array::new().into())]).into(),
        js_object(&[("message", "x".into()), ("metadata", function())]).into(),
        js_object(&[("message", "x".into()), ("metadata", circular())]).into(),
        js_object(&[("message", "x".into()), ("metadata", Date::new_0().into())]).into(),
        js_object(&[("message", "x".into()), ("metadata", "k=v".into())]).into(),
        js_object(&[
            ("message", "x".into()),
            ("metadata", js_object(&[("deep", circular())]).into()),
        ])
        .into(),
        js_object(&[("message", "x".into()), ("status", "won".into())]).into(),
        js_object(&[
            ("message", "x".into()),
            ("metadata", hostile_proxies().remove(0)),
        ])
        .into(),
        hostile_proxies().remove(0),
        hostile_proxies().remove(1),
        "message".into(),
        function(),
    ];
    // metadata that is not JSON data: sent as it is, it would wipe or mangle the
    // dispute's metadata (a toJSON giving null) or lose values silently.
    for m in [
        "({ toJSON() { return null; } })",
        "({ toJSON() { return 'x'; } })",
        "({ a: { toJSON() { return 1; } } })",
        "({ a: new Map([[1, 2]]) })",
        "({ a: new Set([1]) })",
        "({ a() {} })",
        "({ a: NaN })",
        "({ a: Infinity })",
        "({ a: undefined })",
        "({ a: [1, , 3] })",
        "({ a: 1n })",
        "({ a: Symbol('s') })",
        "({ a: new Date(0) })",
        "({ a: /re/ })",
        "({ a: new (class Point { constructor() { this.x = 1; } })() })",
        "({ a: 'x'.repeat(70 * 1024) })",
        "({ get a() { throw new Error('hostile'); } })",
        "(() => { const a = []; a.push(a); return { a }; })()",
        "(() => { let o = {}; for (let i = 0; i < 40; i++) o = { l: o, r: o }; return o; })()",
        "({ a: new Array(1e9) })",
    ] {
        v.push(js_object(&[("message", "x".into()), ("metadata", eval_js(m))]).into());
    }
    v
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
    // Objects that only pretend to be a Blob or File, and real ones that lie.
    for fake in [
        "Object.create(Blob.prototype)",
        "Object.create(File.prototype)",
        "({ size: 9, type: 'application/pdf', slice() { return this; }, arrayBuffer() { return Promise.resolve(new TextEncoder().encode('%PDF-1.4').buffer); } })",
        "new Proxy(new Uint8Array([37, 80, 68, 70, 45]), {})",
        "Object.create(Uint8Array.prototype)",
        "new (class extends Blob { get size() { return NaN; } })([])",
        "new (class extends Blob { get size() { return 5; } })([new Uint8Array(10 * 1024 * 1024 + 1)])",
        "new (class extends Blob { get size() { return 5; } })(['%PDF-1.4', new Uint8Array(12 * 1024 * 1024)])",
        "new File(['%PDF-1.4'], 'invoice\\u202Efdp.exe')",
        "new File(['%PDF-1.4'], 'a\\u2066b.pdf')",
        "new File(['%PDF-1.4'], 'line\\nbreak.pdf')",
    ] {
        v.push((eval_js(fake), JsValue::UNDEFINED));
    }
    for opts in [
        js_object(&[("kind", "receipt".into())]),
        js_object(&[("kind", "".into())]),
        js_object(&[("kind", 1.into())]),
        js_object(&[("filename", "".into())]),
        js_object(&[("filename", "a/b.pdf".into())]),
        js_object(&[("filename", "x\u{0}.pdf".into())]),
        js_object(&[("filename", "x".repeat(300).into())]),
        js_object(&[("filename", "cod\u{202E}fdp.exe".into())]),
        js_object(&[("filename", "\u{200F}a.pdf".into())]),
        js_object(&[("signal", eval_js("Object.create(AbortSignal.prototype)"))]),
        js_object(&[("onProgress", "log".into())]),
        js_object(&[("maxRetries", 1.into())]),
        js_object(&[("timeoutMs", 0.into())]),
        js_object(&[("signal", "stop".into())]),
        js_object(&[("mime", "application/pdf".into())]),
    ] {
        v.push((pdf.clone(), opts.into()));
    }
    v
}

#[wasm_bindgen_test]
async fn hostile_callers_get_validation_errors_and_send_nothing() {
    let t = new_tag();
    let omise = emulator_client(&t);
    let d = omise.disputes();
    let docs = omise.documents();
    let tx = omise.transactions();
    let good = "dspt_test_5089off452g5m5te7xs";
    let mut calls: Vec<(String, Promise)> = Vec::new();

    for id in bad_ids("dspt_") {
        calls.push(("disputes.retrieve".into(), d.retrieve(id.clone(), None)));
        calls.push((
            "disputes.update".into(),
            d.update(
                id.clone(),
                js_object(&[("message", "m".into())]).into(),
                None,
            ),
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
        first(d.iterate(arg_object(&[("status", "won".into())]), None)),
    ));
    calls.push((
        "disputes.iterate".into(),
        first(d.iterate(arg_object(&[("status", 1.into())]), None)),
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
    // Handlers go on every promise at once: a rejection nobody handles would end Node.
    let all: Array = calls.iter().map(|(_, p)| JsValue::from(p)).collect();
    let settled: Array = wait(Promise::all_settled(&all))
        .await
        .unwrap()
        .unchecked_into();
    for (i, ((method, _), result)) in calls.iter().zip(settled.iter()).enumerate() {
        let e = match string_of(&result, "status").as_str() {
            "rejected" => property(&result, "reason"),
            _ => panic!("{method} (input #{i}) accepted a bad input"),
        };
        assert_eq!(
            string_of(&e, "name"),
            "OmiseValidationError",
            "{method} (input #{i}): {}",
            string_of(&e, "message")
        );
        let code = string_of(&e, "code");
        assert!(
            !code.is_empty() && !string_of(&e, "param").is_empty(),
            "{method}: {code}"
        );
        messages.push(string_of(&e, "message"));
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
    let next: js_sys::Function = property(&iter, "next").dyn_into().unwrap();
    next.call0(&iter).unwrap().dyn_into().unwrap()
}

#[wasm_bindgen_test]
fn the_constructor_refuses_headers_and_base_urls_that_would_break_or_leak() {
    let t = new_tag();
    let mut bad: Vec<(&str, JsValue)> = Vec::new();
    for (name, value) in [
        ("x-proxy-token", "a\r\nx-injected: 1"),
        ("x-proxy-token", "a\nb"),
        ("x-proxy-token", "a\u{0}b"),
        ("x-proxy-token", "caf\u{e9}\u{2603}"),
        ("x-proxy-token", "\u{1F600}"),
        ("x-proxy-token", "\u{85}"),
        ("Transfer-Encoding", "chunked"),
        ("Expect", "100-continue"),
        ("Upgrade", "websocket"),
        ("Connection", "close"),
        ("Keep-Alive", "timeout=5"),
        ("TE", "trailers"),
        ("Trailer", "x"),
        ("Proxy-Authorization", "Basic eA=="),
        ("Host", "evil.example"),
        ("Content-Length", "0"),
        ("Authorization", "Basic eA=="),
        ("bad name", "x"),
    ] {
        bad.push(("headers", js_object(&[(name, value.into())]).into()));
    }
    for url in [
        "//evil.example",
        "/\\evil.example",
        "\\\\evil.example",
        "javascript:alert(1)",
        "https://user:pw@api.omise.co",
        "https://evil.example\\@api.omise.co",
        "http://api.omise.co",
        "http://10.0.0.1:8080",
    ] {
        bad.push(("baseUrl", url.into()));
    }
    for (key, value) in &bad {
        let e = emulator_client_with(&t, &[(key, value.clone())]).unwrap_err();
        assert_error(&e, "OmiseValidationError", None);
        let code = string_of(&e, "code");
        assert!(
            code == "invalid_headers" || code == "invalid_base_url",
            "{key}: {value:?}: {code}"
        );
    }
    report(&format!(
        "hostile callers: {} constructor options refused (headers, baseUrl)",
        bad.len()
    ));
}

/// A PDF as a subclass of Blob (or File) whose every getter and method throws or lies.
const HOSTILE_PDF: &str = "new (class extends Blob {
    get size() { throw new Error('size'); }
    get type() { throw new Error('type'); }
    slice() { return 'not a blob'; }
    arrayBuffer() { return new Promise(() => {}); }
    stream() { throw new Error('stream'); }
    text() { throw new Error('text'); }
})(['%PDF-1.4\\n%hostile but real\\n'])";

#[wasm_bindgen_test]
async fn odd_objects_that_are_real_work_like_the_real_thing() {
    let t = new_tag();
    let omise = emulator_client(&t);
    let open = wait(omise.disputes().list_open(
        arg_object(&[("limit", 1.into()), ("offset", 3.into())]),
        None,
    ))
    .await
    .unwrap();
    let id = string_of(&list_data(&open)[0], "id");
    let id = id.as_str();
    // A Blob subclass whose size, slice and arrayBuffer throw, lie or never settle:
    // its real bytes are sent, and the call settles.
    let doc = wait(
        omise
            .documents()
            .upload(id.into(), eval_js(HOSTILE_PDF), None),
    )
    .await
    .unwrap();
    assert_eq!(string_of(&doc, "object"), "document");
    let sent_bytes = download(&string_of(&doc, "download_uri")).await;
    assert_eq!(sent_bytes, b"%PDF-1.4\n%hostile but real\n");
    // A File subclass whose name getter throws: its real name is used.
    let file = eval_js("new (class extends File { get name() { throw new Error('name'); } })(['%PDF-1.4'], 'receipt.pdf')");
    let doc = wait(omise.documents().upload(id.into(), file, None))
        .await
        .unwrap();
    assert_eq!(string_of(&doc, "filename"), "receipt.pdf");
    // A Date subclass whose methods throw: read through Date.prototype.
    let date = eval_js("new (class extends Date { getTime() { throw new Error('t'); } toISOString() { throw new Error('iso'); } valueOf() { throw new Error('v'); } })(Date.UTC(2019, 4, 29))");
    let list = wait(omise.disputes().list(arg_object(&[("from", date)]), None))
        .await
        .unwrap();
    assert_eq!(string_of(&list, "object"), "list");
    let query = requests_sent(&t)
        .await
        .iter()
        .map(|r| string_of(r, "query"))
        .find(|q| q.contains("from="))
        .unwrap_or_default();
    assert!(query.contains("from=2019-05-29T00%3A00%3A00Z"), "{query}");
    // Later calls still work.
    wait(omise.disputes().list(None, None)).await.unwrap();
}
