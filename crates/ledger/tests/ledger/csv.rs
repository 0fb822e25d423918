//! CSV exports and imports for coordinators moving between tools.

use ledger::{Account, ImportError, LedgerError, RowProblem, Timebank};

use super::support::{Fixture, NOW, entropy, help, hours, member};

#[test]
fn members_export_lists_everyone_with_their_balance() {
    let mut f = Fixture::new();
    f.timebank
        .record(&f.cora, help(&f.ann, &f.bob, 90), NOW)
        .unwrap();
    let csv = f.timebank.members_csv();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines,
        [
            "number,name,status,role,joined,phone,email,neighbourhood,offers,needs,balance_hours",
            "1,Cora,active,coordinator,2026-11-28,,,,,,0.00",
            "2,Ann,active,member,2026-11-28,,,,,,-1.50",
            "3,Bob,active,member,2026-11-28,,,,,,1.50",
            "4,Cat,active,member,2026-11-28,,,,,,0.00",
        ]
    );
}

#[test]
fn a_member_import_with_bad_rows_names_each_one_and_applies_nothing() {
    let mut f = Fixture::new();
    let before = f.timebank.save();
    let file = "\
Name,Number,Status,Joined,Balance
Dee,10,active,2025-01-05,2.5
,11,active,,
Eve,2,active,,
Fay,12,retired,,
Gus,13,active,31/02/2025,
Hal,14,active,,lots
";
    let error = f
        .timebank
        .import_members_csv(&f.cora, file, NOW)
        .unwrap_err();
    let ImportError::Rows(problems) = &error else {
        panic!("expected row problems, got {error:?}");
    };
    let lines: Vec<u64> = problems.iter().map(|p: &RowProblem| p.line).collect();
    assert_eq!(lines, [3, 4, 5, 6, 7]);
    assert_eq!(
        problems[1].message,
        "Member number 2 already belongs to Ann."
    );
    assert!(
        error
            .to_string()
            .starts_with("Nothing was imported because 5 row(s) need fixing")
    );
    assert_eq!(
        f.timebank.save(),
        before,
        "a failed import changed the timebank"
    );
}

#[test]
fn a_good_member_import_adds_members_and_opening_balances() {
    let mut f = Fixture::new();
    let file = "\u{feff}full name;member no\n";
    assert_eq!(
        f.timebank
            .import_members_csv(&f.cora, file, NOW)
            .unwrap_err(),
        ImportError::MissingColumn("name")
    );
    let file = "\
Full name,Member number,Phone,Neighbourhood,Offers,Balance,Status
Dee Dunn,10,01234 567890,Mill Lane,Baking,2.5,
Eve Ede,,,,,-1:15,away
Fay Fox,,,,,,applicant
";
    let summary = f.timebank.import_members_csv(&f.cora, file, NOW).unwrap();
    assert_eq!(summary.members_added, 3);
    assert_eq!(summary.opening_balances, 2);
    let by_name = |name: &str| {
        f.timebank
            .members()
            .find(|m| m.name == name)
            .unwrap()
            .clone()
    };
    let (dee, eve, fay) = (by_name("Dee Dunn"), by_name("Eve Ede"), by_name("Fay Fox"));
    assert_eq!((dee.number, eve.number, fay.number), (10, 11, 12));
    assert_eq!(dee.profile.neighbourhood, "Mill Lane");
    assert_eq!(f.timebank.balance(&member(&dee.id)), 150);
    assert_eq!(f.timebank.balance(&member(&eve.id)), -75);
    assert_eq!(f.timebank.balance(&Account::CommunityFund), -75);
    assert_eq!(f.timebank.balances().values().sum::<i64>(), 0);
    assert_eq!(
        f.timebank
            .import_members_csv(&f.ann, file, NOW)
            .unwrap_err(),
        ImportError::NotAllowed(LedgerError::NotCoordinator)
    );
}

#[test]
fn an_exchange_import_checks_every_row_first() {
    let mut f = Fixture::new();
    let before = f.timebank.save();
    let file = "\
date,received by,given by,hours,description,category
2026-11-01,2,3,1.5,Gardening,Home and garden
2026-11-02,2,2,1,Oops,
2026-11-03,9,3,1,Nobody,
2026-11-04,Ann,Bob,lots,,
2026-12-25,Ann,Bob,1,Christmas,
2026-11-05,Ann,Bob,1,,Knitting
2026-11-06,Ann,Bob,-1,,
";
    let Err(ImportError::Rows(problems)) = f.timebank.import_exchanges_csv(&f.cora, file, NOW)
    else {
        panic!("expected row problems");
    };
    let found: Vec<(u64, &str)> = problems
        .iter()
        .map(|p| (p.line, p.message.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            (
                3,
                "The person who gave the help and the person who received it must be different."
            ),
            (4, "There is no member number 9."),
            (5, "\"lots\" is not a number of hours (write 1.5 or 1:30)."),
            (
                6,
                "The date 2026-12-25 is in the future. Record an exchange on or after the day it happened."
            ),
            (7, "\"Knitting\" is not one of this timebank's categories."),
            (8, "The time must be more than zero."),
        ]
    );
    assert_eq!(f.timebank.save(), before);
}

#[test]
fn exported_exchanges_import_into_another_timebank_with_the_same_balances() {
    let mut f = Fixture::new();
    f.timebank
        .record(&f.cora, help(&f.ann, &f.bob, hours(2)), NOW)
        .unwrap();
    f.timebank
        .record(&f.cora, help(&f.bob, &f.cat, 45), NOW)
        .unwrap();
    f.timebank
        .donate(&f.cat, &f.cat, 15, "Thanks", NOW)
        .unwrap();

    let (mut other, coordinator) = Timebank::create(
        ledger::NewTimebank {
            name: "New home".into(),
            unit_label: "hours".into(),
            settings: ledger::Settings::default(),
            founder_key: None,
        },
        ledger::NewMember {
            name: "Cora".into(),
            ..Default::default()
        },
        NOW,
        entropy(51),
    )
    .unwrap();
    // The members without their balances (the exchanges bring those), and
    // without Cora, who founded the new timebank too.
    let members_only: String = f
        .timebank
        .members_csv()
        .lines()
        .filter(|line| !line.starts_with("1,"))
        .map(|line| line.rsplit_once(',').unwrap().0.to_string() + "\n")
        .collect();
    other
        .import_members_csv(&coordinator, &members_only, NOW)
        .unwrap();
    let summary = other
        .import_exchanges_csv(&coordinator, &f.timebank.exchanges_csv(NOW), NOW)
        .unwrap();
    assert_eq!(summary.exchanges_added, 3);

    let balances_by_number = |timebank: &Timebank| -> Vec<(u32, i64)> {
        let mut list: Vec<_> = timebank
            .members()
            .map(|m| (m.number, timebank.balance(&member(&m.id))))
            .collect();
        list.sort();
        list
    };
    assert_eq!(balances_by_number(&other), balances_by_number(&f.timebank));
}

#[test]
fn members_with_balances_move_to_another_timebank_whole() {
    let mut f = Fixture::new();
    f.timebank
        .record(&f.cora, help(&f.ann, &f.bob, hours(2)), NOW)
        .unwrap();
    let (mut other, coordinator) = Timebank::create(
        ledger::NewTimebank {
            name: "New home".into(),
            unit_label: "hours".into(),
            settings: ledger::Settings::default(),
            founder_key: None,
        },
        ledger::NewMember {
            name: "Zed".into(),
            number: Some(100),
            ..Default::default()
        },
        NOW,
        entropy(52),
    )
    .unwrap();
    let summary = other
        .import_members_csv(&coordinator, &f.timebank.members_csv(), NOW)
        .unwrap();
    assert_eq!((summary.members_added, summary.opening_balances), (4, 2));
    for m in f.timebank.members() {
        let moved = other.member_by_number(m.number)[0];
        assert_eq!(moved.name, m.name);
        assert_eq!(
            other.balance(&member(&moved.id)),
            f.timebank.balance(&member(&m.id))
        );
    }
}

#[test]
fn a_statement_exports_with_a_running_balance() {
    let mut f = Fixture::new();
    f.timebank
        .record(&f.cora, help(&f.ann, &f.bob, 90), NOW)
        .unwrap();
    f.timebank
        .record(&f.cora, help(&f.bob, &f.ann, 30), NOW)
        .unwrap();
    let csv = f.timebank.statement_csv(&f.ann);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "date,with,description,hours,balance_hours");
    assert_eq!(lines.len(), 3);
    assert!(lines[1].ends_with(",-1.50,-1.50") || lines[1].ends_with(",0.50,0.50"));
    assert!(lines[2].ends_with(",-1.00"));
}
