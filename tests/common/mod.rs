//! Shared helpers of the wasm test suites: they run unchanged under Node
//! (`wasm-pack test --node`) and in headless Chrome (`--features browser-tests`),
//! against the emulator whose URL the test command passes as OMISE_EMULATOR_URL.
#![allow(dead_code)]

use js_sys::{Array, Object, Promise, Reflect};
use omise_wasm::Omise;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The emulator's base URL.
pub const EMU: &str = match option_env!("OMISE_EMULATOR_URL") {
    Some(u) => u,
    None => "http://127.0.0.1:12111",
};
/// The emulator's secret key.
pub const KEY: &str = "skey_test_emulator";

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = fetch)]
    fn global_fetch(url: &str, init: &JsValue) -> Promise;
    #[wasm_bindgen(js_name = setTimeout)]
    fn set_timeout(f: &js_sys::Function, ms: i32) -> JsValue;
}

/// Builds a JS object from pairs.
pub fn js_object(pairs: &[(&str, JsValue)]) -> Object {
    let o = Object::new();
    for (k, v) in pairs {
        Reflect::set(&o, &JsValue::from_str(k), v).unwrap();
    }
    o
}

/// A fresh tag to find this test's requests in the emulator's log.
pub fn new_tag() -> String {
    format!("t{}", (js_sys::Math::random() * 1e15) as u64)
}

/// Client options pointing at the emulator, tagged.
pub fn options(tag: &str) -> Object {
    js_object(&[
        ("secretKey", KEY.into()),
        ("baseUrl", EMU.into()),
        ("dangerouslyAllowSecretKeyInBrowser", true.into()),
        ("maxRetries", 0.into()),
        ("headers", js_object(&[("x-test-id", tag.into())]).into()),
    ])
}

/// A client for the emulator whose requests carry `x-test-id: tag`.
pub fn emulator_client(tag: &str) -> Omise {
    Omise::new(Some(options(tag).unchecked_into())).unwrap()
}

/// A client built from options with some fields changed.
pub fn emulator_client_with(tag: &str, extra: &[(&str, JsValue)]) -> Result<Omise, JsValue> {
    let o = options(tag);
    for (k, v) in extra {
        Reflect::set(&o, &JsValue::from_str(k), v).unwrap();
    }
    Omise::new(Some(o.unchecked_into()))
}

/// Awaits a promise.
pub async fn wait(p: Promise) -> Result<JsValue, JsValue> {
    JsFuture::from(p).await
}

/// Reads a property.
pub fn property(v: &JsValue, k: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(k)).unwrap_or(JsValue::UNDEFINED)
}

/// Reads a string property.
pub fn string_of(v: &JsValue, k: &str) -> String {
    property(v, k).as_string().unwrap_or_default()
}

/// Reads a number property.
pub fn number_of(v: &JsValue, k: &str) -> f64 {
    property(v, k).as_f64().unwrap_or(f64::NAN)
}

/// `data` of a list as a Vec.
pub fn list_data(list: &JsValue) -> Vec<JsValue> {
    property(list, "data")
        .dyn_into::<Array>()
        .unwrap()
        .iter()
        .collect()
}

/// Asserts an error's `name` and `code` (when given).
pub fn assert_error(e: &JsValue, name: &str, code: Option<&str>) {
    assert!(e.is_instance_of::<js_sys::Error>(), "not an Error: {e:?}");
    assert_eq!(
        string_of(e, "name"),
        name,
        "{e:?} message={}",
        string_of(e, "message")
    );
    if let Some(c) = code {
        assert_eq!(
            string_of(e, "code"),
            c,
            "message: {}",
            string_of(e, "message")
        );
    }
}

/// GETs a control-API or download URL (no auth) and parses JSON.
pub async fn get_json(url: &str) -> JsValue {
    let r: web_sys::Response = wait(global_fetch(url, &JsValue::UNDEFINED))
        .await
        .unwrap()
        .unchecked_into();
    wait(r.json().unwrap()).await.unwrap()
}

/// POSTs JSON to the control API.
pub async fn post_json(path: &str, body: &JsValue) -> JsValue {
    let init = js_object(&[
        ("method", "POST".into()),
        (
            "headers",
            js_object(&[("content-type", "application/json".into())]).into(),
        ),
        ("body", js_sys::JSON::stringify(body).unwrap().into()),
    ]);
    let r: web_sys::Response = wait(global_fetch(&format!("{EMU}{path}"), &init))
        .await
        .unwrap()
        .unchecked_into();
    wait(r.json().unwrap()).await.unwrap()
}

/// Queues a fault in the emulator.
pub async fn queue_fault(spec: Object) {
    post_json("/__emulator/faults", &spec).await;
}

/// Awaits each call of `cases` and checks that it rejected with an `OmiseValidationError`
/// of its code, naming its param.
pub async fn assert_each_refused(cases: Vec<(Promise, &str, &str)>) {
    for (p, code, param) in cases {
        let e = wait(p).await.unwrap_err();
        assert_error(&e, "OmiseValidationError", Some(code));
        assert_eq!(string_of(&e, "param"), param, "the param of {code}");
    }
}

/// The requests the emulator received carrying `x-test-id: tag`.
pub async fn requests(tag: &str) -> Vec<JsValue> {
    let v = get_json(&format!("{EMU}/__emulator/requests?header=x-test-id:{tag}")).await;
    v.dyn_into::<Array>().unwrap().iter().collect()
}

/// The bytes at a URL.
pub async fn download(url: &str) -> Vec<u8> {
    let r: web_sys::Response = wait(global_fetch(url, &JsValue::UNDEFINED))
        .await
        .unwrap()
        .unchecked_into();
    assert!(r.ok(), "GET {url}: {}", r.status());
    let buf = wait(r.array_buffer().unwrap()).await.unwrap();
    js_sys::Uint8Array::new(&buf).to_vec()
}

/// A bare fetch of an API path with the key, parsed by JSON.parse.
pub async fn bare_fetch_json(path: &str) -> JsValue {
    let auth = format!(
        "Basic {}",
        omise_wasm::config::base64(format!("{KEY}:").as_bytes())
    );
    let init = js_object(&[(
        "headers",
        js_object(&[("authorization", auth.into())]).into(),
    )]);
    let r: web_sys::Response = wait(global_fetch(&format!("{EMU}{path}"), &init))
        .await
        .unwrap()
        .unchecked_into();
    wait(r.json().unwrap()).await.unwrap()
}

/// Sleeps.
pub async fn sleep(ms: i32) {
    let p = Promise::new(&mut |resolve, _| {
        set_timeout(&resolve, ms);
    });
    wait(p).await.unwrap();
}

/// The wasm linear memory in bytes.
pub fn memory_bytes() -> f64 {
    let m: js_sys::WebAssembly::Memory = wasm_bindgen::memory().unchecked_into();
    m.buffer()
        .unchecked_into::<js_sys::ArrayBuffer>()
        .byte_length() as f64
}

/// Whether these tests run in a browser.
pub fn in_browser() -> bool {
    cfg!(feature = "browser-tests")
}

/// Prints a line to the test output (console.log, shown by the runner).
pub fn report(line: &str) {
    wasm_bindgen_test::console_log!("{line}");
}

/// A JS object from pairs, as the typed argument a method takes (params, options).
pub fn arg_object<T: JsCast>(pairs: &[(&str, JsValue)]) -> Option<T> {
    Some(js_object(pairs).unchecked_into())
}

/// A fault for the requests whose path starts with `path`.
pub fn fault_spec(path: &str, pairs: &[(&str, JsValue)]) -> Object {
    let f = js_object(pairs);
    Reflect::set(&f, &"path".into(), &path.into()).unwrap();
    f
}

/// Requests of this tag other than CORS preflights.
pub async fn requests_sent(t: &str) -> Vec<JsValue> {
    requests(t)
        .await
        .into_iter()
        .filter(|r| string_of(r, "method") != "OPTIONS")
        .collect()
}

/// Evaluates a JS expression (test fixtures: classes, hostile objects).
pub fn eval_js(expr: &str) -> JsValue {
    js_sys::Function::new_no_args(&format!("return ({expr});"))
        .call0(&JsValue::UNDEFINED)
        .unwrap()
}

/// A `Blob` holding `bytes`.
pub fn blob_of(bytes: &[u8]) -> web_sys::Blob {
    web_sys::Blob::new_with_u8_array_sequence(&Array::of1(&js_sys::Uint8Array::from(bytes)))
        .unwrap()
}

/// The id of an open dispute: the `skip`-th of the latest 100 (wrapping), so that
/// tests that change disputes can each take another.
pub async fn open_dispute_id(omise: &Omise, skip: usize) -> String {
    let p = js_object(&[
        ("limit", 100.into()),
        ("order", "reverse_chronological".into()),
    ]);
    let list = wait(omise.disputes().list_open(Some(p.unchecked_into()), None))
        .await
        .unwrap();
    let items = list_data(&list);
    string_of(&items[skip % items.len()], "id")
}
