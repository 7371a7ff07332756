//! The `Omise` class: configuration from JavaScript, and the one `call` that every
//! resource method goes through (send, then check the answer against its model).

use crate::config::{self, Config, SecretKey};
use crate::error::Error;
use crate::http::{self, CallOptions, Request};
use crate::js_input::Fields;
use crate::models::shape::Expect;
use crate::params;
use crate::platform;
use crate::resources::{Disputes, Documents, Transactions};
use js_sys::{Object, Reflect};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::AbortSignal;

/// The shared core under the three resources.
#[derive(Debug)]
pub struct Client {
    config: Config,
}

impl Client {
    /// Sends `req` and checks the answer against what the call expects.
    pub async fn call(
        &self,
        req: Request,
        opts: CallOptions,
        check: Expect,
    ) -> Result<JsValue, Error> {
        let value = http::send(&self.config, &req, &opts).await?;
        crate::decode::check(value, check, &req.path)
    }

    /// Reads a per-call `{ signal, timeoutMs, maxRetries }` (uploads take no `maxRetries`).
    pub fn call_options(&self, fields: &Fields) -> Result<CallOptions, Error> {
        let signal = match fields.get("signal")? {
            None => None,
            Some(s) if s.is_instance_of::<AbortSignal>() => Some(s.unchecked_into()),
            Some(_) => {
                return Err(Error::validation(
                    "invalid_signal",
                    "signal",
                    "signal must be an AbortSignal",
                ))
            }
        };
        let timeout_ms = match fields.number("timeoutMs", "invalid_timeout")? {
            Some(v) => params::check_timeout(v)?,
            None => self.config.timeout_ms,
        };
        let max_retries = match fields.number("maxRetries", "invalid_max_retries")? {
            Some(v) => params::check_max_retries(v)?,
            None => self.config.max_retries,
        };
        Ok(CallOptions {
            signal,
            timeout_ms,
            max_retries,
        })
    }

    /// Reads the usual last argument of a method.
    pub fn options(&self, value: &JsValue) -> Result<CallOptions, Error> {
        let fields = Fields::read(
            value,
            "options",
            &["signal", "timeoutMs", "maxRetries"],
            "invalid_options",
            "unknown_option",
        )?;
        self.call_options(&fields)
    }
}

const CLIENT_OPTIONS: [&str; 8] = [
    "secretKey",
    "baseUrl",
    "apiVersion",
    "timeoutMs",
    "maxRetries",
    "headers",
    "userAgent",
    "dangerouslyAllowSecretKeyInBrowser",
];

fn read_config(options: &JsValue) -> Result<Config, Error> {
    let f = Fields::read(
        options,
        "options",
        &CLIENT_OPTIONS,
        "invalid_options",
        "unknown_option",
    )?;
    let in_browser = platform::is_browser();
    let allow = match f.get("dangerouslyAllowSecretKeyInBrowser")? {
        None => false,
        Some(v) => v.as_bool().ok_or_else(|| {
            Error::validation(
                "invalid_option",
                "dangerouslyAllowSecretKeyInBrowser",
                "dangerouslyAllowSecretKeyInBrowser must be a boolean",
            )
        })?,
    };
    let secret_key = match f.string("secretKey", "invalid_secret_key")? {
        None => None,
        Some(k) => {
            if in_browser && k.starts_with("skey_") && !allow {
                return Err(Error::validation(
                    "secret_key_in_browser",
                    "secretKey",
                    "a secret key must not be used in a browser, where anyone can read it; \
                     send requests through your own server (baseUrl: '/omise') or set \
                     dangerouslyAllowSecretKeyInBrowser: true",
                ));
            }
            Some(SecretKey::new(&k)?)
        }
    };
    let base_url = match f.string("baseUrl", "invalid_base_url")? {
        Some(u) => config::check_base_url(&u, in_browser)?,
        None => config::DEFAULT_BASE_URL.to_owned(),
    };
    let api_version = match f.string("apiVersion", "invalid_api_version")? {
        Some(v) => {
            config::check_api_version(&v)?;
            v
        }
        None => config::DEFAULT_API_VERSION.to_owned(),
    };
    let timeout_ms = match f.number("timeoutMs", "invalid_timeout")? {
        Some(v) => params::check_timeout(v)?,
        None => config::DEFAULT_TIMEOUT_MS,
    };
    let max_retries = match f.number("maxRetries", "invalid_max_retries")? {
        Some(v) => params::check_max_retries(v)?,
        None => config::DEFAULT_MAX_RETRIES,
    };
    let headers = match f.get("headers")? {
        None => Vec::new(),
        Some(h) => read_headers(&h, secret_key.is_some())?,
    };
    let user_agent = match f.string("userAgent", "invalid_user_agent")? {
        Some(ua) => {
            config::check_user_agent(&ua)?;
            Some(format!("{} {ua}", config::USER_AGENT))
        }
        None => Some(config::USER_AGENT.to_owned()),
    };
    Ok(Config {
        secret_key,
        base_url,
        api_version,
        timeout_ms,
        max_retries,
        headers,
        // Browsers forbid setting User-Agent.
        user_agent: user_agent.filter(|_| !in_browser),
    })
}

fn read_headers(value: &JsValue, has_key: bool) -> Result<Vec<(String, String)>, Error> {
    let invalid = || {
        Error::validation(
            "invalid_headers",
            "headers",
            "headers must be a plain object of string values",
        )
    };
    let keys = platform::plain_keys(value).ok_or_else(invalid)?;
    let mut out = Vec::new();
    for key in keys.iter() {
        let name = key.as_string();
        let val = Reflect::get(value, &key).ok().and_then(|v| v.as_string());
        let (Some(name), Some(val)) = (name, val) else {
            return Err(invalid());
        };
        config::check_header(&name, &val)?;
        let lower = name.to_ascii_lowercase();
        if has_key && lower == "authorization" {
            return Err(Error::validation(
                "invalid_headers",
                "headers",
                "headers must not set Authorization when secretKey is given",
            ));
        }
        if matches!(
            lower.as_str(),
            "omise-version" | "content-type" | "content-length" | "host"
        ) {
            return Err(Error::validation(
                "invalid_headers",
                "headers",
                "headers must not set Omise-Version, Content-Type, Content-Length or Host; use the client's options",
            ));
        }
        out.push((name, val));
    }
    Ok(out)
}

/// A client for the Omise disputes, documents and transactions APIs.
#[wasm_bindgen]
#[derive(Debug)]
pub struct Omise {
    client: Rc<Client>,
}

#[wasm_bindgen]
impl Omise {
    /// Creates a client. Throws an `OmiseValidationError` on bad options, and
    /// `secret_key_in_browser` for an `skey_` key in a browser unless allowed.
    #[wasm_bindgen(constructor)]
    pub fn new(options: Option<crate::OmiseOptionsArg>) -> Result<Omise, JsValue> {
        let options = crate::resources::arg(options);
        let config = read_config(&options)?;
        Ok(Omise {
            client: Rc::new(Client { config }),
        })
    }

    /// Disputes: list, listOpen, listPending, listClosed, retrieve, update, iterate.
    #[wasm_bindgen(getter)]
    pub fn disputes(&self) -> Disputes {
        Disputes::new(self.client.clone())
    }

    /// Dispute evidence documents: upload, list, retrieve, destroy.
    #[wasm_bindgen(getter)]
    pub fn documents(&self) -> Documents {
        Documents::new(self.client.clone())
    }

    /// Transactions: list, retrieve, iterate.
    #[wasm_bindgen(getter)]
    pub fn transactions(&self) -> Transactions {
        Transactions::new(self.client.clone())
    }

    /// A description without the secret key.
    #[wasm_bindgen(js_name = toString)]
    pub fn to_string_js(&self) -> String {
        let c = &self.client.config;
        format!(
            "Omise {{ baseUrl: '{}', apiVersion: '{}', secretKey: {} }}",
            c.base_url,
            c.api_version,
            if c.secret_key.is_some() {
                "[redacted]"
            } else {
                "none"
            }
        )
    }

    /// What `JSON.stringify(omise)` shows: no secret key.
    #[wasm_bindgen(js_name = toJSON, unchecked_return_type = "{ baseUrl: string, apiVersion: string }")]
    pub fn to_json(&self) -> JsValue {
        let o = Object::new();
        let c = &self.client.config;
        let _ = Reflect::set(&o, &"baseUrl".into(), &c.base_url.as_str().into());
        let _ = Reflect::set(&o, &"apiVersion".into(), &c.api_version.as_str().into());
        o.into()
    }
}
