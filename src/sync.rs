//! Syncing the open timebank with its relay, over the browser's WebSocket,
//! with `wire::Client` speaking the automerge-repo protocol.
//!
//! One link at a time: for the open timebank, if it has a relay setting.
//! Before each connection the token is checked with the relay's API, so a
//! revoked device is told why (a browser cannot read a refused upgrade's
//! status). The link reconnects with backoff and jitter, drops at once on
//! the browser's `offline` event and reconnects on `online`, and treats a
//! relay silent for longer than two heartbeats as gone (an open WebSocket
//! does not notice that the network went away). A close whose code says
//! the device was revoked, or sent a message too big or refused, is not
//! tried again: the status says why. The Automerge sync state is
//! kept per timebank and relay, so a reconnect sends only what is new.
//!
//! Joining by invite uses the same link with a document of its own; once it
//! holds the whole timebank, the timebank is opened on this device.

use std::rc::Rc;

use automerge::AutoCommit;
use automerge::sync::State as SyncState;
use leptos::leptos_dom::helpers::{
    TimeoutHandle, set_interval_with_handle, set_timeout_with_handle,
};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use wire::{Client, ClientError, DocumentId, Received};

use crate::relay_api::{self, ApiError};
use crate::session::{BrowserEntropy, Opened, Session};
use crate::storage::{self, BrowserStore, RelaySetting};

/// What the sync indicator shows.
#[derive(Debug, Clone, PartialEq)]
pub enum Status {
    /// The timebank is kept on this device only.
    NotShared,
    Connecting,
    Syncing,
    /// This device and the relay hold the same changes, as of this moment
    /// (ms since the epoch).
    Synced(f64),
    /// No connection; this many changes are not yet shared.
    Offline(usize),
    /// The relay will not sync with this device.
    Refused(Refusal),
}

/// Why the relay does not sync with this device.
#[derive(Debug, Clone, PartialEq)]
pub enum Refusal {
    /// A coordinator revoked this device's access.
    Revoked,
    /// The relay does not know this device's token.
    Unknown,
    /// The token is for another timebank.
    OtherTimebank,
    /// The relay keeps the timebank read-only for this device: its changes
    /// are not shared.
    ReadOnly,
    /// The relay refused a message larger than it takes.
    TooBig,
    /// The timebank takes more room on the relay than it keeps for one, so
    /// it takes no more changes for it.
    TimebankFull,
    /// The relay refused a message from this device (a version it does not
    /// speak, or a fault).
    MessageRefused,
    /// The relay said something else, in its words.
    Other(String),
}

impl Refusal {
    fn from_code(code: &str) -> Refusal {
        match code {
            "revoked" => Refusal::Revoked,
            "unknown" | "malformed" | "missing" => Refusal::Unknown,
            "other-timebank" => Refusal::OtherTimebank,
            other => Refusal::Other(other.to_string()),
        }
    }

    /// A WebSocket close code from the relay (4000 + the HTTP status it is
    /// like) that trying again would not change: revoked, too big, refused,
    /// the timebank over its storage quota.
    /// Other closes (the relay stopping, a device it dropped, a broken
    /// link) are tried again.
    fn from_close_code(code: u16) -> Option<Refusal> {
        match code {
            4400 => Some(Refusal::MessageRefused),
            4403 => Some(Refusal::Revoked),
            4413 => Some(Refusal::TooBig),
            4507 => Some(Refusal::TimebankFull),
            _ => None,
        }
    }
}

/// How an invite ended.
#[derive(Debug, Clone, PartialEq)]
pub enum JoinError {
    /// The invite link is not whole.
    BadLink,
    /// The relay could not be reached.
    Unreachable,
    Refused(Refusal),
    /// The relay does not have the timebank (yet).
    Unavailable,
    /// What arrived is not a Tally timebank (why, if it could not be
    /// opened), or not the invited one.
    NotATimebank(Option<ledger::LoadError>),
    /// The timebank opened, but the device could not certify itself with
    /// the invite's key.
    NotCertified(ledger::LedgerError),
}

/// An invite, as carried in the fragment of a `/join#…` link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invite {
    pub relay: String,
    pub document: DocumentId,
    pub token: String,
    /// In a timebank whose trust is founded: who the device that opens the
    /// link will be, and the invite's secret it certifies itself with.
    pub certify: Option<InvitedAs>,
}

/// The member an invite is for, and its one-use key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvitedAs {
    /// The invite key's secret, 64 hex digits.
    pub secret: String,
    pub member: ledger::MemberId,
    pub role: ledger::Role,
}

impl Invite {
    pub fn link(&self, app_origin: &str) -> String {
        let encode = |text: &str| String::from(js_sys::encode_uri_component(text));
        let mut link = format!(
            "{app_origin}/join#r={}&d={}&t={}",
            encode(&self.relay),
            self.document,
            encode(&self.token)
        );
        if let Some(invited) = &self.certify {
            link.push_str(&format!("&k={}&m={}", invited.secret, invited.member));
            if invited.role == ledger::Role::Coordinator {
                link.push_str("&c=1");
            }
        }
        link
    }

    /// Reads `r=…&d=…&t=…` and, for an invite to be a member, `k=…&m=…`
    /// (and `c=1` for a coordinator) from a link's fragment, without the `#`.
    pub fn from_fragment(fragment: &str) -> Option<Invite> {
        let params = web_sys::UrlSearchParams::new_with_str(fragment).ok()?;
        let certify = match (params.get("k"), params.get("m")) {
            (None, None) => None,
            (Some(secret), Some(member)) => {
                ledger::trust::InviteSecret::parse(&secret)?;
                Some(InvitedAs {
                    secret,
                    member: ledger::MemberId::parse(&member)?,
                    role: if params.get("c").as_deref() == Some("1") {
                        ledger::Role::Coordinator
                    } else {
                        ledger::Role::Member
                    },
                })
            }
            // Half an invite key is a link cut short.
            _ => return None,
        };
        Some(Invite {
            relay: relay_api::normal_url(&params.get("r")?)?,
            document: params.get("d")?.parse().ok()?,
            token: params.get("t")?,
            certify,
        })
    }
}

/// How long without any frame, heartbeats included, before the link is
/// taken for dead (the relay sends one every 15 s by default).
const SILENCE_MS: f64 = 40_000.0;
const MAX_BACKOFF_MS: f64 = 60_000.0;

/// Whose document a link syncs.
enum Holder {
    Session,
    Joining {
        doc: Box<AutoCommit>,
        done: Rc<dyn Fn(Result<Opened, JoinError>)>,
    },
}

struct Link {
    socket: Socket,
    client: Client,
    timebank_id: Option<String>,
    setting: RelaySetting,
    holder: Holder,
    heard_heartbeat: bool,
    last_heard: f64,
    _listeners: Vec<Closure<dyn FnMut(web_sys::Event)>>,
}

/// A link's WebSocket: when the link goes away the socket is closed and its
/// handlers unhooked first, so the browser never calls a handler that no
/// longer exists.
struct Socket(web_sys::WebSocket);

impl std::ops::Deref for Socket {
    type Target = web_sys::WebSocket;

    fn deref(&self) -> &web_sys::WebSocket {
        &self.0
    }
}

impl Drop for Socket {
    fn drop(&mut self) {
        self.0.set_onopen(None);
        self.0.set_onmessage(None);
        self.0.set_onclose(None);
        let _ = self.0.close();
    }
}

#[derive(Clone, Copy)]
pub struct Sync {
    status: RwSignal<Status>,
    link: StoredValue<Option<Link>, LocalStorage>,
    generation: StoredValue<u64>,
    /// What the running (or pending) link is for: timebank id and setting.
    target: StoredValue<Option<(String, RelaySetting)>>,
    failures: StoredValue<u32>,
    retry: StoredValue<Option<TimeoutHandle>>,
    /// Counts changes to the relay's tokens made on this device (lists of
    /// them are fetched again).
    tokens: RwSignal<u32>,
    session: Session,
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

fn random_hex(bytes: usize) -> String {
    let mut buffer = vec![0u8; bytes];
    ledger::Entropy::fill(&mut BrowserEntropy, &mut buffer);
    crate::device_lock::hex(&buffer)
}

/// The sync state kept for timebank `id` with the relay at `url`; a fresh
/// one (everything offered again) when none is kept or it cannot be read.
fn kept_state(id: &str, url: &str) -> SyncState {
    storage::sync_state(&BrowserStore, id, url)
        .and_then(|bytes| SyncState::decode(&bytes).ok())
        .unwrap_or_default()
}

fn online() -> bool {
    window().navigator().on_line()
}

impl Sync {
    /// Starts syncing whatever timebank is open, and provides the sync.
    pub fn provide(session: Session) -> Sync {
        let sync = Sync {
            status: RwSignal::new(Status::NotShared),
            link: StoredValue::new_local(None),
            generation: StoredValue::new(0),
            target: StoredValue::new(None),
            failures: StoredValue::new(0),
            retry: StoredValue::new(None),
            tokens: RwSignal::new(0),
            session,
        };
        provide_context(sync);
        // Every change (here, from another device, or to the sync setting)
        // passes through here: connect, reconnect elsewhere, or send.
        Effect::new(move |_| {
            session.track();
            sync.reconcile();
        });
        sync.watch_network();
        sync
    }

    pub fn get() -> Sync {
        expect_context::<Sync>()
    }

    pub fn status(&self) -> Status {
        self.status.get()
    }

    /// Says that this device changed the relay's tokens (revoked some).
    pub fn tokens_changed(&self) {
        self.tokens.update(|count| *count = count.wrapping_add(1));
    }

    /// Tracks [`Sync::tokens_changed`].
    pub fn track_tokens(&self) {
        self.tokens.track();
    }

    /// [`Sync::status`], outside any reactive tracking.
    pub fn status_untracked(&self) -> Status {
        self.status.get_untracked()
    }

    /// The open timebank's sync setting.
    pub fn setting(&self) -> Option<RelaySetting> {
        self.session.track();
        let id = self.session.current_id()?;
        storage::relay_setting(&BrowserStore, &id)
    }

    /// The open timebank's document id for the sync protocol.
    pub fn document_id(&self) -> Option<DocumentId> {
        self.session
            .read(|tb, _| DocumentId::for_timebank(&tb.info().id).ok())
            .flatten()
    }

    /// Keeps (or with `None` forgets) where the open timebank syncs.
    pub fn set_setting(&self, setting: Option<&RelaySetting>) -> Result<(), storage::StoreError> {
        let Some(id) = self.session.current_id() else {
            return Ok(());
        };
        storage::set_relay_setting(&mut BrowserStore, &id, setting)?;
        self.failures.set_value(0);
        self.session.touch();
        Ok(())
    }

    /// Tries again now (the person asked).
    pub fn retry_now(&self) {
        self.failures.set_value(0);
        self.drop_link();
        self.target.set_value(None);
        self.reconcile();
    }

    fn desired(&self) -> Option<(String, RelaySetting)> {
        let id = self.session.current_id()?;
        let setting = storage::relay_setting(&BrowserStore, &id)?;
        Some((id, setting))
    }

    /// Brings the link in line with the open timebank and its setting.
    fn reconcile(&self) {
        let joining = self.link.with_value(|link| {
            matches!(
                link,
                Some(Link {
                    holder: Holder::Joining { .. },
                    ..
                })
            )
        });
        if joining {
            return;
        }
        let desired = self.desired();
        let current = self.target.get_value();
        if desired != current {
            self.drop_link();
            self.target.set_value(desired.clone());
            match desired {
                None => self.status.set(Status::NotShared),
                Some(_) => self.connect(),
            }
            return;
        }
        if self.link.with_value(Option::is_some) {
            self.send_what_is_new();
        } else if matches!(self.status.get_untracked(), Status::Offline(_)) {
            self.show_offline();
        }
    }

    fn unshared(&self) -> usize {
        let Some((id, setting)) = self.target.get_value() else {
            return 0;
        };
        let state = kept_state(&id, &setting.url);
        self.session
            .with_document(|doc| {
                // A signature completes the record it signs: one edit, one change.
                wire::client::unshared_changes_where(doc, &state, |change| {
                    !matches!(
                        change.message(),
                        Some(ledger::SEAL_MESSAGE | ledger::schema::DECISION_SEAL_MESSAGE)
                    )
                })
            })
            .unwrap_or(0)
    }

    fn show_offline(&self) {
        let unshared = self.unshared();
        self.status.set(Status::Offline(unshared));
    }

    /// Closes the link, if any, and forgets its callbacks.
    fn drop_link(&self) {
        self.generation.update_value(|g| *g += 1);
        if let Some(handle) = self.retry.try_update_value(Option::take).flatten() {
            handle.clear();
        }
        if let Some(link) = self.link.try_update_value(Option::take).flatten() {
            self.keep_state(&link);
            let _ = link.socket.close();
        }
    }

    fn keep_state(&self, link: &Link) {
        if let (Some(id), Holder::Session) = (&link.timebank_id, &link.holder) {
            let _ = storage::set_sync_state(
                &mut BrowserStore,
                id,
                &link.setting.url,
                &link.client.state().encode(),
            );
        }
    }

    /// Names this device to the relay as the one using the token (once;
    /// tried again at the next connection if it could not be), so that a
    /// coordinator revoking this device revokes the token too, however it
    /// reached this device.
    fn name_this_device(&self, setting: &RelaySetting) {
        let Some(device) = self
            .session
            .read(|tb, _| tb.device_key().map(|key| key.device_id().to_string()))
            .flatten()
        else {
            return;
        };
        let setting = setting.clone();
        leptos::task::spawn_local(async move {
            let _ = relay_api::name_device(&setting.url, &setting.token, &device).await;
        });
    }

    /// Checks the token, then opens the WebSocket.
    fn connect(&self) {
        let Some((id, setting)) = self.target.get_value() else {
            return;
        };
        if !online() {
            self.show_offline();
            return;
        }
        self.status.set(Status::Connecting);
        let generation = self.generation.get_value();
        let sync = *self;
        leptos::task::spawn_local(async move {
            let access = relay_api::access(&setting.url, &setting.token).await;
            if sync.generation.get_value() != generation {
                return;
            }
            match access {
                Err(ApiError::Refused(code)) => {
                    sync.status.set(Status::Refused(Refusal::from_code(&code)));
                    return;
                }
                Ok(Some(access)) => {
                    let expected = sync.document_id().map(|d| d.to_string());
                    if expected.as_deref() != Some(access.document.as_str()) {
                        sync.status.set(Status::Refused(Refusal::OtherTimebank));
                        return;
                    }
                    if access.device.is_none() {
                        sync.name_this_device(&setting);
                    }
                }
                // No token API (a plain sync server), or it could not be
                // reached: the WebSocket tells.
                Ok(None) | Err(ApiError::Unreachable | ApiError::Strange) => {}
            }
            let Some(document) = sync.document_id() else {
                return;
            };
            let state = kept_state(&id, &setting.url);
            sync.open_socket(Some(id), setting, document, state, Holder::Session);
        });
    }

    fn open_socket(
        &self,
        timebank_id: Option<String>,
        setting: RelaySetting,
        document: DocumentId,
        state: SyncState,
        holder: Holder,
    ) {
        let token_id = setting
            .token
            .split('.')
            .next()
            .unwrap_or("none")
            .to_string();
        let peer = format!("tally-{token_id}-{}", random_hex(6));
        let url = relay_api::sync_url(&setting.url, &setting.token, &peer);
        let Ok(socket) = web_sys::WebSocket::new(&url) else {
            self.failed(holder);
            return;
        };
        socket.set_binary_type(web_sys::BinaryType::Arraybuffer);
        let storage_id = storage::device_storage_id(&mut BrowserStore, || random_hex(16));
        let client = Client::new(peer, Some(storage_id), document, state);
        let generation = self.generation.get_value();
        let sync = *self;
        let current = move || sync.generation.get_value() == generation;

        let on_open = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
            if current() {
                sync.on_open();
            }
        });
        let on_message = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
            if current()
                && let Ok(event) = event.dyn_into::<web_sys::MessageEvent>()
            {
                sync.on_message(event.data());
            }
        });
        let on_close = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
            if current() {
                let code = event
                    .dyn_into::<web_sys::CloseEvent>()
                    .ok()
                    .map(|event| event.code());
                sync.on_close(code);
            }
        });
        socket.set_onopen(Some(on_open.as_ref().unchecked_ref()));
        socket.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        socket.set_onclose(Some(on_close.as_ref().unchecked_ref()));
        self.link.set_value(Some(Link {
            socket: Socket(socket),
            client,
            timebank_id,
            setting,
            holder,
            heard_heartbeat: false,
            last_heard: now_ms(),
            _listeners: vec![on_open, on_message, on_close],
        }));
    }

    fn on_open(&self) {
        self.link.update_value(|link| {
            if let Some(link) = link {
                let _ = link.socket.send_with_u8_array(&link.client.hello());
                link.last_heard = now_ms();
            }
        });
    }

    fn on_message(&self, data: wasm_bindgen::JsValue) {
        if data.as_string().is_some() {
            // A heartbeat (the only text the relay sends).
            self.link.update_value(|link| {
                if let Some(link) = link {
                    link.heard_heartbeat = true;
                    link.last_heard = now_ms();
                }
            });
            return;
        }
        let bytes = js_sys::Uint8Array::new(&data).to_vec();
        let session = self.session;
        let Some(mut link) = self.link.try_update_value(Option::take).flatten() else {
            return;
        };
        link.last_heard = now_ms();
        let outcome = match &mut link.holder {
            Holder::Session => session.with_document(|doc| step(&mut link.client, doc, &bytes)),
            Holder::Joining { doc, .. } => Some(step(&mut link.client, doc, &bytes)),
        };
        let Some(outcome) = outcome else {
            // The timebank was closed under the link.
            let _ = link.socket.close();
            return;
        };
        match outcome {
            Err(error) => {
                let _ = link.socket.close();
                self.generation.update_value(|g| *g += 1);
                let refusal = match error {
                    ClientError::Refused(message) => Refusal::Other(message),
                    other => Refusal::Other(other.to_string()),
                };
                self.give_up(link.holder, refusal);
            }
            Ok(Step {
                received: Received::Unavailable,
                ..
            }) => {
                let _ = link.socket.close();
                self.generation.update_value(|g| *g += 1);
                if let Holder::Joining { done, .. } = link.holder {
                    done(Err(JoinError::Unavailable));
                }
            }
            Ok(step) => {
                if let Some(frame) = &step.send {
                    let _ = link.socket.send_with_u8_array(frame);
                }
                if link.client.server_is_read_only() {
                    self.status.set(Status::Refused(Refusal::ReadOnly));
                } else if step.in_sync {
                    self.failures.set_value(0);
                    self.status.set(Status::Synced(now_ms()));
                } else {
                    self.status.set(Status::Syncing);
                }
                if step.in_sync && matches!(link.holder, Holder::Joining { .. }) {
                    self.finish_joining(link);
                    return;
                }
                if step.in_sync {
                    self.keep_state(&link);
                }
                self.link.set_value(Some(link));
            }
        }
    }

    /// Sends our changes, if the relay lacks any.
    fn send_what_is_new(&self) {
        let session = self.session;
        self.link.update_value(|link| {
            let Some(link) = link else { return };
            if !matches!(link.holder, Holder::Session) || !link.client.is_connected() {
                return;
            }
            let client = &mut link.client;
            let frame = session
                .with_document(|doc| client.next_frame(doc))
                .flatten();
            if let Some(frame) = frame {
                let _ = link.socket.send_with_u8_array(&frame);
                self.status.set(Status::Syncing);
            }
        });
    }

    /// The link closed (with the relay's close code, if any), or went
    /// silent (then it is closed here).
    fn on_close(&self, code: Option<u16>) {
        let Some(link) = self.link.try_update_value(Option::take).flatten() else {
            return;
        };
        let _ = link.socket.close();
        self.generation.update_value(|g| *g += 1);
        self.keep_state(&link);
        match code.and_then(Refusal::from_close_code) {
            Some(refusal) => self.give_up(link.holder, refusal),
            None => self.failed(link.holder),
        }
    }

    /// A connection failed: a joining device is told; otherwise try again
    /// later, showing what is not yet shared.
    fn failed(&self, holder: Holder) {
        if let Holder::Joining { done, .. } = holder {
            done(Err(JoinError::Unreachable));
            return;
        }
        self.show_offline();
        self.retry_later();
    }

    fn give_up(&self, holder: Holder, refusal: Refusal) {
        match holder {
            Holder::Joining { done, .. } => done(Err(JoinError::Refused(refusal))),
            Holder::Session => self.status.set(Status::Refused(refusal)),
        }
    }

    fn retry_later(&self) {
        let failures = self.failures.get_value();
        self.failures.set_value(failures.saturating_add(1));
        let base = (1000.0 * 2f64.powi(failures.min(16) as i32)).min(MAX_BACKOFF_MS);
        let delay = base * (0.5 + js_sys::Math::random());
        let sync = *self;
        let handle = set_timeout_with_handle(
            move || {
                sync.retry.set_value(None);
                if sync.link.with_value(Option::is_none) && sync.target.get_value().is_some() {
                    sync.connect();
                }
            },
            std::time::Duration::from_millis(delay as u64),
        )
        .ok();
        self.retry.set_value(handle);
    }

    /// `offline`/`online` events, and a watchdog for silent links.
    fn watch_network(&self) {
        let sync = *self;
        let on_offline = Closure::<dyn Fn()>::new(move || {
            sync.drop_link();
            if sync.target.get_value().is_some() {
                sync.show_offline();
            }
        });
        let on_online = Closure::<dyn Fn()>::new(move || {
            sync.failures.set_value(0);
            if sync.link.with_value(Option::is_none) && sync.target.get_value().is_some() {
                sync.drop_link();
                sync.connect();
            }
        });
        let _ = window()
            .add_event_listener_with_callback("offline", on_offline.as_ref().unchecked_ref());
        let _ =
            window().add_event_listener_with_callback("online", on_online.as_ref().unchecked_ref());
        on_offline.forget();
        on_online.forget();
        let _ = set_interval_with_handle(
            move || {
                let silent = sync.link.with_value(|link| {
                    link.as_ref().is_some_and(|link| {
                        link.heard_heartbeat && now_ms() - link.last_heard > SILENCE_MS
                    })
                });
                if silent {
                    sync.on_close(None);
                }
            },
            std::time::Duration::from_secs(5),
        );
    }

    /// Joins a timebank by invite: fetches all of it from the relay, opens
    /// it on this device and keeps the invite's relay and token for it.
    pub fn join(&self, invite: Invite, done: impl Fn(Result<Opened, JoinError>) + 'static) {
        let done: Rc<dyn Fn(Result<Opened, JoinError>)> = Rc::new(done);
        if !online() {
            done(Err(JoinError::Unreachable));
            return;
        }
        self.drop_link();
        self.target.set_value(None);
        self.status.set(Status::Connecting);
        let generation = self.generation.get_value();
        let sync = *self;
        leptos::task::spawn_local(async move {
            let access = relay_api::access(&invite.relay, &invite.token).await;
            if sync.generation.get_value() != generation {
                return;
            }
            let coordinator = match access {
                Err(ApiError::Refused(code)) => {
                    done(Err(JoinError::Refused(Refusal::from_code(&code))));
                    return;
                }
                Ok(Some(access)) => {
                    if access.document != invite.document.to_string() {
                        done(Err(JoinError::Refused(Refusal::OtherTimebank)));
                        return;
                    }
                    access.role == "coordinator"
                }
                Ok(None) | Err(_) => false,
            };
            let setting = RelaySetting {
                url: invite.relay.clone(),
                token: invite.token.clone(),
                coordinator,
            };
            sync.open_socket(
                None,
                setting,
                invite.document,
                SyncState::new(),
                Holder::Joining {
                    doc: Box::default(),
                    done: done.clone(),
                },
            );
        });
    }

    fn finish_joining(&self, link: Link) {
        self.generation.update_value(|g| *g += 1);
        let _ = link.socket.close();
        let sync = *self;
        leptos::task::spawn_local(async move { sync.keep_joined(link).await });
    }

    /// Keeps the timebank a join fetched, with its sync setting.
    async fn keep_joined(&self, link: Link) {
        let Holder::Joining { mut doc, done } = link.holder else {
            return;
        };
        let document = link.client.document();
        let bytes = doc.save();
        let result = self.session.open_file(&bytes).await;
        let opened = match result {
            Ok(opened) => opened,
            Err(error) => {
                done(Err(JoinError::NotATimebank(Some(error))));
                return;
            }
        };
        let id = self.session.current_id().unwrap_or_default();
        if DocumentId::for_timebank(&id).ok() != Some(document) {
            done(Err(JoinError::NotATimebank(None)));
            return;
        }
        let _ = storage::set_sync_state(
            &mut BrowserStore,
            &id,
            &link.setting.url,
            &link.client.state().encode(),
        );
        let _ = storage::set_relay_setting(&mut BrowserStore, &id, Some(&link.setting));
        self.target.set_value(None);
        self.session.touch();
        done(Ok(opened));
    }
}

/// What one received frame led to.
struct Step {
    received: Received,
    send: Option<Vec<u8>>,
    in_sync: bool,
}

fn step(client: &mut Client, doc: &mut AutoCommit, bytes: &[u8]) -> Result<Step, ClientError> {
    let received = client.receive(doc, bytes)?;
    let send = client.next_frame(doc);
    let in_sync = client.is_in_sync(doc);
    Ok(Step {
        received,
        send,
        in_sync,
    })
}

/// Shared for the join page's "copy link" and tests.
pub fn app_origin() -> String {
    window().location().origin().unwrap_or_default()
}
