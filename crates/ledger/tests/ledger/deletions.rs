//! Trust records deleted from the document, as a modified app would: a
//! certificate, an invitation, a revocation or an acceptance, once written
//! in an honest change, counts as it was written. Deleting a coordinator's
//! certificate would otherwise take away every exchange its device signed,
//! and deleting a revocation would let a lost phone write again.

use automerge::ReadDoc;
use automerge::transaction::Transactable;
use ledger::{Doubt, Role, Timebank};

use super::counting::{balances, founded, on_device, people, sign_everything};
use super::support::*;

/// Deletes every entry of `trust.<part>` in `copy`'s document (each `trust`
/// map's), as one change.
fn delete_all(copy: &mut Timebank, part: &str) {
    let doc = copy.document_mut();
    let trusts: Vec<automerge::ObjId> = doc
        .get_all(automerge::ROOT, "trust")
        .unwrap()
        .into_iter()
        .map(|(_, trust)| trust)
        .collect();
    for trust in trusts {
        let Some((_, all)) = doc.get(&trust, part).unwrap() else {
            continue;
        };
        let keys: Vec<String> = doc.keys(&all).collect();
        for key in keys {
            doc.delete(&all, key.as_str()).unwrap();
        }
    }
    doc.commit();
    copy.refresh_since(&[]);
}

#[test]
fn certificates_revocations_invitations_and_acceptances_deleted_since_still_count() {
    let mut s = founded();
    let people = people(&s.f);
    // A second coordinator's tablet, certified by the founder's.
    let dan_tablet = Device::new(4);
    let draft =
        s.f.timebank
            .prepare_certificate(dan_tablet.key(), &s.f.cora, Role::Coordinator, NOW)
            .unwrap();
    let signature = s.tablet.sign(&draft.bytes);
    s.f.timebank.add_certificate(draft, signature, NOW).unwrap();
    // It records an hour Ann paid Cat; Ann's phone records half an hour
    // Bob paid her.
    let mut dan = on_device(&mut s.f.timebank, &dan_tablet, 90);
    dan.record(&s.f.cora, help(&s.f.ann, &s.f.cat, 60), NOW)
        .unwrap();
    sign_everything(&mut dan, &dan_tablet);
    s.f.timebank.merge(&mut dan).unwrap();
    let mut ann = on_device(&mut s.f.timebank, &s.ann_phone, 91);
    ann.record(&s.f.ann, help(&s.f.bob, &s.f.ann, 30), NOW)
        .unwrap();
    sign_everything(&mut ann, &s.ann_phone);
    s.f.timebank.merge(&mut ann).unwrap();
    // Bob's phone is lost and revoked; what it writes after (Ann paying
    // Bob) waits, and the coordinator accepts one of two such entries.
    let draft =
        s.f.timebank
            .prepare_revocation(s.bob_phone.key(), "Phone lost", NOW)
            .unwrap();
    let signature = s.tablet.sign(&draft.bytes);
    s.f.timebank.add_revocation(draft, signature, NOW).unwrap();
    let mut bob = on_device(&mut s.f.timebank, &s.bob_phone, 92);
    let late: Vec<_> = [20, 25]
        .map(|minutes| {
            bob.record(&s.f.bob, help(&s.f.ann, &s.f.bob, minutes), NOW)
                .unwrap()
                .id
        })
        .into();
    sign_everything(&mut bob, &s.bob_phone);
    s.f.timebank.merge(&mut bob).unwrap();
    let draft = s.f.timebank.prepare_acceptance(&late[0], NOW).unwrap();
    let signature = s.tablet.sign(&draft.bytes);
    s.f.timebank.add_acceptance(draft, signature, NOW).unwrap();
    // An invitation for Cat, not used yet.
    let invite = ledger::trust::InviteSecret::from_seed([5; 32]);
    let draft =
        s.f.timebank
            .prepare_invitation(invite.key(), &s.f.cat, Role::Member, NOW)
            .unwrap();
    let signature = s.tablet.sign(&draft.bytes);
    s.f.timebank.add_invitation(draft, signature, NOW).unwrap();

    let expected = balances(&s.f.timebank, &people);
    // Ann paid Cat an hour and Bob's phone's accepted 20 minutes, and got
    // half an hour from Bob.
    assert_eq!(expected, [0, -50, -10, 60]);
    let flags = |tb: &Timebank| {
        let mut doubts: Vec<_> = tb.doubted().map(|(id, d)| (id.clone(), d)).collect();
        doubts.sort();
        (doubts, tb.invitations().len(), tb.authority())
    };
    let before = flags(&s.f.timebank);
    assert_eq!(
        s.f.timebank.doubt_about(&late[1]),
        Some(Doubt::AfterRevocation)
    );

    for part in ["certificates", "revocations", "invitations", "acceptances"] {
        let mut attacker = on_device(&mut s.f.timebank, &s.ann_phone, 93);
        delete_all(&mut attacker, part);
        let mut honest = s.f.timebank.fork(entropy(94));
        honest.merge(&mut attacker).unwrap();
        assert_eq!(balances(&honest, &people), expected, "{part} deleted");
        assert_eq!(flags(&honest), before, "{part} deleted");
        let reopened = Timebank::load(&honest.save(), entropy(95)).unwrap();
        assert_eq!(balances(&reopened, &people), expected, "{part}: reopened");
        assert_eq!(flags(&reopened), before, "{part}: reopened");
    }
}

/// Deletes exchange `id` from `copy`'s document, as a modified app would.
fn delete_exchange(copy: &mut Timebank, id: &ledger::ExchangeId) {
    let doc = copy.document_mut();
    let exchanges = doc.get(automerge::ROOT, "exchanges").unwrap().unwrap().1;
    doc.delete(&exchanges, id.as_str()).unwrap();
    doc.commit();
}

/// Bob owed Ann for two exchanges she recorded and he confirmed; his
/// modified app deletes the one her phone signed first. The gap it leaves
/// in her phone's numbers finds it in the history: it counts as written,
/// with Bob's confirmation, on every copy, and coordinators see that it
/// was deleted. A forged exchange deleted the same way stays gone.
#[test]
fn a_signed_exchange_deleted_since_still_counts_and_is_flagged() {
    let mut s = founded();
    let people = people(&s.f);
    let mut ann = on_device(&mut s.f.timebank, &s.ann_phone, 80);
    for minutes in [90, 30] {
        ann.record(&s.f.ann, help(&s.f.bob, &s.f.ann, minutes), NOW)
            .unwrap();
    }
    sign_everything(&mut ann, &s.ann_phone);
    let mut ids: Vec<_> = ann
        .exchanges()
        .map(|e| (e.seal.unwrap().seq, e.id.clone()))
        .collect();
    ids.sort();
    let first = ids[0].1.clone();
    let minutes = ann.exchange(&first).unwrap().minutes;
    let mut bob = on_device(&mut s.f.timebank, &s.bob_phone, 81);
    bob.merge(&mut ann).unwrap();
    for (_, id) in &ids {
        bob.confirm(&s.f.bob, id, "", NOW).unwrap();
    }
    sign_everything(&mut bob, &s.bob_phone);
    assert_eq!(balances(&bob, &people), [0, 120, -120, 0]);
    // Bob's modified app deletes it, and a stranger's forgery it wrote
    // before.
    let stranger = Device::new(9);
    let fake = super::counting::forged(&s.f.cat, &s.f.bob, 600, &s.f.bob, &stranger.key(), 82);
    super::counting::write_raw(&mut bob, &fake, Some(&stranger));
    delete_exchange(&mut bob, &first);
    delete_exchange(&mut bob, &fake.id);
    bob.refresh_since(&[]);
    s.f.timebank.merge(&mut bob).unwrap();
    let reopened = Timebank::load(&s.f.timebank.save(), entropy(84)).unwrap();
    for copy in [&bob, &s.f.timebank, &reopened] {
        assert_eq!(balances(copy, &people), [0, 120, -120, 0]);
        assert_eq!(copy.doubt_about(&first), Some(Doubt::DeletedAfterSigning));
        assert_eq!(copy.exchange(&first).unwrap().minutes, minutes);
        assert_eq!(
            copy.status(&first, NOW),
            Some(ledger::Status::Confirmed),
            "with Bob's confirmation"
        );
        assert!(copy.exchange(&fake.id).is_none(), "the forgery stays gone");
        assert!(copy.sequence_gaps().is_empty());
        assert!(copy.attention(NOW).iter().any(|item| matches!(
            item,
            ledger::AttentionItem::Doubted { exchange, .. } if *exchange == first
        )));
    }
}

/// The exchange deleted is the last Ann's phone signed: no gap shows yet,
/// and her phone, which keeps the last number it gave, never gives that
/// number again, so her next record shows the gap and the deleted exchange
/// is found. (Given again, the number would hide the deletion for good.)
#[test]
fn a_devices_latest_record_deleted_is_found_once_it_signs_again() {
    let mut s = founded();
    let people = people(&s.f);
    let mut ann = on_device(&mut s.f.timebank, &s.ann_phone, 85);
    for minutes in [90, 30] {
        ann.record(&s.f.ann, help(&s.f.bob, &s.f.ann, minutes), NOW)
            .unwrap();
    }
    sign_everything(&mut ann, &s.ann_phone);
    let kept = ann.last_number();
    assert_eq!(kept, 2);
    let last = ann
        .exchanges()
        .find(|e| e.seal.unwrap().seq == 2)
        .unwrap()
        .id
        .clone();
    // (This copy saw it before it was deleted.)
    s.f.timebank.merge(&mut ann).unwrap();
    let mut bob = on_device(&mut s.f.timebank, &s.bob_phone, 86);
    delete_exchange(&mut bob, &last);
    bob.refresh_since(&[]);
    s.f.timebank.merge(&mut bob).unwrap();
    assert!(
        s.f.timebank.exchange(&last).is_none(),
        "nothing shows it yet"
    );
    // Ann's phone opens the timebank again, with the number it kept.
    let mut ann = on_device(&mut s.f.timebank, &s.ann_phone, 87);
    assert_eq!(
        ann.last_number(),
        1,
        "the document alone would give 2 again"
    );
    ann.numbered_to(kept);
    ann.record(&s.f.ann, help(&s.f.cat, &s.f.ann, 15), NOW)
        .unwrap();
    sign_everything(&mut ann, &s.ann_phone);
    assert_eq!(ann.last_number(), 3);
    s.f.timebank.merge(&mut ann).unwrap();
    let reopened = Timebank::load(&s.f.timebank.save(), entropy(88)).unwrap();
    for copy in [&ann, &s.f.timebank, &reopened] {
        assert_eq!(copy.doubt_about(&last), Some(Doubt::DeletedAfterSigning));
        assert_eq!(balances(copy, &people), [0, 135, -120, -15]);
        assert!(copy.sequence_gaps().is_empty());
    }
}
