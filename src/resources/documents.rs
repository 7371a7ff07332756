//! `omise.documents`: dispute evidence under /disputes/{id}/documents.
//!
//! Uploads are built as a platform `FormData` from the caller's `File`/`Blob` (or, in
//! Node, a `Uint8Array` wrapped in a `Blob` on the JS side): only the first bytes are
//! read, through `Blob.slice`, to check the file type; the file itself never enters
//! wasm memory. An upload is a POST, which `crate::retry` never sends twice: a second
//! attempt could attach the file twice.

use crate::client::{promise, Call, Client};
use crate::error::{Error, ValidationCode};
use crate::http::{Body, Method, Progress, Request};
use crate::js_input::{
    self, arg, id_arg, Fields, ListParamsArg, RequestOptionsArg, UploadOptionsArg,
};
use crate::models::shape::{Expect, DELETED_DOCUMENT, DOCUMENT};
use crate::params::{self, FileType, IdKind};
use js_sys::{Array, Function, Promise, Uint8Array};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, FormData};

const ONE: Expect = Expect::One(&DOCUMENT);
const LIST: Expect = Expect::List(&DOCUMENT);
// A delete answers only {object, id, livemode, deleted: true}.
const DELETED: Expect = Expect::One(&DELETED_DOCUMENT);

/// `/disputes/{id}/documents`, with the id checked.
fn path(dispute_id: &JsValue) -> Result<String, Error> {
    let id = id_arg(IdKind::Dispute, dispute_id)?;
    Ok(format!("/disputes/{id}/documents"))
}

/// `/disputes/{id}/documents/{document_id}`, with both ids checked.
fn document_path(dispute_id: &JsValue, document_id: &JsValue) -> Result<String, Error> {
    let id = id_arg(IdKind::Dispute, dispute_id)?;
    let document = id_arg(IdKind::Document, document_id)?;
    Ok(format!("/disputes/{id}/documents/{document}"))
}

/// The Document API.
#[wasm_bindgen]
#[derive(Debug)]
pub struct Documents {
    client: Rc<Client>,
}

impl Documents {
    pub(crate) fn new(client: Rc<Client>) -> Self {
        Documents { client }
    }
}

#[wasm_bindgen]
impl Documents {
    /// POST /disputes/{id}/documents: attaches a PNG, JPEG or PDF of at most 10 MiB.
    #[wasm_bindgen(unchecked_return_type = "Promise<DisputeDocument>")]
    pub fn upload(
        &self,
        #[wasm_bindgen(js_name = disputeId, unchecked_param_type = "string")] dispute: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Blob | File | Uint8Array")] file: JsValue,
        #[wasm_bindgen(js_name = uploadOptions)] upload_options: Option<UploadOptionsArg>,
    ) -> Promise {
        let client = self.client.clone();
        let upload_options = arg(upload_options);
        promise(async move {
            let path = path(&dispute)?;
            let f = Fields::read(
                &upload_options,
                "uploadOptions",
                &["kind", "filename", "onProgress", "signal", "timeoutMs"],
                ValidationCode::InvalidOptions,
                ValidationCode::UnknownOption,
            )?;
            let opts = client.call_options(&f)?;
            let kind = f.string("kind", ValidationCode::InvalidKind)?;
            if let Some(k) = &kind {
                params::check_kind(k)?;
            }
            let filename = f.string("filename", ValidationCode::InvalidFilename)?;
            if let Some(n) = &filename {
                params::check_filename(n)?;
            }
            let on_progress = match f.get("onProgress")? {
                None => None,
                Some(p) => Some(p.dyn_into::<Function>().map_err(|_| {
                    Error::validation(
                        ValidationCode::InvalidOnProgress,
                        "onProgress",
                        "onProgress must be a function",
                    )
                })?),
            };
            let (blob, size, head, own_name) = read_file(&file).await?;
            params::check_file_size(size)?;
            let file_type = FileType::sniff(&head)?;
            let filename = match (filename, own_name) {
                (Some(n), _) => n,
                (None, Some(n)) if !n.is_empty() => {
                    params::check_filename(&n)?;
                    n
                }
                _ => file_type.default_filename().to_owned(),
            };
            let form = form(&blob, file_type, &filename, kind.as_deref())?;
            let mut req = Request::new(Method::Post, path, Body::Form(form));
            req.progress = on_progress.map(|callback| Progress { callback, size });
            client.run(&req, &opts, ONE).await
        })
    }

    /// GET /disputes/{id}/documents.
    #[wasm_bindgen(unchecked_return_type = "Promise<List<DisputeDocument>>")]
    pub fn list(
        &self,
        #[wasm_bindgen(js_name = disputeId, unchecked_param_type = "string")] dispute: JsValue,
        params: Option<ListParamsArg>,
        options: Option<RequestOptionsArg>,
    ) -> Promise {
        let call = path(&dispute).map(|p| Call::list(p, arg(params), arg(options), LIST));
        self.client.send(call)
    }

    /// GET /disputes/{id}/documents/{document_id}.
    #[wasm_bindgen(unchecked_return_type = "Promise<DisputeDocument>")]
    pub fn retrieve(
        &self,
        #[wasm_bindgen(js_name = disputeId, unchecked_param_type = "string")] dispute: JsValue,
        #[wasm_bindgen(js_name = documentId, unchecked_param_type = "string")] document: JsValue,
        options: Option<RequestOptionsArg>,
    ) -> Promise {
        let call = document_path(&dispute, &document).map(|p| Call::get(p, arg(options), ONE));
        self.client.send(call)
    }

    /// DELETE /disputes/{id}/documents/{document_id}: only while the dispute is open.
    /// Never retried.
    #[wasm_bindgen(unchecked_return_type = "Promise<DeletedDocument>")]
    pub fn destroy(
        &self,
        #[wasm_bindgen(js_name = disputeId, unchecked_param_type = "string")] dispute: JsValue,
        #[wasm_bindgen(js_name = documentId, unchecked_param_type = "string")] document: JsValue,
        options: Option<RequestOptionsArg>,
    ) -> Promise {
        let path = document_path(&dispute, &document);
        self.client
            .send(path.map(|p| Call::delete(p, arg(options), DELETED)))
    }
}

/// The caller's file as the platform's own `Blob` over the same bytes (a `Uint8Array`
/// or `Buffer` wrapped by the platform: no copy through wasm), its size in bytes, its
/// first 8 bytes and, for a `File`, its name. Everything is read through the platform's
/// own accessors (`crate::js_input::read_file`): nothing the caller wrote runs, and the
/// size checked is the size sent.
async fn read_file(file: &JsValue) -> Result<(Blob, f64, Vec<u8>, Option<String>), Error> {
    let got = JsFuture::from(js_input::read_file(file))
        .await
        .unwrap_or(JsValue::UNDEFINED);
    if got.is_null() {
        return Err(Error::validation(
            ValidationCode::UnreadableFile,
            "file",
            "the file could not be read",
        ));
    }
    let Ok(parts) = got.dyn_into::<Array>() else {
        return Err(Error::validation(
            ValidationCode::InvalidFile,
            "file",
            "file must be a File, a Blob or a Uint8Array",
        ));
    };
    let head: Uint8Array = parts.get(2).unchecked_into();
    Ok((
        parts.get(0).unchecked_into(),
        parts.get(1).as_f64().unwrap_or(f64::NAN),
        head.to_vec(),
        parts.get(3).as_string(),
    ))
}

/// The multipart form: `file` (typed by its bytes, not its label) and `kind`.
fn form(
    blob: &Blob,
    file_type: FileType,
    filename: &str,
    kind: Option<&str>,
) -> Result<FormData, Error> {
    let fail = |_| {
        Error::validation(
            ValidationCode::InvalidFile,
            "file",
            "the platform could not build the upload form",
        )
    };
    // A plain options object serves as BlobPropertyBag (one binding fewer).
    let bag = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&bag, &"type".into(), &file_type.mime().into());
    let bag: BlobPropertyBag = bag.unchecked_into();
    // A new Blob over the same bytes, labelled with the type its bytes show.
    let typed = Blob::new_with_blob_sequence_and_options(&Array::of1(blob), &bag).map_err(fail)?;
    let form = FormData::new().map_err(fail)?;
    form.append_with_blob_and_filename("file", &typed, filename)
        .map_err(fail)?;
    if let Some(k) = kind {
        form.append_with_str("kind", k).map_err(fail)?;
    }
    Ok(form)
}
