//! The input rules: ids, numbers, dates, files and kinds.
#![cfg(not(target_arch = "wasm32"))]

use omise_wasm::error::Error;
use omise_wasm::params::*;

fn code(r: Result<impl std::fmt::Debug, Error>) -> &'static str {
    match r {
        Err(Error::Validation { code, .. }) => code.as_str(),
        other => panic!("expected a validation error, got {other:?}"),
    }
}

#[test]
fn ids_accept_real_ids_and_nothing_that_moves_the_path() {
    check_id(IdKind::Dispute, "dspt_test_5089off452g5m5te7xs").unwrap();
    check_id(IdKind::Dispute, "dspt_test").unwrap();
    check_id(IdKind::Document, "docu_test_55869onwfm2g3bsw8d8").unwrap();
    check_id(IdKind::Transaction, "trxn_test_4yq7duwb9jts1vxgqua").unwrap();
    for bad in [
        "",
        "dspt_",
        "dspt_../x",
        "dspt_a?b",
        "dspt_a#b",
        "dspt_a%2fb",
        "dspt_a/b",
        "dspt_ÄÖ",
        "DSPT_abc",
        "dspt_ABC",
        "docu_test_1",
        " dspt_x",
        "dspt_x\n",
    ] {
        assert_eq!(
            code(check_id(IdKind::Dispute, bad)),
            "invalid_id",
            "{bad:?}"
        );
    }
    assert_eq!(
        code(check_id(
            IdKind::Dispute,
            &format!("dspt_{}", "a".repeat(10_000))
        )),
        "invalid_id"
    );
}

#[test]
fn numbers_are_integers_in_range() {
    assert_eq!(check_limit(1.0).unwrap(), 1);
    assert_eq!(check_limit(100.0).unwrap(), 100);
    for bad in [0.0, 101.0, -1.0, 1.5, f64::NAN, f64::INFINITY] {
        assert_eq!(code(check_limit(bad)), "invalid_limit");
    }
    assert_eq!(check_offset(0.0).unwrap(), 0);
    for bad in [-1.0, 0.5, f64::NAN, 1e300] {
        assert_eq!(code(check_offset(bad)), "invalid_offset");
    }
    assert_eq!(code(check_timeout(0.0)), "invalid_timeout");
    assert_eq!(code(check_max_retries(11.0)), "invalid_max_retries");
}

#[test]
fn dates_and_ranges() {
    let f = check_date("from", "2020-01-01T00:00:00Z").unwrap();
    let t = check_date("to", "2019-01-01").unwrap();
    assert_eq!(code(check_range(Some(f), Some(t))), "invalid_date_range");
    check_range(Some(t), Some(f)).unwrap();
    assert_eq!(code(check_date("to", "soon")), "invalid_date");
}

#[test]
fn files_are_told_by_their_bytes() {
    assert_eq!(FileType::sniff(b"%PDF-1.4\n").unwrap(), FileType::Pdf);
    assert_eq!(
        FileType::sniff(&[0xFF, 0xD8, 0xFF, 0xE0]).unwrap(),
        FileType::Jpeg
    );
    assert_eq!(
        FileType::sniff(&[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A]).unwrap(),
        FileType::Png
    );
    assert_eq!(
        code(FileType::sniff(b"MZ\x90\x00")),
        "unsupported_file_type"
    );
    assert_eq!(code(FileType::sniff(b"%PD")), "unsupported_file_type");
    assert_eq!(code(check_file_size(0.0)), "empty_file");
    assert_eq!(code(check_file_size(MAX_FILE_SIZE + 1.0)), "file_too_large");
    check_file_size(MAX_FILE_SIZE).unwrap();
    assert_eq!(code(check_kind("receipt")), "invalid_kind");
    assert_eq!(code(check_message("  ")), "missing_message");
    assert_eq!(code(check_filename("../x.pdf")), "invalid_filename");
    check_filename("receipt 2024.pdf").unwrap();
}

/// The rules of API.md that issue 14 added, as properties over generated inputs.
mod new_input_rules {
    use omise_wasm::config::{check_base_url, check_header, check_key_transport};
    use omise_wasm::params::{check_filename, is_bidi_control};
    use proptest::prelude::*;

    const BIDI: [char; 11] = [
        '\u{200e}', '\u{200f}', '\u{202a}', '\u{202b}', '\u{202c}', '\u{202d}', '\u{202e}',
        '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}',
    ];

    fn printable_latin1(c: char) -> bool {
        c == '\t' || (' '..='~').contains(&c) || ('\u{a0}'..='\u{ff}').contains(&c)
    }

    proptest! {
        #[test]
        fn a_filename_with_a_bidi_or_control_character_is_refused(
            pre in "[a-z]{0,20}", post in "[a-z.]{0,20}", i in 0usize..11, ctl in 0u32..32,
        ) {
            let bidi = format!("{pre}{}{post}", BIDI[i]);
            prop_assert!(is_bidi_control(BIDI[i]));
            let e = check_filename(&bidi).unwrap_err();
            prop_assert_eq!(e.code(), Some("invalid_filename"));
            let control = format!("{pre}{}{post}", char::from_u32(ctl).unwrap());
            prop_assert!(check_filename(&control).is_err());
        }

        #[test]
        fn a_filename_is_accepted_exactly_when_it_has_none_of_them(name in "\\PC{1,40}") {
            let expected = !name.trim().is_empty()
                && !name.chars().any(|c| c.is_control() || is_bidi_control(c)
                    || c == '/' || c == '\\' || c == '"');
            prop_assert_eq!(check_filename(&name).is_ok(), expected, "{:?}", name);
        }

        #[test]
        fn a_header_value_is_accepted_exactly_when_it_is_printable_latin1(value in "\\PC{0,30}|[\\x00-\\x{ff}]{0,30}") {
            let expected = value.chars().all(printable_latin1);
            prop_assert_eq!(check_header("x-proxy-token", &value, true).is_ok(), expected, "{:?}", value);
        }

        #[test]
        fn a_proxy_or_framing_header_is_never_accepted(suffix in "[A-Za-z-]{0,12}", key in any::<bool>()) {
            let proxy = format!("Proxy-{suffix}");
            prop_assert!(check_header(&proxy, "x", key).is_err());
            for framing in ["Transfer-Encoding", "EXPECT", "upgrade", "Te", "Connection"] {
                prop_assert!(check_header(framing, "x", key).is_err());
            }
            prop_assert_eq!(check_header("Authorization", "x", key).is_ok(), !key);
        }

        #[test]
        fn a_base_url_with_a_backslash_or_a_second_slash_never_passes(
            host in "[a-z]{1,12}(\\.[a-z]{2,3})?", path in "[a-z/]{0,10}", browser in any::<bool>(),
        ) {
            for url in [format!("/\\{host}"), format!("//{host}/{path}"), format!("\\\\{host}"),
                        format!("https://{host}\\@api.omise.co"), format!("/{path}\\{host}")] {
                prop_assert!(check_base_url(&url, browser).is_err(), "{}", url);
            }
        }

        #[test]
        fn a_key_goes_over_plain_http_only_to_loopback(host in "[a-z0-9.-]{1,20}", port in 1u16..) {
            let url = format!("http://{host}:{port}");
            let loopback = host == "localhost" || (host.starts_with("127.")
                && host.split('.').count() == 4
                && host.split('.').all(|p| (1..=3).contains(&p.len()) && p.bytes().all(|c| c.is_ascii_digit())));
            prop_assert_eq!(check_key_transport(&url).is_ok(), loopback, "{}", url);
            let https = format!("https://{host}:{port}");
            prop_assert!(check_key_transport(&https).is_ok());
        }
    }
}
