//! Editing a member's details: their name and profile (the member themselves
//! or a coordinator), and for coordinators their number, role and own
//! limits. Everything is checked before anything is written.

use ledger::{LedgerError, Member, MemberId, Profile, Role, checked_name};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};

use crate::form::{TextField, field_error, focus_first_invalid};
use crate::i18n::{Language, Locale, Text};
use crate::page_heading::PageHeading;
use crate::session::Session;

/// Hours as typed ("-10", "2.5") to minutes; empty means "the timebank's".
fn optional_limit(text: &str) -> Result<Option<i64>, ()> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    ledger::parse_hours(text).map(Some).ok_or(())
}

fn hours_text(minutes: Option<i64>) -> String {
    minutes.map(ledger::hours_text).unwrap_or_default()
}

#[derive(Clone, Default, PartialEq)]
struct Errors {
    name: Option<String>,
    number: Option<String>,
    floor: Option<String>,
    ceiling: Option<String>,
    form: Option<String>,
}

#[component]
pub fn MemberEdit() -> impl IntoView {
    let locale = Locale::get();
    let session = Session::get();
    let params = use_params_map();
    let id = params
        .read_untracked()
        .get("id")
        .and_then(|id| MemberId::parse(&id));
    // As `Session::change` decides it (a locked shared tablet is not a
    // coordinator's).
    let coordinator = session.is_coordinator();
    let found = id.clone().and_then(|id| {
        session
            .read(|tb, me| {
                let member = tb.member(&id)?.clone();
                let may_edit = coordinator || me == Some(&id);
                Some((member, coordinator, may_edit))
            })
            .flatten()
    });
    match found {
        Some((member, coordinator, true)) => {
            view! { <EditForm member=member coordinator=coordinator /> }.into_any()
        }
        Some((_, _, false)) => view! {
            <section class="page" aria-labelledby="edit-heading">
                <PageHeading id="edit-heading">{move || locale.t(Text::EditProfile)}</PageHeading>
                <p>{move || locale.language().error(&LedgerError::NotCoordinator)}</p>
            </section>
        }
        .into_any(),
        None => view! {
            <section class="page" aria-labelledby="edit-heading">
                <PageHeading id="edit-heading">{move || locale.t(Text::MemberNotFound)}</PageHeading>
            </section>
        }
        .into_any(),
    }
}

#[component]
fn EditForm(member: Member, coordinator: bool) -> impl IntoView {
    let locale = Locale::get();
    let t = move |text| locale.t(text);
    let session = Session::get();
    let navigate = use_navigate();
    let id = member.id.clone();
    let original = member.clone();
    let name = RwSignal::new(member.name.clone());
    let phone = RwSignal::new(member.profile.phone.clone());
    let email = RwSignal::new(member.profile.email.clone());
    let neighbourhood = RwSignal::new(member.profile.neighbourhood.clone());
    let offers = RwSignal::new(member.profile.offers.clone());
    let needs = RwSignal::new(member.profile.needs.clone());
    let number = RwSignal::new(member.number.to_string());
    let role = RwSignal::new(if member.role == Role::Coordinator {
        "coordinator".to_string()
    } else {
        "member".to_string()
    });
    let floor = RwSignal::new(hours_text(member.debit_floor_minutes));
    let ceiling = RwSignal::new(hours_text(member.credit_ceiling_minutes));
    let errors = RwSignal::new(Errors::default());
    let back = format!("/members/{}", member.id);

    let submit = {
        let (id, back) = (id.clone(), back.clone());
        move |event: leptos::ev::SubmitEvent| {
            event.prevent_default();
            let language = locale.language();
            match save(
                &session,
                &id,
                &original,
                coordinator,
                Entered {
                    name: name.get_untracked(),
                    profile: Profile {
                        phone: phone.get_untracked().trim().to_string(),
                        email: email.get_untracked().trim().to_string(),
                        neighbourhood: neighbourhood.get_untracked().trim().to_string(),
                        offers: offers.get_untracked().trim().to_string(),
                        needs: needs.get_untracked().trim().to_string(),
                    },
                    number: number.get_untracked(),
                    role: if role.get_untracked() == "coordinator" {
                        Role::Coordinator
                    } else {
                        Role::Member
                    },
                    floor: floor.get_untracked(),
                    ceiling: ceiling.get_untracked(),
                },
                language,
            ) {
                Ok(()) => navigate(&back, Default::default()),
                Err(found) => {
                    errors.set(found);
                    focus_first_invalid();
                }
            }
        }
    };
    let error_of = move |pick: fn(&Errors) -> Option<String>| field_error(errors, pick);
    let title = {
        let name = member.name.clone();
        move || {
            locale
                .language()
                .fill(Text::EditMemberTitle, &[("name", &name)])
        }
    };
    let back_label = {
        let name = member.name.clone();
        move || {
            locale
                .language()
                .fill(Text::BackToMember, &[("name", &name)])
        }
    };
    let area = move |field: &'static str, label: Text, value: RwSignal<String>| {
        view! {
            <div class="field">
                <label for=field>{move || t(label)}</label>
                <textarea id=field rows="3" prop:value=move || value.get() on:input=move |e| value.set(event_target_value(&e))></textarea>
            </div>
        }
    };

    view! {
        <Title text=title.clone() />
        <section class="page" aria-labelledby="edit-heading">
            <PageHeading id="edit-heading">{title}</PageHeading>
            <form class="stack" on:submit=submit novalidate=true>
                <TextField id="edit-name" label=Signal::derive(move || t(Text::MemberNameLabel)) value=name error=error_of(|e| e.name.clone()) autocomplete="off" />
                <TextField id="edit-phone" label=Signal::derive(move || t(Text::PhoneLabel)) value=phone error=error_of(|_| None) input_type="tel" autocomplete="off" />
                <TextField id="edit-email" label=Signal::derive(move || t(Text::EmailLabel)) value=email error=error_of(|_| None) input_type="email" autocomplete="off" />
                <TextField id="edit-neighbourhood" label=Signal::derive(move || t(Text::NeighbourhoodLabel)) value=neighbourhood error=error_of(|_| None) autocomplete="off" />
                {area("edit-offers", Text::OffersLabel, offers)}
                {area("edit-needs", Text::NeedsLabel, needs)}
                {coordinator.then(|| view! {
                    <TextField id="edit-number" label=Signal::derive(move || t(Text::MemberNumberLabel)) value=number error=error_of(|e| e.number.clone()) input_mode="numeric" autocomplete="off" />
                    <div class="field">
                        <label for="edit-role">{move || t(Text::RoleLabel)}</label>
                        <select id="edit-role" on:change=move |e| role.set(event_target_value(&e))>
                            <option value="member" selected=move || role.get() == "member">{move || t(Text::RoleMember)}</option>
                            <option value="coordinator" selected=move || role.get() == "coordinator">{move || t(Text::RoleCoordinator)}</option>
                        </select>
                    </div>
                    <TextField id="edit-floor" label=Signal::derive(move || t(Text::OwnFloorLabel)) value=floor error=error_of(|e| e.floor.clone()) input_mode="decimal" autocomplete="off" />
                    <TextField id="edit-ceiling" label=Signal::derive(move || t(Text::OwnCeilingLabel)) value=ceiling error=error_of(|e| e.ceiling.clone()) input_mode="decimal" autocomplete="off" />
                })}
                <p class="error" role="alert">{move || errors.with(|e| e.form.clone())}</p>
                <button type="submit" class="button primary">{move || t(Text::SaveDetails)}</button>
            </form>
            <p><A href=back>{back_label}</A></p>
        </section>
    }
}

/// What the form holds when saved.
struct Entered {
    name: String,
    profile: Profile,
    number: String,
    role: Role,
    floor: String,
    ceiling: String,
}

/// Checks every field, then writes what changed; nothing is written unless
/// all of it is good.
fn save(
    session: &Session,
    id: &MemberId,
    original: &Member,
    coordinator: bool,
    entered: Entered,
    language: Language,
) -> Result<(), Errors> {
    let mut errors = Errors::default();
    if let Err(problem) = checked_name(&entered.name) {
        errors.name = Some(language.error(&problem));
    }
    let number = entered.number.trim().parse::<u32>().ok().filter(|n| *n > 0);
    let floor = optional_limit(&entered.floor);
    let ceiling = optional_limit(&entered.ceiling);
    if coordinator {
        match number {
            None => errors.number = Some(language.error(&LedgerError::InvalidNumber)),
            Some(n) if n != original.number => {
                let taken = session
                    .read(|tb, _| {
                        tb.member_by_number(n)
                            .into_iter()
                            .find(|m| &m.id != id)
                            .map(|m| m.name.clone())
                    })
                    .flatten();
                if let Some(holder) = taken {
                    errors.number = Some(language.error(&LedgerError::NumberTaken {
                        number: n,
                        name: holder,
                    }));
                }
            }
            Some(_) => {}
        }
        match floor {
            Err(()) => errors.floor = Some(language.text(Text::NotANumber).to_string()),
            Ok(Some(f)) if f > 0 => {
                errors.floor = Some(language.error(&LedgerError::InvalidLimits))
            }
            Ok(_) => {}
        }
        match ceiling {
            Err(()) => errors.ceiling = Some(language.text(Text::NotANumber).to_string()),
            Ok(Some(c)) if c < 0 => {
                errors.ceiling = Some(language.error(&LedgerError::InvalidLimits))
            }
            Ok(_) => {}
        }
    }
    if errors != Errors::default() {
        return Err(errors);
    }
    let result = session.change(|tb, me, now| {
        if entered.name.trim() != original.name || entered.profile != original.profile {
            tb.update_profile(me, id, &entered.name, entered.profile.clone(), now)?;
        }
        if !coordinator {
            return Ok(());
        }
        if let Some(n) = number.filter(|n| *n != original.number) {
            tb.renumber(me, id, n, now)?;
        }
        let (floor, ceiling) = (floor.unwrap_or(None), ceiling.unwrap_or(None));
        if (floor, ceiling)
            != (
                original.debit_floor_minutes,
                original.credit_ceiling_minutes,
            )
        {
            tb.set_limits(me, id, floor, ceiling, now)?;
        }
        if entered.role != original.role {
            tb.set_role(me, id, entered.role, now)?;
        }
        Ok(())
    });
    result.map_err(|problem| Errors {
        form: Some(language.error(&problem)),
        ..Errors::default()
    })
}
