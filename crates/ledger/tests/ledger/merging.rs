//! Copies edited apart and merged in any order end in the same state.

use std::collections::BTreeSet;

use ledger::{MemberId, Outcome, Profile, Timebank, Timestamp};
use proptest::prelude::*;

use super::support::{Fixture, NOW, entropy, help, merge_all, pair};

#[derive(Debug, Clone)]
enum Op {
    /// Someone records help between two of the four members.
    Record {
        recorder: usize,
        payer: usize,
        payee: usize,
        minutes: u32,
        october: bool,
    },
    Confirm {
        exchange: usize,
    },
    Reject {
        exchange: usize,
    },
    Override {
        exchange: usize,
        confirm: bool,
    },
    Reverse {
        exchange: usize,
    },
    /// Its recorder takes it back.
    Withdraw {
        exchange: usize,
    },
    /// One of the people in it says something is wrong.
    Query {
        exchange: usize,
        payer: bool,
    },
    EditProfile {
        member: usize,
        offers: u8,
    },
    AddMember,
    LockOctober,
    PostListing {
        member: usize,
    },
    Attend {
        member: usize,
        coming: bool,
    },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (0..4usize, 0..4usize, 0..4usize, 1..=240u32, any::<bool>())
            .prop_map(|(recorder, payer, payee, minutes, october)| Op::Record { recorder, payer, payee, minutes, october }),
        2 => any::<usize>().prop_map(|exchange| Op::Confirm { exchange }),
        1 => any::<usize>().prop_map(|exchange| Op::Reject { exchange }),
        1 => (any::<usize>(), any::<bool>()).prop_map(|(exchange, confirm)| Op::Override { exchange, confirm }),
        1 => any::<usize>().prop_map(|exchange| Op::Reverse { exchange }),
        1 => any::<usize>().prop_map(|exchange| Op::Withdraw { exchange }),
        1 => (any::<usize>(), any::<bool>()).prop_map(|(exchange, payer)| Op::Query { exchange, payer }),
        1 => (0..4usize, any::<u8>()).prop_map(|(member, offers)| Op::EditProfile { member, offers }),
        1 => Just(Op::AddMember),
        1 => Just(Op::LockOctober),
        1 => (0..4usize).prop_map(|member| Op::PostListing { member }),
        1 => (0..4usize, any::<bool>()).prop_map(|(member, coming)| Op::Attend { member, coming }),
    ]
}

/// Applies an operation as a person would; refusals are part of the game
/// (they must change nothing, which the final comparison checks).
fn apply(timebank: &mut Timebank, people: &[MemberId], op: &Op, now: Timestamp) {
    let cora = &people[3];
    let exchange = |index: usize| {
        let ids: Vec<_> = timebank.exchanges().map(|e| e.id.clone()).collect();
        (!ids.is_empty()).then(|| ids[index % ids.len()].clone())
    };
    let _ = match op {
        Op::Record {
            recorder,
            payer,
            payee,
            minutes,
            october,
        } => {
            let mut exchange = help(&people[*payer], &people[*payee], *minutes);
            if *october {
                exchange.service_date = ledger::Date::parse("2026-10-15").unwrap();
            }
            timebank
                .record(&people[*recorder], exchange, now)
                .map(|_| ())
        }
        Op::Confirm { exchange: i } => match exchange(*i) {
            Some(id) => {
                let by = timebank.exchange(&id).and_then(|e| e.confirmer.clone());
                timebank.confirm(&by.unwrap_or(cora.clone()), &id, "", now)
            }
            None => Ok(()),
        },
        Op::Reject { exchange: i } => match exchange(*i) {
            Some(id) => {
                let by = timebank.exchange(&id).and_then(|e| e.confirmer.clone());
                timebank.reject(&by.unwrap_or(cora.clone()), &id, "no", now)
            }
            None => Ok(()),
        },
        Op::Override {
            exchange: i,
            confirm,
        } => match exchange(*i) {
            Some(id) => {
                let outcome = if *confirm {
                    Outcome::Confirmed
                } else {
                    Outcome::Rejected
                };
                timebank.override_status(cora, &id, outcome, "decided", now)
            }
            None => Ok(()),
        },
        Op::Reverse { exchange: i } => match exchange(*i) {
            Some(id) => timebank.reverse(cora, &id, "mistake", now).map(|_| ()),
            None => Ok(()),
        },
        Op::Withdraw { exchange: i } => match exchange(*i) {
            Some(id) => {
                let by = timebank.exchange(&id).map(|e| e.recorded_by.clone());
                timebank.withdraw(&by.unwrap_or(cora.clone()), &id, "", now)
            }
            None => Ok(()),
        },
        Op::Query { exchange: i, payer } => match exchange(*i) {
            Some(id) => {
                let by = timebank.exchange(&id).and_then(|e| {
                    if *payer {
                        e.payer.member()
                    } else {
                        e.payee.member()
                    }
                    .cloned()
                });
                timebank.query(&by.unwrap_or(cora.clone()), &id, "wrong hours", now)
            }
            None => Ok(()),
        },
        Op::EditProfile { member, offers } => {
            let id = &people[*member];
            let name = timebank
                .member(id)
                .map(|m| m.name.clone())
                .unwrap_or_default();
            let profile = Profile {
                offers: format!("offer {offers}"),
                ..Profile::default()
            };
            timebank.update_profile(cora, id, &name, profile, now)
        }
        Op::LockOctober => timebank.lock_month(cora, ledger::Month::parse("2026-10").unwrap(), now),
        Op::PostListing { member } => {
            let listing = ledger::NewListing {
                kind: ledger::ListingKind::Offer,
                member: people[*member].clone(),
                title: "Help".into(),
                description: String::new(),
                category: None,
                expires_on: ledger::Date::parse("2026-12-31").unwrap(),
            };
            timebank
                .post_listing(&people[*member], listing, now)
                .map(|_| ())
        }
        Op::Attend { member, coming } => {
            let event = timebank.events().next().map(|e| e.id.clone());
            match event {
                Some(event) => timebank.set_attendance(
                    &people[*member],
                    &event,
                    &people[*member],
                    *coming,
                    now,
                ),
                None => Ok(()),
            }
        }
        Op::AddMember => timebank
            .add_member(
                cora,
                ledger::NewMember {
                    name: "Newcomer".into(),
                    ..Default::default()
                },
                now,
            )
            .map(|_| ()),
    };
}

/// Everything a person could see, for comparing copies.
fn derived(timebank: &mut Timebank, now: Timestamp) -> String {
    let statuses: Vec<_> = timebank
        .exchanges()
        .map(|e| {
            (
                e.clone(),
                timebank.status(&e.id, now),
                timebank.counts(&e.id),
            )
        })
        .collect();
    let members: Vec<_> = timebank.members().cloned().collect();
    let listings: Vec<_> = timebank.listings().cloned().collect();
    let attention: Vec<_> = timebank
        .attention(now)
        .iter()
        .map(|item| item.key())
        .collect();
    format!(
        "{:?}\n{statuses:?}\n{members:?}\n{listings:?}\n{attention:?}",
        timebank.balances()
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn any_order_of_merges_gives_every_copy_the_same_state(
        edits in prop::collection::vec((0..3usize, op()), 1..40),
        merges in prop::collection::vec((0..3usize, 0..3usize), 0..12),
    ) {
        let mut base = Fixture::new();
        let gathering = ledger::NewEvent {
            kind: ledger::EventKind::TradingDay,
            title: "Trading day".into(),
            description: String::new(),
            place: "Hall".into(),
            starts_at: NOW,
            ends_at: Timestamp(NOW.0 + 3_600_000),
        };
        base.timebank.plan_event(&base.cora, gathering, NOW).unwrap();
        let people = vec![base.ann.clone(), base.bob.clone(), base.cat.clone(), base.cora.clone()];
        let mut first = base.timebank;
        let mut copies = vec![first.fork(entropy(11)), first.fork(entropy(12)), first.fork(entropy(13))];
        drop(first);

        // Edits interleaved with merges between random pairs of copies.
        let mut merges = merges.into_iter();
        for (step, (copy, edit)) in edits.iter().enumerate() {
            let now = Timestamp(NOW.0 + step as i64 * 60_000);
            apply(&mut copies[*copy], &people, edit, now);
            if step % 3 == 2 && let Some((a, b)) = merges.next() && a != b {
                let (left, right) = pair(&mut copies, a, b);
                left.merge(right).unwrap();
            }
        }
        let recorded: BTreeSet<_> = copies
            .iter()
            .flat_map(|c| c.exchanges().map(|e| e.id.clone()).collect::<Vec<_>>())
            .collect();

        // Bring every copy up to date, in a fixed order.
        merge_all(&mut copies);

        let later = Timestamp(NOW.0 + 3_600_000);
        let expected = derived(&mut copies[0], later);
        for copy in copies.iter_mut() {
            prop_assert_eq!(&derived(copy, later), &expected);
            prop_assert_eq!(copy.balances().values().sum::<i64>(), 0);
            let held: BTreeSet<_> = copy.exchanges().map(|e| e.id.clone()).collect();
            prop_assert_eq!(&held, &recorded, "an exchange was lost");
            // What was kept up to date change by change equals a fresh read.
            let mut reopened = Timebank::load(&copy.save(), entropy(99)).unwrap();
            prop_assert_eq!(derived(&mut reopened, later), expected.clone());
        }
    }
}

#[test]
fn concurrent_accept_and_reject_resolve_the_same_way_everywhere() {
    let mut f = Fixture::new();
    let id = f
        .timebank
        .record(&f.bob, help(&f.ann, &f.bob, 60), NOW)
        .unwrap()
        .id;
    let mut phone = f.timebank.fork(entropy(21));
    f.timebank.confirm(&f.ann, &id, "yes", NOW).unwrap();
    phone.reject(&f.ann, &id, "no", NOW).unwrap();
    f.timebank.merge(&mut phone).unwrap();
    phone.merge(&mut f.timebank).unwrap();
    for copy in [&f.timebank, &phone] {
        assert_eq!(copy.status(&id, NOW), Some(ledger::Status::Rejected));
        assert_eq!(copy.balance(&ledger::Account::Member(f.bob.clone())), 0);
    }
}

#[test]
fn concurrent_reversals_reverse_only_once() {
    let mut f = Fixture::new();
    let id = f
        .timebank
        .record(&f.cora, help(&f.ann, &f.bob, 60), NOW)
        .unwrap()
        .id;
    let mut tablet = f.timebank.fork(entropy(22));
    f.timebank.reverse(&f.cora, &id, "typo", NOW).unwrap();
    tablet.reverse(&f.cora, &id, "typo", NOW).unwrap();
    f.timebank.merge(&mut tablet).unwrap();
    assert_eq!(f.timebank.exchanges().count(), 3);
    assert_eq!(
        f.timebank.balance(&ledger::Account::Member(f.ann.clone())),
        0
    );
    assert_eq!(
        f.timebank.balance(&ledger::Account::Member(f.bob.clone())),
        0
    );
    let keys: Vec<String> = f.timebank.attention(NOW).iter().map(|i| i.key()).collect();
    assert_eq!(keys, [format!("duplicate-reversal:{id}")]);
}
