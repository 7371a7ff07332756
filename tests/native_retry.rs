//! The retry policy (`src/retry.rs`) without a network: which requests are sent again,
//! after which failures, after how long, and when a server's `Retry-After` is obeyed.
#![cfg(not(target_arch = "wasm32"))]

use omise_wasm::error::{status_error, Error, NetworkCode};
use omise_wasm::retry::*;

/// 2026-11-25T18:00:00Z in Unix milliseconds.
const NOW: f64 = 1_795_629_600_000.0;

fn attempt(failure: Failure) -> Attempt<'static> {
    Attempt {
        is_get: true,
        number: 1,
        max_retries: 2,
        failure,
        retry_after: None,
        retry_after_date_ms: None,
        timeout_ms: 60_000,
        now_ms: NOW,
        jitter: 0.5,
    }
}

fn wait(a: &Attempt<'_>) -> Option<f64> {
    match decide(a) {
        Outcome::Retry { wait_ms } => Some(wait_ms),
        Outcome::GiveUp => None,
    }
}

#[test]
fn only_a_get_is_sent_again_and_only_after_a_transient_failure() {
    let mut table = vec![
        (Failure::Connection, true),
        (Failure::Timeout, true),
        (Failure::Final, false),
    ];
    for s in 200..600u16 {
        table.push((Failure::Status(s), [429, 500, 502, 503, 504].contains(&s)));
    }
    for (failure, retried) in &table {
        let a = attempt(*failure);
        assert_eq!(wait(&a).is_some(), *retried, "GET after {failure:?}");
        let not_get = Attempt { is_get: false, ..a };
        assert_eq!(wait(&not_get), None, "PATCH/POST/DELETE after {failure:?}");
    }
    println!(
        "retry table: {} failures, each for GET and for other methods",
        table.len()
    );
}

#[test]
fn retries_stop_after_max_retries() {
    for max in 0..=10 {
        for number in 1..=12 {
            let a = Attempt {
                number,
                max_retries: max,
                ..attempt(Failure::Status(503))
            };
            assert_eq!(
                wait(&a).is_some(),
                number <= max,
                "attempt {number} of 1 + {max}"
            );
        }
    }
}

#[test]
fn the_backoff_doubles_with_jitter_and_waits_at_least_100_ms() {
    for number in 1..=20 {
        for jitter in [0.0, 0.25, 0.5, 0.999, 1.0, -3.0, f64::NAN, f64::INFINITY] {
            let w = backoff_ms(number, jitter);
            let base = (200.0 * 2f64.powi(number.min(7) as i32 - 1)).min(8_000.0);
            assert!(w >= MIN_WAIT_MS, "attempt {number}, jitter {jitter}: {w}");
            assert!(
                w >= base / 2.0 && w <= base,
                "attempt {number}: {w} vs {base}"
            );
        }
    }
    assert_eq!(backoff_ms(1, 0.0), 100.0);
    assert_eq!(backoff_ms(2, 1.0), 400.0);
    assert_eq!(backoff_ms(30, 1.0), 8_000.0);
}

/// What the platform's `Date.parse` gives for the dates below (milliseconds).
fn date_parse(v: &str) -> Option<f64> {
    match v {
        "Wed, 25 Nov 2026 18:00:30 GMT" => Some(NOW + 30_000.0),
        "Wed, 25 Nov 2026 17:59:59 GMT" => Some(NOW - 1_000.0),
        "Wed, 25 Nov 2026 18:00:00 GMT" => Some(NOW),
        "Wed, 25 Nov 2026 17:00:00 GMT" => Some(NOW - 3_600_000.0),
        "Thu, 26 Nov 2026 18:00:00 GMT" => Some(NOW + 86_400_000.0),
        // Date.parse reads digits as a year; Retry-After does not.
        "-1" | "1.5" | "0.1" | "+3" => Some(978_307_200_000.0),
        _ => None,
    }
}

#[test]
fn retry_after_is_obeyed_only_when_it_is_whole_seconds_or_a_future_date() {
    let table: [(&str, Option<f64>); 13] = [
        ("1", Some(1_000.0)),
        (" 2 ", Some(2_000.0)),
        ("0", Some(0.0)),
        ("60", Some(60_000.0)),
        ("-1", None),
        ("1.5", None),
        ("0.1", None),
        ("+3", None),
        ("", None),
        ("soon", None),
        ("Wed, 25 Nov 2026 18:00:30 GMT", Some(30_000.0)),
        ("Wed, 25 Nov 2026 17:59:59 GMT", None),
        ("Wed, 25 Nov 2026 18:00:00 GMT", None),
    ];
    for (value, ms) in table {
        assert_eq!(
            retry_after_ms(value, date_parse(value), NOW),
            ms,
            "{value:?}"
        );
    }
    println!("Retry-After table: {} values", table.len());
}

#[test]
fn a_long_retry_after_ends_the_call_and_a_bad_one_falls_back_to_the_backoff() {
    let with = |value: &'static str, timeout_ms: u32| Attempt {
        retry_after: Some(value),
        retry_after_date_ms: date_parse(value),
        timeout_ms,
        ..attempt(Failure::Status(429))
    };
    // Obeyed: whole seconds within a minute and within timeoutMs.
    assert_eq!(wait(&with("1", 60_000)), Some(1_000.0));
    assert_eq!(wait(&with("60", 60_000)), Some(60_000.0));
    // Zero still waits the minimum.
    assert_eq!(wait(&with("0", 60_000)), Some(MIN_WAIT_MS));
    // Longer than a minute, or than timeoutMs: not waited for at all.
    assert_eq!(wait(&with("61", 600_000)), None);
    assert_eq!(wait(&with("60", 1_000)), None);
    assert_eq!(wait(&with("Thu, 26 Nov 2026 18:00:00 GMT", 600_000)), None);
    // Negative, fractional, past: the normal backoff (100..200 ms before the first retry).
    for v in ["-5", "1.5", "Wed, 25 Nov 2026 17:00:00 GMT", "later"] {
        let w = wait(&with(v, 60_000)).unwrap();
        assert!((MIN_WAIT_MS..=200.0).contains(&w), "{v}: {w}");
    }
    // A 503 is treated like a 429.
    let a = Attempt {
        failure: Failure::Status(503),
        ..with("2", 60_000)
    };
    assert_eq!(wait(&a), Some(2_000.0));
    // Retry-After does not make a non-retryable answer retryable.
    let a = Attempt {
        failure: Failure::Status(404),
        ..with("1", 60_000)
    };
    assert_eq!(wait(&a), None);
}

#[test]
fn only_a_failed_connection_a_timeout_or_a_transient_status_is_retried() {
    let retried = |e: &Error| wait(&attempt(Failure::of(e))).is_some();
    for s in [429, 500, 502, 503, 504] {
        assert!(retried(&status_error(s)), "{s}");
    }
    for s in [400, 401, 404, 409, 422] {
        assert!(!retried(&status_error(s)), "{s}");
    }
    let connection = Error::Network {
        code: NetworkCode::Network,
        status: None,
        message: "refused".into(),
        attempts: 1,
        cause: Default::default(),
    };
    assert!(retried(&connection));
    let timeout = Error::Timeout {
        timeout_ms: 10,
        attempts: 1,
    };
    assert!(retried(&timeout));
    assert!(!retried(&Error::malformed(Some(200), "x")));
    assert!(!retried(&Error::Abort));
}
