//! The community fund, for coordinators: its balance and its statement;
//! hours bought from it with cash (how long, the amount paid, the receipt's
//! number and who paid). The fund gives hours, or receives them, through
//! the record form (a coordinator picks "Community fund" as a side), and a
//! member who leaves settles their balance with it (their page).

use ledger::{Account, HoursPurchase, MemberId};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::form::LongSelect;
use crate::i18n::{Locale, Text};
use crate::page_heading::PageHeading;
use crate::pages::{CoordinatorTabs, account_name, active_member_options, duration_hint};
use crate::paging::{PAGE, ShowMore};
use crate::session::Session;

/// The most a single purchase may be written as, in pence (£100,000).
const MOST_PENCE: u64 = 10_000_000;

/// An amount of money as a person writes it ("12", "12.50", "£12.5",
/// "12,50 €"), in pence or cents; `None` when it is not one, is nothing, or
/// is more than [`MOST_PENCE`].
pub fn parse_money(text: &str) -> Option<u32> {
    const SIGNS: [char; 3] = ['£', '€', '$'];
    let cleaned: String = text
        .trim()
        .trim_start_matches(SIGNS)
        .trim_end_matches(SIGNS)
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}' && *c != '\u{202f}')
        .collect();
    let cleaned = cleaned.replace(',', ".");
    let (pounds, pence) = match cleaned.split_once('.') {
        Some((pounds, pence)) => (pounds, pence),
        None => (cleaned.as_str(), ""),
    };
    let digits = |text: &str| text.bytes().all(|b| b.is_ascii_digit());
    if !digits(pounds)
        || !digits(pence)
        || pence.len() > 2
        || (pounds.is_empty() && pence.is_empty())
    {
        return None;
    }
    let pounds: u64 = if pounds.is_empty() {
        0
    } else {
        pounds.parse().ok()?
    };
    let pence: u64 = match pence.len() {
        0 => 0,
        1 => pence.parse::<u64>().ok()? * 10,
        _ => pence.parse().ok()?,
    };
    let total = pounds.checked_mul(100)?.checked_add(pence)?;
    (1..=MOST_PENCE)
        .contains(&total)
        .then(|| u32::try_from(total).ok())
        .flatten()
}

#[component]
pub fn Fund() -> impl IntoView {
    let locale = Locale::get();
    let t = move |text| locale.t(text);
    let session = Session::get();
    let balance = move || session.read(|tb, _| tb.balance(&Account::CommunityFund));
    view! {
        <Title text=move || t(Text::FundTitle).to_string() />
        <section class="page" aria-labelledby="fund-heading">
            <Show when=move || session.is_coordinator()>
                <div class="no-print"><CoordinatorTabs /></div>
            </Show>
            <PageHeading id="fund-heading">{move || t(Text::FundTitle)}</PageHeading>
            <Show
                when=move || session.is_coordinator()
                fallback=move || view! { <p>{locale.language().error(&ledger::LedgerError::NotCoordinator)}</p> }
            >
                <p>{move || t(Text::FundIntro)}</p>
                <div class="balance-card">
                    <h2>{move || t(Text::ColBalance)}</h2>
                    <p class="balance" data-testid="fund-balance">
                        {move || balance().map(|minutes| locale.amount(minutes))}
                    </p>
                </div>
                <p class="no-print">
                    {move || t(Text::FundGivesHint)}" "
                    <A href="/record">{move || t(Text::RecordTitle)}</A>
                </p>
                <BuyHours />
                <Donate />
                <FundStatement />
            </Show>
        </section>
    }
}

/// Which active member, and how long (with what the written time reads
/// as): the start of each of the fund's forms.
#[component]
fn MemberAndHours(
    prefix: &'static str,
    label: Text,
    member: RwSignal<String>,
    how_long: RwSignal<String>,
) -> impl IntoView {
    let locale = Locale::get();
    let t = move |text| locale.t(text);
    let how_long_hint = duration_hint(locale, how_long);
    let members = active_member_options(Text::ChooseMember);
    let (member_id, hours_id, hint_id) = (
        format!("{prefix}-member"),
        format!("{prefix}-how-long"),
        format!("{prefix}-how-long-hint"),
    );
    view! {
        <div class="field">
            <label for=member_id.clone()>{move || t(label)}</label>
            <LongSelect id=member_id value=member options=members />
        </div>
        <div class="field">
            <label for=hours_id.clone()>{move || t(Text::HoursLabel)}</label>
            <input id=hours_id type="text" inputmode="decimal" aria-describedby=hint_id.clone()
                prop:value=move || how_long.get() on:input=move |e| how_long.set(event_target_value(&e)) />
            <p class="hint" id=hint_id>{move || how_long_hint.get()}</p>
        </div>
    }
}

/// Hours bought from the fund with cash, for a member.
#[component]
fn BuyHours() -> impl IntoView {
    let locale = Locale::get();
    let t = move |text| locale.t(text);
    let session = Session::get();
    let member = RwSignal::new(String::new());
    let how_long = RwSignal::new(String::new());
    let cash = RwSignal::new(String::new());
    let receipt = RwSignal::new(String::new());
    let bought_by = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<String>);
    let buy = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let language = locale.language();
        done.set(None);
        let fail = |message: String, field: &str| {
            error.set(Some(message));
            crate::form::focus_id(field);
        };
        let Some(id) = MemberId::parse(&member.get_untracked()) else {
            return fail(t(Text::ChooseMember).to_string(), "buy-member");
        };
        let minutes = match ledger::parse_duration(&how_long.get_untracked()) {
            Ok(minutes) => minutes,
            Err(problem) => return fail(language.duration_problem(problem), "buy-how-long"),
        };
        let Some(pence) = parse_money(&cash.get_untracked()) else {
            let words = language.fill(
                Text::CashUnreadable,
                &[("currency", language.currency_name(session.currency()))],
            );
            return fail(words, "buy-cash");
        };
        let purchase = HoursPurchase {
            member: id.clone(),
            minutes,
            cash_pence: pence,
            receipt: receipt.get_untracked(),
            bought_by: Some(bought_by.get_untracked()),
        };
        let receipt_number = purchase.receipt.trim().to_string();
        match session.change(move |tb, me, now| tb.purchase_hours(me, purchase, now)) {
            Ok(_) => {
                error.set(None);
                let name = session
                    .read(|tb, _| account_name(tb, &Account::Member(id), language))
                    .unwrap_or_default();
                done.set(Some(language.fill(
                    Text::BoughtDone,
                    &[
                        ("name", &name),
                        ("duration", &locale.amount(i64::from(minutes))),
                        (
                            "cash",
                            &language.money(i64::from(pence), session.currency()),
                        ),
                        ("receipt", &receipt_number),
                    ],
                )));
                for field in [how_long, cash, receipt, bought_by] {
                    field.set(String::new());
                }
            }
            Err(problem) => {
                let field = match problem {
                    ledger::LedgerError::NoReceipt => "buy-receipt",
                    ledger::LedgerError::NoCash => "buy-cash",
                    _ => "buy-member",
                };
                fail(language.error(&problem), field);
            }
        }
    };
    view! {
        <section class="no-print" aria-labelledby="buy-heading">
            <h2 id="buy-heading">{move || t(Text::BuyHoursHeading)}</h2>
            <p class="hint">{move || t(Text::BuyHoursHint)}</p>
            <form class="stack" on:submit=buy>
                <MemberAndHours prefix="buy" label=Text::BuyForLabel member=member how_long=how_long />
                <div class="field">
                    <label for="buy-cash">{move || {
                        let language = locale.language();
                        language.fill(Text::CashPaidLabel, &[("currency", language.currency_name(session.currency()))])
                    }}</label>
                    <input id="buy-cash" type="text" inputmode="decimal"
                        prop:value=move || cash.get() on:input=move |e| cash.set(event_target_value(&e)) />
                </div>
                <div class="field">
                    <label for="buy-receipt">{move || t(Text::ReceiptLabel)}</label>
                    <input id="buy-receipt" type="text"
                        prop:value=move || receipt.get() on:input=move |e| receipt.set(event_target_value(&e)) />
                </div>
                <div class="field">
                    <label for="buy-bought-by">{move || t(Text::BoughtByLabel)}</label>
                    <input id="buy-bought-by" type="text"
                        prop:value=move || bought_by.get() on:input=move |e| bought_by.set(event_target_value(&e)) />
                </div>
                <button type="submit" class="button primary">{move || t(Text::BuyHoursButton)}</button>
            </form>
            <p class="error" role="alert">{move || error.get()}</p>
            <p class="success" role="status">{move || done.get()}</p>
        </section>
    }
}

/// Hours a member gives the fund (recorded by a coordinator, for a member
/// without a phone too).
#[component]
fn Donate() -> impl IntoView {
    let locale = Locale::get();
    let t = move |text| locale.t(text);
    let session = Session::get();
    let member = RwSignal::new(String::new());
    let how_long = RwSignal::new(String::new());
    let words = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<String>);
    let give = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let language = locale.language();
        done.set(None);
        let fail = |message: String, field: &str| {
            error.set(Some(message));
            crate::form::focus_id(field);
        };
        let Some(id) = MemberId::parse(&member.get_untracked()) else {
            return fail(t(Text::ChooseMember).to_string(), "give-member");
        };
        let minutes = match ledger::parse_duration(&how_long.get_untracked()) {
            Ok(minutes) => minutes,
            Err(problem) => return fail(language.duration_problem(problem), "give-how-long"),
        };
        let text = words.get_untracked();
        let giver = id.clone();
        match session.change(move |tb, me, now| tb.donate(me, &giver, minutes, &text, now)) {
            Ok(_) => {
                error.set(None);
                let name = session
                    .read(|tb, _| account_name(tb, &Account::Member(id), language))
                    .unwrap_or_default();
                done.set(Some(language.fill(
                    Text::DonatedDone,
                    &[
                        ("name", &name),
                        ("duration", &locale.amount(i64::from(minutes))),
                    ],
                )));
                how_long.set(String::new());
                words.set(String::new());
            }
            Err(problem) => fail(language.error(&problem), "give-member"),
        }
    };
    view! {
        <section class="no-print" aria-labelledby="give-heading">
            <h2 id="give-heading">{move || t(Text::DonateHeading)}</h2>
            <form class="stack" on:submit=give>
                <MemberAndHours prefix="give" label=Text::DonorLabel member=member how_long=how_long />
                <div class="field">
                    <label for="give-words">{move || t(Text::DescriptionLabel)}</label>
                    <input id="give-words" type="text"
                        prop:value=move || words.get() on:input=move |e| words.set(event_target_value(&e)) />
                </div>
                <button type="submit" class="button primary">{move || t(Text::DonateButton)}</button>
            </form>
            <p class="error" role="alert">{move || error.get()}</p>
            <p class="success" role="status">{move || done.get()}</p>
        </section>
    }
}

/// The fund's statement, newest first, a page at a time; each line leads
/// to its exchange.
#[component]
fn FundStatement() -> impl IntoView {
    let locale = Locale::get();
    let t = move |text| locale.t(text);
    let session = Session::get();
    let shown = RwSignal::new(PAGE);
    let total = RwSignal::new(0_usize);
    let lines = move || {
        let language = locale.language();
        session
            .read(|tb, _| {
                let mut lines: Vec<_> = tb
                    .account_statement(&Account::CommunityFund)
                    .into_iter()
                    .map(|line| {
                        let words = tb
                            .exchange(&line.exchange)
                            .map(|e| crate::words::exchange_words(e, language, tb.info().currency))
                            .unwrap_or_default();
                        (
                            line.exchange.to_string(),
                            language.date(line.service_date),
                            account_name(tb, &line.other_party, language),
                            words,
                            line.change_minutes,
                            line.balance_minutes,
                        )
                    })
                    .collect();
                lines.reverse();
                lines
            })
            .unwrap_or_default()
    };
    view! {
        <h2 id="fund-statement-heading">{move || t(Text::FundStatementHeading)}</h2>
        {move || {
            let all = lines();
            total.set(all.len());
            if all.is_empty() {
                return view! { <p>{t(Text::FundStatementEmpty)}</p> }.into_any();
            }
            view! {
                <div class="table-scroll" role="region" aria-labelledby="fund-statement-heading" tabindex="0">
                    <table class="reflow">
                        <thead>
                            <tr>
                                <th scope="col">{t(Text::ColDate)}</th>
                                <th scope="col">{t(Text::ColWith)}</th>
                                <th scope="col">{t(Text::ColWhat)}</th>
                                <th scope="col">{t(Text::ColChange)}</th>
                                <th scope="col">{t(Text::ColBalance)}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {all.into_iter().take(shown.get()).map(|(id, date, with, words, change, balance)| view! {
                                <tr>
                                    <td data-label=t(Text::ColDate)>
                                        <A href=format!("/exchanges/{id}")>{date}</A>
                                    </td>
                                    <td data-label=t(Text::ColWith)>{with}</td>
                                    <td data-label=t(Text::ColWhat)>{words}</td>
                                    <td data-label=t(Text::ColChange)>{locale.amount(change)}</td>
                                    <td data-label=t(Text::ColBalance)>{locale.amount(balance)}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
                <div class="no-print"><ShowMore total=total shown=shown /></div>
            }
            .into_any()
        }}
    }
}

#[cfg(test)]
mod tests {
    use super::parse_money;

    #[test]
    fn money_reads_as_people_write_it_and_nothing_else() {
        let cases = [
            ("12", Some(1200)),
            ("12.50", Some(1250)),
            ("12.5", Some(1250)),
            ("£12.50", Some(1250)),
            (" 12,50 £", Some(1250)),
            ("12,50 €", Some(1250)),
            ("$3", Some(300)),
            ("0.05", Some(5)),
            (".5", Some(50)),
            ("1 000", Some(100_000)),
            ("100000", Some(10_000_000)),
            ("100000.01", None),
            ("0", None),
            ("", None),
            ("-5", None),
            ("12.505", None),
            ("twelve", None),
            ("12.50.1", None),
            ("£", None),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_money(text), expected, "{text:?}");
        }
    }
}
