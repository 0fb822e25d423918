//! Saving the whole timebank to a file, and adding what another device
//! saved (import merges; it never replaces).

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_meta::Title;

use crate::files::{offer_download, read_chosen_file};
use crate::i18n::{Locale, Text};
use crate::page_heading::PageHeading;
use crate::session::Session;

#[component]
pub fn Backup() -> impl IntoView {
    let locale = Locale::get();
    let t = move |text| locale.t(text);
    let session = Session::get();
    let message = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let input = NodeRef::<leptos::html::Input>::new();

    let export = move |_| {
        if let Some((bytes, name)) = session.export()
            && let Err(problem) = offer_download(&bytes, &name, "application/octet-stream")
        {
            error.set(Some(problem));
        }
    };
    let merge = move |_| {
        let Some(input) = input.get() else { return };
        spawn_local(async move {
            let language = locale.language();
            message.set(None);
            let Some(bytes) = read_chosen_file(&input).await else {
                error.set(Some(language.text(Text::UnreadableFile).to_string()));
                return;
            };
            match session.merge_file(&bytes) {
                Ok(added) => {
                    error.set(None);
                    message.set(Some(language.merge_added(&added)));
                }
                Err(problem) => error.set(Some(language.load_error(&problem))),
            }
            input.set_value("");
        });
    };
    view! {
        <Title text=move || t(Text::NavBackup).to_string() />
        <section class="page" aria-labelledby="backup-heading">
            <PageHeading id="backup-heading">{move || t(Text::BackupTitle)}</PageHeading>
            <h2>{move || t(Text::ExportHeading)}</h2>
            <p>{move || t(Text::ExportIntro)}</p>
            <button type="button" class="button primary" on:click=export>
                {move || t(Text::ExportButton)}
            </button>
            <h2>{move || t(Text::MergeHeading)}</h2>
            <p id="merge-intro">{move || t(Text::MergeIntro)}</p>
            <div class="field">
                <label for="merge-file">{move || t(Text::OpenChooseFile)}</label>
                <input
                    id="merge-file"
                    type="file"
                    accept=".tally,application/octet-stream"
                    aria-describedby="merge-intro"
                    node_ref=input
                    on:change=merge
                />
            </div>
            <p class="success" role="status">{move || message.get()}</p>
            <p class="error" role="alert">{move || error.get()}</p>
        </section>
    }
}
