//! Every validation code the library can produce is listed in the TypeScript union
//! `OmiseValidationCode`, so that `tsc --strict` users can switch on it exhaustively.
#![cfg(not(target_arch = "wasm32"))]

#[test]
fn every_code_in_the_source_is_in_the_typescript_union() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    // The union lives in the declarations that lib.rs includes.
    let lib = std::fs::read_to_string(root.join("declarations.d.ts")).unwrap();
    let union_start = lib.find("export type OmiseValidationCode").unwrap();
    let union = &lib[union_start..lib[union_start..].find(';').unwrap() + union_start];
    let mut files = vec![root.join("lib.rs")];
    for dir in [root.clone(), root.join("resources")] {
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            if e.path().extension().is_some_and(|x| x == "rs") {
                files.push(e.path());
            }
        }
    }
    let mut found = 0;
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        // Every quoted snake_case word that reads like a validation code.
        for piece in text.split('"').skip(1).step_by(2) {
            let code = piece;
            let prefixes = [
                "invalid_",
                "unknown_",
                "missing_",
                "empty_",
                "file_",
                "unsupported_",
                "unreadable_",
                "secret_key_",
            ];
            if prefixes.iter().any(|p| code.starts_with(p))
                && code.chars().all(|c| c.is_ascii_lowercase() || c == '_')
            {
                assert!(
                    union.contains(&format!("'{code}'")),
                    "{code} ({}) is missing from OmiseValidationCode",
                    f.display()
                );
                found += 1;
            }
        }
    }
    assert!(found > 30, "found only {found} codes");
}
