//! Resolutions of attention items.
//!
//! Once a timebank's trust is founded, a resolution counts only if a
//! coordinator's device signed it (`device`, `seq`, `sig`): anyone could
//! otherwise hide an item, a forgery's among them, by writing its key.

use automerge::transaction::Transactable;
use automerge::{AutoCommit, ChangeHash, ObjType, ROOT, ScalarValue};

/// The message of the change that writes a resolution.
pub const RESOLUTION_MESSAGE: &str = "resolve attention item";

use super::*;
use crate::trust::DeviceKey;

/// A coordinator's resolution of an attention item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolution {
    pub item_key: String,
    pub by: MemberId,
    pub at: Timestamp,
    pub note: String,
    /// The device that resolved it, and its signature (none before the
    /// timebank's trust was founded).
    pub device: Option<DeviceKey>,
    pub seal: Option<Seal>,
}

impl Resolution {
    /// Whether `device` signed exactly this resolution for this timebank
    /// (not whether it may: see the counting rule).
    pub fn is_signed(&self, timebank: &str) -> bool {
        let (Some(device), Some(seal)) = (&self.device, &self.seal) else {
            return false;
        };
        let bytes = crate::trust::resolution_bytes(
            timebank,
            &self.item_key,
            &self.by,
            device,
            self.at,
            &self.note,
            seal.seq,
        );
        crate::trust::verify(device, bytes.as_bytes(), &seal.signature)
    }
}

fn resolution_from(item_key: String, fields: &Fields) -> Option<Resolution> {
    Some(Resolution {
        by: fields.string("by").and_then(|s| MemberId::parse(&s))?,
        at: Timestamp(fields.int("at")?),
        note: fields.string("note").unwrap_or_default(),
        device: fields.string("device").and_then(|s| DeviceKey::parse(&s)),
        seal: super::exchanges::read_seal(fields),
        item_key,
    })
}

pub fn read_resolutions(doc: &AutoCommit) -> Vec<Resolution> {
    let Some(all) = map(doc, &ROOT, RESOLUTIONS) else {
        return Vec::new();
    };
    doc.keys(&all)
        .filter_map(|key| {
            let obj = map(doc, &all, &key)?;
            resolution_from(key, &Fields::read(doc, &obj))
        })
        .collect()
}

/// Every signed resolution the changes after `from` wrote (every change,
/// if `from` is empty), each as its change wrote it (the record names its
/// item), with that change: one written over or deleted since is found
/// too. Only changes with [`RESOLUTION_MESSAGE`] are decoded.
pub fn resolutions_written_after(
    doc: &mut AutoCommit,
    from: &[ChangeHash],
) -> Vec<(Resolution, ChangeHash)> {
    super::history::records_written_after(
        doc,
        from,
        |message| (message == Some(RESOLUTION_MESSAGE)).then_some("item"),
        |_| {},
    )
    .into_iter()
    .filter_map(|(fields, change)| {
        let resolution = resolution_from(fields.string("item")?, &fields)?;
        resolution.seal.is_some().then_some((resolution, change))
    })
    .collect()
}

/// The items resolved in the document at `heads` (a founding's).
pub fn resolved_at(doc: &AutoCommit, heads: &[ChangeHash]) -> Vec<String> {
    let Ok(Some((_, all))) = doc.get_at(ROOT, RESOLUTIONS, heads) else {
        return Vec::new();
    };
    doc.keys_at(&all, heads).collect()
}

pub fn write_resolution(doc: &mut AutoCommit, resolution: &Resolution) -> WriteResult<()> {
    let Some(all) = map(doc, &ROOT, RESOLUTIONS) else {
        return Ok(());
    };
    let obj = doc.put_object(&all, resolution.item_key.as_str(), ObjType::Map)?;
    doc.put(&obj, "item", resolution.item_key.as_str())?;
    doc.put(&obj, "by", resolution.by.as_str())?;
    doc.put(&obj, "at", ScalarValue::Timestamp(resolution.at.0))?;
    doc.put(&obj, "note", resolution.note.as_str())?;
    if let Some(device) = &resolution.device {
        doc.put(&obj, "device", device.to_hex())?;
    }
    if let Some(seal) = &resolution.seal {
        super::exchanges::write_seal(doc, &obj, seal)?;
    }
    Ok(())
}
