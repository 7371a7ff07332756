//! Dispute evidence documents: upload, list, retrieve, delete, and file downloads.

use bytes::Bytes;
use hyper::{header, StatusCode};
use serde_json::json;

use crate::app::{lock, App};
use crate::dates::now;
use crate::error::{ok_json, raw_response, ApiError, Resp};
use crate::routes::disputes::{dispute_not_found, not_open};
use crate::routes::{ApiRequest, ListParams};
use crate::seed::KINDS;
use crate::state::{sniff, Document, StoredFile};

/// Largest accepted document file: 10 MiB.
pub const MAX_FILE: usize = 10 * 1024 * 1024;

fn document_not_found(id: &str) -> ApiError {
    ApiError::not_found(format!("document {id} was not found"))
}

/// Lists a dispute's documents.
pub fn list(app: &App, id: &str, req: &ApiRequest<'_>) -> Result<Resp, ApiError> {
    let params = ListParams::parse(req.query)?;
    let store = lock(&app.store);
    let d = store.dispute(id).ok_or_else(|| dispute_not_found(id))?;
    let mut docs: Vec<&Document> = d.documents.iter().collect();
    docs.sort_by(|a, b| (a.created_at, &a.id).cmp(&(b.created_at, &b.id)));
    let (page, total) = params.apply(docs.into_iter(), |doc: &Document| doc.created_at);
    let data = page
        .into_iter()
        .map(|doc| doc.to_json(&app.base_url))
        .collect();
    Ok(ok_json(&params.list_object(
        data,
        total,
        &format!("/disputes/{id}/documents"),
    )))
}

/// Retrieves one document of a dispute.
pub fn retrieve(app: &App, id: &str, doc_id: &str) -> Result<Resp, ApiError> {
    let store = lock(&app.store);
    let d = store.dispute(id).ok_or_else(|| dispute_not_found(id))?;
    let doc = d
        .documents
        .iter()
        .find(|x| x.id == doc_id)
        .ok_or_else(|| document_not_found(doc_id))?;
    Ok(ok_json(&doc.to_json(&app.base_url)))
}

/// Deletes a document of an open dispute.
pub fn destroy(app: &App, id: &str, doc_id: &str) -> Result<Resp, ApiError> {
    let mut store = lock(&app.store);
    let d = store.dispute_mut(id).ok_or_else(|| dispute_not_found(id))?;
    let pos = d
        .documents
        .iter()
        .position(|x| x.id == doc_id)
        .ok_or_else(|| document_not_found(doc_id))?;
    if d.status != crate::state::Status::Open {
        return Err(not_open(d));
    }
    let doc = d.documents.remove(pos);
    store.files.remove(doc_id);
    let mut v = doc.to_json(&app.base_url);
    if let Some(obj) = v.as_object_mut() {
        obj.insert("deleted".into(), json!(true));
        obj.insert("download_uri".into(), json!(null));
    }
    Ok(ok_json(&v))
}

/// The parts of an upload.
struct Upload {
    file: Bytes,
    filename: String,
    kind: Option<String>,
}

async fn read_multipart(req: &ApiRequest<'_>) -> Result<Upload, ApiError> {
    let ct = req
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let boundary = multer::parse_boundary(ct).map_err(|_| {
        ApiError::bad_request("request must be multipart/form-data with a file part")
    })?;
    let body = req.body.clone();
    let stream = futures_util::stream::once(async move { Ok::<Bytes, std::io::Error>(body) });
    let mut mp = multer::Multipart::new(stream, boundary);
    let mut file = None;
    let mut filename = None;
    let mut kind = None;
    loop {
        let field = match mp.next_field().await {
            Ok(Some(f)) => f,
            Ok(None) => break,
            Err(e) => {
                return Err(ApiError::bad_request(format!(
                    "invalid multipart body: {e}"
                )))
            }
        };
        let name = field.name().unwrap_or("").to_string();
        let fname = field.file_name().map(str::to_string);
        let data = field
            .bytes()
            .await
            .map_err(|e| ApiError::bad_request(format!("invalid multipart body: {e}")))?;
        match name.as_str() {
            "file" => {
                filename = fname;
                file = Some(data);
            }
            "kind" => kind = Some(String::from_utf8_lossy(&data).trim().to_string()),
            _ => {}
        }
    }
    let file = file.ok_or_else(|| ApiError::bad_request("file is required"))?;
    let filename = filename
        .map(|f| {
            f.rsplit(['/', '\\'])
                .next()
                .unwrap_or("")
                .trim()
                .to_string()
        })
        .filter(|f| !f.is_empty())
        .unwrap_or_else(|| "document".to_string());
    Ok(Upload {
        file,
        filename,
        kind: kind.filter(|k| !k.is_empty()),
    })
}

/// Uploads a document to an open dispute.
pub async fn upload(app: &App, id: &str, req: &ApiRequest<'_>) -> Result<Resp, ApiError> {
    {
        let store = lock(&app.store);
        let d = store.dispute(id).ok_or_else(|| dispute_not_found(id))?;
        if d.status != crate::state::Status::Open {
            return Err(not_open(d));
        }
    }
    let up = read_multipart(req).await?;
    if up.file.len() > MAX_FILE {
        return Err(ApiError::new(
            413,
            "file_too_large",
            format!(
                "file is {} bytes; documents may be at most {MAX_FILE} bytes (10 MiB)",
                up.file.len()
            ),
        ));
    }
    if let Some(k) = &up.kind {
        if !KINDS.contains(&k.as_str()) {
            return Err(ApiError::bad_request(format!(
                "kind must be one of {}",
                KINDS.join(", ")
            )));
        }
    }
    let content_type = sniff(&up.file)
        .ok_or_else(|| ApiError::bad_request("file must be a PNG, JPEG or PDF document"))?;
    let mut store = lock(&app.store);
    let doc_id = store.new_id("docu_test_");
    let doc = Document {
        id: doc_id.clone(),
        dispute_id: id.to_string(),
        filename: up.filename,
        kind: up.kind,
        created_at: now(),
    };
    let json = doc.to_json(&app.base_url);
    let d = store.dispute_mut(id).ok_or_else(|| dispute_not_found(id))?;
    if d.status != crate::state::Status::Open {
        return Err(not_open(d));
    }
    d.documents.push(doc);
    store.files.insert(
        doc_id,
        StoredFile {
            content_type,
            bytes: up.file,
        },
    );
    Ok(ok_json(&json))
}

/// Serves a stored file: `GET /__files/{docu_id}/{filename}` (no auth).
pub fn download(app: &App, path: &str) -> Result<Resp, ApiError> {
    let rest = path.trim_start_matches("/__files/");
    let doc_id = rest.split('/').next().unwrap_or("");
    let store = lock(&app.store);
    let f = store
        .files
        .get(doc_id)
        .ok_or_else(|| ApiError::not_found(format!("file {doc_id} was not found")))?;
    Ok(raw_response(
        StatusCode::OK,
        f.content_type,
        f.bytes.clone(),
    ))
}
