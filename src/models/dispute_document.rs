//! The document object (Document API): dispute evidence.
//!
//! Each field's doc comment ends with its evidence: how often the 22 recorded documents
//! in `tests/fixtures` (all four API versions; the 2 delete answers are
//! [`DeletedDocument`]s) carry it, and whether it was ever null.

use crate::models::json::present;
use crate::models::table::{Kind::*, Presence::*, Shape};
use serde::Deserialize;
use tsify::Tsify;

/// The `object` tag of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Tsify)]
pub enum DocumentObject {
    /// `"document"`
    #[serde(rename = "document")]
    Document,
}

/// The evidence kinds of the Document API: a closed set (Document API seed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Tsify)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    /// Who the cardholder is.
    CardholderDetails,
    /// What was bought.
    DetailsOfPurchase,
    /// That the goods arrived.
    ProofOfReceipt,
    /// That the cardholder accepted the goods or the terms.
    ProofOfAcceptance,
}

/// A file attached to a dispute as evidence (named so that it does not shadow the DOM's
/// `Document`).
#[derive(Debug, Clone, PartialEq, Deserialize, Tsify)]
pub struct DisputeDocument {
    /// Always `"document"`.
    pub object: DocumentObject,
    /// `docu_…` (22/22).
    pub id: String,
    /// Live (true) or test (false). Evidence: 22/22, never null.
    pub livemode: bool,
    /// API path of this document. Evidence: 22/22, never null.
    pub location: String,
    /// Original file name. Evidence: 22/22, never null.
    pub filename: String,
    /// `false` until deleted. Evidence: 3/22, 2019-05-29 only; never null.
    #[serde(default, deserialize_with = "present")]
    #[tsify(optional, type = "boolean")]
    pub deleted: Option<bool>,
    /// The evidence kind given at upload, where one was (the seed makes it optional, so it may be null). Evidence: 1/22.
    #[serde(default)]
    #[tsify(optional, type = "DocumentKind | null")]
    pub kind: Option<DocumentKind>,
    /// Where the file can be downloaded. Evidence: 3/22, 2019-05-29 only; null in all 3.
    #[serde(default)]
    #[tsify(optional, type = "string | null")]
    pub download_uri: Option<String>,
    /// When the document was created (copied from `created` for older versions). Evidence: 3/22 plus 15 `created`; neither in 4 (omise-ruby, omise-go).
    #[serde(default, deserialize_with = "present")]
    #[tsify(optional, type = "string")]
    pub created_at: Option<String>,
    /// `created` as versions before 2019-05-29 send it. Evidence: 15/22 (omise-elixir, omise-php lists).
    #[serde(default, deserialize_with = "present")]
    #[tsify(optional, type = "string")]
    pub created: Option<String>,
}

/// The `deleted` flag of a deleted document: always `true`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DeletedFlag;

impl<'de> Deserialize<'de> for DeletedFlag {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match bool::deserialize(d)? {
            true => Ok(DeletedFlag),
            false => Err(serde::de::Error::custom("`deleted` is not true")),
        }
    }
}

/// What `documents.destroy` answers: the document's id and `deleted: true` (omise-ruby
/// and omise-elixir record exactly these four fields; other versions may send more,
/// which are kept).
#[derive(Debug, Clone, PartialEq, Deserialize, Tsify)]
pub struct DeletedDocument {
    /// Always `"document"`.
    pub object: DocumentObject,
    /// The `docu_…` that was deleted (2/2).
    pub id: String,
    /// Live (true) or test (false). Evidence: 2/2.
    pub livemode: bool,
    /// Always `true`. Evidence: 2/2.
    #[tsify(type = "true")]
    pub deleted: DeletedFlag,
}

// The table the wasm check reads: the same fields as the model above, with the same
// presence (a native test compares the two).

const KINDS: &[&str] = &[
    "cardholder_details",
    "details_of_purchase",
    "proof_of_receipt",
    "proof_of_acceptance",
];

/// A dispute evidence document.
pub static DOCUMENT: Shape = Shape {
    name: "document",
    tag: "document",
    id_prefix: "docu_",
    fields: &[
        ("livemode", Bool, Required),
        ("location", Str, Required),
        ("filename", Str, Required),
        ("deleted", Bool, Optional),
        ("kind", OneOf(KINDS), OptionalOrNull),
        ("download_uri", Str, OptionalOrNull),
        ("created_at", Str, Optional),
        ("created", Str, Optional),
    ],
};

/// What deleting a document answers.
pub static DELETED_DOCUMENT: Shape = Shape {
    name: "deleted_document",
    tag: "document",
    id_prefix: "docu_",
    fields: &[("livemode", Bool, Required), ("deleted", True, Required)],
};
