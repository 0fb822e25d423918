//! Checkpoints: a coordinator device's word that it checked every
//! signature in the document at some heads (see [`Checkpoint`]).
//!
//! ```text
//! trust.checkpoints: map<"<by device id>", map>   each coordinator device's latest
//!     heads: str (change hashes, sorted, comma-separated),
//!     unvouched: str (exchange ids, sorted, comma-separated),
//!     by: str (key hex), at: timestamp, sig: bytes
//! ```
//!
//! Only the document's are read: one written over or deleted since only
//! makes a first opening slower, never changes what counts.

use automerge::transaction::Transactable;
use automerge::{AutoCommit, ObjId, ObjType, ScalarValue};

use super::super::{Fields, WriteResult};
use super::{join_heads, part_for_writing, records_in, split_heads};
use crate::ids::ExchangeId;
use crate::time::Timestamp;
use crate::trust::{Checkpoint, DeviceKey, Signature};

const CHECKPOINTS: &str = "checkpoints";

/// The message of the change that writes a checkpoint.
pub const CHECKPOINT_MESSAGE: &str = "vouch for checked signatures";

/// Every checkpoint in the document, unchecked, in a fixed order.
pub fn read_checkpoints(doc: &AutoCommit) -> Vec<Checkpoint> {
    let mut checkpoints = records_in(doc, CHECKPOINTS, read_checkpoint);
    checkpoints.sort_by(|a, b| (a.by, &a.heads, a.at).cmp(&(b.by, &b.heads, b.at)));
    checkpoints.dedup();
    checkpoints
}

fn read_checkpoint(doc: &AutoCommit, obj: &ObjId) -> Option<Checkpoint> {
    let fields = Fields::read(doc, obj);
    let signature = match fields.scalar("sig")? {
        ScalarValue::Bytes(bytes) => Signature::from_slice(bytes)?,
        _ => return None,
    };
    let unvouched = fields.string("unvouched")?;
    Some(Checkpoint {
        heads: split_heads(&fields.string("heads")?),
        unvouched: unvouched
            .split(',')
            .filter(|id| !id.is_empty())
            .map(ExchangeId::parse)
            .collect::<Option<Vec<_>>>()?,
        by: fields.string("by").and_then(|s| DeviceKey::parse(&s))?,
        at: Timestamp(fields.int("at")?),
        signature,
    })
}

/// Writes `checkpoint` in place of its device's earlier one.
pub fn write_checkpoint(doc: &mut AutoCommit, checkpoint: &Checkpoint) -> WriteResult<()> {
    let all = part_for_writing(doc, CHECKPOINTS)?;
    let obj = doc.put_object(&all, checkpoint.by.device_id().as_str(), ObjType::Map)?;
    let mut unvouched: Vec<&str> = checkpoint.unvouched.iter().map(|id| id.as_str()).collect();
    unvouched.sort_unstable();
    unvouched.dedup();
    doc.put(&obj, "heads", join_heads(&checkpoint.heads))?;
    doc.put(&obj, "unvouched", unvouched.join(","))?;
    doc.put(&obj, "by", checkpoint.by.to_hex())?;
    doc.put(&obj, "at", ScalarValue::Timestamp(checkpoint.at.0))?;
    doc.put(
        &obj,
        "sig",
        ScalarValue::Bytes(checkpoint.signature.as_bytes().to_vec()),
    )?;
    Ok(())
}
