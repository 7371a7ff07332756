//! Shared helpers: spawn the emulator binary and talk to it with reqwest.
#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::process::{Child, ChildStdout, Command, Stdio};

use reqwest::blocking::{Client, RequestBuilder, Response};
use reqwest::Method;
use serde_json::Value;

/// The default secret key.
pub const KEY: &str = "skey_test_emulator";

/// A running emulator, killed on drop.
pub struct Emu {
    child: Child,
    _stdout: BufReader<ChildStdout>,
    /// `http://127.0.0.1:PORT`.
    pub url: String,
    /// A client with a generous timeout.
    pub client: Client,
}

impl Emu {
    /// Starts with default flags.
    pub fn start() -> Self {
        Self::with_args(&[])
    }

    /// Starts with extra flags.
    pub fn with_args(args: &[&str]) -> Self {
        let mut child = Command::new(env!("CARGO_BIN_EXE_omise-emulator"))
            .args(["--host", "127.0.0.1", "--port", "0"])
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("spawn emulator");
        let mut stdout = BufReader::new(child.stdout.take().expect("stdout"));
        let mut line = String::new();
        stdout.read_line(&mut line).expect("read url");
        let url = line.trim().to_string();
        assert!(
            url.starts_with("http://127.0.0.1:"),
            "first line was {url:?}"
        );
        let client = Client::builder()
            .timeout(std::time::Duration::from_secs(30))
            .pool_max_idle_per_host(0)
            .build()
            .expect("client");
        Emu {
            child,
            _stdout: stdout,
            url,
            client,
        }
    }

    /// A request with the default key.
    pub fn req(&self, method: Method, path: &str) -> RequestBuilder {
        self.client
            .request(method, format!("{}{}", self.url, path))
            .basic_auth(KEY, Some(""))
    }

    /// A request without auth.
    pub fn raw(&self, method: Method, path: &str) -> RequestBuilder {
        self.client.request(method, format!("{}{}", self.url, path))
    }

    /// GET with auth → (status, JSON).
    pub fn get(&self, path: &str) -> (u16, Value) {
        json_of(self.req(Method::GET, path).send().expect("send"))
    }

    /// PATCH a JSON body with auth.
    pub fn patch(&self, path: &str, body: &Value) -> (u16, Value) {
        json_of(
            self.req(Method::PATCH, path)
                .json(body)
                .send()
                .expect("send"),
        )
    }

    /// DELETE with auth.
    pub fn delete(&self, path: &str) -> (u16, Value) {
        json_of(self.req(Method::DELETE, path).send().expect("send"))
    }

    /// Control API call.
    pub fn control(&self, method: Method, path: &str, body: Option<Value>) -> (u16, Value) {
        let mut rb = self.raw(method, &format!("/__emulator/{path}"));
        if let Some(b) = body {
            rb = rb.json(&b);
        }
        json_of(rb.send().expect("send"))
    }

    /// Queues a fault.
    pub fn fault(&self, fault: Value) {
        let (s, v) = self.control(Method::POST, "faults", Some(fault));
        assert_eq!(s, 200, "{v}");
    }

    /// Uploads a file to a dispute.
    pub fn upload(
        &self,
        dispute: &str,
        filename: &str,
        bytes: Vec<u8>,
        kind: Option<&str>,
    ) -> (u16, Value) {
        let part = reqwest::blocking::multipart::Part::bytes(bytes).file_name(filename.to_string());
        let mut form = reqwest::blocking::multipart::Form::new().part("file", part);
        if let Some(k) = kind {
            form = form.text("kind", k.to_string());
        }
        json_of(
            self.req(Method::POST, &format!("/disputes/{dispute}/documents"))
                .multipart(form)
                .send()
                .expect("send"),
        )
    }

    /// Ids of the first `n` (≤ 100) disputes of a list path.
    pub fn ids(&self, path: &str) -> Vec<String> {
        let (s, v) = self.get(path);
        assert_eq!(s, 200, "{v}");
        v["data"]
            .as_array()
            .expect("data")
            .iter()
            .map(|d| d["id"].as_str().unwrap_or_default().to_string())
            .collect()
    }

    /// The first open dispute's id (offset `n`).
    pub fn open_dispute(&self, n: usize) -> String {
        self.ids(&format!("/disputes/open?limit=1&offset={n}"))[0].clone()
    }
}

impl Drop for Emu {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Status and parsed JSON (Null if the body is not JSON).
pub fn json_of(resp: Response) -> (u16, Value) {
    let status = resp.status().as_u16();
    let text = resp.text().unwrap_or_default();
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

/// Asserts an Omise error object with the given status and code.
pub fn assert_error(got: &(u16, Value), status: u16, code: &str) {
    let (s, v) = got;
    assert_eq!(*s, status, "{v}");
    assert_eq!(v["object"], "error", "{v}");
    assert_eq!(v["code"], code, "{v}");
    assert!(
        v["location"]
            .as_str()
            .unwrap_or("")
            .starts_with("https://www.omise.co/api-errors#"),
        "{v}"
    );
    assert!(!v["message"].as_str().unwrap_or("").is_empty(), "{v}");
}

/// A small PNG-looking payload.
pub fn png(extra: usize) -> Vec<u8> {
    let mut v = vec![0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    v.extend((0..extra).map(|i| (i % 251) as u8));
    v
}
