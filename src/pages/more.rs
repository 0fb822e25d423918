//! The rest of the app, one tap from the main navigation: backup, the
//! coordinator's pages, and what Tally is.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use crate::device_lock::valid_pin;
use crate::form::TextField;
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
                <li><A href="/exchanges" attr:class="button">{move || t(Text::ExchangesTitle)}</A></li>
                <Show when=move || session.read(|tb, me| me.is_some() && crate::devices::can_change_hands(tb)).unwrap_or(false)>
                    <li><A href="/who" attr:class="button">{move || t(Text::WhoTitle)}</A></li>
                </Show>
                <li><A href="/devices" attr:class="button">{move || t(Text::SyncTitle)}</A></li>
                <li><A href="/backup" attr:class="button">{move || t(Text::BackupTitle)}</A></li>
                <Show when=move || session.is_coordinator()>
                    <li><A href="/coordinator" attr:class="button">{move || t(Text::AttentionTitle)}</A></li>
                    <li><A href="/fund" attr:class="button">{move || t(Text::FundTitle)}</A></li>
                    <li><A href="/trading-day" attr:class="button">{move || t(Text::TradingDayTitle)}</A></li>
                    <li><A href="/print" attr:class="button">{move || t(Text::PrintablesTitle)}</A></li>
                    <li><A href="/reports" attr:class="button">{move || t(Text::ReportsTitle)}</A></li>
                    <li><A href="/spreadsheets" attr:class="button">{move || t(Text::SpreadsheetsTitle)}</A></li>
                    <li><A href="/settings" attr:class="button">{move || t(Text::SettingsTitle)}</A></li>
                </Show>
                <li><A href="/about" attr:class="button">{move || t(Text::AboutTitle)}</A></li>
            </ul>
            <Timebanks />
            <Show when=move || session.is_coordinator()>
                <SharedTablet />
            </Show>
        </section>
    }
}

/// The timebanks kept on this device: switching is one tap.
#[component]
pub fn Timebanks() -> impl IntoView {
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

/// A coordinator makes this device ask for a PIN before any change.
#[component]
fn SharedTablet() -> impl IntoView {
    let locale = Locale::get();
    let t = move |text| locale.t(text);
    let session = Session::get();
    let pin = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let pin_error = RwSignal::new(None::<String>);
    let again_error = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<String>);
    let set = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let language = locale.language();
        done.set(None);
        let (first, second) = (pin.get_untracked(), again.get_untracked());
        pin_error
            .set((!valid_pin(first.trim())).then(|| language.text(Text::PinInvalid).to_string()));
        again_error.set(
            (valid_pin(first.trim()) && first.trim() != second.trim())
                .then(|| language.text(Text::PinsDiffer).to_string()),
        );
        if pin_error.get_untracked().is_some() || again_error.get_untracked().is_some() {
            crate::form::focus_first_invalid();
            return;
        }
        match session.set_pin(Some(first.trim())) {
            Ok(()) => {
                done.set(Some(language.text(Text::PinSet).to_string()));
                pin.set(String::new());
                again.set(String::new());
            }
            Err(problem) => pin_error.set(Some(language.error(&problem))),
        }
    };
    let remove = move |_| {
        let language = locale.language();
        match session.set_pin(None) {
            Ok(()) => done.set(Some(language.text(Text::PinRemoved).to_string())),
            Err(problem) => pin_error.set(Some(language.error(&problem))),
        }
    };
    view! {
        <section aria-labelledby="shared-tablet-heading">
            <h2 id="shared-tablet-heading">{move || t(Text::SharedTabletHeading)}</h2>
            <p>{move || t(Text::SharedTabletIntro)}</p>
            <form class="stack" on:submit=set novalidate=true aria-labelledby="shared-tablet-heading">
                <TextField id="new-pin" label=Signal::derive(move || t(Text::NewPinLabel)) value=pin error=pin_error input_type="password" input_mode="numeric" autocomplete="off" />
                <TextField id="repeat-pin" label=Signal::derive(move || t(Text::RepeatPinLabel)) value=again error=again_error input_type="password" input_mode="numeric" autocomplete="off" />
                <p class="success" role="status">{move || done.get()}</p>
                <button type="submit" class="button primary">{move || t(Text::SetPinButton)}</button>
            </form>
            <Show when=move || session.lock_state().has_pin>
                <button type="button" class="button" on:click=remove>{move || t(Text::RemovePinButton)}</button>
            </Show>
        </section>
    }
}
