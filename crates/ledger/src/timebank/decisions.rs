//! What coordinators decide about members, once a timebank's trust is
//! founded: a member's status, role and limits are the ones the founding
//! saw (a member it did not see is an applicant), changed only by
//! decisions a coordinator's device signed (see `schema::decisions`).
//! Whatever a member record says otherwise (a raw write by a modified app:
//! an approval, a promotion, a demotion that would lock coordinators out,
//! new limits) changes nothing.
//!
//! A decision counts if its device was certified as a coordinator's, for
//! the coordinator the decision names, and not revoked; and, on the device
//! that made it, while its seal is on its way. Later decisions (by their
//! date, then id) win; a device dates its decision after every decision of
//! the same kind it counts, so one made after another always wins.

use std::collections::HashMap;

use automerge::ChangeHash;

use super::Timebank;
use super::signing::Unsealed;
use crate::error::LedgerError;
use crate::ids::{DecisionId, MemberId};
use crate::model::{Member, MemberStatus, Role};
use crate::schema::{self, Decision, Rights};
use crate::time::Timestamp;

/// Each member's rights at the founding, with the roots' heads they were
/// read at.
type AtFounding = (Vec<Vec<ChangeHash>>, HashMap<MemberId, Rights>);

/// The decisions read from the history so far, and what the founding saw.
#[derive(Debug, Clone, Default)]
pub(super) struct Decided {
    read_to: Vec<ChangeHash>,
    history: schema::DecisionHistory,
    /// Each member's rights at the founding, with the heads they were read
    /// at (read again when the roots change).
    founding: Option<AtFounding>,
}

/// What a decision is about.
fn member_subject(member: &MemberId) -> String {
    format!("member:{member}")
}

fn limits_value(floor: Option<i64>, ceiling: Option<i64>) -> String {
    let text = |minutes: Option<i64>| minutes.map(|m| m.to_string()).unwrap_or_default();
    format!("{},{}", text(floor), text(ceiling))
}

/// `rights` with decision `decision` made; `None` if it does not read.
fn decided(mut rights: Rights, decision: &Decision) -> Option<Rights> {
    match decision.what.as_str() {
        "status" => {
            rights.status = match decision.value.as_str() {
                "applicant" => MemberStatus::Applicant,
                "active" => MemberStatus::Active,
                "away" => MemberStatus::Away,
                "left" => MemberStatus::Left,
                _ => return None,
            }
        }
        "role" => {
            rights.role = match decision.value.as_str() {
                "member" => Role::Member,
                "coordinator" => Role::Coordinator,
                _ => return None,
            }
        }
        "limits" => {
            let (floor, ceiling) = decision.value.split_once(',')?;
            let minutes = |text: &str| -> Option<Option<i64>> {
                if text.is_empty() {
                    Some(None)
                } else {
                    text.parse().ok().map(Some)
                }
            };
            rights.debit_floor_minutes = minutes(floor)?;
            rights.credit_ceiling_minutes = minutes(ceiling)?;
        }
        _ => return None,
    }
    Some(rights)
}

impl Timebank {
    /// The decisions coordinator `by` makes in changing a member's rights
    /// from `before` to those of `member`: none until the trust is founded;
    /// afterwards, one for each right that changes, and only on a
    /// coordinator's device.
    pub(super) fn decisions_for(
        &mut self,
        by: &MemberId,
        before: Rights,
        member: &Member,
        now: Timestamp,
    ) -> Result<Vec<Decision>, LedgerError> {
        let after = Rights::of(member);
        if !self.trust_founded() || before == after {
            return Ok(Vec::new());
        }
        let key = self.device_key.ok_or(LedgerError::NoDeviceKey)?;
        self.require_coordinator_device(&key)?;
        let subject = member_subject(&member.id);
        // Dated after every decision of the same kind this copy counts, so
        // a decision made after another always wins over it, whatever the
        // two devices' clocks say (two made apart: the later date, then
        // the higher id).
        let after_latest = |what: &str| {
            let latest = self
                .decided
                .history
                .made
                .iter()
                .filter(|d| d.subject == subject && d.what == what && self.decision_counts(d))
                .map(|d| d.at.0)
                .max();
            Timestamp(latest.map_or(now.0, |latest| now.0.max(latest + 1)))
        };
        let dates = [
            after_latest("status"),
            after_latest("role"),
            after_latest("limits"),
        ];
        let mut decisions = Vec::new();
        let mut decide = |what: &str, value: String| {
            let at = match what {
                "status" => dates[0],
                "role" => dates[1],
                _ => dates[2],
            };
            decisions.push(Decision {
                id: DecisionId::random(self.entropy.as_mut()),
                subject: subject.clone(),
                what: what.to_string(),
                value,
                by: by.clone(),
                device: key,
                at,
                seal: None,
            });
        };
        if before.status != after.status {
            decide("status", schema::status_name(after.status).to_string());
        }
        if before.role != after.role {
            decide("role", schema::role_name(after.role).to_string());
        }
        if (before.debit_floor_minutes, before.credit_ceiling_minutes)
            != (after.debit_floor_minutes, after.credit_ceiling_minutes)
        {
            decide(
                "limits",
                limits_value(after.debit_floor_minutes, after.credit_ceiling_minutes),
            );
        }
        Ok(decisions)
    }

    /// Writes the changes to `member` made by `by` (in one change, with the
    /// decisions they make: see [`Timebank::decisions_for`]).
    pub(super) fn write_member_decided(
        &mut self,
        by: &MemberId,
        member: Member,
        now: Timestamp,
        message: &str,
    ) -> Result<(), LedgerError> {
        let before = self
            .members
            .get(&member.id)
            .map(Rights::of)
            .ok_or(LedgerError::UnknownMember)?;
        let decisions = self.decisions_for(by, before, &member, now)?;
        let message = if decisions.is_empty() {
            message
        } else {
            schema::DECISION_MESSAGE
        };
        self.write(now, message, |doc| {
            schema::write_member_changes(doc, &member)?;
            decisions
                .iter()
                .try_for_each(|decision| schema::write_decision(doc, decision))
        })?;
        self.members.insert(member.id.clone(), member);
        self.apply_decisions();
        Ok(())
    }

    /// Every member's status, role and limits as the founding and the
    /// decisions since make them (nothing, until the trust is founded).
    pub(super) fn apply_decisions(&mut self) {
        if !self.trust_founded() {
            return;
        }
        self.catch_up_decisions();
        let roots: Vec<Vec<ChangeHash>> = self
            .trust
            .roots()
            .iter()
            .map(|root| root.heads.clone())
            .collect();
        if self
            .decided
            .founding
            .as_ref()
            .is_none_or(|(heads, _)| *heads != roots)
        {
            let mut founding = HashMap::new();
            for heads in &roots {
                for (id, rights) in schema::rights_at(&self.doc, heads) {
                    founding.entry(id).or_insert(rights);
                }
            }
            self.decided.founding = Some((roots, founding));
        }
        let mut valid: Vec<&Decision> = self
            .decided
            .history
            .made
            .iter()
            .filter(|decision| self.decision_counts(decision))
            .collect();
        valid.sort_by(|a, b| (a.at, &a.id).cmp(&(b.at, &b.id)));
        let founding = self.decided.founding.as_ref().map(|(_, f)| f);
        let mut latest: HashMap<MemberId, Rights> = HashMap::new();
        for decision in valid {
            let Some(id) = decision
                .subject
                .strip_prefix("member:")
                .and_then(MemberId::parse)
            else {
                continue;
            };
            let current = latest
                .get(&id)
                .or_else(|| founding.and_then(|f| f.get(&id)))
                .copied()
                .unwrap_or(Rights::NEW);
            if let Some(next) = decided(current, decision) {
                latest.insert(id, next);
            }
        }
        for member in self.members.values_mut() {
            let rights = latest
                .get(&member.id)
                .or_else(|| founding.and_then(|f| f.get(&member.id)))
                .copied()
                .unwrap_or(Rights::NEW);
            member.status = rights.status;
            member.role = rights.role;
            member.debit_floor_minutes = rights.debit_floor_minutes;
            member.credit_ceiling_minutes = rights.credit_ceiling_minutes;
        }
    }

    /// Each decision's device with the number of a seal on it that
    /// verifies (for the devices' runs of numbers).
    pub(super) fn sealed_decisions(&self) -> Vec<(crate::trust::DeviceKey, u64)> {
        let timebank = self.info.id.as_str();
        let history = &self.decided.history;
        history
            .made
            .iter()
            .flat_map(|decision| {
                history
                    .seals
                    .iter()
                    .filter(move |(id, _)| *id == decision.id)
                    .filter(move |(_, seal)| {
                        Decision {
                            seal: Some(*seal),
                            ..decision.clone()
                        }
                        .is_signed(timebank)
                    })
                    .map(move |(_, seal)| (decision.device, seal.seq))
            })
            .collect()
    }

    fn catch_up_decisions(&mut self) {
        let heads = self.doc.get_heads();
        if heads == self.decided.read_to {
            return;
        }
        let more = schema::decisions_written_after(&mut self.doc, &self.decided.read_to);
        self.decided.history.made.extend(more.made);
        self.decided.history.seals.extend(more.seals);
        self.decided.read_to = heads;
    }

    /// Whether `decision` (as the change that made it wrote it) counts: a
    /// seal of it verifies, by a coordinator's device acting for the
    /// coordinator it names, not revoked; or it is this device's own and
    /// its seal is on its way.
    fn decision_counts(&self, decision: &Decision) -> bool {
        let Some(standing) = self.trust.authority().standing(&decision.device) else {
            return false;
        };
        if standing.role != Role::Coordinator
            || standing.is_revoked()
            || standing.member != decision.by
        {
            return false;
        }
        let timebank = self.info.id.as_str();
        let sealed = self
            .decided
            .history
            .seals
            .iter()
            .filter(|(id, _)| *id == decision.id)
            .any(|(_, seal)| {
                Decision {
                    seal: Some(*seal),
                    ..decision.clone()
                }
                .is_signed(timebank)
            });
        sealed
            || (self.device_key == Some(decision.device)
                && self.wrote(&Unsealed::Decision(decision.id.clone())))
    }
}
