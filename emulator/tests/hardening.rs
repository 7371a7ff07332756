//! The emulator defends itself like a real server: slow clients are dropped, a client
//! that is not authenticated gets its 401 before any of its body is read, and the control
//! API answers only requests without an Origin or from an origin it was told about.

mod common;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use common::Emu;
use reqwest::Method;

fn connect(emu: &Emu) -> TcpStream {
    let addr = emu.url.trim_start_matches("http://");
    let s = TcpStream::connect(addr).expect("connect");
    // A safety net so that a broken server fails the test instead of hanging it.
    s.set_read_timeout(Some(Duration::from_secs(90)))
        .expect("timeout");
    s
}

/// Reads until the server closes the connection; returns what it sent.
fn read_to_close(mut s: TcpStream) -> String {
    let mut out = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        match s.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => out.extend_from_slice(&buf[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset => break,
            Err(e) => panic!("the server kept the connection open: {e}"),
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[test]
fn slow_clients_are_dropped_whether_they_stall_in_the_headers_or_in_the_body() {
    let emu = Emu::start();
    let mut clients = Vec::new();
    for i in 0..50 {
        let mut s = connect(&emu);
        if i % 2 == 0 {
            s.write_all(b"GET /disputes HTTP/1.1\r\nHost: x\r\n")
                .expect("write");
        } else {
            let head = format!(
                "POST /disputes/dspt_test_x/documents HTTP/1.1\r\nHost: x\r\nAuthorization: Basic {}\r\nContent-Length: 1000\r\n\r\n0123456789",
                "c2tleV90ZXN0X2VtdWxhdG9yOg=="
            );
            s.write_all(head.as_bytes()).expect("write");
        }
        clients.push(s);
    }
    let closed = clients.into_iter().map(read_to_close).count();
    println!("slow clients: {closed} of 50 dropped by the server (header and body read timeouts)");
    // The server still answers everyone else.
    assert_eq!(emu.get("/disputes").0, 200);
}

#[test]
fn an_unauthenticated_upload_is_refused_before_its_body_is_read() {
    let emu = Emu::start();
    for auth in ["", "Authorization: Basic d3Jvbmc6\r\n"] {
        let mut s = connect(&emu);
        // Claims 10 MiB but sends none of it: the 401 must come anyway.
        let head = format!(
            "POST /disputes/dspt_test_x/documents HTTP/1.1\r\nHost: x\r\n{auth}Content-Type: multipart/form-data; boundary=b\r\nContent-Length: 10485760\r\n\r\n"
        );
        s.write_all(head.as_bytes()).expect("write");
        let answer = read_to_close(s);
        assert!(answer.starts_with("HTTP/1.1 401"), "{answer}");
        assert!(answer.contains("authentication_failure"), "{answer}");
    }
}

#[test]
fn the_control_api_answers_only_no_origin_its_own_origin_or_one_it_was_given() {
    let emu = Emu::with_args(&[
        "--control-origin",
        "http://127.0.0.1:9",
        "--control-origin=http://localhost:*",
    ]);
    let control = |method: Method, origin: Option<&str>| {
        let mut r = emu.raw(method.clone(), "/__emulator/reset");
        if let Some(o) = origin {
            r = r.header("Origin", o);
        }
        if method == Method::OPTIONS {
            r = r.header("Access-Control-Request-Method", "POST");
        }
        let resp = r.send().expect("send");
        let cors = resp.headers().get("access-control-allow-origin").is_some();
        (resp.status().as_u16(), cors)
    };
    let own = emu.url.clone();
    let table: [(Method, Option<&str>, u16, bool); 12] = [
        (Method::POST, Some("http://localhost:5173"), 200, true),
        (Method::POST, Some("http://localhost"), 403, false),
        (
            Method::POST,
            Some("http://localhost:80.evil.example"),
            403,
            false,
        ),
        (
            Method::POST,
            Some("http://localhost.evil.example:80"),
            403,
            false,
        ),
        (Method::POST, None, 200, true),
        (Method::POST, Some(&own), 200, true),
        (Method::POST, Some("http://127.0.0.1:9"), 200, true),
        (Method::POST, Some("http://evil.example"), 403, false),
        (Method::POST, Some("null"), 403, false),
        (Method::OPTIONS, Some("http://evil.example"), 403, false),
        (Method::OPTIONS, Some(&own), 204, true),
        (Method::POST, Some("http://127.0.0.1:10"), 403, false),
    ];
    for (method, origin, status, cors) in &table {
        assert_eq!(
            control(method.clone(), *origin),
            (*status, *cors),
            "{method} from {origin:?}"
        );
    }
    println!("control API origins: {} cases", table.len());
    // The API itself still serves any origin (a browser behind no proxy).
    let resp = emu
        .req(Method::GET, "/disputes")
        .header("Origin", "http://evil.example")
        .send()
        .expect("send");
    assert_eq!(resp.status().as_u16(), 200);
}
