//! After an event: the hours of everyone who came, in one step, against
//! the organiser or the community fund; all of it or none; the event keeps
//! which group exchange was its.

use ledger::{
    Account, EventCounterpart, EventExchange, EventId, EventKind, LedgerError, MemberId,
    MemberStatus, NewEvent, Timebank, Timestamp,
};

use super::support::{Fixture, NOW, entropy, hours, member};

const HOUR: i64 = 3_600_000;

/// A social Ann organises, from `start` (ms from now) for an hour, with
/// `coming` saying they come (Ann too: she is not counted).
fn workshop(f: &mut Fixture, start: i64, coming: &[MemberId]) -> EventId {
    let id = f
        .timebank
        .plan_event(
            &f.ann,
            NewEvent {
                kind: EventKind::Social,
                title: "Bread making".into(),
                description: String::new(),
                place: "Hall".into(),
                starts_at: Timestamp(NOW.0 + start),
                ends_at: Timestamp(NOW.0 + start + HOUR),
            },
            Timestamp(NOW.0 - 48 * HOUR),
        )
        .unwrap();
    for who in coming.iter().chain([&f.ann.clone()]) {
        f.timebank
            .set_attendance(&f.cora, &id, who, true, Timestamp(NOW.0 - 48 * HOUR))
            .unwrap();
    }
    id
}

fn exchange(event: &EventId, counterpart: EventCounterpart, attendees_gave: bool) -> EventExchange {
    EventExchange {
        event: event.clone(),
        counterpart,
        attendees_gave,
        minutes: hours(1),
        description: String::new(),
    }
}

#[test]
fn everyone_who_came_received_the_organisers_hour_in_one_group() {
    let mut f = Fixture::new();
    let (bob, cat) = (f.bob.clone(), f.cat.clone());
    let event = workshop(&mut f, -2 * HOUR, &[bob, cat]);
    // The organiser records it herself: she gave the workshop.
    let recorded = f
        .timebank
        .record_event_exchange(
            &f.ann,
            exchange(&event, EventCounterpart::Organiser, false),
            NOW,
        )
        .unwrap();
    assert_eq!(recorded.len(), 2, "Bob and Cat, not Ann");
    let balance = |id: &MemberId, tb: &Timebank| tb.balance(&member(id));
    assert_eq!(balance(&f.ann, &f.timebank), 120);
    assert_eq!(balance(&f.bob, &f.timebank), -60);
    assert_eq!(balance(&f.cat, &f.timebank), -60);
    let first = f.timebank.exchange(&recorded[0].id).unwrap();
    let group = first.group.clone().expect("one group");
    assert_eq!(first.description, "Bread making");
    assert_eq!(first.service_date, Timestamp(NOW.0 - 2 * HOUR).date());
    assert_eq!(f.timebank.group_of(first).len(), 1);
    // The event keeps it, in its saved form too.
    assert!(f.timebank.event(&event).unwrap().exchanges.contains(&group));
    let again = Timebank::load(&f.timebank.save(), entropy(40)).unwrap();
    assert_eq!(again.event_of(&group).map(|e| e.id.clone()), Some(event));
}

#[test]
fn the_fund_pays_everyone_who_helped_and_only_a_coordinator_spends_it() {
    let mut f = Fixture::new();
    let (bob, cat) = (f.bob.clone(), f.cat.clone());
    let event = workshop(&mut f, -2 * HOUR, &[bob, cat]);
    let before = f.timebank.save();
    assert!(
        f.timebank
            .record_event_exchange(
                &f.ann,
                exchange(&event, EventCounterpart::CommunityFund, true),
                NOW
            )
            .is_err()
    );
    assert_eq!(f.timebank.save(), before, "nothing written");
    f.timebank
        .record_event_exchange(
            &f.cora,
            exchange(&event, EventCounterpart::CommunityFund, true),
            NOW,
        )
        .unwrap();
    // Ann came too, as did Bob and Cat: three hours from the fund.
    assert_eq!(f.timebank.balance(&Account::CommunityFund), -180);
    assert_eq!(f.timebank.balance(&member(&f.ann)), 60);
}

#[test]
fn one_person_who_cannot_take_part_stops_the_whole_group_and_nothing_is_written() {
    let mut f = Fixture::new();
    let (bob, cat) = (f.bob.clone(), f.cat.clone());
    let event = workshop(&mut f, -2 * HOUR, &[bob, cat.clone()]);
    f.timebank
        .set_status(&f.cora, &cat, MemberStatus::Away, NOW)
        .unwrap();
    let before = f.timebank.save();
    let count = f.timebank.exchanges().count();
    assert!(matches!(
        f.timebank.record_event_exchange(
            &f.cora,
            exchange(&event, EventCounterpart::Organiser, false),
            NOW
        ),
        Err(LedgerError::MemberNotActive { .. })
    ));
    assert_eq!(f.timebank.exchanges().count(), count);
    assert_eq!(f.timebank.save(), before);
    assert!(f.timebank.event(&event).unwrap().exchanges.is_empty());
}

#[test]
fn an_event_not_begun_cancelled_or_with_nobody_coming_is_refused() {
    let mut f = Fixture::new();
    let bob = f.bob.clone();
    let later = workshop(&mut f, 2 * HOUR, std::slice::from_ref(&bob));
    let record = |f: &mut Fixture, event: &EventId| {
        f.timebank.record_event_exchange(
            &f.cora,
            exchange(event, EventCounterpart::Organiser, false),
            NOW,
        )
    };
    assert_eq!(record(&mut f, &later), Err(LedgerError::EventNotStarted));
    let alone = workshop(&mut f, -2 * HOUR, &[]);
    assert_eq!(record(&mut f, &alone), Err(LedgerError::NobodyCame));
    let cancelled = workshop(&mut f, -2 * HOUR, &[bob]);
    f.timebank
        .cancel_event(&f.ann, &cancelled, Timestamp(NOW.0 - 3 * HOUR))
        .unwrap();
    assert_eq!(record(&mut f, &cancelled), Err(LedgerError::EventCancelled));
    assert_eq!(f.timebank.exchanges().count(), 0);
}
