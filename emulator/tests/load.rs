//! Concurrency: parallel updates and uploads lose nothing; 1,000 simultaneous connections.

mod common;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use base64::Engine;
use common::{png, Emu, KEY};
use serde_json::{json, Value};

#[test]
fn concurrent_patches_and_uploads_lose_nothing() {
    let emu = Emu::with_args(&["--disputes", "1000"]);
    let mut open = Vec::new();
    for offset in [0, 100] {
        open.extend(emu.ids(&format!("/disputes/open?limit=100&offset={offset}")));
    }
    assert!(open.len() >= 150);
    let patch_ids: Vec<String> = open[..120].to_vec();
    let upload_target = open[140].clone();
    let before = emu.get(&format!("/disputes/{upload_target}")).1["documents"]["total"]
        .as_u64()
        .unwrap_or(0);
    let emu_ref = &emu;
    std::thread::scope(|s| {
        for (i, id) in patch_ids.iter().enumerate() {
            s.spawn(move || {
                let (st, d) = emu_ref.patch(
                    &format!("/disputes/{id}"),
                    &json!({"message": format!("msg {i}"), "metadata": {"i": i}}),
                );
                assert_eq!(st, 200, "{d}");
            });
        }
        for i in 0..120usize {
            let target = &upload_target;
            s.spawn(move || {
                let (st, d) = emu_ref.upload(
                    target,
                    &format!("f{i}.png"),
                    png(1000 + i),
                    Some("proof_of_receipt"),
                );
                assert_eq!(st, 200, "{d}");
            });
        }
    });
    for (i, id) in patch_ids.iter().enumerate() {
        let (_, d) = emu.get(&format!("/disputes/{id}"));
        assert_eq!(d["status"], "pending");
        assert_eq!(d["message"], format!("msg {i}"));
        assert_eq!(d["metadata"], json!({"i": i}));
    }
    let (_, docs) = emu.get(&format!("/disputes/{upload_target}/documents?limit=100"));
    assert_eq!(docs["total"].as_u64(), Some(before + 120));
    let mut all = docs["data"].as_array().cloned().unwrap_or_default();
    all.extend(
        emu.get(&format!(
            "/disputes/{upload_target}/documents?limit=100&offset=100"
        ))
        .1["data"]
            .as_array()
            .cloned()
            .unwrap_or_default(),
    );
    let mut names: Vec<String> = all
        .iter()
        .filter_map(|d| d["filename"].as_str().map(str::to_string))
        .filter(|n| n.starts_with('f'))
        .collect();
    names.sort();
    names.dedup();
    assert_eq!(names.len(), 120);
    // Every upload's bytes are intact.
    for d in all
        .iter()
        .filter(|d| d["filename"].as_str().unwrap_or("").starts_with('f'))
    {
        let i: usize = d["filename"].as_str().unwrap_or("")[1..]
            .trim_end_matches(".png")
            .parse()
            .unwrap_or(0);
        let body = emu
            .client
            .get(d["download_uri"].as_str().unwrap_or(""))
            .send()
            .expect("dl")
            .bytes()
            .expect("b");
        assert_eq!(body.to_vec(), png(1000 + i));
    }
    let (_, pending) = emu.get("/disputes/pending?limit=1");
    let v: &Value = &pending["total"];
    assert!(v.as_u64().unwrap_or(0) >= 120);
}

#[test]
fn thousand_simultaneous_connections() {
    let emu = Emu::start();
    let addr = emu.url.trim_start_matches("http://").to_string();
    let auth = base64::engine::general_purpose::STANDARD.encode(format!("{KEY}:"));
    let request = format!(
        "GET /disputes?limit=1 HTTP/1.1\r\nHost: {addr}\r\nAuthorization: Basic {auth}\r\nConnection: close\r\n\r\n"
    );
    // Open all 1,000 connections first so they are simultaneously established.
    let mut conns: Vec<TcpStream> = (0..1000)
        .map(|_| {
            let c = TcpStream::connect(&addr).expect("connect");
            c.set_read_timeout(Some(Duration::from_secs(30)))
                .expect("timeout");
            c
        })
        .collect();
    for c in &mut conns {
        c.write_all(request.as_bytes()).expect("write");
    }
    let mut ok = 0;
    for c in &mut conns {
        let mut buf = Vec::new();
        c.read_to_end(&mut buf).expect("read");
        if buf.starts_with(b"HTTP/1.1 200") {
            ok += 1;
        }
    }
    assert_eq!(ok, 1000);
    let log = emu.control(reqwest::Method::GET, "requests", None).1;
    assert_eq!(log.as_array().map(Vec::len), Some(1000));
}
