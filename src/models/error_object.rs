//! The error object the API answers failures with.

use serde::Deserialize;
use tsify::Tsify;

/// The `object` tag of an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Tsify)]
pub enum ErrorObjectTag {
    /// `"error"`
    #[serde(rename = "error")]
    Error,
}

/// `{ object: "error", location, code, message }`.
#[derive(Debug, Clone, PartialEq, Deserialize, Tsify)]
pub struct ErrorObject {
    /// Always `"error"`.
    pub object: ErrorObjectTag,
    /// Link to the error's documentation.
    #[serde(default)]
    #[tsify(optional, type = "string | null")]
    pub location: Option<String>,
    /// Machine-readable code, e.g. `not_found`.
    pub code: String,
    /// Human-readable message.
    #[serde(default)]
    #[tsify(optional, type = "string | null")]
    pub message: Option<String>,
}
