//! The input rules: ids, numbers, dates, files and kinds.
#![cfg(not(target_arch = "wasm32"))]

use omise_wasm::error::Error;
use omise_wasm::params::*;

fn code(r: Result<impl std::fmt::Debug, Error>) -> &'static str {
    match r {
        Err(Error::Validation { code, .. }) => code,
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
