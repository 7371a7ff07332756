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
pub mod retry;

pub use client::Omise;

// Talc is a drop-in for the default dlmalloc that is smaller (a few KB of the wasm)
// and faster; the load test checks that memory returns to its level after 10,000 calls.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
pub use error::Error;

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_INPUTS: &'static str = r#"
/** Options of `new Omise(...)`. */
export interface OmiseOptions {
  /** 'skey_...': sent as the HTTP Basic user name; never logged or shown. */
  secretKey?: string;
  /** Default 'https://api.omise.co'; in a browser usually your own proxy path such as '/omise'. */
  baseUrl?: string;
  /** Default '2019-05-29', sent as the Omise-Version header. */
  apiVersion?: string;
  /** Per-attempt time limit in ms; default 60000. */
  timeoutMs?: number;
  /** Retries of GET requests; default 2. */
  maxRetries?: number;
  /** Extra headers, e.g. a proxy's own auth. */
  headers?: Record<string, string>;
  /** Appended to the library's own User-Agent where one can be set (not in browsers). */
  userAgent?: string;
  /** Allow an skey_ key in a browser (default false). */
  dangerouslyAllowSecretKeyInBrowser?: boolean;
}

/** The last argument of every method. */
export interface RequestOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  maxRetries?: number;
}

/** Paging and filtering of a list. */
export interface ListParams {
  offset?: number;
  /** 1..100, default 20. */
  limit?: number;
  from?: string | Date;
  to?: string | Date;
  order?: 'chronological' | 'reverse_chronological';
}

/** `disputes.iterate` also takes a status, which picks the endpoint. */
export interface DisputeIterateParams extends ListParams {
  status?: 'open' | 'pending' | 'closed';
}

/** The body of `disputes.update`. */
export interface UpdateDisputeParams {
  message: string;
  metadata?: Record<string, unknown>;
}

/** The evidence kinds of the Document API. */
export type DocumentKind = 'cardholder_details' | 'details_of_purchase' | 'proof_of_receipt' | 'proof_of_acceptance';

/** Upload progress. */
export interface UploadProgress {
  loaded: number;
  total: number;
}

/** Options of `documents.upload`. Uploads are never retried. */
export interface UploadOptions {
  kind?: DocumentKind;
  filename?: string;
  onProgress?: (e: UploadProgress) => void;
  signal?: AbortSignal;
  timeoutMs?: number;
}

/** Every `code` an OmiseValidationError can carry. */
export type OmiseValidationCode =
  | 'empty_file'
  | 'file_too_large'
  | 'invalid_api_version'
  | 'invalid_base_url'
  | 'invalid_date'
  | 'invalid_date_range'
  | 'invalid_file'
  | 'invalid_filename'
  | 'invalid_headers'
  | 'invalid_id'
  | 'invalid_kind'
  | 'invalid_limit'
  | 'invalid_max_retries'
  | 'invalid_message'
  | 'invalid_metadata'
  | 'invalid_offset'
  | 'invalid_on_progress'
  | 'invalid_option'
  | 'invalid_options'
  | 'invalid_order'
  | 'invalid_param'
  | 'invalid_params'
  | 'invalid_secret_key'
  | 'invalid_signal'
  | 'invalid_status'
  | 'invalid_timeout'
  | 'invalid_user_agent'
  | 'missing_message'
  | 'secret_key_in_browser'
  | 'unknown_option'
  | 'unknown_param'
  | 'unreadable_file'
  | 'unsupported_file_type';

/** Bad input, caught before any request was sent. */
export interface OmiseValidationError extends Error {
  name: 'OmiseValidationError';
  code: OmiseValidationCode;
  param: string;
}

/** The server answered with an error object or a non-2xx status. */
export interface OmiseApiError extends Error {
  name: 'OmiseApiError';
  status: number;
  code: string;
  location: string | null;
  attempts: number;
}

/** No usable answer: connection failure, CORS, or a body that is not the JSON expected. */
export interface OmiseNetworkError extends Error {
  name: 'OmiseNetworkError';
  code: 'network' | 'malformed_response' | 'unexpected_redirect' | 'response_too_large';
  status?: number;
  attempts: number;
}

/** An attempt ran past timeoutMs (after any retries). */
export interface OmiseTimeoutError extends Error {
  name: 'OmiseTimeoutError';
  timeoutMs: number;
  attempts: number;
}

/** Any rejection of this library. */
export type OmiseError = OmiseValidationError | OmiseApiError | OmiseNetworkError | OmiseTimeoutError | (Error & { name: 'AbortError' });
"#;

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
