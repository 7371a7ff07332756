//! Deterministic seed data: disputes, their documents and transactions.

use std::collections::{HashMap, HashSet};

use base64::Engine;
use bytes::Bytes;
use serde_json::{json, Map, Value};

use crate::dates::days_from_civil;
use crate::state::{sniff, Dispute, Document, Rng, Status, Store, StoredFile, Transaction};

/// What to generate.
#[derive(Debug, Clone, Copy)]
pub struct SeedConfig {
    /// PRNG seed.
    pub seed: u64,
    /// Number of disputes.
    pub disputes: usize,
    /// Minimum number of transactions (dispute transactions count towards it).
    pub transactions: usize,
}

/// The XSS probe used by demo tests (in one open dispute's metadata and one pending message).
pub const XSS: &str = "<img src=x onerror=alert(1)>";

const REASONS: &[(&str, &str)] = &[
    (
        "goods_or_services_not_provided",
        "Services not provided or Merchandise not received",
    ),
    ("fraudulent", "Fraudulent transaction"),
    ("duplicate_charge", "Duplicate processing"),
    ("credit_not_processed", "Credit not processed"),
    (
        "not_as_described",
        "Not as described or defective merchandise",
    ),
    (
        "cancelled_recurring_transaction",
        "Cancelled recurring transaction",
    ),
    (
        "incorrect_amount",
        "Incorrect transaction amount or account number",
    ),
    (
        "unrecognized_transaction",
        "Cardholder does not recognize the transaction",
    ),
];

const MESSAGES: &[&str] = &[
    "The goods were delivered on time; the signed delivery note is attached.",
    "Customer received a full refund before opening the dispute.",
    "Tracking number TH123456789 shows the parcel was delivered.",
    "The service was provided as agreed; see the attached invoice.",
    "This charge is not a duplicate: two separate orders were placed.",
];

const FILENAMES: &[&str] = &[
    "receipt.pdf",
    "evidence.png",
    "delivery_photo.jpg",
    "invoice.pdf",
    "chat_log.png",
    "signed delivery note.pdf",
];

/// The evidence kinds a document may have.
pub const KINDS: &[&str] = &[
    "cardholder_details",
    "details_of_purchase",
    "proof_of_receipt",
    "proof_of_acceptance",
];

const PNG_B64: &str = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";
const JPEG_B64: &str = "/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=";
const PDF: &str = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/MediaBox[0 0 200 200]/Parent 2 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";

/// Placeholder bytes for a seeded document, chosen by file extension.
fn placeholder(filename: &str) -> Bytes {
    let b64 = base64::engine::general_purpose::STANDARD;
    let decoded = if filename.ends_with(".png") {
        b64.decode(PNG_B64).ok()
    } else if filename.ends_with(".jpg") {
        b64.decode(JPEG_B64).ok()
    } else {
        None
    };
    Bytes::from(decoded.unwrap_or_else(|| PDF.as_bytes().to_vec()))
}

fn currency_amount(rng: &mut Rng) -> (String, i64) {
    let roll = rng.below(100);
    if roll < 70 {
        ("thb".into(), rng.range(2_000, 5_000_000))
    } else if roll < 82 {
        ("jpy".into(), rng.range(100, 80_000))
    } else if roll < 92 {
        ("usd".into(), rng.range(500, 150_000))
    } else {
        ("sgd".into(), rng.range(500, 150_000))
    }
}

/// Generates the store for a configuration. Same config, same data.
pub fn generate(cfg: SeedConfig) -> Store {
    let mut rng = Rng::new(cfg.seed);
    let mut ids: HashSet<String> = HashSet::new();
    let mut new_id = |rng: &mut Rng, prefix: &str| loop {
        let id = rng.id(prefix);
        if ids.insert(id.clone()) {
            break id;
        }
    };
    let start = days_from_civil(2024, 1, 1) * 86_400;
    let end = days_from_civil(2026, 1, 1) * 86_400;
    let n = cfg.disputes;

    // Exact status mix (30% open, 25% pending, 25% won, rest lost), shuffled.
    let n_open = (n * 3).div_ceil(10);
    let n_pending = n / 4;
    let n_won = n / 4;
    let mut statuses: Vec<Status> = (0..n)
        .map(|i| {
            if i < n_open {
                Status::Open
            } else if i < n_open + n_pending {
                Status::Pending
            } else if i < n_open + n_pending + n_won {
                Status::Won
            } else {
                Status::Lost
            }
        })
        .collect();
    for i in (1..statuses.len()).rev() {
        let j = rng.below(i as u64 + 1) as usize;
        statuses.swap(i, j);
    }

    let step = ((end - start) / (n.max(1) as i64)).max(1);
    let mut disputes = Vec::with_capacity(n);
    let mut transactions = Vec::new();
    let mut files = HashMap::new();
    let mut xss_meta_done = false;
    let mut xss_msg_done = false;
    for (i, status) in statuses.into_iter().enumerate() {
        let id = new_id(&mut rng, "dspt_test_");
        let created_at = start + i as i64 * step + rng.below(step as u64) as i64;
        let (currency, amount) = currency_amount(&mut rng);
        let &(reason_code, reason_message) = rng.pick(REASONS);
        let mut metadata = Map::new();
        if rng.chance(35) {
            metadata.insert(
                "order_id".into(),
                json!(format!("ORD-{}", rng.range(10_000, 99_999))),
            );
            if rng.chance(40) {
                metadata.insert("customer_id".into(), json!(rng.range(1, 5_000)));
            }
        }
        let mut message = match status {
            Status::Open => None,
            _ => Some(rng.pick(MESSAGES).to_string()),
        };
        if status == Status::Open && !xss_meta_done {
            metadata.insert("note".into(), Value::String(XSS.into()));
            xss_meta_done = true;
        }
        if status == Status::Pending && !xss_msg_done {
            message = Some(XSS.into());
            xss_msg_done = true;
        }
        let closed_at = match status {
            Status::Won | Status::Lost => Some(created_at + rng.range(3 * 86_400, 60 * 86_400)),
            _ => None,
        };
        let mut own = vec![Transaction {
            id: new_id(&mut rng, "trxn_test_"),
            currency: currency.clone(),
            amount,
            direction: "debit",
            key: "dispute.started.debit",
            origin: id.clone(),
            transferable_at: created_at,
            created_at,
        }];
        if let (Status::Won, Some(closed)) = (status, closed_at) {
            own.push(Transaction {
                id: new_id(&mut rng, "trxn_test_"),
                currency: currency.clone(),
                amount,
                direction: "credit",
                key: "dispute.won.credit",
                origin: id.clone(),
                transferable_at: closed,
                created_at: closed,
            });
        }
        transactions.extend(own.iter().cloned());
        let mut documents = Vec::new();
        if rng.chance(12) {
            for k in 0..rng.range(1, 2) {
                let filename = rng.pick(FILENAMES).to_string();
                let kind = if rng.chance(25) {
                    None
                } else {
                    Some(rng.pick(KINDS).to_string())
                };
                let doc = Document {
                    id: new_id(&mut rng, "docu_test_"),
                    dispute_id: id.clone(),
                    kind,
                    created_at: created_at + 3_600 * (k + 1) + rng.range(0, 3_599),
                    filename,
                };
                let bytes = placeholder(&doc.filename);
                let content_type = sniff(&bytes).unwrap_or("application/octet-stream");
                files.insert(
                    doc.id.clone(),
                    StoredFile {
                        content_type,
                        bytes,
                    },
                );
                documents.push(doc);
            }
        }
        disputes.push(Dispute {
            charge: new_id(&mut rng, "chrg_test_"),
            id,
            amount,
            currency,
            reason_code,
            reason_message,
            message,
            metadata,
            status,
            closed_at,
            created_at,
            documents,
            transactions: own,
        });
    }

    const OTHER: &[(&str, &str, &str)] = &[
        ("charge.captured.net", "credit", "chrg_test_"),
        ("charge.captured.net", "credit", "chrg_test_"),
        ("charge.captured.net", "credit", "chrg_test_"),
        ("refund.sent", "debit", "rfnd_test_"),
        ("transfer.sent", "debit", "trsf_test_"),
        ("transfer.fee", "debit", "trsf_test_"),
    ];
    while transactions.len() < cfg.transactions {
        let &(key, direction, origin_prefix) = rng.pick(OTHER);
        let (currency, amount) = currency_amount(&mut rng);
        let created_at = rng.range(start, end);
        let transferable_at = if key == "charge.captured.net" {
            created_at + rng.range(2, 7) * 86_400
        } else {
            created_at
        };
        transactions.push(Transaction {
            id: new_id(&mut rng, "trxn_test_"),
            currency,
            amount,
            direction,
            key,
            origin: new_id(&mut rng, origin_prefix),
            transferable_at,
            created_at,
        });
    }
    disputes.sort_by(|a, b| (a.created_at, &a.id).cmp(&(b.created_at, &b.id)));
    transactions.sort_by(|a, b| (a.created_at, &a.id).cmp(&(b.created_at, &b.id)));
    let dispute_index = disputes
        .iter()
        .enumerate()
        .map(|(i, d)| (d.id.clone(), i))
        .collect();
    let transaction_index = transactions
        .iter()
        .enumerate()
        .map(|(i, t)| (t.id.clone(), i))
        .collect();
    Store {
        disputes,
        dispute_index,
        transactions,
        transaction_index,
        files,
        ids,
        rng: Rng::new(cfg.seed ^ 0xD0C5_D0C5_D0C5_D0C5),
    }
}
