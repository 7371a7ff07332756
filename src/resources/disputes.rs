//! `omise.disputes`: GET /disputes[/open|/pending|/closed], GET and PATCH /disputes/{id},
//! PATCH /disputes/{id}/accept.

use super::{arg, id, send, ListQuery, Prepared};
use crate::client::Client;
use crate::error::Error;
use crate::http::{Body, Method};
use crate::js_input::{is_plain_object, json_data, Fields};
use crate::models::shape::{self, Expect};
use crate::pagination::{PageKind, Pager};
use crate::params::{self, IdKind, StatusFilter};
use crate::platform;
use js_sys::{Object, Promise, Reflect};
use std::rc::Rc;
use wasm_bindgen::prelude::*;

/// The Dispute API.
#[wasm_bindgen]
#[derive(Debug)]
pub struct Disputes {
    client: Rc<Client>,
}

impl Disputes {
    pub(crate) fn new(client: Rc<Client>) -> Self {
        Disputes { client }
    }

    fn list_at(
        &self,
        path: &'static str,
        params: Option<crate::ListParamsArg>,
        options: Option<crate::RequestOptionsArg>,
    ) -> Promise {
        let prepared = Prepared::list(
            &self.client,
            path.to_owned(),
            &arg(params),
            &arg(options),
            Expect::List(&shape::DISPUTE),
        );
        send(&self.client, prepared)
    }
}

#[wasm_bindgen]
impl Disputes {
    /// GET /disputes: all disputes, a page at a time.
    #[wasm_bindgen(unchecked_return_type = "Promise<List<Dispute>>")]
    pub fn list(
        &self,
        params: Option<crate::ListParamsArg>,
        options: Option<crate::RequestOptionsArg>,
    ) -> Promise {
        self.list_at("/disputes", params, options)
    }

    /// GET /disputes/open.
    #[wasm_bindgen(js_name = listOpen, unchecked_return_type = "Promise<List<Dispute>>")]
    pub fn list_open(
        &self,
        params: Option<crate::ListParamsArg>,
        options: Option<crate::RequestOptionsArg>,
    ) -> Promise {
        self.list_at(StatusFilter::Open.path(), params, options)
    }

    /// GET /disputes/pending.
    #[wasm_bindgen(js_name = listPending, unchecked_return_type = "Promise<List<Dispute>>")]
    pub fn list_pending(
        &self,
        params: Option<crate::ListParamsArg>,
        options: Option<crate::RequestOptionsArg>,
    ) -> Promise {
        self.list_at(StatusFilter::Pending.path(), params, options)
    }

    /// GET /disputes/closed: won and lost disputes.
    #[wasm_bindgen(js_name = listClosed, unchecked_return_type = "Promise<List<Dispute>>")]
    pub fn list_closed(
        &self,
        params: Option<crate::ListParamsArg>,
        options: Option<crate::RequestOptionsArg>,
    ) -> Promise {
        self.list_at(StatusFilter::Closed.path(), params, options)
    }

    /// GET /disputes/{id}.
    #[wasm_bindgen(unchecked_return_type = "Promise<Dispute>")]
    pub fn retrieve(
        &self,
        #[wasm_bindgen(js_name = disputeId, unchecked_param_type = "string")] dispute_id: JsValue,
        options: Option<crate::RequestOptionsArg>,
    ) -> Promise {
        let prepared = id(IdKind::Dispute, &dispute_id).and_then(|id| {
            let path = format!("/disputes/{id}");
            let options = arg(options);
            Prepared::new(
                &self.client,
                Method::Get,
                path,
                Body::Empty,
                &options,
                Expect::One(&shape::DISPUTE),
            )
        });
        send(&self.client, prepared)
    }

    /// PATCH /disputes/{id}: answers an open dispute, which moves it to pending.
    /// Never retried: the server may already have applied the first attempt.
    #[wasm_bindgen(unchecked_return_type = "Promise<Dispute>")]
    pub fn update(
        &self,
        #[wasm_bindgen(js_name = disputeId, unchecked_param_type = "string")] dispute_id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "UpdateDisputeParams")] params: JsValue,
        options: Option<crate::RequestOptionsArg>,
    ) -> Promise {
        let prepared = id(IdKind::Dispute, &dispute_id).and_then(|id| {
            let body = Body::Json(update_body(&params)?);
            let path = format!("/disputes/{id}");
            let options = arg(options);
            Prepared::new(
                &self.client,
                Method::Patch,
                path,
                body,
                &options,
                Expect::One(&shape::DISPUTE),
            )
        });
        send(&self.client, prepared)
    }

    /// PATCH /disputes/{id}/accept: concedes an open dispute, which becomes `lost`.
    /// Never retried: the server may already have applied the first attempt.
    #[wasm_bindgen(unchecked_return_type = "Promise<Dispute>")]
    pub fn accept(
        &self,
        #[wasm_bindgen(js_name = disputeId, unchecked_param_type = "string")] dispute_id: JsValue,
        options: Option<crate::RequestOptionsArg>,
    ) -> Promise {
        let prepared = id(IdKind::Dispute, &dispute_id).and_then(|id| {
            let path = format!("/disputes/{id}/accept");
            let options = arg(options);
            Prepared::new(
                &self.client,
                Method::Patch,
                path,
                Body::Empty,
                &options,
                Expect::One(&shape::DISPUTE),
            )
        });
        send(&self.client, prepared)
    }

    /// Every dispute of the list (or of one status), fetched a page at a time.
    #[wasm_bindgen(unchecked_return_type = "AsyncIterableIterator<Dispute>")]
    pub fn iterate(
        &self,
        params: Option<crate::DisputeIterateParamsArg>,
        options: Option<crate::RequestOptionsArg>,
    ) -> JsValue {
        let setup = ListQuery::read(&arg(params), &["status"]).and_then(|(query, f)| {
            let path = match f.string("status", "invalid_status")? {
                Some(s) => StatusFilter::parse(&s)?.path(),
                None => "/disputes",
            };
            Ok((path.to_owned(), query))
        });
        let opts = self.client.options(&arg(options));
        Pager::start(self.client.clone(), PageKind::Disputes, setup, opts)
    }
}

/// `{ message, metadata? }` as JSON text; only the fields given are sent.
fn update_body(params: &JsValue) -> Result<JsValue, Error> {
    if params.is_undefined() || params.is_null() {
        return Err(Error::validation(
            "missing_message",
            "message",
            "update needs { message }",
        ));
    }
    let f = Fields::read(
        params,
        "params",
        &["message", "metadata"],
        "invalid_params",
        "unknown_param",
    )?;
    let message = f
        .string("message", "invalid_message")?
        .ok_or_else(|| Error::validation("missing_message", "message", "message is required"))?;
    params::check_message(&message)?;
    let body = Object::new();
    let _ = Reflect::set(&body, &"message".into(), &message.as_str().into());
    let invalid = || {
        Error::validation(
            "invalid_metadata",
            "metadata",
            "metadata must be a plain object of JSON data, at most 64 KiB",
        )
    };
    if let Some(m) = f.get("metadata")? {
        // Checked and copied at once: what is sent is what was checked.
        let copy = json_data(&m, params::MAX_METADATA_BYTES as f64);
        if !is_plain_object(&m) || copy.is_undefined() {
            return Err(invalid());
        }
        let _ = Reflect::set(&body, &"metadata".into(), &copy);
    }
    platform::json_stringify(&body).map_err(|_| invalid())
}
