//! `omise.documents`: dispute evidence under /disputes/{id}/documents.
//!
//! Uploads are built as a platform `FormData` from the caller's `File`/`Blob` (or, in
//! Node, a `Uint8Array` wrapped in a `Blob` on the JS side): only the first bytes are
//! read, through `Blob.slice`, to check the file type; the file itself never enters
//! wasm memory. Uploads are never retried: a second attempt could attach it twice.

use super::{arg, id, promise, send, Prepared};
use crate::client::Client;
use crate::error::Error;
use crate::http::{Body, Method, Progress, Request};
use crate::js_input::Fields;
use crate::models::shape::{self, Expect};
use crate::params::{self, FileType, IdKind};
use js_sys::{Array, Function, Promise, Uint8Array};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, File, FormData};

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
        #[wasm_bindgen(js_name = uploadOptions)] upload_options: Option<crate::UploadOptionsArg>,
    ) -> Promise {
        let client = self.client.clone();
        let upload_options = arg(upload_options);
        promise(async move {
            let id = id(IdKind::Dispute, &dispute)?;
            let f = Fields::read(
                &upload_options,
                "uploadOptions",
                &["kind", "filename", "onProgress", "signal", "timeoutMs"],
                "invalid_options",
                "unknown_option",
            )?;
            let mut opts = client.call_options(&f)?;
            opts.max_retries = 0;
            let kind = f.string("kind", "invalid_kind")?;
            if let Some(k) = &kind {
                params::check_kind(k)?;
            }
            let filename = f.string("filename", "invalid_filename")?;
            if let Some(n) = &filename {
                params::check_filename(n)?;
            }
            let on_progress = match f.get("onProgress")? {
                None => None,
                Some(p) => Some(p.dyn_into::<Function>().map_err(|_| {
                    Error::validation(
                        "invalid_on_progress",
                        "onProgress",
                        "onProgress must be a function",
                    )
                })?),
            };
            let blob = as_blob(&file)?;
            let size = blob.size();
            params::check_file_size(size)?;
            let file_type = FileType::sniff(&first_bytes(&blob).await?)?;
            let filename = filename
                .or_else(|| {
                    file.dyn_ref::<File>()
                        .map(File::name)
                        .filter(|n| params::check_filename(n).is_ok())
                })
                .unwrap_or_else(|| file_type.default_filename().to_owned());
            let form = form(&blob, file_type, &filename, kind.as_deref())?;
            let mut req = Request::new(
                Method::Post,
                format!("/disputes/{id}/documents"),
                Body::Form(form),
            );
            req.progress = on_progress.map(|callback| Progress { callback, size });
            client.call(req, opts, Expect::One(&shape::DOCUMENT)).await
        })
    }

    /// GET /disputes/{id}/documents.
    #[wasm_bindgen(unchecked_return_type = "Promise<List<DisputeDocument>>")]
    pub fn list(
        &self,
        #[wasm_bindgen(js_name = disputeId, unchecked_param_type = "string")] dispute: JsValue,
        params: Option<crate::ListParamsArg>,
        options: Option<crate::RequestOptionsArg>,
    ) -> Promise {
        let prepared = id(IdKind::Dispute, &dispute).and_then(|id| {
            let path = format!("/disputes/{id}/documents");
            Prepared::list(
                &self.client,
                path,
                &arg(params),
                &arg(options),
                Expect::List(&shape::DOCUMENT),
            )
        });
        send(&self.client, prepared)
    }

    /// GET /disputes/{id}/documents/{document_id}.
    #[wasm_bindgen(unchecked_return_type = "Promise<DisputeDocument>")]
    pub fn retrieve(
        &self,
        #[wasm_bindgen(js_name = disputeId, unchecked_param_type = "string")] dispute: JsValue,
        #[wasm_bindgen(js_name = documentId, unchecked_param_type = "string")] document: JsValue,
        options: Option<crate::RequestOptionsArg>,
    ) -> Promise {
        self.one(Method::Get, dispute, document, options)
    }

    /// DELETE /disputes/{id}/documents/{document_id}: only while the dispute is open.
    /// Never retried.
    #[wasm_bindgen(unchecked_return_type = "Promise<DeletedDocument>")]
    pub fn destroy(
        &self,
        #[wasm_bindgen(js_name = disputeId, unchecked_param_type = "string")] dispute: JsValue,
        #[wasm_bindgen(js_name = documentId, unchecked_param_type = "string")] document: JsValue,
        options: Option<crate::RequestOptionsArg>,
    ) -> Promise {
        self.one(Method::Delete, dispute, document, options)
    }
}

impl Documents {
    fn one(
        &self,
        method: Method,
        dispute: JsValue,
        document: JsValue,
        options: Option<crate::RequestOptionsArg>,
    ) -> Promise {
        let prepared = id(IdKind::Dispute, &dispute).and_then(|id| {
            let doc = self::id(IdKind::Document, &document)?;
            let path = format!("/disputes/{id}/documents/{doc}");
            let options = arg(options);
            Prepared::new(
                &self.client,
                method,
                path,
                Body::Empty,
                &options,
                // A delete answers only {object, id, livemode, deleted: true}.
                Expect::One(if method == Method::Delete {
                    &shape::DELETED_DOCUMENT
                } else {
                    &shape::DOCUMENT
                }),
            )
        });
        send(&self.client, prepared)
    }
}

/// The caller's file as a `Blob`: a `File`/`Blob` as it is, a `Uint8Array`/`Buffer`
/// wrapped by the platform (no copy through wasm).
fn as_blob(file: &JsValue) -> Result<Blob, Error> {
    if let Some(b) = file.dyn_ref::<Blob>() {
        return Ok(b.clone());
    }
    if file.is_instance_of::<Uint8Array>() {
        return Blob::new_with_u8_array_sequence(&Array::of1(file)).map_err(|_| {
            Error::validation(
                "invalid_file",
                "file",
                "the platform could not wrap the bytes in a Blob",
            )
        });
    }
    Err(Error::validation(
        "invalid_file",
        "file",
        "file must be a File, a Blob or a Uint8Array",
    ))
}

/// The first 8 bytes, read through `Blob.slice` (the rest stays in JS).
async fn first_bytes(blob: &Blob) -> Result<Vec<u8>, Error> {
    let unreadable = |_| Error::validation("unreadable_file", "file", "the file could not be read");
    let head = blob.slice_with_i32_and_i32(0, 8).map_err(unreadable)?;
    let buf = JsFuture::from(head.array_buffer())
        .await
        .map_err(unreadable)?;
    Ok(Uint8Array::new(&buf).to_vec())
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
            "invalid_file",
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
