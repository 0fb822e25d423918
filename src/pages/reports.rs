//! Reports for funders and councils: a table and a bar chart by month, the
//! figures by category, and locking a month that is over.

use std::collections::BTreeMap;

use ledger::{CategoryFigures, Month, MonthReport};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::i18n::{Locale, Text};
use crate::page_heading::PageHeading;
use crate::pages::{ConfirmButton, account_name};
use crate::session::{Session, now};

/// Months shown when the page opens: the last six, this one included.
const DEFAULT_MONTHS: u32 = 6;

fn months_back(from: Month, count: u32) -> Month {
    let index = from.year() * 12 + from.number() as i32 - 1 - count as i32;
    Month::new(index.div_euclid(12), index.rem_euclid(12) as u32 + 1).unwrap_or(from)
}

#[component]
pub fn Reports() -> impl IntoView {
    let locale = Locale::get();
    let t = move |text| locale.t(text);
    let session = Session::get();
    let this_month = Month::of(now().date());
    let from = RwSignal::new(months_back(this_month, DEFAULT_MONTHS - 1).to_string());
    let to = RwSignal::new(this_month.to_string());
    let error = RwSignal::new(None::<String>);

    let report = move || -> Option<(Vec<MonthReport>, bool)> {
        let (from, to) = (Month::parse(&from.get())?, Month::parse(&to.get())?);
        // As `Session::change` decides it (a locked shared tablet is not a
        // coordinator's).
        let coordinator = session.is_coordinator();
        session.read(|tb, _| (tb.report(from, to.max(from)), coordinator))
    };
    // Exchanges of the locked months shown that their figures do not hold.
    let changed = move || {
        let (from, to) = (Month::parse(&from.get())?, Month::parse(&to.get())?);
        let language = locale.language();
        session.read(|tb, _| {
            tb.changed_since_lock()
                .into_iter()
                .filter(|(month, _, _)| (from..=to.max(from)).contains(month))
                .map(|(month, exchange, counted)| {
                    let month = language.month(month);
                    (
                        exchange.id.to_string(),
                        language.date(exchange.service_date),
                        language.fill(
                            Text::LateExchangeWho,
                            &[
                                ("giver", &account_name(tb, &exchange.payee, language)),
                                ("receiver", &account_name(tb, &exchange.payer, language)),
                                ("duration", &locale.amount(i64::from(exchange.minutes))),
                            ],
                        ),
                        language.fill(
                            if counted {
                                Text::LateExchangeAdded
                            } else {
                                Text::LateExchangeRemoved
                            },
                            &[("month", &month)],
                        ),
                    )
                })
                .collect::<Vec<_>>()
        })
    };
    let lock = move |month: Month| match session.change(|tb, me, now| tb.lock_month(me, month, now))
    {
        Ok(()) => error.set(None),
        Err(problem) => error.set(Some(locale.language().error(&problem))),
    };

    view! {
        <Title text=move || t(Text::ReportsTitle).to_string() />
        <section class="page" aria-labelledby="reports-heading">
            <crate::pages::CoordinatorTabs />
            <PageHeading id="reports-heading">{move || t(Text::ReportsTitle)}</PageHeading>
            <p>{move || t(Text::ReportsIntro)}</p>
            <div class="month-range">
                <div class="field">
                    <label for="from-month">{move || t(Text::FromMonthLabel)}</label>
                    <input id="from-month" type="month" prop:value=move || from.get() on:change=move |e| from.set(event_target_value(&e)) />
                </div>
                <div class="field">
                    <label for="to-month">{move || t(Text::ToMonthLabel)}</label>
                    <input id="to-month" type="month" prop:value=move || to.get() on:change=move |e| to.set(event_target_value(&e)) />
                </div>
            </div>
            {move || report().map(|(months, coordinator)| {
                let language = locale.language();
                let today = now().date();
                let mut categories: BTreeMap<String, CategoryFigures> = BTreeMap::new();
                for month in &months {
                    for (name, figures) in &month.figures.by_category {
                        let entry = categories.entry(name.clone()).or_default();
                        entry.minutes += figures.minutes;
                        entry.exchanges += figures.exchanges;
                    }
                }
                view! {
                    <HoursChart months=months.clone() />
                    <div class="table-scroll" role="region" aria-labelledby="reports-heading" tabindex="0">
                        <table>
                            <thead>
                                <tr>
                                    <th scope="col">{t(Text::ColMonth)}</th>
                                    <th scope="col">{t(Text::ColHours)}</th>
                                    <th scope="col">{t(Text::ColExchanges)}</th>
                                    <th scope="col">{t(Text::ColActive)}</th>
                                    <th scope="col">{t(Text::ColNew)}</th>
                                    <th scope="col">{t(Text::ColFund)}</th>
                                    <th scope="col">{t(Text::ColValue)}</th>
                                    <th scope="col">{t(Text::ColLocked)}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {months.iter().map(|report| {
                                    let month = report.month;
                                    let figures = &report.figures;
                                    let locked = report.lock.is_some();
                                    let month_name = language.month(month);
                                    view! {
                                        <tr>
                                            <th scope="row">{month_name.clone()}</th>
                                            <td>{locale.amount(figures.minutes_exchanged)}</td>
                                            <td>{figures.exchanges}</td>
                                            <td>{figures.active_members}</td>
                                            <td>{figures.new_members}</td>
                                            <td>{locale.amount(figures.fund_minutes)}</td>
                                            <td>{language.money(figures.social_value_pence, session.currency())}</td>
                                            <td>{if locked { t(Text::Yes) } else { t(Text::No) }}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                    {
                        // Locking, outside the table so it is in reach on
                        // any screen; each asks first, in words.
                        let lockable: Vec<Month> = months
                            .iter()
                            .filter(|report| report.lock.is_none() && report.month.last_day() < today)
                            .map(|report| report.month)
                            .collect();
                        (coordinator && !lockable.is_empty()).then(|| view! {
                            <h2 id="lock-heading">{t(Text::LockHeading)}</h2>
                            <p class="hint">{t(Text::LockIntro)}</p>
                            <ul class="lock-list" aria-labelledby="lock-heading">
                                {lockable.into_iter().map(|month| {
                                    let name = language.month(month);
                                    view! {
                                        <li>
                                            <ConfirmButton
                                                ask=language.fill(Text::LockButton, &[("month", &name)])
                                                question=language.fill(Text::LockQuestion, &[("month", &name)])
                                                yes=language.fill(Text::LockYes, &[("month", &name)])
                                                yes_id=format!("lock-{month}")
                                                on_yes=move || lock(month)
                                            />
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        })
                    }
                    {move || changed().filter(|list| !list.is_empty()).map(|list| view! {
                        <h2 id="changed-heading">{t(Text::ChangedSinceLockHeading)}</h2>
                        <ul class="exchange-list" aria-labelledby="changed-heading" data-testid="changed-since-lock">
                            {list.into_iter().map(|(id, date, who, why)| view! {
                                <li>
                                    <span class="when">{date}</span>
                                    <span class="who">{who}</span>
                                    <span class="what">{why}</span>
                                    <A href=format!("/exchanges/{id}")>{t(Text::ViewExchange)}</A>
                                </li>
                            }).collect_view()}
                        </ul>
                    })}
                    <h2 id="categories-heading">{t(Text::ByCategoryHeading)}</h2>
                    <div class="table-scroll" role="region" aria-labelledby="categories-heading" tabindex="0">
                        <table>
                            <thead>
                                <tr>
                                    <th scope="col">{t(Text::ColCategory)}</th>
                                    <th scope="col">{t(Text::ColHours)}</th>
                                    <th scope="col">{t(Text::ColExchanges)}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {categories.into_iter().map(|(name, figures)| view! {
                                    <tr>
                                        <th scope="row">{
                                            // The ledger's name for exchanges with none.
                                            if name == ledger::UNCATEGORISED {
                                                t(Text::NoCategory).to_string()
                                            } else {
                                                name
                                            }
                                        }</th>
                                        <td>{locale.amount(figures.minutes)}</td>
                                        <td>{figures.exchanges}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }
            })}
            <p class="error" role="alert">{move || error.get()}</p>
        </section>
    }
}

/// Hours exchanged per month as an SVG bar chart. The table below carries
/// the same figures for screen readers; the chart itself is one labelled image.
#[component]
fn HoursChart(months: Vec<MonthReport>) -> impl IntoView {
    let locale = Locale::get();
    let language = locale.language();
    let max = months
        .iter()
        .map(|m| m.figures.minutes_exchanged.max(0))
        .max()
        .unwrap_or(0)
        .max(60);
    let width = 320.0;
    let height = 160.0;
    let slot = width / months.len().max(1) as f64;
    let summary = months
        .iter()
        .map(|m| {
            format!(
                "{}: {}",
                language.month(m.month),
                locale.amount(m.figures.minutes_exchanged)
            )
        })
        .collect::<Vec<_>>()
        .join("; ");
    let label = format!("{}. {summary}", language.text(Text::ChartTitle));
    view! {
        <figure class="chart">
            <svg viewBox=format!("0 0 {width} {}", height + 24.0) role="img" aria-label=label>
                {months.iter().enumerate().map(|(index, m)| {
                    let value = m.figures.minutes_exchanged.max(0) as f64;
                    let bar = (value / max as f64) * height;
                    let x = index as f64 * slot + slot * 0.15;
                    let short = language.month_short(m.month);
                    view! {
                        <rect x=x y=height - bar width=slot * 0.7 height=bar class="bar" />
                        <text x=x + slot * 0.35 y=height + 16.0 text-anchor="middle" class="axis">{short}</text>
                    }
                }).collect_view()}
            </svg>
            <figcaption>{language.text(Text::ChartTitle)}</figcaption>
        </figure>
    }
}
