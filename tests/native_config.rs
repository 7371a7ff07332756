//! The client settings: Basic auth, base URLs, headers, and Debug output that never shows the key.
#![cfg(not(target_arch = "wasm32"))]

use omise_wasm::config::*;

#[test]
fn basic_auth_uses_the_key_as_user_name() {
    let k = SecretKey::new("skey_test_emulator").unwrap();
    assert_eq!(k.authorization(), "Basic c2tleV90ZXN0X2VtdWxhdG9yOg==");
    assert_eq!(base64(b""), "");
    assert_eq!(base64(b"f"), "Zg==");
    assert_eq!(base64(b"fo"), "Zm8=");
    assert_eq!(base64(b"foo"), "Zm9v");
}

#[test]
fn debug_never_shows_the_key() {
    let k = SecretKey::new("skey_test_5xsecretvalue").unwrap();
    let c = Config {
        secret_key: Some(k.clone()),
        base_url: DEFAULT_BASE_URL.into(),
        api_version: DEFAULT_API_VERSION.into(),
        timeout_ms: 1,
        max_retries: 0,
        headers: vec![("x-proxy".into(), "proxy-secret".into())],
        user_agent: None,
    };
    for s in [format!("{k:?}"), format!("{c:?}"), format!("{c:#?}")] {
        assert!(!s.contains("secretvalue"), "{s}");
        assert!(!s.contains(&k.authorization()[6..]), "{s}");
        assert!(!s.contains("proxy-secret"), "{s}");
    }
    assert!(SecretKey::new("skey test").is_err());
    assert!(SecretKey::new("").is_err());
}

#[test]
fn base_urls() {
    assert_eq!(
        check_base_url("https://api.omise.co/", false).unwrap(),
        "https://api.omise.co"
    );
    assert_eq!(
        check_base_url("http://127.0.0.1:8080", false).unwrap(),
        "http://127.0.0.1:8080"
    );
    assert_eq!(check_base_url("/omise", true).unwrap(), "/omise");
    for (bad, browser) in [
        ("/omise", false),
        ("//evil.example", true),
        ("ftp://x", false),
        ("https://user:pw@api.omise.co", false),
        ("https://api.omise.co/?x=1", false),
        ("https://api.omise.co/#x", false),
        ("https://", false),
        ("https://api.omise.co /x", false),
        ("", false),
    ] {
        assert!(check_base_url(bad, browser).is_err(), "{bad}");
    }
    check_api_version("2019-05-29").unwrap();
    assert!(check_api_version("2019-5-29").is_err());
    check_header("x-proxy-auth", "abc").unwrap();
    assert!(check_header("x y", "abc").is_err());
    assert!(check_header("x", "a\r\nb").is_err());
}
