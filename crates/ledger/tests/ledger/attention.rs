//! The attention queue: what coordinators are shown, and resolving it.

use ledger::{AttentionItem, Channel, LedgerError, Settings};

use super::support::{Fixture, NOW, entropy, help, hours};

#[test]
fn offline_copies_that_together_pass_a_floor_are_flagged_after_merging() {
    let mut f = Fixture::new(); // floor -10 h
    let mut phone = f.timebank.fork(entropy(7));
    // Each device alone keeps Ann within her limit...
    f.timebank
        .record(&f.cora, help(&f.ann, &f.bob, hours(6)), NOW)
        .unwrap();
    let late = phone
        .record(&f.cora, help(&f.ann, &f.cat, hours(6)), NOW.plus_days(0))
        .unwrap();
    assert!(f.timebank.attention(NOW).is_empty());
    assert!(late.warnings.is_empty());
    // ...but together they take her to -12 h.
    f.timebank.merge(&mut phone).unwrap();
    let items = f.timebank.attention(NOW);
    assert_eq!(items.len(), 1, "{items:?}");
    assert!(matches!(
        &items[0],
        AttentionItem::OverLimit {
            balance_minutes: -720,
            limit_minutes: -600,
            ..
        }
    ));
    let (what, action) = items[0].describe(&f.timebank);
    assert_eq!(
        what,
        "Ann (no. 2) reached -12h00 against a lowest balance of -10h00."
    );
    assert!(action.contains("reverse"));
}

#[test]
fn duplicate_slips_and_suspected_duplicates_are_flagged() {
    let mut f = Fixture::new();
    let mut tablet = f.timebank.fork(entropy(8));
    let slip = |number: &str| ledger::NewExchange {
        channel: Channel::PaperSlip {
            number: number.into(),
        },
        ..help(&f.ann, &f.bob, 60)
    };
    let kinds = |timebank: &ledger::Timebank| -> Vec<String> {
        timebank
            .attention(NOW)
            .iter()
            .map(|item| item.key().split(':').next().unwrap().to_string())
            .collect()
    };
    // Slip 17 entered on two devices: one mistake, said once.
    f.timebank.record(&f.cora, slip("17"), NOW).unwrap();
    tablet.record(&f.cora, slip("17"), NOW).unwrap();
    f.timebank.merge(&mut tablet).unwrap();
    assert_eq!(kinds(&f.timebank), ["duplicate-slip"]);
    // Two slips with the same people, time and day, on two devices: perhaps
    // the same help written twice.
    let mut phone = f.timebank.fork(entropy(9));
    f.timebank.record(&f.cora, slip("21"), NOW).unwrap();
    phone.record(&f.cora, slip("22"), NOW).unwrap();
    f.timebank.merge(&mut phone).unwrap();
    assert_eq!(
        kinds(&f.timebank),
        ["duplicate-slip", "suspected-duplicate"]
    );
}

/// A slip entered twice by mistake is known before the second is saved;
/// put right by reversing the extra entry (or a mis-keyed slip reversed and
/// entered again), it leaves nothing in the queue.
#[test]
fn a_slip_entered_twice_and_put_right_leaves_nothing_to_deal_with() {
    let mut f = Fixture::new();
    let slip = |number: &str, minutes| ledger::NewExchange {
        channel: Channel::PaperSlip {
            number: number.into(),
        },
        ..help(&f.ann, &f.bob, minutes)
    };
    let kinds = |f: &Fixture| -> Vec<String> {
        f.timebank
            .attention(NOW)
            .iter()
            .map(|item| item.key().split(':').next().unwrap().to_string())
            .collect()
    };
    assert!(f.timebank.slip_entered("105").is_none());
    let first = f.timebank.record(&f.cora, slip("105", 60), NOW).unwrap().id;
    for written in ["105", " 105 "] {
        assert_eq!(
            f.timebank.slip_entered(written).map(|e| e.id.clone()),
            Some(first.clone())
        );
    }
    assert!(f.timebank.slip_entered("15").is_none());
    // Entered again all the same (the app asks first): flagged, once.
    let again = f.timebank.record(&f.cora, slip("105", 60), NOW).unwrap().id;
    assert_eq!(kinds(&f), ["duplicate-slip"]);
    f.timebank
        .reverse(&f.cora, &again, "entered twice", NOW)
        .unwrap();
    assert_eq!(kinds(&f), Vec::<String>::new());
    assert_eq!(
        f.timebank.slip_entered("105").map(|e| e.id.clone()),
        Some(first)
    );
    // Slip 117 mis-keyed, reversed, and entered again right.
    let wrong = f
        .timebank
        .record(&f.cora, slip("117", 240), NOW)
        .unwrap()
        .id;
    f.timebank
        .reverse(&f.cora, &wrong, "mis-keyed", NOW)
        .unwrap();
    assert!(f.timebank.slip_entered("117").is_none());
    f.timebank.record(&f.cora, slip("117", 60), NOW).unwrap();
    assert_eq!(kinds(&f), Vec::<String>::new());
}

#[test]
fn member_numbers_handed_out_twice_offline_are_flagged_and_renumbered() {
    let mut f = Fixture::new();
    let mut other = f.timebank.fork(entropy(9));
    let dee = f
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
    other
        .add_member(
            &f.cora,
            ledger::NewMember {
                name: "Eve".into(),
                ..Default::default()
            },
            NOW,
        )
        .unwrap();
    f.timebank.merge(&mut other).unwrap();
    let items = f.timebank.attention(NOW);
    assert!(matches!(
        &items[..],
        [AttentionItem::DuplicateMemberNumber { number: 5, .. }]
    ));
    f.timebank.renumber(&f.cora, &dee, 6, NOW).unwrap();
    assert!(f.timebank.attention(NOW).is_empty());
}

#[test]
fn overdue_confirmations_wait_for_a_coordinator_when_not_automatic() {
    let settings = Settings {
        auto_confirm: false,
        confirm_within_days: 3,
        ..Settings::default()
    };
    let mut f = Fixture::with_settings(settings);
    f.timebank
        .record(&f.bob, help(&f.ann, &f.bob, 60), NOW)
        .unwrap();
    assert!(f.timebank.attention(NOW.plus_days(2)).is_empty());
    let items = f.timebank.attention(NOW.plus_days(3));
    assert!(matches!(
        &items[..],
        [AttentionItem::ConfirmationOverdue { .. }]
    ));
}

#[test]
fn resolving_an_item_is_recorded_and_reaches_other_copies() {
    let mut f = Fixture::new();
    let id = f
        .timebank
        .record(&f.bob, help(&f.ann, &f.bob, 60), NOW)
        .unwrap()
        .id;
    f.timebank.reject(&f.ann, &id, "Not me", NOW).unwrap();
    let items = f.timebank.attention(NOW);
    assert!(matches!(&items[..], [AttentionItem::Disputed { .. }]));
    let key = items[0].key();
    assert_eq!(
        f.timebank.resolve(&f.ann, &key, "", NOW).unwrap_err(),
        LedgerError::NotCoordinator
    );
    f.timebank
        .resolve(&f.cora, &key, "Spoke to both; Bob agrees", NOW)
        .unwrap();
    assert!(f.timebank.attention(NOW).is_empty());
    assert_eq!(
        f.timebank.resolve(&f.cora, &key, "again", NOW).unwrap_err(),
        LedgerError::UnknownAttentionItem
    );
    let mut copy = ledger::Timebank::load(&f.timebank.save(), entropy(3)).unwrap();
    assert!(copy.attention(NOW).is_empty());
    assert_eq!(copy.resolutions().count(), 1);
    let _ = copy.save();
}

#[test]
fn what_a_coordinator_dealt_with_stays_readable_latest_first() {
    let mut f = Fixture::new();
    let later = NOW.plus_days(1);
    let disputed = f
        .timebank
        .record(&f.bob, help(&f.bob, &f.ann, 60), NOW)
        .unwrap()
        .id;
    f.timebank
        .reject(&f.ann, &disputed, "Never happened", NOW)
        .unwrap();
    let queried = f
        .timebank
        .record(&f.cat, help(&f.cat, &f.ann, 30), NOW)
        .unwrap()
        .id;
    f.timebank
        .query(&f.ann, &queried, "It was 45 minutes", NOW)
        .unwrap();
    let keys: Vec<String> = f
        .timebank
        .attention(NOW)
        .iter()
        .map(AttentionItem::key)
        .collect();
    assert_eq!(keys.len(), 2, "{keys:?}");
    let dispute_key = format!("disputed:{disputed}");
    let query_key = keys
        .iter()
        .find(|k| k.starts_with("queried:"))
        .unwrap()
        .clone();
    f.timebank
        .resolve(&f.cora, &dispute_key, "Talked to both", NOW)
        .unwrap();
    f.timebank
        .resolve(&f.cora, &query_key, "Cat agrees", later)
        .unwrap();
    assert!(f.timebank.attention(later).is_empty());
    let dealt = f.timebank.dealt_with(later);
    let shown: Vec<(Option<String>, &str, &ledger::MemberId)> = dealt
        .iter()
        .map(|(item, resolution)| {
            (
                item.as_ref().map(AttentionItem::key),
                resolution.note.as_str(),
                &resolution.by,
            )
        })
        .collect();
    assert_eq!(
        shown,
        vec![
            (Some(query_key.clone()), "Cat agrees", &f.cora),
            (Some(dispute_key.clone()), "Talked to both", &f.cora),
        ],
        "latest first, each with the item it settled"
    );

    // A coordinator decides the dispute: the item no longer arises, and its
    // resolution is still listed, without it.
    f.timebank
        .override_status(
            &f.cora,
            &disputed,
            ledger::Outcome::Rejected,
            "Ann is right",
            later,
        )
        .unwrap();
    let dealt = f.timebank.dealt_with(later);
    assert_eq!(dealt.len(), 2);
    assert!(dealt[1].0.is_none(), "the dispute no longer arises");
    assert_eq!(dealt[1].1.note, "Talked to both");
}
