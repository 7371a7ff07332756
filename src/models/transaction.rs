//! The transaction object (Transaction API).
//!
//! Each field's doc comment ends with its evidence: how often the 44 recorded
//! transactions in `tests/fixtures` (all four API versions) carry it, and whether it was
//! ever null.

use crate::models::json::present;
use crate::models::table::{Kind::*, Presence::*, Shape};
use serde::Deserialize;
use tsify::Tsify;

/// The `object` tag of a transaction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Tsify)]
pub enum TransactionObject {
    /// `"transaction"`
    #[serde(rename = "transaction")]
    Transaction,
}

/// Whether money came in or went out: a closed set (Transaction API seed).
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
    /// `trxn_…` (44/44).
    pub id: String,
    /// Live (true) or test (false). Evidence: 29/44, absent in omise-ruby, omise-go and 2017-11-02.
    #[serde(default, deserialize_with = "present")]
    #[tsify(optional, type = "boolean")]
    pub livemode: Option<bool>,
    /// API path of this transaction. Evidence: 35/44, absent in some omise-go answers; never null.
    #[serde(default, deserialize_with = "present")]
    #[tsify(optional, type = "string")]
    pub location: Option<String>,
    /// Amount in the smallest unit of `currency`. Evidence: 44/44, never null.
    pub amount: i64,
    /// ISO 4217 code, upper case (older versions, 2019-05-29) or lower case (2017-11-02). Evidence: 44/44.
    pub currency: String,
    /// `credit` or `debit`; copied from `type` for older versions. Evidence: 29/44, `type` in the other 15.
    #[tsify(type = "TransactionDirection")]
    pub direction: Option<TransactionDirection>,
    /// What happened, e.g. `charge.captured.net`. Evidence: 29/44, 2019-05-29 only; never null.
    #[serde(default, deserialize_with = "present")]
    #[tsify(optional, type = "string")]
    pub key: Option<String>,
    /// The id of the object that caused it; copied from `source` for older versions. Evidence: 29/44 plus 6 `source`; neither in 9 (omise-go).
    #[serde(default, deserialize_with = "present")]
    #[tsify(optional, type = "string")]
    pub origin: Option<String>,
    /// When the amount becomes available; copied from `transferable` for older versions. Evidence: 29/44 plus 6 `transferable`; neither in 9.
    #[serde(default, deserialize_with = "present")]
    #[tsify(optional, type = "string")]
    pub transferable_at: Option<String>,
    /// When the transaction was created; copied from `created` for older versions. Evidence: 35/44, `created` in the other 9.
    #[tsify(type = "string")]
    pub created_at: Option<String>,
    /// `type` as versions before 2019-05-29 send it. Evidence: 15/44.
    #[serde(default, rename = "type", deserialize_with = "present")]
    #[tsify(optional, type = "TransactionDirection")]
    pub type_: Option<TransactionDirection>,
    /// `source` as older versions send it. Evidence: 6/44 (2017-11-02, omise-go lists).
    #[serde(default, deserialize_with = "present")]
    #[tsify(optional, type = "string")]
    pub source: Option<String>,
    /// `transferable` as older versions send it. Evidence: 6/44 (2017-11-02, omise-go lists).
    #[serde(default, deserialize_with = "present")]
    #[tsify(optional, type = "string")]
    pub transferable: Option<String>,
    /// `created` as versions before 2019-05-29 send it. Evidence: 9/44 (omise-ruby, 2017-11-02).
    #[serde(default, deserialize_with = "present")]
    #[tsify(optional, type = "string")]
    pub created: Option<String>,
}

// The table the wasm check reads: the same fields as the model above, with the same
// presence (a native test compares the two).

const DIRECTIONS: &[&str] = &["credit", "debit"];

/// A transaction.
pub static TRANSACTION: Shape = Shape {
    name: "transaction",
    tag: "transaction",
    id_prefix: "trxn_",
    fields: &[
        ("livemode", Bool, Optional),
        ("location", Str, Optional),
        ("amount", Int, Required),
        ("currency", Str, Required),
        ("direction", OneOf(DIRECTIONS), Required),
        ("key", Str, Optional),
        ("origin", Str, Optional),
        ("transferable_at", Str, Optional),
        ("created_at", Str, Required),
        ("type", OneOf(DIRECTIONS), Optional),
        ("source", Str, Optional),
        ("transferable", Str, Optional),
        ("created", Str, Optional),
    ],
};
