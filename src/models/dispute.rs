//! The dispute object (Dispute API).
//!
//! Each field's doc comment ends with its evidence: how often the recorded responses in
//! `tests/fixtures` (25 disputes from four API versions: omise-ruby and omise-go, the
//! oldest; omise-elixir, 2017-11-02; omise-php, omise-python and the docs, 2019-05-29)
//! carry it, and whether it was ever null.

use crate::models::dispute_document::{DisputeDocument, DOCUMENT};
use crate::models::json::{nullable, present, AnyObject};
use crate::models::list::List;
use crate::models::table::{Kind, Kind::*, Presence::*, Shape};
use crate::models::transaction::{Transaction, TRANSACTION};
use serde::Deserialize;
use tsify::Tsify;

/// The `object` tag of a dispute.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Tsify)]
pub enum DisputeObject {
    /// `"dispute"`
    #[serde(rename = "dispute")]
    Dispute,
}

/// Where a dispute stands: a closed set (Dispute API seed: "one of open, pending, won or lost").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Tsify)]
#[serde(rename_all = "snake_case")]
pub enum DisputeStatus {
    /// Waiting for the merchant's answer.
    Open,
    /// Answered; waiting for the card network's decision.
    Pending,
    /// Decided for the merchant.
    Won,
    /// Decided for the cardholder (or accepted by the merchant).
    Lost,
}

/// A dispute (chargeback) raised by a cardholder against a charge.
#[derive(Debug, Clone, PartialEq, Deserialize, Tsify)]
pub struct Dispute {
    /// Always `"dispute"`.
    pub object: DisputeObject,
    /// `dspt_…` (25/25).
    pub id: String,
    /// Live (true) or test (false). Evidence: 25/25, never null.
    pub livemode: bool,
    /// API path of this dispute. Evidence: 25/25, never null.
    pub location: String,
    /// Amount in the smallest unit of `currency`. Evidence: 25/25, never null.
    pub amount: i64,
    /// ISO 4217 code; lower case in 2017-11-02 and the docs, upper case in 2019-05-29 answers. Evidence: 25/25.
    pub currency: String,
    /// Amount in the funding currency. Evidence: 7/25, 2019-05-29 only; never null.
    #[serde(default, deserialize_with = "present")]
    #[tsify(optional, type = "number")]
    pub funding_amount: Option<i64>,
    /// Currency the dispute is funded in. Evidence: 7/25, 2019-05-29 only; never null.
    #[serde(default, deserialize_with = "present")]
    #[tsify(optional, type = "string")]
    pub funding_currency: Option<String>,
    /// The disputed charge (`chrg_…`). Evidence: 25/25, never null.
    pub charge: String,
    /// The transaction of this dispute (`trxn_…`). Evidence: 4/25, 2017-11-02 only (2019-05-29 sends `transactions`).
    #[serde(default, deserialize_with = "present")]
    #[tsify(optional, type = "string")]
    pub transaction: Option<String>,
    /// The transactions this dispute caused. Evidence: 7/25, 2019-05-29 only; never null.
    #[serde(default, deserialize_with = "present")]
    #[tsify(optional, type = "Transaction[]")]
    pub transactions: Option<Vec<Transaction>>,
    /// Evidence documents uploaded for this dispute. Evidence: 11/25, 2017-11-02 and 2019-05-29; never null.
    #[serde(default, deserialize_with = "present")]
    #[tsify(optional, type = "List<DisputeDocument>")]
    pub documents: Option<List<DisputeDocument>>,
    /// The merchant's answer. Evidence: 25/25, null in 15 (while open).
    #[serde(deserialize_with = "nullable")]
    #[tsify(type = "string | null")]
    pub message: Option<String>,
    /// A message from Omise's staff. Evidence: 7/25, 2019-05-29 only; null in all 7.
    #[serde(default)]
    #[tsify(optional, type = "string | null")]
    pub admin_message: Option<String>,
    /// The card network's reason; open set (omise-java's `DisputeReasonCode` knows 16). Evidence: 11/25, absent in the oldest versions.
    #[serde(default, deserialize_with = "present")]
    #[tsify(optional, type = "DisputeReasonCode | (string & {})")]
    pub reason_code: Option<String>,
    /// The reason in words. Evidence: 11/25, absent in the oldest versions; never null.
    #[serde(default, deserialize_with = "present")]
    #[tsify(optional, type = "string")]
    pub reason_message: Option<String>,
    /// `open`, `pending`, `won` or `lost`. Evidence: 25/25, always one of the four.
    pub status: DisputeStatus,
    /// Your own key-value data. Evidence: 7/25, 2019-05-29 only; never null.
    #[serde(default, deserialize_with = "present")]
    #[tsify(optional, type = "Record<string, unknown>")]
    pub metadata: Option<AnyObject>,
    /// When the dispute was won or lost. Evidence: 11/25 (absent in the oldest versions), null in 10.
    #[serde(default)]
    #[tsify(optional, type = "string | null")]
    pub closed_at: Option<String>,
    /// When the dispute was created (ISO 8601); copied from `created` for older versions. Evidence: 14/25, `created` in the other 11.
    #[tsify(type = "string")]
    pub created_at: Option<String>,
    /// `created` as versions before 2019-05-29 send it. Evidence: 11/25 (omise-ruby, omise-elixir).
    #[serde(default, deserialize_with = "present")]
    #[tsify(optional, type = "string")]
    pub created: Option<String>,
}

// The table the wasm check reads: the same fields as the model above, with the same
// presence (a native test compares the two).

const STATUSES: &[&str] = &["open", "pending", "won", "lost"];

/// A dispute.
pub static DISPUTE: Shape = Shape {
    name: "dispute",
    tag: "dispute",
    id_prefix: "dspt_",
    fields: &[
        ("livemode", Bool, Required),
        ("location", Str, Required),
        ("amount", Int, Required),
        ("currency", Str, Required),
        ("funding_amount", Int, Optional),
        ("funding_currency", Str, Optional),
        ("charge", Str, Required),
        ("transaction", Str, Optional),
        ("transactions", Items(&TRANSACTION), Optional),
        ("documents", Kind::List(&DOCUMENT), Optional),
        ("message", Str, RequiredOrNull),
        ("admin_message", Str, OptionalOrNull),
        ("reason_code", Str, Optional),
        ("reason_message", Str, Optional),
        ("status", OneOf(STATUSES), Required),
        ("metadata", Object, Optional),
        ("closed_at", Str, OptionalOrNull),
        ("created_at", Str, Required),
        ("created", Str, Optional),
    ],
};
