//! Events: what is coming up (say whether you are coming), a month calendar,
//! and planning an event. Times are entered and shown in the device's local
//! time; the ledger keeps them as moments.

use ledger::{Date, EventId, EventKind, Month, NewEvent, Timestamp};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::i18n::{Locale, Text};
use crate::page_heading::PageHeading;
use crate::session::{Session, now};

const KINDS: [(EventKind, &str, Text); 4] = [
    (
        EventKind::TradingDay,
        "trading_day",
        Text::EventKindTradingDay,
    ),
    (EventKind::Social, "social", Text::EventKindSocial),
    (
        EventKind::GroupActivity,
        "group_activity",
        Text::EventKindGroup,
    ),
    (EventKind::Meeting, "meeting", Text::EventKindMeeting),
];

pub(super) fn kind_text(kind: EventKind) -> Text {
    KINDS
        .iter()
        .find(|(k, _, _)| *k == kind)
        .map_or(Text::EventKindSocial, |(_, _, text)| *text)
}

/// The moment of a local date and time on this device.
fn local_moment(date: Date, time: &str) -> Option<Timestamp> {
    let (hours, minutes) = time.split_once(':')?;
    let (year, month, day) = date.ymd();
    let moment = js_sys::Date::new_with_year_month_day_hr_min(
        year as u32,
        month as i32 - 1,
        day as i32,
        hours.parse().ok()?,
        minutes.parse().ok()?,
    );
    let millis = moment.get_time();
    millis.is_finite().then_some(Timestamp(millis as i64))
}

/// The local date and "HH:MM" of a moment on this device.
pub(super) fn local_date_time(moment: Timestamp) -> (Date, String) {
    let local = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(moment.0 as f64));
    let date = Date::from_ymd(
        local.get_full_year() as i32,
        local.get_month() + 1,
        local.get_date(),
    )
    .unwrap_or_else(|| moment.date());
    (
        date,
        format!("{:02}:{:02}", local.get_hours(), local.get_minutes()),
    )
}

#[component]
pub fn Events() -> impl IntoView {
    let locale = Locale::get();
    let t = move |text| locale.t(text);
    let session = Session::get();
    let error = RwSignal::new(None::<String>);
    let shown_month = RwSignal::new(Month::of(now().date()));

    let upcoming = move || {
        session
            .read(|tb, me| {
                tb.upcoming_events(now())
                    .into_iter()
                    .map(|event| {
                        let coming = me.and_then(|me| event.attendance.get(me).copied());
                        (event.clone(), coming, event.coming().count())
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };
    let answer = move |event: EventId, coming: bool| match session
        .change(|tb, me, now| tb.set_attendance(me, &event, me, coming, now))
    {
        Ok(()) => error.set(None),
        Err(problem) => error.set(Some(locale.language().error(&problem))),
    };

    view! {
        <Title text=move || t(Text::EventsTitle).to_string() />
        <section class="page" aria-labelledby="events-heading">
            <PageHeading id="events-heading">{move || t(Text::EventsTitle)}</PageHeading>
            <h2>{move || t(Text::UpcomingHeading)}</h2>
            {move || {
                let list = upcoming();
                let language = locale.language();
                if list.is_empty() {
                    view! { <p>{t(Text::NoUpcoming)}</p> }.into_any()
                } else {
                    view! {
                        <ul class="listing-list">
                            {list.into_iter().map(|(event, coming, count)| {
                                let (day, starts) = local_date_time(event.starts_at);
                                let (_, ends) = local_date_time(event.ends_at);
                                let (yes, no) = (event.id.clone(), event.id.clone());
                                view! {
                                    <li>
                                        <span class="tag">{t(kind_text(event.kind))}</span>
                                        <h3 class="listing-title">
                                            <A href=format!("/events/{}", event.id)>{event.title.clone()}</A>
                                        </h3>
                                        <span>{format!("{}, {starts}–{ends}", language.date(day))}</span>
                                        {(!event.place.is_empty()).then(|| view! { <span class="who">{event.place.clone()}</span> })}
                                        <span class="hint">{language.count(count, Text::ComingCountOne, Text::ComingCount)}</span>
                                        {(coming == Some(true)).then(|| view! { <span class="success">{t(Text::YouAreComing)}</span> })}
                                        <div class="actions">
                                            <button type="button" class="button small" aria-pressed=(coming == Some(true)).to_string() on:click=move |_| answer(yes.clone(), true)>
                                                {t(Text::ImComing)}
                                            </button>
                                            <button type="button" class="button small" aria-pressed=(coming == Some(false)).to_string() on:click=move |_| answer(no.clone(), false)>
                                                {t(Text::NotComing)}
                                            </button>
                                        </div>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }
            }}
            <p class="error" role="alert">{move || error.get()}</p>
            <PastEvents />
            <Calendar month=shown_month />
            <h2 id="plan-heading">{move || t(Text::PlanEventTitle)}</h2>
            <EventForm />
        </section>
    }
}

/// One square of the calendar: the day of the month and its events' titles,
/// or nothing before the first and after the last day.
type DayCell = Option<(u32, Vec<String>)>;

/// A month as a table of weeks, each day listing its events.
#[component]
fn Calendar(month: RwSignal<Month>) -> impl IntoView {
    let locale = Locale::get();
    let t = move |text| locale.t(text);
    let session = Session::get();
    let previous = move |_| {
        month.update(|m| {
            let index = m.year() * 12 + m.number() as i32 - 2;
            if let Some(before) = Month::new(index.div_euclid(12), index.rem_euclid(12) as u32 + 1)
            {
                *m = before;
            }
        })
    };
    let next = move |_| month.update(|m| *m = m.next());
    let weeks = move || {
        let shown = month.get();
        let events_by_day = session
            .read(|tb, _| {
                tb.events()
                    .filter(|e| !e.cancelled)
                    .map(|e| (local_date_time(e.starts_at).0, e.title.clone()))
                    .filter(|(day, _)| Month::of(*day) == shown)
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default();
        let first = shown.first_day();
        let last = shown.last_day();
        let mut weeks: Vec<Vec<DayCell>> = Vec::new();
        let mut week: Vec<DayCell> = vec![None; first.weekday_from_monday() as usize];
        let (_, _, last_day) = last.ymd();
        for day in 1..=last_day {
            let date = Date::from_ymd(shown.year(), shown.number(), day).unwrap_or(first);
            let titles = events_by_day
                .iter()
                .filter(|(d, _)| *d == date)
                .map(|(_, title)| title.clone())
                .collect();
            week.push(Some((day, titles)));
            if week.len() == 7 {
                weeks.push(std::mem::take(&mut week));
            }
        }
        if !week.is_empty() {
            week.resize(7, None);
            weeks.push(week);
        }
        weeks
    };
    view! {
        <h2 id="calendar-heading">{move || t(Text::CalendarHeading)}</h2>
        <div class="calendar-controls">
            <button type="button" class="button small" on:click=previous>{move || t(Text::PreviousMonth)}</button>
            <button type="button" class="button small" on:click=next>{move || t(Text::NextMonth)}</button>
        </div>
        <div class="table-scroll" role="region" aria-labelledby="calendar-heading" tabindex="0">
            <table class="calendar">
                <caption aria-live="polite">{move || locale.language().month(month.get())}</caption>
                <thead>
                    <tr>
                        {move || t(Text::WeekdaysShort).split(' ').map(|day| view! { <th scope="col">{day.to_string()}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {move || weeks().into_iter().map(|week| view! {
                        <tr>
                            {week.into_iter().map(|cell| match cell {
                                None => view! { <td></td> }.into_any(),
                                Some((day, titles)) => {
                                    let has_event = !titles.is_empty();
                                    view! {
                                        <td class:has-event=has_event>
                                            <span class="day">{day}</span>
                                            {titles.into_iter().map(|title| view! { <span class="calendar-event">{title}</span> }).collect_view()}
                                        </td>
                                    }.into_any()
                                }
                            }).collect_view()}
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// Events that ended in the last 60 days, the latest first: each leads to
/// its page, where who came is seen and their hours recorded.
#[component]
fn PastEvents() -> impl IntoView {
    let locale = Locale::get();
    let t = move |text| locale.t(text);
    let session = Session::get();
    let past = move || {
        session
            .read(|tb, _| {
                let now = now();
                let since = Timestamp(now.0 - 60 * 86_400_000);
                let mut past: Vec<_> = tb
                    .events()
                    .filter(|e| e.ends_at < now && e.ends_at >= since)
                    .map(|e| (e.starts_at, e.id.clone(), e.title.clone(), e.cancelled))
                    .collect();
                past.sort_by(|a, b| (b.0, &b.1).cmp(&(a.0, &a.1)));
                past
            })
            .unwrap_or_default()
    };
    view! {
        {move || {
            let list = past();
            (!list.is_empty()).then(|| {
                let language = locale.language();
                view! {
                    <h2>{t(Text::PastEventsHeading)}</h2>
                    <ul class="history">
                        {list.into_iter().map(|(starts_at, id, title, cancelled)| {
                            let day = language.date(local_date_time(starts_at).0);
                            view! {
                                <li>
                                    <A href=format!("/events/{id}")>{title}</A>
                                    {format!(", {day}")}
                                    {cancelled.then(|| format!(" ({})", t(Text::EventCancelledTag)))}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }
            })
        }}
    }
}

/// The form to plan an event, or to change one (`editing`), whose fields
/// it starts from.
#[component]
pub(super) fn EventForm(#[prop(optional)] editing: Option<ledger::Event>) -> impl IntoView {
    let locale = Locale::get();
    let t = move |text| locale.t(text);
    let session = Session::get();
    let existing = editing.clone();
    let start_with = |moment: Option<Timestamp>, fallback: &str| {
        moment.map_or(fallback.to_string(), |m| local_date_time(m).1)
    };
    let kind = RwSignal::new(
        existing
            .as_ref()
            .and_then(|e| KINDS.iter().find(|(k, _, _)| *k == e.kind))
            .map_or("social", |(_, code, _)| *code)
            .to_string(),
    );
    let title = RwSignal::new(
        existing
            .as_ref()
            .map(|e| e.title.clone())
            .unwrap_or_default(),
    );
    let place = RwSignal::new(
        existing
            .as_ref()
            .map(|e| e.place.clone())
            .unwrap_or_default(),
    );
    let description = RwSignal::new(
        existing
            .as_ref()
            .map(|e| e.description.clone())
            .unwrap_or_default(),
    );
    let day = RwSignal::new(
        existing
            .as_ref()
            .map_or_else(
                || now().plus_days(7).date(),
                |e| local_date_time(e.starts_at).0,
            )
            .to_string(),
    );
    let starts = RwSignal::new(start_with(existing.as_ref().map(|e| e.starts_at), "10:00"));
    let ends = RwSignal::new(start_with(existing.as_ref().map(|e| e.ends_at), "12:00"));
    let error = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<String>);
    let editing_id = existing.as_ref().map(|e| e.id.clone());
    let prefix = if editing_id.is_some() {
        "edit"
    } else {
        "event"
    };
    let id = move |field: &str| format!("{prefix}-{field}");
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let language = locale.language();
        let moments = Date::parse(&day.get_untracked()).and_then(|date| {
            Some((
                local_moment(date, &starts.get_untracked())?,
                local_moment(date, &ends.get_untracked())?,
            ))
        });
        let Some((starts_at, ends_at)) = moments else {
            error.set(Some(language.error(&ledger::LedgerError::InvalidDate)));
            return;
        };
        let new_kind = KINDS
            .iter()
            .find(|(_, code, _)| *code == kind.get_untracked())
            .map_or(EventKind::Social, |(k, _, _)| *k);
        let new = NewEvent {
            kind: new_kind,
            title: title.get_untracked(),
            description: description.get_untracked(),
            place: place.get_untracked(),
            starts_at,
            ends_at,
        };
        let editing_id = editing_id.clone();
        let result = session.change(move |tb, me, now| match &editing_id {
            Some(id) => tb.update_event(me, id, new, now),
            None => tb.plan_event(me, new, now).map(|_| ()),
        });
        match result {
            Ok(()) => {
                error.set(None);
                done.set(Some(t(Text::Saved).to_string()));
                if editing.is_none() {
                    title.set(String::new());
                    description.set(String::new());
                }
            }
            Err(problem) => {
                done.set(None);
                error.set(Some(language.error(&problem)));
            }
        }
    };
    view! {
        <form class="stack" on:submit=submit novalidate=true>
            <div class="field">
                <label for=id("kind")>{move || t(Text::KindLabel)}</label>
                <select id=id("kind") on:change=move |e| kind.set(event_target_value(&e)) prop:value=move || kind.get()>
                    {KINDS.iter().map(|(_, code, text)| view! { <option value=*code>{move || t(*text)}</option> }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for=id("title")>{move || t(Text::TitleLabel)}</label>
                <input id=id("title") type="text" prop:value=move || title.get() on:input=move |e| title.set(event_target_value(&e)) />
            </div>
            <div class="field">
                <label for=id("place")>{move || t(Text::PlaceLabel)}</label>
                <input id=id("place") type="text" prop:value=move || place.get() on:input=move |e| place.set(event_target_value(&e)) />
            </div>
            <div class="field">
                <label for=id("description")>{move || t(Text::EventDescriptionLabel)}</label>
                <textarea id=id("description") rows="3" prop:value=move || description.get() on:input=move |e| description.set(event_target_value(&e))></textarea>
            </div>
            <div class="month-range">
                <div class="field">
                    <label for=id("day")>{move || t(Text::EventDateLabel)}</label>
                    <input id=id("day") type="date" prop:value=move || day.get() on:input=move |e| day.set(event_target_value(&e)) />
                </div>
                <div class="field">
                    <label for=id("starts")>{move || t(Text::StartsLabel)}</label>
                    <input id=id("starts") type="time" prop:value=move || starts.get() on:input=move |e| starts.set(event_target_value(&e)) />
                </div>
                <div class="field">
                    <label for=id("ends")>{move || t(Text::EndsLabel)}</label>
                    <input id=id("ends") type="time" prop:value=move || ends.get() on:input=move |e| ends.set(event_target_value(&e)) />
                </div>
            </div>
            <p class="error" role="alert">{move || error.get()}</p>
            <p class="success" role="status">{move || done.get()}</p>
            <button type="submit" class="button primary">
                {move || t(if existing.is_some() { Text::SaveChanges } else { Text::PlanButton })}
            </button>
        </form>
    }
}
