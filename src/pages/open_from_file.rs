//! Opening a timebank that another device exported to a file.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::i18n::{Locale, Text};
use crate::page_heading::PageHeading;

#[component]
pub fn OpenFromFile() -> impl IntoView {
    let locale = Locale::get();
    let t = move |text| locale.t(text);
    view! {
        <Title text=move || t(Text::OpenTitle).to_string() />
        <section class="page" aria-labelledby="open-heading">
            <PageHeading id="open-heading">{move || t(Text::OpenTitle)}</PageHeading>
            <p>{move || t(Text::OpenIntro)}</p>
            <p><A href="/">{move || t(Text::BackToStart)}</A></p>
        </section>
    }
}
