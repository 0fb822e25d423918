//! A coordinator finds any exchange: by member, dates, category, where it
//! stands, how it was recorded, its paper slip, or words in its description.

use ledger::{
    Account, CategoryChoice, Channel, ChannelKind, ExchangeId, ExchangeQuery, NewExchange,
    Standing, Timebank,
};
use proptest::prelude::*;

use super::support::{Fixture, NOW, day, help, member};

/// Six exchanges, one of each standing and channel that matters:
/// - "garden": Bob recorded Ann helping him; waits for Ann (pending);
/// - "shopping": Cat recorded helping Ann; Ann rejected it;
/// - "ironing": Bob recorded Cat helping him, then withdrew it;
/// - "slip 0042": Cora entered paper slip 0042, Ann helped Cat, in Cooking;
/// - "lift": Cora recorded Bob helping Cat, then reversed it;
/// - the reversal of "lift", dated today.
struct Six {
    f: Fixture,
    ids: Vec<(&'static str, ExchangeId)>,
}

fn six() -> Six {
    let mut f = Fixture::new();
    let on = |mut new: NewExchange, date: &str, description: &str| {
        new.service_date = day(date);
        new.description = description.into();
        new
    };
    let tb = &mut f.timebank;
    let garden = tb
        .record(
            &f.bob,
            on(help(&f.bob, &f.ann, 60), "2026-11-01", "Weeding the garden"),
            NOW,
        )
        .unwrap()
        .id;
    let shopping = tb
        .record(
            &f.cat,
            on(help(&f.ann, &f.cat, 90), "2026-10-12", "Weekly shopping"),
            NOW,
        )
        .unwrap()
        .id;
    tb.reject(&f.ann, &shopping, "It was 30 minutes", NOW)
        .unwrap();
    let ironing = tb
        .record(
            &f.bob,
            on(help(&f.bob, &f.cat, 30), "2026-11-15", "Ironing"),
            NOW,
        )
        .unwrap()
        .id;
    tb.withdraw(&f.bob, &ironing, "", NOW).unwrap();
    let mut slip = on(help(&f.cat, &f.ann, 120), "2026-09-30", "Cooked a meal");
    slip.channel = Channel::PaperSlip {
        number: "0042".into(),
    };
    slip.category = Some("Cooking".into());
    let slip = tb.record(&f.cora, slip, NOW).unwrap().id;
    let mut lift = on(
        help(&f.cat, &f.bob, 45),
        "2026-11-02",
        "A lift to the station",
    );
    lift.channel = Channel::Coordinator;
    let lift = tb.record(&f.cora, lift, NOW).unwrap().id;
    let reversal = tb.reverse(&f.cora, &lift, "Wrong member", NOW).unwrap().id;
    Six {
        f,
        ids: vec![
            ("garden", garden),
            ("shopping", shopping),
            ("ironing", ironing),
            ("slip", slip),
            ("lift", lift),
            ("reversal", reversal),
        ],
    }
}

impl Six {
    fn find(&self, query: &ExchangeQuery) -> Vec<&'static str> {
        self.f
            .timebank
            .find_exchanges(query, NOW)
            .into_iter()
            .map(|e| {
                self.ids
                    .iter()
                    .find(|(_, id)| *id == e.id)
                    .map(|(name, _)| *name)
                    .unwrap()
            })
            .collect()
    }
}

#[test]
fn each_part_of_a_query_finds_what_a_coordinator_means() {
    let six = six();
    let (ann, bob) = (six.f.ann.clone(), six.f.bob.clone());
    let query = |edit: &dyn Fn(&mut ExchangeQuery)| {
        let mut query = ExchangeQuery::default();
        edit(&mut query);
        query
    };
    let cases: Vec<(&str, ExchangeQuery, Vec<&str>)> = vec![
        (
            "everything, newest first (the reversal is dated today)",
            ExchangeQuery::default(),
            vec!["reversal", "ironing", "lift", "garden", "shopping", "slip"],
        ),
        (
            "Ann gave or received",
            query(&|q| q.account = Some(member(&ann))),
            vec!["garden", "shopping", "slip"],
        ),
        (
            "Bob, reversal included",
            query(&|q| q.account = Some(member(&bob))),
            vec!["reversal", "ironing", "lift", "garden"],
        ),
        (
            "the community fund took part in none",
            query(&|q| q.account = Some(Account::CommunityFund)),
            vec![],
        ),
        (
            "from the first of November, included",
            query(&|q| q.from = Some(day("2026-11-01"))),
            vec!["reversal", "ironing", "lift", "garden"],
        ),
        (
            "up to the first of November, included",
            query(&|q| q.to = Some(day("2026-11-01"))),
            vec!["garden", "shopping", "slip"],
        ),
        (
            "October only",
            query(&|q| {
                q.from = Some(day("2026-10-01"));
                q.to = Some(day("2026-10-31"));
            }),
            vec!["shopping"],
        ),
        (
            "in Cooking",
            query(&|q| q.category = Some(CategoryChoice::Named("Cooking".into()))),
            vec!["slip"],
        ),
        (
            "without a category",
            query(&|q| q.category = Some(CategoryChoice::None)),
            vec!["reversal", "ironing", "lift", "garden", "shopping"],
        ),
        (
            "waiting for confirmation",
            query(&|q| q.standing = Some(Standing::Pending)),
            vec!["garden"],
        ),
        (
            "rejected",
            query(&|q| q.standing = Some(Standing::Rejected)),
            vec!["shopping"],
        ),
        (
            "withdrawn",
            query(&|q| q.standing = Some(Standing::Withdrawn)),
            vec!["ironing"],
        ),
        (
            "reversed: the original, not its reversal",
            query(&|q| q.standing = Some(Standing::Reversed)),
            vec!["lift"],
        ),
        (
            "confirmed: the slip and the reversal",
            query(&|q| q.standing = Some(Standing::Confirmed)),
            vec!["reversal", "slip"],
        ),
        (
            "paper slips",
            query(&|q| q.channel = Some(ChannelKind::PaperSlip)),
            vec!["slip"],
        ),
        (
            "recorded by a coordinator",
            query(&|q| q.channel = Some(ChannelKind::Coordinator)),
            vec!["reversal", "lift"],
        ),
        (
            "slip number as written",
            query(&|q| q.slip = Some("0042".into())),
            vec!["slip"],
        ),
        (
            "slip number with spaces around it",
            query(&|q| q.slip = Some(" 0042 ".into())),
            vec!["slip"],
        ),
        (
            "another slip number finds nothing",
            query(&|q| q.slip = Some("42".into())),
            vec![],
        ),
        (
            "a word of the description, any case",
            query(&|q| q.text = "GARDEN".into()),
            vec!["garden"],
        ),
        (
            "the reason of a reversal is in its description",
            query(&|q| q.text = "wrong member".into()),
            vec!["reversal"],
        ),
        (
            "several parts: all must hold",
            query(&|q| {
                q.account = Some(member(&ann));
                q.standing = Some(Standing::Pending);
                q.text = "garden".into();
            }),
            vec!["garden"],
        ),
        (
            "several parts that exclude each other",
            query(&|q| {
                q.account = Some(member(&ann));
                q.channel = Some(ChannelKind::Coordinator);
            }),
            vec![],
        ),
    ];
    for (what, query, expected) in cases {
        assert_eq!(six.find(&query), expected, "{what}");
    }
}

#[test]
fn a_list_says_reversed_for_an_exchange_put_right_and_links_both_ways() {
    let six = six();
    let tb = &six.f.timebank;
    let lift = tb.exchange(&six.ids[4].1).unwrap();
    let reversal = tb.exchange(&six.ids[5].1).unwrap();
    assert_eq!(tb.standing(lift, NOW), Standing::Reversed);
    assert_eq!(tb.standing(reversal, NOW), Standing::Confirmed);
    assert_eq!(
        tb.reversals_of(&lift.id)
            .into_iter()
            .map(|e| e.id.clone())
            .collect::<Vec<_>>(),
        vec![reversal.id.clone()]
    );
    assert_eq!(reversal.reversal_of.as_ref(), Some(&lift.id));
}

#[test]
fn the_codes_in_an_address_read_back_as_what_they_name() {
    for standing in Standing::ALL {
        assert_eq!(Standing::from_code(standing.code()), Some(standing));
    }
    for channel in ChannelKind::ALL {
        assert_eq!(ChannelKind::from_code(channel.code()), Some(channel));
    }
    assert_eq!(Standing::from_code("Pending"), None);
    assert_eq!(ChannelKind::from_code(""), None);
}

#[test]
fn the_exchanges_of_a_group_name_each_other() {
    let mut f = Fixture::new();
    let recorded = f
        .timebank
        .record_group(
            &f.cora,
            ledger::NewGroupExchange {
                payers: vec![member(&f.bob), member(&f.cat)],
                payees: vec![member(&f.ann)],
                minutes: 60,
                service_date: day("2026-11-20"),
                description: "Gardening morning".into(),
                category: None,
                channel: Channel::Coordinator,
            },
            NOW,
        )
        .unwrap();
    let first = f.timebank.exchange(&recorded[0].id).unwrap();
    let others: Vec<_> = f
        .timebank
        .group_of(first)
        .into_iter()
        .map(|e| e.id.clone())
        .collect();
    assert_eq!(others, vec![recorded[1].id.clone()]);
    let alone = f
        .timebank
        .record(&f.cora, help(&f.ann, &f.bob, 60), NOW)
        .unwrap()
        .id;
    assert!(
        f.timebank
            .group_of(f.timebank.exchange(&alone).unwrap())
            .is_empty()
    );
}

/// Builds a timebank of `n` exchanges between Ann, Bob, Cat and the fund,
/// on days, with descriptions and channels picked by `picks`.
fn many(picks: &[(u8, u8, u8, u8)]) -> Timebank {
    let mut f = Fixture::new();
    let people = [
        member(&f.ann),
        member(&f.bob),
        member(&f.cat),
        Account::CommunityFund,
    ];
    for (k, &(payer, day_of_month, words, channel)) in picks.iter().enumerate() {
        let payer = &people[usize::from(payer) % 4];
        let payee = &people[(usize::from(payer == &people[0]) + usize::from(words)) % 3];
        if payer == payee {
            continue;
        }
        let new = NewExchange {
            payer: payer.clone(),
            payee: payee.clone(),
            minutes: 30,
            service_date: day(&format!("2026-10-{:02}", 1 + day_of_month % 28)),
            description: ["Garden", "Shopping", "garden tidy", "Lift"][usize::from(words) % 4]
                .into(),
            category: (words % 2 == 0).then(|| "Repairs".to_string()),
            channel: match channel % 3 {
                0 => Channel::Coordinator,
                1 => Channel::PaperSlip {
                    number: format!("{}", k % 5),
                },
                _ => Channel::TradingDayTally,
            },
        };
        f.timebank.record(&f.cora, new, NOW).unwrap();
    }
    f.timebank
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Whatever the exchanges and the query, the list holds exactly the
    /// exchanges each part of the query lets through, newest first, each once.
    #[test]
    fn a_query_finds_exactly_what_each_of_its_parts_lets_through(
        picks in prop::collection::vec((0u8..4, 0u8..28, 0u8..4, 0u8..3), 0..24),
        who in prop::option::of(0u8..4),
        from in prop::option::of(0u8..28),
        to in prop::option::of(0u8..28),
        slip in prop::option::of(0u8..6),
        words in prop::sample::select(vec!["", "garden", "LIFT", "nothing"]),
        repairs in prop::option::of(any::<bool>()),
    ) {
        let tb = many(&picks);
        let people: Vec<Account> = {
            let mut all: Vec<Account> = tb.members().map(|m| Account::Member(m.id.clone())).collect();
            all.push(Account::CommunityFund);
            all
        };
        let day_of = |d: u8| day(&format!("2026-10-{:02}", 1 + d % 28));
        let query = ExchangeQuery {
            account: who.map(|w| people[usize::from(w) % people.len()].clone()),
            from: from.map(day_of),
            to: to.map(day_of),
            category: repairs.map(|r| if r { CategoryChoice::Named("Repairs".into()) } else { CategoryChoice::None }),
            standing: None,
            channel: None,
            slip: slip.map(|s| s.to_string()),
            text: words.into(),
        };
        let found = tb.find_exchanges(&query, NOW);
        let expected: std::collections::BTreeSet<ExchangeId> = tb
            .exchanges()
            .filter(|e| query.account.as_ref().is_none_or(|a| e.payer == *a || e.payee == *a))
            .filter(|e| query.from.is_none_or(|d| e.service_date >= d))
            .filter(|e| query.to.is_none_or(|d| e.service_date <= d))
            .filter(|e| match &query.category {
                None => true,
                Some(CategoryChoice::None) => e.category.is_none(),
                Some(CategoryChoice::Named(c)) => e.category.as_ref() == Some(c),
            })
            .filter(|e| query.slip.as_ref().is_none_or(|s| e.slip_number() == Some(s.as_str())))
            .filter(|e| e.description.to_lowercase().contains(&query.text.to_lowercase()))
            .map(|e| e.id.clone())
            .collect();
        let ids: std::collections::BTreeSet<ExchangeId> = found.iter().map(|e| e.id.clone()).collect();
        prop_assert_eq!(ids.len(), found.len(), "each exchange once");
        prop_assert_eq!(ids, expected);
        for pair in found.windows(2) {
            prop_assert!(
                (pair[0].service_date, pair[0].recorded_at) >= (pair[1].service_date, pair[1].recorded_at),
                "newest first"
            );
        }
    }

    /// A page of the list is that stretch of the whole list, in the same
    /// order, and says how long the whole list is; past its end, empty.
    #[test]
    fn a_page_of_the_list_is_that_stretch_of_the_whole_list(
        picks in prop::collection::vec((0u8..4, 0u8..28, 0u8..4, 0u8..3), 0..24),
        who in prop::option::of(0u8..4),
        first in 0usize..30,
        count in 0usize..12,
    ) {
        let tb = many(&picks);
        let people: Vec<Account> = tb.members().map(|m| Account::Member(m.id.clone())).collect();
        let query = ExchangeQuery {
            account: who.map(|w| people[usize::from(w) % people.len()].clone()),
            ..ExchangeQuery::default()
        };
        let whole = tb.find_exchanges(&query, NOW);
        let (total, page) = tb.find_exchanges_page(&query, NOW, first, count);
        prop_assert_eq!(total, whole.len());
        let stretch: Vec<&ExchangeId> = whole.iter().skip(first).take(count).map(|e| &e.id).collect();
        let ids: Vec<&ExchangeId> = page.iter().map(|e| &e.id).collect();
        prop_assert_eq!(ids, stretch);
    }
}
