//! The list object: one page of a collection.
//!
//! Each field's doc comment ends with its evidence: how often the 33 recorded lists in
//! `tests/fixtures` (all four API versions, embedded `documents` lists included) carry
//! it, and whether it was ever null.

use crate::models::json::present;
use crate::models::table::{Field, Kind::*, Presence::*};
use serde::Deserialize;
use tsify::Tsify;

/// The `object` tag of a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Tsify)]
pub enum ListObject {
    /// `"list"`
    #[serde(rename = "list")]
    List,
}

/// The order of a list: a closed set (the list parameters' `order`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Tsify)]
#[serde(rename_all = "snake_case")]
pub enum ListOrder {
    /// Earliest first.
    Chronological,
    /// Latest first.
    ReverseChronological,
}

/// One page of a collection.
#[derive(Debug, Clone, PartialEq, Deserialize, Tsify)]
pub struct List<T> {
    /// Always `"list"`.
    pub object: ListObject,
    /// The objects on this page. Evidence: 33/33.
    pub data: Vec<T>,
    /// How many objects a page holds at most. Evidence: 33/33, never null.
    pub limit: u32,
    /// How many objects were skipped. Evidence: 33/33, never null.
    pub offset: u64,
    /// How many objects the whole collection holds. Evidence: 33/33, never null.
    pub total: u64,
    /// API path of this list. Evidence: 25/33, absent in omise-ruby and omise-go; never null.
    #[serde(default, deserialize_with = "present")]
    #[tsify(optional, type = "string")]
    pub location: Option<String>,
    /// `chronological` or `reverse_chronological`. Evidence: 25/33 (absent in omise-ruby and omise-go), null in 4 (2017-11-02 embedded lists).
    #[serde(default)]
    #[tsify(optional, type = "ListOrder | null")]
    pub order: Option<ListOrder>,
    /// Start of the date range (ISO 8601). Evidence: 33/33, never null.
    pub from: String,
    /// End of the date range (ISO 8601). Evidence: 33/33, never null.
    pub to: String,
}

// The table the wasm check reads: the same fields as the model above (besides `object` and `data`), with the same
// presence (a native test compares the two).

const ORDERS: &[&str] = &["chronological", "reverse_chronological"];

/// The fields of a list object besides `object` and `data`.
pub static LIST_FIELDS: &[Field] = &[
    ("limit", Int, Required),
    ("offset", Int, Required),
    ("total", Int, Required),
    ("location", Str, Optional),
    ("order", OneOf(ORDERS), OptionalOrNull),
    ("from", Str, Required),
    ("to", Str, Required),
];
