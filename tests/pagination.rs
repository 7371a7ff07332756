//! `iterate` against servers that misreport: it must stop (at `total`, at an empty page,
//! or when the server ignores `offset`) instead of looping. The platform's `fetch` is
//! replaced for the duration of each test by one that serves made-up pages.

mod common;

use common::{js_object, property, string_of};
use js_sys::{Function, Promise, Reflect};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

#[cfg(feature = "browser-tests")]
wasm_bindgen_test_configure!(run_in_browser);

/// Serves `page(offset, limit)` as JSON from a fake global fetch; records the offsets asked.
struct FakeFetch {
    saved: JsValue,
    asked: Rc<RefCell<Vec<u32>>>,
}

impl FakeFetch {
    fn install(page: impl Fn(u32, u32) -> String + 'static) -> FakeFetch {
        let global = js_sys::global();
        let saved = Reflect::get(&global, &"fetch".into()).unwrap();
        let asked = Rc::new(RefCell::new(Vec::new()));
        let log = asked.clone();
        let f = Closure::<dyn FnMut(String, JsValue) -> Promise>::new(
            move |url: String, _init: JsValue| {
                let q = url
                    .split_once('?')
                    .map(|(_, q)| q.to_owned())
                    .unwrap_or_default();
                let param = |k: &str| {
                    q.split('&').find_map(|kv| {
                        kv.strip_prefix(&format!("{k}="))
                            .and_then(|v| v.parse().ok())
                    })
                };
                let (offset, limit) = (param("offset").unwrap_or(0), param("limit").unwrap_or(20));
                log.borrow_mut().push(offset);
                let body = page(offset, limit);
                let response: JsValue = web_sys::Response::new_with_opt_str(Some(&body))
                    .unwrap()
                    .into();
                Promise::resolve(&response).unchecked_into::<Promise>()
            },
        );
        Reflect::set(&global, &"fetch".into(), f.as_ref()).unwrap();
        f.forget();
        FakeFetch { saved, asked }
    }
}

impl Drop for FakeFetch {
    fn drop(&mut self) {
        Reflect::set(&js_sys::global(), &"fetch".into(), &self.saved).unwrap();
    }
}

/// A dispute with every field the types require (issue 13: the check rejects less).
fn dispute(n: u32) -> String {
    format!(
        r#"{{"object":"dispute","id":"dspt_test_{n}","livemode":false,"location":"/disputes/dspt_test_{n}","amount":100,"currency":"thb","charge":"chrg_test_{n}","status":"open","message":null,"created_at":"2019-05-29T00:00:00Z"}}"#
    )
}

/// A list page; without a `total` it is not a valid list (every recorded list has one).
fn list(items: &[String], offset: u32, total: Option<u32>) -> String {
    let total = total
        .map(|t| format!(r#","total":{t}"#))
        .unwrap_or_default();
    format!(
        r#"{{"object":"list","data":[{}],"limit":20,"offset":{offset}{total},"from":"1970-01-01T00:00:00Z","to":"2019-05-29T00:00:00Z"}}"#,
        items.join(",")
    )
}

async fn walk(limit: u32) -> Result<Vec<String>, JsValue> {
    let omise = omise_wasm::Omise::new(Some(
        js_object(&[
            ("baseUrl", "http://127.0.0.1:9".into()),
            ("maxRetries", 0.into()),
        ])
        .unchecked_into(),
    ))
    .unwrap();
    let iter = omise.disputes().iterate(
        Some(js_object(&[("limit", limit.into())]).unchecked_into()),
        None,
    );
    let next: Function = property(&iter, "next").dyn_into().unwrap();
    let mut ids = Vec::new();
    for _ in 0..10_000 {
        let p: Promise = next.call0(&iter).unwrap().dyn_into().unwrap();
        let step = JsFuture::from(p).await?;
        if property(&step, "done").is_truthy() {
            return Ok(ids);
        }
        ids.push(string_of(&property(&step, "value"), "id"));
    }
    panic!("iterate did not stop after 10,000 items");
}

#[wasm_bindgen_test]
async fn a_server_that_ignores_offset_does_not_loop() {
    // Always the first page, always claiming a million more.
    let fake = FakeFetch::install(|_, limit| {
        list(
            &(0..limit).map(dispute).collect::<Vec<_>>(),
            0,
            Some(1_000_000),
        )
    });
    let ids = walk(5).await.unwrap();
    assert_eq!(
        ids.len(),
        5,
        "the first page once; the repeated page is not yielded again"
    );
    assert_eq!(*fake.asked.borrow(), vec![0, 5]);
}

#[wasm_bindgen_test]
async fn a_total_too_high_ends_at_the_first_empty_page() {
    let fake = FakeFetch::install(|offset, limit| {
        let items: Vec<String> = (offset..(offset + limit).min(12)).map(dispute).collect();
        list(&items, offset, Some(1_000_000))
    });
    let ids = walk(5).await.unwrap();
    assert_eq!(ids.len(), 12);
    assert_eq!(
        *fake.asked.borrow(),
        vec![0, 5, 10, 12],
        "offsets advance by what came back"
    );
}

#[wasm_bindgen_test]
async fn it_stops_at_total_and_a_page_without_a_total_is_malformed() {
    let fake = FakeFetch::install(|offset, limit| {
        list(
            &(offset..offset + limit).map(dispute).collect::<Vec<_>>(),
            offset,
            Some(7),
        )
    });
    assert_eq!(
        walk(5).await.unwrap().len(),
        10,
        "stops once offset reaches total"
    );
    assert_eq!(*fake.asked.borrow(), vec![0, 5]);
    drop(fake);

    let fake = FakeFetch::install(|offset, limit| {
        let items: Vec<String> = (offset..(offset + limit).min(8)).map(dispute).collect();
        list(&items, offset, None)
    });
    let e = walk(5).await.unwrap_err();
    assert_eq!(string_of(&e, "code"), "malformed_response");
    assert_eq!(*fake.asked.borrow(), vec![0]);
}

#[wasm_bindgen_test]
async fn a_broken_page_ends_the_iteration_with_a_typed_error() {
    let _fake = FakeFetch::install(|offset, _| {
        if offset == 0 {
            list(&[dispute(1)], 0, Some(3))
        } else {
            r#"{"object":"list","data":[{"object":"dispute"}]}"#.to_owned()
        }
    });
    let e = walk(1).await.unwrap_err();
    assert_eq!(string_of(&e, "name"), "OmiseNetworkError");
    assert_eq!(string_of(&e, "code"), "malformed_response");
}

#[wasm_bindgen_test]
async fn next_called_without_waiting_still_yields_each_object_once_in_order() {
    let fake = FakeFetch::install(|offset, limit| {
        let items: Vec<String> = (offset..(offset + limit).min(10)).map(dispute).collect();
        list(&items, offset, Some(10))
    });
    let omise = omise_wasm::Omise::new(Some(
        js_object(&[("baseUrl", "http://127.0.0.1:9".into())]).unchecked_into(),
    ))
    .unwrap();
    let iter = omise.disputes().iterate(
        Some(js_object(&[("limit", 4.into())]).unchecked_into()),
        None,
    );
    let next: Function = property(&iter, "next").dyn_into().unwrap();
    let all = js_sys::Array::new();
    for _ in 0..12 {
        all.push(&next.call0(&iter).unwrap());
    }
    let steps: js_sys::Array = JsFuture::from(Promise::all(&all))
        .await
        .unwrap()
        .unchecked_into();
    let ids: Vec<String> = steps
        .iter()
        .filter(|st| !property(st, "done").is_truthy())
        .map(|st| string_of(&property(&st, "value"), "id"))
        .collect();
    let expected: Vec<String> = (0..10).map(|n| format!("dspt_test_{n}")).collect();
    assert_eq!(ids, expected);
    assert!(steps
        .iter()
        .skip(10)
        .all(|st| property(&st, "done").is_truthy()));
    assert_eq!(*fake.asked.borrow(), vec![0, 4, 8], "one request per page");
}

#[wasm_bindgen_test]
async fn the_same_page_for_every_offset_ends_with_malformed_response_after_yielding_it_once() {
    // The server echoes the offset asked but always serves the first five objects.
    let fake = FakeFetch::install(|offset, limit| {
        list(
            &(0..limit).map(dispute).collect::<Vec<_>>(),
            offset,
            Some(1_000_000),
        )
    });
    let omise = omise_wasm::Omise::new(Some(
        js_object(&[("baseUrl", "http://127.0.0.1:9".into())]).unchecked_into(),
    ))
    .unwrap();
    let iter = omise.disputes().iterate(
        Some(js_object(&[("limit", 5.into())]).unchecked_into()),
        None,
    );
    let next: Function = property(&iter, "next").dyn_into().unwrap();
    let mut ids = Vec::new();
    let e = loop {
        let p: Promise = next.call0(&iter).unwrap().dyn_into().unwrap();
        match JsFuture::from(p).await {
            Ok(step) => {
                assert!(
                    !property(&step, "done").is_truthy(),
                    "ended without an error"
                );
                ids.push(string_of(&property(&step, "value"), "id"));
            }
            Err(e) => break e,
        }
    };
    assert_eq!(ids.len(), 5, "{ids:?}");
    assert_eq!(string_of(&e, "name"), "OmiseNetworkError");
    assert_eq!(string_of(&e, "code"), "malformed_response");
    assert_eq!(*fake.asked.borrow(), vec![0, 5]);
    // Once ended, it stays ended.
    let p: Promise = next.call0(&iter).unwrap().dyn_into().unwrap();
    assert!(property(&JsFuture::from(p).await.unwrap(), "done").is_truthy());
}

#[wasm_bindgen_test]
async fn overlapping_pages_never_yield_an_id_twice() {
    // Each page starts two objects before the offset asked (a list that shifted).
    let _fake = FakeFetch::install(|offset, limit| {
        let from = offset.saturating_sub(2);
        let items: Vec<String> = (from..(offset + limit).min(20)).map(dispute).collect();
        list(&items, offset, Some(20))
    });
    let ids = walk(5).await.unwrap();
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), ids.len(), "{ids:?}");
    assert_eq!(ids.len(), 20);
}

#[wasm_bindgen_test]
async fn a_server_that_never_ends_gets_no_more_requests_than_its_first_total_calls_for() {
    // Fresh objects on every page, and a total that always claims two more pages.
    let fake = FakeFetch::install(|offset, limit| {
        let items: Vec<String> = (offset..offset + limit).map(dispute).collect();
        list(&items, offset, Some(offset + 2 * limit))
    });
    let e = walk(10).await.unwrap_err();
    assert_eq!(string_of(&e, "code"), "malformed_response");
    let asked = fake.asked.borrow().len();
    common::report(&format!(
        "iterate against a server that never ends (limit 10, first total 20): {asked} requests"
    ));
    // total 20 at limit 10 calls for two pages; one more is allowed.
    assert_eq!(asked, 3);
}
