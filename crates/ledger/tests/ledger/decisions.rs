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
    schema::write_decision_seal(doc, &forged.id, &forged.seal.unwrap()).unwrap();
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
