//! Coordinators' decisions about members, once a timebank's trust is
//! founded: a member's status, role and limits count as the founding saw
//! them and as coordinators' devices decided and signed since, never as
//! whatever the member's record says (anyone can write that).
//!
//! ```text
//! decisions: map<decision id, map>        made by the first decision; append-only
//!     id: str, subject: str ("member:<member id>"), what: str ("status" | "role" |
//!     "limits"), value: str (a status or role as the member record writes it;
//!     limits "<floor>,<ceiling>", each minutes or empty), by: str (member id),
//!     at: timestamp, device: str (key hex), seq?: uint, sig?: bytes
//! ```
//!
//! A decision is written with the member record's fields, in a change with
//! [`DECISION_MESSAGE`]; its device's seal follows in a change with
//! [`DECISION_SEAL_MESSAGE`]. Both are read from the history (only the
//! changes with those messages are decoded), so a decision written over or
//! deleted since still counts.

use automerge::transaction::Transactable;
use automerge::{AutoCommit, ChangeHash, ObjId, ObjType, ROOT, ScalarValue, Value};

use super::*;
use crate::ids::DecisionId;
use crate::trust::DeviceKey;

const DECISIONS: &str = "decisions";

/// The message of the change that writes a decision.
pub const DECISION_MESSAGE: &str = "coordinator decision";
/// The message of the change that seals decisions.
pub const DECISION_SEAL_MESSAGE: &str = "seal decisions";

/// A coordinator's decision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    pub id: DecisionId,
    /// What it is about: `member:<member id>`.
    pub subject: String,
    /// Which of the subject's rights: `status`, `role` or `limits`.
    pub what: String,
    pub value: String,
    /// The coordinator it was made for.
    pub by: MemberId,
    pub device: DeviceKey,
    pub at: Timestamp,
    pub seal: Option<Seal>,
}

impl Decision {
    pub fn bytes(&self, timebank: &str, seq: u64) -> crate::trust::Canonical {
        crate::trust::decision_bytes(
            timebank,
            &self.id,
            &self.subject,
            &self.what,
            &self.value,
            &self.by,
            &self.device,
            self.at,
            seq,
        )
    }

    /// Whether its device signed exactly this decision (not whether it may).
    pub fn is_signed(&self, timebank: &str) -> bool {
        self.seal.is_some_and(|seal| {
            crate::trust::verify(
                &self.device,
                self.bytes(timebank, seal.seq).as_bytes(),
                &seal.signature,
            )
        })
    }
}

/// Every `decisions` map (more than one if two devices made it at once).
fn decision_maps(doc: &AutoCommit) -> Vec<ObjId> {
    doc.get_all(ROOT, DECISIONS)
        .unwrap_or_default()
        .into_iter()
        .filter_map(|(value, id)| matches!(value, Value::Object(ObjType::Map)).then_some(id))
        .collect()
}

fn decision_from(fields: &Fields) -> Option<Decision> {
    Some(Decision {
        id: fields.string("id").and_then(|s| DecisionId::parse(&s))?,
        subject: fields.string("subject")?,
        what: fields.string("what")?,
        value: fields.string("value").unwrap_or_default(),
        by: fields.string("by").and_then(|s| MemberId::parse(&s))?,
        device: fields.string("device").and_then(|s| DeviceKey::parse(&s))?,
        at: Timestamp(fields.int("at")?),
        seal: super::exchanges::read_seal(fields),
    })
}

/// The decisions as the document holds them now.
pub fn read_decisions(doc: &AutoCommit) -> Vec<Decision> {
    decision_maps(doc)
        .iter()
        .flat_map(|all| {
            doc.keys(all)
                .filter_map(|key| decision_from(&Fields::read(doc, &map(doc, all, &key)?)))
                .collect::<Vec<_>>()
        })
        .collect()
}

fn decision_obj(doc: &AutoCommit, id: &DecisionId) -> Option<ObjId> {
    decision_maps(doc)
        .iter()
        .find_map(|all| map(doc, all, id.as_str()))
}

/// Decision `id` as the change that created it wrote it (a field written
/// since is not its device's to sign).
pub fn read_decision_as_created(doc: &AutoCommit, id: &DecisionId) -> Option<Decision> {
    let obj = decision_obj(doc, id)?;
    let created = doc.hash_for_opid(&obj)?;
    decision_from(&Fields::read_at(doc, &obj, &[created]))
}

/// The Automerge actor whose change created decision `id`.
pub fn decision_creator(doc: &AutoCommit, id: &DecisionId) -> Option<automerge::ActorId> {
    super::exchanges::creator(&decision_obj(doc, id)?)
}

/// Writes a new decision (without its seal).
pub fn write_decision(doc: &mut AutoCommit, decision: &Decision) -> WriteResult<()> {
    let all = match decision_maps(doc).into_iter().next() {
        Some(all) => all,
        None => doc.put_object(ROOT, DECISIONS, ObjType::Map)?,
    };
    let obj = doc.put_object(&all, decision.id.as_str(), ObjType::Map)?;
    doc.put(&obj, "id", decision.id.as_str())?;
    doc.put(&obj, "subject", decision.subject.as_str())?;
    doc.put(&obj, "what", decision.what.as_str())?;
    doc.put(&obj, "value", decision.value.as_str())?;
    doc.put(&obj, "by", decision.by.as_str())?;
    doc.put(&obj, "device", decision.device.to_hex())?;
    doc.put(&obj, "at", ScalarValue::Timestamp(decision.at.0))?;
    Ok(())
}

/// Writes a device's seal on a decision it wrote.
pub fn write_decision_seal(doc: &mut AutoCommit, id: &DecisionId, seal: &Seal) -> WriteResult<()> {
    match decision_obj(doc, id) {
        Some(obj) => super::exchanges::write_seal(doc, &obj, seal),
        None => Ok(()),
    }
}

/// What the changes after some heads wrote: each decision as the change
/// that made it wrote it, and each seal as the change that wrote it.
#[derive(Debug, Clone, Default)]
pub struct DecisionHistory {
    pub made: Vec<Decision>,
    pub seals: Vec<(DecisionId, Seal)>,
}

/// Reads the decisions and seals the changes after `from` wrote (every
/// change, if `from` is empty). Only changes with [`DECISION_MESSAGE`] or
/// [`DECISION_SEAL_MESSAGE`] are decoded; the rest are read from their
/// metadata alone.
pub fn decisions_written_after(doc: &mut AutoCommit, from: &[ChangeHash]) -> DecisionHistory {
    use automerge::legacy::{Key, ObjectId};
    let mut to_decode = Vec::new();
    for meta in doc.get_changes_meta(from) {
        match meta.message.as_deref() {
            Some(DECISION_MESSAGE) => to_decode.push((meta.hash, "what")),
            Some(DECISION_SEAL_MESSAGE) => to_decode.push((meta.hash, "sig")),
            _ => {}
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
    let mut history = DecisionHistory::default();
    for (obj, change) in written {
        let Ok((obj, ObjType::Map)) = doc.import(&obj) else {
            continue;
        };
        let Some(decision) = decision_from(&Fields::read_at(doc, &obj, &[change])) else {
            continue;
        };
        match decision.seal {
            Some(seal) => history.seals.push((decision.id, seal)),
            None => history.made.push(decision),
        }
    }
    history
}

/// A member's rights as a member record states them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rights {
    pub status: MemberStatus,
    pub role: Role,
    pub debit_floor_minutes: Option<i64>,
    pub credit_ceiling_minutes: Option<i64>,
}

impl Rights {
    /// A member the founding did not see: an applicant until a coordinator
    /// decides otherwise.
    pub const NEW: Rights = Rights {
        status: MemberStatus::Applicant,
        role: Role::Member,
        debit_floor_minutes: None,
        credit_ceiling_minutes: None,
    };

    pub fn of(member: &Member) -> Rights {
        Rights {
            status: member.status,
            role: member.role,
            debit_floor_minutes: member.debit_floor_minutes,
            credit_ceiling_minutes: member.credit_ceiling_minutes,
        }
    }
}

/// Every member's rights as the document stated them at `heads` (a
/// founding's).
pub fn rights_at(doc: &AutoCommit, heads: &[ChangeHash]) -> Vec<(MemberId, Rights)> {
    let Ok(Some((_, members))) = doc.get_at(ROOT, MEMBERS, heads) else {
        return Vec::new();
    };
    doc.keys_at(&members, heads)
        .filter_map(|key| {
            let id = MemberId::parse(&key)?;
            let Ok(Some((Value::Object(ObjType::Map), obj))) = doc.get_at(&members, &key, heads)
            else {
                return None;
            };
            let fields = Fields::read_at(doc, &obj, heads);
            let rights = Rights {
                status: fields
                    .string("status")
                    .and_then(|s| super::members::status_from(&s))
                    .unwrap_or(MemberStatus::Applicant),
                role: fields
                    .string("role")
                    .and_then(|s| super::members::role_from(&s))
                    .unwrap_or(Role::Member),
                debit_floor_minutes: fields.int("debit_floor_minutes"),
                credit_ceiling_minutes: fields.int("credit_ceiling_minutes"),
            };
            Some((id, rights))
        })
        .collect()
}
