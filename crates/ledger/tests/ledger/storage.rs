//! Saving and opening: nothing is lost, and bad bytes change nothing.

use ledger::{LoadError, Timebank};

use super::support::{Fixture, NOW, entropy, help, member};

#[test]
fn a_saved_timebank_opens_with_everything_it_had() {
    let mut f = Fixture::new();
    let id = f
        .timebank
        .record(&f.bob, help(&f.ann, &f.bob, 75), NOW)
        .unwrap()
        .id;
    f.timebank.confirm(&f.ann, &id, "", NOW).unwrap();
    let bytes = f.timebank.save();
    let opened = Timebank::load(&bytes, entropy(2)).unwrap();
    assert_eq!(opened.info().name, "Riverside Timebank");
    assert_eq!(opened.members().count(), 4);
    assert_eq!(opened.exchange(&id), f.timebank.exchange(&id));
    assert_eq!(opened.balances(), f.timebank.balances());
    assert_eq!(opened.balance(&member(&f.bob)), 75);
}

#[test]
fn incremental_saves_replay_onto_the_snapshot() {
    let mut f = Fixture::new();
    let snapshot = f.timebank.save();
    f.timebank
        .record(&f.cora, help(&f.ann, &f.bob, 30), NOW)
        .unwrap();
    let chunk = f.timebank.save_incremental();
    let mut copy = Timebank::load(&snapshot, entropy(4)).unwrap();
    copy.apply_changes(&chunk).unwrap();
    assert_eq!(copy.balances(), f.timebank.balances());
}

#[test]
fn unreadable_bytes_are_refused_and_change_nothing() {
    let mut f = Fixture::new();
    f.timebank
        .record(&f.cora, help(&f.ann, &f.bob, 30), NOW)
        .unwrap();
    let before = f.timebank.save();
    let mut damaged = before.clone();
    let middle = damaged.len() / 2;
    damaged[middle] ^= 0xFF;
    for bad in [
        &b"not a timebank"[..],
        &damaged[..],
        &before[..before.len() / 2],
    ] {
        assert!(matches!(
            Timebank::load(bad, entropy(5)),
            Err(LoadError::Unreadable(_))
        ));
        assert!(f.timebank.apply_changes(bad).is_err());
    }
    assert_eq!(f.timebank.save(), before);
}

#[test]
fn an_automerge_document_that_is_not_a_timebank_is_refused() {
    let mut other = automerge::AutoCommit::new();
    let error = Timebank::load(&other.save(), entropy(6)).unwrap_err();
    assert_eq!(error.to_string(), "this file is not a Tally timebank");
}

#[test]
fn a_timebank_from_a_newer_tally_is_refused_plainly() {
    use automerge::transaction::Transactable;
    let mut f = Fixture::new();
    let mut doc = automerge::AutoCommit::load(&f.timebank.save()).unwrap();
    doc.put(automerge::ROOT, "schema_version", 99_u64).unwrap();
    let error = Timebank::load(&doc.save(), entropy(6)).unwrap_err();
    assert!(
        error.to_string().contains("newer version of Tally"),
        "{error}"
    );
}

#[test]
fn a_file_from_the_same_timebank_merges_and_says_what_it_added() {
    let mut f = Fixture::new();
    let mut phone = f.timebank.fork(entropy(61));
    phone
        .record(&f.cora, help(&f.ann, &f.bob, 30), NOW)
        .unwrap();
    phone
        .record(&f.cora, help(&f.bob, &f.cat, 30), NOW)
        .unwrap();
    let file = phone.save();
    let added = f.timebank.apply_changes(&file).unwrap();
    assert_eq!(added.exchanges, 2);
    assert_eq!(added.members, 0);
    // Taking the same file again adds nothing.
    assert_eq!(
        f.timebank.apply_changes(&file).unwrap(),
        ledger::Added::default()
    );
}

#[test]
fn a_file_from_another_timebank_is_refused_and_changes_nothing() {
    let mut f = Fixture::new();
    let (mut stranger, _) = Timebank::create(
        ledger::NewTimebank {
            name: "Hillside".into(),
            unit_label: "hours".into(),
            settings: ledger::Settings::default(),
            founder_key: None,
        },
        ledger::NewMember {
            name: "Hal".into(),
            ..Default::default()
        },
        NOW,
        entropy(77),
    )
    .unwrap();
    let before = f.timebank.save();
    let error = f.timebank.apply_changes(&stranger.save()).unwrap_err();
    assert_eq!(
        error.to_string(),
        "This file holds another timebank (\"Hillside\"); it cannot be added to this one."
    );
    assert_eq!(f.timebank.save(), before);
}

#[test]
fn strings_that_another_automerge_tool_wrote_as_text_are_read() {
    use automerge::transaction::Transactable;
    use automerge::{ObjType, ROOT, ReadDoc};
    // The JavaScript Automerge library stores every string as a text object;
    // a record written that way must read the same as Tally's own.
    let mut f = Fixture::new();
    let id = f
        .timebank
        .record(&f.bob, help(&f.ann, &f.bob, 40), NOW)
        .unwrap()
        .id;
    f.timebank.confirm(&f.ann, &id, "", NOW).unwrap();
    let before = f.timebank.save();
    let doc = f.timebank.document_mut();
    let (_, exchanges) = doc.get(ROOT, "exchanges").unwrap().unwrap();
    let (_, record) = doc.get(&exchanges, id.as_str()).unwrap().unwrap();
    for (key, value) in [
        ("description", "Dog walking"),
        ("kind", "service"),
        ("category", ""),
    ] {
        let text = doc.put_object(&record, key, ObjType::Text).unwrap();
        doc.splice_text(&text, 0, 0, value).unwrap();
    }
    let (_, log) = doc.get(&record, "log").unwrap().unwrap();
    let entry = doc.keys(&log).next().unwrap();
    let (_, event) = doc.get(&log, entry.as_str()).unwrap().unwrap();
    let note = doc.put_object(&event, "note", ObjType::Text).unwrap();
    doc.splice_text(&note, 0, 0, "Thank you").unwrap();
    let edits = f.timebank.save_incremental();
    let opened = Timebank::load(&f.timebank.save(), entropy(3)).unwrap();
    let exchange = opened.exchange(&id).unwrap().clone();
    assert_eq!(exchange.description, "Dog walking");
    assert_eq!(exchange.category, None);
    assert_eq!(exchange.events.len(), 1);
    assert_eq!(exchange.events[0].note, "Thank you");
    assert_eq!(opened.balance(&member(&f.bob)), 40);
    // Opening reads every exchange at once; a change arriving is read
    // record by record: both read the same.
    let mut copy = Timebank::load(&before, entropy(4)).unwrap();
    copy.apply_changes(&edits).unwrap();
    assert_eq!(copy.exchange(&id), Some(&exchange));
}

/// Each session's changes are made under an actor that sorts after every
/// actor the document already holds (so Automerge adds it at the end, with
/// no re-numbering), two copies opened at the same moment do not share one,
/// and everything still reads the same after they merge.
#[test]
fn each_session_writes_under_an_actor_after_every_earlier_one() {
    let mut f = Fixture::new();
    let mut copy = f.timebank.fork(entropy(60));
    copy.record(&f.bob, help(&f.ann, &f.bob, 30), NOW).unwrap();
    f.timebank.merge(&mut copy).unwrap();
    let mut bytes = f.timebank.save();
    for session in 0..4_i64 {
        let now = ledger::Timestamp(NOW.0 + session * 60_000);
        let mut a = Timebank::load(&bytes, entropy(61 + session as u64 * 2)).unwrap();
        let mut b = Timebank::load(&bytes, entropy(62 + session as u64 * 2)).unwrap();
        let before: Vec<automerge::ActorId> = a
            .document_mut()
            .get_changes_meta(&[])
            .into_iter()
            .map(|meta| meta.actor.into_owned())
            .collect();
        for copy in [&mut a, &mut b] {
            copy.take_actor_after_earlier_sessions(now);
            copy.record(&f.bob, help(&f.cat, &f.bob, 15), now).unwrap();
        }
        let (actor_a, actor_b) = (
            a.document_mut().get_actor().clone(),
            b.document_mut().get_actor().clone(),
        );
        assert_ne!(actor_a, actor_b, "two copies opened at once");
        assert!(
            before
                .iter()
                .all(|earlier| *earlier < actor_a && *earlier < actor_b)
        );
        a.merge(&mut b).unwrap();
        assert_eq!(a.exchanges().count(), 3 + 2 * session as usize);
        bytes = a.save();
    }
    let reopened = Timebank::load(&bytes, entropy(80)).unwrap();
    assert_eq!(reopened.exchanges().count(), 9);
}
