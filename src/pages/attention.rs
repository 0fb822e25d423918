//! The coordinator's attention queue: each item says what happened and what
//! to do, links to the exchange concerned, and can be marked as dealt with
//! (which is recorded in the timebank, so every device sees it resolved).

use ledger::{Account, AttentionItem, ExchangeId, LimitKind, MemberStatus, Timebank};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::i18n::{Locale, Text};
use crate::page_heading::PageHeading;
use crate::pages::account_name;
use crate::session::{Session, now};

/// One item as shown: its key, what happened, what to do, and the exchange
/// to look at, if any.
#[derive(Clone)]
struct Shown {
    key: String,
    what: String,
    what_to_do: String,
    exchange: Option<ExchangeId>,
    /// An exchange recorded after its device was revoked: a coordinator
    /// can let it count.
    acceptable: Option<ExchangeId>,
}

fn describe(item: &AttentionItem, tb: &Timebank, locale: Locale) -> Shown {
    let language = locale.language();
    let name = |account: &Account| account_name(tb, account, language);
    let count = |n: usize| n.to_string();
    let (what, what_to_do, exchange) = match item {
        AttentionItem::OverLimit {
            account,
            exchange,
            balance_minutes,
            limit_minutes,
            kind,
        } => (
            language.fill(
                Text::OverLimitWhat,
                &[
                    ("name", &name(account)),
                    ("balance", &locale.amount(*balance_minutes)),
                    (
                        "limit",
                        language.text(match kind {
                            LimitKind::BelowFloor => Text::LimitLowest,
                            LimitKind::AboveCeiling => Text::LimitHighest,
                        }),
                    ),
                    ("amount", &locale.amount(*limit_minutes)),
                ],
            ),
            language.text(Text::OverLimitDo).to_string(),
            Some(exchange.clone()),
        ),
        AttentionItem::DuplicateSlip { number, exchanges } => (
            {
                // Typed twice on one device, or on two that were apart.
                let devices: std::collections::BTreeSet<_> = exchanges
                    .iter()
                    .filter_map(|id| tb.exchange(id).map(|e| e.device.clone()))
                    .collect();
                language.fill(
                    if devices.len() > 1 {
                        Text::DuplicateSlipOtherDevices
                    } else {
                        Text::DuplicateSlipWhat
                    },
                    &[("number", number), ("count", &count(exchanges.len()))],
                )
            },
            language.text(Text::DuplicateSlipDo).to_string(),
            exchanges.last().cloned(),
        ),
        AttentionItem::SuspectedDuplicate { exchanges } => (
            language.fill(
                Text::SuspectedDuplicateWhat,
                &[("count", &count(exchanges.len()))],
            ),
            language.text(Text::SuspectedDuplicateDo).to_string(),
            exchanges.last().cloned(),
        ),
        AttentionItem::DuplicateMemberNumber { number, members } => (
            language.fill(
                Text::DuplicateNumberWhat,
                &[
                    ("count", &count(members.len())),
                    ("number", &number.to_string()),
                ],
            ),
            language.text(Text::DuplicateNumberDo).to_string(),
            None,
        ),
        AttentionItem::ConfirmationOverdue {
            exchange,
            confirmer,
            ..
        } => (
            language.fill(
                Text::OverdueWhat,
                &[("name", &name(&Account::Member(confirmer.clone())))],
            ),
            language.text(Text::OverdueDo).to_string(),
            Some(exchange.clone()),
        ),
        AttentionItem::Disputed { exchange } => {
            use ledger::LifecycleAction as Action;
            // Who rejected it (a coordinator, perhaps), or who withdrew
            // what the other member confirmed at the same time.
            let by = |action: Action| {
                tb.exchange(exchange)
                    .and_then(|e| e.events.iter().find(|event| event.action == action))
                    .map(|event| name(&Account::Member(event.by.clone())))
            };
            let what = match (
                by(Action::Reject),
                by(Action::Withdraw),
                by(Action::Confirm),
            ) {
                (None, Some(who), Some(other)) => language.fill(
                    Text::WithdrawnInVainWhat,
                    &[("name", &who), ("other", &other)],
                ),
                (who, ..) => {
                    language.fill(Text::DisputedWhat, &[("name", &who.unwrap_or_default())])
                }
            };
            (
                what,
                language.text(Text::DisputedDo).to_string(),
                Some(exchange.clone()),
            )
        }
        AttentionItem::Queried {
            exchange,
            by,
            words,
            ..
        } => (
            language.fill(
                Text::QueriedWhat,
                &[
                    ("name", &name(&Account::Member(by.clone()))),
                    ("words", words),
                ],
            ),
            language.text(Text::QueriedDo).to_string(),
            Some(exchange.clone()),
        ),
        AttentionItem::DuplicateReversal {
            original,
            reversals,
        } => (
            language.fill(
                Text::DuplicateReversalWhat,
                &[("count", &count(reversals.len()))],
            ),
            language.text(Text::DuplicateReversalDo).to_string(),
            Some(original.clone()),
        ),
        AttentionItem::LockedPeriodEntry {
            month, exchange, ..
        } => {
            let month = language.month(*month);
            (
                language.fill(Text::LockedEntryWhat, &[("month", &month)]),
                language.fill(Text::LockedEntryDo, &[("month", &month)]),
                Some(exchange.clone()),
            )
        }
        AttentionItem::MissingFromSequence {
            member, missing, ..
        } => {
            let numbers: Vec<String> = missing.iter().map(u64::to_string).collect();
            let who = name(&Account::Member(member.clone()));
            (
                language.fill(
                    Text::MissingFromSequenceWhat,
                    &[("name", &who), ("numbers", &numbers.join(", "))],
                ),
                language.fill(Text::MissingFromSequenceDo, &[("name", &who)]),
                None,
            )
        }
        AttentionItem::DoubtedDecision {
            exchange, doubt, ..
        } => (
            language.fill(
                Text::DecisionDoubted,
                &[("why", language.text(Text::why(*doubt)))],
            ),
            language
                .text(if doubt.withholds() {
                    Text::DecisionDoubtedDo
                } else {
                    Text::ChangedAfterSigningDo
                })
                .to_string(),
            Some(exchange.clone()),
        ),
        AttentionItem::Trust(problem) => {
            use ledger::trust::TrustProblem as P;
            let code = ledger::trust_problem_codes(problem)
                .into_iter()
                .next()
                .unwrap_or_default();
            let (what, what_to_do) = match problem {
                P::CertificateNotValid { .. } => {
                    (Text::TrustCertificateNotValid, Text::TrustCertifyAgainDo)
                }
                P::CertifiedForTwoMembers { .. } => {
                    (Text::TrustCertifiedForTwo, Text::TrustCertifiedForTwoDo)
                }
                P::InvitationNotValid { .. } => (
                    Text::TrustInvitationNotValid,
                    Text::TrustInvitationNotValidDo,
                ),
                P::InviteUsedTwice { .. } => {
                    (Text::TrustInviteUsedTwice, Text::TrustInviteUsedTwiceDo)
                }
                P::RevocationNotValid { .. } | P::RevokedAfterOwnRevocation { .. } => {
                    (Text::TrustRevocationNotValid, Text::TrustRevokeAgainDo)
                }
            };
            (
                language.fill(what, &[("code", &code)]),
                language.text(what_to_do).to_string(),
                None,
            )
        }
        AttentionItem::Doubted { exchange, doubt } => (
            language.text(Text::doubt(*doubt)).to_string(),
            language
                .text(if doubt.withholds() {
                    Text::DoubtedDo
                } else {
                    Text::ChangedAfterSigningDo
                })
                .to_string(),
            Some(exchange.clone()),
        ),
    };
    let acceptable = match item {
        AttentionItem::Doubted {
            exchange,
            doubt: ledger::Doubt::AfterRevocation,
        } => Some(exchange.clone()),
        _ => None,
    };
    Shown {
        key: item.key(),
        what,
        what_to_do,
        exchange,
        acceptable,
    }
}

#[component]
pub fn Attention() -> impl IntoView {
    let locale = Locale::get();
    let t = move |text| locale.t(text);
    let session = Session::get();
    let error = RwSignal::new(None::<String>);
    let items = move || {
        // As `Session::change` decides it (a locked shared tablet is not a
        // coordinator's).
        if !session.is_coordinator() {
            return None;
        }
        session
            .read(|tb, _| {
                Some(
                    tb.attention(now())
                        .iter()
                        .map(|item| describe(item, tb, locale))
                        .collect::<Vec<_>>(),
                )
            })
            .flatten()
    };
    view! {
        <Title text=move || t(Text::AttentionTitle).to_string() />
        <section class="page" aria-labelledby="attention-heading">
            <CoordinatorTabs />
            <PageHeading id="attention-heading">{move || t(Text::AttentionTitle)}</PageHeading>
            <p>{move || t(Text::AttentionIntro)}</p>
            {move || match items() {
                None => view! { <p>{locale.language().error(&ledger::LedgerError::NotCoordinator)}</p> }.into_any(),
                Some(list) if list.is_empty() => view! { <p>{t(Text::AttentionEmpty)}</p> }.into_any(),
                Some(list) => view! {
                    <ul class="attention-list">
                        {list.into_iter().enumerate().map(|(index, shown)| {
                            let note = RwSignal::new(String::new());
                            let note_id = format!("resolve-note-{index}");
                            let key = shown.key.clone();
                            let resolve = move |_| {
                                let key = key.clone();
                                let text = note.get_untracked();
                                leptos::task::spawn_local(async move {
                                    match crate::devices::resolve(session, key, text).await {
                                        Ok(()) => error.set(None),
                                        Err(problem) => error.set(Some(locale.language().error(&problem))),
                                    }
                                });
                            };
                            view! {
                                <li>
                                    <p class="what">{shown.what.clone()}</p>
                                    <p class="hint">{shown.what_to_do.clone()}</p>
                                    {shown.exchange.clone().map(|id| view! {
                                        <A href=format!("/exchanges/{id}")>{t(Text::ViewExchange)}</A>
                                    })}
                                    <div class="field">
                                        <label for=note_id.clone()>{t(Text::ResolveNoteLabel)}</label>
                                        <input id=note_id type="text" prop:value=move || note.get() on:input=move |e| note.set(event_target_value(&e)) />
                                    </div>
                                    {shown.acceptable.clone().map(|id| view! {
                                        <button type="button" class="button primary" on:click=move |_| {
                                            let id = id.clone();
                                            leptos::task::spawn_local(async move {
                                                match crate::devices::accept_late(session, id).await {
                                                    Ok(()) => error.set(None),
                                                    Err(problem) => error.set(Some(locale.language().error(&problem))),
                                                }
                                            });
                                        }>{t(Text::AcceptLateButton)}</button>
                                    })}
                                    <button type="button" class="button" on:click=resolve>{t(Text::ResolveButton)}</button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any(),
            }}
            <p class="error" role="alert">{move || error.get()}</p>
            <Show when=move || session.is_coordinator()>
                <DealtWith />
                <Applicants />
            </Show>
        </section>
    }
}

/// What coordinators dealt with, the latest first, folded away: each item
/// as the queue described it (while it still arises), who dealt with it,
/// when, and their note.
#[component]
fn DealtWith() -> impl IntoView {
    let locale = Locale::get();
    let t = move |text| locale.t(text);
    let session = Session::get();
    let dealt = move || {
        let language = locale.language();
        session
            .read(|tb, _| {
                tb.dealt_with(now())
                    .into_iter()
                    .map(|(item, resolution)| {
                        let shown = item.map(|item| describe(&item, tb, locale));
                        let by = language.fill(
                            Text::DealtWithBy,
                            &[
                                (
                                    "name",
                                    &crate::pages::account_name(
                                        tb,
                                        &Account::Member(resolution.by.clone()),
                                        language,
                                    ),
                                ),
                                ("date", &language.date(resolution.at.date())),
                            ],
                        );
                        let by = if resolution.note.is_empty() {
                            by
                        } else {
                            language.fill(
                                Text::LineWithNote,
                                &[("line", &by), ("note", &resolution.note)],
                            )
                        };
                        (
                            shown.as_ref().map_or_else(
                                || t(Text::DealtWithGone).to_string(),
                                |shown| shown.what.clone(),
                            ),
                            by,
                            shown.and_then(|shown| shown.exchange),
                        )
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };
    view! {
        {move || {
            let list = dealt();
            (!list.is_empty()).then(|| {
                let count = list.len();
                view! {
                    <details class="dealt-with">
                        <summary>
                            <h2>{locale.language().fill(Text::DealtWithHeading, &[("count", &locale.language().grouped(count as u64))])}</h2>
                        </summary>
                        <ul class="attention-list">
                            {list.into_iter().map(|(what, by, exchange)| view! {
                                <li>
                                    <p class="what">{what}</p>
                                    <p class="hint">{by}</p>
                                    {exchange.map(|id| view! {
                                        <A href=format!("/exchanges/{id}")>{t(Text::ViewExchange)}</A>
                                    })}
                                </li>
                            }).collect_view()}
                        </ul>
                    </details>
                }
            })
        }}
    }
}

/// People who asked to join, oldest first, each approved with one tap.
#[component]
fn Applicants() -> impl IntoView {
    let locale = Locale::get();
    let t = move |text| locale.t(text);
    let session = Session::get();
    let error = RwSignal::new(None::<String>);
    let waiting = move || {
        session
            .read(|tb, _| {
                let mut list: Vec<_> = tb
                    .members()
                    .filter(|m| m.status == MemberStatus::Applicant)
                    .cloned()
                    .collect();
                list.sort_by_key(|m| (m.joined_on, m.number));
                list
            })
            .unwrap_or_default()
    };
    view! {
        <section aria-labelledby="applicants-heading">
            <h2 id="applicants-heading">{move || t(Text::ApplicantsHeading)}</h2>
            {move || {
                let list = waiting();
                let language = locale.language();
                if list.is_empty() {
                    return view! { <p>{t(Text::NoApplicants)}</p> }.into_any();
                }
                view! {
                    <ul class="attention-list">
                        {list.into_iter().map(|member| {
                            let id = member.id.clone();
                            let approve = move |_| {
                                let result = session.change(|tb, me, now| {
                                    tb.set_status(me, &id, MemberStatus::Active, now)
                                });
                                match result {
                                    Ok(()) => error.set(None),
                                    Err(problem) => error.set(Some(locale.language().error(&problem))),
                                }
                            };
                            view! {
                                <li>
                                    <p class="what">
                                        <A href=format!("/members/{}", member.id)>
                                            {format!("{} ({} {})", member.name, t(Text::MemberNumberShort), member.number)}
                                        </A>
                                    </p>
                                    <p class="hint">{language.fill(Text::JoinedOn, &[("date", &language.date(member.joined_on))])}</p>
                                    {(!member.profile.offers.is_empty()).then(|| view! { <p>{member.profile.offers.clone()}</p> })}
                                    <button type="button" class="button" on:click=approve>
                                        {language.fill(Text::ApproveButton, &[("name", &member.name)])}
                                    </button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            <p class="error" role="alert">{move || error.get()}</p>
        </section>
    }
}

/// Links between the coordinator's pages.
#[component]
pub fn CoordinatorTabs() -> impl IntoView {
    let locale = Locale::get();
    let t = move |text| locale.t(text);
    view! {
        <nav class="sub-nav" aria-label=move || t(Text::NavCoordinator)>
            <A href="/coordinator">{move || t(Text::AttentionTitle)}</A>
            <A href="/exchanges">{move || t(Text::ExchangesTitle)}</A>
            <A href="/fund">{move || t(Text::FundTitle)}</A>
            <A href="/trading-day">{move || t(Text::TradingDayTitle)}</A>
            <A href="/reports">{move || t(Text::ReportsTitle)}</A>
            <A href="/spreadsheets">{move || t(Text::SpreadsheetsTitle)}</A>
            <A href="/settings">{move || t(Text::SettingsTitle)}</A>
            <A href="/devices">{move || t(Text::SyncTitle)}</A>
            <A href="/backup">{move || t(Text::BackupTitle)}</A>
        </nav>
    }
}
