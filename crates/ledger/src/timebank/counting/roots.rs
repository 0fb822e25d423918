//! Who founded a timebank's trust, and what each founding vouches for: read
//! from the history (see `founding_roots`).

use automerge::ChangeHash;

use crate::model::Role;
use crate::schema;
use crate::trust::DeviceKey;

/// What the document's history says about its foundings, and the heads it
/// was read up to (a document only grows: the changes after are read the
/// next time).
#[derive(Debug, Clone, Default)]
pub(in crate::timebank) struct FoundingsInHistory {
    read_to: Vec<ChangeHash>,
    found: schema::FoundingHistory,
}

impl FoundingsInHistory {
    /// The trust records the history held when last read (see
    /// [`schema::FoundingHistory::records`]).
    pub(in crate::timebank) fn records(&self) -> &schema::TrustRecords {
        &self.found.records
    }

    /// Reads the changes since the last time.
    fn catch_up(&mut self, doc: &mut automerge::AutoCommit) {
        let heads = doc.get_heads();
        if heads == self.read_to {
            return;
        }
        let more = schema::foundings_written_after(doc, &self.read_to);
        self.found.foundings.extend(more.foundings);
        self.found.nonces.extend(more.nonces);
        self.found.records.take(more.records);
        self.read_to = heads;
    }
}

/// A device that founded a timebank's trust, with the document's heads its
/// founding vouches for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(in crate::timebank) struct Root {
    pub(in crate::timebank) key: DeviceKey,
    pub(in crate::timebank) heads: Vec<ChangeHash>,
    /// Whether the founding signed those heads. A founding written before
    /// foundings did is read at the first change that wrote its
    /// certificate; its device signs those heads when it next opens the
    /// timebank.
    pub(in crate::timebank) signed: bool,
    /// The founding certificate (the signed one, if there is one).
    pub(in crate::timebank) certificate: crate::trust::Certificate,
    /// The first change that wrote a founding of this key.
    claimed_in: ChangeHash,
}

/// The roots that founded the trust, from every founding the history holds
/// (so one written over or deleted since still counts, and a copy written
/// later moves nothing): a founding counts only if it is signed by its own
/// key (which the timebank's id pins, if it was created with one) as a
/// coordinator, and no other root's founding was in the history of the
/// document it vouches for (two coordinators founding at the same time both
/// count; a root written later, by anyone, is ignored). A signed founding
/// vouches for its signed heads (a founding with heads this copy does not
/// have, which only its own device could sign, counts for nothing).
pub(in crate::timebank) fn founding_roots(
    doc: &mut automerge::AutoCommit,
    info: &crate::model::TimebankInfo,
    history: &mut FoundingsInHistory,
) -> Vec<Root> {
    history.catch_up(doc);
    let nonces = &history.found.nonces;
    let pinned = |key: &DeviceKey| {
        nonces.is_empty()
            || nonces
                .iter()
                .any(|nonce| crate::trust::founded_id(key, nonce) == info.id)
    };
    let valid: Vec<&schema::FoundingWrite> = history
        .found
        .foundings
        .iter()
        .filter(|write| {
            let certificate = &write.certificate;
            certificate.is_founding()
                && certificate.role == Role::Coordinator
                && pinned(&certificate.device)
                && certificate.is_signed(&info.id)
        })
        .collect();
    let mut keys: Vec<DeviceKey> = valid.iter().map(|write| write.certificate.device).collect();
    keys.sort();
    keys.dedup();
    let mut all: Vec<Root> = Vec::new();
    for key in keys {
        let writes: Vec<&schema::FoundingWrite> = valid
            .iter()
            .copied()
            .filter(|write| write.certificate.device == key)
            .collect();
        let Some(claimed_in) = earliest(doc, writes.iter().map(|write| write.change)) else {
            continue;
        };
        let mut signed: Vec<(Vec<ChangeHash>, &schema::FoundingWrite)> = writes
            .iter()
            .filter_map(|write| {
                let heads = write
                    .certificate
                    .founded_on
                    .as_ref()?
                    .iter()
                    .map(|head| head.parse::<ChangeHash>().ok())
                    .collect::<Option<Vec<ChangeHash>>>()?;
                let known = !heads.is_empty()
                    && heads
                        .iter()
                        .all(|head| doc.get_change_meta_by_hash(head).is_some());
                known.then_some((heads, *write))
            })
            .collect();
        signed.sort_by(|a, b| a.0.cmp(&b.0));
        let root = match signed.first() {
            Some((heads, write)) => Root {
                key,
                heads: heads.clone(),
                signed: true,
                certificate: write.certificate.clone(),
                claimed_in,
            },
            None => match writes
                .iter()
                .find(|write| write.change == claimed_in && write.certificate.founded_on.is_none())
            {
                Some(write) => Root {
                    key,
                    heads: vec![claimed_in],
                    signed: false,
                    certificate: write.certificate.clone(),
                    claimed_in,
                },
                None => continue,
            },
        };
        all.push(root);
    }
    if all.len() < 2 {
        return all;
    }
    let later: Vec<bool> = all
        .iter()
        .map(|root| {
            let after = schema::changes_after(doc, &root.heads);
            all.iter()
                .any(|other| other.key != root.key && !after.contains(&other.claimed_in))
        })
        .collect();
    all.into_iter()
        .zip(later)
        .filter_map(|(root, later)| (!later).then_some(root))
        .collect()
}

/// Of changes `hashes`, the one every other has in its history (the first
/// to write something that was copied later); if none is (written apart),
/// the lowest hash, so every copy picks the same.
fn earliest(
    doc: &mut automerge::AutoCommit,
    hashes: impl Iterator<Item = ChangeHash>,
) -> Option<ChangeHash> {
    let mut hashes: Vec<ChangeHash> = hashes.collect();
    hashes.sort();
    hashes.dedup();
    if hashes.len() < 2 {
        return hashes.first().copied();
    }
    for candidate in &hashes {
        let after = schema::changes_after(doc, &[*candidate]);
        if hashes
            .iter()
            .all(|other| other == candidate || after.contains(other))
        {
            return Some(*candidate);
        }
    }
    hashes.first().copied()
}
