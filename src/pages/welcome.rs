//! The first-run screen: what Tally is, and the two ways to begin.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use super::more::Timebanks;
use crate::i18n::{Locale, Text};
use crate::page_heading::PageHeading;
use crate::session::{Session, StorageNotice};

/// Shown when no timebank is open: this device holds none yet, or the one
/// used last could not be opened (then the others it holds are listed).
#[component]
pub fn Welcome() -> impl IntoView {
    let locale = Locale::get();
    let t = move |text| locale.t(text);
    let session = Session::get();
    // Timebanks that can be switched to (not the one that failed to open).
    let others = move || {
        let damaged = match session.notice() {
            Some(StorageNotice::Damaged { id, .. }) => Some(id),
            _ => None,
        };
        session
            .timebanks()
            .iter()
            .any(|(entry, _)| Some(&entry.id) != damaged.as_ref())
    };
    view! {
        <Title text="" />
        <section class="page welcome" aria-labelledby="welcome-heading">
            <PageHeading id="welcome-heading">{move || t(Text::WelcomeTitle)}</PageHeading>
            <p class="lead">{move || t(Text::WelcomeLead)}</p>
            <Show
                when=others
                fallback=move || view! {
                    <p>{move || t(Text::WelcomeNoTimebank)}</p>
                    <div class="choices">
                        <A href="/create" attr:class="button primary">
                            {move || t(Text::CreateTimebank)}
                        </A>
                        <A href="/open" attr:class="button">
                            {move || t(Text::OpenFromFile)}
                        </A>
                    </div>
                }
            >
                <Timebanks />
            </Show>
        </section>
    }
}
