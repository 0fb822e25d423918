//! Signed exchanges deleted from the document, found again in its history:
//! Automerge keeps a deleted record's contents, and the change that sealed
//! it names its object.

use std::collections::{BTreeSet, HashSet};

use automerge::legacy::{Key, ObjectId, OpType};
use automerge::{AutoCommit, ChangeHash, ObjType, Prop, ROOT, ReadDoc, ScalarValue};

use super::{EXCHANGES, SEQ, map, record_at};
use crate::ids::ExchangeId;
use crate::model::Exchange;

/// The exchanges no longer in the document that a change with message
/// `sealed` (the one records are sealed in) gave a running number among
/// `numbers`: each as the change that created it wrote it, with its seal
/// and lifecycle log as they were when it was deleted (or written since),
/// and that change. Only the sealing changes are decoded; none of what is
/// found is checked.
pub fn deleted_sealed_exchanges(
    doc: &mut AutoCommit,
    sealed: &str,
    numbers: &HashSet<u64>,
) -> Vec<(Exchange, ChangeHash)> {
    let Some(exchanges) = map(doc, &ROOT, EXCHANGES) else {
        return Vec::new();
    };
    let sealing: Vec<ChangeHash> = doc
        .get_changes_meta(&[])
        .into_iter()
        .filter(|meta| meta.message.as_deref() == Some(sealed))
        .map(|meta| meta.hash)
        .collect();
    let mut objects = BTreeSet::new();
    for hash in sealing {
        let Some(change) = doc.get_change_by_hash(&hash) else {
            continue;
        };
        for op in change.decode().operations {
            if let (ObjectId::Id(obj), Key::Map(key), OpType::Put(ScalarValue::Uint(number))) =
                (&op.obj, &op.key, &op.action)
                && key == SEQ
                && numbers.contains(number)
            {
                objects.insert(obj.to_string());
            }
        }
    }
    objects
        .into_iter()
        .filter_map(|obj| {
            let (obj, ObjType::Map) = doc.import(&obj).ok()? else {
                return None;
            };
            // An exchange's own record (not a log entry's), no longer
            // under its id.
            let path = doc.parents(&obj).ok()?.path();
            let [(_, Prop::Map(top)), (_, Prop::Map(id))] = path.as_slice() else {
                return None;
            };
            let id = ExchangeId::parse(id).filter(|_| top == EXCHANGES)?;
            if map(doc, &exchanges, id.as_str()).is_some() {
                return None;
            }
            let created = doc.hash_for_opid(&obj)?;
            Some((record_at(doc, &id, &obj, &[created])?, created))
        })
        .collect()
}
