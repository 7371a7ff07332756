//! `iterate`: an async iterator over every page of a list, fetched lazily.
//!
//! It stops at `total` or at an empty page, whichever comes first, and also when the
//! server answers a page at another offset than asked (it ignores `offset`). It never
//! yields an id twice, never asks for more pages than the first page's `total` calls
//! for (plus one), and a page that brings no new id ends the walk with
//! `malformed_response`: a misreporting server cannot make it loop forever.

use crate::client::{promise, Client};
use crate::error::Error;
use crate::http::{Body, CallOptions, Method, Request};
use crate::list_params::ListParams;
use crate::models::shape::Expect;
use js_sys::{Array, Object, Promise, Reflect, Symbol};
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The most objects one iteration walks, whatever `total` claims.
const MAX_ITEMS: u64 = 10_000_000;
/// The API's default page size.
const DEFAULT_LIMIT: u32 = 20;

#[derive(Debug)]
struct State {
    client: Rc<Client>,
    setup: Result<(String, ListParams, CallOptions), Error>,
    /// What each page must be.
    expect: Expect,
    buffer: VecDeque<JsValue>,
    done: bool,
    /// The last `next()` still running, and how many are: calls made without waiting
    /// (`Promise.all([it.next(), it.next()])`) are served in order, one page at a time.
    tail: Option<Promise>,
    queued: u32,
    /// Every id yielded so far (a JS `Set`: the ids stay out of wasm memory).
    seen: js_sys::Set,
    /// Pages fetched, and the most the first page's `total` allows.
    pages: u64,
    max_pages: u64,
    /// The error to end with once the buffer is used up.
    failed: Option<Error>,
}

/// The iterator `iterate` returns (`for await (const x of …)`); TypeScript sees it as
/// `AsyncIterableIterator<T>`, so the class itself is left out of the declarations.
#[wasm_bindgen(skip_typescript)]
#[derive(Debug)]
pub struct Pager {
    state: Rc<RefCell<State>>,
}

impl Pager {
    /// An iterator over the pages of `setup`'s list, each checked as `expect`, as a JS
    /// object that is also async-iterable. Validation errors are kept and surface as the
    /// first `next()` rejection.
    pub(crate) fn start(
        client: Rc<Client>,
        setup: Result<(String, ListParams), Error>,
        opts: Result<CallOptions, Error>,
        expect: Expect,
    ) -> JsValue {
        let setup = setup.and_then(|(path, q)| Ok((path, q, opts?)));
        let pager = Pager {
            state: Rc::new(RefCell::new(State {
                client,
                setup,
                expect,
                buffer: VecDeque::new(),
                done: false,
                tail: None,
                queued: 0,
                seen: js_sys::Set::new(&JsValue::UNDEFINED),
                pages: 0,
                max_pages: u64::MAX,
                failed: None,
            })),
        };
        let js = JsValue::from(pager);
        // Object.prototype.valueOf returns `this`: exactly what [Symbol.asyncIterator]
        // must do, without a closure or eval.
        if let Ok(value_of) =
            Reflect::get(&Object::get_prototype_of(&Object::new()), &"valueOf".into())
        {
            let _ = Reflect::set(&js, &Symbol::async_iterator(), &value_of);
        }
        js
    }
}

/// A list that repeats its objects or runs past its first page's total.
fn endless() -> Error {
    Error::malformed(
        Some(200),
        "the server's list does not end where its total says",
    )
}

/// A settled step `{ value, done }` (a promise of it: `next()` answers with promises).
fn step(value: JsValue, done: bool) -> Promise {
    crate::platform::iterator_step(&value, done)
}

#[wasm_bindgen]
impl Pager {
    /// The next object, fetching the next page when this one is used up.
    #[wasm_bindgen(unchecked_return_type = "Promise<IteratorResult<any>>")]
    pub fn next(&self) -> Promise {
        let Ok(mut s) = self.state.try_borrow_mut() else {
            return Promise::reject(&Error::Abort.into());
        };
        // An object already fetched is handed over at once, without a task per item.
        if s.queued == 0 {
            if let Some(v) = s.buffer.pop_front() {
                return step(v, false);
            }
        }
        let before = s.tail.take();
        s.queued += 1;
        drop(s);
        let state = self.state.clone();
        let p = promise(async move {
            if let Some(before) = before {
                let _ = JsFuture::from(before).await;
            }
            let item = next_item(&state).await;
            if let Ok(mut s) = state.try_borrow_mut() {
                s.queued = s.queued.saturating_sub(1);
            }
            item
        });
        if let Ok(mut s) = self.state.try_borrow_mut() {
            s.tail = Some(p.clone());
        }
        p
    }

    /// Ends the iteration early (`break` in `for await`).
    #[wasm_bindgen(
        js_name = "return",
        unchecked_return_type = "Promise<IteratorResult<any>>"
    )]
    pub fn finish(&self) -> Promise {
        let mut s = self.state.borrow_mut();
        s.done = true;
        s.failed = None;
        s.buffer.clear();
        step(JsValue::UNDEFINED, true)
    }
}

async fn next_item(state: &Rc<RefCell<State>>) -> Result<JsValue, Error> {
    loop {
        let (client, req, opts, expect, asked, limit) = {
            let mut s = state.borrow_mut();
            if let Some(v) = s.buffer.pop_front() {
                return Ok(step(v, false).into());
            }
            if s.done {
                return match s.failed.take() {
                    Some(e) => Err(e),
                    None => Ok(step(JsValue::UNDEFINED, true).into()),
                };
            }
            let (path, query, opts) = match &s.setup {
                Ok(x) => x.clone(),
                Err(e) => {
                    let e = e.clone();
                    s.done = true;
                    return Err(e);
                }
            };
            let req = Request {
                method: Method::Get,
                path,
                query: query.to_query(),
                body: Body::Empty,
                progress: None,
            };
            let asked = query.offset.unwrap_or(0);
            let limit = query.limit.unwrap_or(DEFAULT_LIMIT);
            (s.client.clone(), req, opts, s.expect, asked, limit)
        };
        let page = client.run(&req, &opts, expect).await;
        let mut s = state.borrow_mut();
        let page = match page {
            Ok(p) => p,
            Err(e) => {
                s.done = true;
                return Err(e);
            }
        };
        let num = |k: &str| Reflect::get(&page, &k.into()).ok().and_then(|v| v.as_f64());
        let data: Array = Reflect::get(&page, &"data".into())
            .ok()
            .and_then(|d| d.dyn_into().ok())
            .unwrap_or_default();
        let n = u64::from(data.length());
        // A page at another offset than asked means the server ignores `offset`: its
        // objects were seen already, so they are dropped and the iteration ends.
        let moved = num("offset").is_none_or(|o| o as u64 == asked);
        let total = num("total");
        s.pages += 1;
        if let (1, Some(t)) = (s.pages, total) {
            // The first page's total says how many pages there can be, plus one.
            let t = t.clamp(0.0, MAX_ITEMS as f64) as u64;
            s.max_pages = t.div_ceil(u64::from(limit.max(1))) + 1;
        }
        let mut fresh = 0;
        if moved {
            for item in crate::platform::fresh_items(&data, &s.seen).iter() {
                s.buffer.push_back(item);
                fresh += 1;
            }
        }
        let next = asked + n;
        let end = n == 0
            || !moved
            || next >= MAX_ITEMS
            || total.map_or(n < u64::from(limit), |t| next as f64 >= t);
        if moved && n > 0 && fresh == 0 {
            s.done = true;
            return Err(endless());
        }
        if end {
            s.done = true;
        } else if s.pages >= s.max_pages {
            s.done = true;
            // Hand over what came, then end with the error.
            s.failed = Some(endless());
        } else if let Ok((_, q, _)) = &mut s.setup {
            q.offset = Some(next);
        }
    }
}
