// TypeScript declarations of what omise-wasm takes and throws, appended by wasm-bindgen
// to the generated .d.ts of every entry (lib.rs includes this file). The models it
// gives back (Dispute, DisputeDocument, DeletedDocument, Transaction, List<T>) are
// generated from src/models/ next to it. Every optional input also accepts `undefined`
// (exactOptionalPropertyTypes).

/** Options of `new Omise(...)`. */
export interface OmiseOptions {
  /** 'skey_...': sent as the HTTP Basic user name; never logged or shown. */
  secretKey?: string | undefined;
  /** Default 'https://api.omise.co'; in a browser usually your own proxy path such as '/omise'. */
  baseUrl?: string | undefined;
  /** Default '2019-05-29', sent as the Omise-Version header. */
  apiVersion?: string | undefined;
  /** Per-attempt time limit in ms; default 60000. */
  timeoutMs?: number | undefined;
  /** Retries of GET requests; default 2. */
  maxRetries?: number | undefined;
  /** Extra headers, e.g. a proxy's own auth. */
  headers?: Record<string, string> | undefined;
  /** Appended to the library's own User-Agent where one can be set (not in browsers). */
  userAgent?: string | undefined;
  /** Allow an skey_ key in a browser (default false). */
  dangerouslyAllowSecretKeyInBrowser?: boolean | undefined;
}

/** The last argument of every method. */
export interface RequestOptions {
  signal?: AbortSignal | undefined;
  timeoutMs?: number | undefined;
  maxRetries?: number | undefined;
}

/** Paging and filtering of a list. */
export interface ListParams {
  offset?: number | undefined;
  /** 1..100, default 20. */
  limit?: number | undefined;
  from?: string | Date | undefined;
  to?: string | Date | undefined;
  order?: ListOrder | undefined;
}

/** `disputes.iterate` also takes a status, which picks the endpoint. */
export interface DisputeIterateParams extends ListParams {
  status?: 'open' | 'pending' | 'closed' | undefined;
}

/** The body of `disputes.update`. */
export interface UpdateDisputeParams {
  message: string;
  metadata?: Record<string, unknown> | undefined;
}

/** Upload progress. */
export interface UploadProgress {
  loaded: number;
  total: number;
}

/** Options of `documents.upload`. Uploads are never retried. */
export interface UploadOptions {
  kind?: DocumentKind | undefined;
  filename?: string | undefined;
  onProgress?: ((e: UploadProgress) => void) | undefined;
  signal?: AbortSignal | undefined;
  timeoutMs?: number | undefined;
}

/**
 * The reason codes a dispute is known to carry (omise-java's `DisputeReasonCode`);
 * `Dispute.reason_code` may also hold codes added since.
 */
export type DisputeReasonCode =
  | 'cancelled_recurring_transaction'
  | 'credit_not_processed'
  | 'duplicate_processing'
  | 'expired_card'
  | 'goods_or_services_not_provided'
  | 'incorrect_currency'
  | 'incorrect_transaction_amount'
  | 'late_presentment'
  | 'non_matching_account_number'
  | 'not_as_described_or_defective_merchandise'
  | 'not_available'
  | 'not_recorded'
  | 'other'
  | 'paid_by_other_means'
  | 'transaction_not_recognised'
  | 'unauthorized_charge';

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

/** Every `code` an OmiseNetworkError can carry. */
export type OmiseNetworkCode = 'network' | 'malformed_response' | 'unexpected_redirect' | 'response_too_large';

/**
 * The base class of every error this library rejects with (a caller's abort aside:
 * that is the platform's `AbortError`). `JSON.stringify` shows name, message and fields;
 * no form of any error holds the secret key.
 */
export class OmiseError extends Error {
  name: 'OmiseValidationError' | 'OmiseApiError' | 'OmiseNetworkError' | 'OmiseTimeoutError' | 'OmiseError';
  /** Name, message and the error's fields, for `JSON.stringify`. */
  toJSON(): { name: string; message: string; [field: string]: unknown };
}

/** Bad input, caught before any request was sent. */
export class OmiseValidationError extends OmiseError {
  name: 'OmiseValidationError';
  code: OmiseValidationCode;
  /** The offending argument or option, as the caller named it. */
  param: string;
}

/** The server answered with an error object or a non-2xx status. */
export class OmiseApiError extends OmiseError {
  name: 'OmiseApiError';
  /** The HTTP status. */
  status: number;
  /** The Omise error code, e.g. 'not_found' or 'authentication_failure'. */
  code: string;
  /** The link to the error's documentation the server sent, if any. */
  location: string | null;
  attempts: number;
}

/** No usable answer: connection failure, CORS, a redirect, or a body that is not the JSON expected. */
export class OmiseNetworkError extends OmiseError {
  name: 'OmiseNetworkError';
  code: OmiseNetworkCode;
  /** The HTTP status, where one was received. */
  status?: number;
  /** The platform's own error (e.g. fetch's TypeError), where there is one. */
  cause?: unknown;
  attempts: number;
}

/** An attempt ran past timeoutMs (after any retries). */
export class OmiseTimeoutError extends OmiseError {
  name: 'OmiseTimeoutError';
  timeoutMs: number;
  attempts: number;
}
