//! Creating a new timebank on this device.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::i18n::{Locale, Text};
use crate::page_heading::PageHeading;

#[component]
pub fn CreateTimebank() -> impl IntoView {
    let locale = Locale::get();
    let t = move |text| locale.t(text);
    view! {
        <Title text=move || t(Text::CreateTitle).to_string() />
        <section class="page" aria-labelledby="create-heading">
            <PageHeading id="create-heading">{move || t(Text::CreateTitle)}</PageHeading>
            <p>{move || t(Text::CreateIntro)}</p>
            <p><A href="/">{move || t(Text::BackToStart)}</A></p>
        </section>
    }
}
