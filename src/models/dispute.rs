//! The dispute object (Dispute API).

use super::{AnyObject, Document, List, Resource, Transaction};
use serde::Deserialize;
use tsify::Tsify;

/// The `object` tag of a dispute.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Tsify)]
pub enum DisputeObject {
    /// `"dispute"`
    #[serde(rename = "dispute")]
    Dispute,
}

/// A dispute (chargeback) raised by a cardholder against a charge.
#[derive(Debug, Clone, PartialEq, Deserialize, Tsify)]
pub struct Dispute {
    /// Always `"dispute"`.
    pub object: DisputeObject,
    /// `dspt_…`
    pub id: String,
    /// Live (true) or test (false).
    #[serde(default)]
    #[tsify(optional, type = "boolean | null")]
    pub livemode: Option<bool>,
    /// API path of this dispute.
    #[serde(default)]
    #[tsify(optional, type = "string | null")]
    pub location: Option<String>,
    /// Amount in the smallest unit of `currency`.
    #[serde(default)]
    #[tsify(optional, type = "number | null")]
    pub amount: Option<i64>,
    /// ISO 4217 code; lower case in the docs, upper case in some responses.
    #[serde(default)]
    #[tsify(optional, type = "string | null")]
    pub currency: Option<String>,
    /// Amount in the funding currency.
    #[serde(default)]
    #[tsify(optional, type = "number | null")]
    pub funding_amount: Option<i64>,
    /// Currency the dispute is funded in.
    #[serde(default)]
    #[tsify(optional, type = "string | null")]
    pub funding_currency: Option<String>,
    /// The disputed charge (`chrg_…`).
    #[serde(default)]
    #[tsify(optional, type = "string | null")]
    pub charge: Option<String>,
    /// The transaction of this dispute (`trxn_…`).
    #[serde(default)]
    #[tsify(optional, type = "string | null")]
    pub transaction: Option<String>,
    /// The transactions this dispute caused.
    #[serde(default)]
    #[tsify(optional, type = "Transaction[] | null")]
    pub transactions: Option<Vec<Transaction>>,
    /// Evidence documents uploaded for this dispute.
    #[serde(default)]
    #[tsify(optional, type = "List<Document> | null")]
    pub documents: Option<List<Document>>,
    /// The merchant's answer to the dispute.
    #[serde(default)]
    #[tsify(optional, type = "string | null")]
    pub message: Option<String>,
    /// A message from Omise's staff.
    #[serde(default)]
    #[tsify(optional, type = "string | null")]
    pub admin_message: Option<String>,
    /// The reason code of the card network.
    #[serde(default)]
    #[tsify(optional, type = "string | null")]
    pub reason_code: Option<String>,
    /// The reason in words.
    #[serde(default)]
    #[tsify(optional, type = "string | null")]
    pub reason_message: Option<String>,
    /// `open`, `pending`, `won` or `lost`.
    #[serde(default)]
    #[tsify(optional, type = "'open' | 'pending' | 'won' | 'lost' | null")]
    pub status: Option<String>,
    /// Your own key-value data.
    #[serde(default)]
    #[tsify(optional, type = "Record<string, unknown> | null")]
    pub metadata: Option<AnyObject>,
    /// When the dispute was won or lost.
    #[serde(default)]
    #[tsify(optional, type = "string | null")]
    pub closed_at: Option<String>,
    /// When the dispute was created (ISO 8601). Older API versions call it `created`;
    /// the client copies it here.
    #[serde(default)]
    #[tsify(optional, type = "string | null")]
    pub created_at: Option<String>,
    /// `created` as older API versions send it.
    #[serde(default)]
    #[tsify(optional, type = "string | null")]
    pub created: Option<String>,
}

impl Resource for Dispute {
    fn is_legacy(&self) -> bool {
        self.created_at.is_none() && self.created.is_some()
    }
}
