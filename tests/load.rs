//! Load: a thousand concurrent calls, and no wasm memory growth over ten thousand more
//! (in Node only: a browser tab's connection limits make it a test of the browser).
#![cfg(not(feature = "browser-tests"))]

mod common;

use common::*;
use js_sys::{Array, Promise};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

#[wasm_bindgen_test]
async fn load_a_thousand_concurrent_calls_and_no_leak_over_ten_thousand() {
    let omise: omise_wasm::Omise = emulator_client(&new_tag());
    let batch = |size: usize| -> Promise {
        let all = Array::new();
        for _ in 0..size {
            all.push(
                &omise
                    .disputes()
                    .list(arg_object(&[("limit", 1.into())]), None),
            );
        }
        Promise::all(&all)
    };
    let results: Array = wait(batch(1000)).await.unwrap().unchecked_into();
    assert_eq!(results.length(), 1000);
    assert!(results.iter().all(|r| string_of(&r, "object") == "list"));

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
