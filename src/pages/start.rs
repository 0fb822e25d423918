//! The start page: the open timebank's home, or the first-run screen.

use leptos::prelude::*;

use super::{Home, Welcome};
use crate::session::Session;

#[component]
pub fn Start() -> impl IntoView {
    let session = Session::get();
    let open = Memo::new(move |_| session.is_open());
    move || {
        if open.get() {
            view! { <Home /> }.into_any()
        } else {
            view! { <Welcome /> }.into_any()
        }
    }
}
