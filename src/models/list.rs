//! The list object: one page of a collection.

use super::Resource;
use serde::Deserialize;
use tsify::Tsify;

/// The `object` tag of a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Tsify)]
pub enum ListObject {
    /// `"list"`
    #[serde(rename = "list")]
    List,
}

/// One page of a collection.
#[derive(Debug, Clone, PartialEq, Deserialize, Tsify)]
pub struct List<T> {
    /// Always `"list"`.
    pub object: ListObject,
    /// The objects on this page.
    pub data: Vec<T>,
    /// How many objects a page holds at most.
    #[serde(default)]
    #[tsify(optional, type = "number | null")]
    pub limit: Option<u32>,
    /// How many objects were skipped.
    #[serde(default)]
    #[tsify(optional, type = "number | null")]
    pub offset: Option<u64>,
    /// How many objects the whole collection holds.
    #[serde(default)]
    #[tsify(optional, type = "number | null")]
    pub total: Option<u64>,
    /// API path of this list; some responses omit it.
    #[serde(default)]
    #[tsify(optional, type = "string | null")]
    pub location: Option<String>,
    /// `chronological` or `reverse_chronological`; some responses omit it.
    #[serde(default)]
    #[tsify(optional, type = "'chronological' | 'reverse_chronological' | null")]
    pub order: Option<String>,
    /// Start of the date range (ISO 8601).
    #[serde(default)]
    #[tsify(optional, type = "string | null")]
    pub from: Option<String>,
    /// End of the date range (ISO 8601).
    #[serde(default)]
    #[tsify(optional, type = "string | null")]
    pub to: Option<String>,
}

impl<T: Resource> Resource for List<T> {
    fn is_legacy(&self) -> bool {
        self.data.iter().any(Resource::is_legacy)
    }
}
