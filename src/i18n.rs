//! The translation catalogue: every piece of text the app shows, in every
//! language it ships. Each language is one exhaustive `match`, so the compiler
//! refuses a build in which any language lacks a text. Dates, numbers and
//! durations are formatted here too, for the chosen language.

use leptos::prelude::*;

/// The languages Tally ships. Adding one: a variant here, its `code` and
/// `name`, and one more function like [`english`] (the compiler lists every
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
}

/// Every fixed text in the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Text {
    AppName,
    SkipToContent,
    MainNavigation,
    NavStart,
    NavAbout,
    LanguageLabel,
    WelcomeTitle,
    WelcomeLead,
    WelcomeNoTimebank,
    CreateTimebank,
    OpenFromFile,
    AboutTitle,
    AboutIntro,
    AboutDeviceTitle,
    AboutDevice,
    AboutHistoryTitle,
    AboutHistory,
    NotFoundTitle,
    NotFoundBody,
    BackToStart,
    CreateTitle,
    CreateIntro,
    OpenTitle,
    OpenIntro,
}

fn english(text: Text) -> &'static str {
    match text {
        Text::AppName => "Tally",
        Text::SkipToContent => "Skip to content",
        Text::MainNavigation => "Main",
        Text::NavStart => "Start",
        Text::NavAbout => "About",
        Text::LanguageLabel => "Language",
        Text::WelcomeTitle => "Welcome to Tally",
        Text::WelcomeLead => {
            "Tally keeps your community timebank on this device: an hour of help is worth an \
             hour, whoever gives it. It works with no signal and shares your records with other \
             devices whenever there is a connection."
        }
        Text::WelcomeNoTimebank => "This device has no timebank yet. How would you like to start?",
        Text::CreateTimebank => "Create a timebank",
        Text::OpenFromFile => "Open a timebank from a file",
        Text::AboutTitle => "About Tally",
        Text::AboutIntro => {
            "In a timebank, members earn hours by helping neighbours and spend them to get help. \
             One hour of help is worth one hour, whoever gives it."
        }
        Text::AboutDeviceTitle => "Your records live on your device",
        Text::AboutDevice => {
            "Tally keeps the whole timebank on every device that uses it, so you can record \
             exchanges at a trading day in a hall with no signal. When a device is online again, \
             it shares what it recorded and receives what others recorded, and every device ends \
             up with the same balances."
        }
        Text::AboutHistoryTitle => "Nothing is ever edited away",
        Text::AboutHistory => {
            "An exchange, once recorded, is never changed or deleted. A mistake is put right by \
             recording a reversal, so the history always adds up."
        }
        Text::NotFoundTitle => "Page not found",
        Text::NotFoundBody => {
            "There is no page at this address. Your timebank records are not affected."
        }
        Text::BackToStart => "Go to the start page",
        Text::CreateTitle => "Create a timebank",
        Text::CreateIntro => {
            "You will name your timebank, choose its limits, and become its first coordinator. \
             This version of Tally cannot create a timebank yet."
        }
        Text::OpenTitle => "Open a timebank from a file",
        Text::OpenIntro => {
            "A coordinator can export a timebank to a file and hand it to you. This version of \
             Tally cannot open such a file yet."
        }
    }
}

fn french(text: Text) -> &'static str {
    match text {
        Text::AppName => "Tally",
        Text::SkipToContent => "Aller au contenu",
        Text::MainNavigation => "Principale",
        Text::NavStart => "Accueil",
        Text::NavAbout => "À propos",
        Text::LanguageLabel => "Langue",
        Text::WelcomeTitle => "Bienvenue dans Tally",
        Text::WelcomeLead => {
            "Tally garde votre banque de temps sur cet appareil : une heure d’aide vaut une \
             heure, quelle que soit la personne qui la donne. Il fonctionne sans réseau et \
             partage vos échanges avec les autres appareils dès qu’une connexion existe."
        }
        Text::WelcomeNoTimebank => {
            "Cet appareil n’a pas encore de banque de temps. Comment voulez-vous commencer ?"
        }
        Text::CreateTimebank => "Créer une banque de temps",
        Text::OpenFromFile => "Ouvrir une banque de temps depuis un fichier",
        Text::AboutTitle => "À propos de Tally",
        Text::AboutIntro => {
            "Dans une banque de temps, les membres gagnent des heures en aidant leurs voisins et \
             les dépensent pour se faire aider. Une heure d’aide vaut une heure, quelle que soit \
             la personne qui la donne."
        }
        Text::AboutDeviceTitle => "Vos données restent sur votre appareil",
        Text::AboutDevice => {
            "Tally garde toute la banque de temps sur chaque appareil qui l’utilise : vous pouvez \
             donc noter des échanges lors d’une journée d’échanges dans une salle sans réseau. \
             Quand un appareil retrouve une connexion, il partage ce qu’il a noté et reçoit ce \
             que les autres ont noté, et tous les appareils finissent avec les mêmes soldes."
        }
        Text::AboutHistoryTitle => "Rien n’est jamais effacé",
        Text::AboutHistory => {
            "Un échange noté n’est jamais modifié ni supprimé. Une erreur se corrige en notant \
             une annulation, si bien que l’historique tombe toujours juste."
        }
        Text::NotFoundTitle => "Page introuvable",
        Text::NotFoundBody => {
            "Il n’y a pas de page à cette adresse. Les données de votre banque de temps ne sont \
             pas touchées."
        }
        Text::BackToStart => "Revenir à l’accueil",
        Text::CreateTitle => "Créer une banque de temps",
        Text::CreateIntro => {
            "Vous donnerez un nom à votre banque de temps, choisirez ses limites et en deviendrez \
             le premier coordinateur. Cette version de Tally ne sait pas encore créer de banque \
             de temps."
        }
        Text::OpenTitle => "Ouvrir une banque de temps depuis un fichier",
        Text::OpenIntro => {
            "Un coordinateur peut exporter une banque de temps dans un fichier et vous le \
             remettre. Cette version de Tally ne sait pas encore ouvrir un tel fichier."
        }
    }
}

/// The chosen language, shared by every component through context.
#[derive(Clone, Copy)]
pub struct Locale {
    language: RwSignal<Language>,
}

const STORAGE_KEY: &str = "tally.language";

impl Locale {
    /// Provides the locale: the remembered choice, else the browser's
    /// preferred language if Tally has it, else English.
    pub fn provide() -> Locale {
        let remembered = local_storage()
            .and_then(|storage| storage.get_item(STORAGE_KEY).ok().flatten())
            .and_then(|code| Language::from_code(&code));
        let browser = window()
            .navigator()
            .language()
            .and_then(|code| Language::from_code(&code));
        let locale = Locale {
            language: RwSignal::new(remembered.or(browser).unwrap_or(Language::English)),
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
        })
    }

    pub fn language(self) -> Language {
        self.language.get()
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
