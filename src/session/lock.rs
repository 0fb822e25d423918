//! Coordinator mode on this device: its PIN, unlocking, and locking again
//! after a while without changes.

use ledger::{Entropy, LedgerError};
use leptos::leptos_dom::helpers::set_interval_with_handle;
use leptos::prelude::*;

use super::{BrowserEntropy, Session};
use crate::storage::{self, BrowserStore, StoreError};

/// The state of coordinator mode on this device.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Lock {
    /// A PIN is set for the open timebank.
    pub has_pin: bool,
    pub locked: bool,
    /// Wrong PINs in a row, and until when the tablet waits (ms since epoch).
    pub(super) failures: u32,
    pub(super) wait_until: f64,
    pub(super) last_used: f64,
}

/// Why a PIN was not accepted.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum UnlockError {
    Wrong,
    /// Too many wrong PINs: wait this many seconds.
    Wait(u32),
}

impl Session {
    pub fn lock_state(&self) -> Lock {
        self.lock.get()
    }

    /// Coordinator mode as stored for timebank `id`: locked when it has a PIN.
    pub(super) fn reset_lock(&self, id: &str) {
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
    pub(super) fn lock_when_idle(&self) {
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
}
