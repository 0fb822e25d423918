//! A first visit painted from `index.html` itself.
//!
//! A person's first visit downloads about a megabyte of compressed
//! WebAssembly; over a weak mobile connection that takes seconds, and until
//! now the page stayed blank meanwhile. So `index.html` carries the page a
//! first visit shows at `/` (the frame of the app and the welcome screen),
//! once for each language, as `<template id="tally-first-visit-…">`. Its
//! script paints the one in the device's language when this device keeps
//! no timebank (inert, into the element `first_paint` names, which the app
//! removes as it mounts and replaces with the same page in the same task).
//!
//! [`first_visit_html`] writes that markup from the app's own texts, in the
//! shape the shell and the welcome screen render; it runs in the tests only,
//! never in the app. `index.html` holds its output: a test fails when the
//! two differ and says how to write it again
//! (`TALLY_WRITE_INDEX=1 cargo test -p tally first_visit`), and a browser
//! test checks that the app, once it runs, puts everything in the same place.

use crate::first_paint::escape;
use crate::i18n::{Language, Text};
use crate::shell::TEXT_SIZES;

/// The `id` of the template holding the first visit's page in `language`.
pub fn template_id(language: Language) -> String {
    format!("tally-first-visit-{}", language.code())
}

/// The contents of `<body>` on a first visit to `/`, as the app renders
/// them for a device that keeps no timebank (without the app's markers).
pub fn first_visit_html(language: Language) -> String {
    let t = |text| escape(language.text(text));
    let languages: String = Language::ALL
        .into_iter()
        .map(|option| {
            format!(
                "<option value=\"{code}\" lang=\"{code}\"{selected}>{name}</option>",
                code = option.code(),
                selected = if option == language {
                    " selected=\"\""
                } else {
                    ""
                },
                name = escape(option.name()),
            )
        })
        .collect();
    // The shell's sizes, the first (the browser's own) chosen.
    let sizes: String = TEXT_SIZES
        .into_iter()
        .enumerate()
        .map(|(index, (value, text))| {
            format!(
                "<option value=\"{value}\"{selected}>{name}</option>",
                selected = if index == 0 { " selected=\"\"" } else { "" },
                name = t(text),
            )
        })
        .collect();
    format!(
        "<a class=\"skip-link\" href=\"#main\">{skip}</a>\
         <header class=\"shell-header\"><a class=\"brand\" href=\"/\">\
         <img src=\"/icons/tally.svg\" alt=\"\" width=\"32\" height=\"32\"><span>{app}</span></a>\
         <nav class=\"shell-nav\" aria-label=\"{nav}\"><ul>\
         <li><a href=\"/\" aria-current=\"page\">{start}</a></li>\
         <li><a href=\"/about\">{about}</a></li></ul></nav></header>\
         <main class=\"shell-main\" id=\"main\" tabindex=\"-1\">\
         <section class=\"page welcome\" aria-labelledby=\"welcome-heading\">\
         <h1 id=\"welcome-heading\" tabindex=\"-1\">{title}</h1>\
         <p class=\"lead\">{lead}</p><p>{none}</p><div class=\"choices\">\
         <a href=\"/create\" class=\"button primary\">{create}</a>\
         <a href=\"/open\" class=\"button\">{open}</a></div></section></main>\
         <footer class=\"shell-footer\"><label for=\"language-picker\">{language_label}</label>\
         <select id=\"language-picker\">{languages}</select>\
         <label for=\"text-size-picker\">{size_label}</label>\
         <select id=\"text-size-picker\">{sizes}</select></footer>",
        skip = t(Text::SkipToContent),
        app = t(Text::AppName),
        nav = t(Text::MainNavigation),
        start = t(Text::NavStart),
        about = t(Text::NavAbout),
        title = t(Text::WelcomeTitle),
        lead = t(Text::WelcomeLead),
        none = t(Text::WelcomeNoTimebank),
        create = t(Text::CreateTimebank),
        open = t(Text::OpenFromFile),
        language_label = t(Text::LanguageLabel),
        size_label = t(Text::SizeOfTextLabel),
    )
}

/// Every language's template, as `index.html` holds them.
pub fn templates() -> String {
    Language::ALL
        .into_iter()
        .map(|language| {
            format!(
                "    <template id=\"{}\">{}</template>\n",
                template_id(language),
                first_visit_html(language)
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const START: &str = "    <!-- The first visit's page (src/first_visit.rs writes it). -->\n";
    const END: &str = "    <!-- End of the first visit's page. -->\n";

    /// `index.html` holds the templates this release writes. With
    /// `TALLY_WRITE_INDEX=1` the test writes them there instead.
    #[test]
    fn index_html_holds_the_first_visit_of_every_language() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/index.html");
        let index = std::fs::read_to_string(path).unwrap();
        let start = index
            .find(START)
            .expect("index.html marks where the first visit's page starts")
            + START.len();
        let end = index
            .find(END)
            .expect("index.html marks where the first visit's page ends");
        let wanted = templates();
        if index[start..end] == wanted {
            return;
        }
        if std::env::var_os("TALLY_WRITE_INDEX").is_some() {
            let written = format!("{}{wanted}{}", &index[..start], &index[end..]);
            std::fs::write(path, written).unwrap();
            return;
        }
        panic!(
            "index.html's first visit is not what the app's texts say now: \
             write it again with `TALLY_WRITE_INDEX=1 cargo test -p tally first_visit`"
        );
    }

    #[test]
    fn each_language_paints_its_own_words() {
        for language in Language::ALL {
            let html = first_visit_html(language);
            for text in [
                Text::WelcomeTitle,
                Text::CreateTimebank,
                Text::NavStart,
                Text::SkipToContent,
            ] {
                assert!(
                    html.contains(&escape(language.text(text))),
                    "{language:?}: {text:?}"
                );
            }
            assert!(
                html.contains(&format!(
                    "<option value=\"{}\" lang=\"{}\" selected=\"\">",
                    language.code(),
                    language.code()
                )),
                "{language:?} is the language chosen"
            );
            // The page's Content-Security-Policy allows no inline style or script.
            assert!(!html.contains("style=") && !html.contains("<script"));
            assert!(
                !html.split(" on").skip(1).any(|after| after
                    .split_once('=')
                    .is_some_and(|(name, _)| name.chars().all(|c| c.is_ascii_lowercase()))),
                "{language:?} has an inline event handler"
            );
        }
        assert_ne!(
            first_visit_html(Language::English),
            first_visit_html(Language::French)
        );
    }
}
