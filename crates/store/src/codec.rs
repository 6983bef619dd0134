//! Turning stored text back into typed values. Stored data that does not
//! decode is corruption, reported as such rather than guessed at.

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::error::{StoreError, StoreResult};

pub fn to_json<T: Serialize>(value: &T) -> StoreResult<String> {
    serde_json::to_string(value).map_err(|e| StoreError::Corrupt(e.to_string()))
}

pub fn from_json<T: DeserializeOwned>(json: &str) -> StoreResult<T> {
    serde_json::from_str(json).map_err(|e| StoreError::Corrupt(e.to_string()))
}

/// Decodes a currency code from its column.
pub fn currency(code: &str) -> StoreResult<domain::Currency> {
    code.parse().map_err(|_| StoreError::Corrupt(format!("currency {code}")))
}

/// Decodes a labelled enum (`JobStatus::parse` and the like) from its column.
pub fn label<T>(parse: fn(&str) -> Option<T>, value: &str) -> StoreResult<T> {
    parse(value).ok_or_else(|| StoreError::Corrupt(format!("unknown label {value:?}")))
}
