//! Reading records from the document's history rather than from the
//! document as it stands: a record a later change wrote over or deleted is
//! still found, as the change that wrote it left it.

use automerge::{AutoCommit, ChangeHash, ChangeMetadata, ObjType};

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
