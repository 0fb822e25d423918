//! The board of offers and requests (and things to lend or give away):
//! search, filter by kind and category, post one; edit, renew or withdraw
//! your own (coordinators any).

use ledger::{Date, ListingId, ListingKind, NewListing};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::form::TextField;
use crate::i18n::{Locale, Text};
use crate::page_heading::PageHeading;
use crate::paging::{PAGE, ShowMore};
use crate::session::{Session, now};

/// How long a new listing shows unless the person chooses otherwise.
const DEFAULT_DAYS: u32 = 90;

const KINDS: [(ListingKind, &str, Text); 4] = [
    (ListingKind::Offer, "offer", Text::KindOffer),
    (ListingKind::Request, "request", Text::KindRequest),
    (ListingKind::Lend, "lend", Text::KindLend),
    (ListingKind::GiveAway, "give_away", Text::KindGiveAway),
];

fn kind_from(value: &str) -> Option<ListingKind> {
    KINDS
        .iter()
        .find(|(_, code, _)| *code == value)
        .map(|(kind, _, _)| *kind)
}

pub(super) fn kind_text(kind: ListingKind) -> Text {
    KINDS
        .iter()
        .find(|(k, _, _)| *k == kind)
        .map_or(Text::KindOffer, |(_, _, text)| *text)
}

/// One listing as shown on the board.
#[derive(Clone)]
struct Shown {
    id: ListingId,
    kind: ListingKind,
    title: String,
    description: String,
    who: String,
    /// The member who posted it, whose page it leads to.
    member: ledger::MemberId,
    category: Option<String>,
    expires_on: Date,
    mine: bool,
}

#[component]
pub fn Offers() -> impl IntoView {
    let locale = Locale::get();
    let t = move |text| locale.t(text);
    let session = Session::get();
    let query = RwSignal::new(String::new());
    let kind = RwSignal::new(String::new());
    let category = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let shown = RwSignal::new(PAGE);
    let total = RwSignal::new(0_usize);

    let categories = move || session.categories();
    let listings = move || {
        let (text, kind, category) = (query.get(), kind_from(&kind.get()), category.get());
        let coordinator = session.is_coordinator();
        session
            .read(|tb, me| {
                let category = (!category.is_empty()).then_some(category.as_str());
                tb.search_listings(now().date(), &text, kind, category)
                    .into_iter()
                    .map(|l| Shown {
                        id: l.id.clone(),
                        kind: l.kind,
                        title: l.title.clone(),
                        description: l.description.clone(),
                        who: tb
                            .member(&l.member)
                            .map(|m| m.name.clone())
                            .unwrap_or_default(),
                        member: l.member.clone(),
                        category: l.category.clone(),
                        expires_on: l.expires_on,
                        mine: me == Some(&l.member) || coordinator,
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };
    // What members' profiles say they offer or need: found by the same
    // search (profiles have no category, so a category leaves them out).
    // Searched once per change, for the list and for "nothing matches".
    let profiles = Memo::new(move |_| {
        let (text, kind, category) = (query.get(), kind_from(&kind.get()), category.get());
        if !category.is_empty() {
            return Vec::new();
        }
        session
            .read(|tb, _| {
                tb.search_profiles(&text, kind)
                    .into_iter()
                    .map(|found| {
                        (
                            found.member.id.to_string(),
                            found.member.name.clone(),
                            found.kind,
                            found.text.to_string(),
                        )
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    let withdraw = move |id: ListingId| match session
        .change(|tb, me, now| tb.withdraw_listing(me, &id, now))
    {
        Ok(()) => error.set(None),
        Err(problem) => error.set(Some(locale.language().error(&problem))),
    };

    view! {
        <Title text=move || t(Text::OffersTitle).to_string() />
        <section class="page" aria-labelledby="offers-heading">
            <PageHeading id="offers-heading">{move || t(Text::OffersTitle)}</PageHeading>
            <div class="filters">
                <div class="field">
                    <label for="listing-search">{move || t(Text::SearchListingsLabel)}</label>
                    <input id="listing-search" type="search" prop:value=move || query.get() on:input=move |e| query.set(event_target_value(&e)) />
                </div>
                <div class="field">
                    <label for="listing-kind">{move || t(Text::KindLabel)}</label>
                    <select id="listing-kind" on:change=move |e| kind.set(event_target_value(&e))>
                        <option value="">{move || t(Text::AllKinds)}</option>
                        {KINDS.iter().map(|(_, code, text)| view! { <option value=*code>{move || t(*text)}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="listing-category">{move || t(Text::CategoryLabel)}</label>
                    <select id="listing-category" on:change=move |e| category.set(event_target_value(&e))>
                        <option value="">{move || t(Text::AllCategories)}</option>
                        {move || categories().into_iter().map(|name| view! { <option value=name.clone()>{name.clone()}</option> }).collect_view()}
                    </select>
                </div>
            </div>
            {move || {
                let list = listings();
                total.set(list.len());
                let list: Vec<_> = list.into_iter().take(shown.get()).collect();
                let language = locale.language();
                if list.is_empty() && profiles.with(Vec::is_empty) {
                    view! { <p>{t(Text::NoListings)}</p> }.into_any()
                } else if list.is_empty() {
                    ().into_any()
                } else {
                    view! {
                        <ul class="listing-list">
                            {list.into_iter().map(|shown| {
                                let id = shown.id.clone();
                                let (page, title) = (format!("/offers/{}", shown.id), shown.title.clone());
                                view! {
                                    <li>
                                        <span class="tag">{t(kind_text(shown.kind))}</span>
                                        <h2 class="listing-title"><A href=page>{title}</A></h2>
                                        <A href=format!("/members/{}", shown.member) attr:class="who">{shown.who.clone()}</A>
                                        {shown.category.clone().map(|c| view! { <span class="tag">{c}</span> })}
                                        {(!shown.description.is_empty()).then(|| view! { <p class="what">{shown.description.clone()}</p> })}
                                        <span class="hint">{language.fill(Text::ShowsUntil, &[("date", &language.date(shown.expires_on))])}</span>
                                        {shown.mine.then(|| {
                                            let hidden = format!(" {}", shown.title);
                                            let hidden_too = hidden.clone();
                                            view! {
                                                <div class="quick-choices">
                                                    <A href=format!("/offers/{}/edit", shown.id) attr:class="button small">
                                                        {t(Text::EditButton)}
                                                        <span class="visually-hidden">{hidden.clone()}</span>
                                                    </A>
                                                    <button type="button" class="button small" on:click=move |_| withdraw(id.clone())>
                                                        {t(Text::WithdrawButton)}
                                                        <span class="visually-hidden">{hidden_too}</span>
                                                    </button>
                                                </div>
                                            }
                                        })}
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }
            }}
            <ShowMore total=total shown=shown />
            {move || {
                let found = profiles.get();
                (!found.is_empty()).then(|| view! {
                    <h2 id="profiles-heading">{t(Text::OnProfilesHeading)}</h2>
                    <ul class="listing-list" aria-labelledby="profiles-heading" data-testid="profile-matches">
                        {found.into_iter().map(|(id, name, kind, text)| view! {
                            <li>
                                <span class="tag">{t(kind_text(kind))}</span>
                                <A href=format!("/members/{id}") attr:class="who">{name}</A>
                                <p class="what">{text}</p>
                            </li>
                        }).collect_view()}
                    </ul>
                })
            }}
            <p class="error" role="alert">{move || error.get()}</p>
            <NotShowing />
            <PostListing />
        </section>
    }
}

/// The person's own listings that expired or were withdrawn, each one tap
/// from showing again.
#[component]
fn NotShowing() -> impl IntoView {
    let locale = Locale::get();
    let t = move |text| locale.t(text);
    let session = Session::get();
    let error = RwSignal::new(None::<String>);
    let mine = move || {
        session
            .read(|tb, me| {
                let today = now().date();
                let mut list: Vec<_> = tb
                    .listings()
                    .filter(|l| Some(&l.member) == me && !l.is_open(today))
                    .cloned()
                    .collect();
                list.sort_by_key(|l| std::cmp::Reverse(l.expires_on));
                list
            })
            .unwrap_or_default()
    };
    let renew = move |id: ListingId| {
        let until = now().plus_days(DEFAULT_DAYS).date();
        match session.change(|tb, me, now| tb.renew_listing(me, &id, until, now)) {
            Ok(()) => error.set(None),
            Err(problem) => error.set(Some(locale.language().error(&problem))),
        }
    };
    view! {
        <Show when=move || !mine().is_empty()>
            <section aria-labelledby="not-showing-heading">
                <h2 id="not-showing-heading">{move || t(Text::NotShowingHeading)}</h2>
                <ul class="listing-list">
                    {move || {
                        let language = locale.language();
                        mine().into_iter().map(|listing| {
                            let id = listing.id.clone();
                            let state = if listing.withdrawn {
                                t(Text::ListingWithdrawn).to_string()
                            } else {
                                language.fill(Text::ListingExpired, &[("date", &language.date(listing.expires_on))])
                            };
                            let title = listing.title.clone();
                            view! {
                                <li>
                                    <span class="tag">{t(kind_text(listing.kind))}</span>
                                    <h3 class="listing-title">{listing.title.clone()}</h3>
                                    <span class="hint">{state}</span>
                                    <div class="quick-choices">
                                        <button type="button" class="button small" on:click=move |_| renew(id.clone())>
                                            {t(Text::RenewNamed)}
                                            <span class="visually-hidden">{format!(" ({title})")}</span>
                                        </button>
                                        <A href=format!("/offers/{}/edit", listing.id) attr:class="button small">
                                            {t(Text::EditButton)}
                                            <span class="visually-hidden">{format!(" {}", listing.title)}</span>
                                        </A>
                                    </div>
                                </li>
                            }
                        }).collect_view()
                    }}
                </ul>
                <p class="error" role="alert">{move || error.get()}</p>
            </section>
        </Show>
    }
}

/// Editing a listing: its words, category and last day (which also puts an
/// expired or withdrawn listing up again).
#[component]
pub fn EditListing() -> impl IntoView {
    let locale = Locale::get();
    let t = move |text| locale.t(text);
    let session = Session::get();
    let navigate = leptos_router::hooks::use_navigate();
    let params = leptos_router::hooks::use_params_map();
    let id = params
        .read_untracked()
        .get("id")
        .and_then(|id| ListingId::parse(&id));
    let found = id
        .clone()
        .and_then(|id| session.read(|tb, _| tb.listing(&id).cloned()).flatten());
    let Some(listing) = found else {
        return view! {
            <Title text=move || t(Text::EditListingTitle).to_string() />
            <section class="page" aria-labelledby="edit-listing-heading">
                <PageHeading id="edit-listing-heading">{move || t(Text::EditListingTitle)}</PageHeading>
                <p>{move || t(Text::ListingNotFound)}</p>
                <p><A href="/offers">{move || t(Text::BackToBoard)}</A></p>
            </section>
        }
        .into_any();
    };
    let title = RwSignal::new(listing.title.clone());
    let description = RwSignal::new(listing.description.clone());
    let category = RwSignal::new(listing.category.clone().unwrap_or_default());
    let last_day = RwSignal::new(listing.expires_on.to_string());
    let title_error = RwSignal::new(None::<String>);
    let day_error = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let categories = move || session.categories();
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let language = locale.language();
        let today = now().date();
        let expires_on = Date::parse(&last_day.get_untracked());
        let day_problem = match expires_on {
            None => Some(ledger::LedgerError::InvalidDate),
            Some(day) if day < today => Some(ledger::LedgerError::ExpiryInPast),
            Some(day) if day > now().plus_days(ledger::MAX_LISTING_DAYS).date() => {
                Some(ledger::LedgerError::ExpiryTooFar)
            }
            Some(_) => None,
        };
        day_error.set(day_problem.map(|p| language.error(&p)));
        let Some(expires_on) = expires_on.filter(|_| day_error.get_untracked().is_none()) else {
            crate::form::focus_first_invalid();
            return;
        };
        let (new_title, new_description) = (title.get_untracked(), description.get_untracked());
        let new_category = Some(category.get_untracked()).filter(|c| !c.is_empty());
        let listing = listing.clone();
        let result = session.change(|tb, me, now| {
            tb.edit_listing(
                me,
                &listing.id,
                &new_title,
                &new_description,
                new_category,
                now,
            )?;
            if expires_on != listing.expires_on || !listing.is_open(now.date()) {
                tb.renew_listing(me, &listing.id, expires_on, now)?;
            }
            Ok(())
        });
        match result {
            Ok(()) => navigate("/offers", Default::default()),
            Err(problem) => {
                let about_title = matches!(
                    problem,
                    ledger::LedgerError::EmptyTitle | ledger::LedgerError::NameTooLong
                );
                if about_title {
                    title_error.set(Some(language.error(&problem)));
                    crate::form::focus_first_invalid();
                } else {
                    error.set(Some(language.error(&problem)));
                }
            }
        }
    };
    view! {
        <Title text=move || t(Text::EditListingTitle).to_string() />
        <section class="page" aria-labelledby="edit-listing-heading">
            <PageHeading id="edit-listing-heading">{move || t(Text::EditListingTitle)}</PageHeading>
            <form class="stack" on:submit=submit novalidate=true>
                <TextField id="edit-listing-title" label=Signal::derive(move || t(Text::TitleLabel)) value=title error=title_error />
                <div class="field">
                    <label for="edit-listing-description">{move || t(Text::ListingDescriptionLabel)}</label>
                    <textarea id="edit-listing-description" rows="3" prop:value=move || description.get() on:input=move |e| description.set(event_target_value(&e))></textarea>
                </div>
                <div class="field">
                    <label for="edit-listing-category">{move || t(Text::CategoryLabel)}</label>
                    <select id="edit-listing-category" on:change=move |e| category.set(event_target_value(&e))>
                        <option value="" selected=move || category.get().is_empty()>{move || t(Text::NoCategory)}</option>
                        {move || categories().into_iter().map(|name| {
                            let chosen = name.clone();
                            view! { <option value=name.clone() selected=move || category.get() == chosen>{name.clone()}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <TextField id="edit-listing-last-day" label=Signal::derive(move || t(Text::LastDayLabel)) value=last_day error=day_error input_type="date" />
                <p class="error" role="alert">{move || error.get()}</p>
                <button type="submit" class="button primary">{move || t(Text::SaveListing)}</button>
            </form>
            <p><A href="/offers">{move || t(Text::BackToBoard)}</A></p>
        </section>
    }
    .into_any()
}

/// The form to post an offer or a request, in the person's own name (a
/// coordinator's device also for a member).
#[component]
fn PostListing() -> impl IntoView {
    let locale = Locale::get();
    let t = move |text| locale.t(text);
    let session = Session::get();
    let kind = RwSignal::new("offer".to_string());
    let title = RwSignal::new(String::new());
    let description = RwSignal::new(String::new());
    let category = RwSignal::new(String::new());
    let last_day = RwSignal::new(now().plus_days(DEFAULT_DAYS).date().to_string());
    let error = RwSignal::new(None::<String>);
    let title_error = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<String>);
    // A coordinator posts for a member (one without a phone, say); empty
    // is the person using the device.
    let for_member = RwSignal::new(String::new());
    let coordinator = move || session.is_coordinator();
    let members = crate::pages::active_member_options(Text::PostForMyself);
    let categories = move || session.categories();
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let language = locale.language();
        let Some(expires_on) = Date::parse(&last_day.get_untracked()) else {
            error.set(Some(language.error(&ledger::LedgerError::InvalidDate)));
            return;
        };
        let new_kind = kind_from(&kind.get_untracked()).unwrap_or(ListingKind::Offer);
        let (new_title, new_description) = (title.get_untracked(), description.get_untracked());
        let new_category = Some(category.get_untracked()).filter(|c| !c.is_empty());
        let chosen = ledger::MemberId::parse(&for_member.get_untracked());
        let result = session.change(|tb, me, now| {
            tb.post_listing(
                me,
                NewListing {
                    kind: new_kind,
                    member: chosen.unwrap_or_else(|| me.clone()),
                    title: new_title,
                    description: new_description,
                    category: new_category,
                    expires_on,
                },
                now,
            )
        });
        match result {
            Ok(_) => {
                error.set(None);
                title_error.set(None);
                done.set(Some(t(Text::Saved).to_string()));
                title.set(String::new());
                description.set(String::new());
            }
            Err(problem) => {
                done.set(None);
                let about_title = matches!(
                    problem,
                    ledger::LedgerError::EmptyTitle | ledger::LedgerError::NameTooLong
                );
                if about_title {
                    error.set(None);
                    title_error.set(Some(language.error(&problem)));
                    crate::form::focus_first_invalid();
                } else {
                    title_error.set(None);
                    error.set(Some(language.error(&problem)));
                }
            }
        }
    };
    view! {
        <h2 id="post-heading">{move || t(Text::PostListingTitle)}</h2>
        <form class="stack" on:submit=submit novalidate=true aria-labelledby="post-heading">
            <Show when=coordinator>
                <div class="field">
                    <label for="listing-for">{move || t(Text::PostForLabel)}</label>
                    <crate::form::LongSelect id="listing-for" value=for_member options=members />
                </div>
            </Show>
            <fieldset class="field">
                <legend>{move || t(Text::KindLabel)}</legend>
                <div class="quick-choices">
                    {KINDS.iter().map(|(_, code, text)| {
                        let id = format!("kind-{code}");
                        let label_for = id.clone();
                        view! {
                            <label class="choice" for=label_for>
                                <input
                                    type="radio"
                                    id=id
                                    name="listing-kind"
                                    value=*code
                                    prop:checked=move || kind.get() == *code
                                    on:change=move |_| kind.set(code.to_string())
                                />
                                {move || t(*text)}
                            </label>
                        }
                    }).collect_view()}
                </div>
            </fieldset>
            <TextField id="listing-title" label=Signal::derive(move || t(Text::TitleLabel)) value=title error=title_error />
            <div class="field">
                <label for="listing-description">{move || t(Text::ListingDescriptionLabel)}</label>
                <textarea id="listing-description" rows="3" prop:value=move || description.get() on:input=move |e| description.set(event_target_value(&e))></textarea>
            </div>
            <div class="field">
                <label for="new-listing-category">{move || t(Text::CategoryLabel)}</label>
                <select id="new-listing-category" on:change=move |e| category.set(event_target_value(&e))>
                    <option value="">{move || t(Text::NoCategory)}</option>
                    {move || categories().into_iter().map(|name| view! { <option value=name.clone()>{name.clone()}</option> }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="last-day">{move || t(Text::LastDayLabel)}</label>
                <input id="last-day" type="date" prop:value=move || last_day.get() on:input=move |e| last_day.set(event_target_value(&e)) />
            </div>
            <p class="error" role="alert">{move || error.get()}</p>
            <p class="success" role="status">{move || done.get()}</p>
            <button type="submit" class="button primary">{move || t(Text::PostButton)}</button>
        </form>
    }
}
