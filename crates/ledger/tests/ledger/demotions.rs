//! A coordinator no longer one: what their coordinator's device writes after
//! the decision that demoted them (or on a copy that never heard of it)
//! counts only as a member's device's record would; what it wrote before
//! still counts. Attacks are written straight into the document, as a
//! modified app would.

use automerge::transaction::CommitOptions;
use ledger::trust::{Certificate, DeviceKey, certificate_bytes};
use ledger::{
    Account, DecisionId, Doubt, LedgerError, MemberId, Role, Seal, Timebank, Timestamp, schema,
};

use super::counting::{
    Founded, balances, forged, founded, on_device, people, sign_everything, write_raw,
};
use super::decisions::certify;
use super::support::*;

/// A certificate signed by `issuer`, written straight into `copy` (as a
/// modified app would).
pub(super) fn certify_raw(
    copy: &mut Timebank,
    issuer: &Device,
    device: &Device,
    member: &MemberId,
    role: Role,
) {
    let id = copy.info().id.clone();
    let bytes = certificate_bytes(&id, &device.key(), member, role, &issuer.key(), NOW, 90);
    let certificate = Certificate {
        device: device.key(),
        member: member.clone(),
        role,
        issuer: issuer.key(),
        issued_at: NOW,
        seq: 90,
        founded_on: None,
        signature: issuer.sign(bytes.as_bytes()),
    };
    let doc = copy.document_mut();
    schema::write_certificate(doc, &certificate).unwrap();
    doc.commit();
}

/// A decision "by" coordinator `by` that `member` is a coordinator, signed
/// by `device`, written straight into `copy`.
fn promote_raw(copy: &mut Timebank, device: &Device, by: &MemberId, member: &MemberId) {
    let id = copy.info().id.clone();
    let mut decision = schema::Decision {
        id: DecisionId::random(entropy(790).as_mut()),
        subject: format!("member:{member}"),
        what: "role".into(),
        value: "coordinator".into(),
        by: by.clone(),
        device: device.key(),
        at: later(10),
        seal: None,
    };
    let signature = device.sign(decision.bytes(&id, 91).as_bytes());
    let doc = copy.document_mut();
    schema::write_decision(doc, &decision).unwrap();
    doc.commit_with(CommitOptions::default().with_message(schema::DECISION_MESSAGE));
    decision.seal = Some(Seal { seq: 91, signature });
    schema::write_sealed_decision(doc, &decision).unwrap();
    doc.commit_with(CommitOptions::default().with_message(schema::DECISION_SEAL_MESSAGE));
}

fn standing(copy: &Timebank, device: &Device) -> Option<(MemberId, Role)> {
    let key: DeviceKey = device.key();
    copy.authority()
        .devices
        .get(&key)
        .map(|standing| (standing.member.clone(), standing.role))
}

/// Cora makes Bob a coordinator and certifies his tablet as one: the
/// tablet's key, and its copy of the timebank.
fn bob_made_a_coordinator(s: &mut Founded, seed: u64) -> (Device, Timebank) {
    let (cora, bob) = (s.f.cora.clone(), s.f.bob.clone());
    let bobs_tablet = Device::new(4);
    s.f.timebank
        .set_role(&cora, &bob, Role::Coordinator, NOW)
        .unwrap();
    certify(s, &bobs_tablet, &bob, Role::Coordinator);
    sign_everything(&mut s.f.timebank, &s.tablet);
    let tablet = on_device(&mut s.f.timebank, &bobs_tablet, seed);
    (bobs_tablet, tablet)
}

/// Cora takes the coordinator's role away from Bob; his `tablet` hears of
/// it.
fn bob_demoted(s: &mut Founded, tablet: &mut Timebank) {
    let (cora, bob) = (s.f.cora.clone(), s.f.bob.clone());
    s.f.timebank
        .set_role(&cora, &bob, Role::Member, later(1))
        .unwrap();
    sign_everything(&mut s.f.timebank, &s.tablet);
    tablet.merge(&mut s.f.timebank).unwrap();
}

fn later(ms: i64) -> Timestamp {
    Timestamp(NOW.0 + ms)
}

#[test]
fn a_demoted_coordinator_s_device_keeps_its_powers_only_for_what_it_wrote_before() {
    let mut s = founded();
    let [cora, ann, bob, cat] = people(&s.f);
    let (bobs_tablet, mut tablet) = bob_made_a_coordinator(&mut s, 700);
    // Bob, a coordinator, records on his tablet an hour Ann gave Cat.
    let before = tablet.record(&bob, help(&cat, &ann, 60), NOW).unwrap().id;
    sign_everything(&mut tablet, &bobs_tablet);
    s.f.timebank.merge(&mut tablet).unwrap();
    // A copy of his tablet's that will not hear of what follows.
    let mut offline = tablet.fork(entropy(701));
    // Cora takes the coordinator's role away from Bob.
    bob_demoted(&mut s, &mut tablet);
    // His tablet, with a modified app, still records for others...
    let for_others = forged(&cat, &ann, 120, &bob, &bobs_tablet.key(), 702);
    write_raw(&mut tablet, &for_others, Some(&bobs_tablet));
    // ...and the copy that never heard of it pays him from the fund.
    let from_fund = ledger::Exchange {
        payer: Account::CommunityFund,
        ..forged(&cat, &bob, 180, &bob, &bobs_tablet.key(), 703)
    };
    write_raw(&mut offline, &from_fund, Some(&bobs_tablet));
    s.f.timebank.merge(&mut tablet).unwrap();
    s.f.timebank.merge(&mut offline).unwrap();
    let reopened = Timebank::load(&s.f.timebank.save(), entropy(704)).unwrap();
    for copy in [&s.f.timebank, &reopened] {
        assert!(copy.counts(&before), "written while a coordinator");
        assert_eq!(copy.doubt_about(&for_others.id), Some(Doubt::NotTheirs));
        assert_eq!(
            copy.doubt_about(&from_fund.id),
            Some(Doubt::CoordinatorsOnly)
        );
        assert_eq!(balances(copy, &people(&s.f)), [0, 60, 0, -60]);
    }
    // Made a coordinator again, Bob's tablet records for others again.
    s.f.timebank
        .set_role(&cora, &bob, Role::Coordinator, later(2))
        .unwrap();
    sign_everything(&mut s.f.timebank, &s.tablet);
    tablet.merge(&mut s.f.timebank).unwrap();
    let again = tablet.record(&bob, help(&cat, &ann, 30), NOW).unwrap().id;
    sign_everything(&mut tablet, &bobs_tablet);
    s.f.timebank.merge(&mut tablet).unwrap();
    let reopened = Timebank::load(&s.f.timebank.save(), entropy(705)).unwrap();
    for copy in [&s.f.timebank, &reopened] {
        assert!(copy.counts(&again), "a coordinator again");
    }
}

#[test]
fn a_coordinator_s_certificate_for_someone_never_made_one_gives_no_power() {
    let mut s = founded();
    let [cora, ann, bob, cat] = people(&s.f);
    // Cora's tablet, changed, certifies a device of Ann's (a member) as a
    // coordinator's (the ledger refuses to prepare it).
    let anns_tablet = Device::new(5);
    let id = s.f.timebank.info().id.clone();
    let bytes = certificate_bytes(
        &id,
        &anns_tablet.key(),
        &ann,
        Role::Coordinator,
        &s.tablet.key(),
        NOW,
        90,
    );
    let certificate = Certificate {
        device: anns_tablet.key(),
        member: ann.clone(),
        role: Role::Coordinator,
        issuer: s.tablet.key(),
        issued_at: NOW,
        seq: 90,
        founded_on: None,
        signature: s.tablet.sign(bytes.as_bytes()),
    };
    let doc = s.f.timebank.document_mut();
    schema::write_certificate(doc, &certificate).unwrap();
    doc.commit();
    let mut reread = Timebank::load(&s.f.timebank.save(), entropy(709)).unwrap();
    assert!(
        !reread.is_coordinator(&ann),
        "her certificate makes no decision"
    );
    let mut attacker = on_device(&mut reread, &anns_tablet, 710);
    let for_others = forged(&cat, &bob, 120, &ann, &anns_tablet.key(), 711);
    write_raw(&mut attacker, &for_others, Some(&anns_tablet));
    let mut honest = reread.fork(entropy(712));
    honest.merge(&mut attacker).unwrap();
    let reopened = Timebank::load(&honest.save(), entropy(713)).unwrap();
    for copy in [&honest, &reopened] {
        assert_eq!(copy.doubt_about(&for_others.id), Some(Doubt::NotTheirs));
        assert_eq!(balances(copy, &people(&s.f)), [0, 0, 0, 0]);
        assert!(!copy.is_coordinator(&ann));
    }
    // Cora's own tablet still records for others.
    reread.use_device_key(s.tablet.key());
    let hers = reread.record(&cora, help(&cat, &bob, 30), NOW).unwrap().id;
    sign_everything(&mut reread, &s.tablet);
    assert!(reread.counts(&hers));
}

/// Bob, demoted, keeps his coordinator's tablet: neither it nor a copy of
/// it that never heard of the decision can certify a device to act for
/// someone else, nor a device "of Cora's" to make him a coordinator again;
/// what it certified while a coordinator still stands.
#[test]
fn a_demoted_coordinator_s_device_certifies_no_one_after() {
    let mut s = founded();
    let [cora, ann, bob, cat] = people(&s.f);
    let (bobs_tablet, mut tablet) = bob_made_a_coordinator(&mut s, 700);
    // While a coordinator, Bob certifies Ann's new phone.
    let anns_new_phone = Device::new(6);
    let draft = tablet
        .prepare_certificate(anns_new_phone.key(), &ann, Role::Member, NOW)
        .unwrap();
    let signature = bobs_tablet.sign(&draft.bytes);
    tablet.add_certificate(draft, signature, NOW).unwrap();
    s.f.timebank.merge(&mut tablet).unwrap();
    let mut offline = tablet.fork(entropy(721));
    bob_demoted(&mut s, &mut tablet);
    // The ledger no longer lets his tablet certify anyone...
    assert_eq!(
        tablet
            .prepare_certificate(Device::new(7).key(), &ann, Role::Member, NOW)
            .unwrap_err(),
        LedgerError::NotCoordinatorDevice
    );
    // ...so a modified app writes it: a phone "of Ann's" that pays Bob,
    let mallory = Device::new(7);
    certify_raw(&mut tablet, &bobs_tablet, &mallory, &ann, Role::Member);
    let anns_payment = forged(&ann, &bob, 600, &ann, &mallory.key(), 722);
    write_raw(&mut tablet, &anns_payment, Some(&mallory));
    // a device "of Cora's" that makes him a coordinator again,
    let coras = Device::new(8);
    certify_raw(&mut tablet, &bobs_tablet, &coras, &cora, Role::Coordinator);
    promote_raw(&mut tablet, &coras, &cora, &bob);
    // and, on the copy that never heard of the decision, a phone "of
    // Cat's" that pays Bob too.
    let cats = Device::new(9);
    certify_raw(&mut offline, &bobs_tablet, &cats, &cat, Role::Member);
    let cats_payment = forged(&cat, &bob, 300, &cat, &cats.key(), 723);
    write_raw(&mut offline, &cats_payment, Some(&cats));
    s.f.timebank.merge(&mut tablet).unwrap();
    s.f.timebank.merge(&mut offline).unwrap();
    let reopened = Timebank::load(&s.f.timebank.save(), entropy(724)).unwrap();
    for copy in [&s.f.timebank, &reopened] {
        assert_eq!(
            standing(copy, &anns_new_phone),
            Some((ann.clone(), Role::Member))
        );
        for device in [&mallory, &coras, &cats] {
            assert_eq!(
                standing(copy, device),
                None,
                "{:?} on {}",
                device.key(),
                std::ptr::eq(copy, &s.f.timebank)
            );
        }
        assert!(!copy.is_coordinator(&bob));
        for id in [&anns_payment.id, &cats_payment.id] {
            assert!(!copy.counts(id));
            assert!(copy.doubt_about(id).is_some());
        }
        assert_eq!(balances(copy, &people(&s.f)), [0, 0, 0, 0]);
    }
}
