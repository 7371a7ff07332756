//! omise-wasm
