//! One exchange: what it was, its history, and what the person may do with
//! it (confirm or reject it when it waits for them; withdraw it while it
//! waits, when they recorded it; say something is wrong with it, when they
//! took part; reverse it, as a coordinator).

use ledger::{Account, ExchangeId, LifecycleAction, Outcome, Status, Timebank};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::i18n::{Language, Locale, Text};
use crate::page_heading::PageHeading;
use crate::pages::ConfirmButton;
use crate::session::{Session, now};

/// A person's name as this timebank knows it.
pub fn account_name(timebank: &Timebank, account: &Account, language: Language) -> String {
    match account {
        Account::CommunityFund => language.text(Text::CommunityFund).to_string(),
        Account::Member(id) => timebank
            .member(id)
            .map(|m| m.name.clone())
            .unwrap_or_default(),
    }
}

/// Everything the page shows about one exchange, read from the ledger.
#[derive(Clone)]
struct Shown {
    gave: String,
    received: String,
    /// The member pages of who gave and who received (none for the fund).
    gave_page: Option<String>,
    received_page: Option<String>,
    /// The exchange a reversal puts right.
    original: Option<String>,
    /// Its reversals: (id, "Put right by a reversal on …").
    reversals: Vec<(String, String)>,
    /// The other exchanges recorded with it: (id, "Bob: 1 hour").
    group: Vec<(String, String)>,
    /// The event it was recorded for: (id, title).
    event: Option<(String, String)>,
    /// The listing it came from: (id, title).
    listing: Option<(String, String)>,
    minutes: i64,
    date: String,
    description: String,
    category: Option<String>,
    slip: Option<String>,
    status: Status,
    seal: Option<ledger::SealState>,
    recorded: String,
    history: Vec<String>,
    /// It waits for my confirmation.
    can_decide: bool,
    /// As a coordinator I may decide it, outranking the members' word.
    can_override: bool,
    /// When this person may reverse it: each side's balance now and after
    /// the reversal, in words ("Ann: 2 hours now, 1 hour after").
    reversal: Option<String>,
    /// I recorded it and it still waits for someone else's confirmation.
    can_withdraw: bool,
    /// I took part in it.
    can_query: bool,
}

#[component]
pub fn ExchangePage() -> impl IntoView {
    let locale = Locale::get();
    let t = move |text| locale.t(text);
    let session = Session::get();
    let params = use_params_map();
    let id = move || {
        params
            .read()
            .get("id")
            .and_then(|id| ExchangeId::parse(&id))
    };
    let error = RwSignal::new(None::<String>);
    let reason = RwSignal::new(String::new());
    // What the person last did here, said back to them.
    let done = RwSignal::new(None::<Text>);
    let words = RwSignal::new(String::new());

    let shown = move || {
        let id = id()?;
        let language = locale.language();
        // Decided as `Session::change` decides it (a locked shared tablet
        // is not a coordinator's).
        let is_coordinator = session.is_coordinator();
        session
            .read(|tb, me| {
                let exchange = tb.exchange(&id)?;
                let name = |account: &Account| account_name(tb, account, language);
                let member_name = |id: &ledger::MemberId| name(&Account::Member(id.clone()));
                let now = now();
                let status = exchange.status(tb.settings(), now);
                let history: Vec<String> = exchange
                    .events
                    .iter()
                    .map(|event| {
                        let text = match event.action {
                            LifecycleAction::Confirm => Text::LogConfirm,
                            LifecycleAction::Reject => Text::LogReject,
                            LifecycleAction::Override(Outcome::Confirmed) => {
                                Text::LogOverrideConfirm
                            }
                            LifecycleAction::Override(Outcome::Rejected) => Text::LogOverrideReject,
                            LifecycleAction::Withdraw => Text::LogWithdraw,
                            LifecycleAction::Query => Text::LogQuery,
                        };
                        let line = language.fill(
                            text,
                            &[
                                ("name", &member_name(&event.by)),
                                ("date", &language.date(event.at.date())),
                            ],
                        );
                        if event.note.is_empty() {
                            line
                        } else {
                            language.fill(
                                Text::LineWithNote,
                                &[("line", &line), ("note", &event.note)],
                            )
                        }
                    })
                    .collect();
                let reversals = tb.reversals_of(&id);
                let waits_for_me =
                    status == Status::Pending && me.is_some() && exchange.confirmer.as_ref() == me;
                let page_of =
                    |account: &Account| account.member().map(|member| format!("/members/{member}"));
                // A coordinator decides what members disagree on, or what
                // waits; a reversal, or what a reversal put right, stays.
                let disputed = exchange.has(LifecycleAction::Reject) || exchange.is_overridden();
                let can_override = is_coordinator
                    && !waits_for_me
                    && exchange.reversal_of.is_none()
                    && reversals.is_empty()
                    && match status {
                        Status::Pending | Status::Rejected => true,
                        Status::Confirmed => disputed,
                        Status::Withdrawn => false,
                    };
                Some(Shown {
                    gave: name(&exchange.payee),
                    received: name(&exchange.payer),
                    gave_page: page_of(&exchange.payee),
                    received_page: page_of(&exchange.payer),
                    original: exchange.reversal_of.as_ref().map(|o| o.to_string()),
                    reversals: reversals
                        .iter()
                        .map(|r| {
                            (
                                r.id.to_string(),
                                language.fill(
                                    Text::ReversedBy,
                                    &[("date", &language.date(r.service_date))],
                                ),
                            )
                        })
                        .collect(),
                    group: tb
                        .group_of(exchange)
                        .into_iter()
                        .map(|other| {
                            let person = if other.payer == exchange.payer {
                                &other.payee
                            } else {
                                &other.payer
                            };
                            (
                                other.id.to_string(),
                                format!(
                                    "{}: {}",
                                    name(person),
                                    locale.amount(i64::from(other.minutes))
                                ),
                            )
                        })
                        .collect(),
                    minutes: i64::from(exchange.minutes),
                    date: language.date(exchange.service_date),
                    description: crate::words::exchange_words(
                        exchange,
                        language,
                        tb.info().currency,
                    ),
                    category: exchange.category.clone(),
                    slip: exchange.slip_number().map(String::from),
                    status,
                    seal: tb.seal_state(&id),
                    recorded: language.fill(
                        Text::RecordedBy,
                        &[
                            ("name", &member_name(&exchange.recorded_by)),
                            ("date", &language.date(exchange.recorded_at.date())),
                        ],
                    ),
                    history,
                    event: exchange
                        .group
                        .as_ref()
                        .and_then(|group| tb.event_of(group))
                        .map(|event| (event.id.to_string(), event.title.clone())),
                    listing: tb
                        .listing_of(&id)
                        .map(|listing| (listing.id.to_string(), listing.title.clone())),
                    can_decide: waits_for_me,
                    can_override,
                    reversal: (is_coordinator
                        && exchange.reversal_of.is_none()
                        && tb.counts(&id)
                        && reversals.is_empty())
                    .then(|| {
                        let minutes = i64::from(exchange.minutes);
                        [(&exchange.payee, -minutes), (&exchange.payer, minutes)]
                            .into_iter()
                            .map(|(account, change)| {
                                let now = tb.balance(account);
                                language.fill(
                                    Text::BalanceThen,
                                    &[
                                        ("name", &name(account)),
                                        ("now", &locale.amount(now)),
                                        ("then", &locale.amount(now + change)),
                                    ],
                                )
                            })
                            .collect::<Vec<_>>()
                            .join("; ")
                    }),
                    can_withdraw: status == Status::Pending
                        && me == Some(&exchange.recorded_by)
                        && exchange.confirmer.is_some(),
                    can_query: me.is_some_and(|me| exchange.concerns(me)),
                })
            })
            .flatten()
    };

    let act = move |action: fn(
        &mut Timebank,
        &ledger::MemberId,
        &ExchangeId,
        &str,
        ledger::Timestamp,
    ) -> Result<(), ledger::LedgerError>| {
        let Some(id) = id() else { return };
        let note = reason.get_untracked();
        match session.change(|tb, me, now| action(tb, me, &id, &note, now)) {
            Ok(()) => {
                error.set(None);
                reason.set(String::new());
            }
            Err(problem) => error.set(Some(locale.language().error(&problem))),
        }
    };
    let decide = move |outcome: Outcome| {
        if reason.get_untracked().trim().is_empty() {
            error.set(Some(
                locale
                    .language()
                    .error(&ledger::LedgerError::SayWhyYouDecide),
            ));
            crate::form::focus_id("reason");
            return;
        }
        match outcome {
            Outcome::Confirmed => act(|tb, me, id, note, now| {
                tb.override_status(me, id, Outcome::Confirmed, note, now)
            }),
            Outcome::Rejected => act(|tb, me, id, note, now| {
                tb.override_status(me, id, Outcome::Rejected, note, now)
            }),
        }
    };
    let confirm = move |_| act(|tb, me, id, note, now| tb.confirm(me, id, note, now));
    let reject = move |_| act(|tb, me, id, note, now| tb.reject(me, id, note, now));
    // A reversal says why: both members see the reason on it.
    let reverse = move || {
        if reason.get_untracked().trim().is_empty() {
            error.set(Some(locale.t(Text::ReverseNeedsReason).to_string()));
            crate::form::focus_id("reason");
            return;
        }
        act(|tb, me, id, note, now| tb.reverse(me, id, note, now).map(|_| ()));
    };
    let withdraw = move || {
        act(|tb, me, id, note, now| tb.withdraw(me, id, note, now));
        if error.get_untracked().is_none() {
            done.set(Some(Text::WithdrawnDone));
        }
    };
    let tell = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let Some(id) = id() else { return };
        let said = words.get_untracked();
        match session.change(|tb, me, now| tb.query(me, &id, &said, now)) {
            Ok(()) => {
                error.set(None);
                words.set(String::new());
                done.set(Some(Text::SomethingWrongSent));
            }
            Err(problem) => error.set(Some(locale.language().error(&problem))),
        }
    };

    view! {
        <Title text=move || t(Text::ExchangeTitle).to_string() />
        <section class="page" aria-labelledby="exchange-heading">
            <PageHeading id="exchange-heading">{move || t(Text::ExchangeTitle)}</PageHeading>
            {move || match shown() {
                None => view! { <p>{t(Text::ExchangeNotFound)}</p> }.into_any(),
                Some(shown) => {
                    let status = match shown.status {
                        Status::Pending => t(Text::StatusPending),
                        Status::Confirmed => t(Text::StatusConfirmed),
                        Status::Rejected => t(Text::StatusRejected),
                        Status::Withdrawn => t(Text::StatusWithdrawn),
                    };
                    view! {
                        <dl class="details">
                            <dt>{t(Text::GaveHelp)}</dt>
                            <dd>{person(shown.gave.clone(), shown.gave_page.clone())}</dd>
                            <dt>{t(Text::ReceivedHelp)}</dt>
                            <dd>{person(shown.received.clone(), shown.received_page.clone())}</dd>
                            <dt>{t(Text::HowLong)}</dt>
                            <dd>{locale.amount(shown.minutes)}</dd>
                            <dt>{t(Text::DateLabel)}</dt>
                            <dd>{shown.date.clone()}</dd>
                            {shown.category.clone().map(|category| view! {
                                <dt>{t(Text::CategoryLabel)}</dt>
                                <dd>{category}</dd>
                            })}
                            {shown.slip.clone().map(|number| view! {
                                <dt>{t(Text::ColSlip)}</dt>
                                <dd>{number}</dd>
                            })}
                            <dt>{t(Text::StatusLabel)}</dt>
                            <dd data-testid="exchange-status">{status}</dd>
                            {shown.seal.map(|seal| view! {
                                <dt>{t(Text::SignatureLabel)}</dt>
                                <dd data-testid="exchange-signature">{t(seal_text(seal))}</dd>
                            })}
                        </dl>
                        {(!shown.description.is_empty()).then(|| view! { <p>{shown.description.clone()}</p> })}
                        {shown.original.clone().map(|original| view! {
                            <p>
                                {t(Text::IsReversal)}" "
                                <A href=format!("/exchanges/{original}")>{t(Text::SeeOriginal)}</A>
                            </p>
                        })}
                        <p class="hint">{shown.recorded.clone()}</p>
                        {(!shown.history.is_empty() || !shown.reversals.is_empty()).then(|| view! {
                            <h2>{t(Text::HistoryHeading)}</h2>
                            <ul class="history">
                                {shown.history.iter().map(|line| view! { <li>{line.clone()}</li> }).collect_view()}
                                {shown.reversals.clone().into_iter().map(|(id, line)| view! {
                                    <li><A href=format!("/exchanges/{id}")>{line}</A></li>
                                }).collect_view()}
                            </ul>
                        })}
                        {shown.event.clone().map(|(id, title)| view! {
                            <p>{t(Text::FromEvent)}": " <A href=format!("/events/{id}")>{title}</A></p>
                        })}
                        {shown.listing.clone().map(|(id, title)| view! {
                            <p>{t(Text::FromListing)}": " <A href=format!("/offers/{id}")>{title}</A></p>
                        })}
                        {(!shown.group.is_empty()).then(|| view! {
                            <h2>{t(Text::RecordedTogetherHeading)}</h2>
                            <ul class="history">
                                {shown.group.clone().into_iter().map(|(id, line)| view! {
                                    <li><A href=format!("/exchanges/{id}")>{line}</A></li>
                                }).collect_view()}
                            </ul>
                        })}
                        {shown.can_override.then(|| view! {
                            <h2>{t(Text::DecideHeading)}</h2>
                            <p>{t(Text::DecideExplain)}</p>
                        })}
                        {(shown.can_decide || shown.can_override || shown.reversal.is_some()).then(|| view! {
                            <div class="field">
                                <label for="reason">{t(if shown.can_override {
                                    Text::ReasonToDecideLabel
                                } else if shown.reversal.is_some() {
                                    Text::ReasonToReverseLabel
                                } else {
                                    Text::ReasonLabel
                                })}</label>
                                <input
                                    id="reason"
                                    type="text"
                                    prop:value=move || reason.get()
                                    on:input=move |e| reason.set(event_target_value(&e))
                                />
                            </div>
                        })}
                        {(shown.can_decide || shown.can_override || shown.reversal.is_some()).then(|| view! {
                            <ul class="hint explain">
                                {shown.can_decide.then(|| view! {
                                    <li>{t(Text::ConfirmExplain)}</li>
                                    <li>{t(Text::RejectExplain)}</li>
                                })}
                                {shown.can_override.then(|| view! {
                                    <li>{t(Text::OverrideConfirmExplain)}</li>
                                    <li>{t(Text::OverrideRejectExplain)}</li>
                                })}
                                {shown.reversal.is_some().then(|| view! { <li>{t(Text::ReverseExplain)}</li> })}
                            </ul>
                        })}
                        <div class="actions">
                            {shown.can_decide.then(|| view! {
                                <button type="button" class="button primary" on:click=confirm>{t(Text::ConfirmButton)}</button>
                                <button type="button" class="button" on:click=reject>{t(Text::RejectButton)}</button>
                            })}
                            {shown.can_override.then(|| view! {
                                <button type="button" class="button primary" on:click=move |_| decide(Outcome::Confirmed)>
                                    {t(Text::OverrideConfirmButton)}
                                </button>
                                <button type="button" class="button" on:click=move |_| decide(Outcome::Rejected)>
                                    {t(Text::OverrideRejectButton)}
                                </button>
                            })}
                            {shown.reversal.clone().map(|balances| view! {
                                <ConfirmButton
                                    ask=t(Text::ReverseButton).to_string()
                                    question=locale.language().fill(
                                        Text::ReverseQuestion,
                                        &[("balances", &balances)],
                                    )
                                    yes=t(Text::ReverseYes).to_string()
                                    yes_id="reverse-yes".to_string()
                                    on_yes=reverse
                                />
                            })}
                        </div>
                        {shown.can_withdraw.then(|| view! {
                            <p class="hint">{t(Text::WithdrawExchangeHint)}</p>
                            <ConfirmButton
                                ask=t(Text::WithdrawExchangeButton).to_string()
                                question=t(Text::WithdrawExchangeQuestion).to_string()
                                yes=t(Text::WithdrawExchangeYes).to_string()
                                yes_id="withdraw-yes".to_string()
                                on_yes=withdraw
                            />
                        })}
                        {shown.can_query.then(|| view! {
                            <details class="something-wrong">
                                <summary>{t(Text::SomethingWrongHeading)}</summary>
                                <form on:submit=tell>
                                    <div class="field">
                                        <label for="what-is-wrong">{t(Text::SomethingWrongLabel)}</label>
                                        <textarea
                                            id="what-is-wrong"
                                            rows="3"
                                            prop:value=move || words.get()
                                            on:input=move |e| words.set(event_target_value(&e))
                                        ></textarea>
                                    </div>
                                    <button type="submit" class="button">{t(Text::SomethingWrongButton)}</button>
                                </form>
                            </details>
                        })}
                    }
                    .into_any()
                }
            }}
            <p class="error" role="alert">{move || error.get()}</p>
            <div role="status" data-testid="exchange-done">
                {move || done.get().map(|text| view! {
                    <p>{t(text)}</p>
                    {(text == Text::WithdrawnDone).then(|| view! {
                        <A href="/record">{t(Text::RecordAgain)}</A>
                    })}
                })}
            </div>
        </section>
    }
}

/// A person's name, leading to their page when they are a member.
fn person(name: String, page: Option<String>) -> impl IntoView {
    match page {
        Some(href) => view! { <A href=href>{name}</A> }.into_any(),
        None => name.into_any(),
    }
}

/// What the page says of where an exchange's signature stands.
fn seal_text(seal: ledger::SealState) -> Text {
    use ledger::SealState;
    match seal {
        SealState::Verified => Text::SealVerified,
        SealState::Signed => Text::SealSigned,
        SealState::Signing => Text::SealSigning,
        SealState::BeforeFounding => Text::SealBeforeFounding,
        SealState::NotSigned => Text::SealNotSigned,
        SealState::Doubted(doubt) => Text::doubt(doubt),
    }
}
