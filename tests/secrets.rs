//! The secret key appears in no error, string form, request path or log.

mod common;

use common::*;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

#[cfg(feature = "browser-tests")]
wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn the_secret_key_appears_nowhere() {
    let t = new_tag();
    let key_b64 = omise_wasm::config::base64(format!("{KEY}:").as_bytes());
    let omise = emulator_client(&t);
    let mut shown = vec![
        omise.to_string_js(),
        String::from(js_sys::JSON::stringify(&omise.to_json()).unwrap()),
    ];
    let omise_js: JsValue = emulator_client(&t).into();
    shown.push(String::from(
        js_sys::JSON::stringify(&omise_js).unwrap_or_else(|_| "".into()),
    ));
    shown.push(format!("{:?}", omise));
    let errors = [
        wait(
            emulator_client_with(&t, &[("secretKey", "skey_test_wrongwrong".into())])
                .unwrap()
                .disputes()
                .list(None, None),
        )
        .await,
        wait(
            emulator_client_with(&t, &[("baseUrl", "http://127.0.0.1:9".into())])
                .unwrap()
                .disputes()
                .list(None, None),
        )
        .await,
        wait(
            omise
                .disputes()
                .retrieve("dspt_test_0000000000000000000".into(), None),
        )
        .await,
        wait(omise.disputes().retrieve("dspt_../".into(), None)).await,
    ];
    for e in errors {
        let e = e.unwrap_err();
        shown.push(string_of(&e, "message"));
        shown.push(String::from(js_sys::JSON::stringify(&e).unwrap()));
        shown.push(e.unchecked_ref::<js_sys::Error>().to_string().into());
        shown.push(format!("{e:?}"));
    }
    for text in &shown {
        assert!(
            !text.contains(KEY) && !text.contains(&key_b64) && !text.contains("wrongwrong"),
            "{text}"
        );
    }
    for r in requests(&t).await {
        let line = String::from(js_sys::JSON::stringify(&r).unwrap());
        assert!(!line.contains(KEY) && !line.contains(&key_b64), "{line}");
        assert!(
            !string_of(&r, "path").contains("skey") && !string_of(&r, "query").contains("skey")
        );
    }
}
