//! The API's three resources, each a small class reached from `Omise`
//! (`omise.disputes`, `omise.documents`, `omise.transactions`). Each method states its
//! call (`Call::get(path, options, expect)`) and hands it to the core.

mod disputes;
mod documents;
mod transactions;

pub use disputes::Disputes;
pub use documents::Documents;
pub use transactions::Transactions;
