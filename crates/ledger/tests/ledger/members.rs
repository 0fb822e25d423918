//! Members: joining, numbers, profiles, status and roles.

use ledger::{LedgerError, MemberStatus, NewMember, Profile, Role};

use super::support::{Fixture, NOW, help, member};

#[test]
fn new_members_get_the_next_number_and_start_as_applicants() {
    let mut f = Fixture::new();
    let dee = f
        .timebank
        .add_member(
            &f.cora,
            NewMember {
                name: "  Dee ".into(),
                ..Default::default()
            },
            NOW,
        )
        .unwrap();
    let record = f.timebank.member(&dee).unwrap();
    assert_eq!(record.name, "Dee");
    assert_eq!(record.number, 5);
    assert_eq!(record.status, MemberStatus::Applicant);
    assert_eq!(record.role, Role::Member);
}

#[test]
fn bad_member_input_is_refused() {
    let mut f = Fixture::new();
    let cases = [
        (
            NewMember {
                name: "   ".into(),
                ..Default::default()
            },
            LedgerError::EmptyName,
        ),
        (
            NewMember {
                name: "x".repeat(101),
                ..Default::default()
            },
            LedgerError::NameTooLong,
        ),
        (
            NewMember {
                name: "Eve".into(),
                number: Some(2),
                ..Default::default()
            },
            LedgerError::NumberTaken {
                number: 2,
                name: "Ann".into(),
            },
        ),
        (
            NewMember {
                name: "Eve".into(),
                number: Some(0),
                ..Default::default()
            },
            LedgerError::InvalidNumber,
        ),
    ];
    for (new, expected) in cases {
        assert_eq!(
            f.timebank.add_member(&f.cora, new, NOW).unwrap_err(),
            expected
        );
    }
    let by_member = f.timebank.add_member(
        &f.ann,
        NewMember {
            name: "Eve".into(),
            ..Default::default()
        },
        NOW,
    );
    assert_eq!(by_member.unwrap_err(), LedgerError::NotCoordinator);
}

#[test]
fn members_edit_their_own_profile_but_not_others() {
    let mut f = Fixture::new();
    let profile = Profile {
        offers: "Dog walking".into(),
        neighbourhood: "Mill Lane".into(),
        ..Profile::default()
    };
    f.timebank
        .update_profile(&f.ann, &f.ann, "Ann B", profile.clone(), NOW)
        .unwrap();
    assert_eq!(f.timebank.member(&f.ann).unwrap().profile, profile);
    assert_eq!(f.timebank.member(&f.ann).unwrap().name, "Ann B");
    assert_eq!(
        f.timebank
            .update_profile(&f.bob, &f.ann, "Nope", Profile::default(), NOW)
            .unwrap_err(),
        LedgerError::NotCoordinator
    );
}

#[test]
fn a_member_with_a_balance_cannot_leave_until_it_is_settled() {
    let mut f = Fixture::new();
    f.timebank
        .record(&f.cora, help(&f.ann, &f.bob, 60), NOW)
        .unwrap();
    let error = f
        .timebank
        .set_status(&f.cora, &f.bob, MemberStatus::Left, NOW)
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "Bob still has a balance of 1 h. Settle it with the community fund as they leave."
    );
    let owing = f
        .timebank
        .set_status(&f.cora, &f.ann, MemberStatus::Left, NOW)
        .unwrap_err();
    assert_eq!(
        owing.to_string(),
        "Ann still has a balance of -1 h. Settle it with the community fund as they leave."
    );
    f.timebank
        .donate(&f.bob, &f.bob, 60, "Leaving: hours to the fund", NOW)
        .unwrap();
    f.timebank
        .set_status(&f.cora, &f.bob, MemberStatus::Left, NOW)
        .unwrap();
    assert_eq!(
        f.timebank.member(&f.bob).unwrap().status,
        MemberStatus::Left
    );
    assert_eq!(f.timebank.balance(&member(&f.bob)), 0);
}

#[test]
fn per_member_limits_override_the_timebank_limits() {
    let mut f = Fixture::new();
    assert_eq!(f.timebank.limits(&member(&f.ann)), Some((-600, 2400)));
    f.timebank
        .set_limits(&f.cora, &f.ann, Some(-120), None, NOW)
        .unwrap();
    assert_eq!(f.timebank.limits(&member(&f.ann)), Some((-120, 2400)));
    assert_eq!(
        f.timebank
            .set_limits(&f.cora, &f.ann, Some(60), None, NOW)
            .unwrap_err(),
        LedgerError::InvalidLimits
    );
}
