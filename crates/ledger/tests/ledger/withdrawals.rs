//! A member puts their own mistake right: withdrawing an exchange they
//! recorded while it waits for confirmation, or saying something is wrong
//! with one, in their words, for a coordinator to look into.

use ledger::{
    AttentionItem, ConfirmationPolicy, Doubt, LedgerError, LifecycleAction, Settings, Status,
};

use super::counting::{founded, on_device, raw_event, sign_everything};
use super::support::{Fixture, NOW, help, member};

#[test]
fn a_member_withdraws_what_they_recorded_while_it_waits_and_only_then() {
    let mut f = Fixture::new();
    // Bob says Ann helped him for 10 hours; he meant 1.
    let id = f
        .timebank
        .record(&f.bob, help(&f.bob, &f.ann, 600), NOW)
        .unwrap()
        .id;
    assert_eq!(f.timebank.balance(&member(&f.ann)), 600);
    for (who, refusal) in [
        (&f.ann, LedgerError::NotTheRecorder),
        (&f.cora, LedgerError::NotTheRecorder),
    ] {
        assert_eq!(f.timebank.withdraw(who, &id, "", NOW), Err(refusal));
    }
    f.timebank
        .withdraw(&f.bob, &id, "I meant 1 hour", NOW)
        .unwrap();
    assert_eq!(f.timebank.status(&id, NOW), Some(Status::Withdrawn));
    assert_eq!(
        f.timebank.balance(&member(&f.ann)),
        0,
        "it no longer counts"
    );
    assert_eq!(
        f.timebank.statement(&f.ann).len(),
        0,
        "nor is it on a statement"
    );
    // Ann is not asked about it any more.
    assert!(matches!(
        f.timebank.confirm(&f.ann, &id, "", NOW),
        Err(LedgerError::Withdrawn(name)) if name == "Bob"
    ));
    assert!(
        f.timebank.attention(NOW).is_empty(),
        "nothing for a coordinator"
    );
    // Its page keeps it: the exchange is still there, with its history.
    let exchange = f.timebank.exchange(&id).unwrap();
    assert_eq!(exchange.events[0].action, LifecycleAction::Withdraw);
    assert_eq!(exchange.events[0].note, "I meant 1 hour");

    // Once confirmed it is too late: the other member's word stands.
    let later = f
        .timebank
        .record(&f.bob, help(&f.bob, &f.ann, 60), NOW)
        .unwrap()
        .id;
    f.timebank.confirm(&f.ann, &later, "", NOW).unwrap();
    assert_eq!(
        f.timebank.withdraw(&f.bob, &later, "", NOW),
        Err(LedgerError::CannotWithdraw)
    );
    assert_eq!(f.timebank.balance(&member(&f.ann)), 60);
}

#[test]
fn what_asked_nobody_to_confirm_cannot_be_withdrawn() {
    let settings = Settings {
        confirmation: ConfirmationPolicy::Nobody,
        ..Settings::default()
    };
    let mut f = Fixture::with_settings(settings);
    let id = f
        .timebank
        .record(&f.bob, help(&f.bob, &f.ann, 60), NOW)
        .unwrap()
        .id;
    assert_eq!(
        f.timebank.withdraw(&f.bob, &id, "", NOW),
        Err(LedgerError::CannotWithdraw)
    );
    assert_eq!(f.timebank.status(&id, NOW), Some(Status::Confirmed));
}

#[test]
fn a_confirmation_made_while_the_recorder_withdrew_stands_and_is_shown() {
    let mut f = Fixture::new();
    let id = f
        .timebank
        .record(&f.bob, help(&f.bob, &f.ann, 90), NOW)
        .unwrap()
        .id;
    let mut ann_phone = f.timebank.fork(super::support::entropy(7));
    f.timebank.withdraw(&f.bob, &id, "", NOW).unwrap();
    ann_phone.confirm(&f.ann, &id, "Thanks Bob", NOW).unwrap();
    f.timebank.merge(&mut ann_phone).unwrap();
    ann_phone.merge(&mut f.timebank).unwrap();
    for copy in [&f.timebank, &ann_phone] {
        assert_eq!(copy.status(&id, NOW), Some(Status::Confirmed));
        assert_eq!(copy.balance(&member(&f.ann)), 90);
        assert_eq!(
            copy.attention(NOW),
            vec![AttentionItem::Disputed {
                exchange: id.clone()
            }],
            "someone should talk to both"
        );
    }
}

#[test]
fn a_member_says_something_is_wrong_and_a_coordinator_sees_their_words() {
    let mut f = Fixture::new();
    let id = f
        .timebank
        .record(&f.bob, help(&f.bob, &f.ann, 600), NOW)
        .unwrap()
        .id;
    f.timebank.confirm(&f.ann, &id, "", NOW).unwrap();
    assert_eq!(
        f.timebank.query(&f.cat, &id, "Not mine", NOW),
        Err(LedgerError::NotTakingPart)
    );
    assert_eq!(
        f.timebank.query(&f.bob, &id, "   ", NOW),
        Err(LedgerError::SayWhatIsWrong)
    );
    assert!(
        f.timebank.attention(NOW).is_empty(),
        "refusals change nothing"
    );

    f.timebank
        .query(&f.bob, &id, "It was 1 hour, not 10", NOW)
        .unwrap();
    assert_eq!(f.timebank.status(&id, NOW), Some(Status::Confirmed));
    assert_eq!(
        f.timebank.balance(&member(&f.ann)),
        600,
        "words move no hours"
    );
    let items = f.timebank.attention(NOW);
    let [
        item @ AttentionItem::Queried {
            exchange,
            by,
            words,
            ..
        },
    ] = &items[..]
    else {
        panic!("one item for the coordinator: {items:?}");
    };
    assert_eq!(
        (exchange, by, words.as_str()),
        (&id, &f.bob, "It was 1 hour, not 10")
    );
    let (what, _) = item.describe(&f.timebank);
    assert!(
        what.contains("Bob") && what.contains("It was 1 hour, not 10"),
        "{what}"
    );

    // The coordinator puts it right and marks it dealt with.
    f.timebank
        .reverse(&f.cora, &id, "Bob meant 1 hour", NOW)
        .unwrap();
    f.timebank
        .resolve(&f.cora, &item.key(), "Reversed", NOW)
        .unwrap();
    assert!(f.timebank.attention(NOW).is_empty());
    assert_eq!(f.timebank.balance(&member(&f.ann)), 0);
}

#[test]
fn a_withdrawal_or_complaint_forged_on_another_member_s_device_counts_for_nothing() {
    let mut s = founded();
    // Ann's phone records that Bob helped her, asking Bob to confirm.
    let mut ann = on_device(&mut s.f.timebank, &s.ann_phone, 40);
    let id = ann
        .record(&s.f.ann, help(&s.f.ann, &s.f.bob, 120), NOW)
        .unwrap()
        .id;
    sign_everything(&mut ann, &s.ann_phone);
    s.f.timebank.merge(&mut ann).unwrap();

    // Bob's modified app withdraws Ann's record as Bob, signed by his phone.
    let mut bob = on_device(&mut s.f.timebank, &s.bob_phone, 41);
    let forged = raw_event(
        &mut bob,
        &id,
        LifecycleAction::Withdraw,
        &s.f.bob,
        &s.bob_phone,
        Some(&s.bob_phone),
        42,
    );
    s.f.timebank.merge(&mut bob).unwrap();
    assert_eq!(s.f.timebank.status(&id, NOW), Some(Status::Pending));
    assert_eq!(s.f.timebank.balance(&member(&s.f.bob)), 120);
    assert!(
        s.f.timebank
            .doubted_events()
            .any(|(_, event, doubt)| *event == forged && doubt == Doubt::CannotWithdraw)
    );

    // Ann's own phone withdraws it: that counts on every copy.
    ann.merge(&mut s.f.timebank).unwrap();
    ann.withdraw(&s.f.ann, &id, "Wrong person", NOW).unwrap();
    sign_everything(&mut ann, &s.ann_phone);
    s.f.timebank.merge(&mut ann).unwrap();
    assert_eq!(s.f.timebank.status(&id, NOW), Some(Status::Withdrawn));
    assert_eq!(s.f.timebank.balance(&member(&s.f.bob)), 0);
}

#[test]
fn each_step_is_written_under_one_name_that_reads_back_as_itself() {
    use ledger::Outcome;
    let steps = [
        (LifecycleAction::Confirm, "confirm"),
        (LifecycleAction::Reject, "reject"),
        (
            LifecycleAction::Override(Outcome::Confirmed),
            "override_confirm",
        ),
        (
            LifecycleAction::Override(Outcome::Rejected),
            "override_reject",
        ),
        (LifecycleAction::Withdraw, "withdraw"),
        (LifecycleAction::Query, "query"),
    ];
    for (step, code) in steps {
        assert_eq!(step.code(), code);
        assert_eq!(LifecycleAction::from_code(code), Some(step));
    }
    assert_eq!(
        LifecycleAction::from_code("approve"),
        None,
        "a later release's step"
    );
}
