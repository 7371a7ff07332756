//! Document upload, listing, download and deletion.

mod common;

use common::{assert_error, json_of, png, Emu};
use reqwest::Method;
use serde_json::Value;

const MIB10: usize = 10 * 1024 * 1024;

#[test]
fn upload_download_delete_round_trip() {
    let emu = Emu::start();
    let id = emu.open_dispute(2);
    let before = emu.get(&format!("/disputes/{id}")).1["documents"]["total"]
        .as_u64()
        .unwrap_or(0);
    let pdf = b"%PDF-1.7\nsome bytes \x00\x01\xff".to_vec();
    let jpeg = vec![0xFF, 0xD8, 0xFF, 0xE0, 0, 1, 2, 3, 0xFF, 0xD9];
    let png_bytes = png(5000);
    let mut docs = Vec::new();
    for (name, bytes, kind, ct) in [
        (
            "evidence.png",
            png_bytes.clone(),
            Some("proof_of_receipt"),
            "image/png",
        ),
        (
            "receipt scan.jpg",
            jpeg.clone(),
            Some("cardholder_details"),
            "image/jpeg",
        ),
        ("invoice.pdf", pdf.clone(), None, "application/pdf"),
    ] {
        let (s, d) = emu.upload(&id, name, bytes.clone(), kind);
        assert_eq!(s, 200, "{d}");
        assert_eq!(d["object"], "document");
        assert_eq!(d["deleted"], false);
        assert_eq!(d["livemode"], false);
        assert_eq!(d["filename"], name);
        assert_eq!(d["kind"], kind.map(Value::from).unwrap_or(Value::Null));
        let did = d["id"].as_str().unwrap_or("").to_string();
        assert!(did.starts_with("docu_test_") && did.len() == 29, "{did}");
        assert_eq!(d["location"], format!("/disputes/{id}/documents/{did}"));
        let uri = d["download_uri"].as_str().unwrap_or("").to_string();
        assert!(
            uri.starts_with(&format!("{}/__files/{did}/", emu.url)),
            "{uri}"
        );
        // Downloads need no auth and are byte-for-byte.
        let resp = emu.client.get(&uri).send().expect("download");
        assert_eq!(resp.status().as_u16(), 200);
        assert_eq!(
            resp.headers()
                .get("content-type")
                .and_then(|v| v.to_str().ok()),
            Some(ct)
        );
        assert_eq!(
            resp.headers()
                .get("access-control-allow-origin")
                .map(|v| v.as_bytes()),
            Some(&b"*"[..])
        );
        assert_eq!(resp.bytes().expect("bytes").to_vec(), bytes);
        let (s, got) = emu.get(&format!("/disputes/{id}/documents/{did}"));
        assert_eq!(s, 200);
        assert_eq!(got, d);
        docs.push((did, uri));
    }
    let (s, list) = emu.get(&format!("/disputes/{id}/documents"));
    assert_eq!(s, 200);
    assert_eq!(list["object"], "list");
    assert_eq!(list["location"], format!("/disputes/{id}/documents"));
    assert_eq!(list["total"].as_u64(), Some(before + 3));
    let listed: Vec<&str> = list["data"]
        .as_array()
        .expect("data")
        .iter()
        .filter_map(|d| d["id"].as_str())
        .collect();
    for (did, _) in &docs {
        assert!(listed.contains(&did.as_str()));
    }
    let emb = emu.get(&format!("/disputes/{id}")).1;
    assert_eq!(emb["documents"]["total"].as_u64(), Some(before + 3));
    assert_error(
        &emu.get(&format!("/disputes/{id}/documents?limit=0")),
        400,
        "bad_request",
    );
    let (_, page) = emu.get(&format!(
        "/disputes/{id}/documents?limit=1&order=reverse_chronological"
    ));
    assert_eq!(page["data"].as_array().map(Vec::len), Some(1));

    // Delete the first.
    let (did, uri) = &docs[0];
    let (s, del) = emu.delete(&format!("/disputes/{id}/documents/{did}"));
    assert_eq!(s, 200, "{del}");
    assert_eq!(del["object"], "document");
    assert_eq!(del["id"], did.as_str());
    assert_eq!(del["deleted"], true);
    assert_eq!(del["livemode"], false);
    assert_error(
        &emu.get(&format!("/disputes/{id}/documents/{did}")),
        404,
        "not_found",
    );
    assert_error(
        &emu.delete(&format!("/disputes/{id}/documents/{did}")),
        404,
        "not_found",
    );
    let list = emu.get(&format!("/disputes/{id}/documents")).1;
    assert_eq!(list["total"].as_u64(), Some(before + 2));
    assert!(!list.to_string().contains(did.as_str()));
    let resp = emu.client.get(uri).send().expect("download");
    assert_eq!(resp.status().as_u16(), 404);
    assert_eq!(resp.json::<Value>().expect("json")["code"], "not_found");
}

#[test]
fn seeded_documents_download() {
    let emu = Emu::with_args(&["--disputes", "100"]);
    let (_, v) = emu.get("/disputes?limit=100");
    let docs: Vec<Value> = v["data"]
        .as_array()
        .expect("data")
        .iter()
        .flat_map(|d| {
            d["documents"]["data"]
                .as_array()
                .cloned()
                .unwrap_or_default()
        })
        .collect();
    assert!(!docs.is_empty(), "some seeded disputes have documents");
    for d in docs {
        let uri = d["download_uri"].as_str().unwrap_or("");
        let resp = emu.client.get(uri).send().expect("download");
        assert_eq!(resp.status().as_u16(), 200, "{uri}");
        let bytes = resp.bytes().expect("bytes");
        assert!(
            bytes.starts_with(b"%PDF-")
                || bytes.starts_with(&[0x89, b'P'])
                || bytes.starts_with(&[0xFF, 0xD8, 0xFF])
        );
    }
}

#[test]
fn upload_errors() {
    let emu = Emu::start();
    let id = emu.open_dispute(3);
    let docs = format!("/disputes/{id}/documents");
    assert_error(
        &emu.upload(&id, "a.txt", b"hello world".to_vec(), None),
        400,
        "bad_request",
    );
    assert_error(
        &emu.upload(&id, "a.gif", b"GIF89a....".to_vec(), None),
        400,
        "bad_request",
    );
    assert_error(
        &emu.upload(&id, "e.png", Vec::new(), None),
        400,
        "bad_request",
    );
    let bad_kind = emu.upload(&id, "a.png", png(10), Some("selfie"));
    assert_error(&bad_kind, 400, "bad_request");
    assert!(bad_kind.1["message"]
        .as_str()
        .unwrap_or("")
        .contains("kind"));
    // No file part / not multipart.
    let form = reqwest::blocking::multipart::Form::new().text("kind", "proof_of_receipt");
    assert_error(
        &json_of(
            emu.req(Method::POST, &docs)
                .multipart(form)
                .send()
                .expect("send"),
        ),
        400,
        "bad_request",
    );
    assert_error(
        &json_of(emu.req(Method::POST, &docs).body("x").send().expect("send")),
        400,
        "bad_request",
    );
    // Too large: 10 MiB + 1 → 413 JSON; exactly 10 MiB is accepted; far larger is still a JSON answer.
    let too_big = emu.upload(&id, "big.png", png(MIB10 + 1 - 8), None);
    assert_error(&too_big, 413, "file_too_large");
    let way_too_big = emu.upload(&id, "huge.png", png(3 * MIB10), None);
    assert_error(&way_too_big, 413, "file_too_large");
    let (s, d) = emu.upload(&id, "max.png", png(MIB10 - 8), None);
    assert_eq!(s, 200, "{d}");
    let back = emu
        .client
        .get(d["download_uri"].as_str().unwrap_or(""))
        .send()
        .expect("dl")
        .bytes()
        .expect("b");
    assert_eq!(back.len(), MIB10);
    assert_eq!(back.to_vec(), png(MIB10 - 8));
    // Default filename.
    let part = reqwest::blocking::multipart::Part::bytes(png(3));
    let form = reqwest::blocking::multipart::Form::new().part("file", part);
    let (s, d) = json_of(
        emu.req(Method::POST, &docs)
            .multipart(form)
            .send()
            .expect("send"),
    );
    assert_eq!(s, 200, "{d}");
    assert_eq!(d["filename"], "document");
    // Unknown dispute, non-open dispute.
    assert_error(
        &emu.upload("dspt_test_nope", "a.png", png(1), None),
        404,
        "not_found",
    );
    let closed = emu.ids("/disputes/closed?limit=1")[0].clone();
    assert_error(
        &emu.upload(&closed, "a.png", png(1), None),
        400,
        "invalid_dispute",
    );
    let pending = emu.ids("/disputes/pending?limit=1")[0].clone();
    assert_error(
        &emu.upload(&pending, "a.png", png(1), None),
        400,
        "invalid_dispute",
    );
}

#[test]
fn delete_requires_open_dispute() {
    let emu = Emu::start();
    let id = emu.open_dispute(4);
    let (_, d) = emu.upload(
        &id,
        "a.pdf",
        b"%PDF-1.4 x".to_vec(),
        Some("details_of_purchase"),
    );
    let did = d["id"].as_str().unwrap_or("").to_string();
    let (s, _) = emu.patch(
        &format!("/disputes/{id}"),
        &serde_json::json!({"message": "done"}),
    );
    assert_eq!(s, 200);
    let got = emu.delete(&format!("/disputes/{id}/documents/{did}"));
    assert_error(&got, 400, "invalid_dispute");
    assert_eq!(
        emu.get(&format!("/disputes/{id}/documents/{did}")).0,
        200,
        "still there"
    );
    assert_error(
        &emu.delete(&format!("/disputes/{id}/documents/docu_test_nope")),
        404,
        "not_found",
    );
    assert_error(
        &emu.delete("/disputes/dspt_test_nope/documents/docu_test_nope"),
        404,
        "not_found",
    );
    assert_error(
        &emu.get(&format!("/disputes/{id}/documents/docu_test_nope")),
        404,
        "not_found",
    );
    assert_error(
        &emu.get("/disputes/dspt_test_nope/documents"),
        404,
        "not_found",
    );
    let wrong = json_of(
        emu.req(Method::PATCH, &format!("/disputes/{id}/documents/{did}"))
            .send()
            .expect("send"),
    );
    assert_error(&wrong, 405, "method_not_allowed");
}
