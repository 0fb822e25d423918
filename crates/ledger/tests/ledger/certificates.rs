//! Certificates and revocations in the document: founding a timebank's
//! trust, certifying devices, forgeries written straight into the document
//! (as a modified app would), two founders apart, and a revoked coordinator
//! whose later certificates do not count.

use automerge::ReadDoc;
use automerge::transaction::Transactable;
use ledger::trust::{Certificate, TrustProblem, certificate_bytes};
use ledger::{CertificateDraft, LedgerError, MemberId, Role, Timebank, Timestamp, schema};

use super::support::*;

fn certify(
    timebank: &mut Timebank,
    issuer: &Device,
    device: &Device,
    member: &MemberId,
    role: Role,
) -> Result<(), LedgerError> {
    let draft: CertificateDraft = timebank.prepare_certificate(device.key(), member, role, NOW)?;
    let signature = issuer.sign(&draft.bytes);
    timebank.add_certificate(draft, signature, NOW)
}

fn standing(timebank: &Timebank, device: &Device) -> Option<(MemberId, Role, bool)> {
    timebank
        .authority()
        .standing(&device.key())
        .map(|s| (s.member.clone(), s.role, s.is_revoked()))
}

#[test]
fn a_founded_timebank_certifies_devices_and_keeps_them_after_a_reload() {
    let mut f = Fixture::new();
    let (tablet, ann_phone) = (Device::new(1), Device::new(2));
    assert!(!f.timebank.trust_founded());
    // Only a coordinator founds it.
    f.timebank.use_device_key(tablet.key());
    assert_eq!(
        f.timebank.prepare_founding(&f.ann, NOW),
        Err(LedgerError::NotCoordinator)
    );
    found(&mut f.timebank, &tablet, &f.cora);
    assert!(f.timebank.trust_founded());
    assert_eq!(
        f.timebank.prepare_founding(&f.cora, NOW),
        Err(LedgerError::TrustAlreadyFounded)
    );
    certify(&mut f.timebank, &tablet, &ann_phone, &f.ann, Role::Member).unwrap();
    assert_eq!(
        standing(&f.timebank, &tablet),
        Some((f.cora.clone(), Role::Coordinator, false))
    );
    assert_eq!(
        standing(&f.timebank, &ann_phone),
        Some((f.ann.clone(), Role::Member, false))
    );
    let mut reopened = Timebank::load(&f.timebank.save(), entropy(5)).unwrap();
    assert_eq!(reopened.authority(), f.timebank.authority());
    // Ann's phone cannot certify anyone.
    reopened.use_device_key(ann_phone.key());
    assert_eq!(
        certify(
            &mut reopened,
            &ann_phone,
            &Device::new(3),
            &f.bob,
            Role::Member
        ),
        Err(LedgerError::NotCoordinatorDevice)
    );
    // A signature by another key than this device's is refused.
    reopened.use_device_key(tablet.key());
    assert_eq!(
        certify(
            &mut reopened,
            &ann_phone,
            &Device::new(3),
            &f.bob,
            Role::Member
        ),
        Err(LedgerError::BadSignature)
    );
}

/// A modified app writes certificates straight into the document: one
/// signed by a member's phone, one whose role was changed after signing,
/// and a raw `role = coordinator` on the member. None gives any power, and
/// coordinators see the bad certificates.
#[test]
fn forged_certificates_and_self_promotion_give_no_power() {
    let mut f = Fixture::new();
    let (tablet, ann_phone, bob_phone) = (Device::new(1), Device::new(2), Device::new(4));
    found(&mut f.timebank, &tablet, &f.cora);
    certify(&mut f.timebank, &tablet, &ann_phone, &f.ann, Role::Member).unwrap();
    let id = f.timebank.info().id.clone();
    let forge = |issuer: &Device, device: &Device, member: &MemberId, role: Role| {
        let bytes = certificate_bytes(
            &id,
            &device.key(),
            member,
            role,
            &issuer.key(),
            Timestamp(NOW.0),
            9,
        );
        Certificate {
            device: device.key(),
            member: member.clone(),
            role,
            issuer: issuer.key(),
            issued_at: NOW,
            seq: 9,
            founded_on: None,
            signature: issuer.sign(bytes.as_bytes()),
        }
    };
    // Ann's phone makes Bob's phone a coordinator's.
    let by_member = forge(&ann_phone, &bob_phone, &f.bob, Role::Coordinator);
    // Ann's own certificate, re-signed by nobody, with a coordinator role.
    let mut promoted = forge(&tablet, &ann_phone, &f.ann, Role::Member);
    promoted.role = Role::Coordinator;
    let before = f.timebank.heads();
    {
        let doc = f.timebank.document_mut();
        schema::write_certificate(doc, &by_member).unwrap();
        doc.commit();
    }
    let mut attacked = Timebank::load(&f.timebank.save(), entropy(6)).unwrap();
    {
        let doc = attacked.document_mut();
        schema::write_certificate(
            doc,
            &Certificate {
                issuer: ann_phone.key(),
                ..promoted
            },
        )
        .unwrap();
        doc.commit();
    }
    f.timebank.refresh_since(&before);
    let mut merged = Timebank::load(&attacked.save(), entropy(7)).unwrap();
    merged.merge(&mut f.timebank).unwrap();
    let authority = merged.authority();
    assert_eq!(
        authority
            .standing(&ann_phone.key())
            .map(|s| (s.member.clone(), s.role)),
        Some((f.ann.clone(), Role::Member))
    );
    assert_eq!(authority.standing(&bob_phone.key()), None);
    assert!(
        authority
            .problems
            .contains(&TrustProblem::CertificateNotValid {
                device: bob_phone.key()
            })
    );
    assert!(
        authority
            .problems
            .contains(&TrustProblem::CertificateNotValid {
                device: ann_phone.key()
            })
    );
    // A copy that cannot sign may not decide a role; a raw write of the
    // role field makes nobody a coordinator, nor a coordinator's device.
    assert_eq!(
        merged.set_role(&f.cora, &f.ann, Role::Coordinator, NOW),
        Err(LedgerError::NoDeviceKey)
    );
    let before = merged.heads();
    {
        let doc = merged.document_mut();
        let (_, members) = doc.get(automerge::ROOT, "members").unwrap().unwrap();
        let (_, ann) = doc.get(&members, f.ann.as_str()).unwrap().unwrap();
        doc.put(&ann, "role", "coordinator").unwrap();
        doc.commit();
    }
    merged.refresh_since(&before);
    assert!(!merged.is_coordinator(&f.ann));
    assert!(!merged.authority().is_coordinator_device(&ann_phone.key()));
}

/// Two coordinators open a timebank from before signing on two devices
/// apart: each founds its trust; after they sync, both stand, on both
/// copies.
#[test]
fn two_founders_apart_both_stand_after_they_merge() {
    let mut f = Fixture::new();
    let dana = f
        .timebank
        .add_member(
            &f.cora,
            ledger::NewMember {
                name: "Dana".into(),
                ..Default::default()
            },
            NOW,
        )
        .unwrap();
    f.timebank
        .set_status(&f.cora, &dana, ledger::MemberStatus::Active, NOW)
        .unwrap();
    f.timebank
        .set_role(&f.cora, &dana, Role::Coordinator, NOW)
        .unwrap();
    let (cora_tablet, dana_phone, ann_phone) = (Device::new(1), Device::new(2), Device::new(3));
    let mut cora_copy = f.timebank.fork(entropy(31));
    let mut dana_copy = f.timebank.fork(entropy(32));
    found(&mut cora_copy, &cora_tablet, &f.cora);
    found(&mut dana_copy, &dana_phone, &dana);
    certify(
        &mut dana_copy,
        &dana_phone,
        &ann_phone,
        &f.ann,
        Role::Member,
    )
    .unwrap();
    cora_copy.merge(&mut dana_copy).unwrap();
    dana_copy.merge(&mut cora_copy).unwrap();
    assert_eq!(cora_copy.authority(), dana_copy.authority());
    let authority = cora_copy.authority();
    for (device, member, role) in [
        (&cora_tablet, &f.cora, Role::Coordinator),
        (&dana_phone, &dana, Role::Coordinator),
        (&ann_phone, &f.ann, Role::Member),
    ] {
        assert_eq!(
            authority
                .standing(&device.key())
                .map(|s| (s.member.clone(), s.role)),
            Some((member.clone(), role))
        );
    }
    assert!(authority.problems.is_empty(), "{:?}", authority.problems);
}

/// On a timebank from before signing, Bob's modified app, on a copy apart,
/// makes Bob a coordinator and Cora a member by raw writes, then founds the
/// trust from Bob's phone while Cora's tablet founds it on hers. When the
/// copies meet, Cora still coordinates and Bob does not, on both copies,
/// whichever of the two foundings comes first in the ledger's order: only
/// what both foundings saw (their common history) makes a coordinator.
#[test]
fn a_member_who_promotes_himself_apart_and_founds_gains_nothing_when_copies_meet() {
    let cora_tablet = Device::new(1);
    let mut orders = std::collections::BTreeSet::new();
    for seed in 2..8 {
        let mut f = Fixture::new();
        let bob_phone = Device::new(seed);
        orders.insert(bob_phone.key() < cora_tablet.key());
        let mut cora_copy = f.timebank.fork(entropy(41));
        let mut bob_copy = f.timebank.fork(entropy(42));
        found(&mut cora_copy, &cora_tablet, &f.cora);
        let before = bob_copy.heads();
        for (member, role) in [(&f.bob, "coordinator"), (&f.cora, "member")] {
            let doc = bob_copy.document_mut();
            let (_, members) = doc.get(automerge::ROOT, "members").unwrap().unwrap();
            let (_, record) = doc.get(&members, member.as_str()).unwrap().unwrap();
            doc.put(&record, "role", role).unwrap();
            doc.commit();
        }
        bob_copy.refresh_since(&before);
        assert!(
            bob_copy.is_coordinator(&f.bob),
            "Bob's own copy believes him"
        );
        found(&mut bob_copy, &bob_phone, &f.bob);
        // Each phone records, as a coordinator does, ten hours from Ann to
        // Cat: Cora's counts, Bob's is doubted.
        let as_coordinator = |by: &MemberId, device: &Device, seed: u64| {
            let mut e = super::counting::forged(&f.ann, &f.cat, 600, by, &device.key(), seed);
            e.channel = ledger::Channel::Coordinator;
            e
        };
        let by_cora = as_coordinator(&f.cora, &cora_tablet, 44);
        let by_bob = as_coordinator(&f.bob, &bob_phone, 45);
        for (copy, exchange, device) in [
            (&mut cora_copy, &by_cora, &cora_tablet),
            (&mut bob_copy, &by_bob, &bob_phone),
        ] {
            let before = copy.heads();
            super::counting::write_raw(copy, exchange, Some(device));
            copy.refresh_since(&before);
        }
        assert_eq!(
            bob_copy.doubt_about(&by_bob.id),
            None,
            "alone, Bob's copy believes him"
        );
        cora_copy.merge(&mut bob_copy).unwrap();
        bob_copy.merge(&mut cora_copy).unwrap();
        let reopened = Timebank::load(&cora_copy.save(), entropy(43)).unwrap();
        for copy in [&cora_copy, &bob_copy, &reopened] {
            assert!(copy.is_coordinator(&f.cora), "seed {seed}");
            assert!(!copy.is_coordinator(&f.bob), "seed {seed}");
            assert!(copy.authority().is_coordinator_device(&cora_tablet.key()));
            assert_eq!(copy.doubt_about(&by_cora.id), None, "seed {seed}");
            assert!(copy.doubt_about(&by_bob.id).is_some(), "seed {seed}");
        }
    }
    assert_eq!(
        orders.len(),
        2,
        "Bob's founding came first, and came second"
    );
}

/// Dana's phone is revoked while it is away; it certifies a device before
/// it hears of it. When the copies meet, what it certified before the cut
/// stands and what it certified after does not.
#[test]
fn a_revoked_coordinator_device_certifies_nothing_after_the_cut() {
    let mut f = Fixture::new();
    let (tablet, dana_phone, ann_phone, bob_phone) = (
        Device::new(1),
        Device::new(2),
        Device::new(3),
        Device::new(4),
    );
    found(&mut f.timebank, &tablet, &f.cora);
    certify(
        &mut f.timebank,
        &tablet,
        &dana_phone,
        &f.cora,
        Role::Coordinator,
    )
    .unwrap();
    let mut away = f.timebank.fork(entropy(41));
    away.use_device_key(dana_phone.key());
    certify(&mut away, &dana_phone, &ann_phone, &f.ann, Role::Member).unwrap();
    // The tablet has Ann's certificate (synced) when it revokes Dana's phone.
    f.timebank.merge(&mut away).unwrap();
    let draft = f
        .timebank
        .prepare_revocation(dana_phone.key(), "Lost on the bus", NOW)
        .unwrap();
    let signature = tablet.sign(&draft.bytes);
    f.timebank.add_revocation(draft, signature, NOW).unwrap();
    // Meanwhile, away, Dana's phone certifies Bob's.
    certify(&mut away, &dana_phone, &bob_phone, &f.bob, Role::Member).unwrap();
    f.timebank.merge(&mut away).unwrap();
    away.merge(&mut f.timebank).unwrap();
    for copy in [&f.timebank, &away] {
        assert_eq!(
            standing(copy, &ann_phone),
            Some((f.ann.clone(), Role::Member, false))
        );
        assert_eq!(standing(copy, &bob_phone), None);
        assert_eq!(
            standing(copy, &dana_phone),
            Some((f.cora.clone(), Role::Coordinator, true))
        );
    }
    // And the revoked phone can no longer certify anyone.
    assert_eq!(
        certify(
            &mut away,
            &dana_phone,
            &Device::new(5),
            &f.cat,
            Role::Member
        ),
        Err(LedgerError::NotCoordinatorDevice)
    );
}

/// A timebank created on a device with a key has an id derived from that
/// key: only that device founds its trust, and a root another device
/// writes in (even one made to look as if it never saw the founding) gives
/// it no power.
#[test]
fn a_timebank_created_with_its_founders_key_has_no_other_root() {
    let (tablet, attacker_phone) = (Device::new(1), Device::new(2));
    let (mut timebank, cora) = created_with_key(&tablet);
    let nonce = timebank.info().founding_nonce.clone().unwrap();
    assert_eq!(
        ledger::trust::founded_id(&tablet.key(), &nonce),
        timebank.info().id
    );
    let reopened = Timebank::load(&timebank.save(), entropy(2)).unwrap();
    assert_eq!(reopened.info(), timebank.info());
    // Before the tablet founds it, a copy elsewhere tries to: refused by
    // the ledger, and a root a modified app writes anyway does not count.
    let mut attacker = timebank.fork(entropy(3));
    attacker.use_device_key(attacker_phone.key());
    assert_eq!(
        attacker.prepare_founding(&cora, NOW).err(),
        Some(LedgerError::NotTheFoundingDevice)
    );
    let id = attacker.info().id.clone();
    let own = |device: &Device, member: &MemberId, role: Role| {
        let bytes = certificate_bytes(
            &id,
            &device.key(),
            member,
            role,
            &attacker_phone.key(),
            NOW,
            1,
        );
        Certificate {
            device: device.key(),
            member: member.clone(),
            role,
            issuer: attacker_phone.key(),
            issued_at: NOW,
            seq: 1,
            founded_on: None,
            signature: attacker_phone.sign(bytes.as_bytes()),
        }
    };
    let doc = attacker.document_mut();
    schema::write_root(doc, &attacker_phone.key()).unwrap();
    schema::write_certificate(doc, &own(&attacker_phone, &cora, Role::Coordinator)).unwrap();
    doc.commit();
    let reloaded = Timebank::load(&attacker.save(), entropy(4)).unwrap();
    assert!(!reloaded.trust_founded());
    // The tablet founds it; the copies meet: only the tablet is a root.
    found(&mut timebank, &tablet, &cora);
    timebank.merge(&mut attacker).unwrap();
    assert_eq!(standing(&timebank, &attacker_phone), None);
    assert_eq!(
        standing(&timebank, &tablet),
        Some((cora.clone(), Role::Coordinator, false))
    );
}

/// What a timebank held when its trust was founded is vouched for by the
/// founding: its exchanges, and the confirmations and rejections in their
/// logs, count as they are, unsigned (they were written before any device
/// signed), across a reload too.
#[test]
fn decisions_made_before_the_founding_still_count() {
    let mut f = Fixture::new();
    // Ann records help she gave Bob: it waits for Bob, who confirms it; and
    // help she gave Cat, which Cat rejects. Nothing is signed yet.
    let confirmed = f
        .timebank
        .record(&f.ann, help(&f.bob, &f.ann, 60), NOW)
        .unwrap()
        .id;
    f.timebank.confirm(&f.bob, &confirmed, "", NOW).unwrap();
    let rejected = f
        .timebank
        .record(&f.ann, help(&f.cat, &f.ann, 30), NOW)
        .unwrap()
        .id;
    f.timebank.reject(&f.cat, &rejected, "not me", NOW).unwrap();
    let tablet = Device::new(1);
    found(&mut f.timebank, &tablet, &f.cora);
    let reopened = Timebank::load(&f.timebank.save(), entropy(7)).unwrap();
    for timebank in [&f.timebank, &reopened] {
        let settings = timebank.settings().clone();
        let status = |id| timebank.exchange(id).unwrap().status(&settings, NOW);
        assert_eq!(status(&confirmed), ledger::Status::Confirmed);
        assert_eq!(status(&rejected), ledger::Status::Rejected);
        assert_eq!(timebank.balance(&member(&f.ann)), 60);
        assert!(
            !timebank.attention(NOW).iter().any(|item| matches!(
                item,
                ledger::AttentionItem::Doubted { .. }
                    | ledger::AttentionItem::DoubtedDecision { .. }
            )),
            "{:?}",
            timebank.attention(NOW)
        );
    }
}

/// An exchange the founding vouched for (recorded before any device
/// signed) and edited after it, as a modified app would: the version the
/// founding saw counts, and the edit is flagged, whether the edit arrives
/// by a merge or is in the document when it is opened.
#[test]
fn an_exchange_from_before_the_founding_edited_after_it_counts_as_it_was() {
    let mut f = Fixture::new();
    let id = f
        .timebank
        .record(&f.cora, help(&f.ann, &f.bob, 60), NOW)
        .unwrap()
        .id;
    let tablet = Device::new(1);
    found(&mut f.timebank, &tablet, &f.cora);
    let mut attacker = f.timebank.fork(entropy(40));
    let doc = attacker.document_mut();
    use automerge::ReadDoc;
    use automerge::transaction::Transactable;
    let exchanges = doc.get(automerge::ROOT, "exchanges").unwrap().unwrap().1;
    let exchange = doc.get(&exchanges, id.as_str()).unwrap().unwrap().1;
    doc.put(&exchange, "minutes", 6000_u64).unwrap();
    doc.commit();
    f.timebank.merge(&mut attacker).unwrap();
    let reopened = Timebank::load(&f.timebank.save(), entropy(41)).unwrap();
    for timebank in [&f.timebank, &reopened] {
        assert_eq!(timebank.balance(&member(&f.bob)), 60);
        assert_eq!(timebank.balance(&member(&f.ann)), -60);
        assert_eq!(timebank.exchange(&id).map(|e| e.minutes), Some(60));
        assert_eq!(
            timebank.doubt_about(&id),
            Some(ledger::Doubt::ChangedAfterSigning)
        );
    }
    // An exchange from before the founding that nobody edited is not
    // flagged.
    let mut f = Fixture::new();
    let id = f
        .timebank
        .record(&f.cora, help(&f.ann, &f.bob, 60), NOW)
        .unwrap()
        .id;
    found(&mut f.timebank, &tablet, &f.cora);
    let reopened = Timebank::load(&f.timebank.save(), entropy(42)).unwrap();
    assert_eq!(reopened.doubt_about(&id), None);
    assert_eq!(reopened.balance(&member(&f.bob)), 60);
}
