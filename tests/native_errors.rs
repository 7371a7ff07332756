//! The error type: names, codes, and attempts in messages.
#![cfg(not(target_arch = "wasm32"))]

use omise_wasm::error::*;

#[test]
fn names_and_codes_follow_the_api() {
    let v = Error::validation(
        ValidationCode::InvalidLimit,
        "limit",
        "limit must be 1..100",
    );
    assert_eq!(v.name(), "OmiseValidationError");
    assert_eq!(v.code(), Some("invalid_limit"));
    assert_eq!(status_error(503).code(), Some("service_unavailable"));
    assert_eq!(status_error(418).code(), Some("http_error"));
    assert_eq!(Error::Abort.name(), "AbortError");
}

#[test]
fn attempts_appear_in_the_message() {
    let e = Error::Timeout {
        timeout_ms: 10,
        attempts: 1,
    }
    .with_attempts(3);
    assert_eq!(
        e.to_string(),
        "the request timed out after 10 ms (after 3 attempts)"
    );
}

#[test]
fn a_network_error_keeps_its_cause_out_of_debug_display_and_comparisons() {
    let network = |cause| Error::Network {
        code: NetworkCode::Network,
        status: None,
        message: "could not reach the Omise API".into(),
        attempts: 1,
        cause,
    };
    let with_cause = network(Cause(Some(wasm_bindgen::JsValue::NULL)));
    let debug = format!("{with_cause:?}");
    assert!(debug.contains("cause: Cause(..)"), "{debug}");
    assert!(format!("{:?}", network(Cause::default())).contains("cause: Cause(None)"));
    assert_eq!(with_cause, network(Cause::default()));
    assert_eq!(with_cause.to_string(), "could not reach the Omise API");
}
