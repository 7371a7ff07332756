//! Evidence documents against the emulator (issue 4): uploads from File, Blob and
//! Uint8Array with progress, byte-for-byte downloads, list/retrieve/destroy, every
//! refusal sending nothing, a 10 MiB upload that does not grow wasm memory, and an
//! abort in flight that leaves no document behind.

mod common;

use common::*;
use js_sys::{Array, Function, Uint8Array};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{AbortController, File, FilePropertyBag};

#[cfg(feature = "browser-tests")]
wasm_bindgen_test_configure!(run_in_browser);

const PDF: &[u8] = include_bytes!("data/delivery.pdf");
const PNG: &[u8] = include_bytes!("data/receipt.png");
const JPG: &[u8] = include_bytes!("data/receipt.jpg");

/// A `File` of `bytes` named `name`, labelled `mime`.
fn file_of(bytes: &[u8], name: &str, mime: &str) -> File {
    let bag = FilePropertyBag::new();
    bag.set_type(mime);
    File::new_with_u8_array_sequence_and_options(&Array::of1(&Uint8Array::from(bytes)), name, &bag)
        .unwrap()
}

/// The `(loaded, total)` of every progress event seen.
type Events = Rc<RefCell<Vec<(f64, f64)>>>;

/// An `onProgress` callback and the events it records.
fn progress_recorder() -> (Function, Events) {
    let seen = Rc::new(RefCell::new(Vec::new()));
    let s = seen.clone();
    let f = Closure::<dyn FnMut(JsValue)>::new(move |e: JsValue| {
        s.borrow_mut()
            .push((number_of(&e, "loaded"), number_of(&e, "total")));
    })
    .into_js_value();
    (f.unchecked_into(), seen)
}

fn assert_progress(events: &[(f64, f64)]) {
    assert!(!events.is_empty(), "no progress event");
    let (last_loaded, last_total) = *events.last().unwrap();
    assert!(
        last_total > 0.0 && last_loaded == last_total,
        "last event {events:?}"
    );
    assert!(
        events.windows(2).all(|w| w[0].0 <= w[1].0),
        "progress went back: {events:?}"
    );
    if !in_browser() {
        assert!(
            events.len() >= 2 && events[0].0 == 0.0,
            "Node: a first and a final event: {events:?}"
        );
    }
}

#[wasm_bindgen_test]
async fn files_of_each_type_come_back_byte_for_byte() {
    let t = new_tag();
    let omise = emulator_client(&t);
    let id = open_dispute_id(&omise, 0).await;
    for (bytes, name, mime, kind) in [
        (PDF, "delivery.pdf", "application/pdf", "proof_of_receipt"),
        (PNG, "receipt.png", "image/png", "details_of_purchase"),
        (JPG, "receipt.jpg", "image/jpeg", "cardholder_details"),
    ] {
        let (on_progress, seen) = progress_recorder();
        let opts = arg_object(&[("kind", kind.into()), ("onProgress", on_progress.into())]);
        let doc = wait(omise.documents().upload(
            id.clone().into(),
            file_of(bytes, name, mime).into(),
            opts,
        ))
        .await
        .unwrap();
        assert_eq!(string_of(&doc, "object"), "document");
        assert!(string_of(&doc, "id").starts_with("docu_"));
        assert_eq!(string_of(&doc, "filename"), name);
        assert_eq!(string_of(&doc, "kind"), kind);
        assert_eq!(bytes_at(&doc).await, bytes, "{name} changed on the way");
        assert_progress(&seen.borrow());
    }
    let posts: Vec<_> = requests(&t)
        .await
        .into_iter()
        .filter(|r| string_of(r, "method") == "POST")
        .collect();
    assert_eq!(posts.len(), 3);
    let ct = string_of(&property(&posts[0], "headers"), "content-type");
    assert!(ct.starts_with("multipart/form-data; boundary="), "{ct}");
}

async fn bytes_at(doc: &JsValue) -> Vec<u8> {
    download(&string_of(doc, "download_uri")).await
}

#[wasm_bindgen_test]
async fn blobs_and_byte_arrays_get_a_sensible_name() {
    let omise = emulator_client(&new_tag());
    let id = open_dispute_id(&omise, 1).await;
    let doc = wait(
        omise
            .documents()
            .upload(id.clone().into(), blob_of(PNG).into(), None),
    )
    .await
    .unwrap();
    assert_eq!(string_of(&doc, "filename"), "evidence.png");
    assert_eq!(bytes_at(&doc).await, PNG);

    let u8s = Uint8Array::from(PDF);
    let doc = wait(omise.documents().upload(
        id.clone().into(),
        u8s.into(),
        arg_object(&[("filename", "signed-delivery-note.pdf".into())]),
    ))
    .await
    .unwrap();
    assert_eq!(string_of(&doc, "filename"), "signed-delivery-note.pdf");
    assert_eq!(bytes_at(&doc).await, PDF);
}

#[wasm_bindgen_test]
async fn list_retrieve_destroy() {
    let omise = emulator_client(&new_tag());
    let id = open_dispute_id(&omise, 2).await;
    let doc = wait(omise.documents().upload(
        id.clone().into(),
        file_of(JPG, "a.jpg", "image/jpeg").into(),
        None,
    ))
    .await
    .unwrap();
    let doc_id = string_of(&doc, "id");
    let list = wait(omise.documents().list(id.clone().into(), None, None))
        .await
        .unwrap();
    assert!(list_data(&list)
        .iter()
        .any(|d| string_of(d, "id") == doc_id));
    assert_eq!(
        string_of(&list, "location"),
        format!("/disputes/{id}/documents")
    );
    let got = wait(
        omise
            .documents()
            .retrieve(id.clone().into(), doc_id.clone().into(), None),
    )
    .await
    .unwrap();
    assert_eq!(string_of(&got, "filename"), "a.jpg");
    let gone = wait(
        omise
            .documents()
            .destroy(id.clone().into(), doc_id.clone().into(), None),
    )
    .await
    .unwrap();
    assert!(property(&gone, "deleted").is_truthy());
    let e = wait(
        omise
            .documents()
            .retrieve(id.clone().into(), doc_id.clone().into(), None),
    )
    .await
    .unwrap_err();
    assert_error(&e, "OmiseApiError", Some("not_found"));
    let list = wait(omise.documents().list(id.into(), None, None))
        .await
        .unwrap();
    assert!(!list_data(&list)
        .iter()
        .any(|d| string_of(d, "id") == doc_id));
}

#[wasm_bindgen_test]
async fn the_server_refuses_evidence_for_a_dispute_that_is_not_open() {
    let omise = emulator_client(&new_tag());
    let p = js_object(&[("limit", 1.into())]);
    let pending = wait(
        omise
            .disputes()
            .list_pending(Some(p.unchecked_into()), None),
    )
    .await
    .unwrap();
    let id = string_of(&list_data(&pending)[0], "id");
    let e = wait(
        omise
            .documents()
            .upload(id.into(), blob_of(PDF).into(), None),
    )
    .await
    .unwrap_err();
    assert_error(&e, "OmiseApiError", None);
    assert_eq!(number_of(&e, "status"), 400.0);
    assert!(!string_of(&e, "code").is_empty());
}

#[wasm_bindgen_test]
async fn every_refusal_is_typed_and_sends_nothing() {
    let t = new_tag();
    let omise = emulator_client(&t);
    let id: JsValue = "dspt_test_5089off452g5m5te7xs".into();
    let big = Uint8Array::new_with_length(10 * 1024 * 1024 + 1);
    big.set(&Uint8Array::from(&b"%PDF-1.4"[..]), 0);
    let exe = file_of(
        b"MZ\x90\x00\x03\x00\x00\x00\x04\x00",
        "invoice.pdf",
        "application/pdf",
    );
    let d = omise.documents();
    let cases: Vec<(js_sys::Promise, &str, &str)> = vec![
        (
            d.upload(id.clone(), blob_of(b"").into(), None),
            "empty_file",
            "file",
        ),
        (
            d.upload(id.clone(), big.into(), None),
            "file_too_large",
            "file",
        ),
        (
            d.upload(id.clone(), exe.into(), None),
            "unsupported_file_type",
            "file",
        ),
        (
            d.upload(id.clone(), blob_of(b"%PD").into(), None),
            "unsupported_file_type",
            "file",
        ),
        (
            d.upload(id.clone(), "not a file".into(), None),
            "invalid_file",
            "file",
        ),
        (
            d.upload(id.clone(), JsValue::NULL, None),
            "invalid_file",
            "file",
        ),
        (
            d.upload("dspt_a/b".into(), blob_of(PDF).into(), None),
            "invalid_id",
            "disputeId",
        ),
        (
            d.upload(
                id.clone(),
                blob_of(PDF).into(),
                arg_object(&[("kind", "receipt".into())]),
            ),
            "invalid_kind",
            "kind",
        ),
        (
            d.upload(
                id.clone(),
                blob_of(PDF).into(),
                arg_object(&[("onProgress", 5.into())]),
            ),
            "invalid_on_progress",
            "onProgress",
        ),
        (
            d.upload(
                id.clone(),
                blob_of(PDF).into(),
                arg_object(&[("filename", "../etc/passwd".into())]),
            ),
            "invalid_filename",
            "filename",
        ),
        (
            d.upload(
                id.clone(),
                blob_of(PDF).into(),
                arg_object(&[("maxRetries", 3.into())]),
            ),
            "unknown_option",
            "maxRetries",
        ),
        (
            d.list(
                id.clone(),
                Some(js_object(&[("limit", 101.into())]).unchecked_into()),
                None,
            ),
            "invalid_limit",
            "limit",
        ),
        (
            d.retrieve(id.clone(), "dspt_test_1".into(), None),
            "invalid_id",
            "documentId",
        ),
        (
            d.destroy(id.clone(), "docu_test_1?x=1".into(), None),
            "invalid_id",
            "documentId",
        ),
    ];
    assert_each_refused(cases).await;
    assert!(
        requests(&t).await.is_empty(),
        "a refused upload sent a request"
    );
}

#[wasm_bindgen_test]
async fn ten_mib_go_through_without_entering_wasm_memory() {
    let omise = emulator_client(&new_tag());
    let id = open_dispute_id(&omise, 3).await;
    let size = 10 * 1024 * 1024;
    let big = Uint8Array::new_with_length(size);
    big.set(&Uint8Array::from(&b"%PDF-1.7\n"[..]), 0);
    big.set_index(size - 1, 0x0A);
    let f = File::new_with_u8_array_sequence(&Array::of1(&big), "scan.pdf").unwrap();
    let before = memory_bytes();
    let (on_progress, seen) = progress_recorder();
    let doc = wait(omise.documents().upload(
        id.into(),
        f.into(),
        arg_object(&[("onProgress", on_progress.into())]),
    ))
    .await
    .unwrap();
    let after = memory_bytes();
    report(&format!(
        "10 MiB upload: wasm memory {before} -> {after} bytes (+{}), {} progress events",
        after - before,
        seen.borrow().len()
    ));
    assert!(
        after - before < 1024.0 * 1024.0,
        "the file was copied into wasm memory"
    );
    assert_progress(&seen.borrow());
    let back = download(&string_of(&doc, "download_uri")).await;
    assert_eq!(back.len(), size as usize);
    assert_eq!(&back[..9], b"%PDF-1.7\n");
}

async fn document_count(omise: &omise_wasm::Omise, id: &str) -> f64 {
    let list = wait(omise.documents().list(id.into(), None, None))
        .await
        .unwrap();
    number_of(&list, "total")
}

/// Makes the emulator wait `ms` before reading the next upload's body to `id`, so the
/// upload is still in flight when the client gives up.
async fn stall_next_upload(id: &str, ms: u32) {
    queue_fault(js_object(&[
        ("path", format!("/disputes/{id}/documents").into()),
        ("method", "POST".into()),
        ("count", 1.into()),
        ("stall_body_ms", ms.into()),
    ]))
    .await;
}

/// A PDF as large as allowed. Smaller ones can fit in the socket buffers (Chrome put
/// 4 MiB there within 300 ms): such a body has left the client before an abort, and the
/// server then rightly receives all of it.
fn largest_pdf() -> Uint8Array {
    let big = Uint8Array::new_with_length(10 * 1024 * 1024);
    big.set(&Uint8Array::from(&b"%PDF-1.7\n"[..]), 0);
    big
}

#[wasm_bindgen_test]
async fn an_abort_in_flight_leaves_no_document() {
    let omise = emulator_client(&new_tag());
    let id = open_dispute_id(&omise, 4).await;
    let before = document_count(&omise, &id).await;
    stall_next_upload(&id, 3000).await;
    let controller = AbortController::new().unwrap();
    let p = omise.documents().upload(
        id.clone().into(),
        largest_pdf().into(),
        arg_object(&[("signal", controller.signal().into())]),
    );
    sleep(300).await;
    controller.abort();
    assert_error(&wait(p).await.unwrap_err(), "AbortError", None);
    sleep(3500).await;
    assert_eq!(
        document_count(&omise, &id).await,
        before,
        "an aborted upload created a document"
    );
}

#[wasm_bindgen_test]
async fn an_upload_that_runs_past_its_timeout_is_a_timeout_and_leaves_nothing() {
    let omise = emulator_client(&new_tag());
    let id = open_dispute_id(&omise, 5).await;
    let before = document_count(&omise, &id).await;
    stall_next_upload(&id, 2000).await;
    let e = wait(omise.documents().upload(
        id.clone().into(),
        largest_pdf().into(),
        arg_object(&[("timeoutMs", 300.into())]),
    ))
    .await
    .unwrap_err();
    assert_error(&e, "OmiseTimeoutError", None);
    assert_eq!(number_of(&e, "timeoutMs"), 300.0);
    assert_eq!(number_of(&e, "attempts"), 1.0, "uploads are never retried");
    sleep(2500).await;
    assert_eq!(
        document_count(&omise, &id).await,
        before,
        "a timed-out upload created a document"
    );
}
