//! `omise.transactions`: GET /transactions and /transactions/{id}.

use crate::client::{Call, Client};
use crate::js_input::{arg, id_arg, ListParamsArg, RequestOptionsArg};
use crate::list_params::ListParams;
use crate::models::shape::{Expect, TRANSACTION};
use crate::pagination::Pager;
use crate::params::IdKind;
use js_sys::Promise;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

const ONE: Expect = Expect::One(&TRANSACTION);
const LIST: Expect = Expect::List(&TRANSACTION);

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
        params: Option<ListParamsArg>,
        options: Option<RequestOptionsArg>,
    ) -> Promise {
        let call = Call::list("/transactions", arg(params), arg(options), LIST);
        self.client.send(Ok(call))
    }

    /// GET /transactions/{id}.
    #[wasm_bindgen(unchecked_return_type = "Promise<Transaction>")]
    pub fn retrieve(
        &self,
        #[wasm_bindgen(js_name = transactionId, unchecked_param_type = "string")]
        transaction_id: JsValue,
        options: Option<RequestOptionsArg>,
    ) -> Promise {
        let path =
            id_arg(IdKind::Transaction, &transaction_id).map(|id| format!("/transactions/{id}"));
        self.client
            .send(path.map(|p| Call::get(p, arg(options), ONE)))
    }

    /// Every transaction, fetched a page at a time.
    #[wasm_bindgen(unchecked_return_type = "AsyncIterableIterator<Transaction>")]
    pub fn iterate(
        &self,
        params: Option<ListParamsArg>,
        options: Option<RequestOptionsArg>,
    ) -> JsValue {
        let setup =
            ListParams::read(&arg(params), &[]).map(|(q, _)| ("/transactions".to_owned(), q));
        let opts = self.client.options(&arg(options));
        Pager::start(self.client.clone(), setup, opts, LIST)
    }
}
