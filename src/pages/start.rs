//! The start page: the open timebank's home (from the view kept from last
//! time while the document opens), or the first-run screen.

use leptos::prelude::*;

use super::{CachedHome, Home, Welcome};
use crate::session::Session;

#[component]
pub fn Start() -> impl IntoView {
    let session = Session::get();
    let open = Memo::new(move |_| session.is_open());
    let loading = Memo::new(move |_| session.is_loading());
    move || {
        if loading.get() {
            view! { <CachedHome /> }.into_any()
        } else if open.get() {
            view! { <Home /> }.into_any()
        } else {
            view! { <Welcome /> }.into_any()
        }
    }
}
