//! Reading records from the document's history rather than from the
//! document as it stands: a record a later change wrote over or deleted is
//! still found, as the change that wrote it left it.

use std::collections::HashMap;

use automerge::{ActorId, AutoCommit, ChangeHash, ChangeMetadata, ObjId, ObjType};

use super::Fields;

/// The records the changes after `from` (every change, if `from` is empty)
/// wrote, each with the change and read as that change left it. Only the
/// changes whose message `field_of` names a field for are decoded (the
/// field whose writing marks a record: an object with it written is one);
/// the rest are read from their metadata alone, which `each` also sees.
pub(super) fn records_written_after(
    doc: &mut AutoCommit,
    from: &[ChangeHash],
    field_of: impl Fn(Option<&str>) -> Option<&'static str>,
    mut each: impl FnMut(&ChangeMetadata<'_>),
) -> Vec<(Fields, ChangeHash)> {
    use automerge::legacy::{Key, ObjectId};
    let mut to_decode = Vec::new();
    for meta in doc.get_changes_meta(from) {
        each(&meta);
        if let Some(field) = field_of(meta.message.as_deref()) {
            to_decode.push((meta.hash, field));
        }
    }
    let mut written: Vec<(String, ChangeHash)> = Vec::new();
    for (hash, field) in to_decode {
        let Some(change) = doc.get_change_by_hash(&hash) else {
            continue;
        };
        for op in change.decode().operations {
            if let (ObjectId::Id(obj), Key::Map(key)) = (&op.obj, &op.key)
                && key == field
            {
                written.push((obj.to_string(), hash));
            }
        }
    }
    written
        .into_iter()
        .filter_map(|(obj, change)| {
            let (obj, ObjType::Map) = doc.import(&obj).ok()? else {
                return None;
            };
            Some((Fields::read_at(doc, &obj, &[change]), change))
        })
        .collect()
}

/// Which change made each operation, for every change in the document:
/// each actor's changes by the range of operation counters they used. A
/// lookup here is a binary search; asking the document for one op's change
/// walks its change graph, which for every exchange of a large timebank
/// took a fifth of the opening.
#[derive(Debug, Default)]
pub struct ChangeIndex(HashMap<ActorId, Vec<Made>>);

/// One change's operations: counters `first..=last`, by one actor.
#[derive(Debug, Clone, Copy)]
pub struct Made {
    pub first: u64,
    pub last: u64,
    pub hash: ChangeHash,
}

impl ChangeIndex {
    /// Every change's operations (one pass over the changes' metadata).
    pub fn of(doc: &mut AutoCommit) -> ChangeIndex {
        let mut index: HashMap<ActorId, Vec<Made>> = HashMap::new();
        for meta in doc.get_changes_meta(&[]) {
            // (A change with no operations made nothing.)
            if meta.max_op >= meta.start_op {
                index
                    .entry(meta.actor.into_owned())
                    .or_default()
                    .push(Made {
                        first: meta.start_op,
                        last: meta.max_op,
                        hash: meta.hash,
                    });
            }
        }
        for changes in index.values_mut() {
            changes.sort_unstable_by_key(|made| made.first);
        }
        ChangeIndex(index)
    }

    /// The change that made operation (or object) `id`.
    pub fn change_of(&self, id: &ObjId) -> Option<Made> {
        let ObjId::Id(counter, actor, _) = id else {
            return None;
        };
        let changes = self.0.get(actor)?;
        let after = changes.partition_point(|made| made.first <= *counter);
        let made = *changes.get(after.checked_sub(1)?)?;
        (*counter <= made.last).then_some(made)
    }
}
