//! `omise.transactions`: GET /transactions and /transactions/{id}.

use super::{arg, promise, ListQuery};
use crate::client::Client;
use crate::http::{Body, Method, Request};
use crate::js_input::string_arg;
use crate::models::{List, Transaction};
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
        promise(async move {
            let (query, _) = ListQuery::read(&params, &[])?;
            let opts = client.options(&options)?;
            let req = Request {
                method: Method::Get,
                path: "/transactions".to_owned(),
                query: query.to_query(),
                body: Body::Empty,
                progress: None,
            };
            client.call::<List<Transaction>>(req, opts).await
        })
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
        promise(async move {
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
            client.call::<Transaction>(req, opts).await
        })
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
