//! Where timebank documents are kept: named records of bytes, written in
//! transactions (all of a commit or none of it). IndexedDB in the browser
//! ([`super::idb`]); localStorage where the browser refuses IndexedDB
//! ([`LocalRecords`]); a map that can fill up, fail or abort half way in
//! native tests ([`MemoryRecords`]).

use std::future::Future;
use std::pin::Pin;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;

use super::{KeyValue, StoreError};

/// An answer that comes later (IndexedDB answers asynchronously).
pub type Later<T> = Pin<Box<dyn Future<Output = T>>>;

/// Records read under a prefix: (key, bytes), sorted by key.
pub type Found = Vec<(String, Vec<u8>)>;

/// One write of a commit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Write {
    Put(String, Vec<u8>),
    Delete(String),
}

/// Records of bytes under text keys.
pub trait Records {
    /// Every record whose key starts with `prefix`, sorted by key, read as
    /// one consistent whole.
    fn read(&self, prefix: &str) -> Later<Result<Found, StoreError>>;

    /// The keys that start with `prefix`, sorted.
    fn keys(&self, prefix: &str) -> Later<Result<Vec<String>, StoreError>>;

    /// One record.
    fn get(&self, key: &str) -> Later<Result<Option<Vec<u8>>, StoreError>>;

    /// Writes all of `writes` or none of them. The writes are handed to the
    /// store before this returns (so a page being closed still commits
    /// them); the answer says whether they were kept.
    fn commit(&self, writes: Vec<Write>) -> Later<Result<(), StoreError>>;

    /// Which kind of store this is (settings tell the person).
    fn kind(&self) -> StoreKind;
}

/// The kind of store documents live in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StoreKind {
    /// IndexedDB: binary, transactional, as large as the browser allows.
    Large,
    /// localStorage (the browser refused IndexedDB): about 5 million
    /// characters for the whole site, base64 for bytes.
    Small,
}

/// Whether a record holds document bytes (base64 in localStorage) rather
/// than text.
fn holds_bytes(key: &str) -> bool {
    key.contains(".snapshot.") || key.contains(".chunk.")
}

/// Records over localStorage in the layout every earlier release used, so
/// what they saved opens as it is: document bytes as base64, other records
/// as text. A commit writes in order and puts back what it had written when
/// a write fails, so a full store changes nothing.
#[derive(Debug, Clone, Default)]
pub struct LocalRecords<S: KeyValue + Clone> {
    pub(crate) store: std::rc::Rc<std::cell::RefCell<S>>,
}

impl<S: KeyValue + Clone> LocalRecords<S> {
    pub fn new(store: S) -> LocalRecords<S> {
        LocalRecords {
            store: std::rc::Rc::new(std::cell::RefCell::new(store)),
        }
    }

    /// The record under `key`, decoded.
    fn value(store: &S, key: &str) -> Option<Vec<u8>> {
        let text = store.get(key)?;
        if holds_bytes(key) {
            // A piece that is not base64 is returned as it is: a damaged
            // copy is kept and offered whole, never dropped.
            Some(
                BASE64
                    .decode(text.trim())
                    .unwrap_or_else(|_| text.into_bytes()),
            )
        } else {
            Some(text.into_bytes())
        }
    }

    fn sorted_keys(store: &S, prefix: &str) -> Vec<String> {
        let mut keys: Vec<String> = store
            .keys()
            .into_iter()
            .filter(|k| k.starts_with(prefix))
            .collect();
        keys.sort();
        keys
    }

    fn apply(store: &mut S, writes: Vec<Write>) -> Result<(), StoreError> {
        let mut undo: Vec<(String, Option<String>)> = Vec::new();
        let mut result = Ok(());
        for write in writes {
            let key = match &write {
                Write::Put(key, _) | Write::Delete(key) => key.clone(),
            };
            let before = store.get(&key);
            let done = match write {
                Write::Put(key, bytes) => {
                    let text = if holds_bytes(&key) {
                        BASE64.encode(&bytes)
                    } else {
                        String::from_utf8_lossy(&bytes).into_owned()
                    };
                    store.set(&key, &text)
                }
                Write::Delete(key) => {
                    store.remove(&key);
                    Ok(())
                }
            };
            undo.push((key, before));
            if let Err(error) = done {
                result = Err(error);
                break;
            }
        }
        if result.is_err() {
            // Put back what was there, newest first (removing frees room,
            // so putting back fits).
            for (key, before) in undo.into_iter().rev() {
                match before {
                    Some(text) => {
                        let _ = store.set(&key, &text);
                    }
                    None => store.remove(&key),
                }
            }
        }
        result
    }
}

impl<S: KeyValue + Clone + 'static> Records for LocalRecords<S> {
    fn read(&self, prefix: &str) -> Later<Result<Found, StoreError>> {
        let store = self.store.borrow();
        let found = Self::sorted_keys(&store, prefix)
            .into_iter()
            .filter_map(|key| Self::value(&store, &key).map(|value| (key, value)))
            .collect();
        Box::pin(std::future::ready(Ok(found)))
    }

    fn keys(&self, prefix: &str) -> Later<Result<Vec<String>, StoreError>> {
        let keys = Self::sorted_keys(&self.store.borrow(), prefix);
        Box::pin(std::future::ready(Ok(keys)))
    }

    fn get(&self, key: &str) -> Later<Result<Option<Vec<u8>>, StoreError>> {
        let value = Self::value(&self.store.borrow(), key);
        Box::pin(std::future::ready(Ok(value)))
    }

    fn commit(&self, writes: Vec<Write>) -> Later<Result<(), StoreError>> {
        let result = Self::apply(&mut self.store.borrow_mut(), writes);
        Box::pin(std::future::ready(result))
    }

    fn kind(&self) -> StoreKind {
        StoreKind::Small
    }
}

/// Two stores read as one: documents are written to `main` (IndexedDB)
/// while pieces an earlier release left in `old` (localStorage) that could
/// not be moved yet are still read. A piece is a piece wherever it is, and
/// loading takes them all, so nothing left behind is ever missed; a
/// compaction deletes what it replaced from both.
#[derive(Clone)]
pub struct Layered {
    pub main: std::rc::Rc<dyn Records>,
    pub old: std::rc::Rc<dyn Records>,
}

impl Records for Layered {
    fn read(&self, prefix: &str) -> Later<Result<Found, StoreError>> {
        let (main, old) = (self.main.read(prefix), self.old.read(prefix));
        Box::pin(async move {
            let mut found = main.await?;
            let mut older = old.await?;
            older.retain(|(k, _)| holds_bytes(k) && !found.iter().any(|(f, _)| f == k));
            found.extend(older);
            found.sort_by(|a, b| a.0.cmp(&b.0));
            Ok(found)
        })
    }

    fn keys(&self, prefix: &str) -> Later<Result<Vec<String>, StoreError>> {
        let (main, old) = (self.main.keys(prefix), self.old.keys(prefix));
        Box::pin(async move {
            let mut keys = main.await?;
            keys.extend(old.await?.into_iter().filter(|k| holds_bytes(k)));
            keys.sort();
            keys.dedup();
            Ok(keys)
        })
    }

    fn get(&self, key: &str) -> Later<Result<Option<Vec<u8>>, StoreError>> {
        let (main, old) = (self.main.get(key), self.old.get(key));
        let piece = holds_bytes(key);
        Box::pin(async move {
            match main.await? {
                Some(value) => Ok(Some(value)),
                None if piece => old.await,
                None => Ok(None),
            }
        })
    }

    fn commit(&self, writes: Vec<Write>) -> Later<Result<(), StoreError>> {
        let deletes: Vec<Write> = writes
            .iter()
            .filter(|w| matches!(w, Write::Delete(k) if holds_bytes(k) || k.ends_with(".pointer")))
            .cloned()
            .collect();
        let main = self.main.commit(writes);
        let old = self.old.clone();
        Box::pin(async move {
            main.await?;
            if !deletes.is_empty() {
                // Left behind only repeats changes the snapshot holds.
                let _ = old.commit(deletes).await;
            }
            Ok(())
        })
    }

    fn kind(&self) -> StoreKind {
        self.main.kind()
    }
}

/// An in-memory transactional store for tests: it can be told to run out
/// of space, to refuse commits, or to abort a commit half way.
#[cfg(test)]
#[derive(Debug, Clone, Default)]
pub struct MemoryRecords {
    pub inner: std::rc::Rc<std::cell::RefCell<MemoryInner>>,
}

#[cfg(test)]
#[derive(Debug, Default)]
pub struct MemoryInner {
    pub values: std::collections::BTreeMap<String, Vec<u8>>,
    /// Total bytes allowed (keys and values); `None` for unlimited.
    pub capacity: Option<usize>,
    /// Commits left before every commit is refused; `None`: never.
    pub refuse_after: Option<usize>,
    /// The next commit applies this many writes, then aborts (all undone).
    pub abort_after_writes: Option<usize>,
    /// Commits kept so far.
    pub commits: usize,
}

#[cfg(test)]
impl MemoryRecords {
    pub fn values(&self) -> std::collections::BTreeMap<String, Vec<u8>> {
        self.inner.borrow().values.clone()
    }

    pub fn used(&self) -> usize {
        self.inner
            .borrow()
            .values
            .iter()
            .map(|(k, v)| k.len() + v.len())
            .sum()
    }

    /// No more room than is used now.
    pub fn fill_up(&self) {
        let used = self.used();
        self.inner.borrow_mut().capacity = Some(used);
    }

    pub fn set_capacity(&self, capacity: Option<usize>) {
        self.inner.borrow_mut().capacity = capacity;
    }
}

#[cfg(test)]
impl Records for MemoryRecords {
    fn read(&self, prefix: &str) -> Later<Result<Found, StoreError>> {
        let found = self
            .inner
            .borrow()
            .values
            .range(prefix.to_string()..)
            .take_while(|(k, _)| k.starts_with(prefix))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        Box::pin(std::future::ready(Ok(found)))
    }

    fn keys(&self, prefix: &str) -> Later<Result<Vec<String>, StoreError>> {
        let keys = self
            .inner
            .borrow()
            .values
            .range(prefix.to_string()..)
            .take_while(|(k, _)| k.starts_with(prefix))
            .map(|(k, _)| k.clone())
            .collect();
        Box::pin(std::future::ready(Ok(keys)))
    }

    fn get(&self, key: &str) -> Later<Result<Option<Vec<u8>>, StoreError>> {
        let value = self.inner.borrow().values.get(key).cloned();
        Box::pin(std::future::ready(Ok(value)))
    }

    fn commit(&self, writes: Vec<Write>) -> Later<Result<(), StoreError>> {
        let mut inner = self.inner.borrow_mut();
        let result = (|| {
            if inner.refuse_after == Some(0) {
                return Err(StoreError::Unavailable("the store refused".into()));
            }
            let mut next = inner.values.clone();
            for (done, write) in writes.into_iter().enumerate() {
                if inner.abort_after_writes == Some(done) {
                    inner.abort_after_writes = None;
                    return Err(StoreError::Unavailable("the transaction aborted".into()));
                }
                match write {
                    Write::Put(key, value) => {
                        next.insert(key, value);
                        // Room is checked at each write, as browsers do.
                        let used: usize = next.iter().map(|(k, v)| k.len() + v.len()).sum();
                        if inner.capacity.is_some_and(|capacity| used > capacity) {
                            return Err(StoreError::Full);
                        }
                    }
                    Write::Delete(key) => {
                        next.remove(&key);
                    }
                }
            }
            inner.values = next;
            inner.commits += 1;
            if let Some(left) = inner.refuse_after.as_mut() {
                *left = left.saturating_sub(1);
            }
            Ok(())
        })();
        Box::pin(std::future::ready(result))
    }

    fn kind(&self) -> StoreKind {
        StoreKind::Large
    }
}

/// Runs a future whose answer is already there (the test stores answer at
/// once), for native tests.
#[cfg(test)]
pub fn now<T>(future: impl Future<Output = T>) -> T {
    let mut future = std::pin::pin!(future);
    let mut context = std::task::Context::from_waker(std::task::Waker::noop());
    loop {
        if let std::task::Poll::Ready(value) = future.as_mut().poll(&mut context) {
            return value;
        }
    }
}
