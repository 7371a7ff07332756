//! The wasm check of parsed responses (decode::check) over every real fixture in
//! tests/fixtures: what the caller receives keeps every field, older field names are
//! mirrored to the 2019-05-29 ones, and an answer that breaks the TypeScript types (a
//! required field missing, a wrong type, a null where none may be, another id than the
//! one asked for) is a `malformed_response` naming the field.

use js_sys::{Object, Reflect, JSON};
use omise_wasm::decode::check;
use omise_wasm::models::shape::{
    Expect, Shape, DELETED_DOCUMENT, DISPUTE, DOCUMENT, LIST_FIELDS, TRANSACTION,
};
use omise_wasm::models::LEGACY_FIELDS;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

#[cfg(feature = "browser-tests")]
wasm_bindgen_test_configure!(run_in_browser);

macro_rules! fixture {
    ($path:literal) => {
        ($path, include_str!(concat!("fixtures/", $path)))
    };
}

/// Every JSON fixture (the deliberately malformed one aside: see native_models).
const FIXTURES: &[(&str, &str)] = &[
    fixture!("api-docs/documents-api__example_document.json"),
    fixture!("api-docs/errors-api__example_error.json"),
    fixture!("api-docs/transactions-api__example_transaction.json"),
    fixture!("omise-elixir/dispute__destroy_document.json"),
    fixture!("omise-elixir/dispute__list_closed_disputes.json"),
    fixture!("omise-elixir/dispute__list_disputes.json"),
    fixture!("omise-elixir/dispute__list_documents.json"),
    fixture!("omise-elixir/dispute__list_open_disputes.json"),
    fixture!("omise-elixir/dispute__list_pending_disputes.json"),
    fixture!("omise-elixir/dispute__retrieve_dispute.json"),
    fixture!("omise-elixir/dispute__retrieve_document.json"),
    fixture!("omise-elixir/dispute__update_dispute.json"),
    fixture!("omise-elixir/dispute__upload_document_with_invalid_file.json"),
    fixture!("omise-elixir/dispute__upload_document_with_valid_file.json"),
    fixture!("omise-elixir/transaction__list_transactions.json"),
    fixture!("omise-elixir/transaction__retrieve_transaction.json"),
    fixture!("omise-go/testdata__fixtures__api.omise.co__charges__404-get.json"),
    fixture!("omise-go/testdata__fixtures__api.omise.co__customers__404-get.json"),
    fixture!("omise-go/testdata__fixtures__api.omise.co__disputes-get.json"),
    fixture!("omise-go/testdata__fixtures__api.omise.co__disputes__closed-get.json"),
    fixture!("omise-go/testdata__fixtures__api.omise.co__disputes__dspt_test_5089off452g5m5te7xs-get.json"),
    fixture!("omise-go/testdata__fixtures__api.omise.co__disputes__dspt_test_5089off452g5m5te7xs-patch.json"),
    fixture!("omise-go/testdata__fixtures__api.omise.co__disputes__open-get.json"),
    fixture!("omise-go/testdata__fixtures__api.omise.co__disputes__pending-get.json"),
    fixture!("omise-go/testdata__fixtures__api.omise.co__transactions-get.json"),
    fixture!("omise-go/testdata__fixtures__api.omise.co__transactions__trxn_test_4yq7duwb9jts1vxgqua-get.json"),
    fixture!("omise-go/testdata__fixtures__api.omise.co__transactions__trxn_test_4yqafnvlztbf3908vs1-get.json"),
    fixture!("omise-go/testdata__fixtures__api.omise.co__transactions__trxn_test_4yqmv79fzpy0gmz5mmq-get.json"),
    fixture!("omise-go/testdata__objects__dispute_object.json"),
    fixture!("omise-go/testdata__objects__document_object.json"),
    fixture!("omise-go/testdata__objects__transaction_object.json"),
    fixture!("omise-php/tests__fixtures__api.omise.co__charges__chrg_test_63444wyfsg4mtvvck1z__disputes-post.json"),
    fixture!("omise-php/tests__fixtures__api.omise.co__disputes-get.json"),
    fixture!("omise-php/tests__fixtures__api.omise.co__disputes__closed-get.json"),
    fixture!("omise-php/tests__fixtures__api.omise.co__disputes__dspt_test_6344e4i5yv427gaj1s2-get.json"),
    fixture!("omise-php/tests__fixtures__api.omise.co__disputes__dspt_test_6344e4i5yv427gaj1s2-patch.json"),
    fixture!("omise-php/tests__fixtures__api.omise.co__disputes__dspt_test_6344e4i5yv427gaj1s2__accept-patch.json"),
    fixture!("omise-php/tests__fixtures__api.omise.co__disputes__open-get.json"),
    fixture!("omise-php/tests__fixtures__api.omise.co__disputes__pending-get.json"),
    fixture!("omise-php/tests__fixtures__api.omise.co__transactions-get.json"),
    fixture!("omise-php/tests__fixtures__api.omise.co__transactions__trxn_test_62f1itsgwfln0dwo9md-get.json"),
    fixture!("omise-python/omise__test__test_dispute.py__inline_dispute_full_with_documents.json"),
    fixture!("omise-python/omise__test__test_dispute.py__inline_document_upload_response.json"),
    fixture!("omise-ruby/test__fixtures__api.omise.co__charges__404-get.json"),
    fixture!("omise-ruby/test__fixtures__api.omise.co__charges__chrg_test_4yq7duw15p9hdrjp8oq__refunds__404-get.json"),
    fixture!("omise-ruby/test__fixtures__api.omise.co__customers__404-get.json"),
    fixture!("omise-ruby/test__fixtures__api.omise.co__customers__cust_test_4yq6txdpfadhbaqnwp3__cards__404-get.json"),
    fixture!("omise-ruby/test__fixtures__api.omise.co__disputes-get.json"),
    fixture!("omise-ruby/test__fixtures__api.omise.co__disputes__closed-get.json"),
    fixture!("omise-ruby/test__fixtures__api.omise.co__disputes__dspt_test_5089off452g5m5te7xs-get.json"),
    fixture!("omise-ruby/test__fixtures__api.omise.co__disputes__dspt_test_5089off452g5m5te7xs-patch.json"),
    fixture!("omise-ruby/test__fixtures__api.omise.co__disputes__dspt_test_5089off452g5m5te7xs__accept-patch.json"),
    fixture!("omise-ruby/test__fixtures__api.omise.co__disputes__dspt_test_5089off452g5m5te7xs__documents-get.json"),
    fixture!("omise-ruby/test__fixtures__api.omise.co__disputes__dspt_test_5089off452g5m5te7xs__documents-post.json"),
    fixture!("omise-ruby/test__fixtures__api.omise.co__disputes__dspt_test_5089off452g5m5te7xs__documents__docu_test_55869onwfm2g3bsw8d8-delete.json"),
    fixture!("omise-ruby/test__fixtures__api.omise.co__disputes__dspt_test_5089off452g5m5te7xs__documents__docu_test_55869onwfm2g3bsw8d8-get.json"),
    fixture!("omise-ruby/test__fixtures__api.omise.co__disputes__open-get.json"),
    fixture!("omise-ruby/test__fixtures__api.omise.co__disputes__pending-get.json"),
    fixture!("omise-ruby/test__fixtures__api.omise.co__transactions-get.json"),
    fixture!("omise-ruby/test__fixtures__api.omise.co__transactions__trxn_test_4yq7duwb9jts1vxgqua-get.json"),
    fixture!("omise-ruby/test__fixtures__api.omise.co__transactions__trxn_test_4yqafnvlztbf3908vs1-get.json"),
    fixture!("omise-ruby/test__fixtures__api.omise.co__transactions__trxn_test_4yqmv79fzpy0gmz5mmq-get.json"),
];

fn get(v: &JsValue, k: &str) -> JsValue {
    Reflect::get(v, &k.into()).unwrap()
}

fn parse(text: &str) -> JsValue {
    JSON::parse(text).unwrap()
}

fn checked(text: &str, expect: Expect) -> Result<JsValue, omise_wasm::Error> {
    check(parse(text), expect, "/")
}

/// What a fixture is an answer of, from its `object` (and its first item's).
fn expect_of(v: &JsValue) -> Option<Expect> {
    let shape = |o: JsValue| -> Option<&'static Shape> {
        Some(match o.as_string()?.as_str() {
            "dispute" => &DISPUTE,
            "document" => &DOCUMENT,
            "transaction" => &TRANSACTION,
            _ => return None,
        })
    };
    match get(v, "object").as_string()?.as_str() {
        "list" => {
            // An empty list: any item shape does.
            let first = Reflect::get_u32(&get(v, "data"), 0).unwrap();
            let item = if first.is_object() {
                shape(get(&first, "object"))
            } else {
                None
            };
            Some(Expect::List(item.unwrap_or(&DISPUTE)))
        }
        "document" if get(v, "deleted") == JsValue::TRUE => Some(Expect::One(&DELETED_DOCUMENT)),
        "error" => None,
        _ => Some(Expect::One(shape(get(v, "object"))?)),
    }
}

#[wasm_bindgen_test]
fn every_fixture_passes_with_every_field_kept() {
    let mut passed = 0;
    for (name, text) in FIXTURES {
        let Some(expect) = expect_of(&parse(text)) else {
            continue;
        };
        let v = checked(text, expect).unwrap_or_else(|e| panic!("{name}: {e}"));
        // Nothing was dropped or changed: every field the server sent is still there,
        // at every depth (mirrored names are added beside them).
        assert!(kept(&parse(text), &v), "{name}");
        passed += 1;
    }
    assert!(passed >= 50, "{passed} fixtures checked");
    let d = checked(
        include_str!("fixtures/omise-php/tests__fixtures__api.omise.co__disputes-get.json"),
        Expect::List(&DISPUTE),
    )
    .unwrap();
    let first = Reflect::get_u32(&get(&d, "data"), 0).unwrap();
    assert_eq!(get(&first, "funding_amount").as_f64(), Some(90000.0));
    assert!(get(&first, "admin_message").is_null());
}

use wasm_bindgen::JsCast;

/// Whether everything in `original` is in `checked`, unchanged.
fn kept(original: &JsValue, checked: &JsValue) -> bool {
    if original.is_object() {
        Object::keys(original.unchecked_ref::<Object>())
            .iter()
            .all(|k| {
                kept(
                    &Reflect::get(original, &k).unwrap(),
                    &Reflect::get(checked, &k).unwrap(),
                )
            })
    } else {
        JSON::stringify(original).unwrap() == JSON::stringify(checked).unwrap()
    }
}

/// The older name of a 2019-05-29 field, if it has one.
fn legacy_of(name: &str) -> Option<&'static str> {
    LEGACY_FIELDS
        .iter()
        .find(|(_, new)| *new == name)
        .map(|(old, _)| *old)
}

fn rejection(text: &str, expect: Expect, change: impl FnOnce(&JsValue)) -> Option<String> {
    let v = parse(text);
    change(&v);
    match check(v, expect, "/") {
        Ok(_) => None,
        Err(e) => {
            assert_eq!(e.code(), Some("malformed_response"));
            Some(e.to_string())
        }
    }
}

#[wasm_bindgen_test]
fn a_required_field_removed_or_nulled_is_a_malformed_response_naming_it() {
    let mut checked_fields = 0;
    for (name, text) in FIXTURES {
        let v = parse(text);
        let Some(expect) = expect_of(&v) else {
            continue;
        };
        let fields = match expect {
            Expect::One(shape) => shape.fields,
            Expect::List(_) => LIST_FIELDS,
        };
        for &(field, _, presence) in fields {
            let old = legacy_of(field).filter(|_| matches!(expect, Expect::One(_)));
            let has = |v: &JsValue, k: &str| !get(v, k).is_undefined();
            if !has(&v, field) && old.is_none_or(|o| !has(&v, o)) {
                continue;
            }
            let removed = rejection(text, expect, |v| {
                let o: &Object = v.unchecked_ref();
                Reflect::delete_property(o, &field.into()).unwrap();
                if let Some(old) = old {
                    Reflect::delete_property(o, &old.into()).unwrap();
                }
            });
            // The older name of a required field that is not there under its new name.
            let feeds = LEGACY_FIELDS
                .iter()
                .find(|(o, n)| {
                    *o == field
                        && !has(&v, n)
                        && fields.iter().any(|(f, _, p)| f == n && p.required())
                })
                .map(|(_, n)| *n);
            if presence.required() || feeds.is_some() {
                let missing = feeds.unwrap_or(field);
                let why = removed.unwrap_or_else(|| panic!("{name}: passed without {field}"));
                assert!(
                    why.contains(&format!("`{missing}` is missing")),
                    "{name}: {why}"
                );
            } else {
                assert_eq!(removed, None, "{name}: without {field}");
            }
            if has(&v, field) {
                let nulled = rejection(text, expect, |v| {
                    Reflect::set(v, &field.into(), &JsValue::NULL).unwrap();
                });
                if presence.nullable() {
                    assert_eq!(nulled, None, "{name}: {field} null");
                } else {
                    // (A null older name is mirrored first, and named by its new one.)
                    let named = LEGACY_FIELDS
                        .iter()
                        .find(|(o, n)| *o == field && !has(&v, n))
                        .map_or(field, |(_, n)| *n);
                    let why = nulled.unwrap_or_else(|| panic!("{name}: passed with {field} null"));
                    assert!(why.contains(&format!("`{named}` is null")), "{name}: {why}");
                }
            }
            checked_fields += 1;
        }
    }
    assert!(checked_fields > 300, "{checked_fields}");
}

#[wasm_bindgen_test]
fn an_object_whose_id_is_not_the_one_asked_for_is_rejected() {
    let text = include_str!(
        "fixtures/omise-ruby/test__fixtures__api.omise.co__disputes__dspt_test_5089off452g5m5te7xs-get.json"
    );
    let ok = |path: &str| check(parse(text), Expect::One(&DISPUTE), path);
    ok("/disputes/dspt_test_5089off452g5m5te7xs").unwrap();
    let e = ok("/disputes/dspt_test_5089off452g5m5te7xy").unwrap_err();
    assert_eq!(e.code(), Some("malformed_response"));
    assert!(
        e.to_string().contains("`id` is not the id asked for"),
        "{e}"
    );
    // The dispute id of an accept, the document id below a dispute, none for an upload.
    ok("/disputes/dspt_test_5089off452g5m5te7xs/accept").unwrap();
    let doc = include_str!("fixtures/omise-elixir/dispute__retrieve_document.json");
    let one = |path: &str| check(parse(doc), Expect::One(&DOCUMENT), path);
    one("/disputes/dspt_test_59uuaz72tx6inasbfuj/documents/docu_test_59uubg00s3hlytq56jz").unwrap();
    one("/disputes/dspt_test_59uuaz72tx6inasbfuj/documents").unwrap();
    assert!(one("/disputes/dspt_test_59uuaz72tx6inasbfuj/documents/docu_test_other").is_err());
}

#[wasm_bindgen_test]
fn older_api_versions_get_the_2019_names_too() {
    let v = checked(
        include_str!("fixtures/omise-elixir/transaction__list_transactions.json"),
        Expect::List(&TRANSACTION),
    )
    .unwrap();
    let t = Reflect::get_u32(&get(&v, "data"), 0).unwrap();
    assert_eq!(get(&t, "direction").as_string().as_deref(), Some("credit"));
    assert_eq!(get(&t, "type").as_string().as_deref(), Some("credit"));
    assert_eq!(
        get(&t, "origin").as_string().as_deref(),
        Some("chrg_test_59ths24kvjhxqmnb6i9")
    );
    assert_eq!(
        get(&t, "transferable_at").as_string().as_deref(),
        Some("2017-11-01T01:30:01Z")
    );
    assert_eq!(
        get(&t, "created_at").as_string().as_deref(),
        Some("2017-11-01T01:30:01Z")
    );
    let d = checked(
        include_str!("fixtures/omise-ruby/test__fixtures__api.omise.co__disputes__dspt_test_5089off452g5m5te7xs-get.json"),
        Expect::One(&DISPUTE),
    )
    .unwrap();
    assert_eq!(
        get(&d, "created_at").as_string().as_deref(),
        Some("2015-06-02T10:22:32Z")
    );
    // A 2019-05-29 object is left as it is.
    let modern = checked(
        include_str!("fixtures/api-docs/transactions-api__example_transaction.json"),
        Expect::One(&TRANSACTION),
    )
    .unwrap();
    assert!(get(&modern, "type").is_undefined() && get(&modern, "created").is_undefined());
}

/// A valid dispute with `extra` fields added or replaced.
fn dispute(extra: &str) -> String {
    format!(
        r#"{{"object":"dispute","id":"dspt_1","livemode":false,"location":"/disputes/dspt_1","amount":100,"currency":"thb","charge":"chrg_1","status":"open","message":null,"created_at":"2019-01-01T00:00:00Z"{extra}}}"#
    )
}

#[wasm_bindgen_test]
fn broken_shapes_are_malformed_responses() {
    let malformed = |text: &str, expect: Expect| match checked(text, expect) {
        Err(e) => assert_eq!(e.code(), Some("malformed_response"), "{text}"),
        Ok(_) => panic!("accepted {text}"),
    };
    checked(&dispute(""), Expect::One(&DISPUTE)).unwrap();
    malformed("[1,2,3]", Expect::One(&DISPUTE));
    malformed(r#"{"object":"list","data":{}}"#, Expect::List(&DISPUTE));
    malformed(r#"{"object":"dispute"}"#, Expect::One(&DISPUTE));
    malformed(&dispute(r#","amount":"100""#), Expect::One(&DISPUTE));
    malformed(&dispute(r#","amount":1.5"#), Expect::One(&DISPUTE));
    malformed(&dispute(r#","metadata":[1]"#), Expect::One(&DISPUTE));
    malformed(&dispute(r#","status":"closed""#), Expect::One(&DISPUTE));
    malformed(&dispute(r#","reason_code":null"#), Expect::One(&DISPUTE));
    malformed(
        &dispute(r#","transactions":[{"object":"transaction"}]"#),
        Expect::One(&DISPUTE),
    );
    malformed(
        r#"{"object":"list","data":[],"limit":20,"offset":0,"total":"3","from":"a","to":"b"}"#,
        Expect::List(&DISPUTE),
    );
    malformed(
        r#"{"object":"document","id":"docu_1","livemode":false,"deleted":false}"#,
        Expect::One(&DELETED_DOCUMENT),
    );
    // The message says where.
    let e = checked(
        &format!(
            r#"{{"object":"list","data":[{}],"limit":20,"offset":0,"total":1,"from":"a","to":"b"}}"#,
            dispute(r#","amount":"x""#)
        ),
        Expect::List(&DISPUTE),
    )
    .unwrap_err();
    assert!(
        e.to_string()
            .contains("data[0]: `amount` is not an integer"),
        "{e}"
    );
    // Nulls where the API sends them, and unknown fields, are fine.
    checked(
        &dispute(r#","closed_at":null,"admin_message":null,"brand_new":{"x":[1]}"#),
        Expect::One(&DISPUTE),
    )
    .unwrap();
}
