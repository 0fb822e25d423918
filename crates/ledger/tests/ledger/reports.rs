//! Reports for funders, and locked months whose figures never change.

use ledger::{AttentionItem, Channel, LedgerError, Month, NewExchange};

use super::support::{Fixture, NOW, day, entropy, help, hours};

fn on(
    date: &str,
    payer: &ledger::MemberId,
    payee: &ledger::MemberId,
    minutes: u32,
    category: Option<&str>,
) -> NewExchange {
    NewExchange {
        service_date: day(date),
        category: category.map(String::from),
        channel: Channel::Coordinator,
        ..help(payer, payee, minutes)
    }
}

#[test]
fn monthly_figures_count_hours_exchanges_members_and_value() {
    let mut f = Fixture::new(); // hourly value £12
    let (ann, bob, cat, cora) = (f.ann.clone(), f.bob.clone(), f.cat.clone(), f.cora.clone());
    let first = on("2026-10-03", &ann, &bob, hours(2), Some("Transport"));
    let second = on("2026-10-20", &bob, &cat, 30, None);
    let november = on("2026-11-02", &ann, &cat, hours(1), Some("Transport"));
    let mistake = f.timebank.record(&cora, first, NOW).unwrap().id;
    f.timebank.record(&cora, second, NOW).unwrap();
    f.timebank.record(&cora, november, NOW).unwrap();
    f.timebank
        .donate(&cat, &cat, 15, "For the fund", NOW)
        .unwrap();

    let october = f
        .timebank
        .month_report(Month::parse("2026-10").unwrap())
        .figures;
    assert_eq!(october.minutes_exchanged, 150);
    assert_eq!(october.exchanges, 2);
    assert_eq!(october.active_members, 3);
    assert_eq!(october.new_members, 0);
    assert_eq!(october.social_value_pence, 3000);
    assert_eq!(october.by_category["Transport"].minutes, 120);
    assert_eq!(october.by_category[ledger::UNCATEGORISED].minutes, 30);

    let november = f
        .timebank
        .month_report(Month::parse("2026-11").unwrap())
        .figures;
    assert_eq!(november.minutes_exchanged, 60);
    assert_eq!(november.new_members, 4, "everyone joined in November");
    assert_eq!(november.fund_minutes, 15);

    // A reversal in November subtracts in November; October stands.
    f.timebank
        .reverse(&cora, &mistake, "wrong people", NOW)
        .unwrap();
    let report = f.timebank.report(
        Month::parse("2026-10").unwrap(),
        Month::parse("2026-11").unwrap(),
    );
    let minutes: Vec<i64> = report.iter().map(|m| m.figures.minutes_exchanged).collect();
    assert_eq!(minutes, [150, -60]);
}

#[test]
fn a_locked_month_keeps_its_figures_whatever_arrives_later() {
    let mut f = Fixture::new();
    let (ann, bob, cora) = (f.ann.clone(), f.bob.clone(), f.cora.clone());
    let october = Month::parse("2026-10").unwrap();
    let mut offline_phone = f.timebank.fork(entropy(41));
    f.timebank
        .record(&cora, on("2026-10-10", &ann, &bob, hours(1), None), NOW)
        .unwrap();

    assert_eq!(
        f.timebank.lock_month(&ann, october, NOW).unwrap_err(),
        LedgerError::NotCoordinator
    );
    let november = Month::parse("2026-11").unwrap();
    let not_over = f.timebank.lock_month(&cora, november, NOW).unwrap_err();
    assert_eq!(not_over, LedgerError::MonthNotOver(november));
    assert_eq!(
        not_over.to_string(),
        "November 2026 has not ended yet; a month can be locked once it is over."
    );
    f.timebank.lock_month(&cora, october, NOW).unwrap();
    let again = f.timebank.lock_month(&cora, october, NOW).unwrap_err();
    assert_eq!(again, LedgerError::MonthAlreadyLocked(october));
    assert_eq!(again.to_string(), "October 2026 is already locked.");

    // A slip from October entered on a phone that was offline arrives.
    offline_phone
        .record(&cora, on("2026-10-12", &bob, &ann, hours(2), None), NOW)
        .unwrap();
    f.timebank.merge(&mut offline_phone).unwrap();

    let report = f.timebank.month_report(october);
    assert!(report.lock.is_some());
    assert_eq!(
        report.figures.minutes_exchanged, 60,
        "published figures changed"
    );
    let items = f.timebank.attention(NOW);
    assert!(
        matches!(
            &items[..],
            [AttentionItem::LockedPeriodEntry { counted: true, .. }]
        ),
        "{items:?}"
    );
    // The balances still include it: only the published report is frozen.
    assert_eq!(
        f.timebank.balance(&ledger::Account::Member(ann.clone())),
        60
    );
    // The report lists it, so it does not vanish: counted since the lock.
    let late = |timebank: &ledger::Timebank| {
        timebank
            .changed_since_lock()
            .into_iter()
            .map(|(month, exchange, counted)| (month, exchange.minutes, counted))
            .collect::<Vec<_>>()
    };
    assert!(f.timebank.is_locked(october));
    assert_eq!(late(&f.timebank), vec![(october, hours(2), true)]);
    // One the lock counted that is taken away later is listed too.
    let counted_then = f
        .timebank
        .exchanges()
        .find(|e| e.minutes == hours(1))
        .unwrap()
        .id
        .clone();
    f.timebank
        .override_status(
            &cora,
            &counted_then,
            ledger::Outcome::Rejected,
            "Recorded twice",
            NOW,
        )
        .unwrap();
    assert_eq!(
        late(&f.timebank),
        vec![(october, hours(1), false), (october, hours(2), true)]
    );
    assert_eq!(f.timebank.month_report(october), report, "the figures stay");

    // And the lock survives saving and reopening.
    let reopened = ledger::Timebank::load(&f.timebank.save(), entropy(42)).unwrap();
    assert_eq!(reopened.month_report(october), report);
    assert_eq!(late(&reopened), late(&f.timebank));
}
