//! Who may write, on the Sync and devices page: this device's standing in
//! the timebank (and its request to a coordinator, with the code to compare
//! on both screens), and, for coordinators, the requests waiting for
//! approval, the devices that write and the invites handed out.

use ledger::trust::DeviceKey;
use ledger::{InvitationState, MemberId, MemberStatus, Role, Timebank};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::devices::{self, Standing};
use crate::i18n::{Language, Locale, Text};
use crate::session::Session;
use crate::sync::Status;

/// The members a device may be for: the active ones and applicants, by
/// name.
pub fn invite_choices(tb: &Timebank, language: Language) -> Vec<(MemberId, String)> {
    crate::pages::member_choices(tb, language, |status| {
        matches!(status, MemberStatus::Active | MemberStatus::Applicant)
    })
}

/// A button that asks before it acts: pressed, it shows `question` with a
/// button `yes` (which takes focus) and one to keep things as they are.
#[component]
pub fn ConfirmButton(
    ask: String,
    question: String,
    yes: String,
    yes_id: String,
    on_yes: impl Fn() + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let locale = Locale::get();
    let asking = RwSignal::new(false);
    let focus_yes = {
        let yes_id = yes_id.clone();
        move || {
            let yes_id = yes_id.clone();
            request_animation_frame(move || crate::form::focus_id(&yes_id));
        }
    };
    view! {
        <Show
            when=move || asking.get()
            fallback=move || {
                let (ask, focus_yes) = (ask.clone(), focus_yes.clone());
                view! {
                    <button type="button" class="button" on:click=move |_| {
                        asking.set(true);
                        focus_yes();
                    }>{ask}</button>
                }
            }
        >
            <div class="confirm" role="group" aria-label=question.clone()>
                <p>{question.clone()}</p>
                <button type="button" class="button primary" id=yes_id.clone() on:click={
                    let on_yes = on_yes.clone();
                    move |_| {
                        asking.set(false);
                        on_yes();
                    }
                }>{yes.clone()}</button>
                " "
                <button type="button" class="button" on:click=move |_| asking.set(false)>
                    {move || locale.t(Text::KeepIt)}
                </button>
            </div>
        </Show>
    }
}

/// Each certified device's id (as a relay token's device names it), with
/// the member it acts for.
pub fn device_users(
    tb: &Timebank,
    language: Language,
) -> std::collections::HashMap<String, String> {
    tb.authority()
        .devices
        .iter()
        .map(|(key, standing)| {
            (
                key.device_id().to_string(),
                member_name(tb, &standing.member, language),
            )
        })
        .collect()
}

fn member_name(tb: &Timebank, member: &MemberId, language: Language) -> String {
    tb.member(member)
        .map(|m| {
            format!(
                "{} ({} {})",
                m.name,
                language.text(Text::MemberNumberShort),
                m.number
            )
        })
        .unwrap_or_else(|| language.text(Text::UnknownPerson).to_string())
}

/// An SVG QR code of `text`, for a figure's `inner_html`.
fn qr_svg(text: &str) -> String {
    qrcode::QrCode::new(text.as_bytes())
        .map(|code| {
            code.render::<qrcode::render::svg::Color<'_>>()
                .min_dimensions(200, 200)
                .quiet_zone(true)
                .build()
        })
        .unwrap_or_default()
}

/// This device's standing, and (until a coordinator approves it) its
/// request: whom it asks to write for, and the code to compare.
#[component]
pub fn ThisDevice() -> impl IntoView {
    let locale = Locale::get();
    let t = move |text| locale.t(text);
    let session = Session::get();
    // What is shown, remade only when it changes (the request form below
    // keeps what is being typed while the timebank changes).
    let shown = Memo::new(move |_| {
        session.read(|tb, _| {
            let language = locale.language();
            let standing = devices::standing_of(tb);
            let name = match &standing {
                Standing::Certified { member, .. } => member_name(tb, member, language),
                Standing::Waiting {
                    asked: Some(request),
                } => member_name(tb, &request.member, language),
                _ => String::new(),
            };
            // The only coordinator's device that can still certify and
            // revoke: losing it would lock the timebank out.
            let coordinator_devices = tb
                .authority()
                .devices
                .values()
                .filter(|s| s.role == Role::Coordinator && !s.is_revoked())
                .count();
            let alone = coordinator_devices == 1
                && matches!(
                    standing,
                    Standing::Certified {
                        role: Role::Coordinator,
                        ..
                    }
                );
            (
                standing,
                devices::own_code(tb).unwrap_or_default(),
                name,
                alone,
            )
        })
    });
    let founded = move || {
        shown.with(|shown| {
            shown
                .as_ref()
                .is_some_and(|(standing, _, _, _)| *standing != Standing::Open)
        })
    };
    view! {
        <Show when=founded>
            <section aria-labelledby="this-device-heading" data-testid="this-device">
                <h2 id="this-device-heading">{move || t(Text::ThisDeviceHeading)}</h2>
                {move || {
                    let language = locale.language();
                    let Some((standing, code, name, alone)) = shown.get() else {
                        return ().into_any();
                    };
                    match standing {
                        Standing::Certified { role, .. } => {
                            let text = if role == Role::Coordinator {
                                Text::ThisDeviceCoordinator
                            } else {
                                Text::ThisDeviceMember
                            };
                            view! {
                                <p>{language.fill(text, &[("name", &name)])}</p>
                                <p>{language.fill(Text::ThisDeviceCode, &[("code", &code)])}</p>
                                {alone.then(|| view! {
                                    <p class="warning" data-testid="only-coordinator-device">
                                        {t(Text::OnlyCoordinatorDevice)}
                                    </p>
                                })}
                            }
                            .into_any()
                        }
                        Standing::Waiting { asked: Some(request) } => {
                            let svg = qr_svg(&format!(
                                "tally-device:{}:{}",
                                request.device.to_hex(),
                                request.member
                            ));
                            view! {
                                <p>{language.fill(Text::ThisDeviceAsked, &[("name", &name)])}</p>
                                <p class="device-code" data-testid="device-code">{code}</p>
                                <p class="hint">{t(Text::ThisDeviceCompare)}</p>
                                <figure class="qr" role="img" aria-label=t(Text::ThisDeviceQr) inner_html=svg></figure>
                                <AskForm again=true />
                            }
                            .into_any()
                        }
                        Standing::Waiting { asked: None } => view! {
                            <p>{t(Text::ThisDeviceCannotWrite)}</p>
                            <p>{language.fill(Text::ThisDeviceCode, &[("code", &code)])}</p>
                            <AskForm again=false />
                        }
                        .into_any(),
                        Standing::Revoked => view! { <p>{t(Text::ThisDeviceRevoked)}</p> }.into_any(),
                        Standing::NoKey => view! { <p>{t(Text::ThisDeviceNoKey)}</p> }.into_any(),
                        Standing::Open => ().into_any(),
                    }
                }}
            </section>
        </Show>
    }
}

/// Asking a coordinator to approve this device: who the person is, and
/// what they call the device.
#[component]
fn AskForm(again: bool) -> impl IntoView {
    let locale = Locale::get();
    let t = move |text| locale.t(text);
    let session = Session::get();
    let chosen = RwSignal::new(
        session
            .read(|_, me| me.map(ToString::to_string))
            .flatten()
            .unwrap_or_default(),
    );
    let name = RwSignal::new(String::new());
    let member_error = RwSignal::new(None::<String>);
    let problem = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    // Remade only when the list changes, so a choice already made stays shown.
    let choices = Memo::new(move |_| {
        session
            .read(|tb, _| invite_choices(tb, locale.language()))
            .unwrap_or_default()
    });
    let ask = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let language = locale.language();
        let Some(member) = MemberId::parse(&chosen.get_untracked()) else {
            member_error.set(Some(language.text(Text::InviteMemberNeeded).to_string()));
            crate::form::focus_first_invalid();
            return;
        };
        member_error.set(None);
        busy.set(true);
        let device_name = name.get_untracked();
        spawn_local(async move {
            session.choose_me(member.clone());
            let result = devices::ask(session, member, device_name).await;
            busy.set(false);
            problem.set(result.err().map(|error| language.error(&error)));
        });
    };
    view! {
        <form class="stack" on:submit=ask novalidate=true aria-labelledby="ask-heading">
            <h3 id="ask-heading">{move || t(if again { Text::AskAgainHeading } else { Text::AskHeading })}</h3>
            <div class="field" class:invalid=move || member_error.get().is_some()>
                <label for="ask-member">{move || t(Text::AskMemberLabel)}</label>
                <select
                    id="ask-member"
                    aria-describedby="ask-member-error"
                    aria-invalid=move || member_error.get().is_some().then_some("true")
                    prop:value=move || chosen.get()
                    on:change=move |event| chosen.set(event_target_value(&event))
                >
                    <option value="">{move || t(Text::ChooseMember)}</option>
                    {move || choices.get().into_iter().map(|(id, label)| view! {
                        <option value=id.to_string()>{label}</option>
                    }).collect_view()}
                </select>
                <p id="ask-member-error" class="error">{move || member_error.get()}</p>
            </div>
            <crate::form::TextField
                id="ask-device-name"
                label=Signal::derive(move || t(Text::AskDeviceLabel))
                hint=Signal::derive(move || t(Text::SyncDeviceHint).to_string())
                value=name
                error=Signal::derive(|| None::<String>)
            />
            <button type="submit" class="button primary" disabled=move || busy.get()>
                {move || t(Text::AskButton)}
            </button>
            <p class="error" role="alert">{move || problem.get()}</p>
        </form>
    }
}

/// For a coordinator's device: requests to approve, the devices that write
/// (each can be revoked) and the invites handed out (an open one can be
/// withdrawn).
#[component]
pub fn DeviceApprovals() -> impl IntoView {
    let locale = Locale::get();
    let t = move |text| locale.t(text);
    let session = Session::get();
    let done = RwSignal::new(None::<String>);
    let problem = RwSignal::new(None::<String>);
    let report = move |result: Result<(), ledger::LedgerError>, success: Text| match result {
        Ok(()) => {
            problem.set(None);
            done.set(Some(locale.language().text(success).to_string()));
        }
        Err(error) => {
            done.set(None);
            problem.set(Some(locale.language().error(&error)));
        }
    };
    let requests = Memo::new(move |_| {
        session
            .read(|tb, _| {
                let language = locale.language();
                tb.pending_requests()
                    .into_iter()
                    .map(|request| {
                        let coordinator = tb.is_coordinator(&request.member);
                        (
                            member_name(tb, &request.member, language),
                            coordinator,
                            request,
                        )
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    let certified = Memo::new(move |_| {
        session
            .read(|tb, _| {
                let language = locale.language();
                let own = tb.device_key().copied();
                let mut list: Vec<_> = tb
                    .authority()
                    .devices
                    .into_iter()
                    .map(|(key, standing)| {
                        (
                            member_name(tb, &standing.member, language),
                            standing.role,
                            standing.is_revoked(),
                            Some(key) == own,
                            key,
                        )
                    })
                    .collect();
                list.sort_by_cached_key(|entry| (entry.0.to_lowercase(), entry.4));
                list
            })
            .unwrap_or_default()
    });
    let invitations = Memo::new(move |_| {
        session
            .read(|tb, _| {
                let language = locale.language();
                tb.invitations()
                    .into_iter()
                    .map(|(invitation, state)| {
                        (
                            member_name(tb, &invitation.member, language),
                            invitation.key,
                            state,
                        )
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    let approve = move |device: DeviceKey, member: MemberId, role: Role| {
        spawn_local(async move {
            report(
                devices::certify(session, device, member, role).await,
                Text::ApprovedDone,
            );
        });
    };
    let decline =
        move |device: DeviceKey| report(devices::decline(session, &device), Text::DeclinedDone);
    let sync = crate::sync::Sync::get();
    let revoke = move |device: DeviceKey, reason: String, success: Text| {
        spawn_local(async move {
            // Shared with the relay since `t`: or it is not shared, or the
            // relay no longer takes this device's changes.
            let shared_since = move |t: f64| match sync.status_untracked() {
                Status::Synced(at) => at > t,
                Status::NotShared | Status::Refused(_) => true,
                _ => false,
            };
            match devices::revoke(session, device, reason, shared_since).await {
                Ok(relay) => {
                    let language = locale.language();
                    let mut said = language.text(success).to_string();
                    if relay == devices::RelayAccess::Withdrawn {
                        sync.tokens_changed();
                    }
                    let also = match relay {
                        devices::RelayAccess::Withdrawn => Some(Text::RelayAccessWithdrawn),
                        devices::RelayAccess::NotReached => Some(Text::RelayAccessNotReached),
                        devices::RelayAccess::NoneFound => Some(Text::RelayAccessNotFound),
                        devices::RelayAccess::NoneToWithdraw => None,
                    };
                    if let Some(also) = also {
                        said.push(' ');
                        said.push_str(language.text(also));
                    }
                    problem.set(None);
                    done.set(Some(said));
                }
                Err(error) => report(Err(error), success),
            }
        });
    };
    view! {
        <section aria-labelledby="requests-heading">
            <h2 id="requests-heading">{move || t(Text::RequestsHeading)}</h2>
            {move || {
                let list = requests.get();
                let language = locale.language();
                if list.is_empty() {
                    return view! { <p>{t(Text::NoRequests)}</p> }.into_any();
                }
                view! {
                    <ul class="attention-list" data-testid="device-requests">
                        {list.into_iter().map(|(name, coordinator, request)| {
                            let device = request.device;
                            let member = request.member.clone();
                            let as_coordinator = RwSignal::new(false);
                            let check_id = format!("approve-coordinator-{}", device.fingerprint());
                            let label = if request.name.is_empty() {
                                language.fill(Text::RequestWhat, &[("name", &name)])
                            } else {
                                language.fill(Text::RequestWhatNamed, &[("name", &name), ("device", &request.name)])
                            };
                            view! {
                                <li>
                                    <p class="what">{label}</p>
                                    <p>{language.fill(Text::RequestCode, &[("code", &device.fingerprint())])}</p>
                                    <p class="hint">{t(Text::RequestCompare)}</p>
                                    {coordinator.then(|| view! {
                                        <label class="choice" for=check_id.clone()>
                                            <input
                                                id=check_id.clone()
                                                type="checkbox"
                                                prop:checked=move || as_coordinator.get()
                                                on:change=move |event| as_coordinator.set(event_target_checked(&event))
                                            />
                                            {t(Text::ApproveAsCoordinator)}
                                        </label>
                                    })}
                                    <div class="actions">
                                        <button type="button" class="button primary" on:click=move |_| {
                                            let role = if as_coordinator.get_untracked() { Role::Coordinator } else { Role::Member };
                                            approve(device, member.clone(), role);
                                        }>
                                            {language.fill(Text::ApproveDeviceButton, &[("name", &name)])}
                                        </button>
                                        <button type="button" class="button" on:click=move |_| decline(device)>
                                            {t(Text::DeclineButton)}
                                        </button>
                                    </div>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }
                .into_any()
            }}
            <p class="success" role="status">{move || done.get()}</p>
            <p class="error" role="alert">{move || problem.get()}</p>
        </section>
        <section aria-labelledby="writing-devices-heading">
            <h2 id="writing-devices-heading">{move || t(Text::WritingDevicesHeading)}</h2>
            <ul class="device-list" data-testid="writing-devices">
                {move || {
                    let language = locale.language();
                    certified.get().into_iter().map(|(name, role, revoked, own, key)| {
                        let reason = RwSignal::new(String::new());
                        let reason_id = format!("revoke-reason-{}", key.fingerprint());
                        view! {
                            <li class:revoked=revoked>
                                <span>{name.clone()}</span>
                                " "
                                <span class="code">{key.fingerprint()}</span>
                                {(role == Role::Coordinator).then(|| view! { " " <span class="tag">{t(Text::SyncDeviceCoordinator)}</span> })}
                                {own.then(|| view! { " " <span class="tag">{t(Text::ThisDeviceTag)}</span> })}
                                {revoked.then(|| view! { " " <span class="tag">{t(Text::SyncDeviceRevoked)}</span> })}
                                {(!revoked && !own).then(|| {
                                    let name = name.clone();
                                    let question = language.fill(
                                        Text::RevokeDeviceQuestion,
                                        &[("name", &name), ("code", &key.fingerprint())],
                                    );
                                    let yes_id = format!("revoke-yes-{}", key.fingerprint());
                                    view! {
                                        <div class="field">
                                            <label for=reason_id.clone()>{t(Text::RevokeReasonLabel)}</label>
                                            <input id=reason_id.clone() type="text" prop:value=move || reason.get() on:input=move |e| reason.set(event_target_value(&e)) />
                                        </div>
                                        <ConfirmButton
                                            ask=language.fill(Text::RevokeDeviceButton, &[("name", &name)])
                                            question=question
                                            yes=t(Text::RevokeYes).to_string()
                                            yes_id=yes_id
                                            on_yes=move || revoke(key, reason.get_untracked(), Text::DeviceRevokedDone)
                                        />
                                    }
                                })}
                            </li>
                        }
                    }).collect_view()
                }}
            </ul>
        </section>
        <section aria-labelledby="invitations-heading">
            <h2 id="invitations-heading">{move || t(Text::InvitationsHeading)}</h2>
            {move || {
                let list = invitations.get();
                let language = locale.language();
                if list.is_empty() {
                    return view! { <p>{t(Text::NoInvitations)}</p> }.into_any();
                }
                view! {
                    <ul class="device-list" data-testid="invitations">
                        {list.into_iter().map(|(name, key, state)| {
                            let state_text = match state {
                                InvitationState::Open => t(Text::InvitationOpen).to_string(),
                                InvitationState::Used(device) => language.fill(Text::InvitationUsed, &[("code", &device.fingerprint())]),
                                InvitationState::UsedTwice => t(Text::InvitationUsedTwice).to_string(),
                                InvitationState::Withdrawn => t(Text::InvitationWithdrawn).to_string(),
                            };
                            let button_name = name.clone();
                            view! {
                                <li>
                                    <span>{name}</span>
                                    " "
                                    <span class="tag">{state_text}</span>
                                    {matches!(state, InvitationState::Open | InvitationState::UsedTwice).then(|| view! {
                                        <button type="button" class="button" on:click=move |_| {
                                            let reason = locale.language().text(Text::InvitationWithdrawnReason).to_string();
                                            revoke(key, reason, Text::InvitationWithdrawnDone);
                                        }>
                                            {language.fill(Text::WithdrawInvitationButton, &[("name", &button_name)])}
                                        </button>
                                    })}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }
                .into_any()
            }}
        </section>
    }
}
