//! # omise-wasm
//!
//! A typed client for the [Omise](https://www.omise.co) API's **disputes**, **dispute
//! evidence documents** and **transactions**, compiled to WebAssembly so that the same
//! module runs in browsers and in Node >= 20 through the platform's `fetch`.
//!
//! ```js
//! import { Omise } from 'omise-wasm';
//! const omise = new Omise({ secretKey: process.env.OMISE_SECRET_KEY });
//! for await (const d of omise.disputes.iterate({ status: 'open', limit: 100 })) {
//!   console.log(d.id, d.amount, d.currency, d.reason_code);
//! }
//! await omise.documents.upload('dspt_test_…', file, { kind: 'proof_of_receipt' });
//! ```
//!
//! Layout, from the floor up (no module imports one above it): [`error`], [`dates`],
//! [`params`], [`config`] and [`retry`] (pure rules); `platform` and `js_input` (the
//! platform's globals, the caller's arguments); [`models`] (typed views of the JSON and
//! their shape tables); `http` (fetch, timeouts, retries) and [`decode`] (the response
//! check); `list_params` and `client` (the call core); `pagination`; `resources`
//! (disputes, documents, transactions); `omise` (the `Omise` class).
#![deny(missing_docs, missing_debug_implementations)]

mod client;
pub mod config;
pub mod dates;
pub mod decode;
pub mod error;
mod http;
mod js_input;
mod list_params;
pub mod models;
mod omise;
mod pagination;
pub mod params;
mod platform;
mod resources;
pub mod retry;

pub use js_input::{
    DisputeIterateParamsArg, ListParamsArg, OmiseOptionsArg, RequestOptionsArg, UploadOptionsArg,
};
pub use omise::Omise;

// Talc is a drop-in for the default dlmalloc that is smaller (a few KB of the wasm)
// and faster; the load test checks that memory returns to its level after 10,000 calls.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
pub use error::Error;

use wasm_bindgen::prelude::*;

// What the package's .d.ts says about inputs and errors, kept in a real TypeScript file.
#[wasm_bindgen(typescript_custom_section)]
const TS_DECLARATIONS: &'static str = include_str!("declarations.d.ts");
