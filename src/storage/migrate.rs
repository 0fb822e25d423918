//! Moving the timebanks that localStorage holds (an earlier release's, or
//! this one's while the browser refused IndexedDB) into IndexedDB.
//!
//! For each stored copy: its records are copied in one transaction, read
//! back and compared byte for byte, the copy is loaded from what was read
//! back, and only then are the localStorage records removed. Records keep
//! their names, so a move cut short (a tab closed half way) is simply done
//! again on the next start: the same records are written over themselves,
//! nothing is duplicated, and nothing is removed before it is safely there.

use std::collections::BTreeSet;

use ledger::{Entropy, Timebank};

use super::StoreError;
use super::documents::is_document_record;
use super::records::{Records, Write};

/// What moving one stored copy did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Moved {
    /// Moved, and it opens.
    Timebank(String),
    /// Moved as it was; it could not be opened before either.
    Damaged(String),
    /// Copies set aside as damaged, moved as they were.
    Aside(String),
}

/// The timebank ids whose copies `from` holds, and the ids with copies set aside.
async fn stored_ids(
    from: &dyn Records,
) -> Result<(BTreeSet<String>, BTreeSet<String>), StoreError> {
    let id_of = |key: &str, head: &str| -> Option<String> {
        key.strip_prefix(head)?
            .split('.')
            .next()
            .map(str::to_string)
    };
    let timebanks = from
        .keys("tally.tb.")
        .await?
        .iter()
        .filter(|k| is_document_record(k))
        .filter_map(|k| id_of(k, "tally.tb."))
        .collect();
    let asides = from
        .keys("tally.aside.")
        .await?
        .iter()
        .filter_map(|k| id_of(k, "tally.aside."))
        .collect();
    Ok((timebanks, asides))
}

/// Moves every stored copy from `from` to `to`. A copy that cannot be moved
/// (the new store is full, say) stays where it is, whole.
pub async fn move_all(from: &dyn Records, to: &dyn Records) -> Result<Vec<Moved>, StoreError> {
    let (timebanks, asides) = stored_ids(from).await?;
    let mut moved = Vec::new();
    for id in timebanks {
        let prefix = super::documents::prefix(&id);
        let records: Vec<(String, Vec<u8>)> = from
            .read(&prefix)
            .await?
            .into_iter()
            .filter(|(k, _)| is_document_record(k))
            .collect();
        let opens = move_records(from, to, &prefix, records).await?;
        moved.push(if opens {
            Moved::Timebank(id)
        } else {
            Moved::Damaged(id)
        });
    }
    for id in asides {
        let prefix = format!("tally.aside.{id}.");
        let records = from.read(&prefix).await?;
        move_records(from, to, &prefix, records).await?;
        moved.push(Moved::Aside(id));
    }
    Ok(moved)
}

/// Copies `records` into `to`, checks them there, then removes them from
/// `from`. Returns whether the copy opens.
async fn move_records(
    from: &dyn Records,
    to: &dyn Records,
    prefix: &str,
    records: Vec<(String, Vec<u8>)>,
) -> Result<bool, StoreError> {
    let damaged = records.iter().any(|(k, _)| k.ends_with(".damaged"));
    // An earlier release's pointer names pieces by number; pieces are read
    // by name now, so it is not copied.
    let copied: Vec<(String, Vec<u8>)> = records
        .iter()
        .filter(|(k, _)| !k.ends_with(".pointer"))
        .cloned()
        .collect();
    to.commit(
        copied
            .iter()
            .map(|(k, v)| Write::Put(k.clone(), v.clone()))
            .collect(),
    )
    .await?;
    let back = to.read(prefix).await?;
    for (key, value) in &copied {
        if !back.iter().any(|(k, v)| k == key && v == value) {
            return Err(StoreError::Unavailable(format!(
                "{key} did not read back the same"
            )));
        }
    }
    let mut opens = false;
    if !damaged {
        // Loaded from what was read back, before anything is removed.
        let mut pieces: Vec<&(String, Vec<u8>)> = back
            .iter()
            .filter(|(k, _)| k.contains(".snapshot.") || k.contains(".chunk."))
            .collect();
        pieces.sort_by(|a, b| super::documents::piece_order(&a.0, &b.0));
        let bytes: Vec<u8> = pieces.iter().flat_map(|(_, v)| v.iter().copied()).collect();
        opens = !bytes.is_empty() && Timebank::load(&bytes, Box::new(NoEntropy)).is_ok();
        if !bytes.is_empty() && !opens {
            // It did not open before either (same bytes): keep it marked.
            let reason = "it could not be read when it was moved".as_bytes().to_vec();
            to.commit(vec![Write::Put(format!("{prefix}damaged"), reason)])
                .await?;
        }
    }
    from.commit(records.into_iter().map(|(k, _)| Write::Delete(k)).collect())
        .await?;
    Ok(opens)
}

/// Ids for a copy loaded only to check it (never written to).
struct NoEntropy;

impl Entropy for NoEntropy {
    fn fill(&mut self, bytes: &mut [u8]) {
        bytes.fill(7);
    }
}
