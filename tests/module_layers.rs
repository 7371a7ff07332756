//! The modules of `src/` form layers: no two import each other, directly or through
//! others. Every path a file names (`use crate::…`, `super::…`, a child module's
//! `pub use`, and `crate::…` written inline) is resolved to the file of the module it
//! reaches, and the graph of files must have no cycle. So the call core never imports
//! a resource or the `Omise` class, and `pagination` depends on the core only.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A module path such as `["models", "shape"]` (the crate root is `[]`).
type ModulePath = Vec<String>;

/// The module a file under `src/` defines.
fn module_of(file: &str) -> ModulePath {
    let mut parts: Vec<String> = file
        .trim_end_matches(".rs")
        .split('/')
        .map(String::from)
        .collect();
    if parts.last().is_some_and(|p| p == "mod" || p == "lib") {
        parts.pop();
    }
    parts
}

/// The code of a Rust file without comments, and with the contents of string and char
/// literals blanked (so that `"https://…"` or `'"'` cannot be read as code).
fn code_only(text: &str) -> String {
    let c: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < c.len() {
        match c[i] {
            '/' if c.get(i + 1) == Some(&'/') => {
                while i < c.len() && c[i] != '\n' {
                    i += 1;
                }
            }
            '/' if c.get(i + 1) == Some(&'*') => {
                i += 2;
                while i + 1 < c.len() && !(c[i] == '*' && c[i + 1] == '/') {
                    i += 1;
                }
                i += 2;
            }
            'r' if !ident(c.get(i.wrapping_sub(1))) && matches!(c.get(i + 1), Some('#' | '"')) => {
                let mut hashes = 0;
                let mut j = i + 1;
                while c.get(j) == Some(&'#') {
                    hashes += 1;
                    j += 1;
                }
                if c.get(j) != Some(&'"') {
                    out.push(c[i]);
                    i += 1;
                    continue;
                }
                let close: String = std::iter::once('"')
                    .chain(std::iter::repeat_n('#', hashes))
                    .collect();
                let rest: String = c[j + 1..].iter().collect();
                let end = rest
                    .find(&close)
                    .map_or(c.len(), |e| j + 1 + rest[..e].chars().count() + close.len());
                out.push_str("\"\"");
                i = end;
            }
            '"' => {
                i += 1;
                while i < c.len() && c[i] != '"' {
                    i += if c[i] == '\\' { 2 } else { 1 };
                }
                i += 1;
                out.push_str("\"\"");
            }
            '\'' if c.get(i + 1) == Some(&'\\') => {
                i += 3;
                while i < c.len() && c[i] != '\'' {
                    i += 1;
                }
                i += 1;
                out.push_str("' '");
            }
            '\'' if c.get(i + 2) == Some(&'\'') => {
                i += 3;
                out.push_str("' '");
            }
            ch => {
                out.push(ch);
                i += 1;
            }
        }
    }
    out
}

fn ident(c: Option<&char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric() || *c == '_')
}

/// The paths of a `use` tree: `a::{b, c::{d as e, self}}` gives `a::b`, `a::c::d`, `a::c`.
fn expand(tree: &str) -> Vec<Vec<String>> {
    let tree: String = tree.split_whitespace().collect::<Vec<_>>().join(" ");
    let tree = tree.trim();
    let Some(open) = tree.find('{') else {
        let path = tree.split(" as ").next().unwrap_or("").trim();
        let segs: Vec<String> = path
            .split("::")
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty() && s != "*" && s != "self")
            .collect();
        return vec![segs];
    };
    let prefix: Vec<String> = tree[..open]
        .split("::")
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
        .collect();
    let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0, 0);
    for (k, ch) in inner.char_indices() {
        match ch {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&inner[start..k]);
                start = k + 1;
            }
            _ => {}
        }
    }
    parts.push(&inner[start..]);
    let mut out = Vec::new();
    for part in parts.into_iter().filter(|p| !p.trim().is_empty()) {
        for rest in expand(part) {
            out.push(prefix.iter().cloned().chain(rest).collect());
        }
    }
    out
}

/// Every path a file's code names, with where it is: its `use` trees and the
/// `crate::`/`super::`/`self::` paths written inline.
fn named_paths(code: &str) -> Vec<(usize, Vec<String>)> {
    let mut out = Vec::new();
    let bytes = code.as_bytes();
    let mut at = 0;
    while let Some(found) = code[at..].find("use ") {
        let start = at + found;
        at = start + 4;
        if start > 0 && ident(Some(&(bytes[start - 1] as char))) {
            continue;
        }
        let end = code[start..].find(';').map_or(code.len(), |e| start + e);
        out.extend(
            expand(&code[start + 4..end])
                .into_iter()
                .map(|p| (start, p)),
        );
    }
    for root in ["crate::", "super::", "self::"] {
        let mut at = 0;
        while let Some(found) = code[at..].find(root) {
            let start = at + found;
            at = start + root.len();
            if start > 0 && (ident(Some(&(bytes[start - 1] as char))) || bytes[start - 1] == b':') {
                continue;
            }
            let len = code[start..]
                .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                .unwrap_or(code.len() - start);
            let path = code[start..start + len]
                .split("::")
                .filter(|s| !s.is_empty())
                .map(String::from);
            out.push((start, path.collect()));
        }
    }
    out
}

/// The inline modules of a file (`mod js { … }`): name and byte range.
fn inline_modules(code: &str) -> Vec<(String, usize, usize)> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(found) = code[at..].find("mod ") {
        let start = at + found;
        at = start + 4;
        let rest = &code[at..];
        let name_len = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        let after = rest[name_len..].trim_start();
        if name_len == 0 || !after.starts_with('{') {
            continue;
        }
        let open = at + name_len + (rest[name_len..].len() - after.len());
        let mut depth = 0;
        let mut end = code.len();
        for (k, ch) in code[open..].char_indices() {
            match ch {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = open + k;
                        break;
                    }
                }
                _ => {}
            }
        }
        out.push((rest[..name_len].to_owned(), open, end));
    }
    out
}

/// The module files each file imports (itself and external crates left out).
fn imports(files: &BTreeMap<String, String>) -> BTreeMap<String, BTreeSet<String>> {
    let modules: BTreeMap<ModulePath, String> =
        files.keys().map(|f| (module_of(f), f.clone())).collect();
    let mut graph = BTreeMap::new();
    for (file, text) in files {
        let here = module_of(file);
        let code = code_only(text);
        let children: BTreeSet<String> = code
            .split(';')
            .filter_map(|s| {
                let s = s.trim();
                let s = s
                    .strip_prefix("pub ")
                    .or_else(|| s.strip_prefix("pub(crate) "))
                    .unwrap_or(s);
                s.strip_prefix("mod ").map(|m| m.trim().to_owned())
            })
            .collect();
        let inline = inline_modules(&code);
        let mut targets = BTreeSet::new();
        for (at, path) in named_paths(&code) {
            // The module this path is written in: the file's, or an inline one inside it.
            let mut base = here.clone();
            base.extend(
                inline
                    .iter()
                    .filter(|(_, s, e)| *s < at && at < *e)
                    .map(|(n, _, _)| n.clone()),
            );
            let Some(first) = path.first() else { continue };
            let mut abs: ModulePath = match first.as_str() {
                "crate" => Vec::new(),
                "super" => base[..base.len().saturating_sub(1)].to_vec(),
                "self" => base.clone(),
                m if children.contains(m) => here.clone(),
                _ => continue,
            };
            let skip = usize::from(matches!(first.as_str(), "crate" | "super" | "self"));
            abs.extend(path[skip..].iter().cloned());
            // The longest prefix that is a file's module is the file reached.
            let target = (0..=abs.len()).rev().find_map(|n| modules.get(&abs[..n]));
            if let Some(t) = target.filter(|t| *t != file) {
                targets.insert(t.clone());
            }
        }
        graph.insert(file.clone(), targets);
    }
    graph
}

/// A cycle of files, if the graph has one.
fn cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        f: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        done: &mut BTreeSet<String>,
        stack: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = stack.iter().position(|s| s == f) {
            let mut c = stack[at..].to_vec();
            c.push(f.to_owned());
            return Some(c);
        }
        if done.contains(f) {
            return None;
        }
        stack.push(f.to_owned());
        for next in graph.get(f).into_iter().flatten() {
            if let Some(c) = visit(next, graph, done, stack) {
                return Some(c);
            }
        }
        stack.pop();
        done.insert(f.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|f| visit(f, graph, &mut done, &mut Vec::new()))
}

fn source_files(dir: &Path, root: &Path, out: &mut BTreeMap<String, String>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            source_files(&path, root, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let name = path
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            out.insert(name, std::fs::read_to_string(&path).unwrap());
        }
    }
}

fn files(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(f, t)| (f.to_string(), t.to_string()))
        .collect()
}

#[test]
fn no_two_modules_of_src_import_each_other() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut sources = BTreeMap::new();
    source_files(&root, &root, &mut sources);
    let graph = imports(&sources);
    if let Some(c) = cycle(&graph) {
        panic!("src/ has an import cycle: {}", c.join(" -> "));
    }
    // The layering this keeps, named: the core under the resources, the facade on top.
    let uses = |from: &str, to: &str| graph[from].contains(to);
    assert!(uses("resources/disputes.rs", "client.rs"));
    assert!(uses("omise.rs", "resources/mod.rs"));
    assert!(uses("pagination.rs", "client.rs"));
    assert!(graph.len() > 20, "read only {} files", graph.len());
}

#[test]
fn the_check_finds_a_cycle_however_it_is_written() {
    let direct = files(&[
        ("lib.rs", "mod a; mod b;"),
        ("a.rs", "use crate::b::{self, Thing};"),
        ("b.rs", "fn f() { crate::a::g() }"),
    ]);
    assert!(cycle(&imports(&direct)).is_some());
    let through_parent = files(&[
        ("lib.rs", "mod m;"),
        ("m/mod.rs", "mod x; pub use x::X;"),
        (
            "m/x.rs",
            "use super::Y; // crate::nothing\nconst S: &str = \"crate::lib\";",
        ),
    ]);
    assert_eq!(
        cycle(&imports(&through_parent)),
        Some(vec![
            "m/mod.rs".to_owned(),
            "m/x.rs".to_owned(),
            "m/mod.rs".to_owned()
        ])
    );
    let inline_module = files(&[
        ("lib.rs", "mod e; pub use e::E;"),
        ("e.rs", "pub struct E; mod js { use super::E; }"),
    ]);
    assert_eq!(cycle(&imports(&inline_module)), None);
    let layered = files(&[
        ("lib.rs", "mod m; pub use m::X;"),
        ("m/mod.rs", "mod x; mod y; pub use x::X;"),
        (
            "m/x.rs",
            "use crate::m::y::Y; let c = '\"'; // use crate::m::X;",
        ),
        ("m/y.rs", "use std::fmt; pub struct Y;"),
    ]);
    assert_eq!(cycle(&imports(&layered)), None);
}
