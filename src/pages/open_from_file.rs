//! Opening a timebank from a file that another device saved.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_meta::Title;
use leptos_router::hooks::use_navigate;

use crate::files::read_chosen_file;
use crate::i18n::{Locale, Text};
use crate::page_heading::PageHeading;
use crate::session::{Opened, Session};

#[component]
pub fn OpenFromFile() -> impl IntoView {
    let locale = Locale::get();
    let t = move |text| locale.t(text);
    let session = Session::get();
    let navigate = use_navigate();
    let error = RwSignal::new(None::<String>);
    let message = RwSignal::new(None::<String>);
    let input = NodeRef::<leptos::html::Input>::new();
    let on_change = move |_| {
        let Some(input) = input.get() else { return };
        let navigate = navigate.clone();
        spawn_local(async move {
            let language = locale.language();
            let Some(bytes) = read_chosen_file(&input).await else {
                error.set(Some(language.text(Text::UnreadableFile).to_string()));
                return;
            };
            // The file of a timebank already here is added to it, never
            // replacing anything; another timebank is kept beside it.
            match session.open_file(&bytes).await {
                Ok(Opened::ChooseWho) => navigate("/who", Default::default()),
                Ok(Opened::Ready) => navigate("/", Default::default()),
                Ok(Opened::Added(added)) => {
                    error.set(None);
                    message.set(Some(language.merge_added(&added)));
                }
                Err(problem) => error.set(Some(language.load_error(&problem))),
            }
        });
    };
    view! {
        <Title text=move || t(Text::OpenTitle).to_string() />
        <section class="page" aria-labelledby="open-heading">
            <PageHeading id="open-heading">{move || t(Text::OpenTitle)}</PageHeading>
            <p>{move || t(Text::OpenIntro)}</p>
            <div class="field">
                <label for="timebank-file">{move || t(Text::OpenChooseFile)}</label>
                <p class="hint" id="timebank-file-hint">{move || t(Text::OpenChooseHint)}</p>
                <input
                    id="timebank-file"
                    type="file"
                    accept=".tally,application/octet-stream"
                    aria-describedby="timebank-file-hint"
                    node_ref=input
                    on:change=on_change
                />
            </div>
            <p class="success" role="status">{move || message.get()}</p>
            <p class="error" role="alert">{move || error.get()}</p>
        </section>
    }
}
