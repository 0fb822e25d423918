//! Paper for members without a phone, for coordinators: blank trading-day
//! slips with the timebank's name, to fill in by hand, and member cards
//! (name, number, and a QR code of the number: a scanner that types what
//! it reads fills the trading day's member number fields with it).

use ledger::MemberStatus;
use leptos::prelude::*;
use leptos_meta::Title;

use crate::i18n::{Locale, Text};
use crate::page_heading::PageHeading;
use crate::pages::CoordinatorTabs;
use crate::session::Session;

/// Slips on one printed sheet.
const SLIPS_PER_SHEET: usize = 6;

/// A QR code of `text`, as SVG markup.
fn qr_svg(text: &str) -> String {
    qrcode::QrCode::new(text.as_bytes())
        .map(|code| {
            code.render::<qrcode::render::svg::Color<'_>>()
                .min_dimensions(96, 96)
                .quiet_zone(true)
                .build()
        })
        .unwrap_or_default()
}

#[component]
pub fn Printables() -> impl IntoView {
    let locale = Locale::get();
    let t = move |text| locale.t(text);
    let session = Session::get();
    // "slips" or "cards".
    let what = RwSignal::new("slips".to_string());
    let name = move || {
        session
            .read(|tb, _| tb.info().name.clone())
            .unwrap_or_default()
    };
    let cards = move || {
        session
            .read(|tb, _| {
                let mut members: Vec<(u32, String)> = tb
                    .members()
                    .filter(|m| m.status == MemberStatus::Active)
                    .map(|m| (m.number, m.name.clone()))
                    .collect();
                members.sort();
                members
            })
            .unwrap_or_default()
    };
    let print = move |_| {
        let _ = window().print();
    };
    view! {
        <Title text=move || t(Text::PrintablesTitle).to_string() />
        <section class="page" aria-labelledby="printables-heading">
            <Show when=move || session.is_coordinator()>
                <div class="no-print"><CoordinatorTabs /></div>
            </Show>
            <PageHeading id="printables-heading">{move || t(Text::PrintablesTitle)}</PageHeading>
            <div class="no-print stack">
                <p>{move || t(Text::PrintablesIntro)}</p>
                <fieldset class="field">
                    <legend>{move || t(Text::PrintWhatLegend)}</legend>
                    <div class="quick-choices">
                        <label class="choice" for="print-slips">
                            <input type="radio" id="print-slips" name="print-what" prop:checked=move || what.get() == "slips"
                                on:change=move |_| what.set("slips".into()) />
                            {move || t(Text::BlankSlips)}
                        </label>
                        <label class="choice" for="print-cards">
                            <input type="radio" id="print-cards" name="print-what" prop:checked=move || what.get() == "cards"
                                on:change=move |_| what.set("cards".into()) />
                            {move || t(Text::MemberCards)}
                        </label>
                    </div>
                </fieldset>
                <button type="button" class="button primary" on:click=print>{move || t(Text::PrintThem)}</button>
            </div>
            {move || if what.get() == "slips" {
                let name = name();
                view! {
                    <div class="printables slips" data-testid="blank-slips">
                        {(0..SLIPS_PER_SHEET).map(|_| view! {
                            <div class="slip">
                                <p class="slip-title">{name.clone()}</p>
                                {[
                                    Text::SlipNumberBlank,
                                    Text::DateBlank,
                                    Text::GaveBlank,
                                    Text::ReceivedBlank,
                                    Text::HowLongBlank,
                                    Text::WhatBlank,
                                    Text::SignaturesBlank,
                                ].into_iter().map(|text| view! {
                                    <p class="blank-line">{t(text)}</p>
                                }).collect_view()}
                            </div>
                        }).collect_view()}
                    </div>
                }.into_any()
            } else {
                let language = locale.language();
                let timebank = name();
                view! {
                    <ul class="printables cards" data-testid="member-cards">
                        {cards().into_iter().map(|(number, member)| {
                            let svg = qr_svg(&number.to_string());
                            let label = language.fill(Text::CardQrLabel, &[("number", &number.to_string())]);
                            view! {
                                <li class="card">
                                    <div>
                                        <p class="card-timebank">{timebank.clone()}</p>
                                        <p class="card-name">{member}</p>
                                        <p class="card-number">{format!("{} {number}", t(Text::MemberNumberShort))}</p>
                                    </div>
                                    <figure class="qr" role="img" aria-label=label inner_html=svg></figure>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}
