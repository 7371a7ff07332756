//! `GET /transactions` and `GET /transactions/{id}`.

use crate::app::{lock, App};
use crate::error::{ok_json, ApiError, Resp};
use crate::routes::{ApiRequest, ListParams};
use crate::state::Transaction;

/// Lists transactions.
pub fn list(app: &App, req: &ApiRequest<'_>) -> Result<Resp, ApiError> {
    let params = ListParams::parse(req.query)?;
    let store = lock(&app.store);
    let (page, total) = params.apply(store.transactions.iter(), |t: &Transaction| t.created_at);
    let data = page.into_iter().map(Transaction::to_json).collect();
    Ok(ok_json(&params.list_object(data, total, "/transactions")))
}

/// Retrieves one transaction.
pub fn retrieve(app: &App, id: &str) -> Result<Resp, ApiError> {
    let store = lock(&app.store);
    store
        .transaction(id)
        .map(|t| ok_json(&t.to_json()))
        .ok_or_else(|| ApiError::not_found(format!("transaction {id} was not found")))
}
