//! What a timebank is and how Tally keeps one.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::i18n::{Locale, Text};
use crate::page_heading::PageHeading;

#[component]
pub fn About() -> impl IntoView {
    let locale = Locale::get();
    let t = move |text| locale.t(text);
    view! {
        <Title text=move || t(Text::NavAbout).to_string() />
        <section class="page" aria-labelledby="about-heading">
            <PageHeading id="about-heading">{move || t(Text::AboutTitle)}</PageHeading>
            <p>{move || t(Text::AboutIntro)}</p>
            <h2>{move || t(Text::AboutDeviceTitle)}</h2>
            <p>{move || t(Text::AboutDevice)}</p>
            <h2>{move || t(Text::AboutHistoryTitle)}</h2>
            <p>{move || t(Text::AboutHistory)}</p>
        </section>
    }
}
