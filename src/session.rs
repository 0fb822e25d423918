//! The timebank open on this device and who is using it, shared by every
//! page through context. Pages read it with [`Session::read`] (which
//! re-renders them after every change) and change it with
//! [`Session::change`], which applies a ledger operation, saves, and tells the
//! person plainly if saving failed (the change is kept in memory meanwhile).

use ledger::{
    Added, Entropy, LedgerError, LoadError, MemberId, NewMember, NewTimebank, Settings, Timebank,
    Timestamp,
};
use leptos::leptos_dom::helpers::{
    TimeoutHandle, set_interval_with_handle, set_timeout_with_handle,
};
use leptos::prelude::*;

use crate::cached_view::CachedView;
use crate::storage::{self, BrowserStore, KeyValue, OpenError, Saved, StoreError};

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
}

/// How long after the last change the timebank is saved: a burst of changes
/// (slips entered one after another) is saved once. Hiding or leaving the
/// page saves at once.
const SAVE_DELAY: std::time::Duration = std::time::Duration::from_millis(400);

#[derive(Clone, Copy)]
pub struct Session {
    open: StoredValue<Option<Open>, LocalStorage>,
    revision: RwSignal<u64>,
    notice: RwSignal<Option<StorageNotice>>,
    pending_save: StoredValue<Option<TimeoutHandle>>,
    /// Coordinator mode on a shared tablet: locked until the PIN is given.
    lock: RwSignal<Lock>,
    /// While the document is being opened: the view kept from last time.
    cached: RwSignal<Option<CachedView>>,
}

/// The state of coordinator mode on this device.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Lock {
    /// A PIN is set for the open timebank.
    pub has_pin: bool,
    pub locked: bool,
    /// Wrong PINs in a row, and until when the tablet waits (ms since epoch).
    failures: u32,
    wait_until: f64,
    last_used: f64,
}

/// Why a PIN was not accepted.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum UnlockError {
    Wrong,
    /// Too many wrong PINs: wait this many seconds.
    Wait(u32),
}

const ACTIVE: &str = "tally.active";

impl Session {
    /// Opens the timebank this device used last, if any, and provides the session.
    pub fn provide() -> Session {
        let session = Session {
            open: StoredValue::new_local(None),
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
        };
        session.lock_when_idle();
        session.save_when_hidden();
        let store = BrowserStore;
        let entries = storage::list(&store);
        let active = store
            .get(ACTIVE)
            .filter(|id| entries.iter().any(|entry| &entry.id == id))
            .or_else(|| entries.first().map(|entry| entry.id.clone()));
        if let Some(id) = active {
            match storage::cached_view(&store, &id) {
                // Paint the kept view first; read the whole document once
                // that paint is on screen.
                Some(view) => {
                    session.cached.set(Some(view));
                    mark("tally-cached-view");
                    request_animation_frame(move || {
                        request_animation_frame(move || {
                            session.open_saved(&id);
                            session.cached.set(None);
                            mark("tally-document-loaded");
                            session.keep_view();
                        });
                    });
                }
                None => {
                    session.open_saved(&id);
                    mark("tally-document-loaded");
                    session.keep_view();
                }
            }
        }
        provide_context(session);
        session
    }

    /// Keeps the home screen's view of the open timebank for the next opening.
    fn keep_view(&self) {
        self.open.update_value(|open| {
            if let Some(open) = open {
                let view = CachedView::derive(&mut open.timebank, open.me.as_ref());
                // A view that cannot be written only makes the next opening slower.
                let _ = storage::set_cached_view(&mut BrowserStore, &open.saved.id, &view);
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

    fn open_saved(&self, id: &str) {
        let mut store = BrowserStore;
        match Saved::open(&mut store, id, Box::new(BrowserEntropy)) {
            Ok((timebank, saved)) => {
                let me = storage::device_member(&store, id);
                self.open.set_value(Some(Open {
                    timebank,
                    saved,
                    me,
                    dirty: false,
                }));
                let _ = store.set(ACTIVE, id);
                self.reset_lock(id);
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
        self.open.with_value(|open| {
            open.as_ref()
                .map(|open| f(&open.timebank, open.me.as_ref()))
        })
    }

    /// Whether the person using this device is an active coordinator (and,
    /// on a shared tablet, has unlocked coordinator mode).
    pub fn is_coordinator(&self) -> bool {
        !self.lock.with(|lock| lock.locked)
            && self
                .read(|tb, me| me.is_some_and(|me| tb.is_coordinator(me)))
                .unwrap_or(false)
    }

    pub fn lock_state(&self) -> Lock {
        self.lock.get()
    }

    /// Coordinator mode as stored for timebank `id`: locked when it has a PIN.
    fn reset_lock(&self, id: &str) {
        let has_pin = storage::device_pin(&BrowserStore, id).is_some();
        self.lock.set(Lock {
            has_pin,
            locked: has_pin,
            failures: 0,
            wait_until: 0.0,
            last_used: js_sys::Date::now(),
        });
    }

    /// Unlocks coordinator mode with the device PIN.
    pub fn unlock(&self, pin: &str) -> Result<(), UnlockError> {
        let now = js_sys::Date::now();
        let lock = self.lock.get_untracked();
        if now < lock.wait_until {
            return Err(UnlockError::Wait(
                ((lock.wait_until - now) / 1000.0).ceil() as u32
            ));
        }
        let stored = self
            .current_id()
            .and_then(|id| storage::device_pin(&BrowserStore, &id));
        let right = stored.is_some_and(|stored| crate::device_lock::matches(&stored, pin.trim()));
        if right {
            self.lock.set(Lock {
                locked: false,
                failures: 0,
                wait_until: 0.0,
                last_used: now,
                ..lock
            });
            return Ok(());
        }
        let failures = lock.failures + 1;
        let waits = failures >= crate::device_lock::TRIES;
        self.lock.set(Lock {
            failures: if waits { 0 } else { failures },
            wait_until: if waits {
                now + crate::device_lock::WAIT_MS
            } else {
                0.0
            },
            ..lock
        });
        if waits {
            Err(UnlockError::Wait(
                (crate::device_lock::WAIT_MS / 1000.0) as u32,
            ))
        } else {
            Err(UnlockError::Wrong)
        }
    }

    /// Locks coordinator mode again (only when a PIN is set).
    pub fn lock(&self) {
        self.lock.update(|lock| lock.locked = lock.has_pin);
    }

    /// Sets (or with `None` removes) this device's coordinator PIN for the
    /// open timebank. Only a coordinator, unlocked, can.
    pub fn set_pin(&self, pin: Option<&str>) -> Result<(), LedgerError> {
        if !self.is_coordinator() {
            return Err(LedgerError::NotCoordinator);
        }
        let id = self.current_id().ok_or(LedgerError::UnknownMember)?;
        let stored = pin.map(|pin| {
            let mut salt = [0_u8; 16];
            BrowserEntropy.fill(&mut salt);
            crate::device_lock::stored_form(&salt, pin)
        });
        if storage::set_device_pin(&mut BrowserStore, &id, stored.as_deref()).is_err() {
            self.note_save(Err(StoreError::Full));
            return Err(LedgerError::Damaged(
                "this device has no room to keep the PIN".to_string(),
            ));
        }
        self.lock.update(|lock| {
            lock.has_pin = stored.is_some();
            lock.locked = false;
            lock.last_used = js_sys::Date::now();
        });
        Ok(())
    }

    /// Locks unlocked coordinator mode after a while without changes.
    fn lock_when_idle(&self) {
        let session = *self;
        let _ = set_interval_with_handle(
            move || {
                let lock = session.lock.get_untracked();
                let idle = js_sys::Date::now() - lock.last_used;
                if lock.has_pin && !lock.locked && idle > crate::device_lock::IDLE_MS {
                    session.lock();
                }
            },
            std::time::Duration::from_secs(30),
        );
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
        self.cached.with(Option::is_some)
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
            let me = open.me.clone().ok_or(LedgerError::UnknownMember)?;
            let result = operation(&mut open.timebank, &me, now())?;
            open.dirty = true;
            Ok(result)
        });
        let result = result.unwrap_or(Err(LedgerError::UnknownMember))?;
        self.lock
            .update(|lock| lock.last_used = js_sys::Date::now());
        self.schedule_save();
        self.revision.update(|r| *r += 1);
        Ok(result)
    }

    /// Saves a moment after the last change.
    fn schedule_save(&self) {
        if let Some(handle) = self.pending_save.try_update_value(Option::take).flatten() {
            handle.clear();
        }
        let session = *self;
        let handle = set_timeout_with_handle(move || session.save_now(), SAVE_DELAY).ok();
        self.pending_save.set_value(handle);
    }

    /// Saves what changed, now. A failed save keeps the changes in memory
    /// (they are saved with the next one) and raises a notice.
    pub fn save_now(&self) {
        if let Some(handle) = self.pending_save.try_update_value(Option::take).flatten() {
            handle.clear();
        }
        let saved = self
            .open
            .try_update_value(|open| {
                let open = open.as_mut().filter(|open| open.dirty)?;
                let saved = open.saved.save(&mut BrowserStore, &mut open.timebank);
                // A later save that succeeds also writes what an earlier one could not.
                let saved = saved.map(|()| open.saved.has_unsaved());
                open.dirty = !matches!(saved, Ok(false));
                Some(saved)
            })
            .flatten();
        if let Some(saved) = saved {
            let written = saved.is_ok();
            self.note_save(saved);
            if written {
                self.keep_view();
            }
        }
    }

    /// Saves at once when the page is hidden (another app, the screen off)
    /// or left (a reload, a closed tab).
    fn save_when_hidden(&self) {
        let session = *self;
        let on_hidden = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
            if document().visibility_state() == web_sys::VisibilityState::Hidden {
                session.save_now();
            }
        });
        let on_leave = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || session.save_now());
        let listen = |target: &web_sys::EventTarget,
                      name: &str,
                      f: &wasm_bindgen::closure::Closure<dyn Fn()>| {
            let _ = target.add_event_listener_with_callback(
                name,
                wasm_bindgen::JsCast::unchecked_ref(f.as_ref()),
            );
        };
        listen(&document(), "visibilitychange", &on_hidden);
        listen(&window(), "pagehide", &on_leave);
        // The listeners live as long as the page.
        on_hidden.forget();
        on_leave.forget();
    }

    /// Raises or clears the storage notice after a save (`Ok(true)`: saved,
    /// but older changes still wait).
    fn note_save(&self, saved: Result<bool, StoreError>) {
        match saved {
            Ok(true) => {}
            Ok(false) => {
                if matches!(
                    self.notice.get_untracked(),
                    Some(StorageNotice::Full | StorageNotice::Unavailable(_))
                ) {
                    self.notice.set(None);
                }
            }
            Err(StoreError::Full) => self.notice.set(Some(StorageNotice::Full)),
            Err(StoreError::Unavailable(reason)) => {
                self.notice.set(Some(StorageNotice::Unavailable(reason)))
            }
        }
    }

    /// Creates a timebank on this device; its founder is its first
    /// coordinator and the person using this device.
    pub fn create(&self, name: &str, unit_label: &str, founder: &str) -> Result<(), LedgerError> {
        // The timebank open until now keeps every change.
        self.save_now();
        let new = NewTimebank {
            name: name.to_string(),
            unit_label: unit_label.to_string(),
            settings: Settings::default(),
        };
        let founder = NewMember {
            name: founder.to_string(),
            ..NewMember::default()
        };
        let (mut timebank, me) = Timebank::create(new, founder, now(), Box::new(BrowserEntropy))?;
        let id = timebank.info().id.clone();
        let mut store = BrowserStore;
        let saved = Saved::create(&mut store, id.clone(), &mut timebank);
        let saved = match saved {
            Ok(saved) => saved,
            Err(error) => {
                self.note_save(Err(error));
                return Err(LedgerError::Damaged(
                    "this device has no room to save a new timebank".to_string(),
                ));
            }
        };
        let _ = storage::set_device_member(&mut store, &id, &me);
        let _ = store.set(ACTIVE, &id);
        self.open.set_value(Some(Open {
            timebank,
            saved,
            me: Some(me),
            dirty: false,
        }));
        self.reset_lock(&id);
        self.keep_view();
        self.revision.update(|r| *r += 1);
        Ok(())
    }

    /// Opens a timebank from a file. The file of a timebank this device
    /// already has is added to it (never replacing anything); another
    /// timebank is kept beside the ones already here and becomes the open one.
    pub fn open_file(&self, bytes: &[u8]) -> Result<Opened, LoadError> {
        let mut timebank = Timebank::load(bytes, Box::new(BrowserEntropy))?;
        self.save_now();
        let id = timebank.info().id.clone();
        let mut store = BrowserStore;
        let here = storage::list(&store).iter().any(|entry| entry.id == id);
        if here && self.current_id().as_deref() != Some(id.as_str()) {
            self.open_saved(&id);
        }
        if self.current_id().as_deref() == Some(id.as_str()) {
            return self.merge_file(bytes).map(Opened::Added);
        }
        // New here, or the copy here is damaged (it is set aside, not lost).
        let me = storage::device_member(&store, &id);
        let saved = match Saved::create(&mut store, id.clone(), &mut timebank) {
            Ok(saved) => {
                let _ = store.set(ACTIVE, &id);
                saved
            }
            Err(error) => {
                // Keep working from memory; the notice offers an export.
                self.note_save(Err(error));
                Saved::unsaved(id.clone())
            }
        };
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
            dirty: false,
        }));
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
        self.save_now();
        self.open.set_value(None);
        self.notice.set(None);
        self.open_saved(id);
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

    /// How many bytes the open timebank takes in this device's storage.
    pub fn storage_used(&self) -> Option<usize> {
        self.revision.track();
        self.open.with_value(|open| {
            open.as_ref()
                .map(|open| storage::usage(&BrowserStore, &open.saved.id))
        })
    }

    /// How many bytes every timebank on this device takes together.
    pub fn storage_used_in_all(&self) -> usize {
        self.revision.track();
        storage::total_usage(&BrowserStore)
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
    }
}
