//! The first-run screen: what Tally is, and the two ways to begin.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::i18n::{Locale, Text};
use crate::page_heading::PageHeading;

/// Shown when this device holds no timebank yet.
#[component]
pub fn Welcome() -> impl IntoView {
    let locale = Locale::get();
    let t = move |text| locale.t(text);
    view! {
        <Title text="" />
        <section class="page welcome" aria-labelledby="welcome-heading">
            <PageHeading id="welcome-heading">{move || t(Text::WelcomeTitle)}</PageHeading>
            <p class="lead">{move || t(Text::WelcomeLead)}</p>
            <p>{move || t(Text::WelcomeNoTimebank)}</p>
            <div class="choices">
                <A href="/create" attr:class="button primary">
                    {move || t(Text::CreateTimebank)}
                </A>
                <A href="/open" attr:class="button">
                    {move || t(Text::OpenFromFile)}
                </A>
            </div>
        </section>
    }
}
