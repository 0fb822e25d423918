//! One event: what, when and where, who is coming (a coordinator answers
//! for a member without a phone), changed or cancelled by its organiser or
//! a coordinator, and once it has begun, the hours of everyone who came
//! recorded in one step, against the organiser or the community fund. The
//! exchanges recorded for it are listed here, and name it on their pages.

use ledger::{Account, EventCounterpart, EventExchange, EventId, MemberId};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use super::events::{EventForm, kind_text, local_date_time};
use crate::form::LongSelect;
use crate::i18n::{Locale, Text};
use crate::page_heading::PageHeading;
use crate::pages::{ConfirmButton, LinkList, account_name, active_member_options, duration_hint};
use crate::session::{Session, now};

/// What the page shows of the event, read from the ledger.
#[derive(Clone, PartialEq)]
struct Shown {
    event: ledger::Event,
    organiser: String,
    /// (member id, name) of everyone coming, by name.
    coming: Vec<(MemberId, String)>,
    /// My own answer.
    mine: Option<bool>,
    /// I organise it, or coordinate: I may change it, cancel it, record its hours.
    may_run: bool,
    coordinator: bool,
    begun: bool,
    /// The exchanges recorded for it: (id, "Bob: 1 hour").
    exchanges: Vec<(String, String)>,
}

#[derive(Clone, Copy, PartialEq)]
struct Flags {
    may_run: bool,
    begun: bool,
    cancelled: bool,
    coordinator: bool,
}

#[component]
pub fn EventPage() -> impl IntoView {
    let locale = Locale::get();
    let t = move |text| locale.t(text);
    let session = Session::get();
    let params = use_params_map();
    let id = move || params.read().get("id").and_then(|id| EventId::parse(&id));
    let error = RwSignal::new(None::<String>);

    // Read once per change, for the title, the page and which forms show.
    let shown = Memo::new(move |_| {
        let id = id()?;
        let language = locale.language();
        let coordinator = session.is_coordinator();
        session
            .read(|tb, me| {
                let event = tb.event(&id)?.clone();
                let name = |member: &MemberId| {
                    account_name(tb, &Account::Member(member.clone()), language)
                };
                let mut coming: Vec<(MemberId, String)> =
                    event.coming().map(|m| (m.clone(), name(m))).collect();
                coming.sort_by_cached_key(|(_, name)| name.to_lowercase());
                let mut exchanges: Vec<_> = tb
                    .exchanges()
                    .filter(|e| {
                        e.group
                            .as_ref()
                            .is_some_and(|g| event.exchanges.contains(g))
                    })
                    .collect();
                exchanges.sort_by(|a, b| (a.recorded_at, &a.id).cmp(&(b.recorded_at, &b.id)));
                let exchanges = exchanges
                    .into_iter()
                    .map(|e| {
                        (
                            e.id.to_string(),
                            language.fill(
                                Text::GaveReceivedLine,
                                &[
                                    ("gave", &account_name(tb, &e.payee, language)),
                                    ("received", &account_name(tb, &e.payer, language)),
                                    ("duration", &locale.amount(i64::from(e.minutes))),
                                ],
                            ),
                        )
                    })
                    .collect();
                Some(Shown {
                    organiser: name(&event.organiser),
                    mine: me.and_then(|me| event.attendance.get(me).copied()),
                    may_run: coordinator || me == Some(&event.organiser),
                    coordinator,
                    begun: event.starts_at <= now(),
                    coming,
                    exchanges,
                    event,
                })
            })
            .flatten()
    });

    // What decides which forms show.
    let flags = Memo::new(move |_| {
        shown.get().map(|s| Flags {
            may_run: s.may_run,
            begun: s.begun,
            cancelled: s.event.cancelled,
            coordinator: s.coordinator,
        })
    });

    let answer = move |member: Option<MemberId>, coming: bool| {
        let Some(event) = id() else { return };
        match session.change(|tb, me, now| {
            let member = member.unwrap_or_else(|| me.clone());
            tb.set_attendance(me, &event, &member, coming, now)
        }) {
            Ok(()) => error.set(None),
            Err(problem) => error.set(Some(locale.language().error(&problem))),
        }
    };
    let cancel = move || {
        let Some(event) = id() else { return };
        match session.change(|tb, me, now| tb.cancel_event(me, &event, now)) {
            Ok(()) => error.set(None),
            Err(problem) => error.set(Some(locale.language().error(&problem))),
        }
    };

    view! {
        <Title text=move || shown.get().map(|s| s.event.title).unwrap_or_default() />
        <section class="page" aria-labelledby="event-heading">
            {move || match shown.get() {
                None => view! { <PageHeading id="event-heading">{t(Text::EventNotFound)}</PageHeading> }.into_any(),
                Some(shown) => {
                    let language = locale.language();
                    let event = shown.event.clone();
                    let (day, starts) = local_date_time(event.starts_at);
                    let (_, ends) = local_date_time(event.ends_at);
                    let organiser_page = format!("/members/{}", event.organiser);
                    let heading = event.title.clone();
                    view! {
                        <PageHeading id="event-heading">{heading}</PageHeading>
                        {event.cancelled.then(|| view! { <p class="notice warning" role="status">{t(Text::EventIsCancelled)}</p> })}
                        <dl class="details">
                            <dt>{t(Text::KindLabel)}</dt>
                            <dd>{t(kind_text(event.kind))}</dd>
                            <dt>{t(Text::EventDateLabel)}</dt>
                            <dd>{format!("{}, {starts}–{ends}", language.date(day))}</dd>
                            {(!event.place.is_empty()).then(|| view! {
                                <dt>{t(Text::PlaceLabel)}</dt>
                                <dd>{event.place.clone()}</dd>
                            })}
                            <dt>{t(Text::OrganiserLabel)}</dt>
                            <dd><A href=organiser_page>{shown.organiser.clone()}</A></dd>
                        </dl>
                        {(!event.description.is_empty()).then(|| view! { <p>{event.description.clone()}</p> })}

                        <h2 id="coming-heading">{language.count(shown.coming.len(), Text::ComingCountOne, Text::ComingCount)}</h2>
                        <LinkList
                            labelled_by="coming-heading"
                            empty=Text::NobodyComingYet
                            links=shown.coming.iter().map(|(member, name)| (format!("/members/{member}"), name.clone())).collect()
                        />
                        {(!event.cancelled).then(|| view! {
                            <div class="actions">
                                <button type="button" class="button" aria-pressed=(shown.mine == Some(true)).to_string()
                                    on:click=move |_| answer(None, true)>{t(Text::ImComing)}</button>
                                <button type="button" class="button" aria-pressed=(shown.mine == Some(false)).to_string()
                                    on:click=move |_| answer(None, false)>{t(Text::NotComing)}</button>
                            </div>
                        })}

                        {(!shown.exchanges.is_empty()).then(|| view! {
                            <h2>{t(Text::EventExchangesHeading)}</h2>
                            <ul class="history">
                                {shown.exchanges.clone().into_iter().map(|(id, line)| view! {
                                    <li><A href=format!("/exchanges/{id}")>{line}</A></li>
                                }).collect_view()}
                            </ul>
                        })}
                    }.into_any()
                }
            }}
            // The forms stay as they are while the event changes (an answer,
            // hours recorded): each is made again only when whether it
            // shows changes.
            <Show when=move || flags.get().is_some_and(|f| f.coordinator && !f.cancelled)>
                <AnswerFor answer=answer />
            </Show>
            <p class="error" role="alert">{move || error.get()}</p>
            <Show when=move || flags.get().is_some_and(|f| f.may_run && f.begun && !f.cancelled)>
                {move || {
                    let event = id()?;
                    let (title, coordinator) =
                        shown.get_untracked().map(|s| (s.event.title, s.coordinator))?;
                    Some(view! { <RecordForEvent event=event title=title coordinator=coordinator /> })
                }}
            </Show>
            <Show when=move || flags.get().is_some_and(|f| f.may_run && !f.cancelled)>
                {move || {
                    let editing = shown.get_untracked().map(|s| s.event)?;
                    let question = locale
                        .language()
                        .fill(Text::CancelEventQuestion, &[("title", &editing.title)]);
                    Some(view! {
                        <details class="no-print">
                            <summary>{t(Text::ChangeEventHeading)}</summary>
                            <EventForm editing=editing />
                        </details>
                        <ConfirmButton
                            ask=t(Text::CancelEventButton).to_string()
                            question=question
                            yes=t(Text::CancelEventYes).to_string()
                            yes_id="cancel-event-yes".to_string()
                            on_yes=cancel
                        />
                    })
                }}
            </Show>
        </section>
    }
}

/// A coordinator answers for a member (one without a phone, say).
#[component]
fn AnswerFor(
    answer: impl Fn(Option<MemberId>, bool) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let locale = Locale::get();
    let t = move |text| locale.t(text);
    let member = RwSignal::new(String::new());
    let members = active_member_options(Text::ChooseMember);
    let chosen = move || MemberId::parse(&member.get_untracked());
    view! {
        <div class="field">
            <label for="answer-for">{move || t(Text::AnswerForLabel)}</label>
            <div class="choice-row">
                <LongSelect id="answer-for" value=member options=members />
                <button type="button" class="button" on:click=move |_| {
                    if let Some(m) = chosen() { answer(Some(m), true) }
                }>{move || t(Text::TheyAreComing)}</button>
                <button type="button" class="button" on:click=move |_| {
                    if let Some(m) = chosen() { answer(Some(m), false) }
                }>{move || t(Text::TheyAreNotComing)}</button>
            </div>
        </div>
    }
}

/// The hours of everyone who came, in one step.
#[component]
fn RecordForEvent(event: EventId, title: String, coordinator: bool) -> impl IntoView {
    let locale = Locale::get();
    let t = move |text| locale.t(text);
    let session = Session::get();
    let from_fund = RwSignal::new(false);
    let they_gave = RwSignal::new(false);
    let how_long = RwSignal::new(String::new());
    let description = RwSignal::new(title);
    let error = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<String>);
    let how_long_hint = duration_hint(locale, how_long);
    let submit = move |e: leptos::ev::SubmitEvent| {
        e.prevent_default();
        let language = locale.language();
        let minutes = match ledger::parse_duration(&how_long.get_untracked()) {
            Ok(minutes) => minutes,
            Err(problem) => {
                error.set(Some(language.duration_problem(problem)));
                crate::form::focus_id("event-how-long");
                return;
            }
        };
        let new = EventExchange {
            event: event.clone(),
            counterpart: if from_fund.get_untracked() {
                EventCounterpart::CommunityFund
            } else {
                EventCounterpart::Organiser
            },
            attendees_gave: they_gave.get_untracked(),
            minutes,
            description: description.get_untracked(),
        };
        match session.change(move |tb, me, now| tb.record_event_exchange(me, new, now)) {
            Ok(recorded) => {
                error.set(None);
                done.set(Some(language.count(
                    recorded.len(),
                    Text::EventExchangesDoneOne,
                    Text::EventExchangesDone,
                )));
                how_long.set(String::new());
            }
            Err(problem) => {
                done.set(None);
                error.set(Some(language.error(&problem)));
            }
        }
    };
    let radio = move |name: &'static str,
                      id: &'static str,
                      signal: RwSignal<bool>,
                      value: bool,
                      label: Text| {
        view! {
            <label class="choice" for=id>
                <input type="radio" id=id name=name prop:checked=move || signal.get() == value
                    on:change=move |_| signal.set(value) />
                {move || t(label)}
            </label>
        }
    };
    view! {
        <section aria-labelledby="event-hours-heading">
            <h2 id="event-hours-heading">{move || t(Text::EventHoursHeading)}</h2>
            <p class="hint">{move || t(Text::EventHoursHint)}</p>
            <form class="stack" on:submit=submit>
                {coordinator.then(|| view! {
                    <fieldset class="field">
                        <legend>{move || t(Text::EventOtherSideLegend)}</legend>
                        <div class="quick-choices">
                            {radio("event-side", "event-side-organiser", from_fund, false, Text::TheOrganiser)}
                            {radio("event-side", "event-side-fund", from_fund, true, Text::CommunityFund)}
                        </div>
                    </fieldset>
                })}
                <fieldset class="field">
                    <legend>{move || t(Text::EventDirectionLegend)}</legend>
                    <div class="quick-choices">
                        {radio("event-direction", "event-they-received", they_gave, false, Text::TheyReceivedHelp)}
                        {radio("event-direction", "event-they-gave", they_gave, true, Text::TheyGaveHelp)}
                    </div>
                </fieldset>
                <div class="field">
                    <label for="event-how-long">{move || t(Text::EachHowLongLabel)}</label>
                    <input id="event-how-long" type="text" inputmode="decimal" aria-describedby="event-how-long-hint"
                        prop:value=move || how_long.get() on:input=move |e| how_long.set(event_target_value(&e)) />
                    <p class="hint" id="event-how-long-hint">{move || how_long_hint.get()}</p>
                </div>
                <div class="field">
                    <label for="event-words">{move || t(Text::DescriptionLabel)}</label>
                    <input id="event-words" type="text"
                        prop:value=move || description.get() on:input=move |e| description.set(event_target_value(&e)) />
                </div>
                <p class="error" role="alert">{move || error.get()}</p>
                <p class="success" role="status">{move || done.get()}</p>
                <button type="submit" class="button primary">{move || t(Text::RecordEventHoursButton)}</button>
            </form>
        </section>
    }
}
