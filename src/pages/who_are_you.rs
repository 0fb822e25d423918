//! Choosing who is using this device, after opening a timebank from a file.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_navigate;

use crate::i18n::{Locale, Text};
use crate::page_heading::PageHeading;
use crate::paging::{PAGE, SearchField, ShowMore};
use crate::session::Session;

#[component]
pub fn WhoAreYou() -> impl IntoView {
    let locale = Locale::get();
    let t = move |text| locale.t(text);
    let session = Session::get();
    let navigate = use_navigate();
    let query = RwSignal::new(String::new());
    let shown = RwSignal::new(PAGE);
    let total = RwSignal::new(0_usize);
    let members = move || {
        let needle = query.get().trim().to_lowercase();
        let list: Vec<_> = session
            .read(|tb, _| crate::pages::active_member_choices(tb, locale.language()))
            .unwrap_or_default()
            .into_iter()
            .filter(|(_, label)| needle.is_empty() || label.to_lowercase().contains(&needle))
            .collect();
        total.set(list.len());
        list.into_iter().take(shown.get()).collect::<Vec<_>>()
    };
    view! {
        <Title text=move || t(Text::WhoTitle).to_string() />
        <section class="page" aria-labelledby="who-heading">
            <PageHeading id="who-heading">{move || t(Text::WhoTitle)}</PageHeading>
            <p>{move || t(Text::WhoIntro)}</p>
            <SearchField id="who-search" label=Signal::derive(move || t(Text::SearchMembersLabel)) query=query shown=shown />
            <ul class="choice-list">
                {move || {
                    members()
                        .into_iter()
                        .map(|(id, label)| {
                            let navigate = navigate.clone();
                            let choose = move |_| {
                                session.choose_me(id.clone());
                                navigate("/", Default::default());
                            };
                            view! {
                                <li>
                                    <button type="button" class="button" on:click=choose>{label}</button>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
            <ShowMore total=total shown=shown />
        </section>
    }
}
