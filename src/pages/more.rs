//! The rest of the app, one tap from the main navigation: backup, the
//! coordinator's pages, and what Tally is.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use crate::i18n::{Locale, Text};
use crate::page_heading::PageHeading;
use crate::session::Session;

#[component]
pub fn More() -> impl IntoView {
    let locale = Locale::get();
    let t = move |text| locale.t(text);
    let session = Session::get();
    view! {
        <Title text=move || t(Text::MoreTitle).to_string() />
        <section class="page" aria-labelledby="more-heading">
            <PageHeading id="more-heading">{move || t(Text::MoreTitle)}</PageHeading>
            <ul class="choice-list">
                <li><A href="/backup" attr:class="button">{move || t(Text::BackupTitle)}</A></li>
                <Show when=move || session.is_coordinator()>
                    <li><A href="/coordinator" attr:class="button">{move || t(Text::AttentionTitle)}</A></li>
                    <li><A href="/trading-day" attr:class="button">{move || t(Text::TradingDayTitle)}</A></li>
                    <li><A href="/reports" attr:class="button">{move || t(Text::ReportsTitle)}</A></li>
                    <li><A href="/spreadsheets" attr:class="button">{move || t(Text::SpreadsheetsTitle)}</A></li>
                    <li><A href="/settings" attr:class="button">{move || t(Text::SettingsTitle)}</A></li>
                </Show>
                <li><A href="/about" attr:class="button">{move || t(Text::AboutTitle)}</A></li>
            </ul>
            <Timebanks />
        </section>
    }
}

/// The timebanks kept on this device: switching is one tap.
#[component]
fn Timebanks() -> impl IntoView {
    let locale = Locale::get();
    let t = move |text| locale.t(text);
    let session = Session::get();
    let navigate = use_navigate();
    view! {
        <section aria-labelledby="timebanks-heading">
            <h2 id="timebanks-heading">{move || t(Text::TimebanksHeading)}</h2>
            <ul class="choice-list">
                {move || {
                    let navigate = navigate.clone();
                    session.timebanks().into_iter().map(move |(entry, open)| {
                        let navigate = navigate.clone();
                        let id = entry.id.clone();
                        if open {
                            view! {
                                <li><p class="current-timebank">{entry.name.clone()} " " <span class="tag">{t(Text::OpenNow)}</span></p></li>
                            }.into_any()
                        } else {
                            let switch = move |_| {
                                session.switch_to(&id);
                                navigate("/", Default::default());
                            };
                            view! {
                                <li>
                                    <button type="button" class="button" on:click=switch>
                                        {locale.language().fill(Text::SwitchTo, &[("name", &entry.name)])}
                                    </button>
                                </li>
                            }.into_any()
                        }
                    }).collect_view()
                }}
                <li><A href="/create" attr:class="button">{move || t(Text::StartAnother)}</A></li>
                <li><A href="/open" attr:class="button">{move || t(Text::OpenAnother)}</A></li>
            </ul>
        </section>
    }
}
