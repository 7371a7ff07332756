//! The transaction object (Transaction API).

use super::Resource;
use serde::Deserialize;
use tsify::Tsify;

/// The `object` tag of a transaction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Tsify)]
pub enum TransactionObject {
    /// `"transaction"`
    #[serde(rename = "transaction")]
    Transaction,
}

/// Whether money came in or went out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Tsify)]
#[serde(rename_all = "snake_case")]
pub enum TransactionDirection {
    /// Money in.
    Credit,
    /// Money out.
    Debit,
}

/// A movement of money on the account.
#[derive(Debug, Clone, PartialEq, Deserialize, Tsify)]
pub struct Transaction {
    /// Always `"transaction"`.
    pub object: TransactionObject,
    /// `trxn_…`
    pub id: String,
    /// Live (true) or test (false).
    #[serde(default)]
    #[tsify(optional, type = "boolean | null")]
    pub livemode: Option<bool>,
    /// API path of this transaction.
    #[serde(default)]
    #[tsify(optional, type = "string | null")]
    pub location: Option<String>,
    /// Amount in the smallest unit of `currency`.
    #[serde(default)]
    #[tsify(optional, type = "number | null")]
    pub amount: Option<i64>,
    /// ISO 4217 code, either case.
    #[serde(default)]
    #[tsify(optional, type = "string | null")]
    pub currency: Option<String>,
    /// `credit` or `debit` (older versions: `type`, copied here by the client).
    #[serde(default)]
    #[tsify(optional, type = "TransactionDirection | null")]
    pub direction: Option<TransactionDirection>,
    /// What happened, e.g. `charge.captured.net`.
    #[serde(default)]
    #[tsify(optional, type = "string | null")]
    pub key: Option<String>,
    /// The id of the object that caused it (older versions: `source`).
    #[serde(default)]
    #[tsify(optional, type = "string | null")]
    pub origin: Option<String>,
    /// When the amount becomes part of the available balance.
    #[serde(default)]
    #[tsify(optional, type = "string | null")]
    pub transferable_at: Option<String>,
    /// When the transaction was created (older versions: `created`).
    #[serde(default)]
    #[tsify(optional, type = "string | null")]
    pub created_at: Option<String>,
    /// `type` as older API versions send it.
    #[serde(default, rename = "type")]
    #[tsify(optional, type = "TransactionDirection | null")]
    pub type_: Option<TransactionDirection>,
    /// `source` as older API versions send it.
    #[serde(default)]
    #[tsify(optional, type = "string | null")]
    pub source: Option<String>,
    /// `created` as older API versions send it.
    #[serde(default)]
    #[tsify(optional, type = "string | null")]
    pub created: Option<String>,
}

impl Resource for Transaction {
    fn is_legacy(&self) -> bool {
        (self.created_at.is_none() && self.created.is_some())
            || (self.direction.is_none() && self.type_.is_some())
            || (self.origin.is_none() && self.source.is_some())
    }
}
