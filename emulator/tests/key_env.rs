//! The secret key from OMISE_EMULATOR_SECRET_KEY, so that it need not be on the command line.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

#[test]
fn the_key_can_come_from_the_environment() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_omise-emulator"))
        .args(["--host", "127.0.0.1", "--port", "0"])
        .env("OMISE_EMULATOR_SECRET_KEY", "skey_test_from_env")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn emulator");
    let mut line = String::new();
    BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut line)
        .expect("read url");
    let url = line.trim().to_string();
    let client = reqwest::blocking::Client::new();
    let status = |key: &str| {
        client
            .get(format!("{url}/disputes?limit=1"))
            .basic_auth(key, Some(""))
            .send()
            .map(|r| r.status().as_u16())
            .unwrap_or(0)
    };
    let from_env = status("skey_test_from_env");
    let default = status("skey_test_emulator");
    let _ = child.kill();
    let _ = child.wait();
    assert_eq!(from_env, 200);
    assert_eq!(default, 401, "the default key no longer works");
}
