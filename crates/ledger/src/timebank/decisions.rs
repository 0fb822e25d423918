//! What coordinators decide about members, once a timebank's trust is
//! founded: a member's status, role and limits are the ones the founding
//! saw (a member it did not see is an applicant), changed only by
//! decisions a coordinator's device signed (see `schema::decisions`).
//! Whatever a member record says otherwise (a raw write by a modified app:
//! an approval, a promotion, a demotion that would lock coordinators out,
//! new limits) changes nothing.
//!
//! A decision counts if its device was certified as a coordinator's, for
//! the coordinator the decision names, and made it inside every revocation
//! of that device; if a seal of it by that device verifies (or, on the
//! device whose own change made it, while its seal is on its way); and if
//! the coordinator it names was one when it was made (a coordinator
//! demoted cannot promote themselves again). Later decisions (by their
//! date, then id) win; a device dates its decision after every decision of
//! the same kind it counts, so one made after another always wins.
//!
//! A member record deleted since (no honest operation deletes one) is read
//! as it was when the founding or the last decision about it saw it: a
//! coordinator's record deleted cannot lock the coordinators out.

use std::collections::{HashMap, HashSet};

use automerge::ChangeHash;

use super::Timebank;
use crate::ids::{DecisionId, MemberId};
use crate::model::{ConfirmationPolicy, MemberStatus, Role, Seal, Settings, TimebankDetails};
use crate::schema::{self, Decision, Rights};
use crate::time::Timestamp;
use crate::trust::DeviceKey;

mod making;

/// Each member's rights at the founding, with the roots' heads they were
/// read at.
type AtFounding = (Vec<Vec<ChangeHash>>, HashMap<MemberId, Rights>);

/// A decision the history holds, as the change that made it wrote it.
#[derive(Debug, Clone)]
struct Made {
    decision: Decision,
    change: ChangeHash,
    /// A seal of it by its device that verifies, once one has arrived,
    /// with the change that wrote it.
    sealed: Option<(Seal, ChangeHash)>,
}

/// The decisions read from the history so far, and what the founding saw.
#[derive(Debug, Clone, Default)]
pub(super) struct Decided {
    read_to: Vec<ChangeHash>,
    made: Vec<Made>,
    /// Every seal read so far, by the decision it names (checked once
    /// against each decision of that id), with the change that wrote it.
    seals: HashMap<DecisionId, Vec<(Seal, ChangeHash)>>,
    /// Every change read so far, with its depth (see
    /// `schema::DecisionHistory::depths`): decisions are folded in order of
    /// their change's depth, so one made after another always comes after.
    depths: HashMap<ChangeHash, u64>,
    /// The changes inside the founding (the first root's heads and their
    /// history), with those heads.
    founding_inside: Option<(Vec<ChangeHash>, HashSet<ChangeHash>)>,
    /// The changes of the settings decisions that count.
    settings_changes: HashSet<ChangeHash>,
    /// For each month, the first lock a coordinator decided that counts:
    /// its digest, and the change that wrote it.
    locks: HashMap<crate::time::Month, (String, ChangeHash)>,
    /// Each month's lock as the founding saw it (what it vouches for), read
    /// when the roots change.
    founding_locks: HashMap<crate::time::Month, crate::reports::PeriodLock>,
    founding: Option<AtFounding>,
    /// The settings at the founding (its first root's).
    founding_settings: Option<Settings>,
    /// The timebank's name, unit, currency and language at the founding
    /// (its first root's).
    founding_details: Option<TimebankDetails>,
    /// The confirmation rule as decided now.
    confirmation: Option<ConfirmationPolicy>,
    /// For each revocation cut, the changes inside it (its heads and their
    /// history).
    inside_cuts: HashMap<Vec<String>, Option<HashSet<ChangeHash>>>,
    /// The signed resolutions the history holds (their seals checked), each
    /// with the change that wrote it, and the heads read up to.
    resolutions: Vec<(schema::Resolution, ChangeHash)>,
    resolutions_read_to: Vec<ChangeHash>,
}

/// What a decision about the settings is about, and what of it.
const SETTINGS: &str = "settings";

/// What a decision about the timebank's details (name, unit, currency,
/// language) is about, and what of them.
const DETAILS: &str = "details";

/// What a decision to lock a month is.
const LOCK: &str = "lock";

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
    /// Every member's status, role and limits, and the settings, as the
    /// founding and the decisions since make them (nothing, until the trust
    /// is founded); judges every exchange again if the confirmation rules
    /// ever decided changed.
    pub(super) fn apply_decisions(&mut self) {
        if self.apply_decisions_only() {
            if self.trust.reread_due {
                // Who is demoted changed (see `counting/demoted.rs`).
                self.reread_trust();
            } else {
                // Which confirmation rules were ever decided is part of the
                // counting rule (see `decided_policy`).
                self.rejudge_all(None);
            }
        }
    }

    /// [`Timebank::apply_decisions`] without judging the exchanges again:
    /// whether the confirmation rules ever decided, or the coordinators
    /// demoted, changed (the caller judges them).
    pub(super) fn apply_decisions_only(&mut self) -> bool {
        if !self.trust_founded() {
            return false;
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
            // Several foundings made apart (a timebank from before signing,
            // opened on two devices at once): a member the history they all
            // saw holds has the rights it states, so a modified app that
            // promotes its member, or demotes the coordinators, on a copy
            // apart and founds there gains nothing; a member only one of
            // them saw is no coordinator until a decision makes them one.
            if roots.len() > 1 {
                let common = schema::common_heads(&mut self.doc, &roots);
                founding.extend(schema::rights_at(&self.doc, &common));
            }
            let seen_by_all: HashSet<MemberId> = founding.keys().cloned().collect();
            for heads in &roots {
                for (id, mut rights) in schema::rights_at(&self.doc, heads) {
                    if !seen_by_all.is_empty() && rights.role == Role::Coordinator {
                        rights.role = Role::Member;
                    }
                    founding.entry(id).or_insert(rights);
                }
            }
            self.decided.founding_settings = roots
                .first()
                .map(|heads| schema::settings_at(&self.doc, heads));
            self.decided.founding_details = roots
                .first()
                .and_then(|heads| schema::details_at(&self.doc, heads));
            // The locks the founding saw, as it saw them.
            let mut founding_locks = HashMap::new();
            for heads in &roots {
                for month in schema::locked_at(&self.doc, heads) {
                    if let Some(lock) = schema::lock_at(&self.doc, month, heads) {
                        founding_locks.entry(month).or_insert(lock);
                    }
                }
            }
            self.decided.founding_locks = founding_locks;
            self.decided.founding = Some((roots.clone(), founding));
        }
        self.know_cuts();
        self.know_founding();
        let mut order: Vec<usize> = (0..self.decided.made.len()).collect();
        // In the order they were made: by the depth of their change (one
        // made after another is deeper), then date, then id.
        let depth = |made: &Made| self.decided.depths.get(&made.change).copied().unwrap_or(0);
        order.sort_by(|&a, &b| {
            let (a, b) = (&self.decided.made[a], &self.decided.made[b]);
            (depth(a), a.decision.at, &a.decision.id).cmp(&(
                depth(b),
                b.decision.at,
                &b.decision.id,
            ))
        });
        let founding = self
            .decided
            .founding
            .as_ref()
            .map(|(_, f)| f.clone())
            .unwrap_or_default();
        let mut settings = self.decided.founding_settings.clone();
        let mut details = self.decided.founding_details.clone();
        let mut settings_changes = HashSet::new();
        let mut locks: HashMap<crate::time::Month, (String, ChangeHash)> = HashMap::new();
        let mut latest: HashMap<MemberId, Rights> = HashMap::new();
        // The change of the last decision about each member that counts
        // (to read a record deleted since as it was then).
        let mut seen_in: HashMap<MemberId, Vec<ChangeHash>> = HashMap::new();
        // The members with a coordinator's device who do not coordinate,
        // each with the cut of the decision that took it away (none: never
        // did), and the authority without what those devices signed
        // outside it: each decision is judged under the authority as the
        // decisions before it left it (see `counting/demoted.rs`).
        let unfiltered = self.trust.unfiltered();
        let with_devices: HashSet<MemberId> = unfiltered
            .devices
            .values()
            .filter(|standing| standing.role == Role::Coordinator)
            .map(|standing| standing.member.clone())
            .collect();
        let mut demoted: HashMap<MemberId, Vec<String>> = with_devices
            .iter()
            .filter(|id| !founding.get(*id).is_some_and(Rights::coordinates))
            .map(|id| (id.clone(), Vec::new()))
            .collect();
        let mut authority = self.authority_without(&demoted);
        for i in order {
            let made = &self.decided.made[i];
            if !self.decision_counts(made, &authority) {
                continue;
            }
            let decision = &made.decision;
            let rights_of = |id: &MemberId, latest: &HashMap<MemberId, Rights>| {
                latest
                    .get(id)
                    .or_else(|| founding.get(id))
                    .copied()
                    .unwrap_or(Rights::NEW)
            };
            // Made by someone who was a coordinator then.
            let by = rights_of(&decision.by, &latest);
            if by.role != Role::Coordinator || by.status != MemberStatus::Active {
                continue;
            }
            if decision.what == LOCK {
                if let Some(month) = decision
                    .subject
                    .strip_prefix("month:")
                    .and_then(crate::time::Month::parse)
                {
                    // (The first that counts: a month is locked once.)
                    locks
                        .entry(month)
                        .or_insert_with(|| (decision.value.clone(), made.change));
                }
                continue;
            }
            if decision.subject == DETAILS {
                if let Some(decided) = (decision.what == DETAILS)
                    .then(|| schema::details_from_value(&decision.value))
                    .flatten()
                {
                    details = Some(decided);
                }
                continue;
            }
            if decision.subject == SETTINGS {
                if let Some(decided) = (decision.what == SETTINGS)
                    .then(|| schema::settings_from_value(&decision.value))
                    .flatten()
                {
                    settings_changes.insert(made.change);
                    settings = Some(decided);
                }
                continue;
            }
            let Some(id) = decision
                .subject
                .strip_prefix("member:")
                .and_then(MemberId::parse)
            else {
                continue;
            };
            let before = rights_of(&id, &latest);
            if let Some(next) = decided(before, decision) {
                if with_devices.contains(&id) {
                    let changed = if next.coordinates() {
                        demoted.remove(&id).is_some()
                    } else if before.coordinates() {
                        demoted.insert(id.clone(), vec![made.change.to_string()]);
                        true
                    } else {
                        false
                    };
                    if changed {
                        authority = self.authority_without(&demoted);
                    }
                }
                latest.insert(id.clone(), next);
                seen_in.entry(id).or_default().push(made.change);
            }
        }
        let confirmation = settings.as_ref().map(|s| s.confirmation);
        if let Some(settings) = settings {
            self.settings = settings;
        }
        // (A raw write of the name, unit, currency or language changes
        // nothing: what the founding saw, or a coordinator decided since.)
        if let Some(details) = details {
            self.info = self.info.with_details(details);
        }
        self.decided.locks = locks;
        self.reread_locks();
        let rule_changed = self.decided.settings_changes != settings_changes
            || self.decided.confirmation != confirmation;
        self.decided.settings_changes = settings_changes;
        self.decided.confirmation = confirmation;
        // Members the founding saw or a decision named, deleted since: read
        // as the last decision that wrote them saw them, or the founding.
        let missing: Vec<MemberId> = founding
            .keys()
            .chain(latest.keys())
            .filter(|id| !self.members.contains_key(*id))
            .cloned()
            .collect();
        for id in missing {
            let mut places: Vec<Vec<ChangeHash>> = seen_in
                .get(&id)
                .map(|changes| changes.iter().rev().map(|c| vec![*c]).collect())
                .unwrap_or_default();
            places.extend(roots.iter().cloned());
            if let Some(member) = places
                .iter()
                .find_map(|heads| schema::member_at(&self.doc, &id, heads))
            {
                self.members.insert(id, member);
            }
        }
        for member in self.members.values_mut() {
            let rights = latest
                .get(&member.id)
                .or_else(|| founding.get(&member.id))
                .copied()
                .unwrap_or(Rights::NEW);
            member.status = rights.status;
            member.role = rights.role;
            member.debit_floor_minutes = rights.debit_floor_minutes;
            member.credit_ceiling_minutes = rights.credit_ceiling_minutes;
        }
        let demotions_changed = self.know_demotions(demoted);
        rule_changed || demotions_changed
    }

    /// The confirmation rule a member's record made in change `created` is
    /// judged by: the rule that copy's settings stated, if the change that
    /// wrote it was a coordinator's settings decision that counts, or was
    /// in the document when the trust was founded (or nothing wrote it: the
    /// default); otherwise (a raw write of the settings, around the
    /// coordinators) the rule as decided now.
    pub(super) fn decided_policy(&self, created: ChangeHash) -> ConfirmationPolicy {
        let (stated, writer) = schema::confirmation_written_at(&self.doc, &[created]);
        let Some(writer) = writer else {
            return stated;
        };
        if self.decided.settings_changes.contains(&writer) || self.inside_founding(&writer) {
            stated
        } else {
            self.decided.confirmation.unwrap_or(stated)
        }
    }

    /// The locked months that count once the trust is founded: each as
    /// the founding saw it, or as the change of the first coordinator's
    /// decision to lock it wrote it (if that is the lock the decision
    /// signed): whatever is written over a lock since changes nothing.
    pub(super) fn counted_locks(&self) -> Vec<crate::reports::PeriodLock> {
        let mut locks: HashMap<crate::time::Month, crate::reports::PeriodLock> =
            self.decided.founding_locks.clone();
        for (month, (digest, change)) in &self.decided.locks {
            if locks.contains_key(month) {
                continue;
            }
            if let Some(lock) = schema::lock_at(&self.doc, *month, &[*change])
                .filter(|lock| lock.digest() == *digest)
            {
                locks.insert(*month, lock);
            }
        }
        locks.into_values().collect()
    }

    /// Whether `change` was in the document when the trust was founded (see
    /// `know_founding`).
    fn inside_founding(&self, change: &ChangeHash) -> bool {
        self.decided
            .founding_inside
            .as_ref()
            .is_some_and(|(_, inside)| inside.contains(change))
    }

    /// Reads which changes were in the document when the trust was founded
    /// (its first root's heads and their history; once per founding).
    fn know_founding(&mut self) {
        let Some(heads) = self.trust.roots().first().map(|root| root.heads.clone()) else {
            return;
        };
        if self
            .decided
            .founding_inside
            .as_ref()
            .is_none_or(|(read, _)| *read != heads)
        {
            let after = schema::changes_after(&mut self.doc, &heads);
            let mut inside = schema::changes_after(&mut self.doc, &[]);
            inside.retain(|change| !after.contains(change));
            self.decided.founding_inside = Some((heads, inside));
        }
    }

    /// Reads the decisions and seals written since the last time; each new
    /// seal is checked once against each decision it names.
    fn catch_up_decisions(&mut self) {
        let heads = self.doc.get_heads();
        if heads == self.decided.read_to {
            return;
        }
        let depths = &self.decided.depths;
        let more = schema::decisions_written_after(&mut self.doc, &self.decided.read_to, |c| {
            depths.get(c).copied()
        });
        self.decided.depths.extend(more.depths);
        self.decided.read_to = heads;
        let timebank = self.info.id.clone();
        let verifies = |decision: &Decision, seal: &Seal| {
            Decision {
                seal: Some(*seal),
                ..decision.clone()
            }
            .is_signed(&timebank)
        };
        for written in more.made {
            let sealed = self
                .decided
                .seals
                .get(&written.decision.id)
                .and_then(|seals| {
                    seals
                        .iter()
                        .find(|(seal, _)| verifies(&written.decision, seal))
                })
                .copied();
            self.decided.made.push(Made {
                decision: written.decision,
                change: written.change,
                sealed,
            });
        }
        for (id, seal, change) in more.seals {
            let known = self.decided.seals.entry(id.clone()).or_default();
            if known.iter().any(|(known, _)| *known == seal) {
                continue;
            }
            known.push((seal, change));
            for made in &mut self.decided.made {
                if made.decision.id == id
                    && made.sealed.is_none()
                    && verifies(&made.decision, &seal)
                {
                    made.sealed = Some((seal, change));
                }
            }
        }
    }

    /// Reads, for each revocation cut, which changes are inside it (once
    /// per cut, from the changes' metadata: a cut's history never changes;
    /// a cut this copy does not have all of holds nothing yet, and is read
    /// again later).
    fn know_cuts(&mut self) {
        // (Those of every revocation, before any is set aside as a demoted
        // coordinator's: see `counting/demoted.rs`.)
        let cuts: Vec<Vec<String>> = self
            .trust
            .unfiltered()
            .devices
            .values()
            .flat_map(|standing| standing.revoked.iter().cloned())
            .collect();
        for cut in cuts {
            if self
                .decided
                .inside_cuts
                .get(&cut)
                .is_some_and(Option::is_some)
            {
                continue;
            }
            let heads: Option<Vec<ChangeHash>> = cut.iter().map(|h| h.parse().ok()).collect();
            let inside = heads
                .filter(|heads| {
                    heads
                        .iter()
                        .all(|h| self.doc.get_change_meta_by_hash(h).is_some())
                })
                .map(|heads| {
                    // Only the changes that decided or resolved something
                    // are kept (one that arrives later is never inside).
                    let after = schema::changes_after(&mut self.doc, &heads);
                    let decided = &self.decided;
                    decided
                        .made
                        .iter()
                        .map(|made| made.change)
                        .chain(decided.seals.values().flatten().map(|(_, change)| *change))
                        .chain(decided.resolutions.iter().map(|(_, change)| *change))
                        .filter(|change| !after.contains(change))
                        .collect()
                });
            self.decided.inside_cuts.insert(cut, inside);
        }
    }

    /// The resolutions that count once the trust is founded: each signed
    /// by a coordinator's device acting for the coordinator it names,
    /// inside every revocation of that device (read from the history, so
    /// one written over or deleted since still counts).
    pub(super) fn signed_resolutions(&mut self) -> Vec<schema::Resolution> {
        self.catch_up_resolutions();
        self.know_cuts();
        self.decided
            .resolutions
            .iter()
            .filter(|(resolution, change)| {
                resolution.device.as_ref().is_some_and(|device| {
                    self.trust
                        .authority()
                        .standing(device)
                        .is_some_and(|standing| {
                            standing.role == Role::Coordinator
                                && standing.member == resolution.by
                                && self.inside_every_cut(standing, change)
                        })
                        // (and a coordinator as decided: not demoted)
                        && self.members.get(&resolution.by).is_some_and(|m| {
                            m.role == Role::Coordinator && m.status == MemberStatus::Active
                        })
                })
            })
            .map(|(resolution, _)| resolution.clone())
            .collect()
    }

    /// Reads the signed resolutions written since the last time (whether
    /// or not the trust is founded: they number their devices' records).
    pub(super) fn catch_up_resolutions(&mut self) {
        let heads = self.doc.get_heads();
        if heads == self.decided.resolutions_read_to {
            return;
        }
        let timebank = self.info.id.clone();
        let more =
            schema::resolutions_written_after(&mut self.doc, &self.decided.resolutions_read_to);
        self.decided
            .resolutions
            .extend(more.into_iter().filter(|(r, _)| r.is_signed(&timebank)));
        self.decided.resolutions_read_to = heads;
    }

    /// Each signed resolution's device with its number (for the devices'
    /// runs of numbers).
    pub(super) fn numbered_resolutions(&self) -> Vec<(DeviceKey, u64)> {
        self.decided
            .resolutions
            .iter()
            .filter_map(|(resolution, _)| Some((resolution.device?, resolution.seal?.seq)))
            .collect()
    }

    /// Whether `change`, by a device of `standing`, is inside every
    /// revocation of that device (see `know_cuts`).
    fn inside_every_cut(&self, standing: &crate::trust::Standing, change: &ChangeHash) -> bool {
        standing.revoked.iter().all(|cut| {
            self.decided
                .inside_cuts
                .get(cut)
                .and_then(Option::as_ref)
                .is_some_and(|inside| inside.contains(change))
        })
    }

    /// Whether decision `made` counts under `authority` (see the module's
    /// rule), the coordinator it names aside.
    fn decision_counts(&self, made: &Made, authority: &crate::trust::Authority) -> bool {
        let decision = &made.decision;
        let Some(standing) = authority.standing(&decision.device) else {
            return false;
        };
        if standing.role != Role::Coordinator || standing.member != decision.by {
            return false;
        }
        match made.sealed {
            // Made, and sealed, inside every revocation of its device.
            Some((_, sealed_in)) => {
                self.inside_every_cut(standing, &made.change)
                    && self.inside_every_cut(standing, &sealed_in)
            }
            // This copy's own, made this session, its seal on its way.
            None => {
                self.device_key == Some(decision.device)
                    && self.own_changes.contains(&made.change)
                    && !standing.is_revoked()
            }
        }
    }

    /// This device's decisions waiting for its seal, with their dates.
    pub(super) fn own_unsealed_decisions(&self) -> Vec<(Timestamp, DecisionId)> {
        self.decided
            .made
            .iter()
            .filter(|made| {
                made.sealed.is_none()
                    && self.device_key == Some(made.decision.device)
                    && self.own_changes.contains(&made.change)
            })
            .map(|made| (made.decision.at, made.decision.id.clone()))
            .collect()
    }

    /// This device's decision `id`, as its own change made it.
    pub(super) fn own_decision(&self, id: &DecisionId) -> Option<(&Decision, ChangeHash)> {
        self.decided
            .made
            .iter()
            .find(|made| {
                made.decision.id == *id
                    && self.device_key == Some(made.decision.device)
                    && self.own_changes.contains(&made.change)
            })
            .map(|made| (&made.decision, made.change))
    }

    /// Whether decision `id` carries a seal that verifies.
    pub(super) fn decision_sealed(&self, id: &DecisionId) -> bool {
        self.decided
            .made
            .iter()
            .any(|made| made.decision.id == *id && made.sealed.is_some())
    }

    /// Each decision's device with the number of its seal that verifies
    /// (for the devices' runs of numbers).
    pub(super) fn sealed_decisions(&self) -> Vec<(DeviceKey, u64)> {
        self.decided
            .made
            .iter()
            .filter_map(|made| {
                made.sealed
                    .map(|(seal, _)| (made.decision.device, seal.seq))
            })
            .collect()
    }
}
