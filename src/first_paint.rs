//! The home screen painted before the app's code has loaded.
//!
//! Opening Tally means downloading and compiling about 3 MB of WebAssembly;
//! on a slow phone that alone takes longer than a person should wait to see
//! their balance. So, whenever the view of the open timebank is kept (see
//! [`crate::cached_view`]), the whole page as the kept view paints it (the
//! shell as it is now, with the kept home screen in its main area) is kept
//! beside it as markup (`tally.tb.<id>.page`: a few kilobytes, where the
//! view, with the members directory, can be a hundred; the script reads
//! only the page). It is removed before the view is written and written
//! after it, so it is never of an older state than the view. A small script
//! in `index.html` shows that markup at once, before the app loads, and only
//! when nothing it depends on has changed since: the same timebank, the
//! same person using the device, the same language and text size. The app
//! removes it when it mounts and paints the same kept view itself.
//!
//! The kept home screen has one renderer, [`home_html`], used both for this
//! markup and by the app's own kept home screen, so the two never differ.

use serde::{Deserialize, Serialize};

use crate::cached_view::CachedView;
use crate::i18n::{Language, Text};

/// The element the script in `index.html` paints into (inert, so nothing in
/// it can be used before the app is there), removed when the app mounts.
pub const ELEMENT_ID: &str = "tally-first-paint";

/// The page as the kept view paints it, and what it was painted for.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KeptPage {
    /// Who was using the device (a member id), if anyone.
    pub me: Option<String>,
    /// The language remembered on the device (`tally.language`), if any.
    pub language: Option<String>,
    /// The text size remembered on the device (`tally.text-size`), if any.
    pub text_size: Option<String>,
    /// `<html lang>` and `<html style>` as they were.
    pub lang: String,
    pub style: Option<String>,
    /// The page's title.
    pub title: String,
    /// The contents of `<body>`.
    pub html: String,
}

/// Text made safe to place between tags or in a quoted attribute.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The kept home screen's contents (inside its `<section>`): the timebank's
/// name, my balance, that the timebank is opening, and my recent exchanges.
pub fn home_html(view: &CachedView, language: Language) -> String {
    let unit = ledger::Unit::named(&view.unit_label, &view.unit_label_one);
    let mut html = format!(
        "<h1 id=\"home-heading\">{}</h1>\
         <div class=\"balance-card\"><h2>{}</h2>\
         <p class=\"balance\" data-testid=\"my-balance\">{}</p></div>\
         <p class=\"hint\" role=\"status\">{}</p><h2>{}</h2>",
        escape(&view.name),
        escape(language.text(Text::YourBalance)),
        escape(&language.amount(view.my_balance.unwrap_or(0), &unit)),
        escape(language.text(Text::OpeningTimebank)),
        escape(language.text(Text::RecentExchanges)),
    );
    if view.recent.is_empty() {
        html.push_str(&format!(
            "<p>{}</p>",
            escape(language.text(Text::NoExchangesYet))
        ));
        return html;
    }
    html.push_str("<ul class=\"exchange-list\">");
    for line in &view.recent {
        let date = ledger::Date::parse(&line.date)
            .map(|date| language.date(date))
            .unwrap_or_else(|| line.date.clone());
        let mark = crate::pages::mark_words(language, line.mark)
            .map(|mark| format!("<span class=\"mark\">{}</span>", escape(mark)))
            .unwrap_or_default();
        html.push_str(&format!(
            "<li><span class=\"when\">{}</span><span class=\"who\">{}</span>\
             <span class=\"amount\">{}</span>{mark}<span class=\"what\">{}</span></li>",
            escape(&date),
            escape(&crate::pages::line_words(language, line)),
            escape(&language.amount(line.minutes.abs(), &unit)),
            escape(&line.description),
        ));
    }
    html.push_str("</ul>");
    html
}

/// The kept home screen's `<section>`.
fn home_section(view: &CachedView, language: Language) -> String {
    format!(
        "<section class=\"page\" aria-labelledby=\"home-heading\" data-view=\"cached\">{}</section>",
        home_html(view, language)
    )
}

/// Removes the page painted by `index.html`, before the app mounts.
pub fn remove() {
    let element = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id(ELEMENT_ID));
    if let Some(element) = element {
        element.remove();
    }
}

/// The page as `view` paints it now: the shell as it is on screen (its
/// passing notices left out, the home link marked current) with the kept
/// home screen in the main area. `None` when the page has no shell yet, or
/// when what is stored on the device (the person using it for timebank
/// `id`, the language, the text size) is no longer what this page shows,
/// as when another tab changed it: the next opening would not match it.
pub fn capture(view: &CachedView, id: &str, me: Option<&str>) -> Option<KeptPage> {
    use wasm_bindgen::JsCast;
    let document = web_sys::window()?.document()?;
    let root = document.document_element()?;
    let lang = root.get_attribute("lang").unwrap_or_default();
    let language = Language::from_code(&lang).unwrap_or(Language::English);
    let body = document.body()?;
    let copy: web_sys::Element = body.clone_node_with_deep(true).ok()?.dyn_into().ok()?;
    // A choice shown by a select is a property, not markup: copied over.
    let (live, copied) = (
        body.query_selector_all("option").ok()?,
        copy.query_selector_all("option").ok()?,
    );
    for i in 0..live.length().min(copied.length()) {
        let (Some(live), Some(copied)) = (live.item(i), copied.item(i)) else {
            continue;
        };
        let selected = js_sys::Reflect::get(&live, &"selected".into())
            .ok()
            .and_then(|v| v.as_bool())
            .unwrap_or(false);
        if let Ok(copied) = copied.dyn_into::<web_sys::Element>() {
            if selected {
                let _ = copied.set_attribute("selected", "");
            } else {
                let _ = copied.remove_attribute("selected");
            }
        }
    }
    for selector in ["script", "noscript", "#tally-first-paint", ".notice"] {
        let found = copy.query_selector_all(selector).ok()?;
        for i in 0..found.length() {
            if let Some(node) = found
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            {
                node.remove();
            }
        }
    }
    let main = copy.query_selector("#main").ok()??;
    main.set_inner_html(&home_section(view, language));
    let current = copy.query_selector_all("nav [aria-current]").ok()?;
    for i in 0..current.length() {
        if let Some(link) = current
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        {
            let _ = link.remove_attribute("aria-current");
        }
    }
    if let Some(home) = copy.query_selector("nav a[href='/']").ok()? {
        let _ = home.set_attribute("aria-current", "page");
    }
    let stored = |key: &str| {
        web_sys::window()?
            .local_storage()
            .ok()??
            .get_item(key)
            .ok()?
    };
    let stored_me = crate::storage::device_member(&crate::storage::BrowserStore, id);
    let stored_language = stored(crate::i18n::STORAGE_KEY);
    let stored_size = stored(crate::shell::TEXT_SIZE_KEY);
    let style = root.get_attribute("style");
    let size_shown = wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlElement>(&root)
        .and_then(|root| root.style().get_property_value("font-size").ok());
    let shown = stored_me.as_ref().map(|m| m.as_str()) == me
        && stored_language.as_deref().is_none_or(|code| code == lang)
        && stored_size
            .as_deref()
            .is_none_or(|size| size_shown.as_deref() == Some(size));
    if !shown {
        return None;
    }
    Some(KeptPage {
        me: me.map(str::to_string),
        language: stored_language,
        text_size: stored_size,
        lang,
        style,
        title: format!("{} · Tally", language.text(Text::NavHome)),
        html: copy.inner_html(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cached_view::CachedLine;

    fn view(description: &str) -> CachedView {
        CachedView {
            heads: vec!["ab".into()],
            name: "Riverside <Timebank>".into(),
            unit_label: "hours".into(),
            unit_label_one: String::new(),
            my_balance: Some(150),
            recent: vec![CachedLine {
                date: "2026-11-30".into(),
                other: None,
                minutes: -90,
                description: description.into(),
                exchange: String::new(),
                mark: crate::cached_view::Mark::WaitsForOther,
                reversal: false,
            }],
            members: Vec::new(),
        }
    }

    #[test]
    fn text_never_becomes_markup() {
        for (text, shown) in [
            (
                "<script>alert(1)</script>",
                "&lt;script&gt;alert(1)&lt;/script&gt;",
            ),
            (
                "Tom & Jerry's \"garden\"",
                "Tom &amp; Jerry&#39;s &quot;garden&quot;",
            ),
            ("plain", "plain"),
        ] {
            let html = home_html(&view(text), Language::English);
            assert!(
                html.contains(&format!("<span class=\"what\">{shown}</span>")),
                "{html}"
            );
            assert!(html.contains("Riverside &lt;Timebank&gt;"), "{html}");
            assert!(!html.contains("<script>"), "{html}");
        }
    }

    #[test]
    fn the_kept_home_screen_shows_balance_and_lines_in_the_language() {
        for language in [Language::English, Language::French] {
            let html = home_html(&view("Gardening"), language);
            let balance = escape(&language.duration(150));
            assert!(
                html.contains(&format!("data-testid=\"my-balance\">{balance}</p>")),
                "{html}"
            );
            for words in [
                language.text(Text::RecentToFund),
                language.text(Text::MarkWaitsForOther),
                &language.duration(90),
            ] {
                assert!(html.contains(&escape(words)), "{words} in {html}");
            }
        }
        let empty = CachedView {
            recent: Vec::new(),
            ..view("x")
        };
        assert!(
            home_html(&empty, Language::English)
                .contains(Language::English.text(Text::NoExchangesYet))
        );
    }

    #[test]
    fn the_kept_home_screen_counts_in_the_timebanks_unit() {
        let credits = CachedView {
            unit_label: "time credits".into(),
            unit_label_one: "time credit".into(),
            ..view("Gardening")
        };
        let html = home_html(&credits, Language::English);
        for words in ["2.5 time credits", "1.5 time credits"] {
            assert!(html.contains(words), "{words} in {html}");
        }
        assert!(!html.contains("hours"), "{html}");
    }
}
