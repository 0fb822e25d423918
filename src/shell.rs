//! The app shell: header, navigation, the main area and the routes.

use leptos::prelude::*;
use leptos_meta::{Title, provide_meta_context};
use leptos_router::components::{A, Route, Router, Routes};
use leptos_router::path;

use crate::page_heading::HeadingFocus;
use crate::pages::{About, CreateTimebank, NotFound, OpenFromFile, Welcome};

/// The whole app: every page sits inside this shell.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    HeadingFocus::provide();
    view! {
        <Title formatter=|page: String| {
            if page.is_empty() { "Tally".to_string() } else { format!("{page} · Tally") }
        } />
        <Router>
            <a class="skip-link" href="#main" on:click=skip_to_main>"Skip to content"</a>
            <header class="shell-header">
                <a href="/" class="brand">
                    <img src="/icons/tally.svg" alt="" width="32" height="32" />
                    <span>"Tally"</span>
                </a>
                <Navigation />
            </header>
            <main id="main" class="shell-main" tabindex="-1">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=Welcome />
                    <Route path=path!("/create") view=CreateTimebank />
                    <Route path=path!("/open") view=OpenFromFile />
                    <Route path=path!("/about") view=About />
                </Routes>
            </main>
        </Router>
    }
}

/// The main navigation. `A` marks the current page with `aria-current="page"`.
#[component]
fn Navigation() -> impl IntoView {
    view! {
        <nav aria-label="Main" class="shell-nav">
            <ul>
                <li><A href="/" exact=true>"Start"</A></li>
                <li><A href="/about">"About"</A></li>
            </ul>
        </nav>
    }
}

/// Moves focus into the main area itself, so the next Tab reaches the page's
/// first control (the router would otherwise treat `#main` as a navigation).
fn skip_to_main(event: leptos::ev::MouseEvent) {
    event.prevent_default();
    let main = document()
        .get_element_by_id("main")
        .and_then(|element| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(element).ok());
    if let Some(main) = main {
        let _ = main.focus();
    }
}
