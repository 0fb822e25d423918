//! The translation catalogue: every piece of text the app shows, in every
//! language it ships. The texts are named in `text`; each language is one
//! exhaustive `match` in its own module (`english`, `french`), so the
//! compiler refuses a build in which any language lacks a text; `errors`
//! words the ledger's refusals. Dates, numbers and durations are formatted
//! here, for the chosen language.

use ledger::Date;
use leptos::prelude::*;

mod english;
mod errors;
mod french;
mod text;

use english::english;
use french::french;
pub use text::Text;

/// The languages Tally ships. Adding one: a variant here, its `code` and
/// `name`, and one more module like `english` (the compiler lists every
/// text it still needs).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Language {
    English,
    French,
}

impl Language {
    pub const ALL: [Language; 2] = [Language::English, Language::French];

    /// The BCP 47 code, for `<html lang>` and storage.
    pub fn code(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::French => "fr",
        }
    }

    /// The language's name in itself, for the language picker.
    pub fn name(self) -> &'static str {
        match self {
            Language::English => "English",
            Language::French => "Français",
        }
    }

    pub fn from_code(code: &str) -> Option<Language> {
        let primary = code.split(['-', '_']).next()?.to_ascii_lowercase();
        Language::ALL.into_iter().find(|l| l.code() == primary)
    }

    pub fn text(self, text: Text) -> &'static str {
        match self {
            Language::English => english(text),
            Language::French => french(text),
        }
    }

    /// A text with `{name}`-style placeholders filled in.
    pub fn fill(self, text: Text, values: &[(&str, &str)]) -> String {
        let mut filled = self.text(text).to_string();
        for (name, value) in values {
            filled = filled.replace(&format!("{{{name}}}"), value);
        }
        filled
    }

    /// A count in words, through the language's plural rule: `one` for
    /// the singular (1 in English; 0 and 1 in French), else `other`, with
    /// `{count}` filled in (its thousands grouped).
    pub fn count(self, count: usize, one: Text, other: Text) -> String {
        let singular = self.is_singular(count as u64 * 100);
        let number = self.grouped(count as u64);
        self.fill(if singular { one } else { other }, &[("count", &number)])
    }

    /// The language's plural rule, for an amount in hundredths: singular
    /// for exactly one in English, for under two in French ("0,5 heure").
    fn is_singular(self, hundredths: u64) -> bool {
        match self {
            Language::English => hundredths == 100,
            Language::French => hundredths < 200,
        }
    }

    /// What separates whole numbers from their fraction: "1.5", "1,5".
    fn decimal_mark(self) -> char {
        match self {
            Language::English => '.',
            Language::French => ',',
        }
    }

    /// A duration in words, as a screen reader should say it:
    /// "1 hour 30 minutes", "-45 minutes", "2 heures".
    pub fn duration(self, minutes: i64) -> String {
        let sign = if minutes < 0 { "-" } else { "" };
        let total = minutes.unsigned_abs();
        let (hours, rest) = (total / 60, total % 60);
        let (hour, hours_word, minute, minutes_word) = match self {
            Language::English => ("hour", "hours", "minute", "minutes"),
            Language::French => ("heure", "heures", "minute", "minutes"),
        };
        let hours_text = match hours {
            0 => None,
            1 => Some(format!("1 {hour}")),
            n => Some(format!("{n} {hours_word}")),
        };
        let minutes_text = match rest {
            0 => None,
            1 => Some(format!("1 {minute}")),
            n => Some(format!("{n} {minutes_word}")),
        };
        let words = match (hours_text, minutes_text) {
            (Some(h), Some(m)) => format!("{h} {m}"),
            (Some(h), None) => h,
            (None, Some(m)) => m,
            (None, None) => format!("0 {minutes_word}"),
        };
        format!("{sign}{words}")
    }

    /// An amount of time in the timebank's unit, as every balance and
    /// exchange shows it: hours and minutes in words, or a number of the
    /// timebank's own unit to two places ("1.5 time credits", "1 time
    /// credit"), singular by the language's plural rule.
    pub fn amount(self, minutes: i64, unit: &ledger::Unit) -> String {
        let ledger::Unit::Named { one, other } = unit else {
            return self.duration(minutes);
        };
        let sign = if minutes < 0 { "-" } else { "" };
        // Hundredths of the unit (an hour), rounded.
        let hundredths = (minutes.unsigned_abs() * 100 + 30) / 60;
        let (whole, rest) = (hundredths / 100, hundredths % 100);
        let mut number = self.grouped(whole);
        if rest > 0 {
            number.push(self.decimal_mark());
            number.push_str(format!("{rest:02}").trim_end_matches('0'));
        }
        let word = if self.is_singular(hundredths) {
            one
        } else {
            other
        };
        format!("{sign}{number} {word}")
    }

    /// Money from cents or pence, in `currency`: "£1,234.50", "1 234,50 €".
    pub fn money(self, pence: i64, currency: ledger::Currency) -> String {
        let sign = if pence < 0 { "-" } else { "" };
        let pence = pence.unsigned_abs();
        let (whole, rest) = (pence / 100, pence % 100);
        let grouped = self.grouped(whole);
        let (symbol, mark) = (currency.sign(), self.decimal_mark());
        match self {
            Language::English => format!("{sign}{symbol}{grouped}{mark}{rest:02}"),
            Language::French => format!("{sign}{grouped}{mark}{rest:02}\u{a0}{symbol}"),
        }
    }

    /// The currency's name as a label says it: "pounds", "euros".
    pub fn currency_name(self, currency: ledger::Currency) -> &'static str {
        use ledger::Currency as C;
        match (self, currency) {
            (Language::English, C::PoundSterling) => "pounds",
            (Language::English, C::Euro) => "euros",
            (Language::English, C::UsDollar) => "dollars",
            (Language::French, C::PoundSterling) => "livres",
            (Language::French, C::Euro) => "euros",
            (Language::French, C::UsDollar) => "dollars",
        }
    }

    /// A whole number with its thousands grouped: "1,234", "1 234".
    pub fn grouped(self, number: u64) -> String {
        let digits = number.to_string();
        let separator = match self {
            Language::English => ',',
            Language::French => '\u{202f}',
        };
        let mut grouped = String::new();
        for (index, digit) in digits.chars().enumerate() {
            if index > 0 && (digits.len() - index).is_multiple_of(3) {
                grouped.push(separator);
            }
            grouped.push(digit);
        }
        grouped
    }

    /// A size in bytes, in the largest unit it reaches, with one decimal:
    /// "3.5 MB", "1,843.2 GB"; "3,5 Mo", "1 843,2 Go".
    pub fn size(self, bytes: f64) -> String {
        const UNITS: [(&str, &str); 3] = [("KB", "Ko"), ("MB", "Mo"), ("GB", "Go")];
        let mut amount = bytes.max(0.0) / 1024.0;
        let mut unit = 0;
        // (Rounded first: 1,048,575 bytes is 1.0 MB, not 1,024.0 KB.)
        while (amount * 10.0).round() >= 10_240.0 && unit + 1 < UNITS.len() {
            amount /= 1024.0;
            unit += 1;
        }
        let tenths = (amount * 10.0).round() as u64;
        let (whole, tenth) = (self.grouped(tenths / 10), tenths % 10);
        let mark = self.decimal_mark();
        match self {
            Language::English => format!("{whole}{mark}{tenth} {}", UNITS[unit].0),
            Language::French => format!("{whole}{mark}{tenth}\u{a0}{}", UNITS[unit].1),
        }
    }

    /// A month in words: "November 2026", "novembre 2026".
    pub fn month(self, month: ledger::Month) -> String {
        format!("{} {}", self.month_name(month.number()), month.year())
    }

    /// The categories a new timebank starts with, in this language (the
    /// coordinators change them in Settings).
    pub fn default_categories(self) -> Vec<String> {
        match self {
            // The ledger's own defaults are the English ones.
            Language::English => ledger::Settings::default().categories,
            Language::French => [
                "Maison et jardin",
                "Transport",
                "Compagnie et soins",
                "Apprentissage",
                "Réparations",
                "Cuisine",
                "Administratif et informatique",
                "Autre",
            ]
            .map(String::from)
            .to_vec(),
        }
    }

    /// A month's short name, as a chart's axis shows it; no two alike
    /// ("juin", "juil.").
    pub fn month_short(self, month: ledger::Month) -> &'static str {
        let months = match self {
            Language::English => [
                "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
            ],
            Language::French => [
                "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.",
                "nov.", "déc.",
            ],
        };
        months
            .get(month.number() as usize - 1)
            .copied()
            .unwrap_or_default()
    }

    /// A date in words: "28 November 2026", "28 novembre 2026".
    pub fn date(self, date: Date) -> String {
        let (year, month, day) = date.ymd();
        format!("{day} {} {year}", self.month_name(month))
    }

    /// The name of a month (1 to 12).
    fn month_name(self, month: u32) -> &'static str {
        let months = match self {
            // The ledger's own messages name months in English.
            Language::English => return ledger::Month::english_name(month),
            Language::French => [
                "janvier",
                "février",
                "mars",
                "avril",
                "mai",
                "juin",
                "juillet",
                "août",
                "septembre",
                "octobre",
                "novembre",
                "décembre",
            ],
        };
        months.get(month as usize - 1).copied().unwrap_or_default()
    }

    /// What adding a file added, in this language.
    pub fn merge_added(self, added: &ledger::Added) -> String {
        let counts = [
            (
                "members",
                self.count(added.members, Text::CountMember, Text::CountMembers),
            ),
            (
                "exchanges",
                self.count(added.exchanges, Text::CountExchange, Text::CountExchanges),
            ),
            (
                "listings",
                self.count(added.listings, Text::CountListing, Text::CountListings),
            ),
            (
                "events",
                self.count(added.events, Text::CountEvent, Text::CountEvents),
            ),
        ];
        let values: Vec<(&str, &str)> = counts.iter().map(|(k, v)| (*k, v.as_str())).collect();
        self.fill(Text::MergeAdded, &values)
    }
}

/// The chosen language, shared by every component through context.
#[derive(Clone, Copy)]
pub struct Locale {
    language: RwSignal<Language>,
    /// The open timebank's unit (hours until one is open).
    unit: RwSignal<ledger::Unit>,
}

/// Where the chosen language is kept (raw, read by `index.html` too).
pub(crate) const STORAGE_KEY: &str = "tally.language";

/// The language this device shows: the one chosen on it, else the
/// browser's, else English.
pub fn device_language() -> Language {
    let remembered = local_storage()
        .and_then(|storage| storage.get_item(STORAGE_KEY).ok().flatten())
        .and_then(|code| Language::from_code(&code));
    let browser = window()
        .navigator()
        .language()
        .and_then(|code| Language::from_code(&code));
    remembered.or(browser).unwrap_or(Language::English)
}

impl Locale {
    /// Provides the locale: the remembered choice, else the browser's
    /// preferred language if Tally has it, else English.
    pub fn provide() -> Locale {
        let locale = Locale {
            language: RwSignal::new(device_language()),
            unit: RwSignal::new(ledger::Unit::Hours),
        };
        Effect::new(move |_| {
            let language = locale.language.get();
            if let Some(root) = document().document_element() {
                let _ = root.set_attribute("lang", language.code());
            }
        });
        provide_context(locale);
        locale
    }

    pub fn get() -> Locale {
        use_context::<Locale>().unwrap_or_else(|| Locale {
            language: RwSignal::new(Language::English),
            unit: RwSignal::new(ledger::Unit::Hours),
        })
    }

    pub fn language(self) -> Language {
        self.language.get()
    }

    /// Shows `code`'s language (a timebank's, for new devices), unless
    /// the person chose one on this device: their choice stands.
    pub fn follow(self, code: Option<&str>) {
        let chosen = local_storage()
            .and_then(|storage| storage.get_item(STORAGE_KEY).ok().flatten())
            .is_some();
        if let Some(language) = code.and_then(Language::from_code)
            && !chosen
            && self.language.get_untracked() != language
        {
            self.language.set(language);
        }
    }

    /// Shows amounts in `unit` (the open timebank's).
    pub fn follow_unit(self, unit: ledger::Unit) {
        if self.unit.with_untracked(|shown| *shown != unit) {
            self.unit.set(unit);
        }
    }

    /// An amount of time in the current language and the timebank's unit
    /// (reactive when called in a view): see [`Language::amount`].
    pub fn amount(self, minutes: i64) -> String {
        let language = self.language.get();
        self.unit.with(|unit| language.amount(minutes, unit))
    }

    /// Chooses a language and remembers the choice on this device.
    pub fn choose(self, language: Language) {
        self.language.set(language);
        if let Some(storage) = local_storage() {
            let _ = storage.set_item(STORAGE_KEY, language.code());
        }
    }

    /// The text in the current language (reactive when called in a view).
    pub fn t(self, text: Text) -> &'static str {
        self.language.get().text(text)
    }
}

fn local_storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What a duration that is not taken says, in each language.
    #[test]
    fn duration_problems_read_as_words() {
        let cases = [
            (
                "90",
                "90 hours is more than a day. Did you mean 90 min?",
                "90 heures, c’est plus d’une journée. Vouliez-vous dire 90 min ?",
            ),
            (
                "25 h",
                "25 hours is more than a day: an exchange lasts at most 24 hours.",
                "25 heures, c’est plus d’une journée : un échange dure au plus 24 heures.",
            ),
            (
                "99999999999999999999",
                "That is more than a day: an exchange lasts at most 24 hours.",
                "Cela, c’est plus d’une journée : un échange dure au plus 24 heures.",
            ),
            (
                "0",
                "How long must be more than nothing.",
                "La durée doit être plus que rien.",
            ),
            (
                "soon",
                "Write how long in hours, for example 1.5 or 1:30, or in minutes, for example 90 min.",
                "Indiquez la durée en heures, par exemple 1,5 ou 1:30, ou en minutes, par exemple 90 min.",
            ),
        ];
        for (written, english, french) in cases {
            let problem = ledger::parse_duration(written).unwrap_err();
            assert_eq!(Language::English.duration_problem(problem), english);
            assert_eq!(Language::French.duration_problem(problem), french);
        }
    }

    #[test]
    fn language_codes_round_trip_and_accept_regions() {
        for language in Language::ALL {
            assert_eq!(Language::from_code(language.code()), Some(language));
        }
        assert_eq!(Language::from_code("fr-CA"), Some(Language::French));
        assert_eq!(Language::from_code("en_GB"), Some(Language::English));
        assert_eq!(Language::from_code("de"), None);
    }

    #[test]
    fn counts_follow_each_languages_plural_rule() {
        use Language::{English, French};
        let added = |members, exchanges| ledger::Added {
            members,
            exchanges,
            listings: 0,
            events: 2,
        };
        let cases = [
            (
                English,
                added(1, 1),
                "Added 1 member, 1 exchange, 0 listings and 2 events.",
            ),
            (
                English,
                added(0, 1_200),
                "Added 0 members, 1,200 exchanges, 0 listings and 2 events.",
            ),
            (
                French,
                added(1, 0),
                "Ajouté\u{a0}: 1 membre, 0 échange, 0 annonce et 2 événements.",
            ),
            (
                French,
                added(2, 1),
                "Ajouté\u{a0}: 2 membres, 1 échange, 0 annonce et 2 événements.",
            ),
        ];
        for (language, added, expected) in cases {
            assert_eq!(language.merge_added(&added), expected);
        }
        for (language, count, expected) in [
            (English, 1, "Too many wrong PINs: try again in 1 second."),
            (English, 30, "Too many wrong PINs: try again in 30 seconds."),
            (
                French,
                1,
                "Trop de codes erronés\u{a0}: réessayez dans 1 seconde.",
            ),
        ] {
            assert_eq!(
                language.count(count, Text::PinWaitOne, Text::PinWait),
                expected
            );
        }
    }

    #[test]
    fn durations_read_as_words() {
        let cases = [
            (0, "0 minutes", "0 minutes"),
            (1, "1 minute", "1 minute"),
            (60, "1 hour", "1 heure"),
            (90, "1 hour 30 minutes", "1 heure 30 minutes"),
            (150, "2 hours 30 minutes", "2 heures 30 minutes"),
            (-45, "-45 minutes", "-45 minutes"),
        ];
        for (minutes, english, french) in cases {
            assert_eq!(Language::English.duration(minutes), english);
            assert_eq!(Language::French.duration(minutes), french);
        }
    }

    #[test]
    fn amounts_read_in_the_timebanks_unit() {
        let credits = ledger::Unit::named("time credits", "time credit");
        let credits_fr = ledger::Unit::named("crédits temps", "crédit temps");
        let cases = [
            (60, "1 time credit", "1 crédit temps"),
            (90, "1.5 time credits", "1,5 crédit temps"),
            (0, "0 time credits", "0 crédit temps"),
            (20, "0.33 time credits", "0,33 crédit temps"),
            (150, "2.5 time credits", "2,5 crédits temps"),
            (-45, "-0.75 time credits", "-0,75 crédit temps"),
            (
                6_000_000,
                "100,000 time credits",
                "100\u{202f}000 crédits temps",
            ),
        ];
        for (minutes, english, french) in cases {
            assert_eq!(Language::English.amount(minutes, &credits), english);
            assert_eq!(Language::French.amount(minutes, &credits_fr), french);
        }
        // Hours: the language's own words.
        assert_eq!(
            Language::French.amount(90, &ledger::Unit::named("hours", "")),
            "1 heure 30 minutes"
        );
    }

    #[test]
    fn sizes_are_in_the_largest_unit_and_grouped_for_each_language() {
        let cases: [(f64, &str, &str); 7] = [
            (0.0, "0.0 KB", "0,0\u{a0}Ko"),
            (2_560.0, "2.5 KB", "2,5\u{a0}Ko"),
            (1_048_575.0, "1.0 MB", "1,0\u{a0}Mo"),
            (1_000_000.0, "976.6 KB", "976,6\u{a0}Ko"),
            (3_670_016.0, "3.5 MB", "3,5\u{a0}Mo"),
            (10_741_350_400.0, "10.0 GB", "10,0\u{a0}Go"),
            (1_979_120_929_996.8, "1,843.2 GB", "1\u{202f}843,2\u{a0}Go"),
        ];
        for (bytes, english, french) in cases {
            assert_eq!(Language::English.size(bytes), english, "{bytes} bytes");
            assert_eq!(Language::French.size(bytes), french, "{bytes} bytes");
        }
    }

    #[test]
    fn money_is_grouped_for_each_language() {
        assert_eq!(
            Language::English.money(123_456, ledger::Currency::PoundSterling),
            "£1,234.56"
        );
        assert_eq!(
            Language::English.money(5, ledger::Currency::UsDollar),
            "$0.05"
        );
        assert_eq!(
            Language::French.money(123_456, ledger::Currency::PoundSterling),
            "1\u{202f}234,56\u{a0}£"
        );
        assert_eq!(
            Language::French.money(-250, ledger::Currency::Euro),
            "-2,50\u{a0}€"
        );
    }

    #[test]
    fn short_month_names_are_all_different() {
        for language in [Language::English, Language::French] {
            let names: std::collections::BTreeSet<_> = (1..=12)
                .map(|m| language.month_short(ledger::Month::new(2026, m).unwrap()))
                .collect();
            assert_eq!(names.len(), 12, "{language:?}");
        }
        let july = ledger::Month::parse("2026-07").unwrap();
        assert_eq!(Language::French.month_short(july), "juil.");
    }

    #[test]
    fn dates_read_as_words() {
        let month = ledger::Month::parse("2026-11").unwrap();
        assert_eq!(Language::English.month(month), "November 2026");
        assert_eq!(Language::French.month(month), "novembre 2026");
        let date = Date::parse("2026-11-28").unwrap();
        assert_eq!(Language::English.date(date), "28 November 2026");
        assert_eq!(Language::French.date(date), "28 novembre 2026");
    }

    #[test]
    fn every_language_has_its_own_text() {
        // Ensures a translation was not left as a copy of the English.
        let same = [Text::AppName];
        for text in [
            Text::WelcomeTitle,
            Text::NavStart,
            Text::CreateTimebank,
            Text::AboutHistory,
        ] {
            assert_ne!(english(text), french(text), "{text:?}");
        }
        for text in same {
            assert_eq!(english(text), french(text));
        }
    }
}
