//! Resolutions of attention items.

use automerge::transaction::Transactable;
use automerge::{AutoCommit, ObjType, ROOT, ScalarValue};

use super::*;

/// A coordinator's resolution of an attention item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolution {
    pub item_key: String,
    pub by: MemberId,
    pub at: Timestamp,
    pub note: String,
}

pub fn read_resolutions(doc: &AutoCommit) -> Vec<Resolution> {
    let Some(all) = map(doc, &ROOT, RESOLUTIONS) else {
        return Vec::new();
    };
    doc.keys(&all)
        .filter_map(|key| {
            let obj = map(doc, &all, &key)?;
            Some(Resolution {
                by: string(doc, &obj, "by").and_then(|s| MemberId::parse(&s))?,
                at: Timestamp(int(doc, &obj, "at")?),
                note: string(doc, &obj, "note").unwrap_or_default(),
                item_key: key,
            })
        })
        .collect()
}

pub fn write_resolution(doc: &mut AutoCommit, resolution: &Resolution) -> WriteResult<()> {
    let Some(all) = map(doc, &ROOT, RESOLUTIONS) else {
        return Ok(());
    };
    let obj = doc.put_object(&all, resolution.item_key.as_str(), ObjType::Map)?;
    doc.put(&obj, "by", resolution.by.as_str())?;
    doc.put(&obj, "at", ScalarValue::Timestamp(resolution.at.0))?;
    doc.put(&obj, "note", resolution.note.as_str())?;
    Ok(())
}
