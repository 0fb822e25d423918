//! Recording an exchange in three steps with large targets: who gave the
//! help, who received it, how long. Both balances after the exchange show
//! before saving, with a warning (never a block) when the receiver would pass
//! their lowest balance.

use ledger::{
    Account, Channel, Date, ListingId, ListingKind, MemberId, MemberStatus, NewExchange,
    NewGroupExchange,
};
use leptos::prelude::*;
use leptos_meta::Title;

use crate::form::{LongSelect, TextField};
use crate::i18n::{Language, Locale, Text};
use crate::page_heading::PageHeading;
use crate::pages::account_name;
use crate::session::{Session, now};

/// The quick buttons for how long: each adds its minutes to what the field
/// says.
const QUICK: [(u32, Text); 3] = [
    (30, Text::QuickHalfHour),
    (60, Text::QuickOneHour),
    (120, Text::QuickTwoHours),
];

/// Under a field of how long: the examples, or what was understood, in
/// words ("That is 1 hour 30 minutes.").
pub fn duration_hint(locale: Locale, written: RwSignal<String>) -> Signal<String> {
    Signal::derive(move || {
        let language = locale.language();
        match ledger::parse_duration(&written.get()) {
            Ok(minutes) => language.fill(
                Text::DurationUnderstood,
                &[("duration", &language.duration(i64::from(minutes)))],
            ),
            Err(_) => language.text(Text::DurationHint).to_string(),
        }
    })
}

/// When `day` (as a date field holds it) falls in a month whose figures are
/// locked, what that means for an exchange of that day, in words: the
/// record form and trading day say it before anything is saved.
pub fn locked_month_hint(tb: &ledger::Timebank, day: &str, language: Language) -> Option<String> {
    let month = ledger::Month::of(Date::parse(day)?);
    tb.is_locked(month)
        .then(|| language.fill(Text::LockedMonthHint, &[("month", &language.month(month))]))
}

/// Whether paper slip `number` was entered already, in words ("Slip 105 is
/// already entered: Ann gave Bob 1 hour on 5 December 2026."): the record
/// form and trading day ask before entering it again.
pub fn slip_already_entered(tb: &ledger::Timebank, number: &str, locale: Locale) -> Option<String> {
    let entered = tb.slip_entered(number)?;
    let language = locale.language();
    Some(language.fill(
        Text::SlipAlreadyEntered,
        &[
            ("number", number.trim()),
            ("giver", &account_name(tb, &entered.payee, language)),
            ("receiver", &account_name(tb, &entered.payer, language)),
            ("duration", &locale.amount(i64::from(entered.minutes))),
            ("date", &language.date(entered.service_date)),
        ],
    ))
}

/// Active members as (id, "Name (No. n)"), by name: the people who can take
/// part in an exchange, as a person picks them.
pub fn active_member_choices(tb: &ledger::Timebank, language: Language) -> Vec<(MemberId, String)> {
    member_choices(tb, language, |status| status == MemberStatus::Active)
}

/// Every active member as options of a [`LongSelect`], after a first one
/// (nothing chosen yet) that says `first`: a memo, so the options are drawn
/// again only when they differ, not after every change.
pub fn active_member_options(first: Text) -> Memo<Vec<(String, String)>> {
    let locale = Locale::get();
    let session = Session::get();
    Memo::new(move |_| {
        let mut options = vec![(String::new(), locale.t(first).to_string())];
        session.read(|tb, _| options.extend(active_member_values(tb, locale.language())));
        options
    })
}

/// [`active_member_choices`] as a select's `(value, label)` pairs.
fn active_member_values(
    tb: &ledger::Timebank,
    language: Language,
) -> impl Iterator<Item = (String, String)> {
    active_member_choices(tb, language)
        .into_iter()
        .map(|(id, label)| (id.to_string(), label))
}

/// The members whose status `include` takes, as choices labelled with their
/// name and number, by name.
pub fn member_choices(
    tb: &ledger::Timebank,
    language: Language,
    include: impl Fn(MemberStatus) -> bool,
) -> Vec<(MemberId, String)> {
    let mut list: Vec<(MemberId, String)> = tb
        .members()
        .filter(|m| include(m.status))
        .map(|m| {
            let label = format!(
                "{} ({} {})",
                m.name,
                language.text(Text::MemberNumberShort),
                m.number
            );
            (m.id.clone(), label)
        })
        .collect();
    list.sort_by_cached_key(|(_, label)| label.to_lowercase());
    list
}

/// The people on one side of an exchange: each a key (for the list) and the
/// chosen member id text.
type People = RwSignal<Vec<(u32, RwSignal<String>)>>;

fn chosen(people: People) -> Vec<Account> {
    people.with(|list| {
        list.iter()
            .filter_map(|(_, id)| chosen_account(&id.get()))
            .collect()
    })
}

/// The account a choice names: a member by id, or the community fund.
fn chosen_account(value: &str) -> Option<Account> {
    match value {
        FUND => Some(Account::CommunityFund),
        id => MemberId::parse(id).map(Account::Member),
    }
}

/// The community fund's value among the choices (offered to coordinators:
/// the fund gives hours, or a member gives hours to it).
const FUND: &str = "fund";

/// On a member's own device, which side of the exchange they were on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mine {
    Gave,
    Received,
}

fn one_person() -> Vec<(u32, RwSignal<String>)> {
    vec![(0, RwSignal::new(String::new()))]
}

#[component]
pub fn Record() -> impl IntoView {
    let locale = Locale::get();
    let t = move |text| locale.t(text);
    let session = Session::get();

    let givers: People = RwSignal::new(one_person());
    let receivers: People = RwSignal::new(one_person());
    // How long, as the person writes it (see `ledger::parse_duration`).
    let how_long = RwSignal::new(String::new());
    let how_long_error = RwSignal::new(None::<String>);
    let date = RwSignal::new(now().date().to_string());
    let description = RwSignal::new(String::new());
    let category = RwSignal::new(String::new());
    let slip = RwSignal::new(String::new());
    let slip_error = RwSignal::new(None::<String>);
    // The slip number the person saved again knowing it was entered.
    let confirmed_slip = RwSignal::new(None::<String>);
    let slip_hint = Signal::derive(move || {
        // (Said once: the error, once there is one, says it.)
        if slip_error.with(Option::is_some) {
            return String::new();
        }
        session
            .read(|tb, _| slip_already_entered(tb, &slip.get(), locale))
            .flatten()
            .unwrap_or_default()
    });
    let error = RwSignal::new(None::<String>);
    let saved = RwSignal::new(None::<String>);
    // Who can take part, as (value, label): read once for every choice on
    // the page. A memo: each change (every exchange saved) reads the
    // members again, but the page's lists of options (two thousand each in
    // a large timebank) are drawn again only when they differ.
    let choices = Memo::new(move |_| {
        session
            .read(|tb, me| {
                let mut choices: Vec<(String, String)> =
                    active_member_values(tb, locale.language()).collect();
                if me.is_some_and(|me| tb.is_coordinator(me)) {
                    choices.insert(
                        0,
                        (FUND.to_string(), locale.t(Text::CommunityFund).to_string()),
                    );
                }
                choices
            })
            .unwrap_or_default()
    });

    // Reached from a listing ("/record?listing=…"): the exchange is for it,
    // its member on the side the listing says, its title the description.
    let listing = RwSignal::new(None::<ledger::Listing>);
    if let Some(found) = leptos_router::hooks::use_query_map()
        .read_untracked()
        .get("listing")
        .and_then(|id| ListingId::parse(&id))
        .and_then(|id| session.read(|tb, _| tb.listing(&id).cloned()).flatten())
    {
        description.set(found.title.clone());
        category.set(found.category.clone().unwrap_or_default());
        listing.set(Some(found));
    }

    let categories = move || session.categories();
    let parsed_minutes = move || ledger::parse_duration(&how_long.get()).ok();
    let how_long_hint = duration_hint(locale, how_long);
    let add = move |more: u32| {
        let so_far = ledger::parse_duration(&how_long.get_untracked()).unwrap_or(0);
        let total = (so_far + more).min(ledger::MAX_EXCHANGE_MINUTES);
        how_long.set(ledger::duration_text(total));
        how_long_error.set(None);
    };
    // On a member's own device the form starts from them: they say which
    // side they were on, then choose the other person. A coordinator's
    // device (a shared tablet too, locked or not) chooses both.
    let member_mode = move || {
        !session
            .read(|tb, me| me.is_some_and(|me| tb.is_coordinator(me)))
            .unwrap_or(false)
    };
    let me = move || session.read(|_, me| me.cloned()).flatten();
    let mine = RwSignal::new(None::<Mine>);
    let mine_error = RwSignal::new(None::<String>);
    if let Some(found) = listing.get_untracked() {
        // Its member gave the help, unless they asked for it.
        let poster_gave = found.kind != ListingKind::Request;
        let poster = vec![(0, RwSignal::new(found.member.to_string()))];
        let mine_is_it = untrack(me).as_ref() == Some(&found.member);
        match (untrack(member_mode), mine_is_it, poster_gave) {
            (true, true, gave) => mine.set(Some(if gave { Mine::Gave } else { Mine::Received })),
            (true, false, true) => {
                mine.set(Some(Mine::Received));
                givers.set(poster);
            }
            (true, false, false) => {
                mine.set(Some(Mine::Gave));
                receivers.set(poster);
            }
            (false, _, true) => givers.set(poster),
            (false, _, false) => receivers.set(poster),
        }
    }
    // Who gave, who received, and whether every choice shown is made.
    let sides = move || -> (Vec<Account>, Vec<Account>, bool) {
        let all = |people: People| {
            let chosen = chosen(people);
            let full = chosen.len() == people.with(Vec::len);
            (chosen, full)
        };
        if !member_mode() {
            let ((payees, gave), (payers, received)) = (all(givers), all(receivers));
            return (payees, payers, gave && received);
        }
        let me = me().map(Account::Member).into_iter().collect::<Vec<_>>();
        match mine.get() {
            Some(Mine::Gave) => {
                let (payers, full) = all(receivers);
                (me, payers, full)
            }
            Some(Mine::Received) => {
                let (payees, full) = all(givers);
                (payees, me, full)
            }
            None => (Vec::new(), Vec::new(), false),
        }
    };
    let is_group = move || {
        let (payees, payers, _) = sides();
        payees.len() > 1 || payers.len() > 1
    };

    // Everyone's balance after the exchange, and a warning for each person
    // who would pass their lowest balance.
    let preview = move || {
        let ((payees, payers, _), minutes) = (sides(), parsed_minutes()?);
        if payees.is_empty() || payers.is_empty() || minutes == 0 {
            return None;
        }
        if payees.iter().any(|payee| payers.contains(payee)) {
            return None;
        }
        session.read(|tb, _| {
            let mut after: Vec<(Account, i64)> = Vec::new();
            let each = i64::from(minutes);
            for payee in &payees {
                after.push((
                    payee.clone(),
                    tb.balance(payee) + each * payers.len() as i64,
                ));
            }
            for payer in &payers {
                after.push((
                    payer.clone(),
                    tb.balance(payer) - each * payees.len() as i64,
                ));
            }
            let language = locale.language();
            let lines: Vec<(String, i64)> = after
                .iter()
                .map(|(account, balance)| (account_name(tb, account, language), *balance))
                .collect();
            let warnings: Vec<String> = after
                .iter()
                .filter(|(account, balance)| {
                    payers.contains(account)
                        && tb
                            .limits(account)
                            .is_some_and(|(floor, _)| *balance < floor)
                })
                .map(|(account, _)| account_name(tb, account, language))
                .collect();
            (lines, warnings)
        })
    };

    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let language = locale.language();
        saved.set(None);
        if untrack(member_mode) && mine.get_untracked().is_none() {
            error.set(None);
            mine_error.set(Some(t(Text::ChooseWhatHappened).to_string()));
            crate::form::focus_first_invalid();
            return;
        }
        mine_error.set(None);
        let (payees, payers, everyone_chosen) = untrack(sides);
        if payees.is_empty() || payers.is_empty() || !everyone_chosen {
            error.set(Some(t(Text::ChooseMember).to_string()));
            return;
        }
        let amount = match ledger::parse_duration(&how_long.get_untracked()) {
            Ok(amount) => amount,
            Err(problem) => {
                error.set(None);
                how_long_error.set(Some(language.duration_problem(problem)));
                crate::form::focus_first_invalid();
                return;
            }
        };
        how_long_error.set(None);
        let Some(service_date) = Date::parse(&date.get_untracked()) else {
            error.set(Some(language.error(&ledger::LedgerError::InvalidDate)));
            return;
        };
        let slip_number = slip.get_untracked().trim().to_string();
        let already = session
            .read(|tb, _| slip_already_entered(tb, &slip_number, locale))
            .flatten();
        if let Some(already) = already
            && confirmed_slip.get_untracked().as_deref() != Some(slip_number.as_str())
        {
            error.set(None);
            slip_error.set(Some(format!(
                "{already} {}",
                language.text(Text::SlipSaveAgain)
            )));
            confirmed_slip.set(Some(slip_number));
            crate::form::focus_first_invalid();
            return;
        }
        slip_error.set(None);
        confirmed_slip.set(None);
        let description_text = description.get_untracked();
        let category_name = Some(category.get_untracked()).filter(|c| !c.is_empty());
        let for_listing = listing.get_untracked().map(|l| l.id);
        let result = session.change(move |tb, me, now| {
            let is_coordinator = tb.is_coordinator(me);
            let channel = if !slip_number.is_empty() {
                Channel::PaperSlip {
                    number: slip_number,
                }
            } else if is_coordinator {
                Channel::Coordinator
            } else {
                Channel::App
            };
            if payees.len() == 1 && payers.len() == 1 {
                let new = NewExchange {
                    payer: payers[0].clone(),
                    payee: payees[0].clone(),
                    minutes: amount,
                    service_date,
                    description: description_text,
                    category: category_name,
                    channel,
                };
                match &for_listing {
                    Some(listing) => tb.record_for_listing(me, new, listing, now)?,
                    None => tb.record(me, new, now)?,
                };
            } else {
                tb.record_group(
                    me,
                    NewGroupExchange {
                        payers: payers.clone(),
                        payees: payees.clone(),
                        minutes: amount,
                        service_date,
                        description: description_text,
                        category: category_name,
                        channel,
                    },
                    now,
                )?;
            }
            let balances: Vec<String> = payees
                .iter()
                .chain(&payers)
                .map(|account| {
                    format!(
                        "{}: {}.",
                        account_name(tb, account, language),
                        locale.amount(tb.balance(account))
                    )
                })
                .collect();
            Ok(format!("{} {}", t(Text::Saved), balances.join(" ")))
        });
        match result {
            Ok(message) => {
                error.set(None);
                saved.set(Some(message));
                how_long.set(String::new());
                description.set(String::new());
                slip.set(String::new());
                listing.set(None);
            }
            Err(problem) => error.set(Some(language.error(&problem))),
        }
    };

    view! {
        <Title text=move || t(Text::RecordTitle).to_string() />
        <section class="page" aria-labelledby="record-heading">
            <PageHeading id="record-heading">{move || t(Text::RecordTitle)}</PageHeading>
            <form class="stack" on:submit=submit novalidate=true>
                // (A group exchange is not kept with a listing.)
                {move || listing.get().filter(|_| !is_group()).map(|found| {
                    let language = locale.language();
                    let name = session
                        .read(|tb, _| account_name(tb, &Account::Member(found.member.clone()), language))
                        .unwrap_or_default();
                    view! {
                        <p class="notice" data-testid="for-listing">
                            {language.fill(Text::ForListingNotice, &[("title", &found.title), ("name", &name)])}
                            " "
                            <button type="button" class="button small" on:click=move |_| listing.set(None)>
                                {t(Text::NotForListing)}
                            </button>
                        </p>
                    }
                })}
                <Show
                    when=member_mode
                    fallback=move || view! {
                        <Side
                            people=givers
                            id="giver"
                            first=Text::StepWhoGave
                            also=Text::AlsoGave
                            add=Text::AddAnotherGiver
                            can_add=Signal::derive(move || receivers.with(Vec::len) == 1)
                            choices=choices
                        />
                        <Side
                            people=receivers
                            id="receiver"
                            first=Text::StepWhoReceived
                            also=Text::AlsoReceived
                            add=Text::AddAnotherReceiver
                            can_add=Signal::derive(move || givers.with(Vec::len) == 1)
                            choices=choices
                        />
                    }
                >
                    <WhatHappened mine=mine error=mine_error />
                    {move || mine.get().map(|mine| {
                        // The other side of the exchange.
                        let (people, id, first, also, add) = match mine {
                            Mine::Gave => (receivers, "receiver", Text::StepWhoDidYouHelp, Text::AlsoReceived, Text::AddAnotherReceiver),
                            Mine::Received => (givers, "giver", Text::StepWhoHelpedYou, Text::AlsoGave, Text::AddAnotherGiver),
                        };
                        view! {
                            <Side
                                people=people
                                id=id
                                first=first
                                also=also
                                add=add
                                can_add=Signal::derive(|| true)
                                choices=choices
                                not_me=true
                            />
                        }
                    })}
                </Show>
                <Show when=is_group>
                    <p class="hint">{move || t(Text::GroupNote)}</p>
                </Show>
                <fieldset class="field">
                    <legend>{move || t(Text::StepHowLong)}</legend>
                    <TextField
                        id="how-long"
                        label=Signal::derive(move || t(Text::HoursLabel))
                        value=how_long
                        hint=how_long_hint
                        error=how_long_error
                    />
                    <div class="quick-choices">
                        {QUICK
                            .into_iter()
                            .map(|(value, label)| {
                                view! {
                                    <button type="button" class="button" on:click=move |_| add(value)>
                                        {move || t(label)}
                                    </button>
                                }
                            })
                            .collect_view()}
                    </div>
                </fieldset>
                <div class="field">
                    <label for="service-date">{move || t(Text::DateLabel)}</label>
                    <input
                        id="service-date"
                        type="date"
                        aria-describedby="service-date-hint"
                        prop:value=move || date.get()
                        on:input=move |e| date.set(event_target_value(&e))
                    />
                    // A day in a month whose figures are published: said
                    // before saving, and where it will count.
                    <p class="hint warning" id="service-date-hint">{move || {
                        session
                            .read(|tb, _| locked_month_hint(tb, &date.get(), locale.language()))
                            .flatten()
                    }}</p>
                </div>
                <div class="field">
                    <label for="description">{move || t(Text::DescriptionLabel)}</label>
                    <input id="description" type="text" prop:value=move || description.get() on:input=move |e| description.set(event_target_value(&e)) />
                </div>
                <div class="field">
                    <label for="category">{move || t(Text::CategoryLabel)}</label>
                    <select id="category" on:change=move |e| category.set(event_target_value(&e)) prop:value=move || category.get()>
                        <option value="">{move || t(Text::NoCategory)}</option>
                        {move || categories()
                            .into_iter()
                            .map(|name| view! { <option value=name.clone()>{name.clone()}</option> })
                            .collect_view()}
                    </select>
                </div>
                <TextField
                    id="slip"
                    label=Signal::derive(move || t(Text::SlipLabel))
                    value=slip
                    hint=slip_hint
                    error=slip_error
                    input_mode="numeric"
                />
                {move || preview().map(|(lines, warnings)| {
                    let language = locale.language();
                    view! {
                        <section class="preview" aria-labelledby="preview-heading">
                            <h2 id="preview-heading">{t(Text::BalancesAfter)}</h2>
                            {lines.into_iter().map(|(name, balance)| view! {
                                <p>{format!("{name}: {}", locale.amount(balance))}</p>
                            }).collect_view()}
                            {warnings.into_iter().map(|name| view! {
                                <p class="warning">{language.fill(Text::FloorWarning, &[("name", &name)])}</p>
                            }).collect_view()}
                        </section>
                    }
                })}
                <p class="error" role="alert">{move || error.get()}</p>
                <p class="success" role="status">{move || saved.get()}</p>
                <button type="submit" class="button primary">{move || t(Text::RecordSubmit)}</button>
            </form>
        </section>
    }
}

/// On a member's own device: whether they helped someone or someone helped
/// them.
#[component]
fn WhatHappened(mine: RwSignal<Option<Mine>>, error: RwSignal<Option<String>>) -> impl IntoView {
    let locale = Locale::get();
    let t = move |text| locale.t(text);
    let invalid = move || error.get().is_some().then_some("true");
    let described = move || error.get().is_some().then_some("mine-error");
    let choice = move |id: &'static str, value: Mine, text: Text| {
        view! {
            <label class="choice" for=id>
                <input
                    type="radio"
                    id=id
                    name="mine"
                    prop:checked=move || mine.get() == Some(value)
                    on:change=move |_| {
                        mine.set(Some(value));
                        error.set(None);
                    }
                    aria-invalid=invalid
                    aria-describedby=described
                />
                {move || t(text)}
            </label>
        }
    };
    view! {
        <fieldset class="field" class:invalid=move || error.get().is_some()>
            <legend>{move || t(Text::StepWhatHappened)}</legend>
            <div class="quick-choices">
                {choice("mine-gave", Mine::Gave, Text::IHelpedSomeone)}
                {choice("mine-received", Mine::Received, Text::SomeoneHelpedMe)}
            </div>
            <p class="error" id="mine-error" role="alert">{move || error.get()}</p>
        </fieldset>
    }
}

/// One side of an exchange: a member chosen, and for a group exchange more
/// members added one at a time (each can be removed again). `not_me`: the
/// person using the device is not offered (they are the other side).
#[component]
fn Side(
    people: People,
    id: &'static str,
    first: Text,
    also: Text,
    add: Text,
    can_add: Signal<bool>,
    /// Everyone who can be chosen (see `Record`).
    choices: Memo<Vec<(String, String)>>,
    #[prop(optional)] not_me: bool,
) -> impl IntoView {
    let locale = Locale::get();
    let t = move |text| locale.t(text);
    let session = Session::get();
    let next_key = StoredValue::new(1_u32);
    let me = Memo::new(move |_| session.read(|_, me| me.map(ToString::to_string)).flatten());
    // (Drawn again only when the choices or the person differ.)
    let options = Memo::new(move |_| {
        let me = me.get();
        let mut options = vec![(String::new(), t(Text::ChooseMember).to_string())];
        choices.with(|all| {
            options.extend(
                all.iter()
                    .filter(|(value, _)| !not_me || Some(value) != me.as_ref())
                    .cloned(),
            );
        });
        options
    });
    let add_person = move |_| {
        let key = next_key.get_value();
        next_key.set_value(key + 1);
        people.update(|list| list.push((key, RwSignal::new(String::new()))));
        // Straight to the new choice.
        request_animation_frame(move || crate::form::focus_id(&format!("{id}-{key}")));
    };
    view! {
        <For each=move || people.get() key=|(key, _)| *key let:person>
            {
                let (key, value) = person;
                let field_id = if key == 0 { id.to_string() } else { format!("{id}-{key}") };
                let position = move || {
                    people.with(|list| list.iter().position(|(k, _)| *k == key).unwrap_or(0) + 1)
                };
                let label = move || {
                    if key == 0 {
                        t(first).to_string()
                    } else {
                        locale.language().fill(also, &[("n", &position().to_string())])
                    }
                };
                let remove_label = move || {
                    let name = session
                        .read(|tb, _| {
                            chosen_account(&value.get())
                                .map(|account| account_name(tb, &account, locale.language()))
                        })
                        .flatten()
                        .unwrap_or_else(|| t(Text::ChooseAPerson).to_string());
                    locale.language().fill(Text::RemovePerson, &[("name", &name)])
                };
                let remove = move |_| {
                    people.update(|list| list.retain(|(k, _)| *k != key));
                };
                view! {
                    <div class="field">
                        <label for=field_id.clone()>{label}</label>
                        <div class="choice-row">
                            <LongSelect id=field_id.clone() value=value options=options />
                            {(key != 0).then(|| view! {
                                <button type="button" class="button" on:click=remove>{remove_label}</button>
                            })}
                        </div>
                    </div>
                }
            }
        </For>
        <Show when=move || can_add.get()>
            <button type="button" class="button" on:click=add_person>{move || t(add)}</button>
        </Show>
    }
}
