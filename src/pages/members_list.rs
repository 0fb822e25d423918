//! The members list on paper, for a coordinator to hand to members without
//! a phone: number, name, how to reach them, neighbourhood, what they offer,
//! and balances when the timebank shows them.

use ledger::{Account, MemberStatus};
use leptos::prelude::*;
use leptos_meta::Title;

use crate::i18n::{Locale, Text};
use crate::page_heading::PageHeading;
use crate::session::{Session, now};

#[component]
pub fn MembersList() -> impl IntoView {
    let locale = Locale::get();
    let t = move |text| locale.t(text);
    let session = Session::get();
    let rows = move || {
        session
            .read(|tb, _| {
                let show_balances = tb.settings().balances_visible;
                let mut members: Vec<_> = tb
                    .members()
                    .filter(|m| m.status == MemberStatus::Active)
                    .map(|m| {
                        let balance =
                            show_balances.then(|| tb.balance(&Account::Member(m.id.clone())));
                        (m.clone(), balance)
                    })
                    .collect();
                members.sort_by_cached_key(|(m, _)| (m.number, m.name.to_lowercase()));
                (tb.info().name.clone(), show_balances, members)
            })
            .unwrap_or_default()
    };
    let print = move |_| {
        let _ = window().print();
    };
    view! {
        <Title text=move || t(Text::MembersListTitle).to_string() />
        <section class="page" aria-labelledby="members-list-heading">
            <PageHeading id="members-list-heading">{move || t(Text::MembersListTitle)}</PageHeading>
            <Show
                when=move || session.is_coordinator()
                fallback=move || view! { <p>{locale.language().error(&ledger::LedgerError::NotCoordinator)}</p> }
            >
            {move || {
                let (name, show_balances, members) = rows();
                let language = locale.language();
                view! {
                    <p>{language.fill(Text::PrintedOn, &[("name", &name), ("date", &language.date(now().date()))])}</p>
                    <button type="button" class="button no-print" on:click=print>{t(Text::PrintThisList)}</button>
                    <div class="table-scroll" role="region" aria-labelledby="members-list-heading" tabindex="0">
                        <table class="members-table">
                            <thead>
                                <tr>
                                    <th scope="col">{t(Text::MemberNumberShort)}</th>
                                    <th scope="col">{t(Text::ColMember)}</th>
                                    <th scope="col">{t(Text::PhoneLabel)}</th>
                                    <th scope="col">{t(Text::NeighbourhoodLabel)}</th>
                                    <th scope="col">{t(Text::OffersHeading)}</th>
                                    {show_balances.then(|| view! { <th scope="col">{t(Text::ColBalance)}</th> })}
                                </tr>
                            </thead>
                            <tbody>
                                {members.into_iter().map(|(member, balance)| view! {
                                    <tr>
                                        <td>{member.number}</td>
                                        <th scope="row">{member.name.clone()}</th>
                                        <td>{member.profile.phone.clone()}</td>
                                        <td>{member.profile.neighbourhood.clone()}</td>
                                        <td>{member.profile.offers.clone()}</td>
                                        {balance.map(|minutes| view! { <td>{locale.amount(minutes)}</td> })}
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }
            }}
            </Show>
        </section>
    }
}
