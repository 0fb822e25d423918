//! Sealing: what this device wrote, signed with its device key once the
//! key is known.

use leptos::prelude::*;

use super::{Session, now};
use crate::storage::documents::Holder;
use crate::storage::{self, BrowserStore};

impl Session {
    /// Gives the open timebank this device's signing key and the changes its
    /// earlier sessions wrote unsealed records in (so those are sealed now),
    /// and seals what waits.
    /// Without a key (a browser with no Ed25519) records stay unsealed, as
    /// before signing existed.
    pub(super) fn take_device_key(&self) {
        let session = *self;
        let adopt = move |signer: crate::device_key::DeviceSigner| {
            let Some(id) = session.current_id() else {
                return;
            };
            let read = storage::device_actors(&BrowserStore, &id);
            let numbered = storage::last_number(&BrowserStore, &id);
            session.open.update_value(|open| {
                if let Some(open) = open.as_mut().filter(|open| open.saved.id == id) {
                    open.timebank.use_device_key(signer.key());
                    open.timebank.numbered_to(numbered);
                    open.timebank.remember_changes(&read);
                    open.actors_read = read.clone();
                }
            });
            session.keep_actors(&id);
            session.seal();
            crate::devices::found_if_due(session);
            crate::devices::checkpoint_if_due(session);
        };
        match crate::device_key::cached() {
            Some(signer) => adopt(signer),
            None => leptos::task::spawn_local(async move {
                if let Ok(signer) = crate::device_key::device_key().await {
                    adopt(signer);
                }
            }),
        }
    }

    /// Keeps the changes of timebank `id` that wrote what still owes a seal
    /// (under the key once used for actors).
    pub(super) fn keep_actors(&self, id: &str) {
        let kept = self.with(id, |timebank, _| timebank.changes_to_remember());
        let read = self
            .open
            .with_value(|open| open.as_ref().map(|open| open.actors_read.clone()))
            .unwrap_or_default();
        if let Some(kept) = kept {
            // A full store only delays this: the changes are kept again
            // after the next seal, and the save's notice tells the person.
            if storage::keep_actors(&mut BrowserStore, id, &read, &kept).is_ok() {
                // What this session kept is its own to replace next time
                // (not another tab's).
                self.open.update_value(|open| {
                    if let Some(open) = open.as_mut().filter(|open| open.saved.id == id) {
                        for change in kept {
                            if !open.actors_read.contains(&change) {
                                open.actors_read.push(change);
                            }
                        }
                    }
                });
            }
        }
    }

    /// Seals what this device wrote in the open timebank and has not sealed
    /// yet: the browser signs each record, then the seals are written in one
    /// change and saved. One run at a time; a change made meanwhile is
    /// sealed by another run straight after.
    pub(super) fn seal(&self) {
        let busy = self
            .sealing
            .try_update_value(|state| {
                let busy = state.0;
                if busy {
                    state.1 = true;
                } else {
                    *state = (true, false);
                }
                busy
            })
            .unwrap_or(true);
        if busy {
            return;
        }
        let session = *self;
        leptos::task::spawn_local(async move {
            loop {
                session.seal_once().await;
                let again = session
                    .sealing
                    .try_update_value(|state| {
                        let again = state.1;
                        *state = (again, false);
                        again
                    })
                    .unwrap_or(false);
                if !again {
                    break;
                }
            }
            crate::devices::checkpoint_if_due(session);
        });
    }

    async fn seal_once(&self) {
        let Ok(signer) = crate::device_key::device_key().await else {
            return;
        };
        let Some((id, to_sign)) = self.open.with_value(|open| {
            open.as_ref()
                .map(|open| (open.saved.id.clone(), open.timebank.to_sign()))
        }) else {
            return;
        };
        if to_sign.is_empty() {
            return;
        }
        let mut signed = Vec::with_capacity(to_sign.len());
        for item in to_sign {
            match signer.sign(&item.bytes).await {
                Ok(signature) => signed.push((item, signature)),
                // Left unsealed: listed again after the next change or opening.
                Err(_) => return,
            }
        }
        let last = signed.iter().map(|(item, _)| item.seq).max().unwrap_or(0);
        let sealed = self.with(&id, |timebank, _| timebank.add_signatures(&signed, now()));
        if let Some(Ok(count)) = sealed
            && count > 0
        {
            self.mark_dirty(&id);
            self.keep_actors(&id);
            let _ = storage::keep_last_number(&mut BrowserStore, &id, last);
            self.schedule_save();
            self.revision.update(|r| *r += 1);
        }
    }
}
