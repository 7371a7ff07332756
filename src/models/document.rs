//! The document object (Document API): dispute evidence.

use super::Resource;
use serde::Deserialize;
use tsify::Tsify;

/// The `object` tag of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Tsify)]
pub enum DocumentObject {
    /// `"document"`
    #[serde(rename = "document")]
    Document,
}

/// A file attached to a dispute as evidence.
#[derive(Debug, Clone, PartialEq, Deserialize, Tsify)]
pub struct Document {
    /// Always `"document"`.
    pub object: DocumentObject,
    /// `docu_…`
    pub id: String,
    /// Live (true) or test (false).
    #[serde(default)]
    #[tsify(optional, type = "boolean | null")]
    pub livemode: Option<bool>,
    /// API path of this document.
    #[serde(default)]
    #[tsify(optional, type = "string | null")]
    pub location: Option<String>,
    /// Whether the document has been deleted.
    #[serde(default)]
    #[tsify(optional, type = "boolean | null")]
    pub deleted: Option<bool>,
    /// Original file name.
    #[serde(default)]
    #[tsify(optional, type = "string | null")]
    pub filename: Option<String>,
    /// The evidence kind given at upload.
    #[serde(default)]
    #[tsify(
        optional,
        type = "'cardholder_details' | 'details_of_purchase' | 'proof_of_receipt' | 'proof_of_acceptance' | null"
    )]
    pub kind: Option<String>,
    /// Where the file can be downloaded; may be null.
    #[serde(default)]
    #[tsify(optional, type = "string | null")]
    pub download_uri: Option<String>,
    /// When the document was created (ISO 8601).
    #[serde(default)]
    #[tsify(optional, type = "string | null")]
    pub created_at: Option<String>,
}

impl Resource for Document {}
