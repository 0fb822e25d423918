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

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use samod::storage::{Storage, StorageKey, TokioFilesystemStorage};

#[derive(Clone, Debug)]
pub struct DurableStorage {
    documents: PathBuf,
    incoming: PathBuf,
    reader: TokioFilesystemStorage,
    next_temp: Arc<AtomicU64>,
}

impl DurableStorage {
    /// Documents live in `<data>/documents`; unfinished writes in
    /// `<data>/incoming`, emptied at start.
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
            documents,
            incoming,
            next_temp: Arc::new(AtomicU64::new(0)),
        })
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
        }
    }

    fn delete(&self, key: StorageKey) -> impl Future<Output = ()> + Send {
        self.reader.delete(key)
    }
}
