//! Once a timebank's trust is founded, an attention item is resolved only
//! by a resolution a coordinator's device signed: a modified app cannot
//! hide an item (its own forgery's, say) by writing the item's key.

use ledger::trust::{DeviceKey, resolution_bytes};
use ledger::{AttentionItem, Doubt, LedgerError, MemberId, Resolution, Seal, Timebank, schema};

use super::counting::{Founded, forged, founded, write_raw};
use super::support::*;

/// A founded timebank with one forgery in it, shown to coordinators: the
/// timebank, the forgery's item key.
fn with_a_forgery() -> (Founded, String) {
    let mut s = founded();
    let mut attacker = s.f.timebank.fork(entropy(80));
    let forgery = forged(&s.f.bob, &s.f.ann, 6_000, &s.f.ann, &s.ann_phone.key(), 81);
    write_raw(&mut attacker, &forgery, None);
    s.f.timebank.merge(&mut attacker).unwrap();
    let key = s
        .f
        .timebank
        .attention(NOW)
        .iter()
        .find(|item| {
            matches!(item, AttentionItem::Doubted { exchange, doubt: Doubt::NotSigned } if *exchange == forgery.id)
        })
        .map(AttentionItem::key)
        .expect("the forgery is shown");
    (s, key)
}

/// A resolution of `key` naming coordinator `by`, as a modified app writes
/// it: signed by `signer` (over the resolution's own bytes, as `device`)
/// if given.
fn written_raw(
    copy: &mut Timebank,
    key: &str,
    by: &MemberId,
    signer: Option<(&Device, DeviceKey)>,
) {
    let timebank = copy.info().id.clone();
    let (device, seal) = match signer {
        Some((signer, device)) => {
            let bytes = resolution_bytes(&timebank, key, by, &device, NOW, "", 1);
            let seal = Seal {
                seq: 1,
                signature: signer.sign(bytes.as_bytes()),
            };
            (Some(device), Some(seal))
        }
        None => (None, None),
    };
    let resolution = Resolution {
        item_key: key.to_string(),
        by: by.clone(),
        at: NOW,
        note: String::new(),
        device,
        seal,
    };
    let doc = copy.document_mut();
    schema::write_resolution(doc, &resolution).unwrap();
    // (With the message the ledger reads resolutions by.)
    doc.commit_with(
        automerge::transaction::CommitOptions::default().with_message(schema::RESOLUTION_MESSAGE),
    );
}

/// A timebank whose trust is not founded, with Bob's record of help to
/// Ann disputed by Ann: the dispute's item key.
fn with_a_dispute() -> (Fixture, String) {
    let mut f = Fixture::new();
    let id = f
        .timebank
        .record(&f.bob, help(&f.ann, &f.bob, 60), NOW)
        .unwrap()
        .id;
    f.timebank.reject(&f.ann, &id, "Not me", NOW).unwrap();
    let key = f.timebank.attention(NOW)[0].key();
    (f, key)
}

fn shown(timebank: &Timebank, key: &str) -> bool {
    timebank.attention(NOW).iter().any(|item| item.key() == key)
}

#[test]
fn only_a_coordinator_device_s_signed_resolution_hides_an_item() {
    let (mut s, key) = with_a_forgery();
    let cora = s.f.cora.clone();
    let bob = s.f.bob.clone();
    let stranger = Device::new(40);
    type Attack<'a> = (&'a str, &'a MemberId, Option<(&'a Device, DeviceKey)>);
    let attacks: [Attack; 5] = [
        ("not signed", &cora, None),
        (
            "signed by a stranger's key",
            &cora,
            Some((&stranger, stranger.key())),
        ),
        (
            "signed by a member's phone, naming the coordinator",
            &cora,
            Some((&s.bob_phone, s.bob_phone.key())),
        ),
        (
            "signed by a member's phone, as that member",
            &bob,
            Some((&s.bob_phone, s.bob_phone.key())),
        ),
        (
            "naming the coordinator's tablet, signed by another key",
            &cora,
            Some((&s.bob_phone, s.tablet.key())),
        ),
    ];
    for (name, by, signer) in attacks {
        let mut attacker = s.f.timebank.fork(entropy(82));
        written_raw(&mut attacker, &key, by, signer);
        let mut honest = s.f.timebank.fork(entropy(83));
        honest.merge(&mut attacker).unwrap();
        let reopened = Timebank::load(&attacker.save(), entropy(84)).unwrap();
        assert!(shown(&honest, &key), "{name}: still shown after a merge");
        assert!(shown(&reopened, &key), "{name}: still shown when reopened");
    }

    // A coordinator's device may not resolve without signing, once the
    // trust is founded; signed, the item is resolved on every copy.
    assert_eq!(
        s.f.timebank.resolve(&cora, &key, "Seen", NOW).unwrap_err(),
        LedgerError::NotCoordinatorDevice
    );
    let mut other = s.f.timebank.fork(entropy(85));
    let draft =
        s.f.timebank
            .prepare_resolution(&cora, &key, "Bob's modified app; spoke to him", NOW)
            .unwrap();
    let signature = s.tablet.sign(&draft.bytes);
    s.f.timebank.add_resolution(draft, signature, NOW).unwrap();
    assert!(!shown(&s.f.timebank, &key));
    other.merge(&mut s.f.timebank).unwrap();
    assert!(!shown(&other, &key));
    let reopened = Timebank::load(&s.f.timebank.save(), entropy(86)).unwrap();
    assert!(!shown(&reopened, &key));
    assert_eq!(reopened.sequence_gaps(), Vec::new(), "numbers run on");
}

#[test]
fn a_member_s_device_cannot_resolve_and_a_wrong_signature_is_refused() {
    let (mut s, key) = with_a_forgery();
    let mut bob = s.f.timebank.fork(entropy(90));
    bob.use_device_key(s.bob_phone.key());
    assert_eq!(
        bob.prepare_resolution(&s.f.cora, &key, "", NOW)
            .unwrap_err(),
        LedgerError::NotCoordinatorDevice
    );
    let draft =
        s.f.timebank
            .prepare_resolution(&s.f.cora, &key, "", NOW)
            .unwrap();
    let wrong = s.bob_phone.sign(&draft.bytes);
    assert_eq!(
        s.f.timebank.add_resolution(draft, wrong, NOW).unwrap_err(),
        LedgerError::BadSignature
    );
    assert!(shown(&s.f.timebank, &key));
}

/// Resolutions written before the trust was founded were not signed: the
/// founding vouches for them, and they stay resolved.
#[test]
fn resolutions_from_before_the_founding_still_count() {
    let (mut f, key) = with_a_dispute();
    f.timebank.resolve(&f.cora, &key, "Settled", NOW).unwrap();
    let tablet = Device::new(1);
    found(&mut f.timebank, &tablet, &f.cora);
    assert!(
        f.timebank
            .attention(NOW)
            .iter()
            .all(|item| item.key() != key)
    );
    let reopened = Timebank::load(&f.timebank.save(), entropy(91)).unwrap();
    assert!(reopened.attention(NOW).iter().all(|item| item.key() != key));
}

/// A signed resolution written over or deleted since still counts (it is
/// read from the history), leaves no gap in its device's numbers, and the
/// device's next number follows it.
#[test]
fn a_signed_resolution_deleted_since_still_counts() {
    let (mut s, key) = with_a_forgery();
    let draft =
        s.f.timebank
            .prepare_resolution(&s.f.cora, &key, "Seen", NOW)
            .unwrap();
    let signature = s.tablet.sign(&draft.bytes);
    s.f.timebank.add_resolution(draft, signature, NOW).unwrap();
    let mut attacker = s.f.timebank.fork(entropy(95));
    let doc = attacker.document_mut();
    let (_, all) = automerge::ReadDoc::get(doc, automerge::ROOT, "resolutions")
        .unwrap()
        .unwrap();
    automerge::transaction::Transactable::delete(doc, &all, key.as_str()).unwrap();
    doc.commit();
    s.f.timebank.merge(&mut attacker).unwrap();
    s.f.timebank
        .record(&s.f.cora, help(&s.f.ann, &s.f.cora, 30), NOW)
        .unwrap();
    super::counting::sign_everything(&mut s.f.timebank, &s.tablet);
    let reopened = Timebank::load(&s.f.timebank.save(), entropy(96)).unwrap();
    for copy in [&s.f.timebank, &reopened] {
        assert!(!shown(copy, &key));
        assert_eq!(copy.sequence_gaps(), Vec::new());
    }
}

/// A resolution signed before the trust is founded takes a number in its
/// device's run: the founding that follows takes the next one.
#[test]
fn a_resolution_before_the_founding_takes_its_device_s_next_number() {
    let (mut f, key) = with_a_dispute();
    let tablet = Device::new(1);
    f.timebank.use_device_key(tablet.key());
    let draft = f
        .timebank
        .prepare_resolution(&f.cora, &key, "", NOW)
        .unwrap();
    let first = draft.seq;
    let signature = tablet.sign(&draft.bytes);
    f.timebank.add_resolution(draft, signature, NOW).unwrap();
    let founding = f.timebank.prepare_founding(&f.cora, NOW).unwrap();
    assert_eq!(founding.seq, first + 1);
}

/// A coordinator demoted (by a decision) no longer resolves items, though
/// their phone's certificate still says coordinator.
#[test]
fn a_demoted_coordinator_s_resolution_does_not_count() {
    let (mut s, key) = with_a_forgery();
    let bob = s.f.bob.clone();
    s.f.timebank
        .set_role(&s.f.cora, &bob, ledger::Role::Coordinator, NOW)
        .unwrap();
    let draft =
        s.f.timebank
            .prepare_certificate(s.bob_phone.key(), &bob, ledger::Role::Coordinator, NOW)
            .unwrap();
    let signature = s.tablet.sign(&draft.bytes);
    s.f.timebank.add_certificate(draft, signature, NOW).unwrap();
    s.f.timebank
        .set_role(&s.f.cora, &bob, ledger::Role::Member, NOW)
        .unwrap();
    super::counting::sign_everything(&mut s.f.timebank, &s.tablet);
    let mut bobs = s.f.timebank.fork(entropy(97));
    written_raw(
        &mut bobs,
        &key,
        &bob,
        Some((&s.bob_phone, s.bob_phone.key())),
    );
    s.f.timebank.merge(&mut bobs).unwrap();
    assert!(shown(&s.f.timebank, &key));
}
