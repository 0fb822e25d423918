//! Opening an invite link: `/join#r=<relay>&d=<document>&t=<token>`. The
//! token is read from the fragment (never sent to any server in the page
//! address) and removed from the address bar at once.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_navigate;

use crate::i18n::{Locale, Text};
use crate::page_heading::PageHeading;
use crate::session::Opened;
use crate::sync::{Invite, JoinError, Refusal, Sync};

#[component]
pub fn JoinPage() -> impl IntoView {
    let locale = Locale::get();
    let t = move |text| locale.t(text);
    let sync = Sync::get();
    let navigate = use_navigate();
    let fragment = window().location().hash().unwrap_or_default();
    let invite = Invite::from_fragment(fragment.trim_start_matches('#'));
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some("/join"));
    }
    let error = RwSignal::new(invite.is_none().then_some(JoinError::BadLink));
    let working = RwSignal::new(false);
    let start = {
        let invite = invite.clone();
        move || {
            let Some(invite) = invite.clone() else { return };
            let navigate = navigate.clone();
            working.set(true);
            error.set(None);
            sync.join(invite, move |result| {
                working.set(false);
                match result {
                    Ok(Opened::ChooseWho) => navigate("/who", Default::default()),
                    Ok(_) => navigate("/", Default::default()),
                    Err(problem) => error.set(Some(problem)),
                }
            });
        }
    };
    start();
    let relay = invite.map(|invite| invite.relay).unwrap_or_default();
    let message = move || {
        error.get().map(|problem| {
            let language = locale.language();
            match problem {
                JoinError::BadLink => language.text(Text::JoinBadLink).to_string(),
                JoinError::Unreachable => language.text(Text::JoinUnreachable).to_string(),
                JoinError::Unavailable => language.text(Text::JoinUnavailable).to_string(),
                JoinError::NotATimebank(Some(error)) => language.load_error(&error),
                JoinError::NotATimebank(None) => language.text(Text::JoinNotATimebank).to_string(),
                JoinError::Refused(Refusal::Revoked) => {
                    language.text(Text::JoinRefusedRevoked).to_string()
                }
                JoinError::Refused(Refusal::Other(message)) => {
                    language.fill(Text::SyncRefusedSaid, &[("message", &message)])
                }
                JoinError::Refused(_) => language.text(Text::JoinRefusedUnknown).to_string(),
            }
        })
    };
    let can_retry = move || {
        error
            .get()
            .is_some_and(|problem| !matches!(problem, JoinError::BadLink))
    };
    let retry = start.clone();
    view! {
        <Title text=move || t(Text::JoinTitle).to_string() />
        <section class="page" aria-labelledby="join-heading">
            <PageHeading id="join-heading">{move || t(Text::JoinTitle)}</PageHeading>
            <p role="status">
                {move || working.get().then(|| locale.language().fill(Text::JoinWorking, &[("relay", &relay)]))}
            </p>
            <p class="error" role="alert">{message}</p>
            <Show when=can_retry>
                {
                    let retry = retry.clone();
                    view! { <button type="button" class="button primary" on:click=move |_| retry()>{move || t(Text::JoinTryAgain)}</button> }
                }
            </Show>
        </section>
    }
}
