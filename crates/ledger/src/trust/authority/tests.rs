//! The authority rules over hand-built certificates and revocations. A cut
//! is modelled as the set of record labels it holds (in the document it is
//! a set of heads, and "inside" means the record is there at those heads).

use ed25519_dalek::{Signer, SigningKey};

use super::*;
use crate::time::Timestamp;
use crate::trust::{Signature, certificate_bytes, revocation_bytes};

const TIMEBANK: &str = "0123456789abcdef0123456789abcdef";

struct Device {
    signing: SigningKey,
}

impl Device {
    fn new(seed: u8) -> Device {
        Device {
            signing: SigningKey::from_bytes(&[seed; 32]),
        }
    }

    fn key(&self) -> DeviceKey {
        DeviceKey::from_bytes(self.signing.verifying_key().to_bytes())
    }

    fn certify(&self, device: &Device, member: &MemberId, role: Role) -> Certificate {
        let bytes = certificate_bytes(
            TIMEBANK,
            &device.key(),
            member,
            role,
            &self.key(),
            Timestamp(1),
            1,
        );
        Certificate {
            device: device.key(),
            member: member.clone(),
            role,
            issuer: self.key(),
            issued_at: Timestamp(1),
            seq: 1,
            founded_on: None,
            signature: Signature::from_bytes(self.signing.sign(bytes.as_bytes()).to_bytes()),
        }
    }

    fn revoke(&self, device: &Device, cut: &[&str]) -> Revocation {
        let cut: Vec<String> = cut.iter().map(|label| label.to_string()).collect();
        let bytes = revocation_bytes(
            TIMEBANK,
            &device.key(),
            &cut,
            &self.key(),
            Timestamp(2),
            "lost",
            2,
        );
        Revocation {
            device: device.key(),
            cut,
            by: self.key(),
            at: Timestamp(2),
            reason: "lost".into(),
            seq: 2,
            signature: Signature::from_bytes(self.signing.sign(bytes.as_bytes()).to_bytes()),
        }
    }
}

fn member(digit: char) -> MemberId {
    match MemberId::parse(&digit.to_string().repeat(32)) {
        Some(id) => id,
        None => panic!("{digit} repeated is an id"),
    }
}

fn label(record: RecordRef<'_>) -> String {
    match record {
        RecordRef::Certificate(certificate) => format!("cert:{}", certificate.device.fingerprint()),
        RecordRef::Invitation(invitation) => format!("invite:{}", invitation.key.fingerprint()),
        RecordRef::Revocation(revocation) => format!(
            "revoke:{}:{}",
            revocation.device.fingerprint(),
            revocation.by.fingerprint()
        ),
        RecordRef::Acceptance(acceptance) => format!(
            "accept:{}:{}",
            acceptance.exchange,
            acceptance.by.fingerprint()
        ),
    }
}

fn cert_label(device: &Device) -> String {
    format!("cert:{}", device.key().fingerprint())
}

fn revoke_label(device: &Device, by: &Device) -> String {
    format!(
        "revoke:{}:{}",
        device.key().fingerprint(),
        by.key().fingerprint()
    )
}

fn decide(root: &Device, certificates: &[Certificate], revocations: &[Revocation]) -> Authority {
    let inside = |record: RecordRef<'_>, cut: &[String]| cut.contains(&label(record));
    Authority::decide(
        TIMEBANK,
        &[root.key()],
        certificates,
        &[],
        revocations,
        &inside,
    )
}

fn role_of(authority: &Authority, device: &Device) -> Option<(MemberId, Role)> {
    authority
        .standing(&device.key())
        .map(|standing| (standing.member.clone(), standing.role))
}

#[test]
fn certificates_chain_back_to_the_founding_device() {
    let (founder, cora_tablet, ann_phone, bob_phone) = (
        Device::new(1),
        Device::new(2),
        Device::new(3),
        Device::new(4),
    );
    let certificates = vec![
        founder.certify(&founder, &member('c'), Role::Coordinator),
        founder.certify(&cora_tablet, &member('c'), Role::Coordinator),
        // Certified by the tablet, which the founder certified.
        cora_tablet.certify(&ann_phone, &member('a'), Role::Member),
        // A member's phone cannot certify anyone.
        ann_phone.certify(&bob_phone, &member('b'), Role::Coordinator),
    ];
    let authority = decide(&founder, &certificates, &[]);
    assert_eq!(
        role_of(&authority, &founder),
        Some((member('c'), Role::Coordinator))
    );
    assert_eq!(
        role_of(&authority, &cora_tablet),
        Some((member('c'), Role::Coordinator))
    );
    assert_eq!(
        role_of(&authority, &ann_phone),
        Some((member('a'), Role::Member))
    );
    assert_eq!(role_of(&authority, &bob_phone), None);
    assert!(
        authority
            .problems
            .contains(&TrustProblem::CertificateNotValid {
                device: bob_phone.key()
            })
    );
}

#[test]
fn nothing_counts_without_the_roots_own_certificate() {
    let (founder, stranger, phone) = (Device::new(1), Device::new(2), Device::new(3));
    // A stranger certifies itself as coordinator and then a phone.
    let certificates = vec![
        stranger.certify(&stranger, &member('9'), Role::Coordinator),
        stranger.certify(&phone, &member('a'), Role::Member),
    ];
    let authority = decide(&founder, &certificates, &[]);
    assert!(authority.devices.is_empty());
    assert_eq!(authority.problems.len(), 2);
}

#[test]
fn a_certificate_changed_after_signing_gives_no_power() {
    let (founder, phone) = (Device::new(1), Device::new(3));
    let mut promoted = founder.certify(&phone, &member('a'), Role::Member);
    promoted.role = Role::Coordinator;
    let mut other_member = founder.certify(&phone, &member('a'), Role::Member);
    other_member.member = member('b');
    for forged in [promoted, other_member] {
        let certificates = vec![
            founder.certify(&founder, &member('c'), Role::Coordinator),
            forged,
        ];
        let authority = decide(&founder, &certificates, &[]);
        assert_eq!(role_of(&authority, &phone), None);
        assert!(
            authority
                .problems
                .contains(&TrustProblem::CertificateNotValid {
                    device: phone.key()
                })
        );
    }
}

#[test]
fn a_device_certified_for_two_members_acts_for_neither() {
    let (founder, phone) = (Device::new(1), Device::new(3));
    let certificates = vec![
        founder.certify(&founder, &member('c'), Role::Coordinator),
        founder.certify(&phone, &member('a'), Role::Member),
        founder.certify(&phone, &member('b'), Role::Member),
    ];
    let authority = decide(&founder, &certificates, &[]);
    assert_eq!(role_of(&authority, &phone), None);
    assert!(
        authority
            .problems
            .contains(&TrustProblem::CertifiedForTwoMembers {
                device: phone.key()
            })
    );
    // Certified twice for the same member: the higher role.
    let certificates = vec![
        founder.certify(&founder, &member('c'), Role::Coordinator),
        founder.certify(&phone, &member('a'), Role::Member),
        founder.certify(&phone, &member('a'), Role::Coordinator),
    ];
    let authority = decide(&founder, &certificates, &[]);
    assert_eq!(
        role_of(&authority, &phone),
        Some((member('a'), Role::Coordinator))
    );
}

/// A departed coordinator's device is revoked: what it certified before
/// the cut still counts, what it certified after does not (nor anything
/// those devices certified in turn).
#[test]
fn a_revoked_coordinator_certifies_nothing_after_the_cut() {
    let (founder, dana, before, after, after_child) = (
        Device::new(1),
        Device::new(2),
        Device::new(3),
        Device::new(4),
        Device::new(5),
    );
    let certificates = vec![
        founder.certify(&founder, &member('c'), Role::Coordinator),
        founder.certify(&dana, &member('d'), Role::Coordinator),
        dana.certify(&before, &member('a'), Role::Member),
        dana.certify(&after, &member('b'), Role::Coordinator),
        after.certify(&after_child, &member('e'), Role::Member),
    ];
    let cut = [cert_label(&founder), cert_label(&dana), cert_label(&before)];
    let cut: Vec<&str> = cut.iter().map(String::as_str).collect();
    let revocations = vec![founder.revoke(&dana, &cut)];
    let authority = decide(&founder, &certificates, &revocations);
    assert_eq!(
        role_of(&authority, &before),
        Some((member('a'), Role::Member))
    );
    assert_eq!(role_of(&authority, &after), None);
    assert_eq!(role_of(&authority, &after_child), None);
    let dana_standing = authority.standing(&dana.key()).cloned();
    assert!(dana_standing.is_some_and(|standing| standing.is_revoked()));
    // Without the revocation, all of them count.
    let authority = decide(&founder, &certificates, &[]);
    assert!(role_of(&authority, &after_child).is_some());
}

#[test]
fn losing_the_founding_device_does_not_lock_the_timebank_out() {
    let (founder, cora_tablet, new_phone) = (Device::new(1), Device::new(2), Device::new(3));
    let certificates = vec![
        founder.certify(&founder, &member('c'), Role::Coordinator),
        founder.certify(&cora_tablet, &member('c'), Role::Coordinator),
        cora_tablet.certify(&new_phone, &member('c'), Role::Coordinator),
    ];
    let cut = [cert_label(&founder), cert_label(&cora_tablet)];
    let cut: Vec<&str> = cut.iter().map(String::as_str).collect();
    let revocations = vec![cora_tablet.revoke(&founder, &cut)];
    let authority = decide(&founder, &certificates, &revocations);
    assert!(
        authority
            .standing(&founder.key())
            .is_some_and(Standing::is_revoked)
    );
    assert_eq!(
        role_of(&authority, &new_phone),
        Some((member('c'), Role::Coordinator))
    );
    assert!(authority.problems.is_empty(), "{:?}", authority.problems);
}

#[test]
fn only_coordinators_devices_revoke() {
    let (founder, ann_phone, bob_phone) = (Device::new(1), Device::new(3), Device::new(4));
    let certificates = vec![
        founder.certify(&founder, &member('c'), Role::Coordinator),
        founder.certify(&ann_phone, &member('a'), Role::Member),
        founder.certify(&bob_phone, &member('b'), Role::Member),
    ];
    let mut forged = founder.revoke(&bob_phone, &[]);
    forged.reason = "changed".into();
    let revocations = vec![ann_phone.revoke(&bob_phone, &[]), forged];
    let authority = decide(&founder, &certificates, &revocations);
    assert!(
        !authority
            .standing(&bob_phone.key())
            .is_some_and(Standing::is_revoked)
    );
    assert_eq!(
        authority
            .problems
            .iter()
            .filter(|p| matches!(p, TrustProblem::RevocationNotValid { .. }))
            .count(),
        2
    );
}

/// Two coordinators apart revoke each other: both stay revoked (neither
/// knew of the other's revocation). A coordinator who signs a revocation
/// after learning of its own revocation revokes nothing.
#[test]
fn mutual_revocation_revokes_both_and_late_revocations_do_not_count() {
    let (founder, dana, eve, ann) = (
        Device::new(1),
        Device::new(2),
        Device::new(3),
        Device::new(4),
    );
    let certificates = vec![
        founder.certify(&founder, &member('c'), Role::Coordinator),
        founder.certify(&dana, &member('d'), Role::Coordinator),
        founder.certify(&eve, &member('e'), Role::Coordinator),
        founder.certify(&ann, &member('a'), Role::Member),
    ];
    let all_certificates = [
        cert_label(&founder),
        cert_label(&dana),
        cert_label(&eve),
        cert_label(&ann),
    ];
    let base: Vec<&str> = all_certificates.iter().map(String::as_str).collect();
    let revocations = vec![dana.revoke(&eve, &base), eve.revoke(&dana, &base)];
    let authority = decide(&founder, &certificates, &revocations);
    assert!(
        authority
            .standing(&dana.key())
            .is_some_and(Standing::is_revoked)
    );
    assert!(
        authority
            .standing(&eve.key())
            .is_some_and(Standing::is_revoked)
    );

    // Eve, once she has seen Dana's revocation of her, revokes Ann.
    let knew = revoke_label(&eve, &dana);
    let mut cut = base.clone();
    cut.push(&knew);
    let revocations = vec![dana.revoke(&eve, &base), eve.revoke(&ann, &cut)];
    let authority = decide(&founder, &certificates, &revocations);
    assert!(
        !authority
            .standing(&ann.key())
            .is_some_and(Standing::is_revoked)
    );
    assert!(
        authority
            .problems
            .contains(&TrustProblem::RevokedAfterOwnRevocation {
                device: ann.key(),
                by: eve.key()
            })
    );
}

/// The same records in any order give the same authority on every device.
#[test]
fn the_order_of_records_does_not_matter() {
    let devices: Vec<Device> = (1..=6).map(Device::new).collect();
    let mut certificates = vec![
        devices[0].certify(&devices[0], &member('c'), Role::Coordinator),
        devices[0].certify(&devices[1], &member('d'), Role::Coordinator),
        devices[1].certify(&devices[2], &member('e'), Role::Coordinator),
        devices[2].certify(&devices[3], &member('a'), Role::Member),
        devices[3].certify(&devices[4], &member('b'), Role::Member),
        devices[1].certify(&devices[5], &member('a'), Role::Member),
        devices[2].certify(&devices[5], &member('b'), Role::Member),
    ];
    let cut = [cert_label(&devices[0]), cert_label(&devices[1])];
    let cut: Vec<&str> = cut.iter().map(String::as_str).collect();
    let mut revocations = vec![
        devices[0].revoke(&devices[1], &cut),
        devices[2].revoke(&devices[0], &cut),
    ];
    let expected = decide(&devices[0], &certificates, &revocations);
    for rotation in 0..certificates.len() {
        certificates.rotate_left(1);
        if rotation % 2 == 0 {
            certificates.reverse();
        }
        revocations.reverse();
        assert_eq!(decide(&devices[0], &certificates, &revocations), expected);
    }
    // Devices[2] was certified by devices[1] after its cut: it and what it
    // certified fall; devices[5] is certified once (by devices[1], for A).
    assert_eq!(role_of(&expected, &devices[2]), None);
    assert_eq!(role_of(&expected, &devices[3]), None);
    assert_eq!(role_of(&expected, &devices[5]), None, "inside no cut");
    // And devices[2], standing on nothing, revokes nobody.
    assert!(
        !expected
            .standing(&devices[0].key())
            .is_some_and(Standing::is_revoked)
    );
    assert!(
        expected
            .standing(&devices[1].key())
            .is_some_and(Standing::is_revoked)
    );
}
