//! A timebank opened again checks only the signatures it has not checked
//! before, and counts exactly what it would count checking them all: the
//! signatures kept between openings save time and decide nothing.

use automerge::ReadDoc;
use automerge::transaction::Transactable;
use ledger::{Doubt, Exchange, ExchangeId, MemberStatus, NewMember, Timebank};

use super::counting::{
    Founded, balances, forged, founded, on_device, people, sign_everything, write_raw,
};
use super::support::*;

/// Everything a person or a coordinator sees of what counts.
pub(super) fn counted(timebank: &Timebank) -> String {
    let doubts: Vec<_> = timebank.doubted().collect();
    let events: Vec<_> = timebank.doubted_events().collect();
    format!(
        "{:?} {:?} {:?} {:?}",
        timebank.balances(),
        doubts,
        events,
        timebank.sequence_gaps()
    )
}

/// A founded timebank where Ann's phone recorded and signed `count`
/// exchanges with Bob, who confirmed each on his phone.
pub(super) fn with_signed_exchanges(count: u32) -> (super::counting::Founded, Vec<ExchangeId>) {
    let mut s = founded();
    let mut ann = on_device(&mut s.f.timebank, &s.ann_phone, 40);
    let mut ids = Vec::new();
    for k in 0..count {
        let id = ann
            .record(&s.f.ann, help(&s.f.bob, &s.f.ann, 10 + k), NOW)
            .unwrap()
            .id;
        ids.push(id);
    }
    sign_everything(&mut ann, &s.ann_phone);
    let mut bob = on_device(&mut s.f.timebank, &s.bob_phone, 41);
    bob.merge(&mut ann).unwrap();
    for id in &ids {
        bob.confirm(&s.f.bob, id, "", NOW).unwrap();
    }
    sign_everything(&mut bob, &s.bob_phone);
    s.f.timebank.merge(&mut ann).unwrap();
    s.f.timebank.merge(&mut bob).unwrap();
    (s, ids)
}

#[test]
fn a_timebank_opened_again_checks_only_the_signatures_that_are_new() {
    let (mut s, _) = with_signed_exchanges(12);
    let bytes = s.f.timebank.save();
    // The first opening checks every exchange and every confirmation (and
    // the three certificates: the founding, Ann's phone's and Bob's).
    let first = Timebank::load(&bytes, entropy(50)).unwrap();
    assert_eq!(first.signatures_checked(), 24 + 3);
    let kept = first.checked_signatures();

    // Opened again with what it kept: nothing to check, the same count.
    let again = Timebank::load_remembering(&bytes, entropy(51), &kept).unwrap();
    assert_eq!(again.signatures_checked(), 0);
    assert_eq!(counted(&again), counted(&first));
    assert_eq!(balances(&again, &people(&s.f)), [0, 186, -186, 0]);

    // One more exchange arrives: only its signature is checked.
    let mut ann = on_device(&mut s.f.timebank, &s.ann_phone, 52);
    ann.record(&s.f.ann, help(&s.f.cat, &s.f.ann, 60), NOW)
        .unwrap();
    sign_everything(&mut ann, &s.ann_phone);
    s.f.timebank.merge(&mut ann).unwrap();
    let bytes = s.f.timebank.save();
    let later = Timebank::load_remembering(&bytes, entropy(53), &kept).unwrap();
    assert_eq!(later.signatures_checked(), 1);
    assert_eq!(counted(&later), counted(&s.f.timebank));
    // What it keeps now covers the new one too, and only what is still
    // there: twelve exchanges, twelve confirmations and the new exchange.
    let kept_now = later.checked_signatures();
    assert_eq!(kept_now.len(), kept.len() + 8);
    let last = Timebank::load_remembering(&bytes, entropy(54), &kept_now).unwrap();
    assert_eq!(last.signatures_checked(), 0);
}

/// Ann's modified app turns exchange `id`'s 10 minutes into 24 hours, and
/// writes a stranger's forgery ("Cat paid Ann 10 hours"), which it gives;
/// both reach the main copy.
pub(super) fn raise_and_forge(s: &mut Founded, id: &ExchangeId, seed: u64) -> Exchange {
    let mut ann = on_device(&mut s.f.timebank, &s.ann_phone, seed);
    let doc = ann.document_mut();
    let exchanges = doc.get(automerge::ROOT, "exchanges").unwrap().unwrap().1;
    let obj = doc.get(&exchanges, id.as_str()).unwrap().unwrap().1;
    doc.put(&obj, "minutes", 1440_u64).unwrap();
    doc.commit();
    let stranger = Device::new(9);
    let fake = forged(&s.f.cat, &s.f.ann, 600, &s.f.ann, &stranger.key(), seed + 1);
    write_raw(&mut ann, &fake, Some(&stranger));
    s.f.timebank.merge(&mut ann).unwrap();
    fake
}

#[test]
fn an_exchange_changed_after_signing_is_caught_whatever_was_kept_before() {
    let (mut s, ids) = with_signed_exchanges(3);
    let kept = Timebank::load(&s.f.timebank.save(), entropy(60))
        .unwrap()
        .checked_signatures();
    let fake = raise_and_forge(&mut s, &ids[0], 61);
    let bytes = s.f.timebank.save();

    let fresh = Timebank::load(&bytes, entropy(63)).unwrap();
    let remembering = Timebank::load_remembering(&bytes, entropy(64), &kept).unwrap();
    assert_eq!(
        remembering.doubt_about(&ids[0]),
        Some(Doubt::ChangedAfterSigning)
    );
    assert_eq!(remembering.exchange(&ids[0]).unwrap().minutes, 10);
    assert_eq!(
        remembering.doubt_about(&fake.id),
        Some(Doubt::UnknownDevice)
    );
    assert_eq!(counted(&remembering), counted(&fresh));
    assert_eq!(balances(&remembering, &people(&s.f)), [0, 33, -33, 0]);
}

#[test]
fn what_was_kept_damaged_or_from_another_timebank_changes_nothing() {
    let (mut s, _) = with_signed_exchanges(4);
    let bytes = s.f.timebank.save();
    let fresh = Timebank::load(&bytes, entropy(70)).unwrap();
    let kept = fresh.checked_signatures();
    // Another timebank, its coordinator's tablet recording two exchanges.
    let tablet = Device::new(8);
    let (mut other, coordinator) = created_with_key(&tablet);
    found(&mut other, &tablet, &coordinator);
    let new = NewMember {
        name: "Ann".into(),
        ..NewMember::default()
    };
    let ann = other.add_member(&coordinator, new, NOW).unwrap();
    other
        .set_status(&coordinator, &ann, MemberStatus::Active, NOW)
        .unwrap();
    for minutes in [30, 60] {
        other
            .record(&coordinator, help(&coordinator, &ann, minutes), NOW)
            .unwrap();
    }
    sign_everything(&mut other, &tablet);
    let elsewhere = Timebank::load(&other.save(), entropy(71)).unwrap();
    assert_eq!(
        elsewhere.signatures_checked(),
        2 + 1,
        "its two exchanges and its founding"
    );
    let from_elsewhere = elsewhere.checked_signatures();
    let mut flipped = kept.clone();
    let last = flipped.len() - 1;
    flipped[last] ^= 0xff;
    // Four exchanges, four confirmations, three certificates.
    let all = 4 + 4 + 3;
    let cases: Vec<(&str, Vec<u8>, usize)> = vec![
        ("nothing", Vec::new(), all),
        ("cut short", kept[..kept.len() - 3].to_vec(), all),
        ("only its header", kept[..20].to_vec(), all),
        ("one fingerprint changed", flipped, 1),
        ("another timebank's", from_elsewhere, all),
        ("not such bytes at all", b"{\"heads\": []}".to_vec(), all),
    ];
    for (what, kept, checks) in cases {
        let opened = Timebank::load_remembering(&bytes, entropy(72), &kept).unwrap();
        assert_eq!(counted(&opened), counted(&fresh), "{what}");
        assert_eq!(opened.signatures_checked(), checks, "{what}");
    }
}
