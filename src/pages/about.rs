//! What a timebank is and how Tally keeps one.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::page_heading::PageHeading;

#[component]
pub fn About() -> impl IntoView {
    view! {
        <Title text="About" />
        <section class="page" aria-labelledby="about-heading">
            <PageHeading id="about-heading">"About Tally"</PageHeading>
            <p>
                "In a timebank, members earn hours by helping neighbours and spend them "
                "to get help. One hour of help is worth one hour, whoever gives it."
            </p>
            <h2>"Your records live on your device"</h2>
            <p>
                "Tally keeps the whole timebank on every device that uses it, so you can "
                "record exchanges at a trading day in a hall with no signal. When a "
                "device is online again, it shares what it recorded and receives what "
                "others recorded, and every device ends up with the same balances."
            </p>
            <h2>"Nothing is ever edited away"</h2>
            <p>
                "An exchange, once recorded, is never changed or deleted. A mistake is put "
                "right by recording a reversal, so the history always adds up."
            </p>
        </section>
    }
}
