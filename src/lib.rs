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
//! Layout: [`client`] (configuration, the one `call`), [`http`] (fetch, timeouts,
//! retries), [`resources`] (disputes, documents, transactions), [`pagination`],
//! [`models`] (typed views of the JSON), [`params`] (input rules), [`error`].
#![deny(missing_docs, missing_debug_implementations)]

pub mod client;
pub mod config;
pub mod dates;
pub mod decode;
pub mod error;
pub mod http;
pub mod js_input;
pub mod models;
pub mod pagination;
pub mod params;
pub mod platform;
pub mod resources;

pub use client::Omise;

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

#[wasm_bindgen]
extern "C" {
    /// `OmiseOptions` as TypeScript sees it; read field by field in Rust.
    #[wasm_bindgen(typescript_type = "OmiseOptions")]
    #[derive(Debug)]
    pub type OmiseOptionsArg;
    /// `ListParams` as TypeScript sees it.
    #[wasm_bindgen(typescript_type = "ListParams")]
    #[derive(Debug)]
    pub type ListParamsArg;
    /// `DisputeIterateParams` as TypeScript sees it.
    #[wasm_bindgen(typescript_type = "DisputeIterateParams")]
    #[derive(Debug)]
    pub type DisputeIterateParamsArg;
    /// `RequestOptions` as TypeScript sees it.
    #[wasm_bindgen(typescript_type = "RequestOptions")]
    #[derive(Debug)]
    pub type RequestOptionsArg;
    /// `UploadOptions` as TypeScript sees it.
    #[wasm_bindgen(typescript_type = "UploadOptions")]
    #[derive(Debug)]
    pub type UploadOptionsArg;
}
