//! Choosing who is using this device, after opening a timebank from a file
//! (or joining with an invite for no one in particular). Once the
//! timebank's trust is founded, choosing is asking: the device can read,
//! and it writes for the person chosen once a coordinator approves it (a
//! device already certified is its member's, and is not asked).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_navigate;

use crate::i18n::{Locale, Text};
use crate::page_heading::PageHeading;
use crate::paging::{PAGE, SearchField, ShowMore};
use crate::session::Session;

#[component]
pub fn WhoAreYou() -> impl IntoView {
    let locale = Locale::get();
    let t = move |text| locale.t(text);
    let session = Session::get();
    let navigate = use_navigate();
    let standing = move || session.read(|tb, _| crate::devices::standing_of(tb));
    {
        let navigate = navigate.clone();
        Effect::new(move |_| {
            if matches!(standing(), Some(crate::devices::Standing::Certified { .. })) {
                navigate("/", Default::default());
            }
        });
    }
    let problem = RwSignal::new(None::<String>);
    let query = RwSignal::new(String::new());
    let shown = RwSignal::new(PAGE);
    let total = RwSignal::new(0_usize);
    let members = move || {
        let needle = query.get().trim().to_lowercase();
        let list: Vec<_> = session
            .read(|tb, _| crate::pages::active_member_choices(tb, locale.language()))
            .unwrap_or_default()
            .into_iter()
            .filter(|(_, label)| needle.is_empty() || label.to_lowercase().contains(&needle))
            .collect();
        total.set(list.len());
        list.into_iter().take(shown.get()).collect::<Vec<_>>()
    };
    view! {
        <Title text=move || t(Text::WhoTitle).to_string() />
        <section class="page" aria-labelledby="who-heading">
            <PageHeading id="who-heading">{move || t(Text::WhoTitle)}</PageHeading>
            <p>{move || {
                if matches!(standing(), Some(crate::devices::Standing::Waiting { .. })) {
                    t(Text::WhoIntroAsk)
                } else {
                    t(Text::WhoIntro)
                }
            }}</p>
            <SearchField id="who-search" label=Signal::derive(move || t(Text::SearchMembersLabel)) query=query shown=shown />
            <ul class="choice-list">
                {move || {
                    members()
                        .into_iter()
                        .map(|(id, label)| {
                            let navigate = navigate.clone();
                            let choose = move |_| {
                                session.choose_me(id.clone());
                                if !matches!(standing(), Some(crate::devices::Standing::Waiting { .. })) {
                                    navigate("/", Default::default());
                                    return;
                                }
                                // A founded timebank: ask a coordinator, then
                                // show the code to compare.
                                let navigate = navigate.clone();
                                let id = id.clone();
                                leptos::task::spawn_local(async move {
                                    match crate::devices::ask(session, id, String::new()).await {
                                        Ok(()) => navigate("/devices", Default::default()),
                                        Err(error) => problem.set(Some(locale.language().error(&error))),
                                    }
                                });
                            };
                            view! {
                                <li>
                                    <button type="button" class="button" on:click=choose>{label}</button>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
            <ShowMore total=total shown=shown />
            <p class="error" role="alert">{move || problem.get()}</p>
        </section>
    }
}
