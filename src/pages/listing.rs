//! One listing: what is offered or asked for, by whom, until when, the
//! way to record an exchange for it, and the exchanges recorded for it
//! (each leads to its page, which leads back here).

use ledger::{Account, ListingId, MemberStatus};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use super::offers::kind_text;
use crate::i18n::{Locale, Text};
use crate::page_heading::PageHeading;
use crate::pages::{LinkList, account_name};
use crate::session::{Session, now};

/// What the page shows of the listing, read from the ledger.
#[derive(Clone, PartialEq)]
struct Shown {
    listing: ledger::Listing,
    poster: String,
    /// Its member is active: an exchange can be recorded for it.
    open_to_exchange: bool,
    /// I posted it, or coordinate: I may change it.
    may_edit: bool,
    /// The exchanges recorded for it that I may see (mine, or all for a
    /// coordinator), oldest first: (id, "5 March 2026: Ann gave Bob 1 hour").
    exchanges: Vec<(String, String)>,
}

#[component]
pub fn ListingPage() -> impl IntoView {
    let locale = Locale::get();
    let t = move |text| locale.t(text);
    let session = Session::get();
    let params = use_params_map();
    let id = move || params.read().get("id").and_then(|id| ListingId::parse(&id));

    let shown = Memo::new(move |_| {
        let id = id()?;
        let language = locale.language();
        let coordinator = session.is_coordinator();
        session
            .read(|tb, me| {
                let listing = tb.listing(&id)?.clone();
                let poster = Account::Member(listing.member.clone());
                let mut exchanges: Vec<&ledger::Exchange> = listing
                    .exchanges
                    .iter()
                    .filter_map(|id| tb.exchange(id))
                    .filter(|e| {
                        coordinator
                            || me.is_some_and(|me| {
                                e.payer.member() == Some(me) || e.payee.member() == Some(me)
                            })
                    })
                    .collect();
                exchanges.sort_by(|a, b| (a.service_date, &a.id).cmp(&(b.service_date, &b.id)));
                let exchanges = exchanges
                    .into_iter()
                    .map(|e| {
                        let line = language.fill(
                            Text::GaveReceivedLine,
                            &[
                                ("gave", &account_name(tb, &e.payee, language)),
                                ("received", &account_name(tb, &e.payer, language)),
                                ("duration", &locale.amount(i64::from(e.minutes))),
                            ],
                        );
                        let date = language.date(e.service_date);
                        (e.id.to_string(), format!("{date}: {line}"))
                    })
                    .collect();
                Some(Shown {
                    poster: account_name(tb, &poster, language),
                    open_to_exchange: tb
                        .member(&listing.member)
                        .is_some_and(|m| m.status == MemberStatus::Active),
                    may_edit: coordinator || me == Some(&listing.member),
                    exchanges,
                    listing,
                })
            })
            .flatten()
    });

    view! {
        <Title text=move || shown.get().map(|s| s.listing.title).unwrap_or_default() />
        <section class="page" aria-labelledby="listing-heading">
            {move || match shown.get() {
                None => view! {
                    <PageHeading id="listing-heading">{t(Text::ListingNotFound)}</PageHeading>
                    <p><A href="/offers">{t(Text::BackToBoard)}</A></p>
                }.into_any(),
                Some(shown) => {
                    let language = locale.language();
                    let listing = shown.listing.clone();
                    let today = now().date();
                    let standing = if listing.withdrawn {
                        t(Text::ListingWithdrawnNote).to_string()
                    } else if listing.expires_on < today {
                        language.fill(Text::ListingEndedNote, &[("date", &language.date(listing.expires_on))])
                    } else {
                        language.fill(Text::ShowsUntil, &[("date", &language.date(listing.expires_on))])
                    };
                    let hidden = format!(" {}", listing.title);
                    view! {
                        <PageHeading id="listing-heading">{listing.title.clone()}</PageHeading>
                        <dl class="details">
                            <dt>{t(Text::KindLabel)}</dt>
                            <dd>{t(kind_text(listing.kind))}</dd>
                            <dt>{t(Text::PostedByLabel)}</dt>
                            <dd><A href=format!("/members/{}", listing.member)>{shown.poster.clone()}</A></dd>
                            {listing.category.clone().map(|category| view! {
                                <dt>{t(Text::CategoryLabel)}</dt>
                                <dd>{category}</dd>
                            })}
                        </dl>
                        {(!listing.description.is_empty()).then(|| view! { <p>{listing.description.clone()}</p> })}
                        <p class="hint">{standing}</p>
                        <div class="actions">
                            {shown.open_to_exchange.then(|| view! {
                                <A href=format!("/record?listing={}", listing.id) attr:class="button primary">
                                    {t(Text::RecordForListing)}
                                </A>
                            })}
                            {shown.may_edit.then(|| view! {
                                <A href=format!("/offers/{}/edit", listing.id) attr:class="button">
                                    {t(Text::EditButton)}
                                    <span class="visually-hidden">{hidden}</span>
                                </A>
                            })}
                        </div>
                        <h2 id="listing-exchanges-heading">{t(Text::ListingExchangesHeading)}</h2>
                        <LinkList
                            labelled_by="listing-exchanges-heading"
                            empty=Text::NoListingExchanges
                            links=shown.exchanges.iter().map(|(id, line)| (format!("/exchanges/{id}"), line.clone())).collect()
                        />
                        <p><A href="/offers">{t(Text::BackToBoard)}</A></p>
                    }.into_any()
                }
            }}
        </section>
    }
}
