//! Where the relay keeps documents: samod's filesystem layout (the same as
//! the JavaScript automerge-repo-storage-nodefs, so either can read the
//! other's folder), written so that a crash or a full disk never loses a
//! change that samod believes stored.
//!
//! samod's own filesystem storage writes files in place and ignores
//! errors. Here every write goes to a temporary file outside the document
//! tree, is flushed to disk, then renamed into place; a write that fails
//! (a full disk, say) is retried until it succeeds, with an error logged,
//! so samod never goes on to compact away the older files it replaces.
//!
//! It also counts the bytes each document's files take ([`StoredBytes`]):
//! read from the folder at start, then kept up to date as files are written
//! and deleted, so the relay can hold each timebank to its quota.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use samod::storage::{Storage, StorageKey, TokioFilesystemStorage};

#[derive(Clone, Debug)]
pub struct DurableStorage {
    documents: PathBuf,
    incoming: PathBuf,
    reader: TokioFilesystemStorage,
    next_temp: Arc<AtomicU64>,
    stored: StoredBytes,
}

/// The bytes each document takes in the data folder, shared by every clone.
#[derive(Clone, Debug, Default)]
pub struct StoredBytes {
    sizes: Arc<Mutex<Sizes>>,
}

#[derive(Debug, Default)]
struct Sizes {
    /// Each file's size, by its path.
    files: HashMap<PathBuf, u64>,
    /// The sum of its files' sizes, by the document's id (the first part of
    /// samod's keys).
    documents: HashMap<String, u64>,
}

impl StoredBytes {
    /// The bytes `document`'s files take (its id as samod's keys begin).
    pub fn of(&self, document: &str) -> u64 {
        self.sizes()
            .documents
            .get(document)
            .copied()
            .unwrap_or_default()
    }

    fn sizes(&self) -> std::sync::MutexGuard<'_, Sizes> {
        self.sizes.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// `file`, of `document`, now holds `size` bytes (`None`: it is gone).
    fn set(&self, document: &str, file: &Path, size: Option<u64>) {
        let mut sizes = self.sizes();
        let before = match size {
            Some(size) => sizes.files.insert(file.to_path_buf(), size),
            None => sizes.files.remove(file),
        };
        let total = sizes.documents.entry(document.to_owned()).or_default();
        *total = total
            .saturating_sub(before.unwrap_or_default())
            .saturating_add(size.unwrap_or_default());
        if *total == 0 {
            sizes.documents.remove(document);
        }
    }

    /// Counts every file under `documents` (samod's layout: a document's
    /// files are under `<first two characters of its id>/<the rest>`).
    fn scan(documents: &Path) -> std::io::Result<StoredBytes> {
        let stored = StoredBytes::default();
        for splay in std::fs::read_dir(documents)? {
            let splay = splay?;
            if !splay.file_type()?.is_dir() {
                continue;
            }
            for rest in std::fs::read_dir(splay.path())? {
                let rest = rest?;
                let document = format!(
                    "{}{}",
                    splay.file_name().to_string_lossy(),
                    rest.file_name().to_string_lossy()
                );
                let mut waiting = vec![rest.path()];
                while let Some(path) = waiting.pop() {
                    let metadata = std::fs::symlink_metadata(&path)?;
                    if metadata.is_dir() {
                        for entry in std::fs::read_dir(&path)? {
                            waiting.push(entry?.path());
                        }
                    } else if metadata.is_file() {
                        stored.set(&document, &path, Some(metadata.len()));
                    }
                }
            }
        }
        Ok(stored)
    }
}

/// The document a key belongs to: its first part.
fn document_of(key: &StorageKey) -> String {
    key.into_iter().next().cloned().unwrap_or_default()
}

impl DurableStorage {
    /// Documents live in `<data>/documents`; unfinished writes in
    /// `<data>/incoming`, emptied at start. Reads the size of every
    /// document.
    pub fn open(data: &Path) -> std::io::Result<DurableStorage> {
        let documents = data.join("documents");
        let incoming = data.join("incoming");
        std::fs::create_dir_all(&documents)?;
        if incoming.exists() {
            std::fs::remove_dir_all(&incoming)?;
        }
        std::fs::create_dir_all(&incoming)?;
        Ok(DurableStorage {
            reader: TokioFilesystemStorage::new(&documents),
            stored: StoredBytes::scan(&documents)?,
            documents,
            incoming,
            next_temp: Arc::new(AtomicU64::new(0)),
        })
    }

    /// The bytes each document takes, kept up to date.
    pub fn stored_bytes(&self) -> StoredBytes {
        self.stored.clone()
    }

    fn path_of(&self, key: &StorageKey) -> PathBuf {
        // The nodefs layout: the first component splayed by its first two
        // characters, the rest as folders and file.
        let mut path = self.documents.clone();
        for (index, component) in key.into_iter().enumerate() {
            if index == 0 {
                let split = component
                    .char_indices()
                    .nth(2)
                    .map_or(component.len(), |(at, _)| at);
                path.push(&component[..split]);
                path.push(&component[split..]);
            } else {
                path.push(component);
            }
        }
        path
    }

    async fn try_put(&self, path: &Path, data: &[u8]) -> std::io::Result<()> {
        let temp = self.incoming.join(format!(
            "{}",
            self.next_temp.fetch_add(1, Ordering::Relaxed)
        ));
        let result = async {
            if let Some(parent) = path.parent() {
                tokio::fs::create_dir_all(parent).await?;
            }
            let mut file = tokio::fs::File::create(&temp).await?;
            tokio::io::AsyncWriteExt::write_all(&mut file, data).await?;
            file.sync_all().await?;
            drop(file);
            tokio::fs::rename(&temp, path).await?;
            if let Some(parent) = path.parent() {
                tokio::fs::File::open(parent).await?.sync_all().await?;
            }
            Ok(())
        }
        .await;
        if result.is_err() {
            let _ = tokio::fs::remove_file(&temp).await;
        }
        result
    }
}

impl Storage for DurableStorage {
    fn load(&self, key: StorageKey) -> impl Future<Output = Option<Vec<u8>>> + Send {
        self.reader.load(key)
    }

    fn load_range(
        &self,
        prefix: StorageKey,
    ) -> impl Future<Output = HashMap<StorageKey, Vec<u8>>> + Send {
        self.reader.load_range(prefix)
    }

    fn put(&self, key: StorageKey, data: Vec<u8>) -> impl Future<Output = ()> + Send {
        let this = self.clone();
        async move {
            let path = this.path_of(&key);
            let mut wait = Duration::from_millis(100);
            while let Err(error) = this.try_put(&path, &data).await {
                tracing::error!(
                    path = %path.display(),
                    %error,
                    "could not store a document change; trying again (is the disk full?)"
                );
                tokio::time::sleep(wait).await;
                wait = (wait * 2).min(Duration::from_secs(10));
            }
            let size = u64::try_from(data.len()).unwrap_or(u64::MAX);
            this.stored.set(&document_of(&key), &path, Some(size));
        }
    }

    fn delete(&self, key: StorageKey) -> impl Future<Output = ()> + Send {
        let this = self.clone();
        async move {
            let path = this.path_of(&key);
            // As samod's own storage does, a file that cannot be deleted is
            // left (it is read again, no change is lost); it still counts.
            let gone = match tokio::fs::remove_file(&path).await {
                Ok(()) => true,
                Err(error) => error.kind() == std::io::ErrorKind::NotFound,
            };
            if gone {
                this.stored.set(&document_of(&key), &path, None);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(parts: &[&str]) -> StorageKey {
        StorageKey::from_parts(parts.iter().copied()).unwrap()
    }

    #[tokio::test]
    async fn each_documents_bytes_are_counted_as_files_come_and_go_and_at_start() {
        let data = tempfile::tempdir().unwrap();
        let storage = DurableStorage::open(data.path()).unwrap();
        let stored = storage.stored_bytes();
        let (a, b) = (
            "3h7sTF6ZMMqm5mLVqDsVHTdsn3eB",
            "2Z6fNYubqsm2wfvwFTJ4dEg4xKmJ",
        );
        storage.put(key(&[a, "snapshot", "h1"]), vec![0; 100]).await;
        storage
            .put(key(&[a, "incremental", "h2"]), vec![0; 30])
            .await;
        storage.put(key(&[b, "snapshot", "h1"]), vec![0; 7]).await;
        assert_eq!((stored.of(a), stored.of(b)), (130, 7));
        // A file written again counts once, at its new size.
        storage.put(key(&[a, "snapshot", "h1"]), vec![0; 60]).await;
        assert_eq!(stored.of(a), 90);
        storage.delete(key(&[a, "incremental", "h2"])).await;
        storage
            .delete(key(&[a, "incremental", "never-written"]))
            .await;
        assert_eq!((stored.of(a), stored.of(b)), (60, 7));

        let again = DurableStorage::open(data.path()).unwrap().stored_bytes();
        assert_eq!((again.of(a), again.of(b)), (60, 7));
        assert_eq!(again.of("1111111111111111111111111111"), 0);
    }
}
