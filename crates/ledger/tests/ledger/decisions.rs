//! Once a timebank's trust is founded, a member's status, role and limits
//! are what the founding saw and what coordinators' devices decided and
//! signed since: a raw write of a member record (a modified app's) changes
//! none of them, so nobody promotes themselves, approves a friend, raises
//! a limit, or locks the coordinators out.

use automerge::transaction::Transactable;
use automerge::{ROOT, ReadDoc};
use ledger::{DecisionId, LedgerError, MemberId, MemberStatus, Role, Seal, Timebank, schema};

use super::counting::{Founded, founded, sign_everything};
use super::support::*;

/// Writes `field` = `value` into member `id`'s record on `copy`, as a
/// modified app would.
fn raw(copy: &mut Timebank, id: &MemberId, field: &str, value: automerge::ScalarValue) {
    let doc = copy.document_mut();
    let (_, members) = doc.get(ROOT, "members").unwrap().unwrap();
    let (_, member) = doc.get(&members, id.as_str()).unwrap().unwrap();
    doc.put(&member, field, value).unwrap();
    doc.commit();
}

/// Each member's status, role and limits, as a copy counts them.
fn rights(copy: &Timebank, s: &Founded) -> Vec<(MemberStatus, Role, Option<i64>, Option<i64>)> {
    [&s.f.cora, &s.f.ann, &s.f.bob, &s.f.cat]
        .map(|id| {
            let m = copy.member(id).unwrap();
            (
                m.status,
                m.role,
                m.debit_floor_minutes,
                m.credit_ceiling_minutes,
            )
        })
        .to_vec()
}

const ACTIVE_MEMBER: (MemberStatus, Role, Option<i64>, Option<i64>) =
    (MemberStatus::Active, Role::Member, None, None);
const CORA: (MemberStatus, Role, Option<i64>, Option<i64>) =
    (MemberStatus::Active, Role::Coordinator, None, None);

#[test]
fn raw_writes_of_a_member_s_rights_change_nothing() {
    let mut s = founded();
    let as_founded = vec![CORA, ACTIVE_MEMBER, ACTIVE_MEMBER, ACTIVE_MEMBER];
    assert_eq!(rights(&s.f.timebank, &s), as_founded);
    let mut attacker = s.f.timebank.fork(entropy(30));
    // Cora demoted and gone (the coordinators locked out), Bob promoted,
    // Ann's floor lowered, and a member of Bob's own making approved.
    raw(&mut attacker, &s.f.cora.clone(), "role", "member".into());
    raw(&mut attacker, &s.f.cora.clone(), "status", "left".into());
    raw(
        &mut attacker,
        &s.f.bob.clone(),
        "role",
        "coordinator".into(),
    );
    raw(
        &mut attacker,
        &s.f.ann.clone(),
        "debit_floor_minutes",
        (-100_000_i64).into(),
    );
    let friend = attacker
        .add_member(
            &s.f.cora,
            ledger::NewMember {
                name: "Friend".into(),
                ..Default::default()
            },
            NOW,
        )
        .unwrap();
    raw(&mut attacker, &friend, "status", "active".into());
    let mut honest = s.f.timebank.fork(entropy(31));
    honest.merge(&mut attacker).unwrap();
    let reopened = Timebank::load(&attacker.save(), entropy(32)).unwrap();
    for (copy, which) in [(&honest, "merged"), (&reopened, "the attacker's, reopened")] {
        assert_eq!(rights(copy, &s), as_founded, "{which}");
        assert!(
            copy.is_coordinator(&s.f.cora),
            "{which}: Cora is still a coordinator"
        );
        assert!(!copy.is_coordinator(&s.f.bob), "{which}");
        assert_eq!(
            copy.member(&friend).unwrap().status,
            MemberStatus::Applicant,
            "{which}"
        );
    }
    // Cora's tablet still does a coordinator's work.
    s.f.timebank.merge(&mut attacker).unwrap();
    s.f.timebank
        .set_status(&s.f.cora, &friend, MemberStatus::Active, NOW)
        .unwrap();
    assert_eq!(
        s.f.timebank.member(&friend).unwrap().status,
        MemberStatus::Active
    );
}

#[test]
fn a_coordinator_s_decisions_count_on_every_copy_once_signed() {
    let mut s = founded();
    let mut phone = s.f.timebank.fork(entropy(40));
    let tablet = &mut s.f.timebank;
    tablet
        .set_role(&s.f.cora, &s.f.bob, Role::Coordinator, NOW)
        .unwrap();
    tablet
        .set_limits(&s.f.cora, &s.f.ann, Some(-1_200), Some(3_000), NOW)
        .unwrap();
    tablet
        .set_status(&s.f.cora, &s.f.cat, MemberStatus::Away, NOW)
        .unwrap();
    let decided = vec![
        CORA,
        (
            MemberStatus::Active,
            Role::Member,
            Some(-1_200),
            Some(3_000),
        ),
        (MemberStatus::Active, Role::Coordinator, None, None),
        (MemberStatus::Away, Role::Member, None, None),
    ];
    // On the tablet at once, while its signatures are on their way...
    assert_eq!(rights(&s.f.timebank, &s), decided);
    // ...elsewhere only once they are there.
    phone.merge(&mut s.f.timebank).unwrap();
    assert_eq!(
        rights(&phone, &s),
        vec![CORA, ACTIVE_MEMBER, ACTIVE_MEMBER, ACTIVE_MEMBER]
    );
    let tablet_key = s.tablet.key();
    s.f.timebank.use_device_key(tablet_key);
    sign_everything(&mut s.f.timebank, &s.tablet);
    phone.merge(&mut s.f.timebank).unwrap();
    assert_eq!(rights(&phone, &s), decided);
    // The tablet's next record is numbered after its decisions, and no
    // number is missing from its run.
    s.f.timebank
        .record(&s.f.cora, help(&s.f.ann, &s.f.cora, 30), NOW)
        .unwrap();
    sign_everything(&mut s.f.timebank, &s.tablet);
    let reopened = Timebank::load(&s.f.timebank.save(), entropy(41)).unwrap();
    assert_eq!(rights(&reopened, &s), decided);
    assert_eq!(reopened.sequence_gaps(), Vec::new(), "the numbers run on");
    // A later decision wins; a member's device decides nothing.
    s.f.timebank
        .set_role(&s.f.cora, &s.f.bob, Role::Member, NOW)
        .unwrap();
    sign_everything(&mut s.f.timebank, &s.tablet);
    phone.merge(&mut s.f.timebank).unwrap();
    assert!(!phone.is_coordinator(&s.f.bob));
    let mut ann = phone.fork(entropy(42));
    ann.use_device_key(s.ann_phone.key());
    assert_eq!(
        ann.set_status(&s.f.cora, &s.f.cat, MemberStatus::Active, NOW),
        Err(LedgerError::NotCoordinatorDevice)
    );
}

/// Decisions written straight into the document: one signed by a member's
/// phone in a coordinator's name, and one signed by the tablet and then
/// written over and deleted (it still counts: decisions are read as the
/// change that made them wrote them).
#[test]
fn only_a_coordinator_device_s_decision_counts_and_a_deleted_one_still_does() {
    let mut s = founded();
    let mut attacker = s.f.timebank.fork(entropy(50));
    let id = attacker.info().id.clone();
    let mut forged = schema::Decision {
        id: DecisionId::random(entropy(51).as_mut()),
        subject: format!("member:{}", s.f.bob),
        what: "role".into(),
        value: "coordinator".into(),
        by: s.f.cora.clone(),
        device: s.bob_phone.key(),
        at: NOW,
        seal: None,
    };
    let signature = s.bob_phone.sign(forged.bytes(&id, 1).as_bytes());
    let doc = attacker.document_mut();
    schema::write_decision(doc, &forged).unwrap();
    doc.commit_with(
        automerge::transaction::CommitOptions::default().with_message(schema::DECISION_MESSAGE),
    );
    forged.seal = Some(Seal { seq: 1, signature });
    schema::write_sealed_decision(doc, &forged).unwrap();
    doc.commit_with(
        automerge::transaction::CommitOptions::default()
            .with_message(schema::DECISION_SEAL_MESSAGE),
    );
    s.f.timebank.merge(&mut attacker).unwrap();
    assert!(
        !s.f.timebank.is_coordinator(&s.f.bob),
        "signed by a member's phone"
    );

    s.f.timebank
        .set_limits(&s.f.cora, &s.f.ann, Some(-60), None, NOW)
        .unwrap();
    sign_everything(&mut s.f.timebank, &s.tablet);
    let mut attacker = s.f.timebank.fork(entropy(52));
    let doc = attacker.document_mut();
    let (_, decisions) = doc.get(ROOT, "decisions").unwrap().unwrap();
    let keys: Vec<String> = doc.keys(&decisions).collect();
    for key in &keys {
        let (_, decision) = doc.get(&decisions, key.as_str()).unwrap().unwrap();
        doc.put(&decision, "value", ",").unwrap();
    }
    doc.commit();
    for key in &keys {
        doc.delete(&decisions, key.as_str()).unwrap();
    }
    doc.commit();
    let mut honest = s.f.timebank.fork(entropy(53));
    honest.merge(&mut attacker).unwrap();
    let reopened = Timebank::load(&attacker.save(), entropy(54)).unwrap();
    for copy in [&honest, &reopened] {
        assert_eq!(
            copy.member(&s.f.ann).unwrap().debit_floor_minutes,
            Some(-60)
        );
        assert!(!copy.is_coordinator(&s.f.bob));
    }
}

/// A coordinator's spreadsheet of members, imported after the founding:
/// the statuses it gives are the coordinator's decisions.
#[test]
fn members_imported_after_the_founding_keep_their_status() {
    let mut s = founded();
    let summary =
        s.f.timebank
            .import_members_csv(&s.f.cora, "Name,Status\nDee,active\nEve,away\n", NOW)
            .unwrap();
    assert_eq!(summary.members_added, 2);
    sign_everything(&mut s.f.timebank, &s.tablet);
    let reopened = Timebank::load(&s.f.timebank.save(), entropy(60)).unwrap();
    let status = |name: &str| {
        reopened
            .members()
            .find(|m| m.name == name)
            .map(|m| m.status)
    };
    assert_eq!(status("Dee"), Some(MemberStatus::Active));
    assert_eq!(status("Eve"), Some(MemberStatus::Away));
}

/// The settings, raw-written by a member's modified app ("nobody
/// confirms", a lower floor, balances hidden), change nothing; and an
/// exchange Ann's phone signs asking nobody to confirm it, as if that rule
/// held, is doubted.
#[test]
fn raw_settings_change_nothing_and_let_no_one_skip_a_confirmation() {
    let mut s = founded();
    let as_founded = s.f.timebank.settings().clone();
    let mut attacker = s.f.timebank.fork(entropy(70));
    let doc = attacker.document_mut();
    let (_, settings) = doc.get(ROOT, "settings").unwrap().unwrap();
    doc.put(&settings, "confirmation", "nobody").unwrap();
    doc.put(&settings, "debit_floor_minutes", -100_000_i64)
        .unwrap();
    doc.put(&settings, "balances_visible", false).unwrap();
    doc.commit();
    let unasked =
        super::counting::forged(&s.f.bob, &s.f.ann, 600, &s.f.ann, &s.ann_phone.key(), 71);
    super::counting::write_raw(&mut attacker, &unasked, Some(&s.ann_phone));
    let mut honest = s.f.timebank.fork(entropy(72));
    honest.merge(&mut attacker).unwrap();
    let reopened = Timebank::load(&attacker.save(), entropy(73)).unwrap();
    for copy in [&honest, &reopened] {
        assert_eq!(copy.settings(), &as_founded);
        assert_eq!(
            copy.doubt_about(&unasked.id),
            Some(ledger::Doubt::NoConfirmationAsked)
        );
        assert_eq!(
            super::counting::balances(copy, &super::counting::people(&s.f)),
            [0, 0, 0, 0]
        );
    }
}

/// A coordinator's change of settings counts elsewhere once its tablet
/// signed it; a later one wins; a member's device cannot make one.
#[test]
fn a_coordinator_s_settings_count_once_signed() {
    let mut s = founded();
    let before = s.f.timebank.settings().clone();
    let mut phone = s.f.timebank.fork(entropy(80));
    let mut changed = before.clone();
    changed.debit_floor_minutes = -1_200;
    changed.categories.push("Bicycle repairs".into());
    s.f.timebank
        .update_settings(&s.f.cora, changed.clone(), NOW)
        .unwrap();
    let sorted = |settings: &ledger::Settings| {
        let mut settings = settings.clone();
        settings.categories.sort();
        settings
    };
    assert_eq!(sorted(s.f.timebank.settings()), sorted(&changed));
    phone.merge(&mut s.f.timebank).unwrap();
    assert_eq!(sorted(phone.settings()), sorted(&before), "not signed yet");
    sign_everything(&mut s.f.timebank, &s.tablet);
    phone.merge(&mut s.f.timebank).unwrap();
    assert_eq!(sorted(phone.settings()), sorted(&changed));
    let mut again = changed.clone();
    again.balances_visible = false;
    s.f.timebank
        .update_settings(&s.f.cora, again.clone(), NOW)
        .unwrap();
    sign_everything(&mut s.f.timebank, &s.tablet);
    let reopened = Timebank::load(&s.f.timebank.save(), entropy(81)).unwrap();
    assert_eq!(sorted(reopened.settings()), sorted(&again));
    assert_eq!(reopened.sequence_gaps(), Vec::new());
    phone.use_device_key(s.ann_phone.key());
    assert_eq!(
        phone.update_settings(&s.f.cora, before, NOW),
        Err(LedgerError::NotCoordinatorDevice)
    );
}

/// The timebank's name, unit, currency and language, raw-written by a
/// member's modified app (a rename, dollars for pounds, another language),
/// change nothing on any device; a coordinator's change counts elsewhere
/// once their tablet signed it; a member's phone cannot make one.
#[test]
fn the_timebank_s_details_are_what_a_coordinator_decided_not_what_was_written() {
    let mut s = founded();
    let as_founded = s.f.timebank.info().clone();
    let mut attacker = s.f.timebank.fork(entropy(90));
    let doc = attacker.document_mut();
    let (_, record) = doc.get(ROOT, "timebank").unwrap().unwrap();
    doc.put(&record, "name", "Bob's Bank").unwrap();
    doc.put(&record, "unit_label", "Bob Bucks").unwrap();
    doc.put(&record, "currency", "USD").unwrap();
    doc.put(&record, "language", "fr").unwrap();
    doc.commit();
    let mut honest = s.f.timebank.fork(entropy(91));
    honest.merge(&mut attacker).unwrap();
    let reopened = Timebank::load(&attacker.save(), entropy(92)).unwrap();
    for copy in [&honest, &reopened, &attacker] {
        assert_eq!(copy.info(), &as_founded);
    }

    let renamed = ledger::TimebankDetails {
        name: "Southwark Circle".into(),
        unit_label: "Time Credits".into(),
        unit_label_one: "Time Credit".into(),
        currency: ledger::Currency::Euro,
        language: Some("fr".into()),
    };
    s.f.timebank
        .update_details(&s.f.cora, renamed.clone(), NOW)
        .unwrap();
    assert_eq!(s.f.timebank.info().details(), renamed);
    honest.merge(&mut s.f.timebank).unwrap();
    assert_eq!(honest.info(), &as_founded, "not signed yet");
    sign_everything(&mut s.f.timebank, &s.tablet);
    honest.merge(&mut s.f.timebank).unwrap();
    let reopened = Timebank::load(&honest.save(), entropy(93)).unwrap();
    for copy in [&honest, &reopened] {
        assert_eq!(copy.info().details(), renamed);
        assert_eq!(copy.info().id, as_founded.id);
    }
    assert_eq!(reopened.sequence_gaps(), Vec::new());
    let mut phone = s.f.timebank.fork(entropy(94));
    phone.use_device_key(s.ann_phone.key());
    assert_eq!(
        phone.update_details(&s.f.cora, as_founded.details(), NOW),
        Err(LedgerError::NotCoordinatorDevice)
    );
}

/// Bob's phone deciding, as Bob, that `member`'s role is `role`, dated
/// `at` (ms).
fn on_bobs_phone(s: &Founded, member: &MemberId, role: &str, at: i64) -> schema::Decision {
    schema::Decision {
        id: DecisionId::random(entropy(at as u64).as_mut()),
        subject: format!("member:{member}"),
        what: "role".into(),
        value: role.into(),
        by: s.f.bob.clone(),
        device: s.bob_phone.key(),
        at: ledger::Timestamp(at),
        seal: None,
    }
}

/// `device` certified by the tablet for `member` in `role`.
pub(super) fn certify(s: &mut Founded, device: &Device, member: &MemberId, role: Role) {
    let draft =
        s.f.timebank
            .prepare_certificate(device.key(), member, role, NOW)
            .unwrap();
    let signature = s.tablet.sign(&draft.bytes);
    s.f.timebank.add_certificate(draft, signature, NOW).unwrap();
}

/// Writes `decision` as a modified app would (with the messages the ledger
/// reads decisions by), sealed by `signer` if given.
fn written(copy: &mut Timebank, mut decision: schema::Decision, signer: Option<&Device>) {
    let id = copy.info().id.clone();
    let doc = copy.document_mut();
    schema::write_decision(doc, &decision).unwrap();
    doc.commit_with(
        automerge::transaction::CommitOptions::default().with_message(schema::DECISION_MESSAGE),
    );
    if let Some(signer) = signer {
        let signature = signer.sign(decision.bytes(&id, 99).as_bytes());
        decision.seal = Some(Seal { seq: 99, signature });
        schema::write_sealed_decision(doc, &decision).unwrap();
        doc.commit_with(
            automerge::transaction::CommitOptions::default()
                .with_message(schema::DECISION_SEAL_MESSAGE),
        );
    }
}

/// A copy of one of the tablet's own decisions (the same id), unsealed and
/// dated far ahead, naming the tablet, as another device writes it: on the
/// tablet itself it does not pass for its own decision waiting for its
/// seal; and deleting the tablet's decision before its seal is written
/// loses nothing.
#[test]
fn a_copy_of_a_coordinator_s_decision_does_not_pass_for_its_own() {
    let mut s = founded();
    s.f.timebank
        .set_limits(&s.f.cora, &s.f.ann, Some(-60), None, NOW)
        .unwrap();
    let mut attacker = s.f.timebank.fork(entropy(90));
    let doc = attacker.document_mut();
    let (_, decisions) = doc.get(ROOT, "decisions").unwrap().unwrap();
    let key: String = doc.keys(&decisions).next().unwrap();
    let id = DecisionId::parse(&key).unwrap();
    doc.delete(&decisions, key.as_str()).unwrap();
    doc.commit();
    let copy = schema::Decision {
        id,
        subject: format!("member:{}", s.f.cora),
        what: "role".into(),
        value: "member".into(),
        by: s.f.cora.clone(),
        device: s.tablet.key(),
        at: ledger::Timestamp(NOW.0 + 10 * 365 * 24 * 3_600_000),
        seal: None,
    };
    written(&mut attacker, copy, None);
    s.f.timebank.merge(&mut attacker).unwrap();
    assert!(
        s.f.timebank.is_coordinator(&s.f.cora),
        "on the tablet itself"
    );
    sign_everything(&mut s.f.timebank, &s.tablet);
    let reopened = Timebank::load(&s.f.timebank.save(), entropy(91)).unwrap();
    for copy in [&s.f.timebank, &reopened] {
        assert!(copy.is_coordinator(&s.f.cora));
        assert_eq!(
            copy.member(&s.f.ann).unwrap().debit_floor_minutes,
            Some(-60)
        );
    }
    assert_eq!(reopened.sequence_gaps(), Vec::new());
}

/// A member record deleted (here, the only coordinator's) is still read
/// as the founding saw it: the coordinators are not locked out.
#[test]
fn deleting_a_coordinator_s_record_locks_no_one_out() {
    let mut s = founded();
    let mut attacker = s.f.timebank.fork(entropy(100));
    let doc = attacker.document_mut();
    let (_, members) = doc.get(ROOT, "members").unwrap().unwrap();
    doc.delete(&members, s.f.cora.as_str()).unwrap();
    doc.commit();
    s.f.timebank.merge(&mut attacker).unwrap();
    let reopened = Timebank::load(&attacker.save(), entropy(101)).unwrap();
    for copy in [&s.f.timebank, &reopened] {
        assert!(copy.is_coordinator(&s.f.cora));
        assert_eq!(copy.member(&s.f.cora).unwrap().name, "Cora");
    }
    s.f.timebank
        .set_status(&s.f.cora, &s.f.cat, MemberStatus::Away, NOW)
        .unwrap();
}

/// Decisions by a device that is revoked later still count if it made them
/// before its revocation; one it made after (on a copy that did not know)
/// does not.
#[test]
fn a_revoked_device_s_earlier_decisions_still_count() {
    let mut s = founded();
    let office = Device::new(7);
    let cora = s.f.cora.clone();
    certify(&mut s, &office, &cora, Role::Coordinator);
    let mut tablet = s.f.timebank.fork(entropy(110));
    tablet.use_device_key(s.tablet.key());
    tablet
        .set_limits(&s.f.cora, &s.f.ann, Some(-60), None, NOW)
        .unwrap();
    sign_everything(&mut tablet, &s.tablet);
    let mut office_copy = tablet.fork(entropy(111));
    office_copy.use_device_key(office.key());
    let draft = office_copy
        .prepare_revocation(s.tablet.key(), "Tablet stolen", NOW)
        .unwrap();
    let signature = office.sign(&draft.bytes);
    office_copy.add_revocation(draft, signature, NOW).unwrap();
    // The tablet, not knowing, decides again.
    tablet
        .set_status(&s.f.cora, &s.f.cat, MemberStatus::Left, NOW)
        .unwrap();
    sign_everything(&mut tablet, &s.tablet);
    office_copy.merge(&mut tablet).unwrap();
    let reopened = Timebank::load(&office_copy.save(), entropy(112)).unwrap();
    for copy in [&office_copy, &reopened] {
        assert_eq!(
            copy.member(&s.f.ann).unwrap().debit_floor_minutes,
            Some(-60)
        );
        assert_eq!(copy.member(&s.f.cat).unwrap().status, MemberStatus::Active);
    }
}

/// A device decides only for the coordinator it is certified for; and a
/// coordinator demoted cannot promote themselves again with the
/// coordinator's certificate their phone still holds.
#[test]
fn a_device_decides_only_as_its_own_coordinator_who_must_still_be_one() {
    let mut s = founded();
    let bob = s.f.bob.clone();
    s.f.timebank
        .set_role(&s.f.cora, &bob, Role::Coordinator, NOW)
        .unwrap();
    certify(&mut s, &Device::new(3), &bob, Role::Coordinator);
    assert_eq!(
        s.f.timebank
            .set_status(&bob, &s.f.cat, MemberStatus::Away, NOW),
        Err(LedgerError::NotCoordinatorDevice),
        "Cora's tablet acting as Bob"
    );
    s.f.timebank
        .set_role(&s.f.cora, &bob, Role::Member, ledger::Timestamp(NOW.0 + 1))
        .unwrap();
    sign_everything(&mut s.f.timebank, &s.tablet);
    let mut bobs = s.f.timebank.fork(entropy(120));
    let again = on_bobs_phone(&s, &bob, "coordinator", NOW.0 + 60_000);
    written(&mut bobs, again, Some(&s.bob_phone));
    s.f.timebank.merge(&mut bobs).unwrap();
    let reopened = Timebank::load(&s.f.timebank.save(), entropy(122)).unwrap();
    for copy in [&s.f.timebank, &reopened] {
        assert!(!copy.is_coordinator(&bob));
    }
}

/// A change written under the tablet's own Automerge actor (which anyone
/// can see in the history), holding a decision that names the tablet: the
/// tablet neither signs it nor counts it as its own.
#[test]
fn a_change_under_the_tablet_s_actor_does_not_make_it_sign() {
    let mut s = founded();
    let actor = s.f.timebank.document_mut().get_actor().clone();
    let mut attacker = s.f.timebank.fork(entropy(130));
    attacker.document_mut().set_actor(actor);
    let promote = schema::Decision {
        id: DecisionId::random(entropy(131).as_mut()),
        subject: format!("member:{}", s.f.bob),
        what: "role".into(),
        value: "coordinator".into(),
        by: s.f.cora.clone(),
        device: s.tablet.key(),
        at: NOW,
        seal: None,
    };
    written(&mut attacker, promote, None);
    s.f.timebank.merge(&mut attacker).unwrap();
    assert_eq!(s.f.timebank.to_sign(), Vec::new());
    assert!(!s.f.timebank.is_coordinator(&s.f.bob));
}

/// Bob, a coordinator demoted by Cora, signs (on his phone, still certified
/// as a coordinator's) a demotion of Cora dated before hers: it was made
/// after hers (it has hers in its history), so it comes after it, and Bob
/// was no coordinator then.
#[test]
fn a_decision_dated_back_comes_after_the_one_it_answers() {
    let mut s = founded();
    let bob = s.f.bob.clone();
    s.f.timebank
        .set_role(&s.f.cora, &bob, Role::Coordinator, NOW)
        .unwrap();
    certify(&mut s, &Device::new(3), &bob, Role::Coordinator);
    sign_everything(&mut s.f.timebank, &s.tablet);
    s.f.timebank
        .set_role(
            &s.f.cora,
            &bob,
            Role::Member,
            ledger::Timestamp(NOW.0 + 100),
        )
        .unwrap();
    sign_everything(&mut s.f.timebank, &s.tablet);
    let mut bobs = s.f.timebank.fork(entropy(140));
    let back = on_bobs_phone(&s, &s.f.cora, "member", NOW.0 + 50);
    written(&mut bobs, back, Some(&s.bob_phone));
    s.f.timebank.merge(&mut bobs).unwrap();
    let reopened = Timebank::load(&s.f.timebank.save(), entropy(142)).unwrap();
    for copy in [&s.f.timebank, &reopened] {
        assert!(copy.is_coordinator(&s.f.cora));
        assert!(!copy.is_coordinator(&bob));
    }
}

/// The timebank once let records go unconfirmed, then asked for
/// confirmations: a member's modified app that writes the old rule back
/// into the settings, and records under it, is doubted.
#[test]
fn an_old_confirmation_rule_written_back_lets_no_one_skip_a_confirmation() {
    let mut s = founded();
    let mut settings = s.f.timebank.settings().clone();
    settings.confirmation = ledger::ConfirmationPolicy::Nobody;
    s.f.timebank
        .update_settings(&s.f.cora, settings.clone(), NOW)
        .unwrap();
    sign_everything(&mut s.f.timebank, &s.tablet);
    settings.confirmation = ledger::ConfirmationPolicy::OtherParty;
    s.f.timebank
        .update_settings(&s.f.cora, settings, NOW)
        .unwrap();
    sign_everything(&mut s.f.timebank, &s.tablet);
    let mut attacker = s.f.timebank.fork(entropy(150));
    let doc = attacker.document_mut();
    let (_, settings) = doc.get(ROOT, "settings").unwrap().unwrap();
    doc.put(&settings, "confirmation", "nobody").unwrap();
    doc.commit();
    let unasked =
        super::counting::forged(&s.f.bob, &s.f.ann, 600, &s.f.ann, &s.ann_phone.key(), 151);
    super::counting::write_raw(&mut attacker, &unasked, Some(&s.ann_phone));
    s.f.timebank.merge(&mut attacker).unwrap();
    assert_eq!(
        s.f.timebank.doubt_about(&unasked.id),
        Some(ledger::Doubt::NoConfirmationAsked)
    );
}

/// A coordinator's record deleted after decisions about them were made
/// (and written): still read, still a coordinator.
#[test]
fn a_coordinator_s_record_deleted_after_decisions_is_still_read() {
    let mut s = founded();
    s.f.timebank
        .set_limits(&s.f.cora, &s.f.cora.clone(), Some(-120), None, NOW)
        .unwrap();
    sign_everything(&mut s.f.timebank, &s.tablet);
    let mut attacker = s.f.timebank.fork(entropy(160));
    let doc = attacker.document_mut();
    let (_, members) = doc.get(ROOT, "members").unwrap().unwrap();
    doc.delete(&members, s.f.cora.as_str()).unwrap();
    doc.commit();
    s.f.timebank.merge(&mut attacker).unwrap();
    // A decision about Cora written after her record was deleted.
    s.f.timebank
        .set_limits(&s.f.cora, &s.f.cora.clone(), Some(-240), None, NOW)
        .unwrap();
    sign_everything(&mut s.f.timebank, &s.tablet);
    let reopened = Timebank::load(&s.f.timebank.save(), entropy(161)).unwrap();
    for copy in [&s.f.timebank, &reopened] {
        assert!(copy.is_coordinator(&s.f.cora));
        assert_eq!(
            copy.member(&s.f.cora).unwrap().debit_floor_minutes,
            Some(-240)
        );
    }
}

/// A month's lock publishes its figures: once the trust is founded, one a
/// modified app writes straight into the document (figures of its own) is
/// not a lock; a coordinator's counts on every copy once signed, as signed,
/// whatever is written over it; one from before the founding counts as the
/// founding saw it.
#[test]
fn only_a_coordinator_s_signed_lock_publishes_a_month() {
    let october = ledger::Month::parse("2026-10").unwrap();
    let forged_lock = |by: &MemberId| ledger::PeriodLock {
        month: october,
        locked_at: NOW,
        locked_by: by.clone(),
        figures: ledger::Figures {
            minutes_exchanged: 99_999,
            exchanges: 999,
            ..Default::default()
        },
        included: Default::default(),
    };
    let write_lock = |copy: &mut Timebank, lock: &ledger::PeriodLock| {
        let doc = copy.document_mut();
        schema::write_lock(doc, lock).unwrap();
        doc.commit();
    };
    // A raw lock, after the founding.
    let mut s = founded();
    let mut attacker = s.f.timebank.fork(entropy(170));
    write_lock(&mut attacker, &forged_lock(&s.f.cora));
    s.f.timebank.merge(&mut attacker).unwrap();
    assert_eq!(s.f.timebank.locks().count(), 0, "a raw lock");
    // The coordinator's, signed, over an October with an exchange in it.
    let mut phone = s.f.timebank.fork(entropy(171));
    s.f.timebank
        .record(
            &s.f.cora,
            ledger::NewExchange {
                service_date: day("2026-10-15"),
                category: Some("Transport".into()),
                ..help(&s.f.ann, &s.f.bob, 45)
            },
            NOW,
        )
        .unwrap();
    s.f.timebank.lock_month(&s.f.cora, october, NOW).unwrap();
    assert_eq!(s.f.timebank.locks().count(), 1);
    phone.merge(&mut s.f.timebank).unwrap();
    assert_eq!(phone.locks().count(), 0, "not signed yet");
    sign_everything(&mut s.f.timebank, &s.tablet);
    phone.merge(&mut s.f.timebank).unwrap();
    // Then a modified app writes its own figures over the lock: the lock
    // stands as the coordinator signed it.
    let mut attacker = s.f.timebank.fork(entropy(176));
    write_lock(&mut attacker, &forged_lock(&s.f.cora));
    phone.merge(&mut attacker).unwrap();
    let reopened = Timebank::load(&phone.save(), entropy(172)).unwrap();
    for copy in [&phone, &reopened] {
        let locks: Vec<_> = copy.locks().collect();
        assert_eq!(locks.len(), 1);
        assert_eq!(locks[0].figures.minutes_exchanged, 45);
        assert_eq!(locks[0].figures.by_category["Transport"].minutes, 45);
        assert_eq!(locks[0].included.len(), 1);
    }

    // A lock from before the founding counts, as the founding saw it.
    let mut f = Fixture::new();
    f.timebank.lock_month(&f.cora, october, NOW).unwrap();
    let tablet = Device::new(1);
    found(&mut f.timebank, &tablet, &f.cora);
    let reopened = Timebank::load(&f.timebank.save(), entropy(173)).unwrap();
    assert_eq!(reopened.locks().count(), 1, "vouched for by the founding");
    let mut attacker = f.timebank.fork(entropy(174));
    write_lock(&mut attacker, &forged_lock(&f.cora));
    f.timebank.merge(&mut attacker).unwrap();
    let reopened = Timebank::load(&f.timebank.save(), entropy(175)).unwrap();
    for copy in [&f.timebank, &reopened] {
        let locks: Vec<_> = copy.locks().collect();
        assert_eq!(locks.len(), 1, "written over");
        assert_eq!(locks[0].figures.minutes_exchanged, 0);
    }
}
