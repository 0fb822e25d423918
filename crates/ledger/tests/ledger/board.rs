//! Listings and events.

use ledger::{
    EventKind, LedgerError, ListingKind, MemberStatus, NewEvent, NewListing, Profile, Timestamp,
};

use super::support::{Fixture, NOW, day, entropy, help, member};

fn offer(f: &Fixture, title: &str) -> NewListing {
    NewListing {
        kind: ListingKind::Offer,
        member: f.ann.clone(),
        title: title.into(),
        description: "Weekday mornings".into(),
        category: Some("Home and garden".into()),
        expires_on: day("2026-12-31"),
    }
}

#[test]
fn listings_are_posted_searched_renewed_and_withdrawn() {
    let mut f = Fixture::new();
    let hedge = f
        .timebank
        .post_listing(&f.ann, offer(&f, "Hedge trimming"), NOW)
        .unwrap();
    let request = NewListing {
        kind: ListingKind::Request,
        member: f.bob.clone(),
        title: "Lift to the surgery".into(),
        category: Some("Transport".into()),
        ..offer(&f, "")
    };
    f.timebank.post_listing(&f.bob, request, NOW).unwrap();
    let today = NOW.date();
    let titles = |found: Vec<&ledger::Listing>| -> Vec<String> {
        found.iter().map(|l| l.title.clone()).collect()
    };
    assert_eq!(
        titles(f.timebank.search_listings(today, "hedge", None, None)),
        ["Hedge trimming"]
    );
    assert_eq!(
        titles(f.timebank.search_listings(today, "ann", None, None)),
        ["Hedge trimming"]
    );
    assert_eq!(
        titles(
            f.timebank
                .search_listings(today, "", Some(ListingKind::Request), None)
        ),
        ["Lift to the surgery"]
    );
    assert_eq!(
        titles(
            f.timebank
                .search_listings(today, "", None, Some("Transport"))
        ),
        ["Lift to the surgery"]
    );
    // After its last day it no longer shows; renewing brings it back.
    assert!(
        f.timebank
            .search_listings(day("2027-01-01"), "hedge", None, None)
            .is_empty()
    );
    f.timebank.withdraw_listing(&f.ann, &hedge, NOW).unwrap();
    assert!(
        f.timebank
            .search_listings(today, "hedge", None, None)
            .is_empty()
    );
    f.timebank
        .renew_listing(&f.ann, &hedge, day("2027-02-28"), NOW)
        .unwrap();
    assert_eq!(
        titles(f.timebank.search_listings(today, "hedge", None, None)),
        ["Hedge trimming"]
    );
    assert_eq!(
        f.timebank
            .withdraw_listing(&f.bob, &hedge, NOW)
            .unwrap_err(),
        LedgerError::NotTheOwner
    );
}

#[test]
fn a_search_finds_what_members_offer_or_need_on_their_profiles() {
    let mut f = Fixture::new();
    for (who, offers, needs) in [
        (
            f.ann.clone(),
            "Gardening, hedge trimming",
            "A lift on Tuesdays",
        ),
        (f.bob.clone(), "Dog walking", "Help in the GARDEN"),
        (f.cat.clone(), "Vegetable gardening", ""),
    ] {
        let name = f.timebank.member(&who).unwrap().name.clone();
        let profile = Profile {
            offers: offers.into(),
            needs: needs.into(),
            ..Profile::default()
        };
        f.timebank
            .update_profile(&f.cora, &who, &name, profile, NOW)
            .unwrap();
    }
    let found = |timebank: &ledger::Timebank, text: &str, kind| {
        timebank
            .search_profiles(text, kind)
            .iter()
            .map(|m| (m.member.name.clone(), m.kind, m.text.to_string()))
            .collect::<Vec<_>>()
    };
    let offer = ListingKind::Offer;
    let request = ListingKind::Request;
    assert_eq!(
        found(&f.timebank, "garden", None),
        vec![
            ("Ann".into(), offer, "Gardening, hedge trimming".into()),
            ("Bob".into(), request, "Help in the GARDEN".into()),
            ("Cat".into(), offer, "Vegetable gardening".into()),
        ]
    );
    assert_eq!(found(&f.timebank, " GARDENING ", Some(offer)).len(), 2);
    assert_eq!(
        found(&f.timebank, "garden", Some(request)),
        vec![("Bob".into(), request, "Help in the GARDEN".into())]
    );
    assert!(
        found(&f.timebank, "", None).is_empty(),
        "an empty search lists no one"
    );
    assert!(found(&f.timebank, "plumbing", None).is_empty());
    // Only active members are offered.
    f.timebank
        .set_status(&f.cora, &f.cat, MemberStatus::Away, NOW)
        .unwrap();
    assert_eq!(found(&f.timebank, "gardening", None).len(), 1);
}

#[test]
fn bad_listings_are_refused() {
    let mut f = Fixture::new();
    let cases = [
        (
            NewListing {
                title: " ".into(),
                ..offer(&f, "")
            },
            LedgerError::EmptyTitle,
        ),
        (
            NewListing {
                expires_on: day("2026-11-27"),
                ..offer(&f, "Ironing")
            },
            LedgerError::ExpiryInPast,
        ),
        (
            NewListing {
                expires_on: day("2028-01-01"),
                ..offer(&f, "Ironing")
            },
            LedgerError::ExpiryTooFar,
        ),
        (
            NewListing {
                category: Some("Astrology".into()),
                ..offer(&f, "Ironing")
            },
            LedgerError::UnknownCategory("Astrology".into()),
        ),
    ];
    for (listing, expected) in cases {
        assert_eq!(
            f.timebank.post_listing(&f.ann, listing, NOW).unwrap_err(),
            expected
        );
    }
    // Bob cannot post in Ann's name; a coordinator can.
    assert_eq!(
        f.timebank
            .post_listing(&f.bob, offer(&f, "Ironing"), NOW)
            .unwrap_err(),
        LedgerError::NotCoordinator
    );
    f.timebank
        .post_listing(&f.cora, offer(&f, "Ironing"), NOW)
        .unwrap();
}

fn trading_day() -> NewEvent {
    NewEvent {
        kind: EventKind::TradingDay,
        title: "December trading day".into(),
        description: "Bring your slips".into(),
        place: "Village hall".into(),
        starts_at: Timestamp(NOW.0 + 7 * 86_400_000),
        ends_at: Timestamp(NOW.0 + 7 * 86_400_000 + 3 * 3_600_000),
    }
}

#[test]
fn events_are_planned_answered_and_cancelled() {
    let mut f = Fixture::new();
    assert_eq!(
        f.timebank
            .plan_event(&f.ann, trading_day(), NOW)
            .unwrap_err(),
        LedgerError::NotCoordinator
    );
    let id = f.timebank.plan_event(&f.cora, trading_day(), NOW).unwrap();
    let social = NewEvent {
        kind: EventKind::Social,
        title: "Quiz night".into(),
        ..trading_day()
    };
    f.timebank.plan_event(&f.ann, social, NOW).unwrap();

    f.timebank
        .set_attendance(&f.ann, &id, &f.ann, true, NOW)
        .unwrap();
    f.timebank
        .set_attendance(&f.cora, &id, &f.bob, true, NOW)
        .unwrap();
    f.timebank
        .set_attendance(&f.bob, &id, &f.bob, false, NOW)
        .unwrap();
    assert_eq!(
        f.timebank
            .set_attendance(&f.bob, &id, &f.cat, true, NOW)
            .unwrap_err(),
        LedgerError::NotCoordinator
    );
    let coming: Vec<_> = f.timebank.event(&id).unwrap().coming().cloned().collect();
    assert_eq!(coming, [f.ann.clone()]);
    assert_eq!(f.timebank.upcoming_events(NOW).len(), 2);

    f.timebank.cancel_event(&f.cora, &id, NOW).unwrap();
    assert_eq!(f.timebank.upcoming_events(NOW).len(), 1);
    assert_eq!(
        f.timebank
            .set_attendance(&f.cat, &id, &f.cat, true, NOW)
            .unwrap_err(),
        LedgerError::EventCancelled
    );
    let backwards = NewEvent {
        ends_at: trading_day().starts_at,
        ..trading_day()
    };
    assert_eq!(
        f.timebank.plan_event(&f.cora, backwards, NOW).unwrap_err(),
        LedgerError::EventEndsBeforeStart
    );
}

#[test]
fn answers_given_on_two_devices_both_survive() {
    let mut f = Fixture::new();
    let id = f.timebank.plan_event(&f.cora, trading_day(), NOW).unwrap();
    let mut phone = f.timebank.fork(entropy(31));
    f.timebank
        .set_attendance(&f.ann, &id, &f.ann, true, NOW)
        .unwrap();
    phone
        .set_attendance(&f.bob, &id, &f.bob, true, NOW)
        .unwrap();
    f.timebank.merge(&mut phone).unwrap();
    assert_eq!(f.timebank.event(&id).unwrap().coming().count(), 2);
}

#[test]
fn listings_of_members_away_or_gone_do_not_show_on_the_board_and_a_coordinator_posts_for_a_member()
{
    let mut f = Fixture::new();
    let today = NOW.date();
    let post = |f: &mut Fixture, by: &ledger::MemberId, member: &ledger::MemberId, title: &str| {
        f.timebank
            .post_listing(
                by,
                NewListing {
                    kind: ListingKind::Offer,
                    member: member.clone(),
                    title: title.into(),
                    description: String::new(),
                    category: None,
                    expires_on: NOW.plus_days(30).date(),
                },
                NOW,
            )
            .unwrap()
    };
    let (cora, ann, bob, cat) = (f.cora.clone(), f.ann.clone(), f.bob.clone(), f.cat.clone());
    // Ann has no phone: the coordinator posts her offer, in her name.
    let hers = post(&mut f, &cora, &ann, "Ironing");
    assert_eq!(f.timebank.listing(&hers).unwrap().member, ann);
    post(&mut f, &bob, &bob, "Lifts");
    post(&mut f, &cat, &cat, "Sewing");
    // A member cannot post in someone else's name.
    assert!(
        f.timebank
            .post_listing(
                &bob,
                NewListing {
                    kind: ListingKind::Offer,
                    member: cat.clone(),
                    title: "Not mine".into(),
                    description: String::new(),
                    category: None,
                    expires_on: NOW.plus_days(30).date(),
                },
                NOW,
            )
            .is_err()
    );
    let titles = |tb: &ledger::Timebank| {
        let mut titles: Vec<String> = tb
            .search_listings(today, "", None, None)
            .into_iter()
            .map(|l| l.title.clone())
            .collect();
        titles.sort();
        titles
    };
    assert_eq!(titles(&f.timebank), ["Ironing", "Lifts", "Sewing"]);
    f.timebank
        .set_status(&cora, &bob, ledger::MemberStatus::Away, NOW)
        .unwrap();
    f.timebank.leave(&cora, &cat, "", NOW).unwrap();
    assert_eq!(
        titles(&f.timebank),
        ["Ironing"],
        "away and gone do not show"
    );
    f.timebank
        .set_status(&cora, &bob, ledger::MemberStatus::Active, NOW)
        .unwrap();
    assert_eq!(titles(&f.timebank), ["Ironing", "Lifts"], "back again");
}

#[test]
fn an_exchange_from_a_listing_is_kept_with_it_on_every_device() {
    let mut f = Fixture::new();
    let hedge = f
        .timebank
        .post_listing(&f.ann, offer(&f, "Hedge trimming"), NOW)
        .unwrap();
    let before = f.timebank.save();
    // Bob and Cat traded, but Ann posted the listing: refused, nothing written.
    for (by, new, listing, refusal) in [
        (
            &f.bob,
            help(&f.bob, &f.cat, 60),
            hedge.clone(),
            LedgerError::ListingMemberNotInExchange,
        ),
        (
            &f.bob,
            help(&f.bob, &f.ann, 60),
            ledger::ListingId::parse("0123456789abcdef0123456789abcdef").unwrap(),
            LedgerError::UnknownListing,
        ),
    ] {
        assert_eq!(
            f.timebank
                .record_for_listing(by, new, &listing, NOW)
                .map(|r| r.id),
            Err(refusal)
        );
    }
    assert_eq!(f.timebank.save(), before, "nothing written");
    // Bob received Ann's help, from her offer.
    let recorded = f
        .timebank
        .record_for_listing(&f.bob, help(&f.bob, &f.ann, 90), &hedge, NOW)
        .unwrap();
    assert_eq!(f.timebank.balance(&member(&f.ann)), 90);
    let listing = f.timebank.listing(&hedge).unwrap();
    assert!(listing.exchanges.contains(&recorded.id));
    assert_eq!(
        f.timebank
            .listing_of(&recorded.id)
            .map(|l| l.title.as_str()),
        Some("Hedge trimming")
    );
    // Another on a phone apart: both kept once merged, and on reopening.
    let mut phone = f.timebank.fork(entropy(60));
    let second = phone
        .record_for_listing(&f.cat, help(&f.cat, &f.ann, 30), &hedge, NOW)
        .unwrap();
    f.timebank.merge(&mut phone).unwrap();
    assert_eq!(
        f.timebank.listing(&hedge).unwrap().exchanges.len(),
        2,
        "merged"
    );
    let again = ledger::Timebank::load(&f.timebank.save(), entropy(61)).unwrap();
    let kept = &again.listing(&hedge).unwrap().exchanges;
    assert_eq!(kept.len(), 2);
    assert!(kept.contains(&recorded.id) && kept.contains(&second.id));
    // An exchange recorded without a listing names none.
    let plain = f
        .timebank
        .record(&f.bob, help(&f.bob, &f.ann, 30), NOW)
        .unwrap();
    assert!(f.timebank.listing_of(&plain.id).is_none());
}
