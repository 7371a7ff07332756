//! The shape of each model as data: what the wasm client checks a parsed response
//! against, field by field, without copying it into wasm memory.
//!
//! Why not serde in wasm: checking through `serde_wasm_bindgen` cost about 30 KB of
//! gzipped wasm (its errors format floats eagerly) and copied every string into wasm
//! memory. These tables list the same fields as the serde models, which a native test
//! proves (`shape_tables_match_the_serde_models`), so the two cannot drift apart.

/// What a field must hold when present and not null.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Kind {
    /// A string.
    Str,
    /// An integer (a number with no fraction, within the safe range).
    Int,
    /// `true` or `false`.
    Bool,
    /// A JSON object (not an array).
    Object,
    /// One of these strings.
    OneOf(&'static [&'static str]),
    /// An array of objects of this shape.
    Items(&'static Shape),
    /// A list object whose `data` holds objects of this shape.
    List(&'static Shape),
}

/// An object: its `object` tag, then its optional fields. `object` and `id` are required.
#[derive(Debug, PartialEq)]
pub struct Shape {
    /// The value of `object`, e.g. `dispute`.
    pub tag: &'static str,
    /// Every other field the model knows, with its kind.
    pub fields: &'static [(&'static str, Kind)],
}

const DIRECTIONS: &[&str] = &["credit", "debit"];

/// A transaction.
pub static TRANSACTION: Shape = Shape {
    tag: "transaction",
    fields: &[
        ("livemode", Kind::Bool),
        ("location", Kind::Str),
        ("amount", Kind::Int),
        ("currency", Kind::Str),
        ("direction", Kind::OneOf(DIRECTIONS)),
        ("key", Kind::Str),
        ("origin", Kind::Str),
        ("transferable_at", Kind::Str),
        ("created_at", Kind::Str),
        ("type", Kind::OneOf(DIRECTIONS)),
        ("source", Kind::Str),
        ("created", Kind::Str),
    ],
};

/// A document.
pub static DOCUMENT: Shape = Shape {
    tag: "document",
    fields: &[
        ("livemode", Kind::Bool),
        ("location", Kind::Str),
        ("deleted", Kind::Bool),
        ("filename", Kind::Str),
        ("kind", Kind::Str),
        ("download_uri", Kind::Str),
        ("created_at", Kind::Str),
    ],
};

/// A dispute.
pub static DISPUTE: Shape = Shape {
    tag: "dispute",
    fields: &[
        ("livemode", Kind::Bool),
        ("location", Kind::Str),
        ("amount", Kind::Int),
        ("currency", Kind::Str),
        ("funding_amount", Kind::Int),
        ("funding_currency", Kind::Str),
        ("charge", Kind::Str),
        ("transaction", Kind::Str),
        ("transactions", Kind::Items(&TRANSACTION)),
        ("documents", Kind::List(&DOCUMENT)),
        ("message", Kind::Str),
        ("admin_message", Kind::Str),
        ("reason_code", Kind::Str),
        ("reason_message", Kind::Str),
        ("status", Kind::Str),
        ("metadata", Kind::Object),
        ("closed_at", Kind::Str),
        ("created_at", Kind::Str),
        ("created", Kind::Str),
    ],
};

/// The fields of a list object besides `object` and `data`.
pub static LIST_FIELDS: &[(&str, Kind)] = &[
    ("limit", Kind::Int),
    ("offset", Kind::Int),
    ("total", Kind::Int),
    ("location", Kind::Str),
    ("order", Kind::Str),
    ("from", Kind::Str),
    ("to", Kind::Str),
];

/// What a response must be.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Expect {
    /// One object of this shape.
    One(&'static Shape),
    /// A list of objects of this shape.
    List(&'static Shape),
}

impl Expect {
    /// In words, for error messages.
    pub fn what(self) -> &'static str {
        match self {
            Expect::One(s) => s.tag,
            Expect::List(s) if std::ptr::eq(s, &DISPUTE) => "list of disputes",
            Expect::List(s) if std::ptr::eq(s, &DOCUMENT) => "list of documents",
            Expect::List(_) => "list of transactions",
        }
    }
}
