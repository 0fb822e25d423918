//! The start page: the open timebank's home (from the view kept from last
//! time while the document opens), or the first-run screen.

use leptos::prelude::*;

use super::{CachedHome, Home, Welcome};
use crate::i18n::{Locale, Text};
use crate::session::Session;

#[component]
pub fn Start() -> impl IntoView {
    let session = Session::get();
    let open = Memo::new(move |_| session.is_open());
    let loading = Memo::new(move |_| session.is_loading());
    move || {
        if loading.get() {
            if session.cached_view().is_some() {
                view! { <CachedHome /> }.into_any()
            } else {
                view! { <Opening /> }.into_any()
            }
        } else if open.get() {
            view! { <Home /> }.into_any()
        } else {
            view! { <Welcome /> }.into_any()
        }
    }
}

/// While a timebank opens and no view of it was kept.
#[component]
pub fn Opening() -> impl IntoView {
    let locale = Locale::get();
    view! { <p class="page" role="status">{move || locale.t(Text::OpeningTimebank)}</p> }
}
