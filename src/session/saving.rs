//! Saving: soon after each change, at once when the page is hidden, and
//! what the person is told when a save fails.

use leptos::leptos_dom::helpers::set_timeout_with_handle;
use leptos::prelude::*;

use super::{SAVE_DELAY, Session, StorageNotice, now};
use crate::storage::documents::{self, Holder};
use crate::storage::{self, BrowserStore, StoreError};

impl Session {
    /// Saves a moment after this change, or with the save already due.
    pub(super) fn schedule_save(&self) {
        if self
            .pending_save
            .try_with_value(Option::is_some)
            .unwrap_or(true)
        {
            return;
        }
        let session = *self;
        let handle = set_timeout_with_handle(move || session.save_now(), SAVE_DELAY).ok();
        self.pending_save.set_value(handle);
    }

    /// Saves what changed, now: the write is handed to the store before
    /// this returns (so a page being closed still keeps it). A failed save
    /// keeps the changes in memory (they are saved with the next one) and
    /// raises a notice.
    pub fn save_now(&self) {
        if let Some(save) = self.start_save() {
            leptos::task::spawn_local(save);
        }
    }

    /// Saves what changed and waits until the store has kept it.
    pub async fn flush(&self) {
        if let Some(save) = self.start_save() {
            save.await;
        }
    }

    pub(super) fn start_save(
        &self,
    ) -> Option<std::pin::Pin<Box<dyn std::future::Future<Output = ()>>>> {
        if let Some(handle) = self.pending_save.try_update_value(Option::take).flatten() {
            handle.clear();
        }
        let session = *self;
        let (id, needs_aside) = self.open.try_update_value(|open| {
            let open = open.as_mut().filter(|open| open.dirty)?;
            open.dirty = false;
            Some((open.saved.id.clone(), open.saved.needs_aside))
        })??;
        let Some(documents) = self.documents.get_value() else {
            // The store is still opening: save once it is there.
            self.mark_dirty(&id);
            return Some(Box::pin(async move {
                session.documents().await;
                session.flush().await;
            }));
        };
        if needs_aside {
            // A damaged copy of this timebank is set aside before anything
            // of the good one is written.
            self.mark_dirty(&id);
            return Some(Box::pin(async move {
                match documents::set_aside(documents.as_ref(), &id).await {
                    Ok(()) => {
                        session.with(&id, |_, saved| saved.needs_aside = false);
                        session.flush().await;
                    }
                    Err(error) => session.note_save(Err(error)),
                }
            }));
        }
        let write = documents::save(documents.as_ref(), self, &id, now())?;
        Some(Box::pin(async move {
            match write.await {
                Ok(()) => {
                    session.saved(&id);
                    let wants = session
                        .with(&id, |_, saved| saved.wants_compaction())
                        .unwrap_or(false);
                    if wants {
                        let compacted =
                            documents::compact(documents.as_ref(), &session, &id, now()).await;
                        if compacted == Ok(true) {
                            session.revision.update(|r| *r += 1);
                        }
                        session.tell_other_tabs(&id);
                    }
                }
                Err(error) => {
                    session.mark_dirty(&id);
                    session.note_save(Err(error));
                }
            }
        }))
    }

    /// Timebank `id` still has changes to save.
    pub(super) fn mark_dirty(&self, id: &str) {
        self.open.update_value(|open| {
            if let Some(open) = open.as_mut().filter(|open| open.saved.id == id) {
                open.dirty = true;
            }
        });
    }

    /// A save of timebank `id` was kept: it is on this device's list, the
    /// notice goes, and other tabs hear of it.
    pub(super) fn saved(&self, id: &str) {
        let name = self.with(id, |timebank, _| timebank.info().name.clone());
        if let Some(name) = name {
            let _ = storage::remember(&mut BrowserStore, id, &name);
        }
        let still_dirty = self.open.with_value(|open| {
            open.as_ref()
                .is_some_and(|open| open.saved.id == id && open.dirty)
        });
        self.note_save(Ok(still_dirty));
        self.tell_other_tabs(id);
    }

    /// Saves at once when the page is hidden (another app, the screen off)
    /// or left (a reload, a closed tab).
    pub(super) fn save_when_hidden(&self) {
        let session = *self;
        let on_hidden = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
            if document().visibility_state() == web_sys::VisibilityState::Hidden {
                session.save_now();
                session.keep_view();
            }
        });
        let on_leave = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
            session.save_now();
            session.keep_view();
        });
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
    pub(super) fn note_save(&self, saved: Result<bool, StoreError>) {
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
}
