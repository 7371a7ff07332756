//! The language of the shape tables: what the wasm client checks a parsed response
//! against, field by field, without copying it into wasm memory. Each model's table
//! sits beside its serde model in the same file; [`crate::models::shape`] names them all.
//!
//! Why not serde in wasm: checking through `serde_wasm_bindgen` cost about 30 KB of
//! gzipped wasm (its errors format floats eagerly) and copied every string into wasm
//! memory. These tables list the same fields as the serde models, with the same
//! presence, which native tests prove (`shape_tables_match_the_serde_models`, and every
//! fixture with each required field removed), so the two cannot drift apart.

/// What a field must hold when present and not null.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Kind {
    /// A string.
    Str,
    /// An integer (a number with no fraction, within the safe range).
    Int,
    /// `true` or `false`.
    Bool,
    /// `true` only.
    True,
    /// A JSON object (not an array).
    Object,
    /// One of these strings.
    OneOf(&'static [&'static str]),
    /// An array of objects of this shape.
    Items(&'static Shape),
    /// A list object whose `data` holds objects of this shape.
    List(&'static Shape),
}

/// Whether a field may be missing or null (the TypeScript `?` and `| null`).
/// Its value is a bit set (1: required, 2: may be null) that the wasm check hands to
/// JavaScript as it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Presence {
    /// Always sent, never null (`amount: number`). For a field that older versions name
    /// differently, the older name counts (it is mirrored first).
    Required = 1,
    /// Always sent, may be null (`message: string | null`).
    RequiredOrNull = 3,
    /// May be left out, never null (`reason_code?: string`).
    Optional = 0,
    /// May be left out or null (`closed_at?: string | null`).
    OptionalOrNull = 2,
}

impl Presence {
    /// Whether the field must be there.
    pub fn required(self) -> bool {
        self as u8 & 1 != 0
    }

    /// Whether the field may be null.
    pub fn nullable(self) -> bool {
        self as u8 & 2 != 0
    }
}

/// A field of a table: its name, kind and presence.
pub type Field = (&'static str, Kind, Presence);

/// An object: its `object` tag, the prefix of its ids, then its fields. `object` and a
/// string `id` are always required.
#[derive(Debug, PartialEq)]
pub struct Shape {
    /// Which shape, as the JavaScript checker (`src/js/check.js`) names it.
    pub name: &'static str,
    /// The value of `object`, e.g. `dispute`.
    pub tag: &'static str,
    /// How its ids start (`dspt_`), to find the id a request path asks for.
    pub id_prefix: &'static str,
    /// Every other field the model knows.
    pub fields: &'static [Field],
}

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
            Expect::List(_) => "list",
        }
    }
}
