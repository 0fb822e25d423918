//! [`KeyValue`] over the browser's localStorage, through gloo-storage.

use gloo_storage::errors::StorageError;
use gloo_storage::{LocalStorage, Storage};

use super::{KeyValue, StoreError};

/// This site's localStorage.
#[derive(Debug, Default, Clone, Copy)]
pub struct BrowserStore;

impl KeyValue for BrowserStore {
    fn get(&self, key: &str) -> Option<String> {
        LocalStorage::get::<String>(key).ok()
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        LocalStorage::set(key, value).map_err(|error| match error {
            StorageError::JsError(js) if js.name == "QuotaExceededError" => StoreError::Full,
            other => StoreError::Unavailable(other.to_string()),
        })
    }

    fn remove(&mut self, key: &str) {
        LocalStorage::delete(key);
    }

    fn keys(&self) -> Vec<String> {
        let storage = LocalStorage::raw();
        let count = storage.length().unwrap_or(0);
        (0..count)
            .filter_map(|index| storage.key(index).ok().flatten())
            .collect()
    }
}
