//! The `Omise` class, the package's one entry: it reads the client's options into a
//! [`Client`] and hands it to the three resources (`omise.disputes`, …).

use crate::client::Client;
use crate::config::{self, Config, SecretKey};
use crate::error::{Error, ValidationCode};
use crate::js_input::{arg, Fields, OmiseOptionsArg};
use crate::params;
use crate::platform;
use crate::resources::{Disputes, Documents, Transactions};
use js_sys::{Object, Reflect};
use std::rc::Rc;
use wasm_bindgen::prelude::*;

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
        ValidationCode::InvalidOptions,
        ValidationCode::UnknownOption,
    )?;
    let in_browser = platform::is_browser();
    let allow = match f.get("dangerouslyAllowSecretKeyInBrowser")? {
        None => false,
        Some(v) => v.as_bool().ok_or_else(|| {
            Error::validation(
                ValidationCode::InvalidOption,
                "dangerouslyAllowSecretKeyInBrowser",
                "dangerouslyAllowSecretKeyInBrowser must be a boolean",
            )
        })?,
    };
    let secret_key = match f.string("secretKey", ValidationCode::InvalidSecretKey)? {
        None => None,
        Some(k) => {
            if in_browser && k.starts_with("skey_") && !allow {
                return Err(Error::validation(
                    ValidationCode::SecretKeyInBrowser,
                    "secretKey",
                    "a secret key must not be used in a browser, where anyone can read it; \
                     send requests through your own server (baseUrl: '/omise') or set \
                     dangerouslyAllowSecretKeyInBrowser: true",
                ));
            }
            Some(SecretKey::new(&k)?)
        }
    };
    let base_url = match f.string("baseUrl", ValidationCode::InvalidBaseUrl)? {
        Some(u) => config::check_base_url(&u, in_browser)?,
        None => config::DEFAULT_BASE_URL.to_owned(),
    };
    if secret_key.is_some() {
        config::check_key_transport(&base_url)?;
    }
    let api_version = match f.string("apiVersion", ValidationCode::InvalidApiVersion)? {
        Some(v) => {
            config::check_api_version(&v)?;
            v
        }
        None => config::DEFAULT_API_VERSION.to_owned(),
    };
    let timeout_ms = match f.number("timeoutMs", ValidationCode::InvalidTimeout)? {
        Some(v) => params::check_timeout(v)?,
        None => config::DEFAULT_TIMEOUT_MS,
    };
    let max_retries = match f.number("maxRetries", ValidationCode::InvalidMaxRetries)? {
        Some(v) => params::check_max_retries(v)?,
        None => config::DEFAULT_MAX_RETRIES,
    };
    let headers = match f.get("headers")? {
        None => Vec::new(),
        Some(h) => read_headers(&h, secret_key.is_some())?,
    };
    let user_agent = match f.string("userAgent", ValidationCode::InvalidUserAgent)? {
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
            ValidationCode::InvalidHeaders,
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
        config::check_header(&name, &val, has_key)?;
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
    pub fn new(options: Option<OmiseOptionsArg>) -> Result<Omise, JsValue> {
        let options = arg(options);
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
