//! The attacks of `counting.rs` (and a demoted coordinator's tablet), honest
//! signed records and checkpoints,
//! merged in any order on three copies: balances never move by what the
//! attacks wrote, and every copy (and every copy opened again, with or
//! without the signatures it checked before) counts and flags the same.

use automerge::ReadDoc;
use automerge::transaction::Transactable;
use ledger::{Account, ExchangeId, MemberId, Role, Timebank, Timestamp};

use super::counting::{
    balances, confirm_raw, coordinators_only, edit_and_reseal, forged, founded, on_device, people,
    sign_everything, write_raw,
};
use super::demotions::certify_raw;
use super::support::*;

/// One step on one of three copies (Ann's phone, Bob's phone, Cora's
/// tablet), honest or an attack written around the ledger's checks.
#[derive(Debug, Clone)]
enum Step {
    /// The copy's own person records help with someone (signed).
    Honest {
        copy: usize,
        other: usize,
        minutes: u32,
        gave: bool,
    },
    /// A forged exchange: unsigned, by an unknown key, or by a phone
    /// certified for someone else.
    Forge {
        copy: usize,
        how: usize,
        minutes: u32,
    },
    /// The copy's modified app raises the minutes of an exchange it holds.
    Raise {
        copy: usize,
        pick: usize,
    },
    /// A confirmation "by" the payer, from a device that is not theirs.
    FakeConfirm {
        copy: usize,
        pick: usize,
    },
    /// A member's phone signs "Cat paid me" asking nobody to confirm it.
    LeaveOutConfirmer {
        copy: usize,
        minutes: u32,
    },
    /// A member's phone signs what only coordinators record: a reversal,
    /// bought hours, an opening balance or hours from the fund.
    CoordinatorsOnly {
        copy: usize,
        how: usize,
        minutes: u32,
    },
    /// The copy's device raises an exchange it recorded and signs it again.
    Resign {
        copy: usize,
        pick: usize,
    },
    /// The tablet Cat had as a coordinator, before Cora demoted her (when
    /// the copies were made), records "Ann paid Bob", or certifies a phone
    /// "of Ann's" that records "Ann paid Cat".
    Demoted {
        copy: usize,
        minutes: u32,
        certifies: bool,
    },
    /// Cora's tablet writes a checkpoint of what its copy holds now (the
    /// copies that take it later check only what came after).
    Checkpoint,
    Merge {
        from: usize,
        to: usize,
    },
}

fn step() -> impl proptest::strategy::Strategy<Value = Step> {
    use proptest::prelude::*;
    prop_oneof![
        4 => (0..3usize, 0..4usize, 1..200u32, any::<bool>())
            .prop_map(|(copy, other, minutes, gave)| Step::Honest { copy, other, minutes, gave }),
        2 => (0..3usize, 0..3usize, 1..2000u32).prop_map(|(copy, how, minutes)| Step::Forge { copy, how, minutes }),
        1 => (0..3usize, 0..50usize).prop_map(|(copy, pick)| Step::Raise { copy, pick }),
        1 => (0..3usize, 0..50usize).prop_map(|(copy, pick)| Step::FakeConfirm { copy, pick }),
        1 => (0..2usize, 1..1441u32).prop_map(|(copy, minutes)| Step::LeaveOutConfirmer { copy, minutes }),
        1 => (0..2usize, 0..4usize, 1..1441u32)
            .prop_map(|(copy, how, minutes)| Step::CoordinatorsOnly { copy, how, minutes }),
        1 => (0..3usize, 0..50usize).prop_map(|(copy, pick)| Step::Resign { copy, pick }),
        1 => (0..3usize, 1..1441u32, any::<bool>())
            .prop_map(|(copy, minutes, certifies)| Step::Demoted { copy, minutes, certifies }),
        1 => Just(Step::Checkpoint),
        3 => (0..3usize, 0..3usize).prop_map(|(from, to)| Step::Merge { from, to }),
    ]
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(16))]

    #[test]
    fn attacks_merged_in_any_order_never_move_hours_and_every_copy_agrees(
        steps in proptest::collection::vec(step(), 1..30),
    ) {
        let mut s = founded();
        let people = people(&s.f);
        // Cat was a coordinator for a moment, with a tablet of her own.
        let cats_tablet = Device::new(78);
        s.f.timebank.set_role(&s.f.cora, &s.f.cat, Role::Coordinator, NOW).unwrap();
        let draft = s.f.timebank
            .prepare_certificate(cats_tablet.key(), &s.f.cat, Role::Coordinator, NOW)
            .unwrap();
        let signature = s.tablet.sign(&draft.bytes);
        s.f.timebank.add_certificate(draft, signature, NOW).unwrap();
        s.f.timebank.set_role(&s.f.cora, &s.f.cat, Role::Member, Timestamp(NOW.0 + 1)).unwrap();
        sign_everything(&mut s.f.timebank, &s.tablet);
        let devices = [&s.ann_phone, &s.bob_phone, &s.tablet];
        let persons = [s.f.ann.clone(), s.f.bob.clone(), s.f.cora.clone()];
        let mut copies: Vec<Timebank> = (0..3)
            .map(|k| on_device(&mut s.f.timebank, devices[k], 100 + k as u64))
            .collect();
        let mut expected = [0_i64; 4];
        let stranger = Device::new(77);
        // The signatures a copy had checked at each merge, for opening the
        // final copies with (what a device kept from an earlier opening).
        let mut kept: Vec<Vec<u8>> = Vec::new();
        for (n, step) in steps.iter().enumerate() {
            let seed = 1000 + n as u64;
            match step {
                Step::Honest { copy, other, minutes, gave } => {
                    let me = &persons[*copy];
                    let other = &people[*other];
                    if other == me {
                        continue;
                    }
                    let (payer, payee) = if *gave { (other, me) } else { (me, other) };
                    if copies[*copy].record(me, help(payer, payee, *minutes), NOW).is_ok() {
                        sign_everything(&mut copies[*copy], devices[*copy]);
                        let at = |m: &MemberId| people.iter().position(|p| p == m).unwrap();
                        expected[at(payer)] -= i64::from(*minutes);
                        expected[at(payee)] += i64::from(*minutes);
                    }
                }
                Step::Forge { copy, how, minutes } => {
                    // "Cat paid Ann", by Ann, three ways (what a person's own
                    // phone records for them is theirs to sign: the forger
                    // here is never the phone named).
                    let not_mine = if *copy == 0 { &s.bob_phone } else { &s.ann_phone };
                    let (key, signer) = match how {
                        0 => (not_mine.key(), None),
                        1 => (stranger.key(), Some(&stranger)),
                        _ => (s.bob_phone.key(), Some(&s.bob_phone)),
                    };
                    let fake = forged(&s.f.cat, &s.f.ann, *minutes, &s.f.ann, &key, seed);
                    write_raw(&mut copies[*copy], &fake, signer);
                    copies[*copy].refresh_since(&[]);
                }
                Step::Raise { copy, pick } => {
                    let ids: Vec<ExchangeId> = copies[*copy].exchanges().map(|e| e.id.clone()).collect();
                    if ids.is_empty() {
                        continue;
                    }
                    let id = &ids[pick % ids.len()];
                    let doc = copies[*copy].document_mut();
                    let exchanges = doc.get(automerge::ROOT, "exchanges").unwrap().unwrap().1;
                    let obj = doc.get(&exchanges, id.as_str()).unwrap().unwrap().1;
                    doc.put(&obj, "minutes", 1440_u64).unwrap();
                    doc.commit();
                    copies[*copy].refresh_since(&[]);
                }
                Step::FakeConfirm { copy, pick } => {
                    let pending: Vec<(ExchangeId, MemberId)> = copies[*copy]
                        .exchanges()
                        .filter_map(|e| e.confirmer.clone().map(|c| (e.id.clone(), c)))
                        .collect();
                    if pending.is_empty() {
                        continue;
                    }
                    let (id, confirmer) = &pending[pick % pending.len()];
                    // Signed by a device that is not the confirmer's.
                    let wrong = if *confirmer == s.f.ann { &s.bob_phone } else { &s.ann_phone };
                    confirm_raw(&mut copies[*copy], id, confirmer, wrong, Some(wrong), seed);
                    copies[*copy].refresh_since(&[]);
                }
                Step::LeaveOutConfirmer { copy, minutes } => {
                    let me = &persons[*copy];
                    let device = devices[*copy];
                    let fake = forged(&s.f.cat, me, *minutes, me, &device.key(), seed);
                    write_raw(&mut copies[*copy], &fake, Some(device));
                    copies[*copy].refresh_since(&[]);
                }
                Step::CoordinatorsOnly { copy, how, minutes } => {
                    let me = &persons[*copy];
                    let device = devices[*copy];
                    let fake = forged(&s.f.cat, me, *minutes, me, &device.key(), seed);
                    // A reversal undoes something it paid, if it paid anything.
                    let paid = copies[*copy]
                        .exchanges()
                        .find(|e| e.payer == member(me) && e.reversal_of.is_none())
                        .cloned();
                    let paid = match paid {
                        Some(paid) => paid,
                        None if *how == 0 => continue,
                        None => fake.clone(),
                    };
                    let fake = coordinators_only(fake, *how, &paid);
                    write_raw(&mut copies[*copy], &fake, Some(device));
                    copies[*copy].refresh_since(&[]);
                }
                Step::Resign { copy, pick } => {
                    let device = devices[*copy];
                    let own: Vec<(ExchangeId, u64)> = copies[*copy]
                        .exchanges()
                        .filter(|e| e.device == device.key().device_id())
                        .filter_map(|e| Some((e.id.clone(), e.seal?.seq)))
                        .collect();
                    if own.is_empty() {
                        continue;
                    }
                    let (id, seq) = &own[pick % own.len()];
                    edit_and_reseal(&mut copies[*copy], id, 1440, device, *seq);
                }
                Step::Demoted { copy, minutes, certifies: false } => {
                    let fake = forged(&s.f.ann, &s.f.bob, *minutes, &s.f.cat, &cats_tablet.key(), seed);
                    write_raw(&mut copies[*copy], &fake, Some(&cats_tablet));
                    copies[*copy].refresh_since(&[]);
                }
                Step::Demoted { copy, minutes, certifies: true } => {
                    let phone = Device::new(100 + (n % 100) as u8);
                    certify_raw(&mut copies[*copy], &cats_tablet, &phone, &s.f.ann, Role::Member);
                    let fake = forged(&s.f.ann, &s.f.cat, *minutes, &s.f.ann, &phone.key(), seed);
                    write_raw(&mut copies[*copy], &fake, Some(&phone));
                    copies[*copy].refresh_since(&[]);
                }
                Step::Checkpoint => {
                    let draft = copies[2].prepare_checkpoint(NOW).unwrap();
                    let signature = s.tablet.sign(&draft.bytes);
                    copies[2].add_checkpoint(draft, signature, NOW).unwrap();
                }
                Step::Merge { from, to } => {
                    if from != to {
                        let (to, from) = pair(&mut copies, *to, *from);
                        to.merge(from).unwrap();
                        kept.push(to.checked_signatures());
                    }
                }
            }
        }
        merge_all(&mut copies);
        let flags = |tb: &Timebank| {
            let exchanges: Vec<_> = tb.doubted().map(|(id, d)| (id.clone(), d)).collect();
            let events: Vec<_> = tb.doubted_events().map(|(x, e, d)| (x.clone(), e.clone(), d)).collect();
            (exchanges, events, tb.sequence_gaps())
        };
        // Over every account the ledger reports (each member, anyone an
        // exchange names, and the community fund) balances sum to zero: a
        // counted exchange takes its minutes from one account and gives them
        // to another. Bought hours and opening balances are no exception: the
        // fund pays them and goes below zero. No honest step here touches the
        // fund, so it stays at zero whatever fund payments were forged.
        let sum_and_fund = |tb: &Timebank| {
            let all = tb.balances();
            (all.values().sum::<i64>(), all.get(&Account::CommunityFund).copied())
        };
        let first = flags(&copies[0]);
        for copy in copies.iter_mut() {
            proptest::prop_assert_eq!(sum_and_fund(copy), (0, Some(0)));
            proptest::prop_assert_eq!(balances(copy, &people), expected);
            proptest::prop_assert_eq!(&flags(copy), &first);
            let statuses: Vec<_> = copy.exchanges().map(|e| copy.status(&e.id, NOW)).collect();
            let reopened = Timebank::load(&copy.save(), entropy(5)).unwrap();
            proptest::prop_assert_eq!(sum_and_fund(&reopened), (0, Some(0)));
            proptest::prop_assert_eq!(balances(&reopened, &people), expected);
            proptest::prop_assert_eq!(&flags(&reopened), &first);
            let again: Vec<_> = reopened.exchanges().map(|e| reopened.status(&e.id, NOW)).collect();
            proptest::prop_assert_eq!(again, statuses);
            // Opened with the signatures checked before (its own now, or a
            // copy's at an earlier merge): the same count, the same flags.
            let earlier = [kept.first(), kept.last()].into_iter().flatten().cloned();
            for checked in earlier.chain([copy.checked_signatures()]) {
                let remembering = Timebank::load_remembering(&copy.save(), entropy(6), &checked).unwrap();
                proptest::prop_assert_eq!(balances(&remembering, &people), expected);
                proptest::prop_assert_eq!(&flags(&remembering), &first);
            }
        }
    }
}
