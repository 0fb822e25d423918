//! The service worker (written at build time into `dist/sw.js` from
//! `service-worker.js`): registered here, and new versions offered to the
//! person, never forced on them.
//!
//! A new build's worker installs in the background and waits. The app then
//! shows "A new version of Tally is ready" with a button; only a tap makes
//! the new worker take over, and the page reloads after saving, so nobody
//! loses what they were typing. A failed registration is shown, not hidden.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

use crate::session::Session;

#[derive(Clone, Copy)]
pub struct Updates {
    ready: RwSignal<bool>,
    problem: RwSignal<Option<String>>,
    waiting: StoredValue<Option<web_sys::ServiceWorker>, LocalStorage>,
    tapped: StoredValue<bool>,
}

impl Updates {
    pub fn provide(session: Session) -> Updates {
        let updates = Updates {
            ready: RwSignal::new(false),
            problem: RwSignal::new(None),
            waiting: StoredValue::new_local(None),
            tapped: StoredValue::new(false),
        };
        provide_context(updates);
        let navigator = window().navigator();
        // Not on an insecure origin (http other than localhost): nothing to do.
        if !js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false) {
            return updates;
        }
        let container = navigator.service_worker();
        let on_controller_change = Closure::<dyn Fn()>::new(move || {
            if updates.tapped.get_value() {
                leptos::task::spawn_local(async move {
                    session.flush().await;
                    let _ = window().location().reload();
                });
            }
        });
        container.set_oncontrollerchange(Some(on_controller_change.as_ref().unchecked_ref()));
        on_controller_change.forget();
        let promise = container.register("/sw.js");
        leptos::task::spawn_local(async move {
            match wasm_bindgen_futures::JsFuture::from(promise).await {
                Ok(registration) => updates.watch(registration.unchecked_into()),
                Err(error) => {
                    let reason = error
                        .dyn_ref::<js_sys::Error>()
                        .map(|error| String::from(error.message()))
                        .or_else(|| error.as_string())
                        .unwrap_or_else(|| "unknown error".to_string());
                    updates.problem.set(Some(reason));
                }
            }
        });
        updates
    }

    pub fn get() -> Updates {
        expect_context::<Updates>()
    }

    pub fn is_ready(&self) -> bool {
        self.ready.get()
    }

    pub fn problem(&self) -> Option<String> {
        self.problem.get()
    }

    /// Offers a waiting worker, now or once one finishes installing. The
    /// first worker (no page controlled yet) is not an update.
    fn watch(&self, registration: web_sys::ServiceWorkerRegistration) {
        let updates = *self;
        let has_controller = || window().navigator().service_worker().controller().is_some();
        if let Some(waiting) = registration.waiting()
            && has_controller()
        {
            updates.offer(waiting);
        }
        // A worker may already be installing when the app starts (the
        // browser looked for one on this navigation): follow it too, or its
        // `updatefound` has passed and it would never be offered.
        if let Some(installing) = registration.installing() {
            updates.follow(installing);
        }
        let on_update_found = {
            let registration = registration.clone();
            Closure::<dyn Fn()>::new(move || {
                if let Some(installing) = registration.installing() {
                    updates.follow(installing);
                }
            })
        };
        registration.set_onupdatefound(Some(on_update_found.as_ref().unchecked_ref()));
        on_update_found.forget();
        // Look for a new version whenever the app comes back to the front.
        let on_visible = Closure::<dyn Fn()>::new(move || {
            if document().visibility_state() == web_sys::VisibilityState::Visible {
                let _ = registration.update();
            }
        });
        let _ = document().add_event_listener_with_callback(
            "visibilitychange",
            on_visible.as_ref().unchecked_ref(),
        );
        on_visible.forget();
    }

    /// Offers an installing worker once it has installed, if a page is
    /// already controlled (else it is the first worker, not an update).
    fn follow(&self, installing: web_sys::ServiceWorker) {
        let updates = *self;
        let worker = installing.clone();
        let on_state = Closure::<dyn Fn()>::new(move || {
            if worker.state() == web_sys::ServiceWorkerState::Installed
                && window().navigator().service_worker().controller().is_some()
            {
                updates.offer(worker.clone());
            }
        });
        installing.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
        on_state.forget();
    }

    fn offer(&self, worker: web_sys::ServiceWorker) {
        self.waiting.set_value(Some(worker));
        self.ready.set(true);
    }

    /// The person tapped "Update now": save, then let the new worker take
    /// over (the page reloads when it has).
    pub fn update_now(&self, session: Session) {
        let updates = *self;
        leptos::task::spawn_local(async move {
            // Kept by the store before anything reloads.
            session.flush().await;
            updates.tapped.set_value(true);
            updates.waiting.with_value(|waiting| {
                if let Some(worker) = waiting {
                    let message = js_sys::Object::new();
                    let _ = js_sys::Reflect::set(&message, &"type".into(), &"take-over".into());
                    let _ = worker.post_message(&message);
                }
            });
        });
    }
}
