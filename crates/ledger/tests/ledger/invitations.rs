//! Invitations and requests: a device certified by an invite's key for the
//! invited member only, an invite used twice, an invite withdrawn, a
//! device asking a coordinator to certify it.

use ledger::trust::{Certificate, InviteSecret, Request, TrustProblem, request_bytes};
use ledger::{AttentionItem, InvitationState, LedgerError, MemberId, Role, Timebank, schema};

use super::support::*;

/// A timebank founded on Cora's tablet.
fn founded(tablet: &Device) -> Fixture {
    let mut f = Fixture::new();
    found(&mut f.timebank, tablet, &f.cora);
    f
}

/// An invite made on `timebank` (a coordinator's device, `issuer`) for
/// `member` in `role`; the secret is what the link carries.
fn invite(
    timebank: &mut Timebank,
    issuer: &Device,
    member: &MemberId,
    role: Role,
    seed: u8,
) -> Result<InviteSecret, LedgerError> {
    let secret = InviteSecret::from_seed([seed; 32]);
    let draft = timebank.prepare_invitation(secret.key(), member, role, NOW)?;
    let signature = issuer.sign(&draft.bytes);
    timebank.add_invitation(draft, signature, NOW)?;
    Ok(secret)
}

/// The copy a device that opened an invite link holds.
fn phone(timebank: &mut Timebank, device: &Device, seed: u64) -> Timebank {
    let mut copy = timebank.fork(entropy(seed));
    copy.use_device_key(device.key());
    copy
}

fn standing(timebank: &Timebank, device: &Device) -> Option<(MemberId, Role)> {
    timebank
        .authority()
        .standing(&device.key())
        .map(|s| (s.member.clone(), s.role))
}

#[test]
fn an_invite_certifies_the_device_that_opens_it_for_the_invited_member() {
    let tablet = Device::new(1);
    let mut f = founded(&tablet);
    let secret = invite(&mut f.timebank, &tablet, &f.bob, Role::Member, 50).unwrap();
    let bob_phone = Device::new(2);
    let mut bob = phone(&mut f.timebank, &bob_phone, 10);
    assert_eq!(
        bob.invitation(&secret.key()).map(|i| i.member),
        Some(f.bob.clone())
    );
    bob.accept_invite(&secret, &f.bob, Role::Member, NOW)
        .unwrap();
    assert_eq!(
        standing(&bob, &bob_phone),
        Some((f.bob.clone(), Role::Member))
    );
    // The coordinator sees it once the copies meet, and across a reload.
    f.timebank.merge(&mut bob).unwrap();
    assert_eq!(
        standing(&f.timebank, &bob_phone),
        Some((f.bob.clone(), Role::Member))
    );
    let reopened = Timebank::load(&f.timebank.save(), entropy(11)).unwrap();
    assert_eq!(reopened.authority(), f.timebank.authority());
    assert_eq!(
        f.timebank
            .invitations()
            .into_iter()
            .map(|(invitation, state)| (invitation.member, state))
            .collect::<Vec<_>>(),
        [(f.bob.clone(), InvitationState::Used(bob_phone.key()))]
    );
    assert!(f.timebank.authority().problems.is_empty());
}

#[test]
fn an_invite_key_cannot_certify_another_member_or_a_coordinator() {
    let tablet = Device::new(1);
    let mut f = founded(&tablet);
    let secret = invite(&mut f.timebank, &tablet, &f.bob, Role::Member, 50).unwrap();
    // A modified app uses Bob's invite to become Cat, or a coordinator.
    for (seed, member, role) in [
        (20, f.cat.clone(), Role::Member),
        (21, f.bob.clone(), Role::Coordinator),
    ] {
        let device = Device::new(seed);
        let mut copy = phone(&mut f.timebank, &device, u64::from(seed));
        copy.accept_invite(&secret, &member, role, NOW).unwrap();
        assert_eq!(standing(&copy, &device), None, "{member:?} as {role:?}");
        assert!(
            copy.authority()
                .problems
                .contains(&TrustProblem::CertificateNotValid {
                    device: device.key()
                })
        );
    }
}

#[test]
fn an_invite_used_by_two_devices_certifies_neither_and_is_flagged() {
    let tablet = Device::new(1);
    let mut f = founded(&tablet);
    let secret = invite(&mut f.timebank, &tablet, &f.bob, Role::Member, 50).unwrap();
    let (first, second) = (Device::new(2), Device::new(3));
    let mut a = phone(&mut f.timebank, &first, 10);
    let mut b = phone(&mut f.timebank, &second, 11);
    a.accept_invite(&secret, &f.bob, Role::Member, NOW).unwrap();
    b.accept_invite(&secret, &f.bob, Role::Member, NOW).unwrap();
    // Each alone stands; together, neither does, on every copy.
    assert_eq!(standing(&a, &first), Some((f.bob.clone(), Role::Member)));
    f.timebank.merge(&mut a).unwrap();
    f.timebank.merge(&mut b).unwrap();
    a.merge(&mut f.timebank).unwrap();
    for copy in [&f.timebank, &a] {
        assert_eq!(standing(copy, &first), None);
        assert_eq!(standing(copy, &second), None);
        assert!(
            copy.authority()
                .problems
                .contains(&TrustProblem::InviteUsedTwice { key: secret.key() })
        );
        assert_eq!(copy.invitations()[0].1, InvitationState::UsedTwice);
        // Each phone still names the invite that certified it (so revoking
        // either revokes the relay access that went with the invite).
        for device in [&first, &second] {
            assert_eq!(copy.invites_of(&device.key()), vec![secret.key()]);
        }
        assert_eq!(copy.invites_of(&tablet.key()), Vec::new());
        assert!(copy.attention(NOW).iter().any(|item| {
            *item == AttentionItem::Trust(TrustProblem::InviteUsedTwice { key: secret.key() })
        }));
    }
    // The coordinator certifies the right phone directly.
    let draft = f
        .timebank
        .prepare_certificate(first.key(), &f.bob, Role::Member, NOW)
        .unwrap();
    let signature = tablet.sign(&draft.bytes);
    f.timebank.add_certificate(draft, signature, NOW).unwrap();
    assert_eq!(
        standing(&f.timebank, &first),
        Some((f.bob.clone(), Role::Member))
    );
    assert_eq!(standing(&f.timebank, &second), None);
}

#[test]
fn a_device_that_opens_the_link_before_the_invitation_arrives_stands_once_it_does() {
    let tablet = Device::new(1);
    let mut f = founded(&tablet);
    let bob_phone = Device::new(2);
    // The phone's copy is from before the invitation reached the relay.
    let mut bob = phone(&mut f.timebank, &bob_phone, 10);
    let secret = invite(&mut f.timebank, &tablet, &f.bob, Role::Member, 50).unwrap();
    assert_eq!(bob.invitation(&secret.key()), None);
    bob.accept_invite(&secret, &f.bob, Role::Member, NOW)
        .unwrap();
    assert_eq!(standing(&bob, &bob_phone), None);
    bob.merge(&mut f.timebank).unwrap();
    assert_eq!(
        standing(&bob, &bob_phone),
        Some((f.bob.clone(), Role::Member))
    );
}

#[test]
fn a_withdrawn_invite_certifies_no_one_afterwards() {
    let tablet = Device::new(1);
    let mut f = founded(&tablet);
    let secret = invite(&mut f.timebank, &tablet, &f.bob, Role::Member, 50).unwrap();
    let bob_phone = Device::new(2);
    let mut bob = phone(&mut f.timebank, &bob_phone, 10);
    // The link was sent to the wrong address: Cora withdraws it.
    let draft = f
        .timebank
        .prepare_revocation(secret.key(), "sent to the wrong address", NOW)
        .unwrap();
    let signature = tablet.sign(&draft.bytes);
    f.timebank.add_revocation(draft, signature, NOW).unwrap();
    assert_eq!(f.timebank.invitations()[0].1, InvitationState::Withdrawn);
    bob.accept_invite(&secret, &f.bob, Role::Member, NOW)
        .unwrap();
    f.timebank.merge(&mut bob).unwrap();
    assert_eq!(standing(&f.timebank, &bob_phone), None);
}

#[test]
fn only_a_coordinators_device_invites_and_only_coordinators_get_coordinator_invites() {
    let tablet = Device::new(1);
    let mut f = founded(&tablet);
    assert_eq!(
        invite(&mut f.timebank, &tablet, &f.ann, Role::Coordinator, 50).err(),
        Some(LedgerError::NotACoordinatorMember)
    );
    invite(&mut f.timebank, &tablet, &f.cora, Role::Coordinator, 51).unwrap();
    // Ann's phone, certified as a member, cannot invite...
    let ann_phone = Device::new(2);
    let draft = f
        .timebank
        .prepare_certificate(ann_phone.key(), &f.ann, Role::Member, NOW)
        .unwrap();
    let signature = tablet.sign(&draft.bytes);
    f.timebank.add_certificate(draft, signature, NOW).unwrap();
    let mut ann = phone(&mut f.timebank, &ann_phone, 10);
    assert_eq!(
        invite(&mut ann, &ann_phone, &f.cat, Role::Member, 52).err(),
        Some(LedgerError::NotCoordinatorDevice)
    );
    // ...and an invitation her modified app writes anyway certifies no one.
    let secret = InviteSecret::from_seed([53; 32]);
    let invitation = ledger::trust::Invitation {
        key: secret.key(),
        member: f.cat.clone(),
        role: Role::Member,
        issuer: ann_phone.key(),
        issued_at: NOW,
        seq: 1,
        signature: ann_phone.sign(
            ledger::trust::invitation_bytes(
                &ann.info().id,
                &secret.key(),
                &f.cat,
                Role::Member,
                &ann_phone.key(),
                NOW,
                1,
            )
            .as_bytes(),
        ),
    };
    schema::write_invitation(ann.document_mut(), &invitation).unwrap();
    ann.document_mut().commit();
    let cat_phone = Device::new(3);
    let mut cat = phone(&mut ann, &cat_phone, 11);
    cat.accept_invite(&secret, &f.cat, Role::Member, NOW)
        .unwrap();
    assert_eq!(standing(&cat, &cat_phone), None);
    assert!(
        cat.authority()
            .problems
            .contains(&TrustProblem::InvitationNotValid { key: secret.key() })
    );
}

#[test]
fn a_device_asks_a_coordinator_who_certifies_it_or_declines() {
    let tablet = Device::new(1);
    let mut f = founded(&tablet);
    let ann_phone = Device::new(2);
    let mut ann = phone(&mut f.timebank, &ann_phone, 10);
    let draft = ann.prepare_request(&f.ann, "Ann's phone", NOW).unwrap();
    let signature = ann_phone.sign(&draft.bytes);
    ann.add_request(draft, signature, NOW).unwrap();
    assert_eq!(
        ann.own_request().map(|r| r.name),
        Some("Ann's phone".to_string())
    );
    f.timebank.merge(&mut ann).unwrap();
    let pending = f.timebank.pending_requests();
    assert_eq!(
        pending
            .iter()
            .map(|r| (r.device, r.member.clone()))
            .collect::<Vec<_>>(),
        [(ann_phone.key(), f.ann.clone())]
    );
    // The coordinator compares the code on both screens, then certifies.
    assert_eq!(
        pending[0].device.fingerprint(),
        ann_phone.key().fingerprint()
    );
    let draft = f
        .timebank
        .prepare_certificate(pending[0].device, &pending[0].member, Role::Member, NOW)
        .unwrap();
    let signature = tablet.sign(&draft.bytes);
    f.timebank.add_certificate(draft, signature, NOW).unwrap();
    assert!(f.timebank.pending_requests().is_empty());
    ann.merge(&mut f.timebank).unwrap();
    assert_eq!(ann.own_request(), None);
    assert_eq!(
        ann.prepare_request(&f.ann, "Ann's phone", NOW).err(),
        Some(LedgerError::AlreadyCertified)
    );

    // Another device asks; the coordinator declines; it may ask again.
    let stranger = Device::new(3);
    let mut other = phone(&mut f.timebank, &stranger, 11);
    let draft = other.prepare_request(&f.bob, "", NOW).unwrap();
    let signature = stranger.sign(&draft.bytes);
    other.add_request(draft, signature, NOW).unwrap();
    f.timebank.merge(&mut other).unwrap();
    assert_eq!(f.timebank.pending_requests().len(), 1);
    f.timebank.decline_request(&stranger.key(), NOW).unwrap();
    assert!(f.timebank.pending_requests().is_empty());
    // A member's phone cannot decline anyone's request.
    assert_eq!(
        ann.decline_request(&stranger.key(), NOW),
        Err(LedgerError::NotCoordinatorDevice)
    );
}

#[test]
fn a_request_not_signed_by_its_device_is_not_shown() {
    let tablet = Device::new(1);
    let mut f = founded(&tablet);
    let (victim, forger) = (Device::new(2), Device::new(3));
    let id = f.timebank.info().id.clone();
    let request = Request {
        device: victim.key(),
        member: f.bob.clone(),
        name: "Bob's phone".into(),
        at: NOW,
        signature: forger
            .sign(request_bytes(&id, &victim.key(), &f.bob, "Bob's phone", NOW).as_bytes()),
    };
    schema::write_request(f.timebank.document_mut(), &request).unwrap();
    f.timebank.document_mut().commit();
    assert!(f.timebank.pending_requests().is_empty());
}

#[test]
fn invitations_and_certificates_share_the_coordinators_running_numbers() {
    let tablet = Device::new(1);
    let mut f = founded(&tablet);
    invite(&mut f.timebank, &tablet, &f.bob, Role::Member, 50).unwrap();
    let ann_phone = Device::new(2);
    let draft = f
        .timebank
        .prepare_certificate(ann_phone.key(), &f.ann, Role::Member, NOW)
        .unwrap();
    assert_eq!(draft.seq, 3);
    let signature = tablet.sign(&draft.bytes);
    f.timebank.add_certificate(draft, signature, NOW).unwrap();
    invite(&mut f.timebank, &tablet, &f.cat, Role::Member, 51).unwrap();
    assert_eq!(f.timebank.sequence_gaps(), []);
    // The invite's own certificate is numbered 1 by the invite's key.
    let secret = InviteSecret::from_seed([51; 32]);
    let cat_phone = Device::new(3);
    let mut cat = phone(&mut f.timebank, &cat_phone, 10);
    cat.accept_invite(&secret, &f.cat, Role::Member, NOW)
        .unwrap();
    let certificates = schema::read_certificates(cat.document_mut());
    let by_invite: Vec<&Certificate> = certificates
        .iter()
        .filter(|c| c.issuer == secret.key())
        .collect();
    assert_eq!(by_invite.len(), 1);
    assert_eq!(by_invite[0].seq, 1);
    assert_eq!(cat.sequence_gaps(), []);
}
