//! Shown for an address the app does not know.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::page_heading::PageHeading;
use leptos_router::components::A;

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <Title text="Page not found" />
        <section class="page" aria-labelledby="not-found-heading">
            <PageHeading id="not-found-heading">"Page not found"</PageHeading>
            <p>"There is no page at this address. Your timebank records are not affected."</p>
            <p><A href="/">"Go to the start page"</A></p>
        </section>
    }
}
