//! Shown for an address the app does not know.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::i18n::{Locale, Text};
use crate::page_heading::PageHeading;

#[component]
pub fn NotFound() -> impl IntoView {
    let locale = Locale::get();
    let t = move |text| locale.t(text);
    view! {
        <Title text=move || t(Text::NotFoundTitle).to_string() />
        <section class="page" aria-labelledby="not-found-heading">
            <PageHeading id="not-found-heading">{move || t(Text::NotFoundTitle)}</PageHeading>
            <p>{move || t(Text::NotFoundBody)}</p>
            <p><A href="/">{move || t(Text::BackToStart)}</A></p>
        </section>
    }
}
