//! One samod repo per timebank, made when its first device connects.
//!
//! samod's hub, on every event, visits every pair of connection and open
//! document (`ensure_connections`), so one repo for a whole relay slows
//! down as the product of the two grows: with 500 devices over 50 timebanks
//! that was 74% of the relay's time (measured with perf) and sync latency
//! of seconds. A device only ever syncs its own timebank, so a repo per
//! timebank keeps each hub's pairs to that timebank's devices.
//!
//! All repos share one durable store: samod's keys begin with the document
//! id, so they never write the same file.

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use samod::AcceptorHandle;
use tokio::sync::Mutex;
use wire::DocumentId;

use crate::storage::DurableStorage;
use crate::sync::share_policy;
use crate::tokens::Tokens;

#[derive(Clone)]
pub struct Repos {
    storage: DurableStorage,
    tokens: Arc<Tokens>,
    open: Arc<Mutex<Open>>,
    /// Set (under the lock) once the relay is stopping.
    stopping: Arc<AtomicBool>,
}

#[derive(Default)]
struct Open {
    repos: HashMap<DocumentId, (samod::Repo, AcceptorHandle)>,
}

impl Repos {
    pub fn new(storage: DurableStorage, tokens: Arc<Tokens>) -> Repos {
        Repos {
            storage,
            tokens,
            open: Arc::default(),
            stopping: Arc::default(),
        }
    }

    /// The bytes each timebank takes in the data folder.
    pub fn stored_bytes(&self) -> crate::storage::StoredBytes {
        self.storage.stored_bytes()
    }

    /// True once the relay has begun to stop.
    pub fn is_stopping(&self) -> bool {
        self.stopping.load(Ordering::Acquire)
    }

    /// Where connections for `document` are accepted; `None` once the
    /// relay is stopping.
    pub async fn acceptor(&self, document: DocumentId) -> Option<AcceptorHandle> {
        let mut open = self.open.lock().await;
        if self.is_stopping() {
            return None;
        }
        if let Some((_, acceptor)) = open.repos.get(&document) {
            return Some(acceptor.clone());
        }
        let repo = samod::Repo::build_tokio()
            .with_storage(self.storage.clone())
            .with_share_policy(share_policy(self.tokens.clone()))
            .load()
            .await;
        let url = format!("tally://relay/{document}").parse().ok()?;
        let acceptor = repo.make_acceptor(url).ok()?;
        open.repos.insert(document, (repo, acceptor.clone()));
        Some(acceptor)
    }

    /// Closes every connection and waits until every change is stored.
    pub async fn stop(&self) {
        let repos = {
            let mut open = self.open.lock().await;
            self.stopping.store(true, Ordering::Release);
            std::mem::take(&mut open.repos)
        };
        for (_, (repo, acceptor)) in repos {
            acceptor.close();
            repo.stop().await;
        }
    }
}
