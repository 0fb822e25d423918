//! Sync between devices: where this timebank syncs, bringing it to a relay,
//! and (for coordinators) inviting and revoking devices.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_meta::Title;

use crate::form::TextField;
use crate::i18n::{Language, Locale, Text};
use crate::page_heading::PageHeading;
use crate::relay_api::{self, ApiError, Device};
use crate::session::Session;
use crate::storage::RelaySetting;
use crate::sync::{Invite, Refusal, Status, Sync};

/// The sync status in words, as the header and this page show it.
pub fn status_text(language: Language, status: &Status) -> String {
    match status {
        Status::NotShared => language.text(Text::SyncNotShared).to_string(),
        Status::Connecting => language.text(Text::SyncConnecting).to_string(),
        Status::Syncing => language.text(Text::SyncSyncing).to_string(),
        Status::Synced(at) => {
            let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(*at));
            let time = format!("{:02}:{:02}", date.get_hours(), date.get_minutes());
            language.fill(Text::SyncSyncedAt, &[("time", &time)])
        }
        Status::Offline(0) => language.text(Text::SyncOfflineAllShared).to_string(),
        Status::Offline(1) => language.text(Text::SyncOfflineOneUnshared).to_string(),
        Status::Offline(count) => {
            language.fill(Text::SyncOfflineUnshared, &[("count", &count.to_string())])
        }
        Status::Refused(Refusal::Revoked) => language.text(Text::SyncRefusedRevoked).to_string(),
        Status::Refused(Refusal::Unknown) => language.text(Text::SyncRefusedUnknown).to_string(),
        Status::Refused(Refusal::OtherTimebank) => {
            language.text(Text::SyncRefusedOther).to_string()
        }
        Status::Refused(Refusal::ReadOnly) => language.text(Text::SyncReadOnly).to_string(),
        Status::Refused(Refusal::TooBig) => language.text(Text::SyncRefusedTooBig).to_string(),
        Status::Refused(Refusal::MessageRefused) => {
            language.text(Text::SyncRefusedMessage).to_string()
        }
        Status::Refused(Refusal::TimebankFull) => language.text(Text::SyncRefusedFull).to_string(),
        Status::Refused(Refusal::Other(message)) => {
            language.fill(Text::SyncRefusedSaid, &[("message", message)])
        }
    }
}

/// A short name for the state, for styling and tests.
pub fn status_kind(status: &Status) -> &'static str {
    match status {
        Status::NotShared => "local",
        Status::Connecting | Status::Syncing => "syncing",
        Status::Synced(_) => "synced",
        Status::Offline(_) => "offline",
        Status::Refused(_) => "refused",
    }
}

fn api_message(language: Language, error: &ApiError) -> String {
    let text = match error {
        ApiError::Unreachable => Text::SyncUnreachable,
        ApiError::Strange => Text::SyncStrange,
        ApiError::Refused(code) => match code.as_str() {
            "already-claimed" => Text::SyncAlreadyClaimed,
            "closed" => Text::SyncClosedRelay,
            "claim-key" => Text::SyncClaimKeyNeeded,
            "relay-full" => Text::SyncRelayFull,
            "too-many-claims" => Text::SyncTooManyClaims,
            "revoked" => Text::SyncRefusedRevoked,
            "not-coordinator" | "other-timebank" => Text::SyncNoPermission,
            "last-coordinator" => Text::SyncLastCoordinator,
            _ => Text::SyncRefusedUnknown,
        },
    };
    language.text(text).to_string()
}

#[component]
pub fn SyncPage() -> impl IntoView {
    let locale = Locale::get();
    let t = move |text| locale.t(text);
    let sync = Sync::get();
    let session = Session::get();
    let stopped = RwSignal::new(false);
    // Read again after every change to the timebank, but the sections
    // below are made again only when the setting itself changes (a half
    // made invite would be lost otherwise).
    let setting = Memo::new(move |_| sync.setting());
    let coordinator = Memo::new(move |_| session.is_coordinator());
    let stop = move |_| {
        if sync.set_setting(None).is_ok() {
            stopped.set(true);
        }
    };
    view! {
        <Title text=move || t(Text::SyncTitle).to_string() />
        <section class="page" aria-labelledby="sync-heading">
            <PageHeading id="sync-heading">{move || t(Text::SyncTitle)}</PageHeading>
            <p class="sync-state" data-state=move || status_kind(&sync.status())>
                {move || status_text(locale.language(), &sync.status())}
            </p>
            <Show when=move || matches!(sync.status(), Status::Offline(_) | Status::Refused(_))>
                <button type="button" class="button" on:click=move |_| sync.retry_now()>
                    {move || t(Text::SyncTryAgain)}
                </button>
            </Show>
            <p class="success" role="status">{move || stopped.get().then(|| t(Text::SyncStopped))}</p>
            {move || match setting.get() {
                Some(setting) => {
                    let url = setting.url.clone();
                    view! {
                        <p>{move || locale.language().fill(Text::SyncRelayIs, &[("url", &url)])}</p>
                        <Show when=move || setting.coordinator && coordinator.get()>
                            <Invites />
                        </Show>
                        <button type="button" class="button" on:click=stop>{move || t(Text::SyncStop)}</button>
                    }
                    .into_any()
                }
                None if coordinator.get() => view! { <ShareForm /> }.into_any(),
                None => view! { <p>{move || t(Text::SyncAskForInvite)}</p> }.into_any(),
            }}
            <crate::pages::ThisDevice />
            <Show when=move || {
                session.is_coordinator()
                    && session.read(|tb, _| tb.trust_founded()).unwrap_or(false)
            }>
                <crate::pages::DeviceApprovals />
            </Show>
        </section>
    }
}

/// A coordinator brings the timebank to a relay (by default the server the
/// app came from) and becomes able to invite devices. A relay that takes new
/// timebanks only with its operator's key says so, and a field for the key
/// appears.
#[component]
fn ShareForm() -> impl IntoView {
    let locale = Locale::get();
    let t = move |text| locale.t(text);
    let sync = Sync::get();
    let address = RwSignal::new(crate::sync::app_origin());
    let device = RwSignal::new(String::new());
    let key = RwSignal::new(String::new());
    let key_asked = RwSignal::new(false);
    let address_error = RwSignal::new(None::<String>);
    let key_error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let share = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let language = locale.language();
        let Some(url) = relay_api::normal_url(&address.get_untracked()) else {
            address_error.set(Some(language.text(Text::SyncBadAddress).to_string()));
            crate::form::focus_first_invalid();
            return;
        };
        let Some(document) = sync.document_id() else {
            return;
        };
        address_error.set(None);
        key_error.set(None);
        busy.set(true);
        let label = device.get_untracked().trim().to_string();
        let typed_key = key.get_untracked().trim().to_string();
        spawn_local(async move {
            let shown_key = (!typed_key.is_empty()).then_some(typed_key.as_str());
            let result = relay_api::claim(&url, &document.to_string(), &label, shown_key).await;
            busy.set(false);
            match result {
                Ok(issued) => {
                    let setting = RelaySetting {
                        url,
                        token: issued.token,
                        coordinator: true,
                    };
                    if let Err(_full) = sync.set_setting(Some(&setting)) {
                        address_error.set(Some(language.text(Text::StorageFull).to_string()));
                    }
                }
                Err(ApiError::Refused(code)) if code == "claim-key" => {
                    key_asked.set(true);
                    key_error.set(Some(api_message(language, &ApiError::Refused(code))));
                    crate::form::focus_first_invalid();
                }
                Err(error) => {
                    address_error.set(Some(api_message(language, &error)));
                    crate::form::focus_first_invalid();
                }
            }
        });
    };
    view! {
        <section aria-labelledby="share-heading">
            <h2 id="share-heading">{move || t(Text::SyncShareHeading)}</h2>
            <p>{move || t(Text::SyncShareIntro)}</p>
            <form class="stack" on:submit=share novalidate=true aria-labelledby="share-heading">
                <TextField id="relay-address" label=Signal::derive(move || t(Text::SyncRelayLabel)) value=address error=address_error input_type="url" autocomplete="url" />
                <TextField id="device-name" label=Signal::derive(move || t(Text::SyncDeviceLabel)) value=device hint=Signal::derive(move || t(Text::SyncDeviceHint).to_string()) error=Signal::derive(|| None::<String>) />
                <Show when=move || key_asked.get()>
                    <TextField id="claim-key" label=Signal::derive(move || t(Text::SyncClaimKeyLabel)) value=key error=key_error autocomplete="off" />
                </Show>
                <button type="submit" class="button primary" disabled=move || busy.get()>{move || t(Text::SyncShareButton)}</button>
            </form>
        </section>
    }
}

/// Creating invites (a link and a QR code), and the devices that can sync,
/// each with a revoke button.
#[component]
fn Invites() -> impl IntoView {
    let locale = Locale::get();
    let t = move |text| locale.t(text);
    let sync = Sync::get();
    let session = Session::get();
    let label = RwSignal::new(String::new());
    let as_coordinator = RwSignal::new(false);
    let label_error = RwSignal::new(None::<String>);
    // Once the timebank's trust is founded, an invite is for one member:
    // the device that opens it is certified for them alone.
    let founded = move || session.read(|tb, _| tb.trust_founded()).unwrap_or(false);
    let for_member = RwSignal::new(String::new());
    let member_error = RwSignal::new(None::<String>);
    // Remade only when the list changes, so a choice already made stays shown.
    let choices = Memo::new(move |_| {
        session
            .read(|tb, _| crate::pages::invite_choices(tb, locale.language()))
            .unwrap_or_default()
    });
    let problem = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<String>);
    let link = RwSignal::new(None::<String>);
    let devices = RwSignal::new(Vec::<Device>::new());
    let context = move || {
        let setting = sync.setting()?;
        let document = sync.document_id()?;
        Some((setting, document))
    };
    let refresh = move || {
        let Some((setting, document)) = context() else {
            return;
        };
        spawn_local(async move {
            match relay_api::devices(&setting.url, &setting.token, &document.to_string()).await {
                Ok(list) => devices.set(list),
                Err(error) => problem.set(Some(api_message(locale.language(), &error))),
            }
        });
    };
    // Fetched now, and again whenever this device revokes tokens elsewhere
    // on the page (a device revoked with its relay access).
    Effect::new(move |_| {
        sync.track_tokens();
        // (Only that: not every change of the timebank the setting reads.)
        untrack(refresh);
    });
    let create = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let language = locale.language();
        let member = if founded() {
            match ledger::MemberId::parse(&for_member.get_untracked()) {
                Some(member) => Some(member),
                None => {
                    member_error.set(Some(language.text(Text::InviteMemberNeeded).to_string()));
                    crate::form::focus_first_invalid();
                    return;
                }
            }
        } else {
            None
        };
        member_error.set(None);
        let mut name = label.get_untracked().trim().to_string();
        if name.is_empty()
            && let Some(member) = &member
        {
            name = session
                .read(|tb, _| tb.member(member).map(|m| m.name.clone()))
                .flatten()
                .unwrap_or_default();
        }
        if name.is_empty() {
            label_error.set(Some(language.text(Text::SyncNameNeeded).to_string()));
            crate::form::focus_first_invalid();
            return;
        }
        label_error.set(None);
        let Some((setting, document)) = context() else {
            return;
        };
        let coordinator = as_coordinator.get_untracked();
        let role = if coordinator {
            ledger::Role::Coordinator
        } else {
            ledger::Role::Member
        };
        spawn_local(async move {
            // The invitation is written (and signed) first: a link is only
            // handed out for an invite the timebank knows.
            let mut invitation = None;
            let certify = match member {
                Some(member) => match crate::devices::invite(session, member.clone(), role).await {
                    Ok(secret) => {
                        invitation = Some(secret.key().device_id().to_string());
                        Some(crate::sync::InvitedAs {
                            secret: secret.to_hex(),
                            member,
                            role,
                        })
                    }
                    Err(error) => {
                        problem.set(Some(language.error(&error)));
                        return;
                    }
                },
                None => None,
            };
            let issued = relay_api::invite(
                &setting.url,
                &setting.token,
                &document.to_string(),
                &name,
                coordinator,
                invitation.as_deref(),
            )
            .await;
            match issued {
                Ok(issued) => {
                    let invite = Invite {
                        relay: setting.url.clone(),
                        document,
                        token: issued.token,
                        certify,
                    };
                    link.set(Some(invite.link(&crate::sync::app_origin())));
                    label.set(String::new());
                    problem.set(None);
                    refresh();
                }
                Err(error) => problem.set(Some(api_message(language, &error))),
            }
        });
    };
    let revoke = move |device: Device| {
        let Some((setting, document)) = context() else {
            return;
        };
        let language = locale.language();
        spawn_local(async move {
            let result = relay_api::revoke(
                &setting.url,
                &setting.token,
                &document.to_string(),
                &device.id,
            )
            .await;
            match result {
                Ok(()) => {
                    done.set(Some(
                        language.fill(Text::SyncRevokedDone, &[("name", &device.label)]),
                    ));
                    refresh();
                }
                Err(error) => problem.set(Some(api_message(language, &error))),
            }
        });
    };
    let copy = move |_| {
        if let Some(link) = link.get_untracked() {
            let _ = window().navigator().clipboard().write_text(&link);
            done.set(Some(locale.language().text(Text::SyncCopied).to_string()));
        }
    };
    view! {
        <section aria-labelledby="invite-heading">
            <h2 id="invite-heading">{move || t(Text::SyncInviteHeading)}</h2>
            <p>{move || t(Text::SyncInviteIntro)}</p>
            <form class="stack" on:submit=create novalidate=true aria-labelledby="invite-heading">
                <Show when=founded>
                    <div class="field" class:invalid=move || member_error.get().is_some()>
                        <label for="invite-member">{move || t(Text::InviteMemberLabel)}</label>
                        <p id="invite-member-hint" class="hint">{move || t(Text::InviteMemberHint)}</p>
                        <select
                            id="invite-member"
                            aria-describedby="invite-member-hint invite-member-error"
                            aria-invalid=move || member_error.get().is_some().then_some("true")
                            prop:value=move || for_member.get()
                            on:change=move |event| for_member.set(event_target_value(&event))
                        >
                            <option value="">{move || t(Text::ChooseMember)}</option>
                            {move || choices.get().into_iter().map(|(id, label)| view! {
                                <option value=id.to_string()>{label}</option>
                            }).collect_view()}
                        </select>
                        <p id="invite-member-error" class="error">{move || member_error.get()}</p>
                    </div>
                </Show>
                <TextField id="invite-label" label=Signal::derive(move || t(Text::SyncInviteLabel)) value=label error=label_error />
                <label class="choice" for="invite-coordinator">
                    <input
                        id="invite-coordinator"
                        type="checkbox"
                        prop:checked=move || as_coordinator.get()
                        on:change=move |event| as_coordinator.set(event_target_checked(&event))
                    />
                    {move || t(Text::SyncInviteCoordinator)}
                </label>
                <button type="submit" class="button primary">{move || t(Text::SyncInviteButton)}</button>
            </form>
            {move || link.get().map(|link| {
                let svg = qrcode::QrCode::new(link.as_bytes())
                    .map(|code| {
                        code.render::<qrcode::render::svg::Color<'_>>()
                            .min_dimensions(220, 220)
                            .quiet_zone(true)
                            .build()
                    })
                    .unwrap_or_default();
                view! {
                    <div class="invite">
                        <div class="field">
                            <label for="invite-link">{move || t(Text::SyncInviteLink)}</label>
                            <input id="invite-link" type="text" readonly=true prop:value=link.clone() aria-describedby="invite-warning" />
                        </div>
                        <p id="invite-warning" class="hint">{move || t(Text::SyncInviteWarning)}</p>
                        <button type="button" class="button" on:click=copy>{move || t(Text::SyncCopyLink)}</button>
                        <figure class="qr" role="img" aria-label=move || t(Text::SyncInviteQr) inner_html=svg></figure>
                    </div>
                }
            })}
            <p class="success" role="status">{move || done.get()}</p>
            <p class="error" role="alert">{move || problem.get()}</p>
            <h2 id="devices-heading">{move || t(Text::SyncDevicesHeading)}</h2>
            <p class="hint" id="revoke-note">{move || t(Text::SyncRevokeNote)}</p>
            <ul class="device-list" aria-labelledby="devices-heading" aria-describedby="revoke-note">
                {move || {
                let users = session
                    .read(|tb, _| crate::pages::device_users(tb, locale.language()))
                    .unwrap_or_default();
                devices.get().into_iter().map(|device| {
                    let name = if device.label.is_empty() { device.id.clone() } else { device.label.clone() };
                    // Whose device uses it, once that device named itself.
                    let used_by = device.device.as_ref().and_then(|id| users.get(id)).cloned();
                    let used_by_name = used_by.clone();
                    let revoked = device.revoked.is_some();
                    let coordinator = device.role == "coordinator";
                    let button_name = name.clone();
                    let shown = Device { label: name.clone(), ..device };
                    view! {
                        <li class:revoked=revoked>
                            <span>{name.clone()}</span>
                            {used_by.map(|user| view! {
                                " " <span class="hint">{move || locale.language().fill(Text::SyncDeviceUsedBy, &[("name", &user)])}</span>
                            })}
                            {coordinator.then(|| view! { " " <span class="tag">{move || t(Text::SyncDeviceCoordinator)}</span> })}
                            {revoked.then(|| view! { " " <span class="tag">{move || t(Text::SyncDeviceRevoked)}</span> })}
                            {(!revoked).then(|| {
                                let shown = shown.clone();
                                let language = locale.language();
                                let who = match &used_by_name {
                                    Some(user) => format!("{button_name} ({})", language.fill(Text::SyncDeviceUsedBy, &[("name", user)])),
                                    None => button_name.clone(),
                                };
                                view! {
                                    <crate::pages::ConfirmButton
                                        ask=language.fill(Text::SyncRevokeButton, &[("name", &button_name)])
                                        question=language.fill(Text::SyncRevokeQuestion, &[("name", &who)])
                                        yes=t(Text::RevokeYes).to_string()
                                        yes_id=format!("revoke-token-{}", shown.id)
                                        on_yes=move || revoke(shown.clone())
                                    />
                                }
                            })}
                        </li>
                    }
                }).collect_view()
                }}
            </ul>
        </section>
    }
}
