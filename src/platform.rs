//! Bindings to the platform's globals, bound through `globalThis` rather than
//! `window` so that the same module runs in browsers, workers and Node >= 20.
//! Every binding that can throw is marked `catch`: an exception must become an
//! [`crate::error::Error`], never unwind through wasm.

use js_sys::{Function, Promise};
use wasm_bindgen::prelude::*;
use web_sys::AbortSignal;

#[wasm_bindgen(module = "/src/js/bindings.js")]
extern "C" {
    /// The global `fetch`, or the transport a runtime's entry installed (Node: node:http).
    #[wasm_bindgen(js_name = omiseFetch, catch)]
    pub fn fetch(url: &str, init: &js_sys::Object) -> Result<Promise, JsValue>;
}

#[wasm_bindgen]
extern "C" {
    /// The global `setTimeout`; returns a handle (a number in browsers, an object in Node).
    #[wasm_bindgen(js_name = setTimeout, catch)]
    pub fn set_timeout(handler: &Function, ms: i32) -> Result<JsValue, JsValue>;

    /// The global `clearTimeout`.
    #[wasm_bindgen(js_name = clearTimeout)]
    pub fn clear_timeout(handle: &JsValue);

    /// `JSON.parse` on a JS string, without copying it into wasm memory.
    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    pub fn json_parse(text: &JsValue) -> Result<JsValue, JsValue>;

    /// `JSON.stringify`, which throws on circular or BigInt values.
    #[wasm_bindgen(js_namespace = JSON, js_name = stringify, catch)]
    pub fn json_stringify(value: &JsValue) -> Result<JsValue, JsValue>;

    /// `AbortSignal.timeout(ms)`.
    #[wasm_bindgen(js_namespace = AbortSignal, js_name = timeout, catch)]
    pub fn abort_signal_timeout(ms: u32) -> Result<AbortSignal, JsValue>;

    /// `AbortSignal.any(signals)`.
    #[wasm_bindgen(js_namespace = AbortSignal, js_name = any, catch)]
    pub fn abort_signal_any(signals: &js_sys::Array) -> Result<AbortSignal, JsValue>;
}

#[wasm_bindgen(module = "/src/js/bindings.js")]
extern "C" {
    /// The own keys of a plain object (prototype `Object.prototype` or `null`: not an
    /// array, function, Date or class instance), or `None`. A caller's Proxy whose traps
    /// throw, or a revoked one, gives `None` instead of an exception through wasm.
    #[wasm_bindgen(js_name = omisePlainKeys)]
    pub fn plain_keys(o: &JsValue) -> Option<js_sys::Array>;

    /// Whether this code runs in a real browser: a page (`document`) or a web worker
    /// (`WorkerGlobalScope`). Server runtimes are not browsers, also where they define
    /// those globals: Node and everything that runs in it (a jsdom or happy-dom test
    /// environment included: the key stays in that process), Deno, Bun, Cloudflare
    /// Workers (`navigator.userAgent` is `Cloudflare-Workers`) and edge runtimes
    /// (`EdgeRuntime`). A global that throws when read counts as "not a browser".
    #[wasm_bindgen(js_name = omiseIsBrowser)]
    pub fn is_browser() -> bool;

    /// `Promise.resolve({ value, done })`, an iterator's step, in one crossing (a step
    /// per item made in wasm took five).
    #[wasm_bindgen(js_name = omiseStep)]
    pub fn iterator_step(value: &JsValue, done: bool) -> js_sys::Promise;

    /// The objects of `data` whose `id` is not in `seen`, in order; adds their ids to
    /// `seen`. One crossing per page instead of several per object. The page was
    /// checked already: `data` is an array of objects with a string `id`.
    #[wasm_bindgen(js_name = omiseFresh)]
    pub fn fresh_items(data: &js_sys::Array, seen: &js_sys::Set) -> js_sys::Array;
}

/// Whether a global constructor such as `XMLHttpRequest` exists.
pub fn has_global(name: &str) -> bool {
    js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str(name))
        .map(|v| v.is_function())
        .unwrap_or(false)
}
