//! `omise.transactions`: GET /transactions and /transactions/{id}.

use super::{arg, send, ListQuery, Prepared};
use crate::client::Client;
use crate::error::Error;
use crate::http::{Body, Method, Request};
use crate::js_input::string_arg;
use crate::models::shape::{self, Expect};
use crate::pagination::{PageKind, Pager};
use crate::params::{self, IdKind};
use js_sys::Promise;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

/// The Transaction API.
#[wasm_bindgen]
#[derive(Debug)]
pub struct Transactions {
    client: Rc<Client>,
}

impl Transactions {
    pub(crate) fn new(client: Rc<Client>) -> Self {
        Transactions { client }
    }
}

#[wasm_bindgen]
impl Transactions {
    /// GET /transactions, a page at a time.
    #[wasm_bindgen(unchecked_return_type = "Promise<List<Transaction>>")]
    pub fn list(
        &self,
        params: Option<crate::ListParamsArg>,
        options: Option<crate::RequestOptionsArg>,
    ) -> Promise {
        let client = self.client.clone();
        let (params, options) = (arg(params), arg(options));
        send(
            &client,
            (|| -> Result<Prepared, Error> {
                let (query, _) = ListQuery::read(&params, &[])?;
                let opts = client.options(&options)?;
                let req = Request {
                    method: Method::Get,
                    path: "/transactions".to_owned(),
                    query: query.to_query(),
                    body: Body::Empty,
                    progress: None,
                };
                Ok(Prepared {
                    req,
                    opts,
                    check: Expect::List(&shape::TRANSACTION),
                })
            })(),
        )
    }

    /// GET /transactions/{id}.
    #[wasm_bindgen(unchecked_return_type = "Promise<Transaction>")]
    pub fn retrieve(
        &self,
        #[wasm_bindgen(js_name = transactionId, unchecked_param_type = "string")]
        transaction_id: JsValue,
        options: Option<crate::RequestOptionsArg>,
    ) -> Promise {
        let client = self.client.clone();
        let options = arg(options);
        send(
            &client,
            (|| -> Result<Prepared, Error> {
                let id = string_arg(&transaction_id, "transactionId", "invalid_id")?;
                params::check_id(IdKind::Transaction, &id)?;
                let opts = client.options(&options)?;
                let req = Request {
                    method: Method::Get,
                    path: format!("/transactions/{id}"),
                    query: String::new(),
                    body: Body::Empty,
                    progress: None,
                };
                Ok(Prepared {
                    req,
                    opts,
                    check: Expect::One(&shape::TRANSACTION),
                })
            })(),
        )
    }

    /// Every transaction, fetched a page at a time.
    #[wasm_bindgen(unchecked_return_type = "AsyncIterableIterator<Transaction>")]
    pub fn iterate(
        &self,
        params: Option<crate::ListParamsArg>,
        options: Option<crate::RequestOptionsArg>,
    ) -> JsValue {
        let setup =
            ListQuery::read(&arg(params), &[]).map(|(q, _)| ("/transactions".to_owned(), q));
        let opts = self.client.options(&arg(options));
        Pager::start(self.client.clone(), PageKind::Transactions, setup, opts)
    }
}
