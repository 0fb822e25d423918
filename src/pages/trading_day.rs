//! Trading-day mode for a coordinator's tablet: paper slips entered one after
//! another by member number, each saved on Enter, with a running list, totals
//! per member and an end-of-day summary to check against the paper tally.

use ledger::{Account, Channel, Date, LedgerError, MemberId, MemberStatus, NewExchange, Timebank};
use leptos::html;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::form::{TextField, field_error, focus_first_invalid};
use crate::i18n::{Language, Locale, Text};
use crate::page_heading::PageHeading;
use crate::pages::{CoordinatorTabs, account_name};
use crate::session::{Session, now};

/// Finds the active member a slip names by number, or says plainly why not.
fn member_numbered(tb: &Timebank, text: &str, language: Language) -> Result<MemberId, String> {
    let Ok(number) = text.trim().parse::<u32>() else {
        return Err(language.text(Text::WriteMemberNumber).to_string());
    };
    let number_text = number.to_string();
    let found: Vec<_> = tb
        .member_by_number(number)
        .into_iter()
        .filter(|m| m.status == MemberStatus::Active)
        .collect();
    match found.as_slice() {
        [one] => Ok(one.id.clone()),
        [] => Err(language.fill(Text::NoMemberWithNumber, &[("number", &number_text)])),
        _ => Err(language.fill(Text::MemberNumberShared, &[("number", &number_text)])),
    }
}

/// One row of the running list.
#[derive(Clone)]
struct SlipRow {
    id: String,
    number: String,
    gave: String,
    received: String,
    minutes: i64,
    counts: bool,
}

/// The day's slips and totals as the page shows them.
#[derive(Clone)]
struct Shown {
    /// The timebank, the day and the coordinator entering the slips.
    heading: String,
    rows: Vec<SlipRow>,
    totals: Vec<(String, i64, i64, usize)>,
    count: usize,
    total_minutes: i64,
    struck_out: usize,
}

fn shown(tb: &Timebank, date: Date, me: Option<&MemberId>, language: Language) -> Shown {
    let day = tb.trading_day(date);
    let heading = language.fill(
        Text::EndOfDayWhoWhen,
        &[
            ("timebank", &tb.info().name),
            ("date", &language.date(date)),
            (
                "name",
                &me.map(|me| account_name(tb, &Account::Member(me.clone()), language))
                    .unwrap_or_default(),
            ),
        ],
    );
    let name = |account: &Account| account_name(tb, account, language);
    let rows = day
        .slips
        .iter()
        .filter_map(|id| tb.exchange(id))
        .map(|e| SlipRow {
            id: e.id.to_string(),
            number: e.slip_number().unwrap_or_default().to_string(),
            gave: name(&e.payee),
            received: name(&e.payer),
            minutes: i64::from(e.minutes),
            counts: tb.still_counts(&e.id),
        })
        .collect();
    let mut totals: Vec<_> = day
        .per_account
        .iter()
        .map(|(account, t)| {
            (
                name(account),
                t.given_minutes as i64,
                t.received_minutes as i64,
                t.slips,
            )
        })
        .collect();
    totals.sort_by_cached_key(|row| row.0.to_lowercase());
    Shown {
        heading,
        rows,
        totals,
        count: day.count,
        total_minutes: day.total_minutes as i64,
        struck_out: day.struck_out,
    }
}

#[component]
pub fn TradingDay() -> impl IntoView {
    let locale = Locale::get();
    let t = move |text| locale.t(text);
    let session = Session::get();

    let day = RwSignal::new(now().date().to_string());
    let slip = RwSignal::new(String::new());
    let giver = RwSignal::new(String::new());
    let receiver = RwSignal::new(String::new());
    let hours = RwSignal::new(String::new());
    let description = RwSignal::new(String::new());
    let errors = RwSignal::new(Errors::default());
    // The slip number the person saved again knowing it was entered.
    let confirmed_slip = RwSignal::new(None::<String>);
    let saved = RwSignal::new(None::<String>);
    let form_ref = NodeRef::<html::Form>::new();
    let focus_first_field = move || {
        if let Some(first) = form_ref
            .get_untracked()
            .and_then(|form| form.query_selector("input").ok().flatten())
            .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
        {
            let _ = first.focus();
        }
    };
    // Slips are typed one after another from the first: the page opens
    // there (after the heading took focus, so this comes last).
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) || form_ref.get().is_none() {
            return done.unwrap_or(false);
        }
        request_animation_frame(focus_first_field);
        true
    });

    let chosen_day = move || Date::parse(&day.get());
    // Who a typed number is, so a misread slip shows before it is saved.
    let who = move |number: RwSignal<String>| {
        Signal::derive(move || {
            let text = number.get();
            if text.trim().is_empty() {
                return t(Text::WriteMemberNumber).to_string();
            }
            session
                .read(
                    |tb, _| match member_numbered(tb, &text, locale.language()) {
                        Ok(id) => tb.member(&id).map(|m| m.name.clone()).unwrap_or_default(),
                        Err(problem) => problem,
                    },
                )
                .unwrap_or_default()
        })
    };

    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let language = locale.language();
        saved.set(None);
        let mut found = Errors::default();
        let Some(service_date) = Date::parse(&day.get_untracked()) else {
            found.day = Some(language.error(&LedgerError::InvalidDate));
            errors.set(found);
            focus_first_invalid();
            return;
        };
        let people = session.read(|tb, _| {
            (
                member_numbered(tb, &giver.get_untracked(), language),
                member_numbered(tb, &receiver.get_untracked(), language),
            )
        });
        let Some((payee, payer)) = people else {
            return;
        };
        let minutes = ledger::parse_duration(&hours.get_untracked());
        found.giver = payee.as_ref().err().cloned();
        found.receiver = payer.as_ref().err().cloned();
        found.hours = minutes
            .err()
            .map(|problem| language.duration_problem(problem));
        let minutes = minutes.ok();
        let (Ok(payee), Ok(payer), Some(minutes)) = (payee, payer, minutes) else {
            errors.set(found);
            focus_first_invalid();
            return;
        };
        let number = slip.get_untracked().trim().to_string();
        // A slip entered already: said, and entered again only if saved
        // again with the same number.
        let already = session
            .read(|tb, _| crate::pages::slip_already_entered(tb, &number, locale))
            .flatten();
        if let Some(already) = already
            && confirmed_slip.get_untracked().as_deref() != Some(number.as_str())
        {
            found.slip = Some(format!("{already} {}", language.text(Text::SlipSaveAgain)));
            confirmed_slip.set(Some(number));
            errors.set(found);
            focus_first_invalid();
            return;
        }
        confirmed_slip.set(None);
        let channel = if number.is_empty() {
            Channel::TradingDayTally
        } else {
            Channel::PaperSlip { number }
        };
        let new = NewExchange {
            payer: Account::Member(payer),
            payee: Account::Member(payee),
            minutes,
            service_date,
            description: description.get_untracked().trim().to_string(),
            category: None,
            channel,
        };
        let result = session.change(move |tb, me, now| {
            let (payer, payee) = (new.payer.clone(), new.payee.clone());
            tb.record(me, new, now)?;
            let name = |account: &Account| account_name(tb, account, language);
            Ok(language.fill(
                Text::SlipSaved,
                &[
                    ("giver", &name(&payee)),
                    ("receiver", &name(&payer)),
                    ("duration", &locale.amount(i64::from(minutes))),
                ],
            ))
        });
        match result {
            Ok(message) => {
                errors.set(Errors::default());
                saved.set(Some(message));
                for field in [slip, giver, receiver, hours, description] {
                    field.set(String::new());
                }
                // Straight on to the next slip.
                focus_first_field();
            }
            Err(problem) => {
                let message = language.error(&problem);
                errors.set(match problem {
                    LedgerError::SameAccount => Errors {
                        receiver: Some(message),
                        ..Errors::default()
                    },
                    LedgerError::MinutesOutOfRange { .. } => Errors {
                        hours: Some(message),
                        ..Errors::default()
                    },
                    LedgerError::FutureDate { .. } | LedgerError::InvalidDate => Errors {
                        day: Some(message),
                        ..Errors::default()
                    },
                    LedgerError::EmptySlipNumber | LedgerError::TextTooLong { .. } => Errors {
                        slip: Some(message),
                        ..Errors::default()
                    },
                    _ => Errors {
                        form: Some(message),
                        ..Errors::default()
                    },
                });
                focus_first_invalid();
            }
        }
    };

    let error_of = move |pick: fn(&Errors) -> Option<String>| field_error(errors, pick);
    let summary = move || {
        let date = chosen_day()?;
        session.read(|tb, me| shown(tb, date, me, locale.language()))
    };

    view! {
        <Title text=move || t(Text::TradingDayTitle).to_string() />
        <section class="page trading-day" aria-labelledby="trading-day-heading">
            <div class="no-print"><CoordinatorTabs /></div>
            <PageHeading id="trading-day-heading">{move || t(Text::TradingDayTitle)}</PageHeading>
            <Show
                when=move || session.is_coordinator()
                fallback=move || view! { <p>{locale.language().error(&LedgerError::NotCoordinator)}</p> }
            >
            <p class="no-print">{move || t(Text::TradingDayIntro)}" "
                <A href="/print">{move || t(Text::PrintSlipsLink)}</A>
            </p>
            // On a tablet, the slip form and the day's totals side by side:
            // after each slip both are in view.
            <div class="day-columns">
            <div class="no-print slip-side">
            <div>
                <TextField
                    id="trading-day-date"
                    label=Signal::derive(move || t(Text::TradingDayDateLabel))
                    hint=Signal::derive(move || {
                        // Slips of a month whose figures are published.
                        session
                            .read(|tb, _| crate::pages::locked_month_hint(tb, &day.get(), locale.language()))
                            .flatten()
                            .unwrap_or_default()
                    })
                    value=day
                    error=error_of(|e| e.day.clone())
                    input_type="date"
                />
            </div>
            <h2 id="enter-slip-heading" class="no-print">{move || t(Text::EnterSlipHeading)}</h2>
            <p class="success" role="status">{move || saved.get()}</p>
            <form
                class="stack slip-form no-print"
                node_ref=form_ref
                on:submit=submit
                novalidate=true
                aria-labelledby="enter-slip-heading"
            >
                <TextField
                    id="slip-number"
                    label=Signal::derive(move || t(Text::SlipNumberLabel))
                    hint=Signal::derive(move || {
                        // (Said once: the error, once there is one, says it.)
                        if errors.with(|e| e.slip.is_some()) {
                            return String::new();
                        }
                        session
                            .read(|tb, _| crate::pages::slip_already_entered(tb, &slip.get(), locale))
                            .flatten()
                            .unwrap_or_default()
                    })
                    value=slip
                    error=error_of(|e| e.slip.clone())
                    input_mode="numeric"
                    autocomplete="off"
                />
                <TextField
                    id="slip-giver"
                    label=Signal::derive(move || t(Text::GiverNumberLabel))
                    value=giver
                    hint=who(giver)
                    error=error_of(|e| e.giver.clone())
                    input_mode="numeric"
                    autocomplete="off"
                />
                <TextField
                    id="slip-receiver"
                    label=Signal::derive(move || t(Text::ReceiverNumberLabel))
                    value=receiver
                    hint=who(receiver)
                    error=error_of(|e| e.receiver.clone())
                    input_mode="numeric"
                    autocomplete="off"
                />
                <TextField
                    id="slip-hours"
                    label=Signal::derive(move || t(Text::HoursLabel))
                    hint=crate::pages::duration_hint(locale, hours)
                    value=hours
                    error=error_of(|e| e.hours.clone())
                    input_mode="decimal"
                    autocomplete="off"
                />
                <TextField
                    id="slip-description"
                    label=Signal::derive(move || t(Text::DescriptionLabel))
                    value=description
                    error=error_of(|_| None)
                    autocomplete="off"
                />
                <p class="error" role="alert">{move || errors.with(|e| e.form.clone())}</p>
                <button type="submit" class="button primary">{move || t(Text::SaveSlip)}</button>
            </form>
            </div>
            <div class="day-side">
                {move || summary().map(|shown| view! { <DaySummary shown=shown /> })}
            </div>
            </div>
            </Show>
        </section>
    }
}

/// Problems found in the slip form, each shown next to its field.
#[derive(Clone, Default, PartialEq)]
struct Errors {
    day: Option<String>,
    slip: Option<String>,
    giver: Option<String>,
    receiver: Option<String>,
    hours: Option<String>,
    form: Option<String>,
}

/// The end-of-day summary, the totals per member and the running list.
#[component]
fn DaySummary(shown: Shown) -> impl IntoView {
    let locale = Locale::get();
    let language = locale.language();
    let t = move |text| language.text(text);
    let Shown {
        heading,
        rows,
        totals,
        count,
        total_minutes,
        struck_out,
    } = shown;
    let print = move |_| {
        let _ = window().print();
    };
    view! {
        <section aria-labelledby="end-of-day-heading" class="day-summary">
            <h2 id="end-of-day-heading">{t(Text::EndOfDayHeading)}</h2>
            <p data-testid="end-of-day-for">{heading}</p>
            <p class="big-figure">{language.fill(Text::EndOfDayCount, &[("count", &count.to_string())])}</p>
            <p class="big-figure">{language.fill(Text::EndOfDayTotal, &[("duration", &locale.amount(total_minutes))])}</p>
            {(struck_out > 0).then(|| view! {
                <p>{language.fill(Text::EndOfDayStruck, &[("count", &struck_out.to_string())])}</p>
            })}
            <button type="button" class="button no-print" on:click=print>{t(Text::PrintSummary)}</button>
        </section>
        <section aria-labelledby="per-member-heading">
            <h2 id="per-member-heading">{t(Text::PerMemberHeading)}</h2>
            <div class="table-scroll" role="region" aria-labelledby="per-member-heading" tabindex="0">
                <table class="reflow">
                    <thead>
                        <tr>
                            <th scope="col">{t(Text::ColMember)}</th>
                            <th scope="col">{t(Text::ColGave)}</th>
                            <th scope="col">{t(Text::ColReceived)}</th>
                            <th scope="col">{t(Text::ColSlips)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {totals
                            .into_iter()
                            .map(|(name, given, received, slips)| view! {
                                <tr>
                                    <th scope="row">{name}</th>
                                    <td data-label=t(Text::ColGave)>{locale.amount(given)}</td>
                                    <td data-label=t(Text::ColReceived)>{locale.amount(received)}</td>
                                    <td data-label=t(Text::ColSlips)>{slips}</td>
                                </tr>
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
        <section aria-labelledby="slips-entered-heading">
            <h2 id="slips-entered-heading">{t(Text::SlipsEnteredHeading)}</h2>
            {if rows.is_empty() {
                view! { <p>{t(Text::NoSlipsYet)}</p> }.into_any()
            } else {
                view! {
                    <div class="table-scroll" role="region" aria-labelledby="slips-entered-heading" tabindex="0">
                        <table class="slip-list reflow">
                            <thead>
                                <tr>
                                    <th scope="col">{t(Text::ColSlip)}</th>
                                    <th scope="col">{t(Text::ColGave)}</th>
                                    <th scope="col">{t(Text::ColReceived)}</th>
                                    <th scope="col">{t(Text::HowLong)}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {rows
                                    .into_iter()
                                    .map(|row| {
                                        let label = if row.number.is_empty() { t(Text::ViewExchange).to_string() } else { row.number.clone() };
                                        view! {
                                            <tr class:struck=!row.counts>
                                                <th scope="row">
                                                    <A href=format!("/exchanges/{}", row.id)>{label}</A>
                                                    {(!row.counts).then(|| view! { <span class="tag">{t(Text::SlipStruckOut)}</span> })}
                                                </th>
                                                <td data-label=t(Text::ColGave)>{row.gave}</td>
                                                <td data-label=t(Text::ColReceived)>{row.received}</td>
                                                <td data-label=t(Text::HowLong)>{locale.amount(row.minutes)}</td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()}
                            </tbody>
                        </table>
                    </div>
                }
                .into_any()
            }}
        </section>
    }
}
