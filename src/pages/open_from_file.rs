//! Opening a timebank that another device exported to a file.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::page_heading::PageHeading;
use leptos_router::components::A;

#[component]
pub fn OpenFromFile() -> impl IntoView {
    view! {
        <Title text="Open a timebank from a file" />
        <section class="page" aria-labelledby="open-heading">
            <PageHeading id="open-heading">"Open a timebank from a file"</PageHeading>
            <p>
                "A coordinator can export a timebank to a file and hand it to you. "
                "This version of Tally cannot open such a file yet."
            </p>
            <p><A href="/">"Back to the start page"</A></p>
        </section>
    }
}
