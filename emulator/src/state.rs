//! The in-memory data model: disputes, documents, transactions and stored files.

use std::collections::{HashMap, HashSet};

use bytes::Bytes;
use serde_json::{json, Map, Value};

use crate::dates::format_ts;

/// A tiny deterministic PRNG (splitmix64).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator for a seed.
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1).max(1) as u64) as i64
    }

    /// True with probability `pct`/100.
    pub fn chance(&mut self, pct: u64) -> bool {
        self.below(100) < pct
    }

    /// A random element of a non-empty slice.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }

    /// `prefix` followed by 19 characters of `[0-9a-z]`.
    pub fn id(&mut self, prefix: &str) -> String {
        const ALPHABET: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
        let mut s = String::with_capacity(prefix.len() + 19);
        s.push_str(prefix);
        for _ in 0..19 {
            s.push(ALPHABET[self.below(36) as usize] as char);
        }
        s
    }
}

/// A balance transaction.
#[derive(Debug, Clone)]
pub struct Transaction {
    /// `trxn_test_...`.
    pub id: String,
    /// Lower-case currency code.
    pub currency: String,
    /// Amount in the smallest currency unit.
    pub amount: i64,
    /// `credit` or `debit`.
    pub direction: &'static str,
    /// e.g. `charge.captured.net`.
    pub key: &'static str,
    /// The id of the object that caused it.
    pub origin: String,
    /// When the amount becomes transferable.
    pub transferable_at: i64,
    /// Creation time.
    pub created_at: i64,
}

impl Transaction {
    /// The 2019-05-29 JSON shape.
    pub fn to_json(&self) -> Value {
        json!({
            "object": "transaction",
            "id": self.id,
            "livemode": false,
            "currency": self.currency,
            "amount": self.amount,
            "location": format!("/transactions/{}", self.id),
            "direction": self.direction,
            "key": self.key,
            "origin": self.origin,
            "transferable_at": format_ts(self.transferable_at),
            "created_at": format_ts(self.created_at),
        })
    }
}

/// A dispute evidence document.
#[derive(Debug, Clone)]
pub struct Document {
    /// `docu_test_...`.
    pub id: String,
    /// The dispute it belongs to.
    pub dispute_id: String,
    /// The original file name.
    pub filename: String,
    /// The evidence kind, absent on old documents.
    pub kind: Option<String>,
    /// Creation time.
    pub created_at: i64,
}

/// Percent-encodes a path segment (RFC 3986 unreserved characters stay as they are).
pub fn encode_segment(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

impl Document {
    /// The JSON shape; `base_url` is used for `download_uri`.
    pub fn to_json(&self, base_url: &str) -> Value {
        json!({
            "object": "document",
            "livemode": false,
            "id": self.id,
            "deleted": false,
            "filename": self.filename,
            "kind": self.kind,
            "location": format!("/disputes/{}/documents/{}", self.dispute_id, self.id),
            "download_uri": format!("{base_url}/__files/{}/{}", self.id, encode_segment(&self.filename)),
            "created_at": format_ts(self.created_at),
        })
    }
}

/// Dispute status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Awaiting the merchant's response.
    Open,
    /// The merchant answered; awaiting the decision.
    Pending,
    /// Decided for the merchant.
    Won,
    /// Decided for the cardholder.
    Lost,
}

impl Status {
    /// The API spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::Pending => "pending",
            Status::Won => "won",
            Status::Lost => "lost",
        }
    }
}

/// A dispute with its embedded documents and transactions.
#[derive(Debug, Clone)]
pub struct Dispute {
    /// `dspt_test_...`.
    pub id: String,
    /// Amount in the smallest currency unit.
    pub amount: i64,
    /// Lower-case currency code.
    pub currency: String,
    /// The disputed charge.
    pub charge: String,
    /// Reason code.
    pub reason_code: &'static str,
    /// Reason text.
    pub reason_message: &'static str,
    /// The merchant's message (null while open).
    pub message: Option<String>,
    /// Custom metadata.
    pub metadata: Map<String, Value>,
    /// Current status.
    pub status: Status,
    /// When it was won or lost.
    pub closed_at: Option<i64>,
    /// Creation time.
    pub created_at: i64,
    /// Evidence documents, in upload order.
    pub documents: Vec<Document>,
    /// The dispute's own transactions.
    pub transactions: Vec<Transaction>,
}

impl Dispute {
    /// Concedes the dispute at `now`: it becomes `lost` with Omise's standard message.
    pub fn accept(&mut self, now: i64) {
        self.status = Status::Lost;
        self.closed_at = Some(now);
        self.message = Some("Merchant accepts the dispute".to_string());
    }

    /// The 2019-05-29 JSON shape; `now` is echoed as the embedded list's `to`.
    pub fn to_json(&self, base_url: &str, now: i64) -> Value {
        let mut docs: Vec<&Document> = self.documents.iter().collect();
        docs.sort_by(|a, b| (a.created_at, &a.id).cmp(&(b.created_at, &b.id)));
        let data: Vec<Value> = docs.iter().take(20).map(|d| d.to_json(base_url)).collect();
        json!({
            "object": "dispute",
            "id": self.id,
            "livemode": false,
            "location": format!("/disputes/{}", self.id),
            "currency": self.currency,
            "amount": self.amount,
            "funding_amount": self.amount,
            "funding_currency": self.currency,
            "metadata": self.metadata,
            "charge": self.charge,
            "documents": {
                "object": "list",
                "data": data,
                "limit": 20,
                "offset": 0,
                "total": docs.len(),
                "location": format!("/disputes/{}/documents", self.id),
                "order": "chronological",
                "from": format_ts(0),
                "to": format_ts(now),
            },
            "transactions": self.transactions.iter().map(Transaction::to_json).collect::<Vec<_>>(),
            "admin_message": null,
            "message": self.message,
            "reason_code": self.reason_code,
            "reason_message": self.reason_message,
            "status": self.status.as_str(),
            "closed_at": self.closed_at.map(format_ts),
            "created_at": format_ts(self.created_at),
        })
    }
}

/// The bytes of a stored document file.
#[derive(Debug, Clone)]
pub struct StoredFile {
    /// MIME type derived from the magic bytes.
    pub content_type: &'static str,
    /// The exact bytes uploaded.
    pub bytes: Bytes,
}

/// All mutable emulator data.
#[derive(Debug, Clone)]
pub struct Store {
    /// Disputes sorted by `(created_at, id)`.
    pub disputes: Vec<Dispute>,
    /// Dispute id → index in `disputes`.
    pub dispute_index: HashMap<String, usize>,
    /// Transactions sorted by `(created_at, id)`.
    pub transactions: Vec<Transaction>,
    /// Transaction id → index in `transactions`.
    pub transaction_index: HashMap<String, usize>,
    /// Document id → file.
    pub files: HashMap<String, StoredFile>,
    /// Every id handed out so far (to keep new ids unique).
    pub ids: HashSet<String>,
    /// Generator for new ids.
    pub rng: Rng,
}

impl Store {
    /// A fresh id with `prefix`, unique within this store.
    pub fn new_id(&mut self, prefix: &str) -> String {
        loop {
            let id = self.rng.id(prefix);
            if self.ids.insert(id.clone()) {
                return id;
            }
        }
    }

    /// The dispute with `id`.
    pub fn dispute(&self, id: &str) -> Option<&Dispute> {
        self.dispute_index
            .get(id)
            .and_then(|&i| self.disputes.get(i))
    }

    /// The dispute with `id`, mutably.
    pub fn dispute_mut(&mut self, id: &str) -> Option<&mut Dispute> {
        match self.dispute_index.get(id) {
            Some(&i) => self.disputes.get_mut(i),
            None => None,
        }
    }

    /// The transaction with `id`.
    pub fn transaction(&self, id: &str) -> Option<&Transaction> {
        self.transaction_index
            .get(id)
            .and_then(|&i| self.transactions.get(i))
    }
}

/// Detects PNG, JPEG or PDF by magic bytes and returns the MIME type.
pub fn sniff(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(&[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
        Some("image/png")
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("image/jpeg")
    } else if bytes.starts_with(b"%PDF-") {
        Some("application/pdf")
    } else {
        None
    }
}
