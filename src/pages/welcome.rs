//! The first-run screen: what Tally is, and the two ways to begin.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::page_heading::PageHeading;
use leptos_router::components::A;

/// Shown when this device holds no timebank yet.
#[component]
pub fn Welcome() -> impl IntoView {
    view! {
        <Title text="" />
        <section class="page welcome" aria-labelledby="welcome-heading">
            <PageHeading id="welcome-heading">"Welcome to Tally"</PageHeading>
            <p class="lead">
                "Tally keeps your community timebank on this device: an hour of help is worth "
                "an hour, whoever gives it. It works with no signal and shares your records "
                "with other devices whenever there is a connection."
            </p>
            <p>"This device has no timebank yet. How would you like to start?"</p>
            <div class="choices">
                <A href="/create" attr:class="button primary">
                    "Create a timebank"
                </A>
                <A href="/open" attr:class="button">
                    "Open a timebank from a file"
                </A>
            </div>
        </section>
    }
}
