//! Client and per-call settings, checked once and kept in Rust.

use crate::error::{Error, ValidationCode};
use std::fmt;

/// The API version this library is written against.
pub const DEFAULT_API_VERSION: &str = "2019-05-29";
/// Where requests go unless told otherwise.
pub const DEFAULT_BASE_URL: &str = "https://api.omise.co";
/// Per-attempt time limit: banks can be slow.
pub const DEFAULT_TIMEOUT_MS: u32 = 60_000;
/// Retries after the first attempt, where [`crate::retry`] allows any.
pub const DEFAULT_MAX_RETRIES: u32 = 2;
/// This library's User-Agent product token.
pub const USER_AGENT: &str = concat!("omise-wasm/", env!("CARGO_PKG_VERSION"));

/// A secret key. Its `Debug` never shows it; only the `Authorization` value is kept.
#[derive(Clone, PartialEq, Eq)]
pub struct SecretKey {
    authorization: String,
}

impl SecretKey {
    /// Checks the key's characters and precomputes `Basic base64(key + ":")`.
    pub fn new(key: &str) -> Result<Self, Error> {
        let ok = !key.is_empty()
            && key.len() <= 256
            && key.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'_');
        if !ok {
            return Err(Error::validation(
                ValidationCode::InvalidSecretKey,
                "secretKey",
                "secretKey must be a non-empty string of letters, digits and '_' such as skey_test_...",
            ));
        }
        Ok(SecretKey {
            authorization: format!("Basic {}", base64(format!("{key}:").as_bytes())),
        })
    }

    /// The `Authorization` header value.
    pub fn authorization(&self) -> &str {
        &self.authorization
    }
}

impl fmt::Debug for SecretKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SecretKey([redacted])")
    }
}

/// Standard base64 with padding (RFC 4648).
pub fn base64(input: &[u8]) -> String {
    const T: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(input.len().div_ceil(3) * 4);
    for chunk in input.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(T[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Checks a base URL: absolute http(s), or (in a browser) a path such as `/omise`.
/// No query, fragment, credentials, white space or backslash (which a URL parser reads
/// as `/`, so that `/\\host` names another host); the trailing `/` is dropped.
pub fn check_base_url(url: &str, in_browser: bool) -> Result<String, Error> {
    let bad = |why: &str| {
        Err(Error::validation(
            ValidationCode::InvalidBaseUrl,
            "baseUrl",
            format!("baseUrl {why}"),
        ))
    };
    if url.len() > 2048
        || url
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '\\')
    {
        return bad("must not contain white space, control characters or a backslash");
    }
    let rest = if let Some(r) = url.strip_prefix("https://") {
        r
    } else if let Some(r) = url.strip_prefix("http://") {
        r
    } else if url.starts_with('/') && !url.starts_with("//") {
        if !in_browser {
            return bad("must be an absolute http(s) URL outside a browser");
        }
        url
    } else {
        return bad("must start with https://, http:// or (in a browser) /");
    };
    if url.contains(['?', '#']) {
        return bad("must not contain a query or a fragment");
    }
    let authority = rest.split('/').next().unwrap_or("");
    if authority.contains('@') {
        return bad("must not contain credentials; use secretKey");
    }
    if !url.starts_with('/') && authority.is_empty() {
        return bad("must name a host");
    }
    Ok(url.trim_end_matches('/').to_owned())
}

/// With a secret key, a checked `base_url` must be `https:` unless its host is loopback:
/// the key never travels in clear text.
pub fn check_key_transport(base_url: &str) -> Result<(), Error> {
    let Some(rest) = base_url.strip_prefix("http://") else {
        return Ok(());
    };
    let authority = rest.split('/').next().unwrap_or("");
    // The host, with or without a port: localhost, [::1] or 127.x.y.z.
    let named = ["localhost", "[::1]"].iter().any(|h| {
        authority
            .strip_prefix(h)
            .is_some_and(|port| port.is_empty() || port.starts_with(':'))
    });
    let host = authority.split(':').next().unwrap_or("");
    let loopback = named
        || (host.starts_with("127.")
            && host.split('.').count() == 4
            && host
                .split('.')
                .all(|p| (1..=3).contains(&p.len()) && p.bytes().all(|c| c.is_ascii_digit())));
    if loopback {
        Ok(())
    } else {
        Err(Error::validation(
            ValidationCode::InvalidBaseUrl,
            "baseUrl",
            "baseUrl must be https: when a secretKey is given (http: only for a loopback host)",
        ))
    }
}

/// Checks an `apiVersion` such as `2019-05-29`.
pub fn check_api_version(v: &str) -> Result<(), Error> {
    let b = v.as_bytes();
    let ok = b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
    if ok {
        Ok(())
    } else {
        Err(Error::validation(
            ValidationCode::InvalidApiVersion,
            "apiVersion",
            "apiVersion must be a date such as 2019-05-29",
        ))
    }
}

/// Header names an extra header may not have: they frame or route the request, or the
/// client sets them itself.
pub const REFUSED_HEADERS: [&str; 11] = [
    "host",
    "content-length",
    "content-type",
    "transfer-encoding",
    "connection",
    "expect",
    "upgrade",
    "keep-alive",
    "te",
    "trailer",
    "omise-version",
];

/// Checks an extra header: the name an HTTP token and not one that frames or routes the
/// request (nor `Authorization` when the client has a key); the value printable
/// Latin-1, tab allowed, no other control character.
pub fn check_header(name: &str, value: &str, has_key: bool) -> Result<(), Error> {
    let lower = name.to_ascii_lowercase();
    let name_ok = !name.is_empty()
        && name.len() <= 256
        && name
            .bytes()
            .all(|c| c.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&c))
        && !REFUSED_HEADERS.contains(&lower.as_str())
        && !lower.starts_with("proxy-")
        && (!has_key || lower != "authorization");
    let value_ok = value.len() <= 8192
        && value
            .chars()
            .all(|c| c == '\t' || (' '..='~').contains(&c) || ('\u{a0}'..='\u{ff}').contains(&c));
    if name_ok && value_ok {
        Ok(())
    } else {
        Err(Error::validation(
            ValidationCode::InvalidHeaders,
            "headers",
            "headers must map HTTP token names (none that frame or route) to printable Latin-1",
        ))
    }
}

/// Checks a `userAgent` suffix.
pub fn check_user_agent(v: &str) -> Result<(), Error> {
    if v.len() <= 256 && !v.chars().any(char::is_control) {
        Ok(())
    } else {
        Err(Error::validation(
            ValidationCode::InvalidUserAgent,
            "userAgent",
            "userAgent must be a single line of at most 256 characters",
        ))
    }
}

/// Everything a client needs to send requests.
#[derive(Clone)]
pub struct Config {
    /// The key, if the client sends one (a browser behind a proxy does not).
    pub secret_key: Option<SecretKey>,
    /// Base URL without a trailing `/`.
    pub base_url: String,
    /// `Omise-Version`.
    pub api_version: String,
    /// Default per-attempt timeout.
    pub timeout_ms: u32,
    /// Default retries, where [`crate::retry`] allows any.
    pub max_retries: u32,
    /// Extra headers.
    pub headers: Vec<(String, String)>,
    /// Full `User-Agent`, sent where the platform allows it (not in browsers).
    pub user_agent: Option<String>,
}

impl fmt::Debug for Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Config")
            .field("base_url", &self.base_url)
            .field("api_version", &self.api_version)
            .field(
                "secret_key",
                &self.secret_key.as_ref().map(|_| "[redacted]"),
            )
            .field("timeout_ms", &self.timeout_ms)
            .field("max_retries", &self.max_retries)
            .field(
                "headers",
                &self.headers.iter().map(|(n, _)| n).collect::<Vec<_>>(),
            )
            .finish()
    }
}
