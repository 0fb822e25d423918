//! Recording exchanges: what is accepted, what is refused, and what balances follow.

use ledger::{
    Account, Channel, ConfirmationPolicy, HoursPurchase, LedgerError, LimitKind, NewGroupExchange,
    Outcome, Settings, Status,
};

use super::support::{Fixture, NOW, day, help, hours, member};

#[test]
fn bad_exchanges_are_refused_with_a_reason_and_change_nothing() {
    let mut f = Fixture::new();
    let before = f.timebank.save();
    let future = NOW.plus_days(1).date();
    // (what is wrong, the exchange, the error)
    let cases: Vec<(&str, ledger::NewExchange, LedgerError)> = vec![
        (
            "zero minutes",
            help(&f.ann, &f.bob, 0),
            LedgerError::MinutesOutOfRange { minutes: 0 },
        ),
        (
            "over a day",
            help(&f.ann, &f.bob, 1441),
            LedgerError::MinutesOutOfRange { minutes: 1441 },
        ),
        (
            "same person",
            help(&f.ann, &f.ann, 60),
            LedgerError::SameAccount,
        ),
        (
            "future date",
            ledger::NewExchange {
                service_date: future,
                ..help(&f.ann, &f.bob, 60)
            },
            LedgerError::FutureDate {
                date: future.to_string(),
            },
        ),
        (
            "description too long",
            ledger::NewExchange {
                description: "x".repeat(501),
                ..help(&f.ann, &f.bob, 60)
            },
            LedgerError::DescriptionTooLong,
        ),
        (
            "unknown category",
            ledger::NewExchange {
                category: Some("Juggling".into()),
                ..help(&f.ann, &f.bob, 60)
            },
            LedgerError::UnknownCategory("Juggling".into()),
        ),
        (
            "empty slip number",
            ledger::NewExchange {
                channel: Channel::PaperSlip {
                    number: "  ".into(),
                },
                ..help(&f.ann, &f.bob, 60)
            },
            LedgerError::EmptySlipNumber,
        ),
    ];
    for (what, exchange, expected) in cases {
        let error = f.timebank.record(&f.cora, exchange, NOW).unwrap_err();
        assert_eq!(error, expected, "{what}");
        assert!(!error.to_string().is_empty());
    }
    assert_eq!(
        f.timebank.save(),
        before,
        "a refused exchange changed the document"
    );
    assert_eq!(f.timebank.exchanges().count(), 0);
}

#[test]
fn members_record_only_their_own_exchanges_and_only_with_active_members() {
    let mut f = Fixture::new();
    let error = f
        .timebank
        .record(&f.ann, help(&f.bob, &f.cat, 60), NOW)
        .unwrap_err();
    assert_eq!(error, LedgerError::NotAParty);

    let newcomer = f
        .timebank
        .add_member(
            &f.cora,
            ledger::NewMember {
                name: "Dee".into(),
                ..Default::default()
            },
            NOW,
        )
        .unwrap();
    let error = f
        .timebank
        .record(&f.ann, help(&f.ann, &newcomer, 60), NOW)
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "Dee is still an applicant, so cannot take part in exchanges until a coordinator makes them active."
    );
}

#[test]
fn balances_move_by_the_minutes_and_always_sum_to_zero() {
    let mut f = Fixture::new();
    f.timebank
        .record(&f.cora, help(&f.ann, &f.bob, hours(2)), NOW)
        .unwrap();
    f.timebank
        .record(&f.cora, help(&f.bob, &f.cat, 30), NOW)
        .unwrap();
    f.timebank
        .donate(&f.cat, &f.cat, 15, "For the tea urn", NOW)
        .unwrap();
    let expected = [(&f.ann, -120), (&f.bob, 90), (&f.cat, 15), (&f.cora, 0)];
    for (who, minutes) in expected {
        assert_eq!(f.timebank.balance(&member(who)), minutes);
    }
    assert_eq!(f.timebank.balance(&Account::CommunityFund), 15);
    assert_eq!(f.timebank.balances().values().sum::<i64>(), 0);
}

#[test]
fn a_member_recorded_exchange_waits_for_the_other_party() {
    let mut f = Fixture::new(); // policy: the other party confirms
    let recorded = f
        .timebank
        .record(&f.bob, help(&f.ann, &f.bob, 60), NOW)
        .unwrap();
    let id = recorded.id;
    assert_eq!(f.timebank.status(&id, NOW), Some(Status::Pending));
    // Bob cannot confirm his own word; Cat is not involved.
    assert!(matches!(
        f.timebank.confirm(&f.bob, &id, "", NOW),
        Err(LedgerError::NotTheConfirmer(name)) if name == "Ann"
    ));
    assert!(f.timebank.confirm(&f.cat, &id, "", NOW).is_err());
    f.timebank.confirm(&f.ann, &id, "Thanks Bob", NOW).unwrap();
    assert_eq!(f.timebank.status(&id, NOW), Some(Status::Confirmed));
}

#[test]
fn pending_exchanges_confirm_themselves_after_the_deadline_when_set_to() {
    let settings = Settings {
        confirm_within_days: 7,
        ..Settings::default()
    };
    let mut f = Fixture::with_settings(settings);
    let id = f
        .timebank
        .record(&f.bob, help(&f.ann, &f.bob, 60), NOW)
        .unwrap()
        .id;
    assert_eq!(
        f.timebank.status(&id, NOW.plus_days(6)),
        Some(Status::Pending)
    );
    assert_eq!(
        f.timebank.status(&id, NOW.plus_days(7)),
        Some(Status::Confirmed)
    );
}

#[test]
fn a_rejection_uncounts_the_exchange_and_a_coordinator_override_decides() {
    let mut f = Fixture::new();
    let id = f
        .timebank
        .record(&f.bob, help(&f.ann, &f.bob, 60), NOW)
        .unwrap()
        .id;
    assert_eq!(
        f.timebank.balance(&member(&f.bob)),
        60,
        "pending exchanges count"
    );
    f.timebank
        .reject(&f.ann, &id, "That never happened", NOW)
        .unwrap();
    assert_eq!(f.timebank.status(&id, NOW), Some(Status::Rejected));
    assert_eq!(f.timebank.balance(&member(&f.bob)), 0);
    // A decision says why: both members read it on the exchange.
    for blank in ["", "  "] {
        assert_eq!(
            f.timebank
                .override_status(&f.cora, &id, Outcome::Confirmed, blank, NOW),
            Err(LedgerError::SayWhyYouDecide)
        );
    }
    assert_eq!(
        f.timebank.status(&id, NOW),
        Some(Status::Rejected),
        "unchanged"
    );
    f.timebank
        .override_status(&f.cora, &id, Outcome::Confirmed, "Checked the slip", NOW)
        .unwrap();
    assert_eq!(f.timebank.status(&id, NOW), Some(Status::Confirmed));
    assert_eq!(f.timebank.balance(&member(&f.bob)), 60);
    assert!(matches!(
        f.timebank
            .override_status(&f.ann, &id, Outcome::Rejected, "", NOW),
        Err(LedgerError::NotCoordinator)
    ));
}

#[test]
fn no_confirmation_is_needed_when_the_timebank_says_so() {
    let settings = Settings {
        confirmation: ConfirmationPolicy::Nobody,
        ..Settings::default()
    };
    let mut f = Fixture::with_settings(settings);
    let id = f
        .timebank
        .record(&f.bob, help(&f.ann, &f.bob, 60), NOW)
        .unwrap()
        .id;
    assert_eq!(f.timebank.status(&id, NOW), Some(Status::Confirmed));
}

#[test]
fn a_reversal_undoes_an_exchange_exactly_once() {
    let mut f = Fixture::new();
    let id = f
        .timebank
        .record(&f.cora, help(&f.ann, &f.bob, 90), NOW)
        .unwrap()
        .id;
    let reversal = f
        .timebank
        .reverse(&f.cora, &id, "Entered twice", NOW)
        .unwrap()
        .id;
    assert_eq!(f.timebank.balance(&member(&f.ann)), 0);
    assert_eq!(f.timebank.balance(&member(&f.bob)), 0);
    assert_eq!(
        f.timebank.exchanges().count(),
        2,
        "history is kept, not deleted"
    );
    assert_eq!(
        f.timebank.reverse(&f.cora, &id, "", NOW).unwrap_err(),
        LedgerError::AlreadyReversed
    );
    assert_eq!(
        f.timebank.reverse(&f.cora, &reversal, "", NOW).unwrap_err(),
        LedgerError::CannotReverseReversal
    );
    assert_eq!(
        f.timebank.reverse(&f.ann, &id, "", NOW).unwrap_err(),
        LedgerError::NotCoordinator
    );
}

#[test]
fn passing_a_limit_warns_without_blocking() {
    let mut f = Fixture::new(); // floor -10 h
    f.timebank
        .record(&f.cora, help(&f.ann, &f.bob, hours(9)), NOW)
        .unwrap();
    let recorded = f
        .timebank
        .record(&f.cora, help(&f.ann, &f.cat, hours(2)), NOW)
        .unwrap();
    assert_eq!(recorded.warnings.len(), 1);
    let warning = &recorded.warnings[0];
    assert_eq!(warning.account, member(&f.ann));
    assert_eq!(warning.kind, LimitKind::BelowFloor);
    assert_eq!(warning.balance_minutes, -660);
    assert_eq!(warning.limit_minutes, -600);
}

#[test]
fn a_group_exchange_is_all_or_nothing() {
    let mut f = Fixture::new();
    let workshop = NewGroupExchange {
        payers: vec![member(&f.ann), member(&f.bob)],
        payees: vec![member(&f.cat)],
        minutes: 60,
        service_date: day("2026-11-21"),
        description: "Bread-making workshop".into(),
        category: Some("Cooking".into()),
        channel: Channel::Coordinator,
    };
    let recorded = f
        .timebank
        .record_group(&f.cora, workshop.clone(), NOW)
        .unwrap();
    assert_eq!(recorded.len(), 2);
    assert_eq!(f.timebank.balance(&member(&f.cat)), 120);

    let before = f.timebank.save();
    let bad = NewGroupExchange {
        payers: vec![member(&f.ann), member(&f.cat)],
        ..workshop
    };
    assert_eq!(
        f.timebank.record_group(&f.cora, bad, NOW).unwrap_err(),
        LedgerError::SameAccount
    );
    assert_eq!(f.timebank.save(), before);
}

#[test]
fn bought_hours_come_from_the_community_fund() {
    let mut f = Fixture::new();
    let purchase = HoursPurchase {
        member: f.ann.clone(),
        minutes: hours(3),
        cash_pence: 1500,
        receipt: "R-101".into(),
        bought_by: Some("Ann's daughter".into()),
    };
    f.timebank
        .purchase_hours(&f.cora, purchase.clone(), NOW)
        .unwrap();
    assert_eq!(f.timebank.balance(&member(&f.ann)), 180);
    assert_eq!(f.timebank.balance(&Account::CommunityFund), -180);
    let refused = HoursPurchase {
        cash_pence: 0,
        ..purchase.clone()
    };
    assert_eq!(
        f.timebank
            .purchase_hours(&f.cora, refused, NOW)
            .unwrap_err(),
        LedgerError::NoCash
    );
    let no_receipt = HoursPurchase {
        receipt: "  ".into(),
        ..purchase
    };
    assert_eq!(
        f.timebank
            .purchase_hours(&f.cora, no_receipt, NOW)
            .unwrap_err(),
        LedgerError::NoReceipt
    );
    assert_eq!(f.timebank.balance(&member(&f.ann)), 180, "nothing more");
}

#[test]
fn a_statement_lists_counted_exchanges_with_a_running_balance() {
    let mut f = Fixture::new();
    let (ann, bob, cat) = (f.ann.clone(), f.bob.clone(), f.cat.clone());
    let mut on = |date: &str, payer, payee, minutes| {
        let exchange = ledger::NewExchange {
            service_date: day(date),
            ..help(payer, payee, minutes)
        };
        f.timebank.record(&f.cora, exchange, NOW).unwrap().id
    };
    on("2026-11-03", &bob, &ann, 60);
    let rejected = on("2026-11-05", &ann, &cat, 45);
    on("2026-11-01", &ann, &bob, 30);
    f.timebank
        .override_status(&f.cora, &rejected, Outcome::Rejected, "Duplicate", NOW)
        .unwrap();
    let statement = f.timebank.statement(&f.ann);
    let lines: Vec<(String, i64, i64)> = statement
        .iter()
        .map(|l| {
            (
                l.service_date.to_string(),
                l.change_minutes,
                l.balance_minutes,
            )
        })
        .collect();
    assert_eq!(
        lines,
        [
            ("2026-11-01".into(), -30, -30),
            ("2026-11-03".into(), 60, 30)
        ]
    );
}
