//! Native fuzzing of response decoding and input validation (proptest), plus a
//! replay of the kept corpus in tests/fuzz-corpus/ and of mutated real fixtures.
//! Nothing a server sends may panic the decoder; everything undecodable becomes a
//! typed `malformed_response` error. The case count is PROPTEST_CASES (default 2000
//! per property) and is printed.
#![cfg(not(target_arch = "wasm32"))]

mod serde_decode;

use serde_decode::{typed, Checked};

use omise_wasm::error::{Error, NetworkCode};
use omise_wasm::models::{DeletedDocument, Dispute, DisputeDocument, List, Transaction};
use omise_wasm::params::{self, IdKind};
use proptest::prelude::*;
use serde_json::Value;
use std::path::PathBuf;

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2000)
}

/// Decodes `text` into every model; each result must be Ok or a malformed_response.
fn decode_all(text: &str) -> usize {
    fn one<T: Checked>(text: &str) -> bool {
        match typed::<T, _>(&mut serde_json::Deserializer::from_str(text)) {
            Ok(_) => true,
            Err(Error::Network {
                code: NetworkCode::MalformedResponse,
                ..
            }) => false,
            Err(other) => panic!("unexpected error kind {other:?}"),
        }
    }
    [
        one::<Dispute>(text),
        one::<DisputeDocument>(text),
        one::<DeletedDocument>(text),
        one::<Transaction>(text),
        one::<List<Dispute>>(text),
        one::<List<DisputeDocument>>(text),
        one::<List<Transaction>>(text),
    ]
    .iter()
    .filter(|ok| **ok)
    .count()
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        prop_oneof![
            Just("dispute".to_owned()),
            Just("list".to_owned()),
            Just("transaction".to_owned()),
            Just("document".to_owned()),
            Just("credit".to_owned()),
            ".{0,12}",
        ]
        .prop_map(Value::String),
    ];
    leaf.prop_recursive(5, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(
                prop_oneof![
                    Just("object".to_owned()),
                    Just("id".to_owned()),
                    Just("data".to_owned()),
                    Just("total".to_owned()),
                    Just("amount".to_owned()),
                    Just("metadata".to_owned()),
                    Just("documents".to_owned()),
                    Just("transactions".to_owned()),
                    Just("direction".to_owned()),
                    Just("type".to_owned()),
                    "[a-z_]{1,10}",
                ],
                inner,
                0..8
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

fn fixtures() -> Vec<String> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut out = Vec::new();
    for sub in std::fs::read_dir(dir).unwrap().flatten() {
        if let Ok(files) = std::fs::read_dir(sub.path()) {
            for f in files.flatten() {
                if let Ok(t) = std::fs::read_to_string(f.path()) {
                    out.push(t);
                }
            }
        }
    }
    out
}

#[test]
fn the_kept_corpus_decodes_or_fails_cleanly() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-corpus");
    let mut n = 0;
    for f in std::fs::read_dir(dir).unwrap().flatten() {
        let bytes = std::fs::read(f.path()).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        decode_all(&text);
        n += 1;
    }
    eprintln!("fuzz corpus: {n} kept inputs replayed");
    assert!(n >= 15);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), failure_persistence: None, .. ProptestConfig::default() })]

    #[test]
    fn arbitrary_json_never_panics_the_decoder(v in json_value()) {
        decode_all(&v.to_string());
    }

    #[test]
    fn arbitrary_bytes_never_panic_the_decoder(bytes in prop::collection::vec(any::<u8>(), 0..256)) {
        decode_all(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn mutated_real_responses_never_panic_the_decoder(
        which in any::<prop::sample::Index>(),
        cut in any::<prop::sample::Index>(),
        flips in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..4),
    ) {
        let all = fixtures();
        let mut bytes = all[which.index(all.len())].clone().into_bytes();
        for (at, b) in flips {
            if !bytes.is_empty() {
                let i = at.index(bytes.len());
                bytes[i] = b;
            }
        }
        let keep = cut.index(bytes.len() + 1);
        bytes.truncate(keep);
        decode_all(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn accepted_ids_cannot_change_the_url(s in "\\PC{0,80}") {
        for kind in [IdKind::Dispute, IdKind::Document, IdKind::Transaction] {
            if params::check_id(kind, &s).is_ok() {
                prop_assert!(s.bytes().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'_'));
            }
        }
    }

    #[test]
    fn dates_never_panic_and_whole_seconds_count_up(s in "\\PC{0,40}", y in 1970i64..2200, m in 1i64..=12, d in 1i64..=28, sec in 0i64..86_399) {
        let _ = omise_wasm::dates::parse_iso8601(&s);
        let at = |x: i64| format!("{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z", x / 3600, x / 60 % 60, x % 60);
        let a = omise_wasm::dates::parse_iso8601(&at(sec)).unwrap();
        let b = omise_wasm::dates::parse_iso8601(&at(sec + 1)).unwrap();
        prop_assert_eq!(b - a, 1);
    }
}
