//! Every exchange, newest first, a page at a time: a coordinator narrows
//! them down by member, dates, category, where they stand, how they were
//! recorded, paper slip number and words in the description, to find any
//! exchange and correct it. The filter lives in the page's address, so a
//! list can be shared, bookmarked and reopened; it prints as a table. A
//! member who is not a coordinator sees the exchanges they took part in.

use ledger::{Account, CategoryChoice, ChannelKind, ExchangeQuery, MemberId, Standing, Timebank};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::params::ParamsMap;

use crate::form::options_html;
use crate::i18n::{Language, Locale, Text};
use crate::page_heading::PageHeading;
use crate::pages::{CoordinatorTabs, account_name, member_choices};
use crate::paging::PAGE;
use crate::session::{Session, now};

/// The most exchanges one printing puts on paper.
const PRINT_LIMIT: usize = 1_000;

/// A list's filter as its address writes it: each part a text, empty when
/// not used. What cannot be read (a mistyped date) is left out, and said.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub member: String,
    pub from: String,
    pub to: String,
    pub category: String,
    pub status: String,
    pub channel: String,
    pub slip: String,
    pub words: String,
    /// 1 for the first page.
    pub page: usize,
}

/// The address parameters, in the order the address writes them.
const KEYS: [&str; 8] = [
    "member", "from", "to", "category", "status", "channel", "slip", "q",
];

impl Filter {
    pub fn from_query(query: &ParamsMap) -> Filter {
        Filter::read(|key| query.get(key))
    }

    /// The filter from an address's decoded parameters, each by name.
    fn read(value: impl Fn(&str) -> Option<String>) -> Filter {
        let get = |key: &str| value(key).map(|v| v.trim().to_string()).unwrap_or_default();
        Filter {
            member: get("member"),
            from: get("from"),
            to: get("to"),
            category: get("category"),
            status: get("status"),
            channel: get("channel"),
            slip: get("slip"),
            words: get("q"),
            page: get("page").parse().ok().filter(|p| *p >= 1).unwrap_or(1),
        }
    }

    fn parts(&self) -> [&str; 8] {
        [
            &self.member,
            &self.from,
            &self.to,
            &self.category,
            &self.status,
            &self.channel,
            &self.slip,
            &self.words,
        ]
    }

    /// The page's address for this filter: `/exchanges?member=…&page=2`.
    pub fn address(&self) -> String {
        let mut pairs: Vec<String> = KEYS
            .iter()
            .zip(self.parts())
            .filter(|(_, value)| !value.is_empty())
            .map(|(key, value)| format!("{key}={}", encode(value)))
            .collect();
        if self.page > 1 {
            pairs.push(format!("page={}", self.page));
        }
        if pairs.is_empty() {
            "/exchanges".to_string()
        } else {
            format!("/exchanges?{}", pairs.join("&"))
        }
    }

    /// The ledger's query, and the parts that could not be read.
    pub fn query(&self, tb: &Timebank) -> (ExchangeQuery, Vec<Text>) {
        let mut unreadable = Vec::new();
        let mut date = |text: &str, problem: Text| {
            if text.is_empty() {
                return None;
            }
            let date = ledger::Date::parse(text);
            if date.is_none() {
                unreadable.push(problem);
            }
            date
        };
        let from = date(&self.from, Text::FilterFromUnreadable);
        let to = date(&self.to, Text::FilterToUnreadable);
        let account = match self.member.as_str() {
            "" => None,
            "fund" => Some(Account::CommunityFund),
            id => match MemberId::parse(id).filter(|id| tb.member(id).is_some()) {
                Some(id) => Some(Account::Member(id)),
                None => {
                    unreadable.push(Text::FilterMemberUnknown);
                    None
                }
            },
        };
        let query = ExchangeQuery {
            account,
            from,
            to,
            category: match self.category.as_str() {
                "" => None,
                "none" => Some(CategoryChoice::None),
                name => Some(CategoryChoice::Named(name.to_string())),
            },
            standing: Standing::from_code(&self.status),
            channel: ChannelKind::from_code(&self.channel),
            slip: (!self.slip.is_empty()).then(|| self.slip.clone()),
            text: self.words.clone(),
        };
        (query, unreadable)
    }
}

/// A value as an address's query writes it (letters, digits and `-._~`
/// as they are; everything else as UTF-8 bytes in `%XX`).
fn encode(value: &str) -> String {
    let mut encoded = String::new();
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            encoded.push(char::from(byte));
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    encoded
}

/// The words a list uses for where an exchange stands.
fn standing_text(standing: Standing) -> Text {
    match standing {
        Standing::Pending => Text::StatusPending,
        Standing::Confirmed => Text::StatusConfirmed,
        Standing::Rejected => Text::StatusRejected,
        Standing::Withdrawn => Text::StatusWithdrawn,
        Standing::Reversed => Text::StatusReversed,
    }
}

fn channel_text(channel: ChannelKind) -> Text {
    match channel {
        ChannelKind::App => Text::ChannelApp,
        ChannelKind::Coordinator => Text::ChannelCoordinator,
        ChannelKind::TradingDayTally => Text::ChannelTally,
        ChannelKind::PaperSlip => Text::ChannelSlip,
        ChannelKind::Import => Text::ChannelImport,
        ChannelKind::QrHandOff => Text::ChannelQr,
    }
}

/// One line of the list.
#[derive(Clone, PartialEq)]
struct Line {
    id: String,
    date: String,
    gave: String,
    received: String,
    minutes: i64,
    description: String,
    standing: Standing,
    slip: Option<String>,
}

/// What the list shows for the filter in the address.
#[derive(Clone, PartialEq)]
struct Found {
    total: usize,
    /// The first line's position in the whole list (0 for the first).
    first: usize,
    lines: Vec<Line>,
    unreadable: Vec<Text>,
    /// Only the person's own exchanges (they are not a coordinator).
    own: bool,
}

fn found(
    tb: &Timebank,
    me: Option<&MemberId>,
    coordinator: bool,
    filter: &Filter,
    size: usize,
    language: Language,
) -> Found {
    let (mut query, unreadable) = filter.query(tb);
    if !coordinator {
        query.account = me.map(|me| Account::Member(me.clone()));
    }
    let now = now();
    let wanted = filter.page.saturating_sub(1).saturating_mul(size);
    let (total, page) = match (&query.account, coordinator) {
        (None, false) => (0, Vec::new()),
        _ => tb.find_exchanges_page(&query, now, wanted, size),
    };
    let first = wanted.min(total);
    let lines = page
        .into_iter()
        .map(|e| Line {
            id: e.id.to_string(),
            date: language.date(e.service_date),
            gave: account_name(tb, &e.payee, language),
            received: account_name(tb, &e.payer, language),
            minutes: i64::from(e.minutes),
            description: crate::words::exchange_words(e, language, tb.info().currency),
            standing: tb.standing(e, now),
            slip: e.slip_number().map(String::from),
        })
        .collect();
    Found {
        total,
        first,
        lines,
        unreadable,
        own: !coordinator,
    }
}

#[component]
pub fn Exchanges() -> impl IntoView {
    let locale = Locale::get();
    let t = move |text| locale.t(text);
    let session = Session::get();
    let query = use_query_map();
    let filter = Memo::new(move |_| query.with(Filter::from_query));
    // What the form holds until "Show" puts it in the address.
    let editing = RwSignal::new(Filter::default());
    Effect::new(move |_| editing.set(filter.get()));
    let printing = RwSignal::new(false);

    let found = Memo::new(move |_| {
        let filter = filter.get();
        let size = if printing.get() { PRINT_LIMIT } else { PAGE };
        let language = locale.language();
        let printing_all = printing.get();
        let coordinator = session.is_coordinator();
        session.read(|tb, me| {
            let mut filter = filter;
            if printing_all {
                filter.page = 1;
            }
            found(tb, me, coordinator, &filter, size, language)
        })
    });
    let coordinator = move || session.is_coordinator();
    // Every member, as (value, label): a memo, so the list of options is
    // drawn again only when it differs.
    let members = Memo::new(move |_| {
        session
            .read(|tb, _| {
                member_choices(tb, locale.language(), |_| true)
                    .into_iter()
                    .map(|(id, label)| (id.to_string(), label))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    let categories = move || {
        session
            .read(|tb, _| tb.settings().categories.clone())
            .unwrap_or_default()
    };
    // The member filter's options, written at once (see `options_html`):
    // the choice in the form stays chosen when they are drawn again.
    let member_options = move || {
        let mut options = vec![
            (String::new(), t(Text::FilterAnyone).to_string()),
            ("fund".to_string(), t(Text::CommunityFund).to_string()),
        ];
        members.with(|members| options.extend(members.iter().cloned()));
        options_html(&options, &editing.with_untracked(|f| f.member.clone()))
    };

    let navigate = use_navigate();
    let show = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let mut wanted = editing.get_untracked();
        wanted.page = 1;
        navigate(&wanted.address(), Default::default());
        // The list is announced; the person stays at the form's end.
    };
    let print = move |_| {
        printing.set(true);
        request_animation_frame(move || {
            let _ = window().print();
            printing.set(false);
        });
    };

    let field = move |get: fn(&Filter) -> &String, set: fn(&mut Filter, String)| {
        (
            move || get(&editing.get()).clone(),
            move |event: leptos::ev::Event| {
                let value = event_target_value(&event);
                editing.update(|f| set(f, value));
            },
        )
    };
    let (member_value, member_input) = field(|f| &f.member, |f, v| f.member = v);
    let (from_value, from_input) = field(|f| &f.from, |f, v| f.from = v);
    let (to_value, to_input) = field(|f| &f.to, |f, v| f.to = v);
    let (category_value, category_input) = field(|f| &f.category, |f, v| f.category = v);
    let (status_value, status_input) = field(|f| &f.status, |f, v| f.status = v);
    let (channel_value, channel_input) = field(|f| &f.channel, |f, v| f.channel = v);
    let (slip_value, slip_input) = field(|f| &f.slip, |f, v| f.slip = v);
    let (words_value, words_input) = field(|f| &f.words, |f, v| f.words = v);

    view! {
        <Title text=move || t(Text::ExchangesTitle).to_string() />
        <section class="page" aria-labelledby="exchanges-heading">
            <Show when=coordinator>
                <div class="no-print"><CoordinatorTabs /></div>
            </Show>
            <PageHeading id="exchanges-heading">{move || t(Text::ExchangesTitle)}</PageHeading>
            <p class="no-print">{move || t(if coordinator() { Text::ExchangesIntro } else { Text::ExchangesIntroOwn })}</p>
            <form class="exchange-filters no-print" on:submit=show>
                <Show when=coordinator>
                    <div class="field">
                        <label for="filter-member">{move || t(Text::FilterMemberLabel)}</label>
                        <select
                            id="filter-member"
                            on:change=member_input
                            inner_html=member_options
                            prop:value=member_value
                        ></select>
                    </div>
                </Show>
                <div class="field-pair">
                    <div class="field">
                        <label for="filter-from">{move || t(Text::FilterFromLabel)}</label>
                        <input id="filter-from" type="date" prop:value=from_value on:input=from_input />
                    </div>
                    <div class="field">
                        <label for="filter-to">{move || t(Text::FilterToLabel)}</label>
                        <input id="filter-to" type="date" prop:value=to_value on:input=to_input />
                    </div>
                </div>
                <div class="field">
                    <label for="filter-category">{move || t(Text::CategoryLabel)}</label>
                    <select id="filter-category" on:change=category_input prop:value=category_value>
                        <option value="">{move || t(Text::AllCategories)}</option>
                        <option value="none">{move || t(Text::FilterNoCategory)}</option>
                        {move || categories().into_iter().map(|name| view! {
                            <option value=name.clone()>{name.clone()}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="filter-status">{move || t(Text::StatusLabel)}</label>
                    <select id="filter-status" on:change=status_input prop:value=status_value>
                        <option value="">{move || t(Text::FilterAnyStatus)}</option>
                        {Standing::ALL.into_iter().map(|standing| view! {
                            <option value=standing.code()>{move || t(standing_text(standing))}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="filter-channel">{move || t(Text::FilterChannelLabel)}</label>
                    <select id="filter-channel" on:change=channel_input prop:value=channel_value>
                        <option value="">{move || t(Text::FilterAnyChannel)}</option>
                        {ChannelKind::ALL.into_iter().map(|channel| view! {
                            <option value=channel.code()>{move || t(channel_text(channel))}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="filter-slip">{move || t(Text::FilterSlipLabel)}</label>
                    <input id="filter-slip" type="text" inputmode="numeric" prop:value=slip_value on:input=slip_input />
                </div>
                <div class="field">
                    <label for="filter-words">{move || t(Text::FilterWordsLabel)}</label>
                    <input id="filter-words" type="search" prop:value=words_value on:input=words_input />
                </div>
                <div class="actions">
                    <button type="submit" class="button primary">{move || t(Text::FilterShowButton)}</button>
                    <A href="/exchanges" attr:class="button">{move || t(Text::FilterClear)}</A>
                </div>
            </form>
            {move || found.get().map(|found| {
                let language = locale.language();
                let filter = filter.get();
                let last = found.first + found.lines.len();
                let summary = if found.total == 0 {
                    t(Text::ExchangesNoneFound).to_string()
                } else {
                    language.fill(
                        Text::ExchangesShowing,
                        &[
                            ("first", &language.grouped((found.first + 1) as u64)),
                            ("last", &language.grouped(last as u64)),
                            ("total", &language.grouped(found.total as u64)),
                        ],
                    )
                };
                let page_link = move |page: usize| Filter { page, ..filter.clone() }.address();
                let previous = (found.first > 0).then(|| page_link(found.first / PAGE));
                let next = (last < found.total && !printing.get_untracked())
                    .then(|| page_link(found.first / PAGE + 2));
                view! {
                    {found.unreadable.iter().map(|text| view! {
                        <p class="error" role="alert">{t(*text)}</p>
                    }).collect_view()}
                    <p role="status" id="exchanges-summary" data-testid="exchanges-summary">{summary}</p>
                    {(found.total > PRINT_LIMIT && printing.get_untracked()).then(|| view! {
                        <p>{language.fill(Text::ExchangesPrintLimit, &[("count", &language.grouped(PRINT_LIMIT as u64))])}</p>
                    })}
                    {(!found.lines.is_empty()).then(|| view! {
                        <div class="table-scroll" role="region" aria-labelledby="exchanges-summary" tabindex="0">
                            <table class="reflow exchanges-table">
                                <thead>
                                    <tr>
                                        <th scope="col">{t(Text::ColDate)}</th>
                                        <th scope="col">{t(Text::GaveHelp)}</th>
                                        <th scope="col">{t(Text::ReceivedHelp)}</th>
                                        <th scope="col">{t(Text::HowLong)}</th>
                                        <th scope="col">{t(Text::ColWhat)}</th>
                                        <th scope="col">{t(Text::StatusLabel)}</th>
                                        <th scope="col">{t(Text::ColSlip)}</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    // Plain links (the router still takes their
                                    // clicks): fifty `A`s, each watching the
                                    // address, made the list slow to redraw.
                                    {found.lines.into_iter().map(|line| view! {
                                        <tr>
                                            <td data-label=t(Text::ColDate)>
                                                <a href=format!("/exchanges/{}", line.id)>{line.date}</a>
                                            </td>
                                            <td data-label=t(Text::GaveHelp)>{line.gave}</td>
                                            <td data-label=t(Text::ReceivedHelp)>{line.received}</td>
                                            <td data-label=t(Text::HowLong)>{locale.amount(line.minutes)}</td>
                                            <td data-label=t(Text::ColWhat)>{line.description}</td>
                                            <td data-label=t(Text::StatusLabel)>{t(standing_text(line.standing))}</td>
                                            <td data-label=t(Text::ColSlip)>{line.slip.unwrap_or_default()}</td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </div>
                    })}
                    {(previous.is_some() || next.is_some()).then(|| view! {
                        <nav class="pages no-print" aria-label=t(Text::ExchangesPagesLabel)>
                            {previous.map(|href| view! { <A href=href attr:class="button">{t(Text::PreviousPage)}</A> })}
                            {next.map(|href| view! { <A href=href attr:class="button">{t(Text::NextPage)}</A> })}
                        </nav>
                    })}
                    {(found.total > 0 && !found.own).then(|| view! {
                        <button type="button" class="button no-print" on:click=print>{t(Text::ExchangesPrint)}</button>
                    })}
                }
            })}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_reads_back_as_the_filter_that_wrote_it() {
        let filter = Filter {
            member: "m-1".into(),
            from: "2026-11-01".into(),
            to: "2026-11-30".into(),
            category: "Home & garden".into(),
            status: "pending".into(),
            channel: "slip".into(),
            slip: "0042".into(),
            words: "café au lait?".into(),
            page: 3,
        };
        let address = filter.address();
        assert_eq!(
            address,
            "/exchanges?member=m-1&from=2026-11-01&to=2026-11-30&category=Home%20%26%20garden\
             &status=pending&channel=slip&slip=0042&q=caf%C3%A9%20au%20lait%3F&page=3"
        );
        let query = address.split_once('?').unwrap().1;
        let pairs: Vec<(String, String)> = query
            .split('&')
            .map(|pair| {
                let (key, value) = pair.split_once('=').unwrap();
                (key.to_string(), percent_decode(value))
            })
            .collect();
        let read = Filter::read(|key| pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone()));
        assert_eq!(read, filter);
        assert_eq!(
            Filter {
                page: 1,
                ..Filter::default()
            }
            .address(),
            "/exchanges"
        );
    }

    fn percent_decode(text: &str) -> String {
        let bytes = text.as_bytes();
        let mut out = Vec::new();
        let mut k = 0;
        while k < bytes.len() {
            if bytes[k] == b'%' {
                out.push(u8::from_str_radix(&text[k + 1..k + 3], 16).unwrap());
                k += 3;
            } else {
                out.push(bytes[k]);
                k += 1;
            }
        }
        String::from_utf8(out).unwrap()
    }
}
