//! A coordinator renames the timebank, and sets the currency its cash is
//! counted in and the language new devices show it in.

use ledger::{Currency, LedgerError, Timebank, TimebankDetails, Unit};

use super::support::{Fixture, NOW, entropy};

fn details(name: &str, currency: Currency, language: Option<&str>) -> TimebankDetails {
    TimebankDetails {
        name: name.into(),
        unit_label: "hours".into(),
        unit_label_one: String::new(),
        currency,
        language: language.map(String::from),
    }
}

#[test]
fn a_coordinator_renames_the_timebank_and_sets_its_currency_and_language() {
    let mut f = Fixture::new();
    let info = f.timebank.info().clone();
    assert_eq!(
        (info.currency, info.language.clone()),
        (Currency::PoundSterling, None)
    );
    let before = f.timebank.save();
    for (by, wanted, refusal) in [
        (
            &f.ann,
            details("Ours", Currency::Euro, None),
            LedgerError::NotCoordinator,
        ),
        (
            &f.cora,
            details("  ", Currency::Euro, None),
            LedgerError::EmptyName,
        ),
        (
            &f.cora,
            details("Ours", Currency::Euro, Some("fr; drop")),
            LedgerError::UnknownLanguage("fr; drop".into()),
        ),
    ] {
        assert_eq!(f.timebank.update_details(by, wanted, NOW), Err(refusal));
    }
    assert_eq!(f.timebank.save(), before, "nothing written");
    f.timebank
        .update_details(
            &f.cora,
            details(" Banque du Quartier ", Currency::Euro, Some("fr")),
            NOW,
        )
        .unwrap();
    let info = f.timebank.info();
    assert_eq!(info.name, "Banque du Quartier");
    assert_eq!(info.currency, Currency::Euro);
    assert_eq!(info.language.as_deref(), Some("fr"));
    // Its id and creation never change.
    assert_eq!(info.id, f.timebank.info().id);
    // Another device reads the same.
    let again = Timebank::load(&f.timebank.save(), entropy(50)).unwrap();
    assert_eq!(again.info(), f.timebank.info());
    // Back to the browser's language.
    f.timebank
        .update_details(
            &f.cora,
            details("Banque du Quartier", Currency::Euro, Some("")),
            NOW,
        )
        .unwrap();
    assert_eq!(f.timebank.info().language, None);
}

#[test]
fn two_devices_renaming_apart_agree_once_merged() {
    let mut f = Fixture::new();
    let mut phone = f.timebank.fork(entropy(51));
    f.timebank
        .update_details(
            &f.cora,
            details("North", Currency::PoundSterling, None),
            NOW,
        )
        .unwrap();
    phone
        .update_details(
            &f.cora,
            details("South", Currency::UsDollar, Some("en")),
            NOW,
        )
        .unwrap();
    let mut tablet = f.timebank.fork(entropy(52));
    tablet.merge(&mut phone).unwrap();
    phone.merge(&mut f.timebank).unwrap();
    assert_eq!(tablet.info(), phone.info());
}

#[test]
fn a_coordinator_names_the_unit_and_every_device_reads_it() {
    let mut f = Fixture::new();
    assert_eq!(f.timebank.info().unit(), Unit::Hours, "hours at first");
    let mut wanted = details("Ours", Currency::PoundSterling, None);
    wanted.unit_label = " Time Credits ".into();
    wanted.unit_label_one = "Time Credit".into();
    f.timebank.update_details(&f.cora, wanted, NOW).unwrap();
    let again = Timebank::load(&f.timebank.save(), entropy(53)).unwrap();
    assert_eq!(
        again.info().unit(),
        Unit::Named {
            one: "Time Credit".into(),
            other: "Time Credits".into()
        }
    );
    // Back to hours, said in each reader's language.
    let mut wanted = details("Ours", Currency::PoundSterling, None);
    wanted.unit_label = "Heures".into();
    f.timebank.update_details(&f.cora, wanted, NOW).unwrap();
    assert_eq!(f.timebank.info().unit(), Unit::Hours);
}

#[test]
fn units_are_read_from_their_labels() {
    for (label, one, unit) in [
        ("hours", "", Unit::Hours),
        (" Hours ", "hour", Unit::Hours),
        ("heures", "", Unit::Hours),
        ("", "", Unit::Hours),
        (
            "time credits",
            "",
            Unit::Named {
                one: "time credits".into(),
                other: "time credits".into(),
            },
        ),
        (
            "crédits temps",
            " crédit temps ",
            Unit::Named {
                one: "crédit temps".into(),
                other: "crédits temps".into(),
            },
        ),
    ] {
        assert_eq!(Unit::named(label, one), unit, "{label:?} / {one:?}");
    }
}
