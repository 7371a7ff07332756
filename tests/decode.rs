//! The wasm check of parsed responses (decode::check) over the real fixtures in
//! tests/fixtures: what the caller receives keeps every field, older field names are
//! mirrored to the 2019-05-29 ones, and broken shapes are typed errors.

use js_sys::{Reflect, JSON};
use omise_wasm::decode::check;
use omise_wasm::models::shape::{Expect, DISPUTE, DOCUMENT, TRANSACTION};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

#[cfg(feature = "browser-tests")]
wasm_bindgen_test_configure!(run_in_browser);

macro_rules! fixture {
    ($path:literal) => {
        include_str!(concat!("fixtures/", $path))
    };
}

fn get(v: &JsValue, k: &str) -> JsValue {
    Reflect::get(v, &k.into()).unwrap()
}

fn checked(text: &str, expect: Expect) -> Result<JsValue, omise_wasm::Error> {
    check(JSON::parse(text).unwrap(), expect)
}

#[wasm_bindgen_test]
fn real_responses_pass_with_every_field_kept() {
    let cases: [(&str, Expect); 12] = [
        (fixture!("omise-php/tests__fixtures__api.omise.co__disputes-get.json"), Expect::List(&DISPUTE)),
        (fixture!("omise-php/tests__fixtures__api.omise.co__disputes__closed-get.json"), Expect::List(&DISPUTE)),
        (fixture!("omise-php/tests__fixtures__api.omise.co__disputes__dspt_test_6344e4i5yv427gaj1s2-patch.json"), Expect::One(&DISPUTE)),
        (fixture!("omise-go/testdata__fixtures__api.omise.co__disputes-get.json"), Expect::List(&DISPUTE)),
        (fixture!("omise-go/testdata__objects__dispute_object.json"), Expect::One(&DISPUTE)),
        (fixture!("omise-python/omise__test__test_dispute.py__inline_dispute_full_with_documents.json"), Expect::One(&DISPUTE)),
        (fixture!("omise-python/omise__test__test_dispute.py__inline_document_upload_response.json"), Expect::One(&DOCUMENT)),
        (fixture!("omise-ruby/test__fixtures__api.omise.co__disputes__dspt_test_5089off452g5m5te7xs__documents-get.json"), Expect::List(&DOCUMENT)),
        (fixture!("omise-ruby/test__fixtures__api.omise.co__disputes__dspt_test_5089off452g5m5te7xs__documents__docu_test_55869onwfm2g3bsw8d8-delete.json"), Expect::One(&DOCUMENT)),
        (fixture!("api-docs/documents-api__example_document.json"), Expect::One(&DOCUMENT)),
        (fixture!("api-docs/transactions-api__example_transaction.json"), Expect::One(&TRANSACTION)),
        (fixture!("omise-php/tests__fixtures__api.omise.co__transactions-get.json"), Expect::List(&TRANSACTION)),
    ];
    for (text, expect) in cases {
        let v = checked(text, expect).unwrap_or_else(|e| panic!("{text}: {e}"));
        // Nothing was dropped: the object still serialises to the same JSON.
        let again: String = JSON::stringify(&v).unwrap().into();
        let original: String = JSON::stringify(&JSON::parse(text).unwrap()).unwrap().into();
        assert_eq!(again, original);
    }
    let d = checked(
        fixture!("omise-php/tests__fixtures__api.omise.co__disputes-get.json"),
        Expect::List(&DISPUTE),
    )
    .unwrap();
    let first = Reflect::get_u32(&get(&d, "data"), 0).unwrap();
    assert_eq!(get(&first, "funding_amount").as_f64(), Some(90000.0));
    assert!(get(&first, "admin_message").is_null());
}

#[wasm_bindgen_test]
fn older_api_versions_get_the_2019_names_too() {
    let v = checked(
        fixture!("omise-ruby/test__fixtures__api.omise.co__transactions-get.json"),
        Expect::List(&TRANSACTION),
    )
    .unwrap();
    let t = Reflect::get_u32(&get(&v, "data"), 0).unwrap();
    assert_eq!(get(&t, "direction").as_string().as_deref(), Some("credit"));
    assert_eq!(get(&t, "type").as_string().as_deref(), Some("credit"));
    assert_eq!(
        get(&t, "created_at").as_string().as_deref(),
        Some("2015-01-15T05:00:29Z")
    );
    let d = checked(
        fixture!("omise-ruby/test__fixtures__api.omise.co__disputes__dspt_test_5089off452g5m5te7xs-get.json"),
        Expect::One(&DISPUTE),
    )
    .unwrap();
    assert_eq!(
        get(&d, "created_at").as_string().as_deref(),
        Some("2015-06-02T10:22:32Z")
    );
    // A 2019-05-29 object is left as it is.
    let modern = checked(
        fixture!("api-docs/transactions-api__example_transaction.json"),
        Expect::One(&TRANSACTION),
    )
    .unwrap();
    assert!(get(&modern, "type").is_undefined() && get(&modern, "created").is_undefined());
}

#[wasm_bindgen_test]
fn broken_shapes_are_malformed_responses() {
    let malformed = |text: &str, expect: Expect| match checked(text, expect) {
        Err(e) => assert_eq!(e.code(), Some("malformed_response"), "{text}"),
        Ok(_) => panic!("accepted {text}"),
    };
    malformed("[1,2,3]", Expect::One(&DISPUTE));
    malformed(r#"{"object":"list","data":{}}"#, Expect::List(&DISPUTE));
    malformed(r#"{"object":"dispute"}"#, Expect::One(&DISPUTE));
    malformed(
        r#"{"object":"dispute","id":"dspt_1","amount":"100"}"#,
        Expect::One(&DISPUTE),
    );
    malformed(
        r#"{"object":"dispute","id":"dspt_1","amount":1.5}"#,
        Expect::One(&DISPUTE),
    );
    malformed(
        r#"{"object":"dispute","id":"dspt_1","metadata":[1]}"#,
        Expect::One(&DISPUTE),
    );
    malformed(
        r#"{"object":"transaction","id":"trxn_1","direction":"sideways"}"#,
        Expect::One(&TRANSACTION),
    );
    malformed(
        r#"{"object":"dispute","id":"dspt_1","transactions":[{"object":"transaction"}]}"#,
        Expect::One(&DISPUTE),
    );
    malformed(
        r#"{"object":"list","data":[{"object":"document","id":"docu_1"}]}"#,
        Expect::List(&DISPUTE),
    );
    malformed(
        r#"{"object":"list","data":[],"total":"3"}"#,
        Expect::List(&DISPUTE),
    );
    // The message says where.
    let e = checked(
        r#"{"object":"list","data":[{"object":"dispute","id":"d","amount":"x"}]}"#,
        Expect::List(&DISPUTE),
    )
    .unwrap_err();
    assert!(
        e.to_string()
            .contains("data[0]: `amount` is not an integer"),
        "{e}"
    );
    // Nulls and unknown fields are fine.
    checked(
        r#"{"object":"dispute","id":"dspt_1","message":null,"brand_new":{"x":[1]}}"#,
        Expect::One(&DISPUTE),
    )
    .unwrap();
}
