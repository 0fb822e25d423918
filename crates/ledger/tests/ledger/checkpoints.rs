//! A coordinator's checkpoint: a device opening a timebank for the first
//! time takes the checkpoint's word for the signatures of what no change
//! after it touched, checks the rest, and counts exactly what a device
//! checking everything counts. A checkpoint nobody may write is not taken.

use automerge::ReadDoc;
use automerge::transaction::Transactable;
use ledger::{CHECKPOINT_EVERY, Doubt, ExchangeId, Seal, Timebank, schema, trust};

use super::checked::{counted, raise_and_forge, with_signed_exchanges};
use super::counting::{Founded, forged, on_device, sign_everything, write_raw};
use super::support::*;

/// `copy`'s device writes its checkpoint, signed by `device`.
fn checkpoint(copy: &mut Timebank, device: &Device) {
    let draft = copy.prepare_checkpoint(NOW).unwrap();
    let signature = device.sign(&draft.bytes);
    copy.add_checkpoint(draft, signature, NOW).unwrap();
}

/// The document's checkpoints, deleted (what a copy that never had one
/// counts).
fn without_checkpoints(bytes: &[u8]) -> Timebank {
    let mut copy = Timebank::load(bytes, entropy(90)).unwrap();
    let doc = copy.document_mut();
    let trust = doc.get(automerge::ROOT, "trust").unwrap().unwrap().1;
    doc.delete(&trust, "checkpoints").unwrap();
    doc.commit();
    Timebank::load(&copy.save(), entropy(91)).unwrap()
}

/// Ann's phone seals exchange `id` with a signature over other bytes (the
/// minutes of someone else's record), as a modified app might.
fn sealed_falsely(s: &mut Founded, seed: u64) -> ExchangeId {
    let mut ann = on_device(&mut s.f.timebank, &s.ann_phone, seed);
    let mut fake = forged(&s.f.bob, &s.f.ann, 600, &s.f.ann, &s.ann_phone.key(), seed);
    fake.confirmer = Some(s.f.bob.clone());
    write_raw(&mut ann, &fake, None);
    let wrong = trust::exchange_bytes(&ann.info().id.clone(), &fake, 2).into_bytes();
    let seal = Seal {
        seq: 1,
        signature: s.ann_phone.sign(&wrong),
    };
    schema::write_exchange_seal(ann.document_mut(), &fake.id, &seal).unwrap();
    ann.document_mut().commit();
    s.f.timebank.merge(&mut ann).unwrap();
    fake.id
}

#[test]
fn a_first_opening_takes_the_checkpoints_word_for_what_it_covers() {
    let (mut s, _) = with_signed_exchanges(12);
    let tablet = Device::new(1);
    checkpoint(&mut s.f.timebank, &tablet);
    // One more exchange after the checkpoint, and a confirmation of it.
    let mut ann = on_device(&mut s.f.timebank, &s.ann_phone, 20);
    let late = ann
        .record(&s.f.ann, help(&s.f.cat, &s.f.ann, 60), NOW)
        .unwrap()
        .id;
    sign_everything(&mut ann, &s.ann_phone);
    s.f.timebank.merge(&mut ann).unwrap();
    let bytes = s.f.timebank.save();

    let first = Timebank::load(&bytes, entropy(21)).unwrap();
    // The 24 signatures under the checkpoint are its word; the new
    // exchange's, the checkpoint's own and the three certificates' are
    // checked.
    assert_eq!(first.signatures_vouched(), 24);
    assert_eq!(first.signatures_checked(), 2 + 3);
    assert_eq!(first.seal_state(&late), Some(ledger::SealState::Verified));
    // Counted exactly as without it, and as the copy that wrote it.
    let checking_all = without_checkpoints(&bytes);
    assert_eq!(checking_all.signatures_vouched(), 0);
    assert_eq!(counted(&first), counted(&checking_all));
    assert_eq!(counted(&first), counted(&s.f.timebank));
}

#[test]
fn what_changed_after_the_checkpoint_is_checked_and_caught() {
    let (mut s, ids) = with_signed_exchanges(3);
    let tablet = Device::new(1);
    checkpoint(&mut s.f.timebank, &tablet);
    // Then Ann's modified app turns 10 minutes into 24 hours, writes a
    // stranger's forgery and seals an exchange falsely.
    let fake = raise_and_forge(&mut s, &ids[0], 30);
    let false_seal = sealed_falsely(&mut s, 32);
    let bytes = s.f.timebank.save();

    let first = Timebank::load(&bytes, entropy(33)).unwrap();
    assert_eq!(first.doubt_about(&ids[0]), Some(Doubt::ChangedAfterSigning));
    assert_eq!(first.exchange(&ids[0]).unwrap().minutes, 10);
    assert_eq!(first.doubt_about(&fake.id), Some(Doubt::UnknownDevice));
    assert_eq!(
        first.doubt_about(&false_seal),
        Some(Doubt::SignatureDoesNotMatch)
    );
    assert_eq!(
        first.signatures_vouched(),
        4,
        "the two untouched exchanges and their confirmations"
    );
    assert_eq!(counted(&first), counted(&without_checkpoints(&bytes)));
    assert_eq!(counted(&first), counted(&s.f.timebank));
}

#[test]
fn a_checkpoint_names_what_it_does_not_vouch_for() {
    let (mut s, _) = with_signed_exchanges(2);
    let false_seal = sealed_falsely(&mut s, 40);
    let tablet = Device::new(1);
    let draft = s.f.timebank.prepare_checkpoint(NOW).unwrap();
    assert_eq!(draft.unvouched, vec![false_seal.clone()]);
    let signature = tablet.sign(&draft.bytes);
    s.f.timebank.add_checkpoint(draft, signature, NOW).unwrap();
    let bytes = s.f.timebank.save();

    let first = Timebank::load(&bytes, entropy(41)).unwrap();
    assert_eq!(
        first.doubt_about(&false_seal),
        Some(Doubt::SignatureDoesNotMatch)
    );
    assert_eq!(first.signatures_vouched(), 4);
    assert_eq!(counted(&first), counted(&without_checkpoints(&bytes)));
}

/// A checkpoint that vouches for the falsely sealed exchange, written into
/// the document by `write` (raw, around the ledger's checks).
/// Gives the timebank opened afresh, and the copy it arrived at by merge.
fn with_a_lying_checkpoint(
    write: impl FnOnce(&mut Founded, &mut Timebank),
) -> (Timebank, Timebank, ExchangeId) {
    let (mut s, _) = with_signed_exchanges(2);
    let false_seal = sealed_falsely(&mut s, 50);
    let mut copy = s.f.timebank.fork(entropy(51));
    copy.use_device_key(s.tablet.key());
    write(&mut s, &mut copy);
    s.f.timebank.merge(&mut copy).unwrap();
    let opened = Timebank::load(&s.f.timebank.save(), entropy(52)).unwrap();
    (opened, s.f.timebank, false_seal)
}

/// Signs and writes a checkpoint of `copy` at its heads, vouching for
/// everything, by `device`.
fn write_vouching_for_all(copy: &mut Timebank, device: &Device, heads: Vec<String>) {
    let id = copy.info().id.clone();
    let bytes = trust::checkpoint_bytes(&id, &heads, &[], &device.key(), NOW);
    let checkpoint = trust::Checkpoint {
        heads,
        unvouched: Vec::new(),
        by: device.key(),
        at: NOW,
        signature: device.sign(bytes.as_bytes()),
    };
    schema::write_checkpoint(copy.document_mut(), &checkpoint).unwrap();
    copy.document_mut().commit();
}

fn heads_of(copy: &mut Timebank) -> Vec<String> {
    copy.document_mut()
        .get_heads()
        .iter()
        .map(ToString::to_string)
        .collect()
}

#[test]
fn a_checkpoint_nobody_may_write_is_not_taken() {
    type Write = Box<dyn FnOnce(&mut Founded, &mut Timebank)>;
    let cases: Vec<(&str, Write)> = vec![
        (
            "by a member's phone",
            Box::new(|s, copy| {
                let heads = heads_of(copy);
                write_vouching_for_all(copy, &s.ann_phone, heads);
            }),
        ),
        (
            "by a device nobody certified",
            Box::new(|_, copy| {
                let heads = heads_of(copy);
                write_vouching_for_all(copy, &Device::new(9), heads);
            }),
        ),
        (
            "the coordinator's, with the exchange it named taken out",
            Box::new(|s, copy| {
                checkpoint(copy, &s.tablet);
                let doc = copy.document_mut();
                let trust = doc.get(automerge::ROOT, "trust").unwrap().unwrap().1;
                let all = doc.get(&trust, "checkpoints").unwrap().unwrap().1;
                let mine = s.tablet.key().device_id();
                let obj = doc.get(&all, mine.as_str()).unwrap().unwrap().1;
                doc.put(&obj, "unvouched", "").unwrap();
                doc.commit();
            }),
        ),
        (
            "at heads this document does not have",
            Box::new(|s, copy| {
                write_vouching_for_all(copy, &s.tablet, vec!["ab".repeat(32)]);
            }),
        ),
    ];
    for (what, write) in cases {
        let (first, merged, false_seal) = with_a_lying_checkpoint(write);
        assert_eq!(
            first.doubt_about(&false_seal),
            Some(Doubt::SignatureDoesNotMatch),
            "{what}"
        );
        assert_eq!(first.signatures_vouched(), 0, "{what}");
        assert_eq!(counted(&first), counted(&merged), "{what}");
    }
}

/// The coordinator's tablet itself vouching for the false seal: its word
/// is taken, on every copy alike (a coordinator's power, as with what it
/// records for members itself).
#[test]
fn every_copy_takes_the_same_checkpoint_alike() {
    let (first, merged, false_seal) = with_a_lying_checkpoint(|s, copy| {
        let heads = heads_of(copy);
        write_vouching_for_all(copy, &s.tablet, heads);
    });
    assert_eq!(first.doubt_about(&false_seal), None);
    assert_eq!(merged.doubt_about(&false_seal), None);
    assert_eq!(first.signatures_vouched(), 5);
    assert_eq!(counted(&first), counted(&merged));
}

#[test]
fn a_checkpoint_is_due_on_a_coordinators_device_every_thousand_exchanges() {
    let (mut s, _) = with_signed_exchanges(1);
    assert!(!s.f.timebank.checkpoint_due(), "two exchanges");
    let tablet = Device::new(1);
    for k in 0..CHECKPOINT_EVERY {
        let minutes = 10 + (k % 50) as u32;
        s.f.timebank
            .record(&s.f.cora, help(&s.f.bob, &s.f.ann, minutes), NOW)
            .unwrap();
    }
    sign_everything(&mut s.f.timebank, &tablet);
    assert!(s.f.timebank.checkpoint_due());
    let ann = on_device(&mut s.f.timebank, &s.ann_phone, 60);
    assert!(!ann.checkpoint_due(), "a member's phone never writes one");
    checkpoint(&mut s.f.timebank, &tablet);
    assert!(!s.f.timebank.checkpoint_due());
    let opened = Timebank::load(&s.f.timebank.save(), entropy(61)).unwrap();
    assert_eq!(opened.signatures_vouched(), CHECKPOINT_EVERY + 2);
}
