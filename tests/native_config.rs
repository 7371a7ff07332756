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
}

#[test]
fn header_names_are_tokens_that_neither_frame_nor_route_and_values_are_printable_latin1() {
    for (name, value) in [
        ("x-proxy-auth", "abc"),
        ("X-Request-Id", "a\tb c~"),
        ("x-latin1", "caf\u{e9} \u{a0}\u{ff}"),
        ("Authorization", "Bearer proxy-token"),
        ("Proxy", "x"),
    ] {
        check_header(name, value, false).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    let mut refused = vec![
        ("x y", "abc", false),
        ("", "abc", false),
        ("x\u{e9}", "abc", false),
        ("x:y", "abc", false),
        ("Authorization", "Basic x", true),
        ("authorization", "Basic x", true),
        ("Proxy-Authorization", "x", false),
        ("proxy-connection", "x", false),
        ("x", "a\r\nb", false),
        ("x", "a\nb", false),
        ("x", "a\rb", false),
        ("x", "a\0b", false),
        ("x", "a\u{7f}b", false),
        ("x", "a\u{85}b", false),
        ("x", "\u{100}", false),
        ("x", "\u{2028}", false),
        ("x", "\u{1F600}", false),
        ("x", "\u{202e}", false),
    ];
    for framing in REFUSED_HEADERS {
        refused.push((framing, "1", false));
    }
    let upper: Vec<String> = REFUSED_HEADERS.iter().map(|h| h.to_uppercase()).collect();
    for h in &upper {
        refused.push((h, "1", false));
    }
    for (name, value, has_key) in &refused {
        let e = check_header(name, value, *has_key).unwrap_err();
        assert_eq!(e.code(), Some("invalid_headers"), "{name:?}: {value:?}");
    }
    println!("headers: {} refused name/value pairs", refused.len());
}

#[test]
fn base_urls_name_no_other_host_and_a_key_travels_only_over_https_or_loopback() {
    for (bad, browser) in [
        ("/\\evil.example", true),
        ("/\\/evil.example", true),
        ("\\\\evil.example", true),
        ("https://evil.example\\@api.omise.co", false),
        ("javascript:alert(1)", true),
        ("JAVASCRIPT:alert(1)", true),
        ("data:text/html,x", true),
        ("//evil.example/omise", true),
        ("https://a@b", false),
        ("https://api.omise.co\t", false),
        ("/omise\n", true),
    ] {
        let e = check_base_url(bad, browser).unwrap_err();
        assert_eq!(e.code(), Some("invalid_base_url"), "{bad}");
    }
    for ok in [
        "https://api.omise.co",
        "http://127.0.0.1:8080",
        "http://127.1.2.3",
        "http://localhost:3000/omise",
        "http://[::1]:8080",
    ] {
        check_key_transport(ok).unwrap_or_else(|e| panic!("{ok}: {e}"));
    }
    for bad in [
        "http://api.omise.co",
        "http://127.0.0.1.evil.example",
        "http://localhost.evil.example",
        "http://10.0.0.1",
        "http://[::2]",
        "http://127.0.0.1000",
        "http://127.0.0",
    ] {
        assert!(check_key_transport(bad).is_err(), "{bad}");
    }
}
