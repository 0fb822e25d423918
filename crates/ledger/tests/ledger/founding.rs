//! A founding vouches for what was in the document when it was founded, and
//! for nothing more: the heads it vouches for are signed with it, so no
//! copy of it written later, and no change that writes over it or deletes
//! it, moves them.

use automerge::ReadDoc;
use automerge::transaction::Transactable;
use ledger::trust::{self, Certificate};
use ledger::{Doubt, ExchangeId, Role, Timebank, schema};

use super::counting::{balances, forged, people, write_raw};
use super::support::*;

/// Founds `f`'s trust on Cora's tablet, and returns the tablet.
fn found_on_tablet(f: &mut Fixture) -> Device {
    let tablet = Device::new(1);
    f.timebank.use_device_key(tablet.key());
    let draft = f.timebank.prepare_founding(&f.cora, NOW).unwrap();
    let signature = tablet.sign(&draft.bytes);
    f.timebank.add_certificate(draft, signature, NOW).unwrap();
    tablet
}

/// The founding certificates the document shows now.
fn foundings(timebank: &mut Timebank) -> Vec<Certificate> {
    schema::read_certificates(timebank.document_mut())
        .into_iter()
        .filter(Certificate::is_founding)
        .collect()
}

/// Ann's modified app: 100 hours from Bob to Ann, not signed, written
/// straight into a copy of the timebank.
fn hundred_hours_for_ann(f: &Fixture, attacker: &mut Timebank) -> ExchangeId {
    let late = forged(&f.bob, &f.ann, 6_000, &f.ann, &Device::new(2).key(), 51);
    write_raw(attacker, &late, None);
    late.id
}

/// Three ways a modified app can try to move what the founding vouches for
/// after writing a forgery: write the founding again (a copy, as it is), a
/// certificate over it that cannot be read, or delete it. Each is merged
/// into an honest copy: the forgery does not count, and is shown.
#[test]
fn no_later_write_of_the_founding_vouches_for_a_forgery() {
    type Attack = fn(&mut automerge::AutoCommit, &Certificate);
    let attacks: [(&str, Attack); 3] = [
        ("copied again", |doc, founding| {
            schema::write_certificate(doc, founding).unwrap();
        }),
        ("written over", |doc, founding| {
            let broken = Certificate {
                founded_on: None,
                ..founding.clone()
            };
            schema::write_certificate(doc, &broken).unwrap();
        }),
        ("deleted", |doc, founding| {
            let (_, trust) = doc.get(automerge::ROOT, "trust").unwrap().unwrap();
            let (_, all) = doc.get(&trust, "certificates").unwrap().unwrap();
            let key = format!(
                "{}.{}",
                founding.device.device_id(),
                founding.device.device_id()
            );
            doc.delete(&all, key.as_str()).unwrap();
        }),
    ];
    for (name, attack) in attacks {
        let mut f = Fixture::new();
        let before = f
            .timebank
            .record(&f.cora, help(&f.bob, &f.ann, 45), NOW)
            .unwrap()
            .id;
        found_on_tablet(&mut f);
        let [founding] = foundings(&mut f.timebank).try_into().unwrap();
        let mut attacker = f.timebank.fork(entropy(50));
        let forgery = hundred_hours_for_ann(&f, &mut attacker);
        let doc = attacker.document_mut();
        attack(doc, &founding);
        doc.commit();
        let mut honest = f.timebank.fork(entropy(52));
        honest.merge(&mut attacker).unwrap();
        let reopened = Timebank::load(&attacker.save(), entropy(53)).unwrap();
        for (copy, which) in [(&honest, "merged"), (&reopened, "the attacker's, reopened")] {
            assert!(copy.trust_founded(), "{name}, {which}: still founded");
            assert_eq!(
                copy.doubt_about(&forgery),
                Some(Doubt::NotSigned),
                "{name}, {which}: the forgery is doubted"
            );
            assert_eq!(copy.doubt_about(&before), None, "{name}, {which}");
            assert_eq!(
                balances(copy, &people(&f)),
                [0, 45, -45, 0],
                "{name}, {which}: only the exchange from before counts"
            );
        }
    }
}

/// A timebank founded before foundings signed their heads: the founding
/// still counts, read as it was read then, until its own device signs the
/// heads of that founding (and only that device can). From then on a copy
/// of the old certificate, written over the new one, vouches for nothing
/// more.
#[test]
fn a_founding_from_before_heads_were_signed_is_signed_again_by_its_device() {
    let mut f = Fixture::new();
    let before = f
        .timebank
        .record(&f.cora, help(&f.bob, &f.ann, 45), NOW)
        .unwrap()
        .id;
    let tablet = Device::new(1);
    let id = f.timebank.info().id.clone();
    let old = Certificate {
        device: tablet.key(),
        member: f.cora.clone(),
        role: Role::Coordinator,
        issuer: tablet.key(),
        issued_at: NOW,
        seq: 1,
        founded_on: None,
        signature: tablet.sign(
            trust::certificate_bytes(
                &id,
                &tablet.key(),
                &f.cora,
                Role::Coordinator,
                &tablet.key(),
                NOW,
                1,
            )
            .as_bytes(),
        ),
    };
    let doc = f.timebank.document_mut();
    schema::write_root(doc, &tablet.key()).unwrap();
    schema::write_certificate(doc, &old).unwrap();
    doc.commit();
    let founded_in = doc.get_heads();
    let mut timebank = Timebank::load(&f.timebank.save(), entropy(60)).unwrap();
    assert!(timebank.trust_founded());
    assert_eq!(timebank.doubt_about(&before), None);

    // Another device cannot sign it; the founding device can, once.
    timebank.use_device_key(Device::new(5).key());
    assert!(!timebank.founding_unsigned());
    assert!(timebank.prepare_founding_again(NOW).is_err());
    timebank.use_device_key(tablet.key());
    assert!(timebank.founding_unsigned());
    assert_eq!(
        timebank.prepare_founding(&f.cora, NOW).err(),
        Some(ledger::LedgerError::TrustAlreadyFounded)
    );
    let draft = timebank.prepare_founding_again(NOW).unwrap();
    let heads: Vec<String> = founded_in.iter().map(ToString::to_string).collect();
    assert_eq!(draft.founded_on, Some(heads), "the heads of that founding");
    let signature = tablet.sign(&draft.bytes);
    timebank.add_certificate(draft, signature, NOW).unwrap();
    assert!(!timebank.founding_unsigned());
    assert_eq!(
        timebank.prepare_founding_again(NOW).err(),
        Some(ledger::LedgerError::TrustAlreadyFounded)
    );

    let mut attacker = timebank.fork(entropy(61));
    let forgery = hundred_hours_for_ann(&f, &mut attacker);
    let doc = attacker.document_mut();
    schema::write_certificate(doc, &old).unwrap();
    doc.commit();
    timebank.merge(&mut attacker).unwrap();
    let reopened = Timebank::load(&timebank.save(), entropy(62)).unwrap();
    for copy in [&timebank, &reopened] {
        assert_eq!(copy.doubt_about(&forgery), Some(Doubt::NotSigned));
        assert_eq!(copy.doubt_about(&before), None);
        assert_eq!(balances(copy, &people(&f)), [0, 45, -45, 0]);
    }
}

/// What the founding vouches for is the document as it was when the
/// founding was prepared: an exchange that arrives (by sync) while the
/// founding device signs is judged by its own signature.
#[test]
fn a_founding_vouches_for_the_document_it_was_prepared_on() {
    let mut f = Fixture::new();
    let mut phone = f.timebank.fork(entropy(70));
    let tablet = Device::new(1);
    f.timebank.use_device_key(tablet.key());
    let draft = f.timebank.prepare_founding(&f.cora, NOW).unwrap();
    let arriving = phone
        .record(&f.ann, help(&f.bob, &f.ann, 30), NOW)
        .unwrap()
        .id;
    f.timebank.merge(&mut phone).unwrap();
    let signature = tablet.sign(&draft.bytes);
    f.timebank.add_certificate(draft, signature, NOW).unwrap();
    assert_eq!(f.timebank.doubt_about(&arriving), Some(Doubt::NotSigned));
    assert_eq!(balances(&f.timebank, &people(&f)), [0, 0, 0, 0]);
}
