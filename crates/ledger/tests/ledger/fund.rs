//! The community fund: members give it hours, it gives hours (to a member,
//! or to a group), hours are bought from it with cash, and a member who
//! leaves settles their balance with it. Its balance is what its statement
//! adds up to, and every hour is somewhere: all balances together are zero.

use ledger::{
    Account, Channel, ExchangeKind, HoursPurchase, LedgerError, MemberStatus, NewExchange,
    NewGroupExchange, Status, Timebank,
};
use proptest::prelude::*;

use super::counting::{founded, sign_everything};
use super::support::{Fixture, NOW, day, help, hours, member};

fn fund_balance(tb: &Timebank) -> i64 {
    tb.balance(&Account::CommunityFund)
}

/// The fund's statement's last running balance (0 when it has none).
fn fund_statement_total(tb: &Timebank) -> i64 {
    tb.account_statement(&Account::CommunityFund)
        .last()
        .map_or(0, |line| line.balance_minutes)
}

fn all_balances(tb: &Timebank) -> i64 {
    tb.balances().values().sum()
}

#[test]
fn a_member_leaves_with_hours_and_they_go_to_the_fund() {
    let mut f = Fixture::new();
    f.timebank
        .record(&f.cora, help(&f.bob, &f.ann, hours(3)), NOW)
        .unwrap();
    assert_eq!(f.timebank.balance(&member(&f.ann)), hours(3).into());
    // Nobody but a coordinator, and nothing changes.
    assert_eq!(
        f.timebank.leave(&f.bob, &f.ann, "", NOW),
        Err(LedgerError::NotCoordinator)
    );
    let settled = f
        .timebank
        .leave(&f.cora, &f.ann, "Moved to Leeds", NOW)
        .unwrap()
        .expect("a balance to settle");
    let exchange = f.timebank.exchange(&settled).unwrap();
    assert_eq!(
        (&exchange.payer, &exchange.payee, exchange.minutes),
        (&member(&f.ann), &Account::CommunityFund, hours(3))
    );
    assert_eq!(exchange.kind, ExchangeKind::Donation);
    assert_eq!(exchange.description, "Moved to Leeds");
    assert_eq!(f.timebank.status(&settled, NOW), Some(Status::Confirmed));
    assert_eq!(f.timebank.balance(&member(&f.ann)), 0);
    assert_eq!(fund_balance(&f.timebank), i64::from(hours(3)));
    assert_eq!(
        f.timebank.member(&f.ann).unwrap().status,
        MemberStatus::Left
    );
    assert_eq!(
        f.timebank.leave(&f.cora, &f.ann, "", NOW),
        Err(LedgerError::AlreadyLeft("Ann".into()))
    );
    assert_eq!(all_balances(&f.timebank), 0);
}

#[test]
fn a_member_leaves_owing_hours_of_any_size_and_the_fund_covers_them() {
    let mut f = Fixture::new();
    // 30 hours owed: more than one exchange may carry (24 hours).
    for _ in 0..3 {
        f.timebank
            .record(&f.cora, help(&f.bob, &f.ann, hours(10)), NOW)
            .unwrap();
    }
    assert_eq!(f.timebank.balance(&member(&f.bob)), -i64::from(hours(30)));
    let settled = f.timebank.leave(&f.cora, &f.bob, "", NOW).unwrap().unwrap();
    let exchange = f.timebank.exchange(&settled).unwrap();
    assert_eq!(
        (&exchange.payer, &exchange.payee, exchange.minutes),
        (&Account::CommunityFund, &member(&f.bob), hours(30))
    );
    assert_eq!(f.timebank.balance(&member(&f.bob)), 0);
    assert_eq!(fund_balance(&f.timebank), -i64::from(hours(30)));
    assert_eq!(
        f.timebank.member(&f.bob).unwrap().status,
        MemberStatus::Left
    );
}

#[test]
fn a_member_with_nothing_to_settle_just_leaves() {
    let mut f = Fixture::new();
    let count = f.timebank.exchanges().count();
    assert_eq!(f.timebank.leave(&f.cora, &f.cat, "", NOW), Ok(None));
    assert_eq!(f.timebank.exchanges().count(), count);
    assert_eq!(
        f.timebank.member(&f.cat).unwrap().status,
        MemberStatus::Left
    );
}

#[test]
fn leaving_a_founded_timebank_is_a_decision_the_coordinators_device_signs() {
    let mut s = founded();
    s.f.timebank.use_device_key(s.tablet.key());
    s.f.timebank
        .record(&s.f.cora, help(&s.f.bob, &s.f.ann, hours(2)), NOW)
        .unwrap();
    sign_everything(&mut s.f.timebank, &s.tablet);
    s.f.timebank.leave(&s.f.cora, &s.f.ann, "", NOW).unwrap();
    sign_everything(&mut s.f.timebank, &s.tablet);
    // Read again from the bytes, as another device reads it.
    let bytes = s.f.timebank.save();
    let again = Timebank::load(&bytes, super::support::entropy(90)).unwrap();
    assert_eq!(again.member(&s.f.ann).unwrap().status, MemberStatus::Left);
    assert_eq!(again.balance(&member(&s.f.ann)), 0);
    assert_eq!(fund_balance(&again), i64::from(hours(2)));
    assert!(
        again.attention(NOW).is_empty(),
        "nothing doubted: {:?}",
        again.attention(NOW)
    );
}

#[test]
fn the_fund_gives_hours_to_a_member_or_to_everyone_at_an_event() {
    let mut f = Fixture::new();
    f.timebank
        .record(
            &f.cora,
            NewExchange {
                payer: Account::CommunityFund,
                payee: member(&f.ann),
                minutes: hours(2),
                service_date: day("2026-11-20"),
                description: "Thank you for the newsletter".into(),
                category: None,
                channel: Channel::Coordinator,
            },
            NOW,
        )
        .unwrap();
    f.timebank
        .record_group(
            &f.cora,
            NewGroupExchange {
                payers: vec![Account::CommunityFund],
                payees: vec![member(&f.bob), member(&f.cat)],
                minutes: hours(1),
                service_date: day("2026-11-21"),
                description: "Litter pick".into(),
                category: None,
                channel: Channel::Coordinator,
            },
            NOW,
        )
        .unwrap();
    assert_eq!(fund_balance(&f.timebank), -i64::from(hours(4)));
    let lines = f.timebank.account_statement(&Account::CommunityFund);
    assert_eq!(lines.len(), 3);
    assert_eq!(
        lines.iter().map(|l| l.change_minutes).sum::<i64>(),
        fund_balance(&f.timebank)
    );
    // A member's own device cannot spend the fund's hours.
    assert!(
        f.timebank
            .record(
                &f.ann,
                NewExchange {
                    payer: Account::CommunityFund,
                    payee: member(&f.ann),
                    minutes: hours(1),
                    service_date: day("2026-11-21"),
                    description: String::new(),
                    category: None,
                    channel: Channel::App,
                },
                NOW,
            )
            .is_err()
    );
}

/// One thing that happens to the fund.
#[derive(Debug, Clone)]
enum Op {
    Donate {
        member: usize,
        minutes: u32,
    },
    Buy {
        member: usize,
        minutes: u32,
        pence: u32,
    },
    Give {
        member: usize,
        minutes: u32,
    },
    Help {
        payer: usize,
        payee: usize,
        minutes: u32,
    },
    Leave {
        member: usize,
    },
}

fn op() -> impl Strategy<Value = Op> {
    let member = 0usize..3;
    let minutes = 1u32..=600;
    prop_oneof![
        (member.clone(), minutes.clone())
            .prop_map(|(member, minutes)| Op::Donate { member, minutes }),
        (member.clone(), minutes.clone(), 1u32..5_000).prop_map(|(member, minutes, pence)| {
            Op::Buy {
                member,
                minutes,
                pence,
            }
        }),
        (member.clone(), minutes.clone())
            .prop_map(|(member, minutes)| Op::Give { member, minutes }),
        (member.clone(), member.clone(), minutes).prop_map(|(payer, payee, minutes)| Op::Help {
            payer,
            payee,
            minutes
        }),
        member.prop_map(|member| Op::Leave { member }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    /// Whatever happens, the fund's balance is what its statement adds up
    /// to, every member who left has a zero balance, and all balances
    /// together are zero.
    #[test]
    fn the_funds_balance_is_what_its_statement_adds_up_to(ops in prop::collection::vec(op(), 0..24)) {
        let mut f = Fixture::new();
        let people = [f.ann.clone(), f.bob.clone(), f.cat.clone()];
        for op in ops {
            // Refusals (a member who left, the same person twice) change nothing.
            let before = (fund_balance(&f.timebank), all_balances(&f.timebank));
            let done = match op {
                Op::Donate { member: m, minutes } => f.timebank.donate(&f.cora, &people[m], minutes, "", NOW).map(|_| ()),
                Op::Buy { member: m, minutes, pence } => f
                    .timebank
                    .purchase_hours(&f.cora, HoursPurchase {
                        member: people[m].clone(),
                        minutes,
                        cash_pence: pence,
                        receipt: "R1".into(),
                        bought_by: None,
                    }, NOW)
                    .map(|_| ()),
                Op::Give { member: m, minutes } => f
                    .timebank
                    .record(&f.cora, NewExchange {
                        payer: Account::CommunityFund,
                        payee: member(&people[m]),
                        minutes,
                        service_date: day("2026-11-20"),
                        description: String::new(),
                        category: None,
                        channel: Channel::Coordinator,
                    }, NOW)
                    .map(|_| ()),
                Op::Help { payer, payee, minutes } => f
                    .timebank
                    .record(&f.cora, help(&people[payer], &people[payee], minutes), NOW)
                    .map(|_| ()),
                Op::Leave { member: m } => f.timebank.leave(&f.cora, &people[m], "", NOW).map(|_| ()),
            };
            if done.is_err() {
                prop_assert_eq!(before, (fund_balance(&f.timebank), all_balances(&f.timebank)));
            }
            prop_assert_eq!(fund_balance(&f.timebank), fund_statement_total(&f.timebank));
            prop_assert_eq!(all_balances(&f.timebank), 0);
            for id in &people {
                if f.timebank.member(id).unwrap().status == MemberStatus::Left {
                    prop_assert_eq!(f.timebank.balance(&member(id)), 0);
                }
            }
        }
    }
}
