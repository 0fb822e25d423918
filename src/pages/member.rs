//! One member: how to reach them, what they offer and need, their balance
//! (when the timebank shows balances, or to coordinators and themselves), and
//! their statement, printable for members without a phone. Coordinators
//! change membership here (approving an applicant makes them active).

use ledger::{Account, Member, MemberId, MemberStatus, StatementLine};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::i18n::{Locale, Text};
use crate::page_heading::PageHeading;
use crate::pages::account_name;
use crate::paging::{PAGE, ShowMore};
use crate::session::Session;

const STATUSES: [(MemberStatus, &str, Text); 4] = [
    (MemberStatus::Active, "active", Text::StatusActiveOption),
    (
        MemberStatus::Applicant,
        "applicant",
        Text::StatusApplicantOption,
    ),
    (MemberStatus::Away, "away", Text::StatusAwayOption),
    (MemberStatus::Left, "left", Text::StatusLeftOption),
];

#[derive(Clone)]
struct Shown {
    member: Member,
    balance: Option<i64>,
    statement: Option<Vec<(StatementLine, String)>>,
    coordinator: bool,
    may_edit: bool,
    /// The timebank's name, for the printed statement.
    timebank: String,
}

#[component]
pub fn MemberPage() -> impl IntoView {
    let locale = Locale::get();
    let t = move |text| locale.t(text);
    let session = Session::get();
    let params = use_params_map();
    let id = move || params.read().get("id").and_then(|id| MemberId::parse(&id));
    let status_choice = RwSignal::new(String::new());
    // The most recent statement lines; earlier ones on request.
    let shown_lines = RwSignal::new(PAGE);
    let total_lines = RwSignal::new(0_usize);
    let error = RwSignal::new(None::<String>);
    // The question asked before a member leaves, while it waits for an answer.
    let leaving = RwSignal::new(None::<String>);

    let shown = move || {
        let id = id()?;
        let language = locale.language();
        // As `Session::change` decides it (a locked shared tablet is not a
        // coordinator's).
        let coordinator = session.is_coordinator();
        session
            .read(|tb, me| {
                let member = tb.member(&id)?.clone();
                let may_see = tb.shows_balances_to(me) || me == Some(&id);
                let account = Account::Member(id.clone());
                Some(Shown {
                    balance: may_see.then(|| tb.balance(&account)),
                    statement: may_see.then(|| {
                        tb.statement(&id)
                            .into_iter()
                            .map(|mut line| {
                                let other = account_name(tb, &line.other_party, language);
                                if let Some(exchange) = tb.exchange(&line.exchange) {
                                    line.description = crate::words::exchange_words(
                                        exchange,
                                        language,
                                        tb.info().currency,
                                    );
                                }
                                (line, other)
                            })
                            .collect()
                    }),
                    may_edit: coordinator || me == Some(&id),
                    timebank: tb.info().name.clone(),
                    member,
                    coordinator,
                })
            })
            .flatten()
    };

    let change_status = move |_| {
        let Some(id) = id() else { return };
        let Some(status) = STATUSES
            .iter()
            .find(|(_, code, _)| *code == status_choice.get_untracked())
            .map(|(status, _, _)| *status)
        else {
            return;
        };
        if status == MemberStatus::Left {
            // Leaving settles the balance with the community fund: said
            // first, in words, and done only once agreed.
            let language = locale.language();
            let question = session
                .read(|tb, _| {
                    let member = tb.member(&id)?;
                    let balance = tb.balance(&Account::Member(id.clone()));
                    let text = match balance.signum() {
                        1 => Text::LeaveWithHours,
                        -1 => Text::LeaveOwingHours,
                        _ => Text::LeaveNothingToSettle,
                    };
                    Some(language.fill(
                        text,
                        &[
                            ("name", &member.name),
                            ("balance", &locale.amount(balance.abs())),
                        ],
                    ))
                })
                .flatten();
            error.set(None);
            leaving.set(question);
            request_animation_frame(|| crate::form::focus_id("leave-yes"));
            return;
        }
        match session.change(|tb, me, now| tb.set_status(me, &id, status, now)) {
            Ok(()) => error.set(None),
            Err(problem) => error.set(Some(locale.language().error(&problem))),
        }
    };
    let leave = move |_| {
        let Some(id) = id() else { return };
        match session.change(|tb, me, now| tb.leave(me, &id, "", now)) {
            Ok(_) => {
                error.set(None);
                leaving.set(None);
            }
            Err(problem) => error.set(Some(locale.language().error(&problem))),
        }
    };
    // The statement as a spreadsheet: its lines with the running balance.
    let download = move |_| {
        let Some(id) = id() else { return };
        let Some((text, name)) = session.read(|tb, _| {
            let number = tb.member(&id).map_or(0, |m| m.number);
            let name = format!(
                "{}-statement-{number}-{}.csv",
                crate::session::file_stem(tb),
                crate::session::now().date()
            );
            (tb.statement_csv(&id), name)
        }) else {
            return;
        };
        if let Err(problem) =
            crate::files::offer_download(text.as_bytes(), &name, "text/csv;charset=utf-8")
        {
            error.set(Some(problem));
        }
    };
    // The whole statement goes on paper.
    let print = move |_| {
        shown_lines.set(usize::MAX);
        request_animation_frame(|| {
            let _ = window().print();
        });
    };

    view! {
        <Title text=move || shown().map(|s| s.member.name).unwrap_or_default() />
        <section class="page" aria-labelledby="member-heading">
            {move || match shown() {
                None => view! {
                    <PageHeading id="member-heading">{t(Text::MemberNotFound)}</PageHeading>
                }.into_any(),
                Some(shown) => {
                    let language = locale.language();
                    let member = shown.member.clone();
                    let current = STATUSES
                        .iter()
                        .find(|(status, _, _)| *status == member.status)
                        .map_or("active", |(_, code, _)| *code);
                    status_choice.set(current.to_string());
                    let profile = member.profile.clone();
                    view! {
                        <PageHeading id="member-heading">
                            {format!("{} ({} {})", member.name, t(Text::MemberNumberShort), member.number)}
                        </PageHeading>
                        {shown.may_edit.then(|| view! {
                            <p class="no-print">
                                <A href=format!("/members/{}/edit", member.id) attr:class="button">{t(Text::EditProfile)}</A>
                            </p>
                        })}
                        {shown.balance.map(|minutes| view! {
                            <div class="balance-card">
                                <h2>{t(Text::ColBalance)}</h2>
                                <p class="balance" data-testid="member-balance">{locale.amount(minutes)}</p>
                            </div>
                        })}
                        {(!(profile.phone.is_empty() && profile.email.is_empty() && profile.neighbourhood.is_empty()))
                            .then(|| view! { <h2>{t(Text::ContactHeading)}</h2> })}
                        <dl class="details">
                            {(!profile.phone.is_empty()).then(|| view! {
                                <dt>{t(Text::PhoneLabel)}</dt>
                                <dd><a href=format!("tel:{}", profile.phone)>{profile.phone.clone()}</a></dd>
                            })}
                            {(!profile.email.is_empty()).then(|| view! {
                                <dt>{t(Text::EmailLabel)}</dt>
                                <dd><a href=format!("mailto:{}", profile.email)>{profile.email.clone()}</a></dd>
                            })}
                            {(!profile.neighbourhood.is_empty()).then(|| view! {
                                <dt>{t(Text::NeighbourhoodLabel)}</dt>
                                <dd>{profile.neighbourhood.clone()}</dd>
                            })}
                        </dl>
                        {(!profile.offers.is_empty()).then(|| view! {
                            <h2>{t(Text::OffersHeading)}</h2>
                            <p>{profile.offers.clone()}</p>
                        })}
                        {(!profile.needs.is_empty()).then(|| view! {
                            <h2>{t(Text::NeedsHeading)}</h2>
                            <p>{profile.needs.clone()}</p>
                        })}
                        {shown.coordinator.then(|| {
                            let all_of = language.fill(Text::ExchangesOf, &[("name", &member.name)]);
                            let address = crate::pages::ExchangeFilter { member: member.id.to_string(), page: 1, ..Default::default() }.address();
                            view! {
                                <p class="no-print">
                                    <A href=address>{all_of}</A>
                                </p>
                            }
                        })}
                        {shown.coordinator.then(|| view! {
                            <div class="field no-print">
                                <label for="member-status">{t(Text::StatusChangeLabel)}</label>
                                <select id="member-status" on:change=move |e| status_choice.set(event_target_value(&e))>
                                    {STATUSES.iter().map(|(_, code, text)| view! {
                                        <option value=*code selected=*code == current>{t(*text)}</option>
                                    }).collect_view()}
                                </select>
                                <button type="button" class="button small" on:click=change_status>{t(Text::StatusChangeButton)}</button>
                            </div>
                            {move || leaving.get().map(|question| view! {
                                <div class="confirm no-print" role="group" aria-labelledby="leave-question">
                                    <p id="leave-question">{question}</p>
                                    <div class="actions">
                                        <button type="button" id="leave-yes" class="button primary" on:click=leave>{t(Text::LeaveYes)}</button>
                                        <button type="button" class="button" on:click=move |_| leaving.set(None)>{t(Text::LeaveNo)}</button>
                                    </div>
                                </div>
                            })}
                        })}
                        {shown.statement.map(|lines| {
                            total_lines.set(lines.len());
                            // What the paper says at its top: whose statement,
                            // of which timebank, over which days, printed when.
                            let printed_header = {
                                let period = match (lines.first(), lines.last()) {
                                    (Some((first, _)), Some((last, _))) => language.fill(
                                        Text::StatementPeriod,
                                        &[
                                            ("from", &language.date(first.service_date)),
                                            ("to", &language.date(last.service_date)),
                                        ],
                                    ),
                                    _ => String::new(),
                                };
                                view! {
                                    <div class="print-only statement-header">
                                        <p class="big-figure">{shown.timebank.clone()}</p>
                                        <p>{language.fill(
                                            Text::StatementOf,
                                            &[("name", &member.name), ("number", &member.number.to_string())],
                                        )}</p>
                                        <p>{period}</p>
                                        <p>{language.fill(
                                            Text::StatementPrintedOn,
                                            &[("date", &language.date(crate::session::now().date()))],
                                        )}</p>
                                    </div>
                                }
                            };
                            let skip = lines.len().saturating_sub(shown_lines.get());
                            let lines: Vec<_> = lines.into_iter().skip(skip).collect();
                            view! {
                            {printed_header}
                            <h2 id="statement-heading">{t(Text::StatementHeading)}</h2>
                            <div class="table-scroll" role="region" aria-labelledby="statement-heading" tabindex="0">
                                <table class="reflow">
                                    <thead>
                                        <tr>
                                            <th scope="col">{t(Text::ColDate)}</th>
                                            <th scope="col">{t(Text::ColWith)}</th>
                                            <th scope="col">{t(Text::ColWhat)}</th>
                                            <th scope="col">{t(Text::ColChange)}</th>
                                            <th scope="col">{t(Text::ColBalance)}</th>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {lines.into_iter().map(|(line, other)| view! {
                                            <tr>
                                                <td data-label=t(Text::ColDate)>{language.date(line.service_date)}</td>
                                                <td data-label=t(Text::ColWith)>{other}</td>
                                                // Each line leads to its exchange's page.
                                                <td data-label=t(Text::ColWhat)>
                                                    <A href=format!("/exchanges/{}", line.exchange)>
                                                        {if line.description.trim().is_empty() {
                                                            t(Text::ViewExchange).to_string()
                                                        } else {
                                                            line.description.clone()
                                                        }}
                                                    </A>
                                                </td>
                                                <td data-label=t(Text::ColChange)>{locale.amount(line.change_minutes)}</td>
                                                <td data-label=t(Text::ColBalance)>{locale.amount(line.balance_minutes)}</td>
                                            </tr>
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            </div>
                            <div class="no-print"><ShowMore total=total_lines shown=shown_lines /></div>
                            <div class="actions no-print">
                                <button type="button" class="button" on:click=print>{t(Text::PrintStatement)}</button>
                                <button type="button" class="button" on:click=download>{t(Text::DownloadStatement)}</button>
                            </div>
                        }})}
                    }.into_any()
                }
            }}
            <p class="error" role="alert">{move || error.get()}</p>
        </section>
    }
}
