//! When a failed attempt is sent again, and after how long (API.md, "Retries" and
//! "Transport rules"). Pure functions of their arguments: no clock, no randomness and
//! no network of their own, so the whole policy is tested natively.

use crate::error::{Error, NetworkCode};

/// The statuses after which a GET is sent again.
pub const RETRYABLE_STATUSES: [u16; 5] = [429, 500, 502, 503, 504];
/// The backoff before the first retry, before jitter.
pub const FIRST_BACKOFF_MS: f64 = 200.0;
/// The longest backoff between two attempts, before jitter.
pub const MAX_BACKOFF_MS: f64 = 8_000.0;
/// No wait before a retry is shorter than this, whatever the server says.
pub const MIN_WAIT_MS: f64 = 100.0;
/// The longest `Retry-After` that is waited for; a longer one ends the call at once.
pub const MAX_RETRY_AFTER_MS: f64 = 60_000.0;

/// What went wrong with one attempt, as far as retrying is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    /// No answer: refused, reset, DNS.
    Connection,
    /// The attempt ran past its time limit.
    Timeout,
    /// The server answered with this HTTP status.
    Status(u16),
    /// Anything else (a redirect, a malformed or too large answer, an abort): final.
    Final,
}

impl Failure {
    /// What an attempt's error means for retrying: a failed connection, a timeout, an
    /// answer's status, or anything else (final).
    pub fn of(e: &Error) -> Self {
        match e {
            Error::Api { status, .. } => Failure::Status(*status),
            Error::Network {
                code: NetworkCode::Network,
                ..
            } => Failure::Connection,
            Error::Timeout { .. } => Failure::Timeout,
            _ => Failure::Final,
        }
    }
}

/// The decision after a failed attempt.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Outcome {
    /// Wait this many milliseconds, then send the request again.
    Retry {
        /// The wait.
        wait_ms: f64,
    },
    /// Reject with the attempt's error.
    GiveUp,
}

/// Everything the decision depends on.
#[derive(Debug, Clone, Copy)]
pub struct Attempt<'a> {
    /// Only GET is ever sent twice: the server may already have applied anything else.
    pub is_get: bool,
    /// The attempt that failed, from 1.
    pub number: u32,
    /// Retries allowed after the first attempt.
    pub max_retries: u32,
    /// Why it failed.
    pub failure: Failure,
    /// The answer's `Retry-After` header, if any.
    pub retry_after: Option<&'a str>,
    /// The same header read as a date by the platform (`Date.parse`), if it is one.
    pub retry_after_date_ms: Option<f64>,
    /// The per-attempt limit: a server cannot make the call wait longer than this.
    pub timeout_ms: u32,
    /// The current time in Unix milliseconds (for an HTTP-date `Retry-After`).
    pub now_ms: f64,
    /// A random number in `0.0..1.0`, for jitter.
    pub jitter: f64,
}

/// Whether and when to send the request again.
pub fn decide(a: &Attempt<'_>) -> Outcome {
    let retryable = match a.failure {
        Failure::Connection | Failure::Timeout => true,
        Failure::Status(s) => RETRYABLE_STATUSES.contains(&s),
        Failure::Final => false,
    };
    if !a.is_get || !retryable || a.number > a.max_retries {
        return Outcome::GiveUp;
    }
    let asked = match a.failure {
        Failure::Status(_) => a
            .retry_after
            .and_then(|v| retry_after_ms(v, a.retry_after_date_ms, a.now_ms)),
        _ => None,
    };
    match asked {
        Some(ms) if ms > MAX_RETRY_AFTER_MS || ms > f64::from(a.timeout_ms) => Outcome::GiveUp,
        Some(ms) => Outcome::Retry {
            wait_ms: ms.max(MIN_WAIT_MS),
        },
        None => Outcome::Retry {
            wait_ms: backoff_ms(a.number, a.jitter),
        },
    }
}

/// Exponential backoff with jitter: 200 ms doubling up to 8 s, times 0.5..1.0, and
/// never under [`MIN_WAIT_MS`].
pub fn backoff_ms(attempt: u32, jitter: f64) -> f64 {
    let exp = attempt.saturating_sub(1).min(6);
    let base = (FIRST_BACKOFF_MS * f64::from(1u32 << exp)).min(MAX_BACKOFF_MS);
    let jitter = if jitter.is_finite() {
        jitter.clamp(0.0, 1.0)
    } else {
        0.0
    };
    (base * (0.5 + jitter / 2.0)).max(MIN_WAIT_MS)
}

/// A `Retry-After` value as the milliseconds it asks to wait: a whole number of
/// seconds, or an HTTP date (`date_ms`, as the platform's `Date.parse` read the same
/// value) still in the future. A negative, fractional, past or unreadable value gives
/// `None` (the normal backoff applies).
pub fn retry_after_ms(value: &str, date_ms: Option<f64>, now_ms: f64) -> Option<f64> {
    let v = value.trim();
    if v.is_empty() || v.len() > 10 || !v.bytes().all(|c| c.is_ascii_digit()) {
        // Not whole seconds: an HTTP date names a weekday ("Wed, 25 Nov 2026 …").
        let at = date_ms.filter(|_| v.starts_with(|c: char| c.is_ascii_alphabetic()))?;
        return (at > now_ms).then_some(at - now_ms);
    }
    // At most 10 digits: no overflow.
    let seconds = v.bytes().fold(0u64, |n, c| n * 10 + u64::from(c - b'0'));
    Some(seconds as f64 * 1000.0)
}
