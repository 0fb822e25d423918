//! Saving timebank documents as records, so that no tab, crash or full
//! store ever loses a change.
//!
//! A timebank is every piece stored under its prefix, snapshots first:
//!
//! ```text
//! tally.tb.<id>.snapshot.<time>.<writer>.<n>.<heads>   a whole save (Automerge document)
//! tally.tb.<id>.chunk.<time>.<writer>.<n>              the changes of one save
//! tally.tb.<id>.damaged                                why the copy could not be opened
//! tally.aside.<id>.<k>.<rest>                          a damaged copy set aside
//! ```
//!
//! (Earlier releases named pieces `snapshot.<g>` and `chunk.<g>.<k>` and kept
//! a `pointer`; such pieces are read the same way.)
//!
//! The rules that keep every change:
//! - A piece is never overwritten: every name is new (the time, the writing
//!   tab and a counter).
//! - Saving writes one new piece. Compacting writes a snapshot and, in the
//!   same transaction, deletes only pieces whose changes this tab holds (it
//!   read, wrote or loaded them), so a piece another tab wrote meanwhile
//!   stays. A failed or aborted transaction leaves everything as it was.
//! - A copy that fails to load is marked damaged and never written over:
//!   opening a good copy of the same timebank sets it aside first.
//! - Loading takes the union of the pieces: a piece from an older
//!   generation that a crash left behind only repeats changes.

use std::cmp::Ordering;
use std::collections::BTreeSet;

use automerge::ChangeHash;
use ledger::{Entropy, Timebank, Timestamp};

use super::records::{Records, StoreKind, Write};
use super::{OpenError, StoreError};

/// After this many chunks, the next save compacts.
const MAX_CHUNKS: usize = 32;

/// The prefix of every record of timebank `id`.
pub fn prefix(id: &str) -> String {
    format!("tally.tb.{id}.")
}

/// The signatures this device checked in timebank `id`, kept so that the
/// next opening checks only new ones (a cache: written on its own, after
/// the document, and never needed to open it).
fn checked_key(id: &str) -> String {
    format!("tally.tb.{id}.checked")
}

/// How many signatures a session checks before what it checked is kept
/// again with an ordinary save (a compaction always keeps it).
const CHECKS_WORTH_KEEPING: usize = 256;

fn damaged_key(id: &str) -> String {
    format!("tally.tb.{id}.damaged")
}

/// Whether `key` (under a timebank's prefix) is a piece of its document.
fn is_piece(key: &str) -> bool {
    key.contains(".snapshot.") || key.contains(".chunk.")
}

fn is_snapshot(key: &str) -> bool {
    key.contains(".snapshot.")
}

/// Whether `key` is part of a stored copy (what is moved or set aside with
/// it): its pieces, the damaged mark and an earlier release's pointer.
pub(crate) fn is_document_record(key: &str) -> bool {
    is_piece(key) || key.ends_with(".damaged") || key.ends_with(".pointer")
}

/// The order pieces are loaded in: snapshots first, then by name, numbers
/// compared as numbers (`chunk.1.10` after `chunk.1.9`).
pub(crate) fn piece_order(a: &str, b: &str) -> Ordering {
    is_snapshot(b).cmp(&is_snapshot(a)).then_with(|| {
        let mut left = a.split('.');
        let mut right = b.split('.');
        loop {
            match (left.next(), right.next()) {
                (None, None) => return Ordering::Equal,
                (None, Some(_)) => return Ordering::Less,
                (Some(_), None) => return Ordering::Greater,
                (Some(x), Some(y)) => {
                    let order = match (x.parse::<u64>(), y.parse::<u64>()) {
                        (Ok(x), Ok(y)) => x.cmp(&y),
                        _ => x.cmp(y),
                    };
                    if order != Ordering::Equal {
                        return order;
                    }
                }
            }
        }
    })
}

/// The heads a snapshot's name carries (none for older names).
fn heads_in_name(key: &str) -> Vec<ChangeHash> {
    let Some(last) = key.rsplit('.').next() else {
        return Vec::new();
    };
    let heads: Vec<ChangeHash> = last
        .split('+')
        .filter_map(|hex| hex.parse::<ChangeHash>().ok())
        .collect();
    if heads.len() == last.split('+').count() {
        heads
    } else {
        Vec::new()
    }
}

/// One write of this tab's, in flight.
#[derive(Debug, Clone)]
pub struct Pending {
    pub writes: Vec<Write>,
    key: String,
    bytes: usize,
    heads: Vec<ChangeHash>,
    snapshot: bool,
    /// The pieces this write replaces (deleted with it).
    replaces: Vec<String>,
}

/// The saving state of one open timebank in one tab.
#[derive(Debug)]
pub struct Saved {
    pub id: String,
    /// This tab's name in the pieces it writes.
    writer: String,
    counter: u64,
    /// Pieces whose changes the document holds.
    known: BTreeSet<String>,
    /// Pieces another writer left that could not be read (kept, never deleted).
    unreadable: BTreeSet<String>,
    /// Every change up to these heads is stored.
    saved_heads: Vec<ChangeHash>,
    snapshot_bytes: usize,
    chunk_bytes: usize,
    chunks: usize,
    /// A compaction is under way.
    pub compacting: bool,
    /// A damaged copy under the same id must be set aside before anything
    /// of this one is written.
    pub needs_aside: bool,
    /// How many signatures the timebank had checked when what it checked
    /// was last kept (`None`: not kept in this session).
    checks_kept: Option<usize>,
}

impl Saved {
    /// The saving state of a timebank nothing of which is stored yet: its
    /// first save writes a snapshot.
    pub fn new(id: String, writer: String) -> Saved {
        Saved {
            id,
            writer,
            counter: 0,
            known: BTreeSet::new(),
            unreadable: BTreeSet::new(),
            saved_heads: Vec::new(),
            snapshot_bytes: 0,
            chunk_bytes: 0,
            chunks: 0,
            compacting: false,
            needs_aside: false,
            checks_kept: None,
        }
    }

    /// The write that keeps the signatures `timebank` has checked, beside
    /// document write `pending`, when they are worth keeping: with a
    /// snapshot, or once enough new ones were checked. What it keeps names
    /// each signature with the bytes it signs, so it holds whatever the
    /// document write does.
    fn checked_write(&mut self, timebank: &Timebank, pending: &Pending) -> Option<Write> {
        let checks = timebank.signatures_checked();
        let new = checks.saturating_sub(self.checks_kept.unwrap_or(0));
        if new == 0 || (!pending.snapshot && new < CHECKS_WORTH_KEEPING) {
            return None;
        }
        self.checks_kept = Some(checks);
        Some(Write::Put(
            checked_key(&self.id),
            timebank.checked_signatures(),
        ))
    }

    /// Whether any of this timebank is stored yet.
    pub fn is_stored(&self) -> bool {
        !self.known.is_empty()
    }

    /// Whether changes are stored up to the document's heads.
    pub fn is_up_to_date(&self, timebank: &mut Timebank) -> bool {
        self.is_stored() && timebank.heads() == self.saved_heads
    }

    fn name(&mut self, kind: &str, now: Timestamp) -> String {
        self.counter += 1;
        format!(
            "{}{kind}.{:013}.{}.{:06}",
            prefix(&self.id),
            now.0.max(0),
            self.writer,
            self.counter
        )
    }

    /// The write that stores the changes made since the last save (a whole
    /// snapshot when nothing is stored yet), or `None` when there are none.
    pub fn next_write(&mut self, timebank: &mut Timebank, now: Timestamp) -> Option<Pending> {
        if !self.is_stored() {
            return Some(self.snapshot(timebank, now));
        }
        let heads = timebank.heads();
        if heads == self.saved_heads {
            return None;
        }
        let bytes = timebank.save_after(&self.saved_heads);
        if bytes.is_empty() {
            self.saved_heads = heads;
            return None;
        }
        let key = self.name("chunk", now);
        Some(Pending {
            writes: vec![Write::Put(key.clone(), bytes.clone())],
            key,
            bytes: bytes.len(),
            heads,
            snapshot: false,
            replaces: Vec::new(),
        })
    }

    /// A whole snapshot that replaces every piece this tab knows.
    fn snapshot(&mut self, timebank: &mut Timebank, now: Timestamp) -> Pending {
        let bytes = timebank.save();
        let heads = timebank.heads();
        let names: Vec<String> = heads.iter().map(ToString::to_string).collect();
        let key = format!("{}.{}", self.name("snapshot", now), names.join("+"));
        let replaces: Vec<String> = self.known.iter().cloned().collect();
        let mut writes = vec![Write::Put(key.clone(), bytes.clone())];
        writes.extend(replaces.iter().cloned().map(Write::Delete));
        // An earlier release's pointer goes with the pieces it pointed to.
        if !replaces.is_empty() {
            writes.push(Write::Delete(format!("{}pointer", prefix(&self.id))));
        }
        Pending {
            writes,
            key,
            bytes: bytes.len(),
            heads,
            snapshot: true,
            replaces,
        }
    }

    /// The write that compacts everything this tab knows into one snapshot.
    /// Catch up first ([`catch_up`]) so it holds every stored piece.
    pub fn compaction(&mut self, timebank: &mut Timebank, now: Timestamp) -> Pending {
        self.snapshot(timebank, now)
    }

    /// Whether enough chunks piled up that a compaction is due.
    pub fn wants_compaction(&self) -> bool {
        self.is_stored()
            && !self.compacting
            && (self.chunks >= MAX_CHUNKS || self.chunk_bytes > self.snapshot_bytes.max(4096))
    }

    /// The store kept `pending`.
    pub fn written(&mut self, pending: &Pending) {
        if pending.snapshot {
            for gone in &pending.replaces {
                self.known.remove(gone);
            }
            self.snapshot_bytes = pending.bytes;
            self.chunk_bytes = 0;
            self.chunks = 0;
        } else {
            self.chunk_bytes += pending.bytes;
            self.chunks += 1;
        }
        self.known.insert(pending.key.clone());
        self.saved_heads = pending.heads.clone();
    }

    /// Of the stored `keys`, the pieces this tab has not taken in. A
    /// snapshot whose heads the document already has is counted as taken in
    /// without reading it.
    fn unknown(&mut self, keys: &[String], timebank: &mut Timebank) -> Vec<String> {
        let present: BTreeSet<&String> = keys.iter().collect();
        // Pieces that are gone were compacted by another tab into a
        // snapshot that is listed now.
        self.known.retain(|key| present.contains(key));
        let mut unknown = Vec::new();
        for key in keys.iter().filter(|k| is_piece(k)) {
            if self.known.contains(key) || self.unreadable.contains(key) {
                continue;
            }
            let heads = heads_in_name(key);
            if !heads.is_empty() && timebank.has_all(&heads) {
                self.known.insert(key.clone());
                continue;
            }
            unknown.push(key.clone());
        }
        unknown
    }

    /// Every stored piece was taken in and nothing is left unsaved: what is
    /// stored is now exactly the document.
    fn caught_up(&mut self, timebank: &mut Timebank, was_up_to_date: bool) {
        if was_up_to_date {
            self.saved_heads = timebank.heads();
        }
    }
}

/// Opens timebank `id` from `store`. A copy that cannot be read is marked
/// damaged and left exactly as it is.
pub async fn open(
    store: &dyn Records,
    id: &str,
    entropy: Box<dyn Entropy>,
    writer: String,
) -> Result<(Timebank, Saved), OpenError> {
    let records = store
        .read(&prefix(id))
        .await
        .map_err(|error| OpenError::Damaged(error.to_string()))?;
    let checked_key = checked_key(id);
    let checked = records
        .iter()
        .find(|(key, _)| *key == checked_key)
        .map(|(_, bytes)| bytes.clone())
        .unwrap_or_default();
    let mut pieces: Vec<(String, Vec<u8>)> =
        records.into_iter().filter(|(k, _)| is_piece(k)).collect();
    if pieces.is_empty() {
        return Err(OpenError::Missing);
    }
    pieces.sort_by(|a, b| piece_order(&a.0, &b.0));
    let mut bytes = Vec::new();
    let mut snapshot_bytes = 0;
    let mut chunks = 0;
    for (key, piece) in &pieces {
        if is_snapshot(key) {
            snapshot_bytes += piece.len();
        } else {
            chunks += 1;
        }
        bytes.extend_from_slice(piece);
    }
    match Timebank::load_remembering(&bytes, entropy, &checked) {
        Ok(mut timebank) => {
            let mut saved = Saved::new(id.to_string(), writer);
            saved.known = pieces.into_iter().map(|(k, _)| k).collect();
            saved.saved_heads = timebank.heads();
            saved.snapshot_bytes = snapshot_bytes;
            saved.chunk_bytes = bytes.len() - snapshot_bytes;
            saved.chunks = chunks;
            Ok((timebank, saved))
        }
        Err(error) => {
            let reason = error.to_string();
            let mark = vec![Write::Put(damaged_key(id), reason.clone().into_bytes())];
            // Marking is only a note: the copy itself stays as it is.
            let _ = store.commit(mark).await;
            Err(OpenError::Damaged(reason))
        }
    }
}

/// Something that holds open timebanks: runs `f` on timebank `id` and its
/// saving state while it is still open.
pub trait Holder {
    fn with<R>(&self, id: &str, f: impl FnOnce(&mut Timebank, &mut Saved) -> R) -> Option<R>;
}

/// Hands the store the changes made since the last save, now (so a page
/// being closed still commits them); the answer comes later. `None` when
/// there is nothing to save.
pub fn save<H: Holder + Clone + 'static>(
    store: &dyn Records,
    holder: &H,
    id: &str,
    now: Timestamp,
) -> Option<super::records::Later<Result<(), StoreError>>> {
    let (pending, checked) = holder.with(id, |timebank, saved| {
        let pending = saved.next_write(timebank, now)?;
        let checked = keeps_caches(store)
            .then(|| saved.checked_write(timebank, &pending))
            .flatten();
        Some((pending, checked))
    })??;
    let commit = store.commit(pending.writes.clone());
    // In a transaction of its own: a store too full for it has lost
    // nothing (the next opening checks those signatures again).
    let keep = checked.map(|write| store.commit(vec![write]));
    let holder = holder.clone();
    let id = id.to_string();
    Some(Box::pin(async move {
        commit.await?;
        holder.with(&id, |_, saved| saved.written(&pending));
        if let Some(keep) = keep {
            let _ = keep.await;
        }
        Ok(())
    }))
}

/// Whether `store` has room for what only saves time: not localStorage,
/// whose few million characters are kept for documents.
fn keeps_caches(store: &dyn Records) -> bool {
    store.kind() == StoreKind::Large
}

/// Takes in every piece of timebank `id` that another tab stored. Returns
/// whether the document changed.
pub async fn catch_up<H: Holder>(
    store: &dyn Records,
    holder: &H,
    id: &str,
) -> Result<bool, StoreError> {
    let mut changed = false;
    // A piece can vanish between listing and reading (another tab compacted
    // it into a snapshot): list again.
    for _ in 0..4 {
        let keys = store.keys(&prefix(id)).await?;
        let Some(unknown) = holder.with(id, |timebank, saved| saved.unknown(&keys, timebank))
        else {
            return Ok(changed);
        };
        if unknown.is_empty() {
            return Ok(changed);
        }
        let mut vanished = false;
        let mut read = Vec::new();
        for key in unknown {
            match store.get(&key).await? {
                Some(bytes) => read.push((key, bytes)),
                None => vanished = true,
            }
        }
        read.sort_by(|a, b| piece_order(&a.0, &b.0));
        // A piece can build on changes in another piece read with it: apply
        // them all, then again those whose changes are not all in yet, while
        // that makes progress. A piece is taken in only once it is all in.
        let took = holder.with(id, |timebank, saved| {
            let was_up_to_date = saved.is_up_to_date(timebank);
            let before = timebank.heads();
            let mut waiting = read;
            loop {
                let heads = timebank.heads();
                for (key, bytes) in &waiting {
                    if timebank.apply_changes(bytes).is_err() {
                        saved.unreadable.insert(key.clone());
                    }
                }
                let mut still = Vec::new();
                for (key, bytes) in waiting {
                    if saved.unreadable.contains(&key) {
                        continue;
                    }
                    if timebank.holds_all_of(&bytes) {
                        saved.known.insert(key);
                    } else {
                        still.push((key, bytes));
                    }
                }
                if still.is_empty() || timebank.heads() == heads {
                    break;
                }
                waiting = still;
            }
            saved.caught_up(timebank, was_up_to_date);
            timebank.heads() != before
        });
        changed |= took == Some(true);
        if !vanished {
            return Ok(changed);
        }
    }
    Ok(changed)
}

/// Compacts timebank `id`: takes in what other tabs stored, then writes one
/// snapshot that replaces every piece this tab holds, in one transaction.
pub async fn compact<H: Holder>(
    store: &dyn Records,
    holder: &H,
    id: &str,
    now: Timestamp,
) -> Result<bool, StoreError> {
    if holder.with(id, |_, saved| {
        std::mem::replace(&mut saved.compacting, true)
    }) != Some(false)
    {
        return Ok(false);
    }
    let result = async {
        let changed = catch_up(store, holder, id).await?;
        let Some(pending) = holder.with(id, |timebank, saved| saved.compaction(timebank, now))
        else {
            return Ok(changed);
        };
        let checked = holder
            .with(id, |timebank, saved| {
                keeps_caches(store)
                    .then(|| saved.checked_write(timebank, &pending))
                    .flatten()
            })
            .flatten();
        store.commit(pending.writes.clone()).await?;
        holder.with(id, |_, saved| saved.written(&pending));
        if let Some(write) = checked {
            // (Its own transaction, as when saving.)
            let _ = store.commit(vec![write]).await;
        }
        Ok(changed)
    }
    .await;
    holder.with(id, |_, saved| saved.compacting = false);
    result
}

/// Moves every record of the stored copy of timebank `id` (its pieces, the
/// damaged mark) to `tally.aside.<id>.<k>.`, in one transaction: a full
/// store changes nothing.
pub async fn set_aside(store: &dyn Records, id: &str) -> Result<(), StoreError> {
    let records: Vec<(String, Vec<u8>)> = store
        .read(&prefix(id))
        .await?
        .into_iter()
        .filter(|(k, _)| is_document_record(k))
        .collect();
    if records.is_empty() {
        return Ok(());
    }
    let aside = format!("tally.aside.{id}.");
    let taken: BTreeSet<String> = store
        .keys(&aside)
        .await?
        .into_iter()
        .filter_map(|k| k[aside.len()..].split('.').next().map(str::to_string))
        .collect();
    let n = (1..)
        .find(|n: &u32| !taken.contains(&n.to_string()))
        .unwrap_or(0);
    let from = prefix(id);
    let mut writes = Vec::new();
    for (key, value) in records {
        writes.push(Write::Put(
            format!("{aside}{n}.{}", &key[from.len()..]),
            value,
        ));
        writes.push(Write::Delete(key));
    }
    store.commit(writes).await
}

/// One copy set aside as damaged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Aside {
    /// The timebank id and the copy's number.
    pub id: String,
    pub number: u32,
    pub reason: Option<String>,
    /// Its pieces in loading order, joined: what a download offers.
    pub bytes: Vec<u8>,
}

/// Every copy set aside on this device.
pub async fn asides(store: &dyn Records) -> Result<Vec<Aside>, StoreError> {
    let mut found: Vec<Aside> = Vec::new();
    let mut pieces: Vec<(String, Vec<u8>)> = Vec::new();
    for (key, value) in store.read("tally.aside.").await? {
        let mut parts = key["tally.aside.".len()..].splitn(3, '.');
        let (Some(id), Some(number), Some(rest)) = (parts.next(), parts.next(), parts.next())
        else {
            continue;
        };
        let Ok(number) = number.parse::<u32>() else {
            continue;
        };
        if !found.iter().any(|a| a.id == id && a.number == number) {
            found.push(Aside {
                id: id.to_string(),
                number,
                reason: None,
                bytes: Vec::new(),
            });
        }
        let Some(aside) = found.iter_mut().find(|a| a.id == id && a.number == number) else {
            continue;
        };
        if rest == "damaged" {
            aside.reason = Some(String::from_utf8_lossy(&value).into_owned());
        } else if is_piece(&format!(".{rest}")) {
            pieces.push((key.clone(), value));
        }
    }
    pieces.sort_by(|a, b| piece_order(&a.0, &b.0));
    for (key, value) in pieces {
        if let Some(aside) = found
            .iter_mut()
            .find(|a| key.starts_with(&format!("tally.aside.{}.{}.", a.id, a.number)))
        {
            aside.bytes.extend(value);
        }
    }
    Ok(found)
}

/// The raw stored bytes of timebank `id`, damaged or not, for a download.
pub async fn raw_bytes(store: &dyn Records, id: &str) -> Result<Vec<u8>, StoreError> {
    let mut pieces: Vec<(String, Vec<u8>)> = store
        .read(&prefix(id))
        .await?
        .into_iter()
        .filter(|(k, _)| is_piece(k))
        .collect();
    pieces.sort_by(|a, b| piece_order(&a.0, &b.0));
    Ok(pieces.into_iter().flat_map(|(_, bytes)| bytes).collect())
}

/// The bytes timebank `id`'s document takes in `store`.
pub async fn usage(store: &dyn Records, id: &str) -> Result<usize, StoreError> {
    Ok(store
        .read(&prefix(id))
        .await?
        .iter()
        .filter(|(k, _)| is_document_record(k))
        .map(|(k, v)| k.len() + v.len())
        .sum())
}
