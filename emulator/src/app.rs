//! Shared application state: the store, request log and fault queue.

use std::collections::VecDeque;
use std::sync::{Mutex, MutexGuard};

use serde_json::Value;

use crate::faults::Fault;
use crate::seed::{generate, SeedConfig};
use crate::state::Store;

/// Most request-log entries kept; older ones are dropped first.
pub const LOG_CAPACITY: usize = 50_000;

/// The request log.
#[derive(Debug, Default)]
pub struct RequestLog {
    /// Sequence number of the next entry (starts at 1, never reused).
    pub next_seq: u64,
    /// Entries in arrival order.
    pub entries: VecDeque<Value>,
}

/// Everything the handlers share.
#[derive(Debug)]
pub struct App {
    /// Disputes, documents, transactions and files.
    pub store: Mutex<Store>,
    /// How the store was seeded (used by reset).
    pub seed: SeedConfig,
    /// The secret key clients must present.
    pub secret_key: String,
    /// `http://host:port`, used in `download_uri`.
    pub base_url: String,
    /// Logged API requests.
    pub log: Mutex<RequestLog>,
    /// Queued faults.
    pub faults: Mutex<Vec<Fault>>,
    /// Origins besides the emulator's own whose pages may use the control API
    /// (`--control-origin`, e.g. a browser test runner's page).
    pub control_origins: Vec<String>,
}

/// Locks a mutex, recovering the data if another thread panicked while holding it.
pub fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl App {
    /// Seeds the store and builds the state.
    pub fn new(seed: SeedConfig, secret_key: String, base_url: String) -> Self {
        App {
            store: Mutex::new(generate(seed)),
            seed,
            secret_key,
            base_url,
            log: Mutex::new(RequestLog {
                next_seq: 1,
                entries: VecDeque::new(),
            }),
            faults: Mutex::new(Vec::new()),
            control_origins: Vec::new(),
        }
    }

    /// Restores the seeded data and clears the log and faults.
    pub fn reset(&self) {
        let fresh = generate(self.seed);
        *lock(&self.store) = fresh;
        lock(&self.log).entries.clear();
        lock(&self.faults).clear();
    }

    /// Appends a log entry, assigning its `seq`.
    pub fn log_request(&self, mut entry: serde_json::Map<String, Value>) {
        let mut log = lock(&self.log);
        let seq = log.next_seq;
        log.next_seq += 1;
        entry.insert("seq".into(), Value::from(seq));
        if log.entries.len() >= LOG_CAPACITY {
            log.entries.pop_front();
        }
        log.entries.push_back(Value::Object(entry));
    }
}
