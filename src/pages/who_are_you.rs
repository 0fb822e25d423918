//! Choosing who is using this device, after opening a timebank from a file.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_navigate;

use crate::i18n::{Locale, Text};
use crate::page_heading::PageHeading;
use crate::session::Session;

#[component]
pub fn WhoAreYou() -> impl IntoView {
    let locale = Locale::get();
    let t = move |text| locale.t(text);
    let session = Session::get();
    let navigate = use_navigate();
    let members = move || {
        session
            .read(|tb, _| crate::pages::active_member_choices(tb, locale.language()))
            .unwrap_or_default()
    };
    view! {
        <Title text=move || t(Text::WhoTitle).to_string() />
        <section class="page" aria-labelledby="who-heading">
            <PageHeading id="who-heading">{move || t(Text::WhoTitle)}</PageHeading>
            <p>{move || t(Text::WhoIntro)}</p>
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
        </section>
    }
}
