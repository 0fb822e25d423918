//! The start page: the open timebank's home, or the first-run screen.

use leptos::prelude::*;

use super::{Home, Welcome};
use crate::session::Session;

#[component]
pub fn Start() -> impl IntoView {
    let session = Session::get();
    move || {
        if session.is_open() {
            view! { <Home /> }.into_any()
        } else {
            view! { <Welcome /> }.into_any()
        }
    }
}
