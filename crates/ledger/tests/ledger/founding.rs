//! A founding vouches for what was in the document when it was founded, and
//! for nothing more: the heads it vouches for are signed with it, so no
//! copy of it written later, and no change that writes over it or deletes
//! it, moves them.

use automerge::ReadDoc;
use automerge::transaction::{CommitOptions, Transactable};
use ledger::trust::{self, Certificate};
use ledger::{Doubt, ExchangeId, MemberId, Role, Timebank, schema};

use super::counting::{balances, forged, founded, on_device, people, sign_everything, write_raw};
use super::support::*;

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

/// Commits what a modified app wrote, under the message of a founding (so
/// the ledger reads it as closely as it reads an honest founding).
fn commit_as_founding(doc: &mut automerge::AutoCommit) {
    doc.commit_with(CommitOptions::default().with_message(schema::FOUNDING_MESSAGE));
}

/// `device`'s own founding, acting for `member`, vouching for `heads`.
fn founding_by(
    timebank: &Timebank,
    device: &Device,
    member: &MemberId,
    heads: Vec<String>,
) -> Certificate {
    let id = timebank.info().id.clone();
    let bytes = trust::founding_bytes(&id, &device.key(), member, NOW, 1, &heads);
    Certificate {
        device: device.key(),
        member: member.clone(),
        role: Role::Coordinator,
        issuer: device.key(),
        issued_at: NOW,
        seq: 1,
        founded_on: Some(heads),
        signature: device.sign(bytes.as_bytes()),
    }
}

/// Deletes the certificate `device.issuer` from every trust map.
fn delete_certificate(doc: &mut automerge::AutoCommit, certificate: &Certificate) {
    let (_, trust) = doc.get(automerge::ROOT, "trust").unwrap().unwrap();
    let (_, all) = doc.get(&trust, "certificates").unwrap().unwrap();
    let key = format!(
        "{}.{}",
        certificate.device.device_id(),
        certificate.issuer.device_id()
    );
    doc.delete(&all, key.as_str()).unwrap();
}

/// Mallory's modified app deletes `founding`, then founds the trust again
/// with its own key, for `bob`, vouching for `heads` (the document as it is
/// then, if none).
fn found_again(
    copy: &mut Timebank,
    founding: &Certificate,
    bob: &MemberId,
    heads: Option<Vec<String>>,
) {
    let doc = copy.document_mut();
    delete_certificate(doc, founding);
    doc.commit();
    let heads = heads.unwrap_or_else(|| doc.get_heads().iter().map(ToString::to_string).collect());
    let own = founding_by(copy, &Device::new(9), bob, heads);
    let doc = copy.document_mut();
    schema::write_certificate(doc, &own).unwrap();
    commit_as_founding(doc);
}

/// The ways a modified app can try to move what the founding vouches for,
/// after writing a forgery (100 hours for Ann, unsigned): each is merged
/// into an honest copy, and the attacker's copy is reopened. On both the
/// forgery does not count, the founding stands, and an exchange Ann's
/// certified phone signed after the founding still counts.
#[test]
fn no_later_write_of_the_founding_vouches_for_a_forgery() {
    type Attack = fn(&mut Timebank, &Certificate, &MemberId);
    let attacks: [(&str, Attack); 6] = [
        ("copied again", |copy, founding, _| {
            let doc = copy.document_mut();
            schema::write_certificate(doc, founding).unwrap();
            commit_as_founding(doc);
        }),
        ("written over", |copy, founding, _| {
            let broken = Certificate {
                founded_on: None,
                ..founding.clone()
            };
            let doc = copy.document_mut();
            schema::write_certificate(doc, &broken).unwrap();
            commit_as_founding(doc);
        }),
        ("deleted", |copy, founding, _| {
            let doc = copy.document_mut();
            delete_certificate(doc, founding);
            commit_as_founding(doc);
        }),
        (
            "deleted, then founded again by another key",
            |copy, founding, bob| {
                found_again(copy, founding, bob, None);
            },
        ),
        (
            "deleted, founded again by another key, and put back",
            |copy, founding, bob| {
                found_again(copy, founding, bob, None);
                let doc = copy.document_mut();
                schema::write_certificate(doc, founding).unwrap();
                commit_as_founding(doc);
            },
        ),
        (
            "deleted, and founded again on heads nobody has",
            |copy, founding, bob| {
                found_again(copy, founding, bob, Some(vec!["ab".repeat(32)]));
            },
        ),
    ];
    for (name, attack) in attacks {
        let mut s = founded();
        let mut ann = on_device(&mut s.f.timebank, &s.ann_phone, 40);
        let signed = ann
            .record(&s.f.ann, help(&s.f.cat, &s.f.ann, 30), NOW)
            .unwrap()
            .id;
        sign_everything(&mut ann, &s.ann_phone);
        s.f.timebank.merge(&mut ann).unwrap();
        let [founding] = foundings(&mut s.f.timebank).try_into().unwrap();
        let mut attacker = s.f.timebank.fork(entropy(50));
        let forgery = hundred_hours_for_ann(&s.f, &mut attacker);
        attack(&mut attacker, &founding, &s.f.bob);
        let mut honest = s.f.timebank.fork(entropy(52));
        honest.merge(&mut attacker).unwrap();
        let reopened = Timebank::load(&attacker.save(), entropy(53)).unwrap();
        for (copy, which) in [(&honest, "merged"), (&reopened, "the attacker's, reopened")] {
            assert!(copy.trust_founded(), "{name}, {which}: still founded");
            let standing = copy
                .authority()
                .standing(&s.tablet.key())
                .map(|standing| (standing.member.clone(), standing.role));
            assert_eq!(
                standing,
                Some((s.f.cora.clone(), Role::Coordinator)),
                "{name}, {which}"
            );
            assert_eq!(
                copy.authority().standing(&Device::new(9).key()),
                None,
                "{name}, {which}: no second root"
            );
            assert_eq!(
                copy.doubt_about(&forgery),
                Some(Doubt::NotSigned),
                "{name}, {which}: the forgery is doubted"
            );
            assert_eq!(
                copy.doubt_about(&signed),
                None,
                "{name}, {which}: Ann's signed exchange"
            );
            assert_eq!(
                balances(copy, &people(&s.f)),
                [0, 30, 0, -30],
                "{name}, {which}: only Ann's signed exchange counts"
            );
        }
    }
}

/// A timebank created with its founder's key keeps that pin when a
/// modified app deletes (or writes over) the nonce in the document, and
/// founds the trust with its own key on a copy that never saw the real
/// founding: that root counts for nothing.
#[test]
fn the_pin_on_the_founders_key_cannot_be_written_away() {
    let (tablet, mallory) = (Device::new(1), Device::new(9));
    let (mut timebank, cora) = created_with_key(&tablet);
    for overwrite in [false, true] {
        let mut attacker = timebank.fork(entropy(2));
        let doc = attacker.document_mut();
        let (_, info) = doc.get(automerge::ROOT, "timebank").unwrap().unwrap();
        if overwrite {
            doc.put(&info, "founding_nonce", "chosen by mallory")
                .unwrap();
        } else {
            doc.delete(&info, "founding_nonce").unwrap();
        }
        doc.commit();
        let heads = doc.get_heads().iter().map(ToString::to_string).collect();
        let own = founding_by(&attacker, &mallory, &cora, heads);
        let doc = attacker.document_mut();
        schema::write_certificate(doc, &own).unwrap();
        commit_as_founding(doc);
        let reopened = Timebank::load(&attacker.save(), entropy(3)).unwrap();
        assert!(!reopened.trust_founded(), "overwritten: {overwrite}");
        let mut honest = timebank.fork(entropy(4));
        found(&mut honest, &tablet, &cora);
        honest.merge(&mut attacker).unwrap();
        assert_eq!(honest.authority().standing(&mallory.key()), None);
        assert!(honest.authority().standing(&tablet.key()).is_some());
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
    // (As Tally wrote it then: with the message of a certificate.)
    let doc = f.timebank.document_mut();
    schema::write_root(doc, &tablet.key()).unwrap();
    schema::write_certificate(doc, &old).unwrap();
    doc.commit_with(CommitOptions::default().with_message(schema::CERTIFY_MESSAGE));
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
