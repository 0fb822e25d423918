//! The app shell: header, navigation, the main area and the routes.

use leptos::prelude::*;
use leptos_meta::{Title, provide_meta_context};
use leptos_router::components::{A, Route, Router, Routes};
use leptos_router::path;

use crate::files::offer_download;
use crate::i18n::{Language, Locale, Text};
use crate::offline::Updates;
use crate::page_heading::HeadingFocus;
use crate::pages::{
    About, Attention, Backup, CachedMembers, CreateTimebank, EditListing, EventPage, Events,
    ExchangePage, Exchanges, Fund, JoinPage, ListingPage, MemberEdit, MemberPage, Members,
    MembersList, More, NotFound, Offers, OpenFromFile, Printables, Record, Reports, SettingsPage,
    Spreadsheets, Start, SyncPage, TradingDay, Welcome, WhoAreYou, status_kind, status_text,
};
use crate::session::{Session, StorageNotice, UnlockError};
use crate::storage;
use crate::sync::Sync;

/// The whole app: every page sits inside this shell.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    HeadingFocus::provide();
    let locale = Locale::provide();
    let session = Session::provide();
    Sync::provide(session);
    Updates::provide(session);
    // A device whose user chose no language shows the timebank in the
    // language its coordinators set for new devices.
    Effect::new(move |_| {
        let wanted = session.read(|tb, _| tb.info().language.clone()).flatten();
        locale.follow(wanted.as_deref());
    });
    // Amounts everywhere in the timebank's unit ("hours", "time credits").
    Effect::new(move |_| {
        let unit = session.read(|tb, _| tb.info().unit()).unwrap_or_default();
        locale.follow_unit(unit);
    });
    // A device that keeps a timebank asks the browser to keep its storage;
    // settings show the answer.
    if session.is_open() {
        leptos::task::spawn_local(async {
            storage::ask_to_persist().await;
        });
    }
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
                <SyncIndicator />
                <Navigation />
            </header>
            <main id="main" class="shell-main" tabindex="-1">
                <UpdateBanner />
                <StorageNotices />
                <CoordinatorLock />
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=Start />
                    <Route path=path!("/members") view=MembersOrCached />
                    <Route path=path!("/members/list") view=|| view! { <WithTimebank><MembersList /></WithTimebank> } />
                    <Route path=path!("/spreadsheets") view=|| view! { <WithTimebank><Spreadsheets /></WithTimebank> } />
                    <Route path=path!("/members/:id/edit") view=|| view! { <WithTimebank><MemberEdit /></WithTimebank> } />
                    <Route path=path!("/members/:id") view=|| view! { <WithTimebank><MemberPage /></WithTimebank> } />
                    <Route path=path!("/events/:id") view=|| view! { <WithTimebank><EventPage /></WithTimebank> } />
                    <Route path=path!("/events") view=|| view! { <WithTimebank><Events /></WithTimebank> } />
                    <Route path=path!("/offers/:id/edit") view=|| view! { <WithTimebank><EditListing /></WithTimebank> } />
                    <Route path=path!("/offers/:id") view=|| view! { <WithTimebank><ListingPage /></WithTimebank> } />
                    <Route path=path!("/offers") view=|| view! { <WithTimebank><Offers /></WithTimebank> } />
                    <Route path=path!("/record") view=|| view! { <WithTimebank><Record /></WithTimebank> } />
                    <Route path=path!("/backup") view=|| view! { <WithTimebank><Backup /></WithTimebank> } />
                    <Route path=path!("/coordinator") view=|| view! { <WithTimebank><Attention /></WithTimebank> } />
                    <Route path=path!("/print") view=|| view! { <WithTimebank><Printables /></WithTimebank> } />
                    <Route path=path!("/fund") view=|| view! { <WithTimebank><Fund /></WithTimebank> } />
                    <Route path=path!("/exchanges") view=|| view! { <WithTimebank><Exchanges /></WithTimebank> } />
                    <Route path=path!("/exchanges/:id") view=ExchangePage />
                    <Route path=path!("/settings") view=|| view! { <WithTimebank><SettingsPage /></WithTimebank> } />
                    <Route path=path!("/trading-day") view=|| view! { <WithTimebank><TradingDay /></WithTimebank> } />
                    <Route path=path!("/reports") view=|| view! { <WithTimebank><Reports /></WithTimebank> } />
                    <Route path=path!("/who") view=|| view! { <WithTimebank><WhoAreYou /></WithTimebank> } />
                    <Route path=path!("/devices") view=|| view! { <WithTimebank><SyncPage /></WithTimebank> } />
                    <Route path=path!("/join") view=JoinPage />
                    <Route path=path!("/create") view=CreateTimebank />
                    <Route path=path!("/open") view=OpenFromFile />
                    <Route path=path!("/about") view=About />
                    <Route path=path!("/more") view=More />
                </Routes>
            </main>
            <footer class="shell-footer">
                <LanguagePicker />
                <TextSizePicker />
            </footer>
        </Router>
    }
}

/// A new version is ready (the person chooses when), or the app could not
/// get ready to open offline.
#[component]
fn UpdateBanner() -> impl IntoView {
    let locale = Locale::get();
    let t = move |text| locale.t(text);
    let updates = Updates::get();
    let session = Session::get();
    view! {
        <Show when=move || updates.is_ready()>
            <div class="notice update-banner" role="status">
                <p>{move || t(Text::UpdateReady)}</p>
                <button type="button" class="button primary" on:click=move |_| updates.update_now(session)>
                    {move || t(Text::UpdateNow)}
                </button>
            </div>
        </Show>
        {move || updates.problem().map(|reason| view! {
            <p class="notice" role="alert">
                {locale.language().fill(Text::OfflineSetupFailed, &[("reason", &reason)])}
            </p>
        })}
    }
}

/// The sync status, always in the header while a timebank is open; a link
/// to the sync page.
#[component]
fn SyncIndicator() -> impl IntoView {
    let locale = Locale::get();
    let session = Session::get();
    let sync = Sync::get();
    view! {
        <Show when=move || session.is_open()>
            <A href="/devices" attr:class="sync-status" attr:data-state=move || status_kind(&sync.status())>
                <span class="sync-dot" aria-hidden="true"></span>
                <span class="sync-text">{move || status_text(locale.language(), &sync.status())}</span>
            </A>
        </Show>
    }
}

/// The main navigation. `A` marks the current page with `aria-current="page"`.
#[component]
fn Navigation() -> impl IntoView {
    let locale = Locale::get();
    let t = move |text| locale.t(text);
    let session = Session::get();
    view! {
        <nav aria-label=move || t(Text::MainNavigation) class="shell-nav">
            <ul>
                <Show
                    when=move || session.is_open()
                    fallback=move || view! { <li><A href="/" exact=true>{move || t(Text::NavStart)}</A></li> }
                >
                    <li><A href="/" exact=true>{move || t(Text::NavHome)}</A></li>
                    <li><A href="/offers">{move || t(Text::NavOffers)}</A></li>
                    <li><A href="/record">{move || t(Text::NavRecord)}</A></li>
                    <li><A href="/members">{move || t(Text::NavMembers)}</A></li>
                    <li><A href="/events">{move || t(Text::NavEvents)}</A></li>
                </Show>
                <Show
                    when=move || session.is_open()
                    fallback=move || view! { <li><A href="/about">{move || t(Text::NavAbout)}</A></li> }
                >
                    <li><A href="/more">{move || t(Text::NavMore)}</A></li>
                </Show>
            </ul>
        </nav>
    }
}

/// The members directory; while the document opens, the kept one.
#[component]
fn MembersOrCached() -> impl IntoView {
    let session = Session::get();
    let loading = Memo::new(move |_| session.is_loading());
    move || {
        if loading.get() && session.cached_view().is_some() {
            view! { <CachedMembers /> }.into_any()
        } else {
            view! { <WithTimebank><Members /></WithTimebank> }.into_any()
        }
    }
}

/// Shows its page only when a timebank is open on this device; otherwise the
/// first-run screen (a page address may be opened before any timebank exists,
/// or after the saved one could not be opened).
#[component]
fn WithTimebank(children: ChildrenFn) -> impl IntoView {
    let session = Session::get();
    // A memo, so the page is built again only when a timebank opens or
    // closes, not after every change (which would reset its form).
    let open = Memo::new(move |_| session.is_open());
    let loading = Memo::new(move |_| session.is_loading());
    move || {
        if loading.get() {
            view! { <crate::pages::Opening /> }.into_any()
        } else if open.get() {
            children().into_any()
        } else {
            view! { <Welcome /> }.into_any()
        }
    }
}

/// Tells the person, in plain words, when this device could not save or open
/// a timebank.
#[component]
fn StorageNotices() -> impl IntoView {
    let locale = Locale::get();
    let session = Session::get();
    move || {
        session.notice().map(|notice| {
            let text = match notice.clone() {
                StorageNotice::Full => locale.t(Text::StorageFull).to_string(),
                StorageNotice::Unavailable(reason) => {
                    format!("{} ({reason})", locale.t(Text::StorageUnavailable))
                }
                StorageNotice::Damaged { reason, .. } => {
                    format!("{} ({reason})", locale.t(Text::StorageDamaged))
                }
            };
            // Changes only in memory: a backup file keeps them meanwhile.
            let is_full = matches!(notice, StorageNotice::Full | StorageNotice::Unavailable(_));
            let damaged_id = match &notice {
                StorageNotice::Damaged { id, .. } => Some(id.clone()),
                _ => None,
            };
            view! {
                <div class="notice warning" role="alert">
                    <p>{text}</p>
                    {is_full.then(|| view! {
                        <A href="/backup">{move || locale.t(Text::ExportButton)}</A>
                    })}
                    {damaged_id.map(|id| {
                        let download = move |_| {
                            let id = id.clone();
                            leptos::task::spawn_local(async move {
                                let documents = session.documents().await;
                                if let Ok(bytes) = storage::documents::raw_bytes(documents.as_ref(), &id).await {
                                    let _ = offer_download(&bytes, "tally-damaged-copy.automerge", "application/octet-stream");
                                }
                            });
                        };
                        view! {
                            <button type="button" class="button" on:click=download>
                                {move || locale.t(Text::DownloadDamaged)}
                            </button>
                        }
                    })}
                </div>
            }
        })
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

/// Text sizes offered, as a share of the browser's own size.
pub(crate) const TEXT_SIZES: [(&str, Text); 3] = [
    ("100%", Text::SizeNormal),
    ("125%", Text::SizeLarge),
    ("150%", Text::SizeLargest),
];
/// Where the chosen text size is kept (raw, read by `index.html` too).
pub(crate) const TEXT_SIZE_KEY: &str = "tally.text-size";

/// Applies a text size to the whole page (everything is sized in rem).
fn apply_text_size(size: &str) {
    // Through the style object, not the `style` attribute: the page's
    // Content-Security-Policy allows no inline style attributes.
    if let Some(root) = document()
        .document_element()
        .and_then(|root| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(root).ok())
    {
        let _ = root.style().set_property("font-size", size);
    }
}

/// Makes all text larger, on top of the browser's own setting; remembered
/// on this device.
#[component]
fn TextSizePicker() -> impl IntoView {
    let locale = Locale::get();
    let stored = window()
        .local_storage()
        .ok()
        .flatten()
        .and_then(|storage| storage.get_item(TEXT_SIZE_KEY).ok().flatten())
        .filter(|size| TEXT_SIZES.iter().any(|(s, _)| s == size))
        .unwrap_or_else(|| "100%".to_string());
    apply_text_size(&stored);
    let size = RwSignal::new(stored);
    let on_change = move |event: leptos::ev::Event| {
        let chosen = event_target_value(&event);
        if TEXT_SIZES.iter().any(|(s, _)| *s == chosen) {
            apply_text_size(&chosen);
            if let Some(storage) = window().local_storage().ok().flatten() {
                let _ = storage.set_item(TEXT_SIZE_KEY, &chosen);
            }
            size.set(chosen);
        }
    };
    view! {
        <label for="text-size-picker">{move || locale.t(Text::SizeOfTextLabel)}</label>
        <select id="text-size-picker" on:change=on_change>
            {TEXT_SIZES
                .into_iter()
                .map(|(value, text)| view! {
                    <option value=value selected=move || size.get() == value>{move || locale.t(text)}</option>
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

/// On a shared tablet: unlock coordinator mode with the PIN, or lock it.
#[component]
fn CoordinatorLock() -> impl IntoView {
    let locale = Locale::get();
    let t = move |text| locale.t(text);
    let session = Session::get();
    let pin = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let unlock = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let language = locale.language();
        match session.unlock(&pin.get_untracked()) {
            Ok(()) => error.set(None),
            Err(UnlockError::Wrong) => error.set(Some(language.text(Text::WrongPin).to_string())),
            Err(UnlockError::Wait(seconds)) => error.set(Some(language.count(
                seconds as usize,
                Text::PinWaitOne,
                Text::PinWait,
            ))),
        }
        pin.set(String::new());
    };
    view! {
        {move || {
            let lock = session.lock_state();
            if !lock.has_pin || !session.is_open() {
                return None;
            }
            Some(if lock.locked {
                view! {
                    <form class="notice lock-bar no-print" on:submit=unlock novalidate=true>
                        <p>{t(Text::LockedNotice)}</p>
                        <div class="field">
                            <label for="device-pin">{t(Text::PinLabel)}</label>
                            <div class="choice-row">
                                <input
                                    id="device-pin"
                                    type="password"
                                    inputmode="numeric"
                                    autocomplete="off"
                                    prop:value=move || pin.get()
                                    on:input=move |e| pin.set(event_target_value(&e))
                                    aria-invalid=move || error.get().is_some().then_some("true")
                                    aria-describedby="device-pin-error"
                                />
                                <button type="submit" class="button primary">{t(Text::UnlockButton)}</button>
                            </div>
                            <p class="error" id="device-pin-error" role="alert">{move || error.get()}</p>
                        </div>
                    </form>
                }
                .into_any()
            } else {
                view! {
                    <div class="notice lock-bar no-print">
                        <p>{t(Text::UnlockedNotice)}</p>
                        <button type="button" class="button" on:click=move |_| session.lock()>{t(Text::LockNow)}</button>
                    </div>
                }
                .into_any()
            })
        }}
    }
}
