//! A trading day's slips and the totals checked against the paper tally.

use ledger::{Account, AccountTotals, Channel, MemberId, NewExchange, Timestamp};

use super::support::{Fixture, NOW, day, entropy, help, member};

/// A slip from the trading day of 2026-11-21.
fn slip(payer: &MemberId, payee: &MemberId, minutes: u32, channel: Channel) -> NewExchange {
    NewExchange {
        service_date: day("2026-11-21"),
        channel,
        ..help(payer, payee, minutes)
    }
}

fn paper(number: &str) -> Channel {
    Channel::PaperSlip {
        number: number.into(),
    }
}

#[test]
fn the_summary_counts_the_days_slips_and_nothing_else() {
    let mut f = Fixture::new();
    let (ann, bob, cat, cora) = (f.ann.clone(), f.bob.clone(), f.cat.clone(), f.cora.clone());
    // (payer, payee, minutes, channel)
    let entered = [
        (&ann, &bob, 60, paper("101")),
        (&bob, &cat, 90, paper("102")),
        (&cat, &ann, 30, Channel::TradingDayTally),
        (&ann, &cat, 120, paper("104")),
        // Not slips of that day: recorded in the app, or another day's slip.
        (&ann, &bob, 45, Channel::App),
    ];
    let mut ids = Vec::new();
    for (i, (payer, payee, minutes, channel)) in entered.iter().enumerate() {
        let new = slip(payer, payee, *minutes, channel.clone());
        let at = Timestamp(NOW.0 + i as i64 * 1000);
        ids.push(f.timebank.record(&cora, new, at).unwrap().id);
    }
    let other_day = NewExchange {
        service_date: day("2026-11-20"),
        ..slip(&bob, &ann, 15, paper("1"))
    };
    f.timebank.record(&cora, other_day, NOW).unwrap();
    // Slip 104 was entered against the wrong people and reversed.
    f.timebank
        .reverse(&cora, &ids[3], "Wrong member", Timestamp(NOW.0 + 10_000))
        .unwrap();

    let summary = f.timebank.trading_day(day("2026-11-21"));
    assert_eq!(
        summary.slips,
        vec![
            ids[3].clone(),
            ids[2].clone(),
            ids[1].clone(),
            ids[0].clone()
        ],
        "newest first, paper only"
    );
    assert_eq!(summary.count, 3);
    assert_eq!(summary.total_minutes, 180);
    assert_eq!(summary.struck_out, 1);
    let totals = |given, received, slips| AccountTotals {
        given_minutes: given,
        received_minutes: received,
        slips,
    };
    let expected = [
        (member(&ann), totals(30, 60, 2)),
        (member(&bob), totals(60, 90, 2)),
        (member(&cat), totals(90, 30, 2)),
    ];
    for (account, want) in expected {
        assert_eq!(
            summary.per_account.get(&account),
            Some(&want),
            "{account:?}"
        );
    }
    assert!(!summary.per_account.contains_key(&member(&cora)));
    // Given and received balance, as on the paper tally.
    let given: u64 = summary.per_account.values().map(|t| t.given_minutes).sum();
    let received: u64 = summary
        .per_account
        .values()
        .map(|t| t.received_minutes)
        .sum();
    assert_eq!((given, received), (180, 180));
    assert!(!summary.per_account.contains_key(&Account::CommunityFund));
}

#[test]
fn two_tablets_entering_slips_show_the_same_summary_once_merged() {
    let mut f = Fixture::new();
    let mut tablet = f.timebank.fork(entropy(21));
    let (ann, bob, cat, cora) = (f.ann.clone(), f.bob.clone(), f.cat.clone(), f.cora.clone());
    for (i, number) in ["1", "2", "3"].iter().enumerate() {
        let new = slip(&ann, &bob, 60, paper(number));
        f.timebank
            .record(&cora, new, Timestamp(NOW.0 + i as i64))
            .unwrap();
    }
    for (i, number) in ["4", "5"].iter().enumerate() {
        let new = slip(&bob, &cat, 30, paper(number));
        tablet
            .record(&cora, new, Timestamp(NOW.0 + i as i64))
            .unwrap();
    }
    f.timebank.merge(&mut tablet).unwrap();
    tablet.merge(&mut f.timebank).unwrap();
    let here = f.timebank.trading_day(day("2026-11-21"));
    let there = tablet.trading_day(day("2026-11-21"));
    assert_eq!(here, there);
    assert_eq!((here.count, here.total_minutes), (5, 240));
}
