//! ISO 8601 date-times as the API takes them.
#![cfg(not(target_arch = "wasm32"))]

use omise_wasm::dates::parse_iso8601;

#[test]
fn accepts_the_api_formats() {
    assert_eq!(parse_iso8601("1970-01-01T00:00:00Z"), Some(0));
    assert_eq!(parse_iso8601("1970-01-01"), Some(0));
    assert_eq!(parse_iso8601("2019-05-29T00:00:00Z"), Some(1_559_088_000));
    assert_eq!(
        parse_iso8601("2019-05-29T07:00:00+07:00"),
        Some(1_559_088_000)
    );
    assert_eq!(
        parse_iso8601("2019-05-28T20:00:00-04:00"),
        Some(1_559_088_000)
    );
    assert_eq!(
        parse_iso8601("2019-05-29T00:00:00.123Z"),
        Some(1_559_088_000)
    );
    assert_eq!(parse_iso8601("2024-02-29T00:00:00Z"), Some(1_709_164_800));
}

#[test]
fn refuses_what_is_not_a_date() {
    for s in [
        "",
        "yesterday",
        "2019-13-01",
        "2019-02-30",
        "2023-02-29",
        "2019-05-29T24:00:00Z",
        "2019-05-29T10:00Z",
        "2019-05-29T10:00:00",
        "2019-05-29T10:00:00.Z",
        "2019/05/29",
        "20190529",
        "2019-05-29T10:00:00+0700",
        "2019-05-29Z",
        "١٩٧٠-01-01",
        "2019-05-29T10:00:00Zjunk",
    ] {
        assert_eq!(parse_iso8601(s), None, "{s}");
    }
}
