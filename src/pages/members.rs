//! The members directory, searchable, and adding a member (coordinators).

use ledger::{Account, MemberStatus, NewMember, Role};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::form::TextField;
use crate::i18n::{Locale, Text};
use crate::page_heading::PageHeading;
use crate::paging::{PAGE, SearchField, ShowMore};
use crate::session::Session;

#[component]
pub fn Members() -> impl IntoView {
    let locale = Locale::get();
    let t = move |text| locale.t(text);
    let session = Session::get();
    let query = RwSignal::new(String::new());
    let shown = RwSignal::new(PAGE);
    let total = RwSignal::new(0_usize);
    let is_coordinator = move || session.is_coordinator();
    let rows = move || {
        let needle = query.get().trim().to_lowercase();
        session
            .read(|tb, me| {
                let show_balances = tb.shows_balances_to(me);
                let mut members: Vec<_> = tb
                    .members()
                    .filter(|m| {
                        needle.is_empty()
                            || m.name.to_lowercase().contains(&needle)
                            || m.number.to_string() == needle
                            || m.profile.offers.to_lowercase().contains(&needle)
                            || m.profile.neighbourhood.to_lowercase().contains(&needle)
                    })
                    .map(|m| {
                        let balance =
                            show_balances.then(|| tb.balance(&Account::Member(m.id.clone())));
                        (m.clone(), balance)
                    })
                    .collect();
                members.sort_by_cached_key(|a| a.0.name.to_lowercase());
                members
            })
            .unwrap_or_default()
    };
    view! {
        <Title text=move || t(Text::MembersTitle).to_string() />
        <section class="page" aria-labelledby="members-heading">
            <PageHeading id="members-heading">{move || t(Text::MembersTitle)}</PageHeading>
            <SearchField id="member-search" label=Signal::derive(move || t(Text::SearchMembersLabel)) query=query shown=shown />
            {move || {
                let list = rows();
                total.set(list.len());
                let list: Vec<_> = list.into_iter().take(shown.get()).collect();
                if list.is_empty() {
                    view! { <p>{t(Text::NoMembersMatch)}</p> }.into_any()
                } else {
                    view! {
                        <ul class="member-list">
                            {list
                                .into_iter()
                                .map(|(member, balance)| {
                                    let status = match member.status {
                                        MemberStatus::Applicant => Some(t(Text::StatusApplicant)),
                                        MemberStatus::Active => None,
                                        MemberStatus::Away => Some(t(Text::StatusAway)),
                                        MemberStatus::Left => Some(t(Text::StatusLeft)),
                                    };
                                    let role = (member.role == Role::Coordinator)
                                        .then(|| t(Text::Coordinator));
                                    view! {
                                        <li>
                                            <A href=format!("/members/{}", member.id) attr:class="name">{member.name.clone()}</A>
                                            <span class="number">
                                                {format!("{} {}", t(Text::MemberNumberShort), member.number)}
                                            </span>
                                            {role.map(|role| view! { <span class="tag">{role}</span> })}
                                            {status.map(|status| view! { <span class="tag">{status}</span> })}
                                            {balance.map(|minutes| view! {
                                                <span class="amount">{locale.amount(minutes)}</span>
                                            })}
                                            {(!member.profile.offers.is_empty()).then(|| view! {
                                                <span class="offers">{member.profile.offers.clone()}</span>
                                            })}
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                    .into_any()
                }
            }}
            <ShowMore total=total shown=shown />
            <Show when=is_coordinator>
                <p><A href="/members/list" attr:class="button">{move || t(Text::PrintMembersList)}</A></p>
                <AddMember />
            </Show>
        </section>
    }
}

/// A coordinator adds a member: active at once, or an applicant to approve later.
#[component]
fn AddMember() -> impl IntoView {
    let locale = Locale::get();
    let t = move |text| locale.t(text);
    let session = Session::get();
    let name = RwSignal::new(String::new());
    let applicant = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let added = RwSignal::new(None::<String>);
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let new = NewMember {
            name: name.get_untracked(),
            ..NewMember::default()
        };
        let approve_now = !applicant.get_untracked();
        let result = session.change(|tb, me, now| {
            let id = tb.add_member(me, new, now)?;
            if approve_now {
                tb.set_status(me, &id, MemberStatus::Active, now)?;
            }
            Ok(tb
                .member(&id)
                .map(|m| format!("{} ({} {})", m.name, t(Text::MemberNumberShort), m.number)))
        });
        match result {
            Ok(who) => {
                error.set(None);
                added.set(who.map(|who| format!("{} {who}", t(Text::Saved))));
                name.set(String::new());
            }
            Err(problem) => {
                added.set(None);
                error.set(Some(locale.language().error(&problem)));
                crate::form::focus_first_invalid();
            }
        }
    };
    view! {
        <h2 id="add-member-heading">{move || t(Text::AddMemberTitle)}</h2>
        <form class="stack" on:submit=submit novalidate=true aria-labelledby="add-member-heading">
            <TextField
                id="new-member-name"
                label=Signal::derive(move || t(Text::MemberNameLabel))
                value=name
                error=error
                autocomplete="off"
            />
            <label class="choice" for="new-member-applicant">
                <input id="new-member-applicant" type="checkbox" prop:checked=move || applicant.get() on:change=move |e| applicant.set(event_target_checked(&e)) />
                {move || t(Text::AddAsApplicant)}
            </label>
            <p role="status" class="success">{move || added.get()}</p>
            <button type="submit" class="button primary">{move || t(Text::AddMemberSubmit)}</button>
        </form>
    }
}

/// The members directory from the view kept from last time, shown for the
/// moment the document takes to open (read only).
#[component]
pub fn CachedMembers() -> impl IntoView {
    let locale = Locale::get();
    let t = move |text| locale.t(text);
    let session = Session::get();
    let shown = RwSignal::new(PAGE);
    let total = RwSignal::new(0_usize);
    view! {
        <Title text=move || t(Text::MembersTitle).to_string() />
        <section class="page" aria-labelledby="members-heading" data-view="cached">
            <h1 id="members-heading">{move || t(Text::MembersTitle)}</h1>
            <p class="hint" role="status">{move || t(Text::OpeningTimebank)}</p>
            {move || {
                let members = session.cached_view().unwrap_or_default().members;
                total.set(members.len());
                view! {
                    <ul class="member-list">
                        {members.into_iter().take(shown.get()).map(|member| view! {
                            <li>
                                <span class="name">{member.name}</span>
                                <span class="number">{format!("{} {}", t(Text::MemberNumberShort), member.number)}</span>
                                {member.balance.map(|minutes| view! { <span class="amount">{locale.amount(minutes)}</span> })}
                            </li>
                        }).collect_view()}
                    </ul>
                }
            }}
            <ShowMore total=total shown=shown />
        </section>
    }
}
