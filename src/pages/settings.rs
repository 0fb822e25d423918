//! The timebank's settings, for coordinators: limits, who confirms, the
//! confirmation deadline, whether balances are shown, and the hourly value
//! used in reports; and how much of this device's storage it uses.

use ledger::{ConfirmationPolicy, Settings};
use leptos::prelude::*;
use leptos_meta::Title;

use crate::form::TextField;
use crate::i18n::{Locale, Text};
use crate::page_heading::PageHeading;
use crate::pages::CoordinatorTabs;
use crate::session::Session;

const POLICIES: [(ConfirmationPolicy, &str, Text); 3] = [
    (
        ConfirmationPolicy::OtherParty,
        "other_party",
        Text::ConfirmOther,
    ),
    (ConfirmationPolicy::Payer, "payer", Text::ConfirmPayer),
    (ConfirmationPolicy::Nobody, "nobody", Text::ConfirmNobody),
];

/// Hours as typed ("-10", "2.5") to minutes.
fn minutes_from_hours(text: &str) -> Option<i64> {
    let hours: f64 = text.trim().replace(',', ".").parse().ok()?;
    hours.is_finite().then(|| (hours * 60.0).round() as i64)
}

/// Pounds as typed ("12", "12.50") to pence; `None` if not a sum of money.
fn pence_from_pounds(text: &str) -> Option<u32> {
    let pounds: f64 = text
        .trim()
        .trim_start_matches('£')
        .replace(',', ".")
        .parse()
        .ok()?;
    (pounds.is_finite() && (0.0..1_000_000.0).contains(&pounds))
        .then(|| (pounds * 100.0).round() as u32)
}

/// `navigator.storage.estimate()`: (usage, quota) in bytes.
async fn storage_estimate() -> Option<(f64, f64)> {
    let promise = window().navigator().storage().estimate().ok()?;
    let estimate = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?;
    let field = |name: &str| {
        js_sys::Reflect::get(&estimate, &wasm_bindgen::JsValue::from_str(name))
            .ok()?
            .as_f64()
    };
    Some((field("usage")?, field("quota")?))
}

/// Whether there is room, in words first: plenty, more than half used, or
/// nearly none left (of `quota` bytes the browser gives, `usage` used).
fn room(usage: f64, quota: f64) -> Text {
    if usage >= quota * 0.9 {
        Text::StorageRoomNearlyFull
    } else if usage >= quota * 0.5 {
        Text::StorageRoomHalf
    } else {
        Text::StorageRoomPlenty
    }
}

/// Categories as typed, one per line: blank lines and repeats dropped.
fn category_lines(text: &str) -> Vec<String> {
    let mut seen = Vec::<String>::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if !seen.iter().any(|c| c.eq_ignore_ascii_case(line)) {
            seen.push(line.to_string());
        }
    }
    seen
}

fn hours_text(minutes: i64) -> String {
    if minutes % 60 == 0 {
        (minutes / 60).to_string()
    } else {
        format!("{:.2}", minutes as f64 / 60.0)
    }
}

#[component]
pub fn SettingsPage() -> impl IntoView {
    let locale = Locale::get();
    let t = move |text| locale.t(text);
    let session = Session::get();
    let current = session
        .read(|tb, _| tb.settings().clone())
        .unwrap_or_default();
    let floor = RwSignal::new(hours_text(current.debit_floor_minutes));
    let ceiling = RwSignal::new(hours_text(current.credit_ceiling_minutes));
    let policy = RwSignal::new(
        POLICIES
            .iter()
            .find(|(p, _, _)| *p == current.confirmation)
            .map_or("other_party", |(_, code, _)| *code)
            .to_string(),
    );
    let days = RwSignal::new(current.confirm_within_days.to_string());
    let auto_confirm = RwSignal::new(current.auto_confirm);
    let balances_visible = RwSignal::new(current.balances_visible);
    let hourly = RwSignal::new(format!(
        "{:.2}",
        f64::from(current.hourly_value_pence) / 100.0
    ));
    let categories = RwSignal::new(current.categories.join("\n"));
    let error = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<String>);
    let is_coordinator = move || session.is_coordinator();

    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let language = locale.language();
        done.set(None);
        let parsed = (|| {
            Some(Settings {
                debit_floor_minutes: minutes_from_hours(&floor.get_untracked())?,
                credit_ceiling_minutes: minutes_from_hours(&ceiling.get_untracked())?,
                confirmation: POLICIES
                    .iter()
                    .find(|(_, code, _)| *code == policy.get_untracked())
                    .map(|(p, _, _)| *p)?,
                confirm_within_days: days.get_untracked().trim().parse().ok()?,
                auto_confirm: auto_confirm.get_untracked(),
                balances_visible: balances_visible.get_untracked(),
                hourly_value_pence: pence_from_pounds(&hourly.get_untracked())?,
                categories: category_lines(&categories.get_untracked()),
            })
        })();
        let Some(settings) = parsed else {
            error.set(Some(language.text(Text::NotANumber).to_string()));
            return;
        };
        match session.change(|tb, me, now| tb.update_settings(me, settings, now)) {
            Ok(()) => {
                error.set(None);
                done.set(Some(language.text(Text::Saved).to_string()));
            }
            Err(problem) => error.set(Some(language.error(&problem))),
        }
    };
    // What each timebank takes, and in which kind of store.
    let report = LocalResource::new(move || async move { session.storage_report().await });
    let used = move || {
        let language = locale.language();
        report.get().map(|report| {
            let kind = match report.small_store_fits {
                Some(count) => language.fill(Text::StorageSmall, &[("count", &language.grouped(count as u64))]),
                None => language.text(Text::StorageAllTimebanks).to_string(),
            };
            view! {
                <p data-testid="storage-kind">{kind}</p>
                <ul data-testid="storage-used">
                    {report.timebanks.into_iter().map(|(name, bytes)| view! {
                        <li>{language.fill(Text::StorageUsed, &[("name", &name), ("size", &language.size(bytes as f64))])}</li>
                    }).collect_view()}
                </ul>
                {(!report.asides.is_empty()).then(|| view! {
                    <h3>{language.text(Text::AsideHeading)}</h3>
                    <ul class="stack">
                        {report.asides.into_iter().map(|aside| {
                            let label = language.fill(Text::AsideDownload, &[
                                ("number", &aside.number.to_string()),
                                ("size", &language.size(aside.bytes.len() as f64)),
                            ]);
                            let reason = aside.reason.clone().unwrap_or_default();
                            let download = move |_| {
                                let name = format!("tally-set-aside-{}-{}.automerge", &aside.id[..aside.id.len().min(8)], aside.number);
                                let _ = crate::files::offer_download(&aside.bytes, &name, "application/octet-stream");
                            };
                            view! {
                                <li>
                                    <button type="button" class="button" on:click=download>{label}</button>
                                    <p class="hint">{reason}</p>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                })}
            }
        })
    };
    // The browser's own estimate of space for this site, when it gives one.
    let estimate = LocalResource::new(storage_estimate);
    let left = move || {
        let (usage, quota) = estimate.get().flatten()?;
        let language = locale.language();
        Some(language.fill(
            room(usage, quota),
            &[
                ("quota", &language.size(quota)),
                ("usage", &language.size(usage)),
            ],
        ))
    };

    // Whether the browser keeps the data; asking again when it does not.
    let kept = LocalResource::new(crate::storage::is_persisted);
    let kept_text = move || {
        let text = match kept.get().flatten() {
            Some(true) => Text::PersistGranted,
            Some(false) => Text::PersistRefused,
            None => Text::PersistUnknown,
        };
        t(text)
    };
    let ask_again = move |_| {
        leptos::task::spawn_local(async move {
            crate::storage::ask_to_persist().await;
            kept.refetch();
        });
    };

    let number_field = move |id: &'static str, label: Text, value: RwSignal<String>| {
        view! {
            <div class="field">
                <label for=id>{move || {
                    let language = locale.language();
                    language.fill(label, &[("currency", language.currency_name(session.currency()))])
                }}</label>
                <input id=id type="text" inputmode="decimal" prop:value=move || value.get() on:input=move |e| value.set(event_target_value(&e)) />
            </div>
        }
    };
    let check_field = move |id: &'static str, label: Text, value: RwSignal<bool>| {
        view! {
            <label class="choice" for=id>
                <input id=id type="checkbox" prop:checked=move || value.get() on:change=move |e| value.set(event_target_checked(&e)) />
                {move || t(label)}
            </label>
        }
    };

    view! {
        <Title text=move || t(Text::SettingsTitle).to_string() />
        <section class="page" aria-labelledby="settings-heading">
            <CoordinatorTabs />
            <PageHeading id="settings-heading">{move || t(Text::SettingsTitle)}</PageHeading>
            <h2>{move || t(Text::StorageHeading)}</h2>
            {used}
            <p>{left}</p>
            <p data-testid="persisted" role="status">{kept_text}</p>
            <Show when=move || kept.get().flatten() != Some(true)>
                <button type="button" class="button" on:click=ask_again>{move || t(Text::PersistAskAgain)}</button>
            </Show>
            <Show when=is_coordinator fallback=move || view! { <p>{locale.language().error(&ledger::LedgerError::NotCoordinator)}</p> }>
                <TimebankDetailsForm />
                <h2>{move || t(Text::RulesHeading)}</h2>
                <form class="stack" on:submit=submit novalidate=true>
                    {number_field("floor", Text::FloorLabel, floor)}
                    {number_field("ceiling", Text::CeilingLabel, ceiling)}
                    <div class="field">
                        <label for="policy">{move || t(Text::ConfirmationLabel)}</label>
                        <select id="policy" on:change=move |e| policy.set(event_target_value(&e))>
                            {POLICIES.iter().map(|(_, code, text)| view! {
                                <option value=*code selected=move || policy.get() == *code>{move || t(*text)}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    {number_field("confirm-days", Text::ConfirmDaysLabel, days)}
                    {check_field("auto-confirm", Text::AutoConfirmLabel, auto_confirm)}
                    {check_field("balances-visible", Text::BalancesVisibleLabel, balances_visible)}
                    {number_field("hourly-value", Text::HourlyValueLabel, hourly)}
                    <div class="field">
                        <label for="categories">{move || t(Text::CategoriesLabel)}</label>
                        <p class="hint" id="categories-hint">{move || t(Text::CategoriesHint)}</p>
                        <textarea
                            id="categories"
                            rows="8"
                            aria-describedby="categories-hint"
                            prop:value=move || categories.get()
                            on:input=move |e| categories.set(event_target_value(&e))
                        ></textarea>
                    </div>
                    <p class="error" role="alert">{move || error.get()}</p>
                    <p class="success" role="status">{move || done.get()}</p>
                    <button type="submit" class="button primary">{move || t(Text::SaveSettings)}</button>
                </form>
            </Show>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn room_is_said_in_words() {
        const GB: f64 = 1e9;
        let cases = [
            (2.8e6, 10.0 * GB, Text::StorageRoomPlenty),
            (4.9 * GB, 10.0 * GB, Text::StorageRoomPlenty),
            (5.0 * GB, 10.0 * GB, Text::StorageRoomHalf),
            (8.9 * GB, 10.0 * GB, Text::StorageRoomHalf),
            (9.0 * GB, 10.0 * GB, Text::StorageRoomNearlyFull),
            (1.0, 0.0, Text::StorageRoomNearlyFull),
        ];
        for (usage, quota, words) in cases {
            assert_eq!(room(usage, quota), words, "{usage} of {quota}");
        }
    }
}

/// The timebank itself: its name, what it calls an hour, the currency its cash is counted in, and
/// the language new devices show it in.
#[component]
fn TimebankDetailsForm() -> impl IntoView {
    let locale = Locale::get();
    let t = move |text| locale.t(text);
    let session = Session::get();
    let current = session.read(|tb, _| tb.info().clone());
    let name = RwSignal::new(current.as_ref().map(|i| i.name.clone()).unwrap_or_default());
    let currency = RwSignal::new(
        current
            .as_ref()
            .map_or(ledger::Currency::default(), |i| i.currency)
            .code()
            .to_string(),
    );
    let unit = RwSignal::new(
        current
            .as_ref()
            .map(|i| i.unit_label.clone())
            .unwrap_or_default(),
    );
    let unit_one = RwSignal::new(
        current
            .as_ref()
            .map(|i| i.unit_label_one.clone())
            .unwrap_or_default(),
    );
    let language = RwSignal::new(current.and_then(|i| i.language).unwrap_or_default());
    let error = RwSignal::new(None::<String>);
    // Said in the language shown, which saving may have just changed.
    let done = RwSignal::new(None::<Text>);
    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        // No word for the unit: hours.
        let unit_label = match unit.get_untracked().trim() {
            "" => locale.language().text(Text::DefaultUnit).to_string(),
            label => label.to_string(),
        };
        let details = ledger::TimebankDetails {
            name: name.get_untracked(),
            unit_label: unit_label.clone(),
            unit_label_one: unit_one.get_untracked(),
            currency: ledger::Currency::from_code(&currency.get_untracked()).unwrap_or_default(),
            language: Some(language.get_untracked()).filter(|code| !code.is_empty()),
        };
        match session.change(|tb, me, now| tb.update_details(me, details, now)) {
            Ok(()) => {
                error.set(None);
                unit.set(unit_label);
                done.set(Some(Text::Saved));
            }
            Err(problem) => {
                done.set(None);
                error.set(Some(locale.language().error(&problem)));
                crate::form::focus_id("timebank-name");
            }
        }
    };
    view! {
        <h2 id="timebank-details-heading">{move || t(Text::TimebankDetailsHeading)}</h2>
        <form class="stack" on:submit=save novalidate=true aria-labelledby="timebank-details-heading">
            <div class="field">
                <label for="timebank-name">{move || t(Text::TimebankNameLabel)}</label>
                <input id="timebank-name" type="text" prop:value=move || name.get() on:input=move |e| name.set(event_target_value(&e)) />
            </div>
            <TextField
                id="timebank-unit"
                label=Signal::derive(move || t(Text::UnitLabelLabel))
                hint=Signal::derive(move || t(Text::UnitLabelHint).to_string())
                value=unit
                error=Signal::derive(|| None::<String>)
                autocomplete="off"
            />
            <TextField
                id="timebank-unit-one"
                label=Signal::derive(move || t(Text::UnitLabelOneLabel))
                hint=Signal::derive(move || t(Text::UnitLabelOneHint).to_string())
                value=unit_one
                error=Signal::derive(|| None::<String>)
                autocomplete="off"
            />
            <div class="field">
                <label for="timebank-currency">{move || t(Text::CurrencyLabel)}</label>
                <select id="timebank-currency" on:change=move |e| currency.set(event_target_value(&e)) prop:value=move || currency.get()>
                    {ledger::Currency::ALL.into_iter().map(|c| view! {
                        <option value=c.code()>{move || {
                            let language = locale.language();
                            format!("{} ({})", language.currency_name(c), c.sign())
                        }}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="timebank-language">{move || t(Text::TimebankLanguageLabel)}</label>
                <select id="timebank-language" on:change=move |e| language.set(event_target_value(&e)) prop:value=move || language.get()>
                    <option value="">{move || t(Text::BrowsersLanguage)}</option>
                    {crate::i18n::Language::ALL.into_iter().map(|l| view! {
                        <option value=l.code()>{l.name()}</option>
                    }).collect_view()}
                </select>
            </div>
            <p class="error" role="alert">{move || error.get()}</p>
            <p class="success" role="status">{move || done.get().map(t)}</p>
            <button type="submit" class="button primary">{move || t(Text::SaveChanges)}</button>
        </form>
    }
}
