//! Every response in tests/fixtures decodes (the malformed one into a typed error);
//! removing a required field or nulling a non-nullable one from any of them fails; and
//! the shape tables the wasm checks with list the same fields, with the same presence,
//! as the serde models that write the TypeScript types.
#![cfg(not(target_arch = "wasm32"))]

mod serde_decode;

use serde_decode::{typed, Checked, ErrorObject, Resource};

use omise_wasm::error::{Error, NetworkCode};
use omise_wasm::models::*;
use std::path::PathBuf;

fn fixtures() -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut out = Vec::new();
    for sub in std::fs::read_dir(&dir).expect("tests/fixtures is in the repository") {
        let sub = sub.unwrap().path();
        if !sub.is_dir() {
            continue;
        }
        for f in std::fs::read_dir(&sub).unwrap() {
            let f = f.unwrap().path();
            if f.extension().is_some_and(|e| e == "json") {
                let text = std::fs::read_to_string(&f).unwrap();
                out.push((f.display().to_string(), text));
            }
        }
    }
    out.sort();
    out
}

fn decode<T: Checked>(text: &str) -> Result<T, Error> {
    typed(&mut serde_json::Deserializer::from_str(text))
}

/// The `data[0].object` of a list, to pick the item model.
fn item_object(v: &serde_json::Value) -> Option<&str> {
    v["data"].get(0)?["object"].as_str()
}

#[test]
fn every_fixture_decodes_into_its_model() {
    let all = fixtures();
    assert!(
        all.len() >= 50,
        "expected the whole fixture set, found {}",
        all.len()
    );
    let mut counts = std::collections::BTreeMap::<&str, usize>::new();
    for (name, text) in &all {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(text) else {
            assert!(name.contains("malformed"), "{name} is not JSON");
            let err = decode::<Dispute>(text).unwrap_err();
            assert!(
                matches!(
                    err,
                    Error::Network {
                        code: NetworkCode::MalformedResponse,
                        ..
                    }
                ),
                "{err:?}"
            );
            *counts.entry("malformed").or_default() += 1;
            continue;
        };
        let kind = match (v["object"].as_str(), item_object(&v)) {
            (Some("dispute"), _) => decode::<Dispute>(text).map(|_| "dispute"),
            (Some("document"), _) if v["deleted"] == true => {
                decode::<DeletedDocument>(text).map(|_| "deleted document")
            }
            (Some("document"), _) => decode::<DisputeDocument>(text).map(|_| "document"),
            (Some("transaction"), _) => decode::<Transaction>(text).map(|_| "transaction"),
            (Some("error"), _) => decode_error(text).map(|_| "error"),
            (Some("list"), Some("dispute")) => decode::<List<Dispute>>(text).map(|_| "list"),
            (Some("list"), Some("document")) => {
                decode::<List<DisputeDocument>>(text).map(|_| "list")
            }
            (Some("list"), Some("transaction")) => {
                decode::<List<Transaction>>(text).map(|_| "list")
            }
            (Some("list"), None) => decode::<List<Dispute>>(text).map(|_| "list"),
            other => panic!("{name}: unexpected object {other:?}"),
        };
        let kind = kind.unwrap_or_else(|e| panic!("{name}: {e}"));
        *counts.entry(kind).or_default() += 1;
    }
    eprintln!("decoded fixtures: {counts:?}");
    assert_eq!(counts.get("malformed"), Some(&1));
    assert!(counts["dispute"] >= 10 && counts["list"] >= 15 && counts["transaction"] >= 5);
    assert_eq!(counts["deleted document"], 2);
}

fn decode_error(text: &str) -> Result<ErrorObject, Error> {
    serde_json::from_str(text).map_err(|e| Error::malformed(None, e.to_string()))
}

#[test]
fn real_data_that_differs_from_the_docs() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let read = |p: &str| std::fs::read_to_string(dir.join(p)).unwrap();

    // The older API version: created / type / source, upper-case currency.
    let list: List<Transaction> = decode(&read(
        "omise-ruby/test__fixtures__api.omise.co__transactions-get.json",
    ))
    .unwrap();
    assert_eq!(list.total, 2);
    assert_eq!(list.order, None);
    assert!(list.is_legacy());
    let t = &list.data[0];
    assert_eq!(t.type_, Some(TransactionDirection::Credit));
    assert_eq!(t.created.as_deref(), Some("2015-01-15T05:00:29Z"));
    assert_eq!(t.currency, "THB");

    // A dispute with more than the docs list: an embedded documents list and transactions.
    let d: Dispute = decode(&read(
        "omise-python/omise__test__test_dispute.py__inline_dispute_full_with_documents.json",
    ))
    .unwrap();
    let docs = d.documents.as_ref().unwrap();
    assert_eq!(docs.data[0].download_uri, None);
    assert_eq!(docs.data[0].filename, "evidence.png");
    assert_eq!(
        d.transactions.as_ref().unwrap()[0].key.as_deref(),
        Some("dispute.started.debit")
    );
    assert_eq!(d.funding_amount, Some(1_101_000));
    assert_eq!(d.status, DisputeStatus::Open);
    assert!(!d.is_legacy());

    // Ids with a 0 in them, and the pre-2019 `created`.
    let d: Dispute = decode(&read(
        "omise-ruby/test__fixtures__api.omise.co__disputes__dspt_test_5089off452g5m5te7xs-get.json",
    ))
    .unwrap();
    assert_eq!(d.id, "dspt_test_5089off452g5m5te7xs");
    omise_wasm::params::check_id(omise_wasm::params::IdKind::Dispute, &d.id).unwrap();
    assert!(d.is_legacy());
}

#[test]
fn shapes_that_are_not_the_model_are_malformed_responses() {
    for (text, why) in [
        ("[1,2,3]", "an array"),
        (r#"{"object":"list","data":{}}"#, "data not an array"),
        (r#"{"object":"dispute"}"#, "no id"),
        (r#"{"object":"transaction","id":"trxn_1"}"#, "wrong object"),
        (
            r#"{"object":"dispute","id":"dspt_1","amount":"100"}"#,
            "amount as string",
        ),
        (
            r#"{"object":"dispute","id":"dspt_1","metadata":[1]}"#,
            "metadata as array",
        ),
        (r#"{"object":"dispute","id":7}"#, "id as number"),
        (r#"{"object":"dispute","id":"dspt_1""#, "truncated"),
        ("<html>502 Bad Gateway</html>", "html"),
        ("", "empty"),
    ] {
        let err = decode::<Dispute>(text).unwrap_err();
        assert!(
            matches!(
                err,
                Error::Network {
                    code: NetworkCode::MalformedResponse,
                    ..
                }
            ),
            "{why}: {err:?}"
        );
    }
    // Unknown fields and nulls where the API sends them decode.
    let d: Dispute = decode(r#"{"object":"dispute","id":"dspt_1","livemode":false,"location":"/disputes/dspt_1","amount":1,"currency":"thb","charge":"chrg_1","status":"won","created_at":"2019-01-01T00:00:00Z","brand_new_field":{"x":1},"message":null,"closed_at":null,"metadata":{"a":[1,{"b":null}]}}"#).unwrap();
    assert_eq!(d.message, None);
}

/// A deserializer that only records the field names a serde model asks for.
struct FieldProbe(std::cell::RefCell<Vec<&'static str>>);

#[derive(Debug)]
struct Stop;
impl std::fmt::Display for Stop {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("stop")
    }
}
impl std::error::Error for Stop {}
impl serde::de::Error for Stop {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        Stop
    }
}

impl<'de> serde::Deserializer<'de> for &FieldProbe {
    type Error = Stop;
    fn deserialize_any<V: serde::de::Visitor<'de>>(self, _: V) -> Result<V::Value, Stop> {
        Err(Stop)
    }
    fn deserialize_struct<V: serde::de::Visitor<'de>>(
        self,
        _: &'static str,
        fields: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Stop> {
        self.0.borrow_mut().extend_from_slice(fields);
        Err(Stop)
    }
    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier ignored_any
    }
}

fn serde_fields<T: for<'de> serde::Deserialize<'de>>() -> Vec<&'static str> {
    let probe = FieldProbe(Default::default());
    let _ = T::deserialize(&probe);
    let mut f = probe.0.into_inner();
    f.sort_unstable();
    f
}

fn shape_fields(extra: &[&'static str], fields: &[shape::Field]) -> Vec<&'static str> {
    let mut f: Vec<_> = extra
        .iter()
        .copied()
        .chain(fields.iter().map(|(n, _, _)| *n))
        .collect();
    f.sort_unstable();
    f
}

#[test]
fn shape_tables_match_the_serde_models() {
    assert_eq!(
        serde_fields::<Dispute>(),
        shape_fields(&["object", "id"], shape::DISPUTE.fields)
    );
    assert_eq!(
        serde_fields::<DisputeDocument>(),
        shape_fields(&["object", "id"], shape::DOCUMENT.fields)
    );
    assert_eq!(
        serde_fields::<DeletedDocument>(),
        shape_fields(&["object", "id"], shape::DELETED_DOCUMENT.fields)
    );
    assert_eq!(
        serde_fields::<Transaction>(),
        shape_fields(&["object", "id"], shape::TRANSACTION.fields)
    );
    assert_eq!(
        serde_fields::<List<Dispute>>(),
        shape_fields(&["object", "data"], shape::LIST_FIELDS)
    );
    assert!(
        shape::DISPUTE.fields.len() <= 32,
        "the absent-field mask is a u32"
    );
}

/// Whether a text decodes into one model.
type Decodes = fn(&str) -> bool;

/// The model and shape table of a top-level fixture object, by its `object` tag.
fn model_of(v: &serde_json::Value) -> Option<(&'static shape::Shape, Decodes)> {
    fn ok<T: Checked>(text: &str) -> bool {
        decode::<T>(text).is_ok()
    }
    Some(match v["object"].as_str()? {
        "dispute" => (&shape::DISPUTE, ok::<Dispute>),
        "document" if v["deleted"] == true => (&shape::DELETED_DOCUMENT, ok::<DeletedDocument>),
        "document" => (&shape::DOCUMENT, ok::<DisputeDocument>),
        "transaction" => (&shape::TRANSACTION, ok::<Transaction>),
        _ => return None,
    })
}

/// The older name of a 2019-05-29 field, if it has one.
fn legacy_of(name: &str) -> Option<&'static str> {
    LEGACY_FIELDS
        .iter()
        .find(|(_, new)| *new == name)
        .map(|(old, _)| *old)
}

#[test]
fn a_required_field_removed_or_nulled_fails_and_an_optional_one_does_not() {
    let mut checked = 0;
    for (name, text) in fixtures() {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(&text) else {
            continue;
        };
        // A list's own fields, with the model of its items.
        if v["object"] == "list" {
            let decode_list = |v: &serde_json::Value| {
                let text = v.to_string();
                match item_object(v) {
                    Some("transaction") => decode::<List<Transaction>>(&text).is_ok(),
                    Some("document") => decode::<List<DisputeDocument>>(&text).is_ok(),
                    _ => decode::<List<Dispute>>(&text).is_ok(),
                }
            };
            for &(field, _, presence) in shape::LIST_FIELDS {
                let mut without = v.clone();
                if without.as_object_mut().unwrap().remove(field).is_some() {
                    assert_eq!(
                        decode_list(&without),
                        !presence.required(),
                        "{name}: without {field}"
                    );
                    let mut nulled = v.clone();
                    nulled[field] = serde_json::Value::Null;
                    assert_eq!(
                        decode_list(&nulled),
                        presence.nullable(),
                        "{name}: {field} null"
                    );
                    checked += 1;
                }
            }
            continue;
        }
        let Some((shape, decodes)) = model_of(&v) else {
            continue;
        };
        assert!(decodes(&text), "{name} decodes as it is");
        for &(field, _, presence) in shape.fields {
            if v.get(field).is_none() && legacy_of(field).is_none_or(|old| v.get(old).is_none()) {
                continue;
            }
            // Gone under both names: fails exactly when the field is required (or is the
            // older name of a required field that is not there under its new name).
            let feeds_required = LEGACY_FIELDS.iter().any(|(old, new)| {
                *old == field
                    && v.get(*new).is_none()
                    && shape
                        .fields
                        .iter()
                        .any(|(n, _, p)| n == new && p.required())
            });
            let mut without = v.clone();
            let o = without.as_object_mut().unwrap();
            o.remove(field);
            if let Some(old) = legacy_of(field) {
                o.remove(old);
            }
            assert_eq!(
                decodes(&without.to_string()),
                !(presence.required() || feeds_required),
                "{name}: without {field}"
            );
            // Null: fails exactly when the field may not be null.
            if v.get(field).is_some() {
                let mut nulled = v.clone();
                nulled[field] = serde_json::Value::Null;
                assert_eq!(
                    decodes(&nulled.to_string()),
                    presence.nullable(),
                    "{name}: {field} null"
                );
            }
            checked += 1;
        }
        // object and id are required too.
        for key in ["object", "id"] {
            let mut without = v.clone();
            without.as_object_mut().unwrap().remove(key);
            assert!(!decodes(&without.to_string()), "{name}: without {key}");
        }
    }
    assert!(checked > 300, "checked {checked} field removals");
}
