//! The rules every input obeys before a request is sent (API.md, "Validation").
//!
//! These functions work on plain Rust values so they can be tested natively; the
//! JavaScript side (`crate::js_input`) reads values out of JS objects and calls them.

use crate::dates::parse_iso8601;
use crate::error::{Error, ValidationCode};

/// The longest id accepted (real ids are about 30 characters).
pub const MAX_ID_LEN: usize = 64;
/// The largest page the API serves.
pub const MAX_LIMIT: u32 = 100;

/// The kinds of object an id can name, with their prefix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdKind {
    /// `dspt_…`
    Dispute,
    /// `docu_…`
    Document,
    /// `trxn_…`
    Transaction,
}

impl IdKind {
    fn prefix(self) -> &'static str {
        match self {
            IdKind::Dispute => "dspt_",
            IdKind::Document => "docu_",
            IdKind::Transaction => "trxn_",
        }
    }

    /// The name of the argument, as API.md calls it.
    pub fn param(self) -> &'static str {
        match self {
            IdKind::Dispute => "disputeId",
            IdKind::Document => "documentId",
            IdKind::Transaction => "transactionId",
        }
    }
}

/// Checks an object id: its prefix, then `[0-9a-z_]` only, bounded length.
pub fn check_id(kind: IdKind, id: &str) -> Result<(), Error> {
    let prefix = kind.prefix();
    let ok = id.len() > prefix.len()
        && id.len() <= MAX_ID_LEN
        && id.starts_with(prefix)
        && id
            .bytes()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'_');
    if ok {
        Ok(())
    } else {
        Err(Error::validation(
            ValidationCode::InvalidId,
            kind.param(),
            format!(
                "{} must be an id starting with '{prefix}' followed by 0-9, a-z or '_' (at most {MAX_ID_LEN} characters)",
                kind.param()
            ),
        ))
    }
}

/// Checks `limit`: an integer 1..=100.
pub fn check_limit(v: f64) -> Result<u32, Error> {
    if v.fract() == 0.0 && (1.0..=f64::from(MAX_LIMIT)).contains(&v) {
        Ok(v as u32)
    } else {
        Err(Error::validation(
            ValidationCode::InvalidLimit,
            "limit",
            "limit must be an integer from 1 to 100",
        ))
    }
}

/// Checks `offset`: an integer >= 0 (and a safe integer).
pub fn check_offset(v: f64) -> Result<u64, Error> {
    if v.fract() == 0.0 && (0.0..=9_007_199_254_740_991.0).contains(&v) {
        Ok(v as u64)
    } else {
        Err(Error::validation(
            ValidationCode::InvalidOffset,
            "offset",
            "offset must be an integer of at least 0",
        ))
    }
}

/// The order of a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// Earliest first (the API's default).
    Chronological,
    /// Latest first.
    ReverseChronological,
}

impl Order {
    /// The value the API takes.
    pub fn as_str(self) -> &'static str {
        match self {
            Order::Chronological => "chronological",
            Order::ReverseChronological => "reverse_chronological",
        }
    }
}

/// Checks `order`.
pub fn check_order(v: &str) -> Result<Order, Error> {
    match v {
        "chronological" => Ok(Order::Chronological),
        "reverse_chronological" => Ok(Order::ReverseChronological),
        _ => Err(Error::validation(
            ValidationCode::InvalidOrder,
            "order",
            "order must be 'chronological' or 'reverse_chronological'",
        )),
    }
}

/// Checks a `from`/`to` string; returns its Unix seconds.
pub fn check_date(param: &str, v: &str) -> Result<i64, Error> {
    parse_iso8601(v).ok_or_else(|| {
        Error::validation(
            ValidationCode::InvalidDate,
            param,
            format!(
                "{param} must be an ISO 8601 date-time such as 2019-05-29T00:00:00Z, or a Date"
            ),
        )
    })
}

/// Checks that `from <= to`.
pub fn check_range(from: Option<i64>, to: Option<i64>) -> Result<(), Error> {
    match (from, to) {
        (Some(f), Some(t)) if f > t => Err(Error::validation(
            ValidationCode::InvalidDateRange,
            "from",
            "from must not be later than to",
        )),
        _ => Ok(()),
    }
}

/// A dispute status as `disputes.iterate` takes it; it picks the endpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusFilter {
    /// `/disputes/open`
    Open,
    /// `/disputes/pending`
    Pending,
    /// `/disputes/closed`
    Closed,
}

impl StatusFilter {
    /// Checks `status`.
    pub fn parse(v: &str) -> Result<Self, Error> {
        match v {
            "open" => Ok(StatusFilter::Open),
            "pending" => Ok(StatusFilter::Pending),
            "closed" => Ok(StatusFilter::Closed),
            _ => Err(Error::validation(
                ValidationCode::InvalidStatus,
                "status",
                "status must be 'open', 'pending' or 'closed'",
            )),
        }
    }

    /// The list endpoint for this status.
    pub fn path(self) -> &'static str {
        match self {
            StatusFilter::Open => "/disputes/open",
            StatusFilter::Pending => "/disputes/pending",
            StatusFilter::Closed => "/disputes/closed",
        }
    }
}

/// Checks a `message` for `disputes.update`.
pub fn check_message(v: &str) -> Result<(), Error> {
    if v.trim().is_empty() {
        Err(Error::validation(
            ValidationCode::MissingMessage,
            "message",
            "message is required and must be a non-empty string",
        ))
    } else {
        Ok(())
    }
}

/// The most bytes `metadata` may take as UTF-8 JSON.
pub const MAX_METADATA_BYTES: usize = 64 * 1024;

/// The document kinds the API accepts for dispute evidence.
pub const DOCUMENT_KINDS: [&str; 4] = [
    "cardholder_details",
    "details_of_purchase",
    "proof_of_receipt",
    "proof_of_acceptance",
];

/// Checks a document `kind`.
pub fn check_kind(v: &str) -> Result<(), Error> {
    if DOCUMENT_KINDS.contains(&v) {
        Ok(())
    } else {
        Err(Error::validation(
            ValidationCode::InvalidKind,
            "kind",
            "kind must be one of cardholder_details, details_of_purchase, proof_of_receipt, proof_of_acceptance",
        ))
    }
}

/// The largest evidence file the API takes: 10 MiB.
pub const MAX_FILE_SIZE: f64 = 10_485_760.0;

/// Checks a file's size in bytes.
pub fn check_file_size(size: f64) -> Result<(), Error> {
    if size <= 0.0 {
        Err(Error::validation(
            ValidationCode::EmptyFile,
            "file",
            "file is empty",
        ))
    } else if size > MAX_FILE_SIZE {
        Err(Error::validation(
            ValidationCode::FileTooLarge,
            "file",
            "file is larger than 10 MiB (10,485,760 bytes), the most the API accepts",
        ))
    } else {
        Ok(())
    }
}

/// The types of evidence file the API accepts, told by their first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileType {
    /// PNG image.
    Png,
    /// JPEG image.
    Jpeg,
    /// PDF document.
    Pdf,
}

impl FileType {
    /// Recognises a file by its first bytes (at least 8 are needed for PNG).
    pub fn sniff(head: &[u8]) -> Result<Self, Error> {
        if head.starts_with(&[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A]) {
            Ok(FileType::Png)
        } else if head.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Ok(FileType::Jpeg)
        } else if head.starts_with(b"%PDF-") {
            Ok(FileType::Pdf)
        } else {
            Err(Error::validation(
                ValidationCode::UnsupportedFileType,
                "file",
                "file must be a PNG, JPEG or PDF (checked by its first bytes, not its name or type)",
            ))
        }
    }

    /// The MIME type to send.
    pub fn mime(self) -> &'static str {
        match self {
            FileType::Png => "image/png",
            FileType::Jpeg => "image/jpeg",
            FileType::Pdf => "application/pdf",
        }
    }

    /// A default file name with the right extension.
    pub fn default_filename(self) -> &'static str {
        match self {
            FileType::Png => "evidence.png",
            FileType::Jpeg => "evidence.jpg",
            FileType::Pdf => "evidence.pdf",
        }
    }
}

/// Whether `c` is a bidirectional formatting character, which can make `cod.exe` show
/// as `exe.doc` (U+200E, U+200F, U+202A-U+202E, U+2066-U+2069).
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Checks an upload `filename`: 1..=255 characters, no control or bidirectional
/// formatting characters, quotes or path separators.
pub fn check_filename(v: &str) -> Result<(), Error> {
    let ok = !v.trim().is_empty()
        && v.chars().count() <= 255
        && !v
            .chars()
            .any(|c| c.is_control() || is_bidi_control(c) || c == '/' || c == '\\' || c == '"');
    if ok {
        Ok(())
    } else {
        Err(Error::validation(
            ValidationCode::InvalidFilename,
            "filename",
            "filename must be 1 to 255 characters without control or bidirectional formatting characters, quotes or slashes",
        ))
    }
}

/// Checks a per-call or client `timeoutMs`: an integer 1..=600000 (ten minutes).
pub fn check_timeout(v: f64) -> Result<u32, Error> {
    if v.fract() == 0.0 && (1.0..=600_000.0).contains(&v) {
        Ok(v as u32)
    } else {
        Err(Error::validation(
            ValidationCode::InvalidTimeout,
            "timeoutMs",
            "timeoutMs must be an integer number of milliseconds from 1 to 600000",
        ))
    }
}

/// Checks `maxRetries`: an integer 0..=10.
pub fn check_max_retries(v: f64) -> Result<u32, Error> {
    if v.fract() == 0.0 && (0.0..=10.0).contains(&v) {
        Ok(v as u32)
    } else {
        Err(Error::validation(
            ValidationCode::InvalidMaxRetries,
            "maxRetries",
            "maxRetries must be an integer from 0 to 10",
        ))
    }
}
