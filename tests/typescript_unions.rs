//! The TypeScript unions of error codes in `src/declarations.d.ts` are written from the
//! Rust enums (`ValidationCode`, `NetworkCode`): the text each enum writes must be in the
//! declarations exactly once, word for word, so that `tsc --strict` users can switch on
//! every code the library produces and on no other.
#![cfg(not(target_arch = "wasm32"))]

use omise_wasm::error::{NetworkCode, ValidationCode};

/// `export type {name} =\n  | 'a'\n  | 'b';` in the order of `codes`.
fn union(name: &str, codes: impl IntoIterator<Item = &'static str>) -> String {
    let mut text = format!("export type {name} =");
    for code in codes {
        text.push_str(&format!("\n  | '{code}'"));
    }
    text.push(';');
    text
}

/// `export type {name} = 'a' | 'b';`, for a union short enough for one line.
fn one_line_union(name: &str, codes: impl IntoIterator<Item = &'static str>) -> String {
    let quoted: Vec<String> = codes.into_iter().map(|c| format!("'{c}'")).collect();
    format!("export type {name} = {};", quoted.join(" | "))
}

fn declarations() -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/declarations.d.ts");
    std::fs::read_to_string(path).unwrap()
}

/// The declaration of `name`, from `export type name` to its `;`.
fn declared(text: &str, name: &str) -> String {
    let head = format!("export type {name} ");
    assert_eq!(text.matches(&head).count(), 1, "{name} is declared once");
    let start = text.find(&head).unwrap();
    let end = start + text[start..].find(';').unwrap() + 1;
    text[start..end].to_owned()
}

#[test]
fn the_validation_code_union_is_the_one_the_enum_writes() {
    let codes = ValidationCode::ALL.iter().map(|c| c.as_str());
    let written = union("OmiseValidationCode", codes);
    assert_eq!(declared(&declarations(), "OmiseValidationCode"), written);
}

#[test]
fn the_network_code_union_is_the_one_the_enum_writes() {
    let codes = NetworkCode::ALL.iter().map(|c| c.as_str());
    let written = one_line_union("OmiseNetworkCode", codes);
    assert_eq!(declared(&declarations(), "OmiseNetworkCode"), written);
}

#[test]
fn codes_are_distinct_snake_case_words() {
    let all: Vec<&str> = (ValidationCode::ALL.iter().map(|c| c.as_str()))
        .chain(NetworkCode::ALL.iter().map(|c| c.as_str()))
        .collect();
    for code in &all {
        assert!(
            !code.is_empty() && code.bytes().all(|c| c.is_ascii_lowercase() || c == b'_'),
            "{code}"
        );
    }
    let mut sorted = all.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(sorted.len(), all.len(), "a code appears twice");
}
