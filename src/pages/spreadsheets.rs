//! Spreadsheets, for coordinators: members and exchanges out as CSV, and in
//! from CSV. An import checks every row first and applies nothing unless
//! all are good; every bad line is listed with its number.

use ledger::{ImportError, ImportSummary};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_meta::Title;

use crate::files::{offer_download, read_chosen_file};
use crate::i18n::{Language, Locale, Text};
use crate::page_heading::PageHeading;
use crate::pages::CoordinatorTabs;
use crate::session::{Session, file_stem, now};

/// What an import said: a summary, or what is wrong (and each bad line).
#[derive(Clone, Default)]
struct Outcome {
    done: Option<String>,
    problem: Option<String>,
    lines: Vec<String>,
}

fn import_outcome(result: Result<String, ImportError>, language: Language) -> Outcome {
    match result {
        Ok(done) => Outcome {
            done: Some(done),
            ..Outcome::default()
        },
        Err(error) => {
            let (problem, lines) = match error {
                ImportError::Unreadable(_) => {
                    (language.text(Text::ImportUnreadable).to_string(), vec![])
                }
                ImportError::MissingColumn(column) => (
                    language.fill(Text::ImportMissingColumn, &[("column", column)]),
                    vec![],
                ),
                ImportError::Empty => (language.text(Text::ImportEmpty).to_string(), vec![]),
                ImportError::NotAllowed(error) => (language.error(&error), vec![]),
                ImportError::Rows(rows) => (
                    language.count(rows.len(), Text::ImportRowsOne, Text::ImportRows),
                    rows.iter()
                        .map(|row| {
                            language.fill(
                                Text::ImportLine,
                                &[
                                    ("line", &row.line.to_string()),
                                    ("message", &language.row_reason(&row.reason)),
                                ],
                            )
                        })
                        .collect(),
                ),
            };
            Outcome {
                problem: Some(problem),
                lines,
                ..Outcome::default()
            }
        }
    }
}

#[component]
pub fn Spreadsheets() -> impl IntoView {
    let locale = Locale::get();
    let t = move |text| locale.t(text);
    let session = Session::get();
    let error = RwSignal::new(None::<String>);

    let download = move |members: bool| {
        let Some((text, stem)) = session.read(|tb, _| {
            let text = if members {
                tb.members_csv()
            } else {
                tb.exchanges_csv(now())
            };
            (text, file_stem(tb))
        }) else {
            return;
        };
        let kind = if members { "members" } else { "exchanges" };
        let name = format!("{stem}-{kind}-{}.csv", now().date());
        if let Err(problem) = offer_download(text.as_bytes(), &name, "text/csv;charset=utf-8") {
            error.set(Some(problem));
        }
    };

    view! {
        <Title text=move || t(Text::SpreadsheetsTitle).to_string() />
        <section class="page" aria-labelledby="spreadsheets-heading">
            <CoordinatorTabs />
            <PageHeading id="spreadsheets-heading">{move || t(Text::SpreadsheetsTitle)}</PageHeading>
            <Show
                when=move || session.is_coordinator()
                fallback=move || view! { <p>{locale.language().error(&ledger::LedgerError::NotCoordinator)}</p> }
            >
                <p>{move || t(Text::SpreadsheetsIntro)}</p>
                <div class="quick-choices">
                    <button type="button" class="button" on:click=move |_| download(true)>{move || t(Text::ExportMembersCsv)}</button>
                    <button type="button" class="button" on:click=move |_| download(false)>{move || t(Text::ExportExchangesCsv)}</button>
                </div>
                <p class="error" role="alert">{move || error.get()}</p>
                <Import
                    id="members"
                    heading=Text::ImportMembersHeading
                    help=Text::ImportMembersHelp
                    members=true
                />
                <Import
                    id="exchanges"
                    heading=Text::ImportExchangesHeading
                    help=Text::ImportExchangesHelp
                    members=false
                />
            </Show>
        </section>
    }
}

/// Choosing a CSV file imports it at once; the outcome shows below.
#[component]
fn Import(id: &'static str, heading: Text, help: Text, members: bool) -> impl IntoView {
    let locale = Locale::get();
    let t = move |text| locale.t(text);
    let session = Session::get();
    let outcome = RwSignal::new(Outcome::default());
    let input = NodeRef::<leptos::html::Input>::new();
    let heading_id = format!("import-{id}-heading");
    let labelled_by = heading_id.clone();
    let help_id = format!("import-{id}-help");
    let field_id = format!("import-{id}-file");

    let chosen = move |_| {
        let Some(input) = input.get() else { return };
        spawn_local(async move {
            let language = locale.language();
            outcome.set(Outcome::default());
            let text = read_chosen_file(&input)
                .await
                .and_then(|bytes| String::from_utf8(bytes).ok());
            input.set_value("");
            let Some(text) = text else {
                outcome.set(import_outcome(
                    Err(ImportError::Unreadable(String::new())),
                    language,
                ));
                return;
            };
            let result = session.change(|tb, me, now| {
                let imported = if members {
                    tb.import_members_csv(me, &text, now)
                } else {
                    tb.import_exchanges_csv(me, &text, now)
                };
                Ok(imported.map(|summary| summary_text(summary, members, language)))
            });
            let result = match result {
                Ok(imported) => imported,
                Err(error) => Err(ImportError::NotAllowed(error)),
            };
            outcome.set(import_outcome(result, language));
        });
    };
    view! {
        <section aria-labelledby=labelled_by>
            <h2 id=heading_id>{move || t(heading)}</h2>
            <p id=help_id.clone()>{move || t(help)}</p>
            <div class="field">
                <label for=field_id.clone()>{move || t(Text::ChooseCsvFile)}</label>
                <input
                    id=field_id
                    type="file"
                    accept=".csv,text/csv"
                    aria-describedby=help_id
                    node_ref=input
                    on:change=chosen
                />
            </div>
            <p class="success" role="status">{move || outcome.with(|o| o.done.clone())}</p>
            <div class="error" role="alert">
                {move || outcome.with(|o| o.problem.clone()).map(|problem| view! { <p>{problem}</p> })}
                {move || {
                    let lines = outcome.with(|o| o.lines.clone());
                    (!lines.is_empty()).then(|| view! {
                        <ul class="problem-lines">
                            {lines.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
                        </ul>
                    })
                }}
            </div>
        </section>
    }
}

fn summary_text(summary: ImportSummary, members: bool, language: Language) -> String {
    if members {
        language.fill(
            Text::ImportedMembers,
            &[
                (
                    "members",
                    &language.count(summary.members_added, Text::CountMember, Text::CountMembers),
                ),
                (
                    "balances",
                    &language.count(
                        summary.opening_balances,
                        Text::CountOpeningBalance,
                        Text::CountOpeningBalances,
                    ),
                ),
            ],
        )
    } else {
        language.fill(
            Text::ImportedExchanges,
            &[(
                "exchanges",
                &language.count(
                    summary.exchanges_added,
                    Text::CountExchange,
                    Text::CountExchanges,
                ),
            )],
        )
    }
}
