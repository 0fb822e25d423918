//! Recording an exchange in three steps with large targets: who gave the
//! help, who received it, how long. Both balances after the exchange show
//! before saving, with a warning (never a block) when the receiver would pass
//! their lowest balance.

use ledger::{Account, Channel, Date, MemberId, MemberStatus, NewExchange, Role};
use leptos::prelude::*;
use leptos_meta::Title;

use crate::i18n::{Language, Locale, Text};
use crate::page_heading::PageHeading;
use crate::pages::account_name;
use crate::session::{Session, now};

/// The quick choices for how long, in minutes.
const QUICK: [(u32, Text); 3] = [
    (30, Text::QuickHalfHour),
    (60, Text::QuickOneHour),
    (120, Text::QuickTwoHours),
];

/// Active members as (id, "Name (No. n)"), by name: the people who can take
/// part in an exchange, as a person picks them.
pub fn active_member_choices(tb: &ledger::Timebank, language: Language) -> Vec<(MemberId, String)> {
    let mut list: Vec<(MemberId, String)> = tb
        .members()
        .filter(|m| m.status == MemberStatus::Active)
        .map(|m| {
            let label = format!(
                "{} ({} {})",
                m.name,
                language.text(Text::MemberNumberShort),
                m.number
            );
            (m.id.clone(), label)
        })
        .collect();
    list.sort_by_key(|(_, label)| label.to_lowercase());
    list
}

#[component]
pub fn Record() -> impl IntoView {
    let locale = Locale::get();
    let t = move |text| locale.t(text);
    let session = Session::get();

    let giver = RwSignal::new(String::new());
    let receiver = RwSignal::new(String::new());
    let minutes = RwSignal::new(String::new());
    let date = RwSignal::new(now().date().to_string());
    let description = RwSignal::new(String::new());
    let slip = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let saved = RwSignal::new(None::<String>);

    let members = move || {
        session
            .read(|tb, _| {
                let mut list: Vec<(MemberId, String)> = tb
                    .members()
                    .filter(|m| m.status == MemberStatus::Active)
                    .map(|m| {
                        (
                            m.id.clone(),
                            format!("{} ({} {})", m.name, t(Text::MemberNumberShort), m.number),
                        )
                    })
                    .collect();
                list.sort_by_key(|a| a.1.to_lowercase());
                list
            })
            .unwrap_or_default()
    };
    let account = |text: String| MemberId::parse(&text).map(Account::Member);
    let parsed_minutes = move || minutes.get().trim().parse::<u32>().ok();

    // Both balances after the exchange, and a warning when the receiver
    // would pass their lowest balance.
    let preview = move || {
        let (payee, payer, minutes) = (
            account(giver.get())?,
            account(receiver.get())?,
            parsed_minutes()?,
        );
        if payee == payer || minutes == 0 {
            return None;
        }
        session.read(|tb, _| {
            let (payer_after, payee_after) = tb.preview_balances(&payer, &payee, minutes);
            let name = |account: &Account| account_name(tb, account, locale.language());
            let below_floor = tb
                .limits(&payer)
                .is_some_and(|(floor, _)| payer_after < floor);
            (
                (name(&payee), payee_after),
                (name(&payer), payer_after),
                below_floor.then(|| name(&payer)),
            )
        })
    };

    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let language = locale.language();
        saved.set(None);
        let (Some(payee), Some(payer)) = (
            account(giver.get_untracked()),
            account(receiver.get_untracked()),
        ) else {
            error.set(Some(t(Text::ChooseMember).to_string()));
            return;
        };
        let Some(amount) = minutes.get_untracked().trim().parse::<u32>().ok() else {
            error.set(Some(t(Text::MinutesNotNumber).to_string()));
            return;
        };
        let Some(service_date) = Date::parse(&date.get_untracked()) else {
            error.set(Some(language.error(&ledger::LedgerError::InvalidDate)));
            return;
        };
        let slip_number = slip.get_untracked().trim().to_string();
        let description_text = description.get_untracked();
        let result = session.change(move |tb, me, now| {
            let is_coordinator = tb.member(me).is_some_and(|m| m.role == Role::Coordinator);
            let channel = if !slip_number.is_empty() {
                Channel::PaperSlip {
                    number: slip_number,
                }
            } else if is_coordinator {
                Channel::Coordinator
            } else {
                Channel::App
            };
            tb.record(
                me,
                NewExchange {
                    payer: payer.clone(),
                    payee: payee.clone(),
                    minutes: amount,
                    service_date,
                    description: description_text,
                    category: None,
                    channel,
                },
                now,
            )?;
            let name = |account: &Account| account_name(tb, account, language);
            Ok(format!(
                "{} {}: {}. {}: {}.",
                t(Text::Saved),
                name(&payee),
                language.duration(tb.balance(&payee)),
                name(&payer),
                language.duration(tb.balance(&payer)),
            ))
        });
        match result {
            Ok(message) => {
                error.set(None);
                saved.set(Some(message));
                minutes.set(String::new());
                description.set(String::new());
                slip.set(String::new());
            }
            Err(problem) => error.set(Some(language.error(&problem))),
        }
    };

    let member_options = move || {
        members()
            .into_iter()
            .map(|(id, label)| view! { <option value=id.to_string()>{label}</option> })
            .collect_view()
    };

    view! {
        <Title text=move || t(Text::RecordTitle).to_string() />
        <section class="page" aria-labelledby="record-heading">
            <PageHeading id="record-heading">{move || t(Text::RecordTitle)}</PageHeading>
            <form class="stack" on:submit=submit novalidate=true>
                <div class="field">
                    <label for="giver">{move || t(Text::StepWhoGave)}</label>
                    <select id="giver" on:change=move |e| giver.set(event_target_value(&e)) prop:value=move || giver.get()>
                        <option value="">{move || t(Text::ChooseMember)}</option>
                        {member_options}
                    </select>
                </div>
                <div class="field">
                    <label for="receiver">{move || t(Text::StepWhoReceived)}</label>
                    <select id="receiver" on:change=move |e| receiver.set(event_target_value(&e)) prop:value=move || receiver.get()>
                        <option value="">{move || t(Text::ChooseMember)}</option>
                        {member_options}
                    </select>
                </div>
                <fieldset class="field">
                    <legend>{move || t(Text::StepHowLong)}</legend>
                    <div class="quick-choices">
                        {QUICK
                            .into_iter()
                            .map(|(value, label)| {
                                view! {
                                    <button
                                        type="button"
                                        class="button"
                                        aria-pressed=move || (parsed_minutes() == Some(value)).to_string()
                                        on:click=move |_| minutes.set(value.to_string())
                                    >
                                        {move || t(label)}
                                    </button>
                                }
                            })
                            .collect_view()}
                    </div>
                    <label for="minutes">{move || t(Text::MinutesLabel)}</label>
                    <input
                        id="minutes"
                        type="number"
                        inputmode="numeric"
                        min="1"
                        max="1440"
                        prop:value=move || minutes.get()
                        on:input=move |e| minutes.set(event_target_value(&e))
                    />
                </fieldset>
                <div class="field">
                    <label for="service-date">{move || t(Text::DateLabel)}</label>
                    <input id="service-date" type="date" prop:value=move || date.get() on:input=move |e| date.set(event_target_value(&e)) />
                </div>
                <div class="field">
                    <label for="description">{move || t(Text::DescriptionLabel)}</label>
                    <input id="description" type="text" prop:value=move || description.get() on:input=move |e| description.set(event_target_value(&e)) />
                </div>
                <div class="field">
                    <label for="slip">{move || t(Text::SlipLabel)}</label>
                    <input id="slip" type="text" inputmode="numeric" prop:value=move || slip.get() on:input=move |e| slip.set(event_target_value(&e)) />
                </div>
                {move || preview().map(|((giver_name, giver_after), (receiver_name, receiver_after), warning)| {
                    let language = locale.language();
                    view! {
                        <section class="preview" aria-labelledby="preview-heading">
                            <h2 id="preview-heading">{t(Text::BalancesAfter)}</h2>
                            <p>{format!("{giver_name}: {}", language.duration(giver_after))}</p>
                            <p>{format!("{receiver_name}: {}", language.duration(receiver_after))}</p>
                            {warning.map(|name| view! {
                                <p class="warning">{language.fill(Text::FloorWarning, &[("name", &name)])}</p>
                            })}
                        </section>
                    }
                })}
                <p class="error" role="alert">{move || error.get()}</p>
                <p class="success" role="status">{move || saved.get()}</p>
                <button type="submit" class="button primary">{move || t(Text::RecordSubmit)}</button>
            </form>
        </section>
    }
}
