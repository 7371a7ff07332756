//! The one error type of the library and its JavaScript form.
//!
//! Every failure, from bad input to a broken server, ends up as an [`Error`]; the
//! JavaScript caller receives it as an instance of one of the classes of
//! `src/js/errors.js` (`OmiseValidationError`, `OmiseApiError`, `OmiseNetworkError`,
//! `OmiseTimeoutError`, all subclasses of `OmiseError`), or an `Error` named
//! `AbortError` (see API.md). No variant ever carries the secret key.

use std::fmt;

/// Declares a closed set of codes from one list: the enum, `as_str`, and `ALL` in the
/// order of the TypeScript union that a native test writes from it.
macro_rules! codes {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $text:literal,)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum $name {
            $(#[doc = concat!("`", $text, "`")] $variant,)+
        }

        impl $name {
            /// Every code, in the order of its TypeScript union.
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// The code as JavaScript sees it.
            pub fn as_str(self) -> &'static str {
                // One string and a scan: smaller in wasm than a table of string slices.
                concat!($($text, " ",)+).split(' ').nth(self as usize).unwrap_or("")
            }
        }
    };
}

codes! {
    /// Why an input was refused (`OmiseValidationError.code`, the TypeScript union
    /// `OmiseValidationCode`).
    ValidationCode {
        EmptyFile = "empty_file",
        FileTooLarge = "file_too_large",
        InvalidApiVersion = "invalid_api_version",
        InvalidBaseUrl = "invalid_base_url",
        InvalidDate = "invalid_date",
        InvalidDateRange = "invalid_date_range",
        InvalidFile = "invalid_file",
        InvalidFilename = "invalid_filename",
        InvalidHeaders = "invalid_headers",
        InvalidId = "invalid_id",
        InvalidKind = "invalid_kind",
        InvalidLimit = "invalid_limit",
        InvalidMaxRetries = "invalid_max_retries",
        InvalidMessage = "invalid_message",
        InvalidMetadata = "invalid_metadata",
        InvalidOffset = "invalid_offset",
        InvalidOnProgress = "invalid_on_progress",
        InvalidOption = "invalid_option",
        InvalidOptions = "invalid_options",
        InvalidOrder = "invalid_order",
        InvalidParam = "invalid_param",
        InvalidParams = "invalid_params",
        InvalidSecretKey = "invalid_secret_key",
        InvalidSignal = "invalid_signal",
        InvalidStatus = "invalid_status",
        InvalidTimeout = "invalid_timeout",
        InvalidUserAgent = "invalid_user_agent",
        MissingMessage = "missing_message",
        SecretKeyInBrowser = "secret_key_in_browser",
        UnknownOption = "unknown_option",
        UnknownParam = "unknown_param",
        UnreadableFile = "unreadable_file",
        UnsupportedFileType = "unsupported_file_type",
    }
}

codes! {
    /// Why a request produced no usable answer (`OmiseNetworkError.code`, the TypeScript
    /// union `OmiseNetworkCode`): the connection failed (`network`: refused, reset, DNS,
    /// CORS), the body was not the JSON expected, the server redirected (never followed),
    /// or the answer was larger than the 16 MiB read at most.
    NetworkCode {
        Network = "network",
        MalformedResponse = "malformed_response",
        UnexpectedRedirect = "unexpected_redirect",
        ResponseTooLarge = "response_too_large",
    }
}

/// The platform's error behind a network error, handed to JavaScript as `cause`. It is
/// never formatted in Rust (`Debug` shows only whether there is one) and never compared.
#[derive(Clone, Default)]
pub struct Cause(pub Option<wasm_bindgen::JsValue>);

impl fmt::Debug for Cause {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(if self.0.is_some() {
            "Cause(..)"
        } else {
            "Cause(None)"
        })
    }
}

impl PartialEq for Cause {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

/// Everything that can go wrong in a call.
#[derive(Debug, Clone, PartialEq)]
pub enum Error {
    /// Bad input, caught before any request was sent.
    Validation {
        /// Machine-readable reason, e.g. `invalid_limit`.
        code: ValidationCode,
        /// The offending parameter as the caller named it, e.g. `limit`.
        param: String,
        /// A sentence for people.
        message: String,
    },
    /// The server answered with an error object or a non-2xx status.
    Api {
        /// The HTTP status.
        status: u16,
        /// The Omise error code, e.g. `not_found`.
        code: String,
        /// The documentation link the server sent, if any.
        location: Option<String>,
        /// The server's message.
        message: String,
        /// How many attempts were made.
        attempts: u32,
    },
    /// No usable answer.
    Network {
        /// What kind of failure.
        code: NetworkCode,
        /// The HTTP status, when a response was received.
        status: Option<u16>,
        /// A sentence for people.
        message: String,
        /// How many attempts were made.
        attempts: u32,
        /// The platform's own error (a `fetch` rejection), where there is one.
        cause: Cause,
    },
    /// An attempt ran past its time limit (after any retries).
    Timeout {
        /// The per-attempt limit in milliseconds.
        timeout_ms: u32,
        /// How many attempts were made.
        attempts: u32,
    },
    /// The caller's `AbortSignal` fired.
    Abort,
}

impl Error {
    /// A validation error for `param`.
    pub fn validation(code: ValidationCode, param: &str, message: impl Into<String>) -> Self {
        Error::Validation {
            code,
            param: param.to_owned(),
            message: message.into(),
        }
    }

    /// A malformed-response error.
    pub fn malformed(status: Option<u16>, message: impl Into<String>) -> Self {
        Error::Network {
            code: NetworkCode::MalformedResponse,
            status,
            message: message.into(),
            attempts: 1,
            cause: Cause::default(),
        }
    }

    /// The JavaScript `name` of this error.
    pub fn name(&self) -> &'static str {
        match self {
            Error::Validation { .. } => "OmiseValidationError",
            Error::Api { .. } => "OmiseApiError",
            Error::Network { .. } => "OmiseNetworkError",
            Error::Timeout { .. } => "OmiseTimeoutError",
            Error::Abort => "AbortError",
        }
    }

    /// The `code` field, for the variants that have one.
    pub fn code(&self) -> Option<&str> {
        match self {
            Error::Validation { code, .. } => Some(code.as_str()),
            Error::Api { code, .. } => Some(code),
            Error::Network { code, .. } => Some(code.as_str()),
            Error::Timeout { .. } | Error::Abort => None,
        }
    }

    /// Records how many attempts led to this error.
    pub fn with_attempts(mut self, n: u32) -> Self {
        match &mut self {
            Error::Api { attempts, .. }
            | Error::Network { attempts, .. }
            | Error::Timeout { attempts, .. } => *attempts = n,
            _ => {}
        }
        self
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let attempts = match self {
            Error::Validation { message, .. } => return f.write_str(message),
            Error::Abort => return f.write_str("the request was aborted"),
            Error::Api {
                message, attempts, ..
            }
            | Error::Network {
                message, attempts, ..
            } => {
                f.write_str(message)?;
                attempts
            }
            Error::Timeout {
                timeout_ms,
                attempts,
            } => {
                write!(f, "the request timed out after {timeout_ms} ms")?;
                attempts
            }
        };
        if *attempts > 1 {
            write!(f, " (after {attempts} attempts)")?;
        }
        Ok(())
    }
}

impl std::error::Error for Error {}

/// A generic API error for a non-2xx answer that carried no Omise error object.
pub fn status_error(status: u16) -> Error {
    let code = match status {
        400 => "bad_request",
        401 => "authentication_failure",
        403 => "forbidden",
        404 => "not_found",
        405 => "method_not_allowed",
        409 => "conflict",
        413 => "payload_too_large",
        422 => "unprocessable_entity",
        429 => "too_many_requests",
        500 => "internal_server_error",
        502 => "bad_gateway",
        503 => "service_unavailable",
        504 => "gateway_timeout",
        _ => "http_error",
    };
    Error::Api {
        status,
        code: code.to_owned(),
        location: None,
        message: format!(
            "the server answered HTTP {status} ({code}) without an Omise error object"
        ),
        attempts: 1,
    }
}

mod js {
    use super::Error;
    use wasm_bindgen::prelude::wasm_bindgen;
    use wasm_bindgen::JsValue;

    #[wasm_bindgen(module = "/src/js/errors.js")]
    extern "C" {
        /// An instance of the error class of `kind` (see `src/js/errors.js`): `n` is the
        /// status or the time limit, `extra` the location or the cause.
        #[wasm_bindgen(js_name = omiseError)]
        fn make(
            kind: u32,
            message: &str,
            code: &str,
            param: &str,
            n: u32,
            extra: &JsValue,
            attempts: u32,
        ) -> JsValue;
    }

    impl From<Error> for JsValue {
        fn from(err: Error) -> JsValue {
            let message = err.to_string();
            let none = JsValue::UNDEFINED;
            // One call site keeps the wasm small.
            let (kind, code, param, n, extra, attempts) = match &err {
                Error::Validation { code, param, .. } => {
                    (0, code.as_str(), param.as_str(), 0, none, 0)
                }
                Error::Api {
                    status,
                    code,
                    location,
                    attempts,
                    ..
                } => {
                    let loc = location.as_deref().map_or(JsValue::NULL, JsValue::from_str);
                    (1, code.as_str(), "", u32::from(*status), loc, *attempts)
                }
                Error::Network {
                    code,
                    status,
                    attempts,
                    cause,
                    ..
                } => {
                    let status = u32::from(status.unwrap_or(0));
                    let cause = cause.0.clone().unwrap_or(none);
                    (2, code.as_str(), "", status, cause, *attempts)
                }
                Error::Timeout {
                    timeout_ms,
                    attempts,
                } => (3, "", "", *timeout_ms, none, *attempts),
                Error::Abort => (4, "", "", 0, none, 0),
            };
            make(kind, &message, code, param, n, &extra, attempts)
        }
    }
}
