//! Creating a new timebank on this device; its creator becomes its first
//! coordinator and the person using this device.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_navigate;

use crate::form::{TextField, focus_first_invalid};
use crate::i18n::{Locale, Text};
use crate::page_heading::PageHeading;
use crate::session::Session;

#[component]
pub fn CreateTimebank() -> impl IntoView {
    let locale = Locale::get();
    let t = move |text| locale.t(text);
    let session = Session::get();
    let navigate = use_navigate();

    let name = RwSignal::new(String::new());
    let unit = RwSignal::new(String::new());
    let founder = RwSignal::new(String::new());
    let name_error = RwSignal::new(None::<String>);
    let unit_error = RwSignal::new(None::<String>);
    let founder_error = RwSignal::new(None::<String>);
    let form_error = RwSignal::new(None::<String>);

    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let language = locale.language();
        let unit_text = match unit.get_untracked().trim() {
            "" => t(Text::DefaultUnit).to_string(),
            other => other.to_string(),
        };
        // Each field is checked on its own, by the ledger's rule, so each
        // message sits next to its field.
        let check = |value: &str, error: RwSignal<Option<String>>| match ledger::checked_name(value)
        {
            Ok(_) => {
                error.set(None);
                true
            }
            Err(problem) => {
                error.set(Some(language.error(&problem)));
                false
            }
        };
        let fields_ok = [
            check(&name.get_untracked(), name_error),
            check(&unit_text, unit_error),
            check(&founder.get_untracked(), founder_error),
        ]
        .iter()
        .all(|ok| *ok);
        if !fields_ok {
            focus_first_invalid();
            return;
        }
        let categories = locale.language().default_categories();
        match session.create(
            &name.get_untracked(),
            &unit_text,
            &founder.get_untracked(),
            categories,
        ) {
            Ok(()) => navigate("/", Default::default()),
            Err(problem) => form_error.set(Some(language.error(&problem))),
        }
    };

    view! {
        <Title text=move || t(Text::CreateTitle).to_string() />
        <section class="page" aria-labelledby="create-heading">
            <PageHeading id="create-heading">{move || t(Text::CreateTitle)}</PageHeading>
            <p>{move || t(Text::CreateIntro)}</p>
            <form class="stack" on:submit=submit novalidate=true>
                <TextField
                    id="timebank-name"
                    label=Signal::derive(move || t(Text::TimebankNameLabel))
                    hint=Signal::derive(move || t(Text::TimebankNameHint).to_string())
                    value=name
                    error=name_error
                    autocomplete="off"
                />
                <TextField
                    id="your-name"
                    label=Signal::derive(move || t(Text::YourNameLabel))
                    value=founder
                    error=founder_error
                    autocomplete="name"
                />
                <TextField
                    id="unit-label"
                    label=Signal::derive(move || t(Text::UnitLabelLabel))
                    hint=Signal::derive(move || t(Text::UnitLabelHint).to_string())
                    value=unit
                    error=unit_error
                    autocomplete="off"
                />
                <p class="error" role="alert">{move || form_error.get()}</p>
                <button type="submit" class="button primary">{move || t(Text::CreateSubmit)}</button>
            </form>
        </section>
    }
}
