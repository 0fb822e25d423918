//! Creating a new timebank on this device.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::page_heading::PageHeading;
use leptos_router::components::A;

#[component]
pub fn CreateTimebank() -> impl IntoView {
    view! {
        <Title text="Create a timebank" />
        <section class="page" aria-labelledby="create-heading">
            <PageHeading id="create-heading">"Create a timebank"</PageHeading>
            <p>
                "You will name your timebank, choose its limits, and become its first "
                "coordinator. This version of Tally cannot create a timebank yet."
            </p>
            <p><A href="/">"Back to the start page"</A></p>
        </section>
    }
}
