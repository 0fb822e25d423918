//! Tally, the web app: a Leptos single-page app for a community timebank.
//!
//! This crate only shows things and takes input. Every timebank rule lives in
//! the `ledger` crate; pages call it and never re-implement it. The app is built
//! for `wasm32-unknown-unknown` by Trunk (see `index.html` and `Trunk.toml`).
//!
//! Start at [`App`], which lays out the shell (header, navigation, main area)
//! and the routes. Each page lives in `pages/` with the components only it uses.

// Input from people, the network and storage is never unwrapped.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

mod cached_view;
pub mod device_key;
mod device_lock;
mod devices;
mod files;
mod first_paint;
#[cfg(test)]
mod first_visit;
mod form;
mod i18n;
mod offline;
mod page_heading;
mod pages;
mod paging;
mod relay_api;
mod session;
mod shell;
mod storage;
mod sync;
mod words;

pub use shell::App;

/// Mounts [`App`] into `<body>`, with panics reported to the browser console.
pub fn mount() {
    console_error_panic_hook::set_once();
    // The browser compiles each of the module's functions when it is first
    // called, on the page's main thread: the app mounts in a task of its
    // own, after the one that instantiated the module, so that neither holds
    // the page for long.
    leptos::leptos_dom::helpers::set_timeout(
        || {
            // The page painted before the code loaded gives way to the app,
            // which paints the same page in the same task.
            first_paint::remove();
            leptos::mount::mount_to_body(App);
        },
        std::time::Duration::ZERO,
    );
}
