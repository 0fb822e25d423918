//! Home: my balance, what waits for my confirmation, my recent exchanges
//! and the next events.

use ledger::Account;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::cached_view::{CachedLine, Mark};
use crate::i18n::{Language, Locale, Text};
use crate::page_heading::PageHeading;
use crate::pages::account_name;
use crate::session::Session;

/// What happened, in words: "You helped Ann", "Harold helped you".
pub fn line_words(language: Language, line: &CachedLine) -> String {
    let name = line.other.as_deref().unwrap_or_default();
    match (&line.other, line.reversal, line.minutes > 0) {
        (Some(_), true, _) => language.fill(Text::RecentReversal, &[("name", name)]),
        (None, _, true) => language.text(Text::RecentFromFund).to_string(),
        (None, _, false) => language.text(Text::RecentToFund).to_string(),
        (Some(_), false, true) => language.fill(Text::RecentYouHelped, &[("name", name)]),
        (Some(_), false, false) => language.fill(Text::RecentHelpedYou, &[("name", name)]),
    }
}

/// Where an exchange stands, when it is not simply counted.
pub fn mark_words(language: Language, mark: Mark) -> Option<&'static str> {
    let text = match mark {
        Mark::Counts => return None,
        Mark::WaitsForYou => Text::MarkWaitsForYou,
        Mark::WaitsForOther => Text::MarkWaitsForOther,
        Mark::Rejected => Text::MarkRejected,
        Mark::Withdrawn => Text::MarkWithdrawn,
        Mark::NotCounted => Text::MarkNotCounted,
    };
    Some(language.text(text))
}

#[component]
pub fn Home() -> impl IntoView {
    let locale = Locale::get();
    let t = move |text| locale.t(text);
    let session = Session::get();
    let timebank_name = move || {
        session
            .read(|tb, _| tb.info().name.clone())
            .unwrap_or_default()
    };
    let balance = move || {
        session
            .read(|tb, me| me.map(|me| tb.balance(&Account::Member(me.clone()))))
            .flatten()
            .unwrap_or(0)
    };
    let recent = move || {
        session
            .read(|tb, me| {
                me.map(|me| {
                    crate::cached_view::recent_lines(
                        tb,
                        me,
                        crate::session::now(),
                        locale.language(),
                    )
                })
                .unwrap_or_default()
            })
            .unwrap_or_default()
    };
    let me = move || {
        session
            .read(|tb, me| {
                let me = me?;
                // A member's own phone is theirs alone: no one else to be.
                let switchable = crate::devices::can_change_hands(tb);
                Some((me.to_string(), tb.member(me)?.name.clone(), switchable))
            })
            .flatten()
    };
    view! {
        <Title text=move || t(Text::NavHome).to_string() />
        <section class="page" aria-labelledby="home-heading">
            <PageHeading id="home-heading">{timebank_name}</PageHeading>
            <DeviceNotice />
            <div class="balance-card">
                <h2>{move || t(Text::YourBalance)}</h2>
                <p class="balance" data-testid="my-balance">
                    {move || locale.amount(balance())}
                </p>
            </div>
            {move || me().map(|(id, name, switchable)| view! {
                <p class="using-as" data-testid="using-as">
                    {locale.language().fill(Text::HomeUsingAs, &[("name", &name)])}
                    {switchable.then(|| view! { " " <A href="/who">{t(Text::HomeNotYou)}</A> })}
                </p>
                <p><A href=format!("/members/{id}")>{t(Text::MyStatement)}</A></p>
            })}
            <A href="/record" attr:class="button primary">{move || t(Text::RecordAnExchange)}</A>
            <Show when=move || session.is_coordinator()>
                <WaitingForCoordinator />
            </Show>
            <WaitingForMe />
            <h2>{move || t(Text::RecentExchanges)}</h2>
            {move || {
                let lines = recent();
                if lines.is_empty() {
                    view! { <p>{t(Text::NoExchangesYet)}</p> }.into_any()
                } else {
                    let language = locale.language();
                    view! {
                        <ul class="exchange-list" data-testid="recent">
                            {lines
                                .into_iter()
                                .map(|line| {
                                    let date = ledger::Date::parse(&line.date)
                                        .map(|date| language.date(date))
                                        .unwrap_or_default();
                                    let mark = mark_words(language, line.mark);
                                    view! {
                                        <li class:not-counted=!matches!(line.mark, Mark::Counts | Mark::WaitsForYou | Mark::WaitsForOther)>
                                            <span class="when">{date}</span>
                                            <span class="who">{line_words(language, &line)}</span>
                                            <span class="amount">{locale.amount(line.minutes.abs())}</span>
                                            {mark.map(|mark| view! { <span class="mark">{mark}</span> })}
                                            <span class="what">{line.description.clone()}</span>
                                            <A href=format!("/exchanges/{}", line.exchange)>
                                                {t(Text::ViewExchange)}
                                            </A>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                    .into_any()
                }
            }}
            <ComingUp />
        </section>
    }
}

/// How many upcoming events the home screen lists.
const COMING_UP: usize = 3;

/// The next few events, with a link to all of them.
#[component]
fn ComingUp() -> impl IntoView {
    let locale = Locale::get();
    let t = move |text| locale.t(text);
    let session = Session::get();
    let events = move || {
        session
            .read(|tb, _| {
                tb.upcoming_events(crate::session::now())
                    .into_iter()
                    .take(COMING_UP)
                    .map(|e| (e.title.clone(), e.starts_at.date(), e.place.clone()))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };
    view! {
        <section aria-labelledby="coming-up-heading">
            <h2 id="coming-up-heading">{move || t(Text::UpcomingHeading)}</h2>
            {move || {
                let list = events();
                let language = locale.language();
                if list.is_empty() {
                    return view! { <p>{t(Text::NoUpcoming)}</p> }.into_any();
                }
                view! {
                    <ul class="exchange-list">
                        {list.into_iter().map(|(title, date, place)| view! {
                            <li>
                                <span class="when">{language.date(date)}</span>
                                <span class="who">{title}</span>
                                {(!place.is_empty()).then(|| view! { <span class="what">{place}</span> })}
                            </li>
                        }).collect_view()}
                    </ul>
                }
                .into_any()
            }}
            <A href="/events">{move || t(Text::AllEvents)}</A>
        </section>
    }
}

/// Exchanges that wait for this person's confirmation.
#[component]
fn WaitingForMe() -> impl IntoView {
    let locale = Locale::get();
    let session = Session::get();
    let waiting = move || {
        let language = locale.language();
        session
            .read(|tb, me| {
                let Some(me) = me else { return Vec::new() };
                let now = crate::session::now();
                tb.exchanges()
                    .filter(|e| e.confirmer.as_ref() == Some(me))
                    .filter(|e| tb.status(&e.id, now) == Some(ledger::Status::Pending))
                    .map(|e| {
                        let who = account_name(tb, &e.payee, language);
                        (
                            e.id.clone(),
                            format!(
                                "{who}: {}, {}",
                                locale.amount(i64::from(e.minutes)),
                                language.date(e.service_date)
                            ),
                        )
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };
    move || {
        let list = waiting();
        (!list.is_empty()).then(|| {
            view! {
                <h2>{locale.t(Text::WaitingForYou)}</h2>
                <ul class="exchange-list">
                    {list
                        .into_iter()
                        .map(|(id, label)| view! {
                            <li><A href=format!("/exchanges/{id}")>{label}</A></li>
                        })
                        .collect_view()}
                </ul>
            }
        })
    }
}

/// The home screen from the view kept from last time, shown for the moment
/// the document takes to open; never used for changes.
#[component]
pub fn CachedHome() -> impl IntoView {
    let locale = Locale::get();
    let t = move |text| locale.t(text);
    let session = Session::get();
    let view = move || session.cached_view().unwrap_or_default();
    view! {
        <Title text=move || t(Text::NavHome).to_string() />
        <section
            class="page"
            aria-labelledby="home-heading"
            data-view="cached"
            inner_html=move || crate::first_paint::home_html(&view(), locale.language())
        ></section>
    }
}

/// Tells the person when this device cannot write in the timebank (not
/// approved yet, revoked, or a browser that cannot sign), with the way to
/// the device's page.
#[component]
fn DeviceNotice() -> impl IntoView {
    use crate::devices::Standing;
    let locale = Locale::get();
    let t = move |text| locale.t(text);
    let session = Session::get();
    move || {
        let text = match session.read(|tb, _| crate::devices::standing_of(tb))? {
            Standing::Waiting { asked: Some(_) } => Text::HomeDeviceAsked,
            Standing::Waiting { asked: None } => Text::HomeDeviceCannotWrite,
            Standing::Revoked => Text::ThisDeviceRevoked,
            Standing::NoKey => Text::ThisDeviceNoKey,
            Standing::Open | Standing::Certified { .. } => return None,
        };
        Some(view! {
            <div class="notice" role="status" data-testid="device-notice">
                <p>{t(text)}</p>
                <A href="/devices">{t(Text::ThisDeviceHeading)}</A>
            </div>
        })
    }
}

/// What waits for a coordinator, as counts leading to the attention page:
/// items that need attention, and people who asked to join.
#[component]
fn WaitingForCoordinator() -> impl IntoView {
    let locale = Locale::get();
    let session = Session::get();
    let counts = move || {
        session
            .read(|tb, _| {
                let items = tb.attention(crate::session::now()).len();
                let applicants = tb
                    .members()
                    .filter(|m| m.status == ledger::MemberStatus::Applicant)
                    .count();
                (items, applicants)
            })
            .unwrap_or_default()
    };
    view! {
        {move || {
            let (items, applicants) = counts();
            let language = locale.language();
            (items > 0 || applicants > 0).then(|| view! {
                <ul class="waiting-for-coordinator" data-testid="coordinator-waiting">
                    {(items > 0).then(|| view! {
                        <li><A href="/coordinator">{language.count(items, Text::NeedAttentionOne, Text::NeedAttention)}</A></li>
                    })}
                    {(applicants > 0).then(|| view! {
                        <li><A href="/coordinator#applicants-heading">{language.count(applicants, Text::AskedToJoinOne, Text::AskedToJoin)}</A></li>
                    })}
                </ul>
            })
        }}
    }
}
