//! `omise.disputes`: GET /disputes[/open|/pending|/closed], GET and PATCH /disputes/{id},
//! PATCH /disputes/{id}/accept.

use crate::client::{Call, Client};
use crate::error::{Error, ValidationCode};
use crate::http::Body;
use crate::js_input::{
    arg, id_arg, is_plain_object, json_data, DisputeIterateParamsArg, Fields, ListParamsArg,
    RequestOptionsArg,
};
use crate::list_params::ListParams;
use crate::models::shape::{Expect, DISPUTE};
use crate::pagination::Pager;
use crate::params::{self, IdKind, StatusFilter};
use crate::platform;
use js_sys::{Object, Promise, Reflect};
use std::rc::Rc;
use wasm_bindgen::prelude::*;

const ONE: Expect = Expect::One(&DISPUTE);
const LIST: Expect = Expect::List(&DISPUTE);

/// `/disputes/{id}` and what follows it, with the id checked.
fn path(dispute_id: &JsValue, rest: &str) -> Result<String, Error> {
    Ok(format!(
        "/disputes/{}{rest}",
        id_arg(IdKind::Dispute, dispute_id)?
    ))
}

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
}

#[wasm_bindgen]
impl Disputes {
    /// GET /disputes: all disputes, a page at a time.
    #[wasm_bindgen(unchecked_return_type = "Promise<List<Dispute>>")]
    pub fn list(
        &self,
        params: Option<ListParamsArg>,
        options: Option<RequestOptionsArg>,
    ) -> Promise {
        self.client
            .send(Ok(Call::list("/disputes", arg(params), arg(options), LIST)))
    }

    /// GET /disputes/open.
    #[wasm_bindgen(js_name = listOpen, unchecked_return_type = "Promise<List<Dispute>>")]
    pub fn list_open(
        &self,
        params: Option<ListParamsArg>,
        options: Option<RequestOptionsArg>,
    ) -> Promise {
        self.client.send(Ok(Call::list(
            StatusFilter::Open.path(),
            arg(params),
            arg(options),
            LIST,
        )))
    }

    /// GET /disputes/pending.
    #[wasm_bindgen(js_name = listPending, unchecked_return_type = "Promise<List<Dispute>>")]
    pub fn list_pending(
        &self,
        params: Option<ListParamsArg>,
        options: Option<RequestOptionsArg>,
    ) -> Promise {
        self.client.send(Ok(Call::list(
            StatusFilter::Pending.path(),
            arg(params),
            arg(options),
            LIST,
        )))
    }

    /// GET /disputes/closed: won and lost disputes.
    #[wasm_bindgen(js_name = listClosed, unchecked_return_type = "Promise<List<Dispute>>")]
    pub fn list_closed(
        &self,
        params: Option<ListParamsArg>,
        options: Option<RequestOptionsArg>,
    ) -> Promise {
        self.client.send(Ok(Call::list(
            StatusFilter::Closed.path(),
            arg(params),
            arg(options),
            LIST,
        )))
    }

    /// GET /disputes/{id}.
    #[wasm_bindgen(unchecked_return_type = "Promise<Dispute>")]
    pub fn retrieve(
        &self,
        #[wasm_bindgen(js_name = disputeId, unchecked_param_type = "string")] dispute_id: JsValue,
        options: Option<RequestOptionsArg>,
    ) -> Promise {
        let call = path(&dispute_id, "").map(|p| Call::get(p, arg(options), ONE));
        self.client.send(call)
    }

    /// PATCH /disputes/{id}: answers an open dispute, which moves it to pending.
    /// Never retried: the server may already have applied the first attempt.
    #[wasm_bindgen(unchecked_return_type = "Promise<Dispute>")]
    pub fn update(
        &self,
        #[wasm_bindgen(js_name = disputeId, unchecked_param_type = "string")] dispute_id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "UpdateDisputeParams")] params: JsValue,
        options: Option<RequestOptionsArg>,
    ) -> Promise {
        let call = path(&dispute_id, "").and_then(|p| {
            let body = Body::Json(update_body(&params)?);
            Ok(Call::patch(p, body, arg(options), ONE))
        });
        self.client.send(call)
    }

    /// PATCH /disputes/{id}/accept: concedes an open dispute, which becomes `lost`.
    /// Never retried: the server may already have applied the first attempt.
    #[wasm_bindgen(unchecked_return_type = "Promise<Dispute>")]
    pub fn accept(
        &self,
        #[wasm_bindgen(js_name = disputeId, unchecked_param_type = "string")] dispute_id: JsValue,
        options: Option<RequestOptionsArg>,
    ) -> Promise {
        let call =
            path(&dispute_id, "/accept").map(|p| Call::patch(p, Body::Empty, arg(options), ONE));
        self.client.send(call)
    }

    /// Every dispute of the list (or of one status), fetched a page at a time.
    #[wasm_bindgen(unchecked_return_type = "AsyncIterableIterator<Dispute>")]
    pub fn iterate(
        &self,
        params: Option<DisputeIterateParamsArg>,
        options: Option<RequestOptionsArg>,
    ) -> JsValue {
        let setup = ListParams::read(&arg(params), &["status"]).and_then(|(query, f)| {
            let path = match f.string("status", ValidationCode::InvalidStatus)? {
                Some(s) => StatusFilter::parse(&s)?.path(),
                None => "/disputes",
            };
            Ok((path.to_owned(), query))
        });
        let opts = self.client.options(&arg(options));
        Pager::start(self.client.clone(), setup, opts, LIST)
    }
}

/// `{ message, metadata? }` as JSON text; only the fields given are sent.
fn update_body(params: &JsValue) -> Result<JsValue, Error> {
    if params.is_undefined() || params.is_null() {
        return Err(Error::validation(
            ValidationCode::MissingMessage,
            "message",
            "update needs { message }",
        ));
    }
    let f = Fields::read(
        params,
        "params",
        &["message", "metadata"],
        ValidationCode::InvalidParams,
        ValidationCode::UnknownParam,
    )?;
    let message = f
        .string("message", ValidationCode::InvalidMessage)?
        .ok_or_else(|| {
            Error::validation(
                ValidationCode::MissingMessage,
                "message",
                "message is required",
            )
        })?;
    params::check_message(&message)?;
    let body = Object::new();
    let _ = Reflect::set(&body, &"message".into(), &message.as_str().into());
    let invalid = || {
        Error::validation(
            ValidationCode::InvalidMetadata,
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
