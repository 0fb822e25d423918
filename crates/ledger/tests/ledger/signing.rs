//! A device seals what it wrote: records are written at once, the device's
//! signature follows (the app signs asynchronously), and nothing written is
//! ever left unsigned for good or signed twice.

use ed25519_dalek::{Signer, SigningKey};
use ledger::trust::{self, DeviceKey, Signature};
use ledger::{LedgerError, Timebank, ToSign, Unsealed};

use super::support::*;

fn phone(seed: u8) -> SigningKey {
    SigningKey::from_bytes(&[seed; 32])
}

fn key_of(signing: &SigningKey) -> DeviceKey {
    DeviceKey::from_bytes(signing.verifying_key().to_bytes())
}

fn sign_all(signing: &SigningKey, to_sign: Vec<ToSign>) -> Vec<(ToSign, Signature)> {
    to_sign
        .into_iter()
        .map(|item| {
            let signature = Signature::from_bytes(signing.sign(&item.bytes).to_bytes());
            (item, signature)
        })
        .collect()
}

/// Whether every record in `timebank` written by `key`'s device carries a
/// seal that verifies over its canonical bytes.
fn sealed_by(timebank: &Timebank, key: &DeviceKey) -> (usize, usize) {
    let id = timebank.info().id.clone();
    let mut sealed = 0;
    let mut unsealed = 0;
    for exchange in timebank.exchanges() {
        if exchange.device == key.device_id() {
            match exchange.seal {
                Some(seal) => {
                    let bytes = trust::exchange_bytes(&id, exchange, seal.seq);
                    assert!(trust::verify(key, bytes.as_bytes(), &seal.signature));
                    sealed += 1;
                }
                None => unsealed += 1,
            }
        }
        for event in &exchange.events {
            if event.device.as_ref() == Some(&key.device_id()) {
                match event.seal {
                    Some(seal) => {
                        let bytes = trust::event_bytes(
                            &id,
                            &exchange.id,
                            event,
                            &key.device_id(),
                            seal.seq,
                        );
                        assert!(trust::verify(key, bytes.as_bytes(), &seal.signature));
                        sealed += 1;
                    }
                    None => unsealed += 1,
                }
            }
        }
    }
    (sealed, unsealed)
}

#[test]
fn what_a_device_records_is_sealed_and_stays_sealed_after_a_reload() {
    let mut f = Fixture::new();
    let signing = phone(7);
    let key = key_of(&signing);
    f.timebank.use_device_key(key);
    assert_eq!(f.timebank.device(), &key.device_id());
    let recorded = f
        .timebank
        .record(&f.ann, help(&f.bob, &f.ann, 60), NOW)
        .unwrap();
    f.timebank.confirm(&f.bob, &recorded.id, "", NOW).unwrap();

    let to_sign = f.timebank.to_sign();
    assert_eq!(
        to_sign
            .iter()
            .map(|item| (item.record.clone(), item.seq))
            .collect::<Vec<_>>()[0],
        (Unsealed::Exchange(recorded.id.clone()), 1)
    );
    assert_eq!(to_sign.len(), 2, "the exchange and its confirmation");
    assert_eq!(to_sign[1].seq, 2);
    assert_eq!(
        f.timebank.add_signatures(&sign_all(&signing, to_sign), NOW),
        Ok(2)
    );
    assert!(f.timebank.to_sign().is_empty());
    assert_eq!(sealed_by(&f.timebank, &key), (2, 0));

    // The next record continues the numbering.
    f.timebank
        .record(&f.ann, help(&f.cat, &f.ann, 30), NOW)
        .unwrap();
    assert_eq!(f.timebank.to_sign()[0].seq, 3);

    let mut reopened = Timebank::load(&f.timebank.save(), entropy(9)).unwrap();
    assert_eq!(sealed_by(&reopened, &key), (2, 1));
    reopened.use_device_key(key);
    // The next session seals what this one wrote only once it is told the
    // change that wrote it (the app keeps it): the device id alone proves
    // nothing.
    assert!(reopened.to_sign().is_empty());
    assert_eq!(
        f.timebank.changes_to_remember().len(),
        1,
        "the change of the one record waiting for its seal"
    );
    reopened.remember_changes(&f.timebank.changes_to_remember());
    reopened.remember_changes(&["not a change".into(), String::new(), "ab".repeat(16)]);
    assert_eq!(reopened.changes_to_remember().len(), 1);
    let again = reopened.to_sign();
    assert_eq!(again.len(), 1);
    assert_eq!(again[0].seq, 3);
    reopened
        .add_signatures(&sign_all(&signing, again), NOW)
        .unwrap();
    assert_eq!(sealed_by(&reopened, &key), (3, 0));
    // Nothing waits now: nothing is kept.
    assert_eq!(reopened.changes_to_remember(), Vec::<String>::new());
}

#[test]
fn a_signature_that_is_not_this_devices_is_refused_and_changes_nothing() {
    let mut f = Fixture::new();
    let signing = phone(7);
    f.timebank.use_device_key(key_of(&signing));
    f.timebank
        .record(&f.ann, help(&f.bob, &f.ann, 60), NOW)
        .unwrap();
    let heads = f.timebank.heads();
    let by_another = sign_all(&phone(8), f.timebank.to_sign());
    assert_eq!(
        f.timebank.add_signatures(&by_another, NOW),
        Err(LedgerError::BadSignature)
    );
    // Bytes for another number than the one signed.
    let mut renumbered = sign_all(&signing, f.timebank.to_sign());
    renumbered[0].0.seq = 5;
    assert_eq!(
        f.timebank.add_signatures(&renumbered, NOW),
        Err(LedgerError::BadSignature)
    );
    assert_eq!(f.timebank.heads(), heads);
    assert_eq!(f.timebank.to_sign().len(), 1);
}

#[test]
fn a_device_seals_only_its_own_records_and_never_twice() {
    let mut f = Fixture::new();
    // Without a key there is nothing to sign.
    f.timebank
        .record(&f.ann, help(&f.bob, &f.ann, 60), NOW)
        .unwrap();
    assert!(f.timebank.to_sign().is_empty());
    assert_eq!(
        f.timebank.add_signatures(&[], NOW),
        Err(LedgerError::NoDeviceKey)
    );

    let (ann_key, bob_key) = (phone(1), phone(2));
    let mut ann_phone = f.timebank.fork(entropy(21));
    let mut bob_phone = f.timebank.fork(entropy(22));
    ann_phone.use_device_key(key_of(&ann_key));
    bob_phone.use_device_key(key_of(&bob_key));
    ann_phone
        .record(&f.ann, help(&f.cat, &f.ann, 15), NOW)
        .unwrap();
    bob_phone
        .record(&f.bob, help(&f.cat, &f.bob, 20), NOW)
        .unwrap();
    ann_phone.merge(&mut bob_phone).unwrap();
    // Ann's phone sees Bob's unsealed record but does not list it.
    let listed = ann_phone.to_sign();
    assert_eq!(listed.len(), 1);
    let signed = sign_all(&ann_key, listed);
    assert_eq!(ann_phone.add_signatures(&signed, NOW), Ok(1));
    // The same signatures again (a second tab's answer): nothing more.
    let heads = ann_phone.heads();
    assert_eq!(ann_phone.add_signatures(&signed, NOW), Ok(0));
    assert_eq!(ann_phone.heads(), heads);
    assert_eq!(sealed_by(&ann_phone, &key_of(&ann_key)), (1, 0));
    assert_eq!(sealed_by(&ann_phone, &key_of(&bob_key)), (0, 1));
}

#[test]
fn a_record_that_only_names_this_device_is_never_sealed_by_it() {
    use automerge::transaction::Transactable;
    let mut f = Fixture::new();
    let signing = phone(7);
    let key = key_of(&signing);
    f.timebank.use_device_key(key);
    // Another copy (a modified app) writes an exchange naming this device.
    let mut other = f.timebank.fork(entropy(30));
    let forged = other
        .record(&f.cora, help(&f.bob, &f.ann, 600), NOW)
        .unwrap();
    let doc = other.document_mut();
    let (_, exchanges) = automerge::ReadDoc::get(doc, automerge::ROOT, "exchanges")
        .unwrap()
        .unwrap();
    let (_, record) = automerge::ReadDoc::get(doc, &exchanges, forged.id.as_str())
        .unwrap()
        .unwrap();
    doc.put(&record, "device", key.device_id().as_str())
        .unwrap();
    doc.commit();
    f.timebank.merge(&mut other).unwrap();
    assert_eq!(
        f.timebank.exchange(&forged.id).unwrap().device,
        key.device_id()
    );
    assert!(
        f.timebank.to_sign().is_empty(),
        "it must not be signed here"
    );
    assert_eq!(f.timebank.changes_to_remember(), Vec::<String>::new());
}

/// Nor is a record written in a change under this device's own Automerge
/// actor (anyone who has seen its changes can write under it): only a
/// change this device made is its own.
#[test]
fn a_record_written_under_this_devices_actor_is_never_sealed_by_it() {
    let mut f = Fixture::new();
    let signing = phone(7);
    let key = key_of(&signing);
    f.timebank.use_device_key(key);
    f.timebank
        .record(&f.ann, help(&f.bob, &f.ann, 60), NOW)
        .unwrap();
    f.timebank
        .add_signatures(&sign_all(&signing, f.timebank.to_sign()), NOW)
        .unwrap();
    let actor = f.timebank.document_mut().get_actor().clone();
    let mut other = f.timebank.fork(entropy(31));
    other.document_mut().set_actor(actor);
    other.use_device_key(key);
    let forged = other
        .record(&f.ann, help(&f.cora, &f.ann, 600), NOW)
        .unwrap();
    f.timebank.merge(&mut other).unwrap();
    assert_eq!(
        f.timebank.exchange(&forged.id).unwrap().device,
        key.device_id()
    );
    assert!(
        f.timebank.to_sign().is_empty(),
        "it must not be signed here"
    );
}

#[test]
fn a_field_changed_by_another_device_before_sealing_is_not_sealed_as_changed() {
    use automerge::transaction::Transactable;
    let mut f = Fixture::new();
    let signing = phone(7);
    let key = key_of(&signing);
    f.timebank.use_device_key(key);
    let recorded = f
        .timebank
        .record(&f.ann, help(&f.bob, &f.ann, 60), NOW)
        .unwrap();
    let as_written = f.timebank.exchange(&recorded.id).unwrap().clone();
    // Before this device signs, another raises the minutes.
    let mut other = f.timebank.fork(entropy(31));
    let doc = other.document_mut();
    let (_, exchanges) = automerge::ReadDoc::get(doc, automerge::ROOT, "exchanges")
        .unwrap()
        .unwrap();
    let (_, record) = automerge::ReadDoc::get(doc, &exchanges, recorded.id.as_str())
        .unwrap()
        .unwrap();
    doc.put(&record, "minutes", 600_u64).unwrap();
    doc.commit();
    f.timebank.merge(&mut other).unwrap();
    let to_sign = f.timebank.to_sign();
    assert_eq!(to_sign.len(), 1);
    assert_eq!(f.timebank.exchange(&recorded.id).unwrap().minutes, 600);
    let expected = trust::exchange_bytes(&f.timebank.info().id, &as_written, to_sign[0].seq);
    assert_eq!(
        to_sign[0].bytes,
        expected.into_bytes(),
        "the seal covers 60 minutes, not 600"
    );
    f.timebank
        .add_signatures(&sign_all(&signing, to_sign), NOW)
        .unwrap();
    assert!(f.timebank.to_sign().is_empty());
}

#[test]
fn an_exchange_s_page_says_where_its_signature_stands() {
    use ledger::SealState;
    let mut f = Fixture::new();
    let old = f
        .timebank
        .record(&f.cora, help(&f.ann, &f.bob, 30), NOW)
        .unwrap()
        .id;
    let signing = phone(7);
    f.timebank.use_device_key(key_of(&signing));
    let new = f
        .timebank
        .record(&f.cora, help(&f.ann, &f.bob, 45), NOW)
        .unwrap()
        .id;
    assert_eq!(f.timebank.seal_state(&old), Some(SealState::NotSigned));
    assert_eq!(f.timebank.seal_state(&new), Some(SealState::Signing));
    let mut other = f.timebank.fork(entropy(40));
    assert_eq!(other.seal_state(&new), Some(SealState::NotSigned));
    let to_sign = f.timebank.to_sign();
    f.timebank
        .add_signatures(&sign_all(&signing, to_sign), NOW)
        .unwrap();
    assert_eq!(f.timebank.seal_state(&new), Some(SealState::Signed));
    other.merge(&mut f.timebank).unwrap();
    assert_eq!(other.seal_state(&new), Some(SealState::Signed));
}

#[test]
fn a_made_up_number_on_a_forged_seal_does_not_move_this_device_s_numbers() {
    use automerge::ReadDoc;
    let mut f = Fixture::new();
    let signing = phone(7);
    let key = key_of(&signing);
    f.timebank.use_device_key(key);
    for minutes in [10, 20] {
        f.timebank
            .record(&f.ann, help(&f.bob, &f.ann, minutes), NOW)
            .unwrap();
    }
    let to_sign = f.timebank.to_sign();
    f.timebank
        .add_signatures(&sign_all(&signing, to_sign), NOW)
        .unwrap();
    // Another copy writes a record naming this device, "sealed" as number
    // 1000 by another key.
    let mut other = f.timebank.fork(entropy(50));
    let forged = other
        .record(&f.cora, help(&f.bob, &f.ann, 600), NOW)
        .unwrap()
        .id;
    let exchange = other.exchange(&forged).unwrap().clone();
    let signature = phone(9).sign(&[1, 2, 3]);
    let doc = other.document_mut();
    let exchanges = doc.get(automerge::ROOT, "exchanges").unwrap().unwrap().1;
    let record = doc.get(&exchanges, forged.as_str()).unwrap().unwrap().1;
    automerge::transaction::Transactable::put(doc, &record, "device", key.device_id().as_str())
        .unwrap();
    doc.commit();
    ledger::schema::write_exchange_seal(
        other.document_mut(),
        &exchange.id,
        &ledger::Seal {
            seq: 1000,
            signature: Signature::from_bytes(signature.to_bytes()),
        },
    )
    .unwrap();
    other.document_mut().commit();
    f.timebank.merge(&mut other).unwrap();
    f.timebank
        .record(&f.ann, help(&f.cat, &f.ann, 30), NOW)
        .unwrap();
    assert_eq!(f.timebank.to_sign()[0].seq, 3);
}

#[test]
fn what_the_release_before_left_unsealed_is_sealed_after_the_upgrade() {
    // The release before kept the Automerge actors a device wrote with, not
    // the changes: a record it wrote and did not seal before the page
    // closed waits under such an actor.
    let mut f = Fixture::new();
    let signing = phone(7);
    let key = key_of(&signing);
    f.timebank.use_device_key(key);
    let waiting = f
        .timebank
        .record(&f.ann, help(&f.bob, &f.ann, 60), NOW)
        .unwrap()
        .id;
    let kept_then = vec![f.timebank.document_mut().get_actor().to_hex_string()];
    // Another device's record naming this one, under an actor of its own,
    // is never taken as this device's.
    let mut other = f.timebank.fork(entropy(32));
    other.use_device_key(key);
    let forged = other
        .record(&f.ann, help(&f.cora, &f.ann, 600), NOW)
        .unwrap()
        .id;
    f.timebank.merge(&mut other).unwrap();

    let mut upgraded = Timebank::load(&f.timebank.save(), entropy(33)).unwrap();
    upgraded.use_device_key(key);
    assert!(
        upgraded.to_sign().is_empty(),
        "nothing is known as its own yet"
    );
    upgraded.remember_changes(&kept_then);
    let to_sign = upgraded.to_sign();
    assert_eq!(
        to_sign
            .iter()
            .map(|item| item.record.clone())
            .collect::<Vec<_>>(),
        vec![Unsealed::Exchange(waiting.clone())]
    );
    // What the app keeps now is the change, which the next session reads.
    let kept_now = upgraded.changes_to_remember();
    assert_eq!(kept_now.len(), 1);
    assert_ne!(kept_now, kept_then);
    let mut next = Timebank::load(&upgraded.save(), entropy(34)).unwrap();
    next.use_device_key(key);
    next.remember_changes(&kept_now);
    assert_eq!(next.to_sign().len(), 1);
    upgraded
        .add_signatures(&sign_all(&signing, to_sign), NOW)
        .unwrap();
    assert_eq!(upgraded.changes_to_remember(), Vec::<String>::new());
    assert!(upgraded.exchange(&waiting).unwrap().seal.is_some());
    assert!(upgraded.exchange(&forged).unwrap().seal.is_none());
}
