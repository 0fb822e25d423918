//! The timebank open on this device and who is using it, shared by every
//! page through context. Pages read it with [`Session::read`] (which
//! re-renders them after every change) and change it with
//! [`Session::change`], which applies a ledger operation, saves, and tells the
//! person plainly if saving failed (the change is kept in memory meanwhile).

use ledger::{
    Added, Entropy, LedgerError, LoadError, MemberId, NewMember, NewTimebank, Settings, Timebank,
    Timestamp,
};
use leptos::leptos_dom::helpers::TimeoutHandle;
use leptos::prelude::*;

use std::rc::Rc;

use crate::cached_view::CachedView;
use crate::storage::documents::{self, Holder};
use crate::storage::{self, BrowserStore, KeyValue, OpenError, Records, Saved};

mod lock;
mod saving;
mod sealing;

pub use lock::{Lock, UnlockError};

/// Marks a moment in the page's performance timeline (read by tests and
/// `cargo xtask bench`).
fn mark(name: &str) {
    if let Some(performance) = window().performance() {
        let _ = performance.mark(name);
    }
}

/// Random bytes from the browser's cryptographic generator.
pub struct BrowserEntropy;

impl Entropy for BrowserEntropy {
    fn fill(&mut self, bytes: &mut [u8]) {
        let filled = window()
            .crypto()
            .and_then(|crypto| crypto.get_random_values_with_u8_array(bytes));
        if filled.is_err() {
            // No crypto (a very old browser): fall back to Math.random,
            // which is still fine for telling records apart.
            for byte in bytes {
                *byte = (js_sys::Math::random() * 256.0) as u8;
            }
        }
    }
}

/// The current moment, from the browser's clock.
pub fn now() -> Timestamp {
    Timestamp(js_sys::Date::now() as i64)
}

/// The timebank's name as the start of a file name (letters and digits kept,
/// everything else a dash).
pub fn file_stem(timebank: &Timebank) -> String {
    timebank
        .info()
        .name
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect()
}

/// What opening a file did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Opened {
    /// A timebank new to this device: the person says who they are next.
    ChooseWho,
    /// A timebank this device knew, with its person already chosen.
    Ready,
    /// The file was of the open timebank: what it added.
    Added(Added),
}

/// What this device keeps, for settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StorageReport {
    /// Each timebank on this device's list and the bytes its document takes.
    pub timebanks: Vec<(String, usize)>,
    /// In the small store (localStorage: the browser refused IndexedDB):
    /// about how many more exchanges fit.
    pub small_store_fits: Option<usize>,
    /// Copies set aside as damaged, which can be downloaded.
    pub asides: Vec<storage::documents::Aside>,
}

/// A problem with storage the person must know about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageNotice {
    /// Storage is full: the latest changes are only in memory.
    Full,
    /// Storage refused for another reason.
    Unavailable(String),
    /// The saved copy of a timebank could not be opened and was kept aside.
    Damaged { id: String, reason: String },
}

struct Open {
    timebank: Timebank,
    saved: Saved,
    me: Option<MemberId>,
    /// Changes made since the last save.
    dirty: bool,
    /// What this device's earlier sessions kept, as read when this
    /// timebank was given the device's key: the changes that wrote what
    /// still owed a seal (see `storage::keep_actors`).
    actors_read: Vec<String>,
}

impl Open {
    /// Who this device acts for: once the timebank's trust is founded and
    /// the device certified, the member its certificate names, whoever was
    /// chosen on it before; otherwise the person chosen on it.
    fn acting(&self) -> Option<&MemberId> {
        if self.timebank.trust_founded()
            && let Some(standing) = self.timebank.own_standing()
        {
            return Some(&standing.member);
        }
        self.me.as_ref()
    }
}

/// Why this device may not write in `timebank`, if it may not: once the
/// trust is founded, only a certified device that is not revoked writes.
pub fn write_refusal(timebank: &Timebank) -> Option<LedgerError> {
    if !timebank.trust_founded() {
        return None;
    }
    if timebank.device_key().is_none() {
        return Some(LedgerError::NoDeviceKey);
    }
    match timebank.own_standing() {
        None => Some(LedgerError::DeviceNotCertified),
        Some(standing) if standing.is_revoked() => Some(LedgerError::DeviceRevoked),
        Some(_) => None,
    }
}

/// A record prepared by the ledger and waiting for this device's
/// signature of its bytes (see [`Session::write_signed`]).
pub trait Signable {
    fn bytes(&self) -> &[u8];
}

/// How long after the first change not yet saved the timebank is saved: the
/// rest of a burst of changes (slips entered one after another, a sync
/// taking in many) joins that save, and a stream of changes never puts it
/// off. Hiding or leaving the page saves at once.
const SAVE_DELAY: std::time::Duration = std::time::Duration::from_millis(400);

#[derive(Clone, Copy)]
pub struct Session {
    open: StoredValue<Option<Open>, LocalStorage>,
    /// Where documents are kept; `None` until the store has opened.
    documents: StoredValue<Option<Rc<dyn Records>>, LocalStorage>,
    /// This tab's name in the pieces it writes (tabs never write over each other).
    writer: StoredValue<String>,
    /// Tells this site's other tabs that a timebank was saved.
    tabs: StoredValue<Option<web_sys::BroadcastChannel>, LocalStorage>,
    /// The store or the open timebank is still being opened.
    opening: RwSignal<bool>,
    revision: RwSignal<u64>,
    notice: RwSignal<Option<StorageNotice>>,
    pending_save: StoredValue<Option<TimeoutHandle>>,
    /// Coordinator mode on a shared tablet: locked until the PIN is given.
    lock: RwSignal<Lock>,
    /// While the document is being opened: the view kept from last time.
    cached: RwSignal<Option<CachedView>>,
    /// Sealing is under way (and whether to run again when it ends).
    sealing: StoredValue<(bool, bool)>,
}

const ACTIVE: &str = "tally.active";

impl Session {
    /// Provides the session, then opens this device's store (moving what
    /// localStorage held into IndexedDB) and the timebank used last, if any,
    /// painting the view kept from last time meanwhile.
    pub fn provide() -> Session {
        let mut writer = [0_u8; 4];
        BrowserEntropy.fill(&mut writer);
        let session = Session {
            open: StoredValue::new_local(None),
            documents: StoredValue::new_local(None),
            writer: StoredValue::new(crate::device_lock::hex(&writer)),
            tabs: StoredValue::new_local(None),
            opening: RwSignal::new(false),
            revision: RwSignal::new(0),
            notice: RwSignal::new(None),
            pending_save: StoredValue::new(None),
            lock: RwSignal::new(Lock {
                has_pin: false,
                locked: false,
                failures: 0,
                wait_until: 0.0,
                last_used: 0.0,
            }),
            cached: RwSignal::new(None),
            sealing: StoredValue::new((false, false)),
        };
        session.lock_when_idle();
        session.save_when_hidden();
        let store = BrowserStore;
        let entries = storage::list(&store);
        let active = store
            .get(ACTIVE)
            .filter(|id| entries.iter().any(|entry| &entry.id == id))
            .or_else(|| entries.first().map(|entry| entry.id.clone()));
        if let Some(id) = &active {
            session.opening.set(true);
            if let Some(view) = storage::cached_view(&store, id) {
                session.cached.set(Some(view));
                mark("tally-cached-view");
            }
        }
        leptos::task::spawn_local(async move {
            // The kept view is painted before the document is read.
            next_paint().await;
            // This device's signing key, opened (or made) once for the page.
            let _ = crate::device_key::device_key().await;
            let (documents, _moved) = storage::open_documents().await;
            // The members directory of the kept view, for the members page
            // while the document opens.
            if let Some(id) = &active
                && let Some(members) = storage::kept_directory(documents.as_ref(), id).await
            {
                session.cached.update(|view| {
                    if let Some(view) = view {
                        view.members = members;
                    }
                });
            }
            session.documents.set_value(Some(documents));
            session.listen_to_other_tabs();
            if let Some(id) = active {
                session.open_saved(&id).await;
                mark("tally-document-loaded");
                session.keep_view();
                // A device that keeps a timebank asks the browser to keep
                // its storage; settings show the answer.
                storage::ask_to_persist().await;
            }
            session.cached.set(None);
            session.opening.set(false);
        });
        provide_context(session);
        session
    }

    /// Keeps the home screen's view of the open timebank for the next
    /// opening (after opening, and when the page is hidden or left: not on
    /// every save).
    fn keep_view(&self) {
        self.open.update_value(|open| {
            if let Some(open) = open {
                let me = open.acting().cloned();
                let view = CachedView::derive(
                    &mut open.timebank,
                    me.as_ref(),
                    now(),
                    crate::i18n::device_language(),
                );
                let page = crate::first_paint::capture(
                    &view,
                    &open.saved.id,
                    me.as_ref().map(|me| me.as_str()),
                );
                // A view that cannot be written only makes the next opening slower.
                let _ = storage::set_cached_view(
                    &mut BrowserStore,
                    &open.saved.id,
                    &view,
                    page.as_ref(),
                );
                if let Some(documents) = self.documents.get_value() {
                    let kept = storage::keep_directory(documents.as_ref(), &open.saved.id, &view);
                    leptos::task::spawn_local(async move {
                        let _ = kept.await;
                    });
                }
            }
        });
    }

    /// Where documents are kept, once the store has opened.
    pub async fn documents(&self) -> Rc<dyn Records> {
        loop {
            if let Some(documents) = self.documents.get_value() {
                return documents;
            }
            wait(5).await;
        }
    }

    /// Listens for saves made by this site's other tabs, and takes in what
    /// they saved of the open timebank.
    fn listen_to_other_tabs(&self) {
        let Ok(channel) = web_sys::BroadcastChannel::new("tally-documents") else {
            return;
        };
        let session = *self;
        let on_message = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::MessageEvent)>::new(
            move |event: web_sys::MessageEvent| {
                let Some(id) = event.data().as_string() else {
                    return;
                };
                if session.current_id().as_deref() == Some(id.as_str()) {
                    leptos::task::spawn_local(async move { session.catch_up(&id).await });
                }
            },
        );
        channel.set_onmessage(Some(wasm_bindgen::JsCast::unchecked_ref(
            on_message.as_ref(),
        )));
        on_message.forget();
        self.tabs.set_value(Some(channel));
    }

    /// Takes in what other tabs stored of timebank `id`.
    async fn catch_up(&self, id: &str) {
        let documents = self.documents().await;
        if let Ok(true) = documents::catch_up(documents.as_ref(), self, id).await {
            self.revision.update(|r| *r += 1);
        }
    }

    /// Tells the other tabs that timebank `id` was saved.
    fn tell_other_tabs(&self, id: &str) {
        self.tabs.with_value(|tabs| {
            if let Some(channel) = tabs {
                let _ = channel.post_message(&id.into());
            }
        });
    }

    /// The view kept from last time, while the document is still opening.
    pub fn cached_view(&self) -> Option<CachedView> {
        self.cached.get()
    }

    pub fn get() -> Session {
        expect_context::<Session>()
    }

    async fn open_saved(&self, id: &str) {
        let documents = self.documents().await;
        let writer = self.writer.get_value();
        match documents::open(documents.as_ref(), id, Box::new(BrowserEntropy), writer).await {
            Ok((mut timebank, saved)) => {
                timebank.take_actor_after_earlier_sessions(now());
                let store = BrowserStore;
                let me = storage::device_member(&store, id);
                self.open.set_value(Some(Open {
                    timebank,
                    saved,
                    me,
                    dirty: false,
                    actors_read: Vec::new(),
                }));
                let _ = BrowserStore.set(ACTIVE, id);
                self.reset_lock(id);
                self.take_device_key();
            }
            Err(OpenError::Damaged(reason)) => {
                self.notice.set(Some(StorageNotice::Damaged {
                    id: id.to_string(),
                    reason,
                }));
            }
            Err(OpenError::Missing) => {}
        }
        self.revision.update(|r| *r += 1);
    }

    /// Reads the open timebank and who uses this device; `None` when no
    /// timebank is open. Tracks changes, so views re-render after each one.
    pub fn read<R>(&self, f: impl FnOnce(&Timebank, Option<&MemberId>) -> R) -> Option<R> {
        self.revision.track();
        self.open
            .with_value(|open| open.as_ref().map(|open| f(&open.timebank, open.acting())))
    }

    /// Whether the person using this device is an active coordinator (and,
    /// on a shared tablet, has unlocked coordinator mode). Once the
    /// timebank's trust is founded, only a coordinator's certified device
    /// that is not revoked acts as one.
    pub fn is_coordinator(&self) -> bool {
        !self.lock.with(|lock| lock.locked)
            && self
                .read(|tb, me| {
                    me.is_some_and(|me| tb.is_coordinator(me))
                        && (!tb.trust_founded()
                            || tb.own_standing().is_some_and(|standing| {
                                standing.role == ledger::Role::Coordinator && !standing.is_revoked()
                            }))
                })
                .unwrap_or(false)
    }

    /// The currency the open timebank counts cash in.
    pub fn currency(&self) -> ledger::Currency {
        self.read(|tb, _| tb.info().currency).unwrap_or_default()
    }

    /// The timebank's categories of help, in the order the coordinators set.
    pub fn categories(&self) -> Vec<String> {
        self.read(|tb, _| tb.settings().categories.clone())
            .unwrap_or_default()
    }

    /// A timebank is open (or being opened, its kept view on screen).
    pub fn is_open(&self) -> bool {
        self.read(|_, _| ()).is_some() || self.cached.with(Option::is_some)
    }

    /// The document is still being read (pages that change it wait).
    pub fn is_loading(&self) -> bool {
        self.opening.get()
    }

    pub fn notice(&self) -> Option<StorageNotice> {
        self.notice.get()
    }

    /// Applies an operation as the person using this device, then saves.
    /// A refused operation changes nothing; a failed save keeps the change in
    /// memory and raises a notice.
    pub fn change<R>(
        &self,
        operation: impl FnOnce(&mut Timebank, &MemberId, Timestamp) -> Result<R, LedgerError>,
    ) -> Result<R, LedgerError> {
        if self.lock.with_untracked(|lock| lock.locked) {
            // A shared tablet: every change is a coordinator action.
            return Err(LedgerError::NotCoordinator);
        }
        let result = self.open.try_update_value(|open| {
            let open = open.as_mut().ok_or(LedgerError::UnknownMember)?;
            if let Some(refusal) = write_refusal(&open.timebank) {
                return Err(refusal);
            }
            let me = open.acting().cloned().ok_or(LedgerError::UnknownMember)?;
            let result = operation(&mut open.timebank, &me, now())?;
            open.dirty = true;
            Ok(result)
        });
        let result = result.unwrap_or(Err(LedgerError::UnknownMember))?;
        self.lock
            .update(|lock| lock.last_used = js_sys::Date::now());
        self.schedule_save();
        self.revision.update(|r| *r += 1);
        // The change that wrote what waits for its seal is kept at once: a
        // page closed before the seal is written leaves it to be sealed
        // next time (the change is this device's own; its actor proves
        // nothing).
        if let Some(id) = self.current_id() {
            self.keep_actors(&id);
        }
        self.seal();
        Ok(result)
    }

    /// Creates a timebank on this device; its founder is its first
    /// coordinator and the person using this device. It is saved at once;
    /// if the store has no room it is kept in memory and the person told.
    /// Its categories to start with are `categories` (in the founder's
    /// language).
    pub fn create(
        &self,
        name: &str,
        unit_label: &str,
        founder: &str,
        categories: Vec<String>,
    ) -> Result<(), LedgerError> {
        // The timebank open until now keeps every change.
        self.save_now();
        let new = NewTimebank {
            name: name.to_string(),
            unit_label: unit_label.to_string(),
            settings: Settings {
                categories,
                ..Settings::default()
            },
            // The key opened at start (none in a browser without Ed25519):
            // the new timebank's id pins this device as its founder.
            founder_key: crate::device_key::cached().map(|signer| signer.key()),
        };
        let founder = NewMember {
            name: founder.to_string(),
            ..NewMember::default()
        };
        let (timebank, me) = Timebank::create(new, founder, now(), Box::new(BrowserEntropy))?;
        let id = timebank.info().id.clone();
        let mut store = BrowserStore;
        let _ = storage::set_device_member(&mut store, &id, &me);
        let _ = store.set(ACTIVE, &id);
        self.open.set_value(Some(Open {
            timebank,
            saved: Saved::new(id.clone(), self.writer.get_value()),
            me: Some(me),
            dirty: true,
            actors_read: Vec::new(),
        }));
        self.reset_lock(&id);
        self.take_device_key();
        self.save_now();
        self.keep_view();
        self.revision.update(|r| *r += 1);
        Ok(())
    }

    /// Opens a timebank from a file. The file of a timebank this device
    /// already has is added to it (never replacing anything); another
    /// timebank is kept beside the ones already here and becomes the open one.
    pub async fn open_file(&self, bytes: &[u8]) -> Result<Opened, LoadError> {
        let mut timebank = Timebank::load(bytes, Box::new(BrowserEntropy))?;
        timebank.take_actor_after_earlier_sessions(now());
        self.flush().await;
        let id = timebank.info().id.clone();
        let here = storage::list(&BrowserStore)
            .iter()
            .any(|entry| entry.id == id);
        if here && self.current_id().as_deref() != Some(id.as_str()) {
            self.open_saved(&id).await;
        }
        if self.current_id().as_deref() == Some(id.as_str()) {
            return self.merge_file(bytes).map(Opened::Added);
        }
        // New here, or the copy here is damaged: it is set aside before the
        // good one is written, never overwritten.
        let me = storage::device_member(&BrowserStore, &id);
        let mut saved = Saved::new(id.clone(), self.writer.get_value());
        saved.needs_aside = true;
        let _ = BrowserStore.set(ACTIVE, &id);
        if matches!(
            self.notice.get_untracked(),
            Some(StorageNotice::Damaged { .. })
        ) {
            self.notice.set(None);
        }
        let needs_person = me.is_none();
        self.reset_lock(&id);
        self.open.set_value(Some(Open {
            timebank,
            saved,
            me,
            dirty: true,
            actors_read: Vec::new(),
        }));
        self.take_device_key();
        self.flush().await;
        self.revision.update(|r| *r += 1);
        Ok(if needs_person {
            Opened::ChooseWho
        } else {
            Opened::Ready
        })
    }

    /// The id of the open timebank (untracked).
    pub fn current_id(&self) -> Option<String> {
        self.open
            .with_value(|open| open.as_ref().map(|open| open.saved.id.clone()))
    }

    /// The timebanks kept on this device, and which one is open.
    pub fn timebanks(&self) -> Vec<(storage::Entry, bool)> {
        self.revision.track();
        let current = self.current_id();
        storage::list(&BrowserStore)
            .into_iter()
            .map(|entry| {
                let open = current.as_deref() == Some(entry.id.as_str());
                (entry, open)
            })
            .collect()
    }

    /// Makes another timebank on this device the open one.
    pub fn switch_to(&self, id: &str) {
        let session = *self;
        let id = id.to_string();
        session.opening.set(true);
        leptos::task::spawn_local(async move {
            session.flush().await;
            session.keep_view();
            session.open.set_value(None);
            session.notice.set(None);
            session.open_saved(&id).await;
            session.opening.set(false);
        });
    }

    /// Lets the sync read and write the open timebank's document, whatever
    /// the coordinator lock says (changes from other devices always land).
    /// Changes that arrive are re-read into the derived state, saved a
    /// moment later, and shown on every screen.
    pub fn with_document<R>(&self, f: impl FnOnce(&mut automerge::AutoCommit) -> R) -> Option<R> {
        let (result, changed) = self
            .open
            .try_update_value(|open| {
                let open = open.as_mut()?;
                let before = open.timebank.heads();
                let result = f(open.timebank.document_mut());
                let changed = open.timebank.heads() != before;
                if changed {
                    open.timebank.refresh_since(&before);
                    open.dirty = true;
                }
                Some((result, changed))
            })
            .flatten()?;
        if changed {
            self.schedule_save();
            self.revision.update(|r| *r += 1);
            crate::devices::checkpoint_if_due(*self);
        }
        Some(result)
    }

    /// Tells every screen that something outside the timebank changed (its
    /// sync setting, say), and tracks that for the caller.
    pub fn touch(&self) {
        self.revision.update(|r| *r += 1);
    }

    /// Subscribes the caller to every change of the open timebank.
    pub fn track(&self) {
        self.revision.track();
    }

    /// Adds what a file holds to the open timebank, and saves.
    pub fn merge_file(&self, bytes: &[u8]) -> Result<Added, LoadError> {
        let added = self.open.try_update_value(|open| {
            let open = open.as_mut()?;
            let added = open.timebank.apply_changes(bytes);
            open.dirty |= added.is_ok();
            Some(added)
        });
        let Some(Some(added)) = added else {
            return Err(LoadError::Unreadable("no timebank is open".to_string()));
        };
        // Saved at once: a file someone handed over is not left in memory.
        self.save_now();
        self.revision.update(|r| *r += 1);
        added
    }

    /// The whole timebank as file bytes, with a file name for it.
    pub fn export(&self) -> Option<(Vec<u8>, String)> {
        self.open
            .try_update_value(|open| {
                open.as_mut().map(|open| {
                    let name = file_stem(&open.timebank);
                    (open.timebank.save(), format!("{name}.tally"))
                })
            })
            .flatten()
    }

    /// What this device keeps: the kind of store, and what each timebank
    /// on the list takes in it.
    pub async fn storage_report(&self) -> StorageReport {
        let documents = self.documents().await;
        let mut timebanks = Vec::new();
        for entry in storage::list(&BrowserStore) {
            let bytes = documents::usage(documents.as_ref(), &entry.id)
                .await
                .unwrap_or(0);
            timebanks.push((entry.name, bytes));
        }
        let fits = match documents.kind() {
            storage::StoreKind::Large => None,
            storage::StoreKind::Small => {
                let left = storage::SMALL_STORE_CHARACTERS
                    .saturating_sub(storage::small_store_used(&BrowserStore));
                // Characters an exchange takes here: this timebank's own
                // average once it has some, else a typical one's.
                let per_exchange = self
                    .open
                    .with_value(|open| {
                        open.as_ref().map(|open| {
                            let count = open.timebank.exchanges().count();
                            let stored = timebanks
                                .iter()
                                .find(|(name, _)| *name == open.timebank.info().name)
                                .map_or(0, |(_, bytes)| *bytes);
                            (count >= 100).then(|| stored / count)
                        })
                    })
                    .flatten()
                    .unwrap_or(90)
                    .max(1);
                Some(left / per_exchange)
            }
        };
        let asides = documents::asides(documents.as_ref())
            .await
            .unwrap_or_default();
        StorageReport {
            timebanks,
            small_store_fits: fits,
            asides,
        }
    }

    /// Records who is using this device.
    pub fn choose_me(&self, member: MemberId) {
        self.open.update_value(|open| {
            if let Some(open) = open {
                let _ = storage::set_device_member(&mut BrowserStore, &open.saved.id, &member);
                open.me = Some(member);
            }
        });
        self.keep_view();
        self.revision.update(|r| *r += 1);
        crate::devices::found_if_due(*self);
    }

    /// Writes a record this device signs (a certificate, an invitation, a
    /// request, a revocation, an acceptance): `prepare` gives the ledger's
    /// draft and the bytes to sign, the browser signs them, and `add` writes
    /// the draft with its signature in one change, which is then saved.
    /// Runs while no sealing runs, so each record takes its own number.
    pub async fn write_signed<D: Signable>(
        &self,
        prepare: impl FnOnce(&mut Timebank, Option<&MemberId>, Timestamp) -> Result<D, LedgerError>,
        add: impl FnOnce(
            &mut Timebank,
            D,
            ledger::trust::Signature,
            Timestamp,
        ) -> Result<(), LedgerError>,
    ) -> Result<(), LedgerError> {
        let signer = crate::device_key::device_key()
            .await
            .map_err(|_| LedgerError::NoDeviceKey)?;
        self.take_sealing().await;
        let result = async {
            let (id, prepared) = self
                .open
                .try_update_value(|open| {
                    open.as_mut().map(|open| {
                        let me = open.acting().cloned();
                        (
                            open.saved.id.clone(),
                            prepare(&mut open.timebank, me.as_ref(), now()),
                        )
                    })
                })
                .flatten()
                .ok_or(LedgerError::UnknownMember)?;
            let draft = prepared?;
            let signature = signer
                .sign(draft.bytes())
                .await
                .map_err(|_| LedgerError::BadSignature)?;
            self.with(&id, |timebank, _| add(timebank, draft, signature, now()))
                .ok_or(LedgerError::UnknownMember)??;
            self.mark_dirty(&id);
            // (Read from the ledger: a draft does not say its number.)
            if let Some(last) = self.with(&id, |timebank, _| timebank.last_number()) {
                let _ = storage::keep_last_number(&mut BrowserStore, &id, last);
            }
            Ok(())
        }
        .await;
        self.release_sealing();
        if result.is_ok() {
            self.schedule_save();
            self.revision.update(|r| *r += 1);
        }
        result
    }

    /// Writes what needs no signature by this device's key (accepting an
    /// invite, signed by the invite's own key; declining a request), then
    /// saves. Unlike [`Session::change`], a device that is not certified
    /// yet may do it.
    pub fn write_as_device<R>(
        &self,
        operation: impl FnOnce(&mut Timebank, Timestamp) -> Result<R, LedgerError>,
    ) -> Result<R, LedgerError> {
        let id = self.current_id().ok_or(LedgerError::UnknownMember)?;
        let result = self
            .with(&id, |timebank, _| operation(timebank, now()))
            .ok_or(LedgerError::UnknownMember)??;
        self.mark_dirty(&id);
        self.schedule_save();
        self.revision.update(|r| *r += 1);
        Ok(result)
    }

    /// Waits until no sealing runs, then holds the sealing turn.
    async fn take_sealing(&self) {
        loop {
            let taken = self
                .sealing
                .try_update_value(|state| {
                    if state.0 {
                        false
                    } else {
                        *state = (true, false);
                        true
                    }
                })
                .unwrap_or(true);
            if taken {
                return;
            }
            wait(5).await;
        }
    }

    /// Gives the sealing turn back, and seals what waits.
    fn release_sealing(&self) {
        self.sealing.set_value((false, false));
        self.seal();
    }
}

impl Holder for Session {
    fn with<R>(&self, id: &str, f: impl FnOnce(&mut Timebank, &mut Saved) -> R) -> Option<R> {
        self.open
            .try_update_value(|open| {
                open.as_mut()
                    .filter(|open| open.saved.id == id)
                    .map(|open| f(&mut open.timebank, &mut open.saved))
            })
            .flatten()
    }
}

/// Waits `ms` milliseconds (timers run in hidden tabs too).
pub(crate) async fn wait(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Waits until the browser has painted what is on screen (two animation
/// frames); at once in a hidden tab, which paints nothing.
pub async fn next_paint() {
    if document().hidden() {
        return;
    }
    for _ in 0..2 {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            let _ = window().request_animation_frame(&resolve);
        });
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    }
}
