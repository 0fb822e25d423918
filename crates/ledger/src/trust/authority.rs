//! Who may do what: the standing of every device, from the certificates and
//! revocations in the document, decided the same way on every device.
//!
//! - The founding device's certificate is issued by itself and names the
//!   timebank's root key. Every other certificate counts only if its issuer
//!   is a device with a counting coordinator certificate, so every counting
//!   certificate chains back to the root.
//! - An invitation counts if a coordinator's device signed it, and its key
//!   (an invite's, not a device's) may then certify one device, for the
//!   invitation's member and role only. A key that certified two devices
//!   certified neither, and the conflict is reported.
//! - A device certified for two different members acts for neither, and
//!   the conflict is reported: a device belongs to one person.
//! - A revocation counts if a coordinator's device signed it. What the
//!   revoked device wrote inside the revocation's cut still counts (its
//!   certificates included); what it wrote after does not. A device that
//!   signed a revocation knowing it had itself been revoked (the revocation
//!   of it is inside the cut it signed) revokes nothing, but two
//!   coordinators revoking each other while apart both stay revoked.
//!
//! Whether a record is inside a cut is the document's business (is the
//! record there at those heads?), so it is asked through [`Inside`].

use std::collections::{BTreeMap, BTreeSet};

use super::{Certificate, DeviceKey, Invitation, Revocation};
use crate::ids::MemberId;
use crate::model::Role;

/// A record the authority rules ask about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordRef<'a> {
    Certificate(&'a Certificate),
    Invitation(&'a Invitation),
    Revocation(&'a Revocation),
    Acceptance(&'a super::Acceptance),
}

/// Whether `record` was in the document at the heads of `cut`.
pub trait Inside {
    fn inside(&self, record: RecordRef<'_>, cut: &[String]) -> bool;
}

impl<F: Fn(RecordRef<'_>, &[String]) -> bool> Inside for F {
    fn inside(&self, record: RecordRef<'_>, cut: &[String]) -> bool {
        self(record, cut)
    }
}

/// What a device may do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Standing {
    pub member: MemberId,
    pub role: Role,
    /// The cuts of the revocations that count against it: what it wrote
    /// counts only if it is inside every one.
    pub revoked: Vec<Vec<String>>,
}

impl Standing {
    pub fn is_revoked(&self) -> bool {
        !self.revoked.is_empty()
    }
}

/// Something wrong with the certificates or revocations, for a coordinator.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum TrustProblem {
    /// A certificate whose signature does not verify, or whose issuer is
    /// not a coordinator's device.
    CertificateNotValid { device: DeviceKey },
    /// One device certified for two members: it acts for neither.
    CertifiedForTwoMembers { device: DeviceKey },
    /// An invitation whose signature does not verify, or whose issuer is
    /// not a coordinator's device.
    InvitationNotValid { key: DeviceKey },
    /// An invite's key that certified more than one device: it certified
    /// none of them.
    InviteUsedTwice { key: DeviceKey },
    /// A revocation whose signature does not verify, or not signed by a
    /// coordinator's device.
    RevocationNotValid { device: DeviceKey, by: DeviceKey },
    /// A revocation signed by a device after it had itself been revoked.
    RevokedAfterOwnRevocation { device: DeviceKey, by: DeviceKey },
}

/// The standing of every device, and the problems found on the way.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Authority {
    pub devices: BTreeMap<DeviceKey, Standing>,
    pub problems: BTreeSet<TrustProblem>,
}

impl Authority {
    /// Decides every device's standing. `roots` are the keys the timebank's
    /// trust was founded with (one, unless two coordinators founded it at
    /// the same time on two devices); nothing counts without a root's own
    /// certificate.
    pub fn decide(
        timebank: &str,
        roots: &[DeviceKey],
        certificates: &[Certificate],
        invitations: &[Invitation],
        revocations: &[Revocation],
        inside: &dyn Inside,
    ) -> Authority {
        let mut problems = BTreeSet::new();
        let invites = Invites::new(timebank, invitations, certificates, &mut problems);
        let signed: Vec<&Certificate> = certificates
            .iter()
            .filter(|certificate| {
                let ok = certificate.is_signed(timebank);
                if !ok {
                    problems.insert(TrustProblem::CertificateNotValid {
                        device: certificate.device,
                    });
                }
                ok
            })
            .collect();

        // First ignoring revocations: who was ever a coordinator's device.
        let ever = chain(roots, &signed, &invites, &BTreeMap::new(), inside);
        let is_coordinator = |standings: &BTreeMap<DeviceKey, (MemberId, Role)>,
                              device: &DeviceKey| {
            standings
                .get(device)
                .is_some_and(|(_, role)| *role == Role::Coordinator)
        };
        let candidates: Vec<&Revocation> = revocations
            .iter()
            .filter(|revocation| {
                let ok = revocation.is_signed(timebank)
                    && is_coordinator(&ever.standings, &revocation.by);
                if !ok {
                    problems.insert(TrustProblem::RevocationNotValid {
                        device: revocation.device,
                        by: revocation.by,
                    });
                }
                ok
            })
            .collect();
        // A revocation signed by a device that knew it had been revoked.
        let counting: Vec<&Revocation> = candidates
            .iter()
            .copied()
            .filter(|revocation| {
                let late = candidates.iter().any(|against| {
                    against.device == revocation.by
                        && !inside.inside(RecordRef::Revocation(revocation), &against.cut)
                        && inside.inside(RecordRef::Revocation(against), &revocation.cut)
                });
                if late {
                    problems.insert(TrustProblem::RevokedAfterOwnRevocation {
                        device: revocation.device,
                        by: revocation.by,
                    });
                }
                !late
            })
            .collect();
        // Then with them: a revoked coordinator's later certificates fall,
        // and a revocation counts only if its signer still stands. Dropping
        // a revocation can let a certificate back in, so this repeats until
        // nothing changes (a bounded number of rounds: the result is the
        // same on every device either way, as every step is).
        let mut counted: Vec<&Revocation> = counting.clone();
        let mut decided;
        let mut rounds = 0;
        loop {
            let cuts = cuts_of(&counted);
            decided = chain(roots, &signed, &invites, &cuts, inside);
            let next: Vec<&Revocation> = counting
                .iter()
                .copied()
                .filter(|revocation| is_coordinator(&decided.standings, &revocation.by))
                .collect();
            rounds += 1;
            if next == counted || rounds == 8 {
                break;
            }
            counted = next;
        }
        for revocation in &counting {
            if !counted.contains(revocation) {
                problems.insert(TrustProblem::RevocationNotValid {
                    device: revocation.device,
                    by: revocation.by,
                });
            }
        }
        let cuts = cuts_of(&counted);
        for invitation in &invites.signed {
            if !invites.admitted(invitation, &decided.standings, &cuts, inside) {
                problems.insert(TrustProblem::InvitationNotValid {
                    key: invitation.key,
                });
            }
        }
        for certificate in &signed {
            if !decided.counted.contains(&certificate.device)
                && !decided.conflicted.contains(&certificate.device)
                && !invites.used_twice.contains(&certificate.issuer)
            {
                problems.insert(TrustProblem::CertificateNotValid {
                    device: certificate.device,
                });
            }
        }
        for device in &decided.conflicted {
            problems.insert(TrustProblem::CertifiedForTwoMembers { device: *device });
        }
        let devices = decided
            .standings
            .into_iter()
            .map(|(device, (member, role))| {
                let revoked = cuts.get(&device).cloned().unwrap_or_default();
                (
                    device,
                    Standing {
                        member,
                        role,
                        revoked,
                    },
                )
            })
            .collect();
        Authority { devices, problems }
    }

    pub fn standing(&self, device: &DeviceKey) -> Option<&Standing> {
        self.devices.get(device)
    }

    /// Whether `device` acts for a coordinator (revoked or not: what it
    /// wrote inside its revocation's cut still carries a coordinator's
    /// weight; the caller checks the cut).
    pub fn is_coordinator_device(&self, device: &DeviceKey) -> bool {
        self.standing(device)
            .is_some_and(|standing| standing.role == Role::Coordinator)
    }
}

/// The cuts of the revocations against each device.
fn cuts_of(revocations: &[&Revocation]) -> BTreeMap<DeviceKey, Vec<Vec<String>>> {
    let mut cuts: BTreeMap<DeviceKey, Vec<Vec<String>>> = BTreeMap::new();
    for revocation in revocations {
        let mut cut = revocation.cut.clone();
        cut.sort();
        let of_device = cuts.entry(revocation.device).or_default();
        of_device.push(cut);
        of_device.sort();
        of_device.dedup();
    }
    cuts
}

struct Chain {
    standings: BTreeMap<DeviceKey, (MemberId, Role)>,
    /// Devices with at least one counting certificate.
    counted: BTreeSet<DeviceKey>,
    /// Devices certified for more than one member.
    conflicted: BTreeSet<DeviceKey>,
}

/// The invitations whose signatures verify, and the invite keys that
/// certified more than one device.
struct Invites<'a> {
    signed: Vec<&'a Invitation>,
    used_twice: BTreeSet<DeviceKey>,
}

impl<'a> Invites<'a> {
    fn new(
        timebank: &str,
        invitations: &'a [Invitation],
        certificates: &[Certificate],
        problems: &mut BTreeSet<TrustProblem>,
    ) -> Invites<'a> {
        let signed: Vec<&Invitation> = invitations
            .iter()
            .filter(|invitation| {
                let ok = invitation.is_signed(timebank);
                if !ok {
                    problems.insert(TrustProblem::InvitationNotValid {
                        key: invitation.key,
                    });
                }
                ok
            })
            .collect();
        let mut certified: BTreeMap<DeviceKey, BTreeSet<DeviceKey>> = BTreeMap::new();
        for certificate in certificates {
            if signed
                .iter()
                .any(|invitation| invitation.key == certificate.issuer)
                && certificate.is_signed(timebank)
            {
                certified
                    .entry(certificate.issuer)
                    .or_default()
                    .insert(certificate.device);
            }
        }
        let used_twice: BTreeSet<DeviceKey> = certified
            .into_iter()
            .filter(|(_, devices)| devices.len() > 1)
            .map(|(key, _)| key)
            .collect();
        for key in &used_twice {
            problems.insert(TrustProblem::InviteUsedTwice { key: *key });
        }
        Invites { signed, used_twice }
    }

    /// Whether `invitation` stands: issued by a coordinator's device, and
    /// inside the cuts of any revocation of its issuer.
    fn admitted(
        &self,
        invitation: &Invitation,
        standings: &BTreeMap<DeviceKey, (MemberId, Role)>,
        cuts: &BTreeMap<DeviceKey, Vec<Vec<String>>>,
        inside: &dyn Inside,
    ) -> bool {
        standings
            .get(&invitation.issuer)
            .is_some_and(|(_, role)| *role == Role::Coordinator)
            && cuts.get(&invitation.issuer).is_none_or(|cuts| {
                cuts.iter()
                    .all(|cut| inside.inside(RecordRef::Invitation(invitation), cut))
            })
    }

    /// Whether `certificate` was issued by a standing invitation's key, used
    /// once, for the invitation's own member and role.
    fn certifies(
        &self,
        certificate: &Certificate,
        standings: &BTreeMap<DeviceKey, (MemberId, Role)>,
        cuts: &BTreeMap<DeviceKey, Vec<Vec<String>>>,
        inside: &dyn Inside,
    ) -> bool {
        !self.used_twice.contains(&certificate.issuer)
            && self.signed.iter().any(|invitation| {
                invitation.key == certificate.issuer
                    && invitation.member == certificate.member
                    && invitation.role == certificate.role
                    && self.admitted(invitation, standings, cuts, inside)
            })
    }
}

/// The certificates that chain back to the root, grown until nothing
/// changes: each round admits the certificates issued by a coordinator's
/// device admitted before (or by the key of an invitation such a device
/// issued), unless the issuer was revoked and the certificate is outside
/// the revocation's cut.
fn chain(
    roots: &[DeviceKey],
    certificates: &[&Certificate],
    invites: &Invites<'_>,
    cuts: &BTreeMap<DeviceKey, Vec<Vec<String>>>,
    inside: &dyn Inside,
) -> Chain {
    let mut admitted: Vec<&Certificate> = Vec::new();
    let mut counted_certificates: BTreeSet<usize> = BTreeSet::new();
    loop {
        let standings = standings(&admitted);
        let mut grew = false;
        for (index, certificate) in certificates.iter().enumerate() {
            if counted_certificates.contains(&index) {
                continue;
            }
            let founding = roots.contains(&certificate.issuer)
                && certificate.device == certificate.issuer
                && certificate.role == Role::Coordinator;
            let issued_by_coordinator = standings
                .standings
                .get(&certificate.issuer)
                .is_some_and(|(_, role)| *role == Role::Coordinator)
                || invites.certifies(certificate, &standings.standings, cuts, inside);
            let issuer_in_time = cuts.get(&certificate.issuer).is_none_or(|cuts| {
                cuts.iter()
                    .all(|cut| inside.inside(RecordRef::Certificate(certificate), cut))
            });
            if (founding || issued_by_coordinator) && issuer_in_time {
                counted_certificates.insert(index);
                admitted.push(certificate);
                grew = true;
            }
        }
        if !grew {
            return standings;
        }
    }
}

fn standings(admitted: &[&Certificate]) -> Chain {
    let mut members: BTreeMap<DeviceKey, BTreeSet<&MemberId>> = BTreeMap::new();
    let mut roles: BTreeMap<DeviceKey, Role> = BTreeMap::new();
    for certificate in admitted {
        members
            .entry(certificate.device)
            .or_default()
            .insert(&certificate.member);
        let role = roles.entry(certificate.device).or_insert(Role::Member);
        if certificate.role == Role::Coordinator {
            *role = Role::Coordinator;
        }
    }
    let counted = members.keys().copied().collect();
    let conflicted: BTreeSet<DeviceKey> = members
        .iter()
        .filter(|(_, members)| members.len() > 1)
        .map(|(device, _)| *device)
        .collect();
    let standings = members
        .into_iter()
        .filter(|(device, _)| !conflicted.contains(device))
        .filter_map(|(device, members)| {
            let member = members.into_iter().next()?.clone();
            Some((device, (member, roles.get(&device).copied()?)))
        })
        .collect();
    Chain {
        standings,
        counted,
        conflicted,
    }
}
#[cfg(test)]
mod tests;
