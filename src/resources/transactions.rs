//! `omise.transactions`: GET /transactions and /transactions/{id}.

use super::{arg, id, send, ListQuery, Prepared};
use crate::client::Client;
use crate::http::{Body, Method};
use crate::models::shape::{self, Expect};
use crate::pagination::{PageKind, Pager};
use crate::params::IdKind;
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
        let prepared = Prepared::list(
            &self.client,
            "/transactions".to_owned(),
            &arg(params),
            &arg(options),
            Expect::List(&shape::TRANSACTION),
        );
        send(&self.client, prepared)
    }

    /// GET /transactions/{id}.
    #[wasm_bindgen(unchecked_return_type = "Promise<Transaction>")]
    pub fn retrieve(
        &self,
        #[wasm_bindgen(js_name = transactionId, unchecked_param_type = "string")]
        transaction_id: JsValue,
        options: Option<crate::RequestOptionsArg>,
    ) -> Promise {
        let prepared = id(IdKind::Transaction, &transaction_id).and_then(|id| {
            let path = format!("/transactions/{id}");
            let options = arg(options);
            Prepared::new(
                &self.client,
                Method::Get,
                path,
                Body::Empty,
                &options,
                Expect::One(&shape::TRANSACTION),
            )
        });
        send(&self.client, prepared)
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
