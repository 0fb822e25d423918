//! Opening an invite link: `/join#r=<relay>&d=<document>&t=<token>`, and
//! in a timebank whose trust is founded `&k=<invite secret>&m=<member>`
//! (`&c=1` for a coordinator): the device then certifies itself for that
//! member with the invite's key, and the person is that member. The
//! fragment is never sent to any server in the page address, and is
//! removed from the address bar at once.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_navigate;

use crate::i18n::{Locale, Text};
use crate::page_heading::PageHeading;
use ledger::LedgerError;
use ledger::trust::InviteSecret;

use crate::session::{Opened, Session};
use crate::sync::{Invite, InvitedAs, JoinError, Refusal, Sync};

#[component]
pub fn JoinPage() -> impl IntoView {
    let locale = Locale::get();
    let t = move |text| locale.t(text);
    let sync = Sync::get();
    let session = Session::get();
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
            let invited = invite.certify.clone();
            let navigate = navigate.clone();
            working.set(true);
            error.set(None);
            sync.join(invite, move |result| {
                working.set(false);
                match result {
                    Ok(opened) => match certify_by_invite(session, invited.as_ref()) {
                        Err(problem) => error.set(Some(JoinError::NotCertified(problem))),
                        Ok(true) => navigate("/", Default::default()),
                        Ok(false) if opened == Opened::ChooseWho => {
                            navigate("/who", Default::default())
                        }
                        Ok(false) => navigate("/", Default::default()),
                    },
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
                JoinError::Refused(Refusal::TooBig) => {
                    language.text(Text::SyncRefusedTooBig).to_string()
                }
                JoinError::Refused(Refusal::MessageRefused) => {
                    language.text(Text::SyncRefusedMessage).to_string()
                }
                JoinError::Refused(Refusal::TimebankFull) => {
                    language.text(Text::SyncRefusedFull).to_string()
                }
                JoinError::Refused(_) => language.text(Text::JoinRefusedUnknown).to_string(),
                JoinError::NotCertified(problem) => language.error(&problem),
            }
        })
    };
    let can_retry = move || {
        error.get().is_some_and(|problem| {
            !matches!(problem, JoinError::BadLink | JoinError::NotCertified(_))
        })
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

/// Certifies this device with the invite's key, if the invite carries one
/// and the device is not certified in this timebank already (a device acts
/// for one person: a second certificate would leave it acting for
/// neither). `Ok(true)` once the person is the invited member.
fn certify_by_invite(session: Session, invited: Option<&InvitedAs>) -> Result<bool, LedgerError> {
    let Some(invited) = invited else {
        return Ok(false);
    };
    let certified = session
        .read(|timebank, _| timebank.own_standing().is_some())
        .unwrap_or(false);
    if certified {
        return Ok(false);
    }
    let secret = InviteSecret::parse(&invited.secret).ok_or(LedgerError::BadSignature)?;
    crate::devices::accept_invite(session, &secret, &invited.member, invited.role)?;
    Ok(true)
}
