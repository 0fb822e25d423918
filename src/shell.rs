//! The app shell: header, navigation, the main area and the routes.

use leptos::prelude::*;
use leptos_meta::{Title, provide_meta_context};
use leptos_router::components::{A, Route, Router, Routes};
use leptos_router::path;

use crate::i18n::{Language, Locale, Text};
use crate::page_heading::HeadingFocus;
use crate::pages::{About, CreateTimebank, NotFound, OpenFromFile, Welcome};

/// The whole app: every page sits inside this shell.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    HeadingFocus::provide();
    let locale = Locale::provide();
    let t = move |text| locale.t(text);
    view! {
        <Title formatter=|page: String| {
            if page.is_empty() { "Tally".to_string() } else { format!("{page} · Tally") }
        } />
        <Router>
            <a class="skip-link" href="#main" on:click=skip_to_main>
                {move || t(Text::SkipToContent)}
            </a>
            <header class="shell-header">
                <a href="/" class="brand">
                    <img src="/icons/tally.svg" alt="" width="32" height="32" />
                    <span>{move || t(Text::AppName)}</span>
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
            <footer class="shell-footer">
                <LanguagePicker />
            </footer>
        </Router>
    }
}

/// The main navigation. `A` marks the current page with `aria-current="page"`.
#[component]
fn Navigation() -> impl IntoView {
    let locale = Locale::get();
    let t = move |text| locale.t(text);
    view! {
        <nav aria-label=move || t(Text::MainNavigation) class="shell-nav">
            <ul>
                <li><A href="/" exact=true>{move || t(Text::NavStart)}</A></li>
                <li><A href="/about">{move || t(Text::NavAbout)}</A></li>
            </ul>
        </nav>
    }
}

/// Chooses the app's language; the choice is remembered on this device.
#[component]
fn LanguagePicker() -> impl IntoView {
    let locale = Locale::get();
    let on_change = move |event: leptos::ev::Event| {
        if let Some(language) = Language::from_code(&event_target_value(&event)) {
            locale.choose(language);
        }
    };
    view! {
        <label for="language-picker">{move || locale.t(Text::LanguageLabel)}</label>
        <select id="language-picker" on:change=on_change>
            {Language::ALL
                .into_iter()
                .map(|language| {
                    view! {
                        <option
                            value=language.code()
                            lang=language.code()
                            selected=move || locale.language() == language
                        >
                            {language.name()}
                        </option>
                    }
                })
                .collect_view()}
        </select>
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
