//! The translation catalogue: every piece of text the app shows, in every
//! language it ships. Each language is one exhaustive `match`, so the compiler
//! refuses a build in which any language lacks a text. Dates, numbers and
//! durations are formatted here too, for the chosen language.

use ledger::{Date, LedgerError, LoadError, SchemaError};
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

    /// Why a file could not be opened or added, in this language.
    pub fn load_error(self, error: &LoadError) -> String {
        match error {
            LoadError::Unreadable(_) => self.text(Text::UnreadableFile).to_string(),
            LoadError::Schema(SchemaError::NotATimebank) => {
                self.text(Text::UnreadableFile).to_string()
            }
            LoadError::Schema(SchemaError::Newer { .. }) => self.text(Text::NewerFile).to_string(),
            LoadError::DifferentTimebank(name) => {
                self.fill(Text::DifferentTimebank, &[("name", name)])
            }
        }
    }

    /// A ledger error in this language.
    /// Why a written duration was not taken, in words.
    pub fn duration_problem(self, problem: ledger::DurationProblem) -> String {
        use ledger::DurationProblem;
        match problem {
            DurationProblem::Empty | DurationProblem::NotUnderstood => {
                self.text(Text::HoursNotValid).to_string()
            }
            DurationProblem::Zero => self.text(Text::DurationZero).to_string(),
            DurationProblem::MoreThanADay {
                minutes,
                as_minutes,
            } => {
                // (Far too long to say in words: said in whole hours.)
                let duration = match i64::try_from(minutes) {
                    Ok(minutes) if minutes < 1_000_000_000 => self.duration(minutes),
                    _ => self.text(Text::DurationFarTooLong).to_string(),
                };
                match as_minutes {
                    Some(as_minutes) => self.fill(
                        Text::DurationDidYouMean,
                        &[
                            ("duration", &duration),
                            ("minutes", &as_minutes.to_string()),
                        ],
                    ),
                    None => self.fill(Text::DurationMoreThanADay, &[("duration", &duration)]),
                }
            }
        }
    }

    pub fn error(self, error: &LedgerError) -> String {
        match self {
            // The ledger's own messages are the English texts.
            Language::English => error.to_string(),
            Language::French => french_error(error),
        }
    }

    /// Why a row of an imported spreadsheet cannot be used, in this language.
    pub fn row_reason(self, reason: &ledger::RowReason) -> String {
        use ledger::RowReason as R;
        if self == Language::English {
            return reason.to_string();
        }
        match reason {
            R::Refused(error) => self.error(error),
            R::NotAMemberNumber(text) => format!(
                "« {text} » n’est pas un numéro de membre (un nombre entier à partir de 1)."
            ),
            R::NotAStatus(text) => format!(
                "« {text} » n’est pas un statut : utilisez active, applicant, away ou left."
            ),
            R::JoinedInFuture(text) => format!("La date d’adhésion {text} est dans le futur."),
            R::NotADate(text) => {
                format!("« {text} » n’est pas une date : écrivez-la 2024-03-14 ou 14/03/2024.")
            }
            R::NotABalance(text) => {
                format!("« {text} » n’est pas un solde en heures : écrivez 2,5, -1,25 ou 1:30.")
            }
            R::NoTime => "La ligne n’a ni heures ni minutes.".into(),
            R::NotHours(text) => {
                format!("« {text} » n’est pas un nombre d’heures (écrivez 1,5 ou 1:30).")
            }
            R::NotMinutes(text) => format!("« {text} » n’est pas un nombre entier de minutes."),
            R::NotPositive => "La durée doit être supérieure à zéro.".into(),
            R::NoSuchNumber(number) => format!("Aucun membre n’a le numéro {number}."),
            R::NumberShared(number) => format!(
                "Le numéro {number} appartient à plusieurs membres ; renumérotez-les d’abord."
            ),
            R::MemberMissing => "Il manque un membre.".into(),
            R::NoSuchName(text) => format!("Aucun membre ne s’appelle « {text} »."),
            R::NameShared(text) => {
                format!("Plusieurs membres s’appellent « {text} » ; utilisez plutôt les numéros.")
            }
        }
    }
}

fn french_error(error: &LedgerError) -> String {
    use LedgerError as E;
    match error {
        E::NotCoordinator => "Seul un coordinateur peut faire cela.".into(),
        E::NoDeviceKey => "Cet appareil n’a pas encore de clé de signature : il ne peut pas signer ce qu’il a écrit.".into(),
        E::TrustAlreadyFounded => "Les appareils de cette banque de temps sont déjà certifiés par l’appareil d’un coordinateur.".into(),
        E::NotCoordinatorDevice => "Seul l’appareil certifié d’un coordinateur peut faire cela. Demandez à un coordinateur de certifier cet appareil.".into(),
        E::NotWaiting => "Cet échange n’attend pas la décision d’un coordinateur.".into(),
        E::AlreadyCertified => "Cet appareil peut déjà écrire dans cette banque de temps : il n’a pas besoin d’approbation.".into(),
        E::NotACoordinatorMember => "Seul un membre coordinateur peut recevoir un appareil de coordinateur.".into(),
        E::NotTheFoundingDevice => "Seul l’appareil sur lequel cette banque de temps a été créée peut fonder sa confiance.".into(),
        E::DeviceNotCertified => "Cet appareil ne peut pas encore écrire dans cette banque de temps : un coordinateur doit d’abord l’approuver. Voir Cet appareil.".into(),
        E::DeviceRevoked => "Un coordinateur a révoqué cet appareil : il ne peut plus écrire dans cette banque de temps.".into(),
        E::BadSignature => "Une signature ne correspondait pas à ce que cet appareil a écrit : rien n’a été signé. Réessayez ; si cela se reproduit, prévenez un coordinateur.".into(),
        E::NotAParty => "Vous ne pouvez noter que les échanges auxquels vous avez participé. Un coordinateur peut noter les autres.".into(),
        E::NotTheConfirmer(name) => format!("Seul {name}, ou un coordinateur, peut confirmer ou refuser cet échange."),
        E::NotTheRecorder => "Seul le membre qui a noté cet échange peut le retirer.".into(),
        E::CannotWithdraw => "Cet échange n’attend plus de confirmation : il ne peut plus être retiré. Dites plutôt ce qui ne va pas : un coordinateur s’en occupera.".into(),
        E::Withdrawn(name) => format!("{name} a retiré cet échange : il n’y a rien à confirmer ni à refuser."),
        E::NotTakingPart => "Seuls les membres qui ont pris part à cet échange peuvent dire que quelque chose ne va pas.".into(),
        E::SayWhyYouDecide => "Dites pourquoi vous décidez ainsi : les deux membres le verront sur l’échange.".into(),
        E::SayWhatIsWrong => "Dites en quelques mots ce qui ne va pas, pour que le coordinateur sache quoi vérifier.".into(),
        E::UnknownMember => "Ce membre n’est pas dans la banque de temps.".into(),
        E::UnknownExchange => "Cet échange n’est pas dans la banque de temps.".into(),
        E::SameAccount => "La personne qui a donné l’aide et celle qui l’a reçue doivent être différentes.".into(),
        E::MemberNotActive { name, .. } => format!("{name} n’est pas un membre actif : un coordinateur doit d’abord l’activer."),
        E::MinutesOutOfRange { minutes } => format!("Un échange dure de 1 minute à 24 heures ; {minutes} minutes n’est pas possible."),
        E::FutureDate { date } => format!("La date {date} est dans le futur. Notez un échange le jour où il a eu lieu ou après."),
        E::InvalidDate => "La date doit être un vrai jour, au format année-mois-jour (par exemple 2026-03-14).".into(),
        E::DescriptionTooLong => "La description est trop longue : moins de 500 caractères.".into(),
        E::TextTooLong { field } => format!("Le champ « {field} » est trop long."),
        E::EmptyName => "Le nom ne peut pas être vide.".into(),
        E::NameTooLong => "Le nom est trop long : moins de 100 caractères.".into(),
        E::UnknownCategory(name) => format!("« {name} » n’est pas une catégorie de cette banque de temps."),
        E::EmptySlipNumber => "Le numéro du bon papier ne peut pas être vide.".into(),
        E::InvalidLimits => "Le solde minimum doit être zéro ou moins, et le solde maximum zéro ou plus.".into(),
        E::NumberTaken { number, name } => format!("Le numéro de membre {number} appartient déjà à {name}."),
        E::InvalidNumber => "Les numéros de membre commencent à 1.".into(),
        E::AlreadyReversed => "Cet échange a déjà été annulé.".into(),
        E::CannotReverseReversal => "Une annulation ne peut pas être annulée ; notez plutôt un nouvel échange.".into(),
        E::CannotReverseRejected => "Cet échange a été refusé : il ne compte pas et n’a pas besoin d’être annulé.".into(),
        E::BalanceNotSettled { name, balance_minutes } => format!("{name} a encore un solde de {}. Réglez-le avec le fonds commun à son départ.", Language::French.duration(*balance_minutes)),
        E::UnknownLanguage(code) => format!("«\u{a0}{code}\u{a0}» n’est pas une langue connue de Tally."),
        E::AlreadyLeft(name) => format!("{name} a déjà quitté la banque de temps."),
        E::EmptyGroup => "Un échange de groupe doit avoir au moins une personne de chaque côté.".into(),
        E::GroupNeedsOneSide => "Un échange de groupe a une seule personne d’un côté et plusieurs de l’autre.".into(),
        E::NoCash => "Le montant payé doit être supérieur à zéro.".into(),
        E::NoReceipt => "Écrivez le numéro du reçu, pour que l’argent corresponde à ces heures.".into(),
        E::UnknownAttentionItem => "Ce point n’est pas dans la liste à traiter, ou a déjà été traité.".into(),
        E::EmptyTitle => "Le titre ne peut pas être vide.".into(),
        E::ExpiryInPast => "Le dernier jour doit être aujourd’hui ou plus tard.".into(),
        E::ExpiryTooFar => "Une annonce dure au plus un an : choisissez un dernier jour plus proche.".into(),
        E::UnknownListing => "Cette annonce n’est pas dans la banque de temps.".into(),
        E::ListingMemberNotInExchange => {
            "Un échange pour une annonce doit avoir d’un côté le membre qui l’a publiée.".into()
        }
        E::UnknownEvent => "Cet événement n’est pas dans la banque de temps.".into(),
        E::NotTheOwner => "Seul le membre qui l’a publié, ou un coordinateur, peut le modifier.".into(),
        E::EventEndsBeforeStart => "Un événement doit finir après avoir commencé.".into(),
        E::EventNotStarted => "Cet événement n’a pas encore commencé\u{a0}: notez ses heures une fois qu’il a eu lieu.".into(),
        E::NobodyCame => "Personne n’a dit venir\u{a0}: indiquez d’abord qui est venu.".into(),
        E::EventCancelled => "Cet événement a été annulé.".into(),
        E::MonthNotOver(month) => format!("{} n’est pas terminé ; un mois peut être verrouillé une fois fini.", Language::French.month(*month)),
        E::MonthAlreadyLocked(month) => format!("{} est déjà verrouillé.", Language::French.month(*month)),
        E::Damaged(reason) => format!("La banque de temps n’a pas pu être modifiée ({reason}). Rien n’a été enregistré ; exportez une copie et prévenez un coordinateur."),
    }
}

impl Text {
    /// Why an exchange is not taken as written, in a sentence.
    pub fn doubt(doubt: ledger::Doubt) -> Text {
        use ledger::Doubt;
        match doubt {
            Doubt::NotSigned => Text::DoubtNotSigned,
            Doubt::UnknownDevice => Text::DoubtUnknownDevice,
            Doubt::SignatureDoesNotMatch => Text::DoubtSignatureDoesNotMatch,
            Doubt::NotTheirs => Text::DoubtNotTheirs,
            Doubt::AfterRevocation => Text::DoubtAfterRevocation,
            Doubt::ChangedAfterSigning => Text::DoubtChangedAfterSigning,
            Doubt::DeletedAfterSigning => Text::DoubtDeletedAfterSigning,
            Doubt::NotTheConfirmer => Text::DoubtNotTheConfirmer,
            Doubt::NotACoordinator => Text::DoubtNotACoordinator,
            Doubt::NoConfirmationAsked => Text::DoubtNoConfirmationAsked,
            Doubt::CoordinatorsOnly => Text::DoubtCoordinatorsOnly,
            Doubt::CannotWithdraw => Text::DoubtCannotWithdraw,
        }
    }

    /// Why a record is not taken as written, as the end of a sentence.
    pub fn why(doubt: ledger::Doubt) -> Text {
        use ledger::Doubt;
        match doubt {
            Doubt::NotSigned => Text::WhyNotSigned,
            Doubt::UnknownDevice => Text::WhyUnknownDevice,
            Doubt::SignatureDoesNotMatch => Text::WhySignatureDoesNotMatch,
            Doubt::NotTheirs => Text::WhyNotTheirs,
            Doubt::AfterRevocation => Text::WhyAfterRevocation,
            Doubt::ChangedAfterSigning => Text::WhyChangedAfterSigning,
            Doubt::DeletedAfterSigning => Text::WhyDeletedAfterSigning,
            Doubt::NotTheConfirmer => Text::WhyNotTheConfirmer,
            Doubt::NotACoordinator => Text::WhyNotACoordinator,
            Doubt::NoConfirmationAsked => Text::WhyNoConfirmationAsked,
            Doubt::CoordinatorsOnly => Text::WhyCoordinatorsOnly,
            Doubt::CannotWithdraw => Text::WhyCannotWithdraw,
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
    NavHome,
    NavMembers,
    NavRecord,
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
    TimebankNameLabel,
    TimebankNameHint,
    UnitLabelLabel,
    UnitLabelHint,
    DefaultUnit,
    YourNameLabel,
    CreateSubmit,
    OpenTitle,
    OpenIntro,
    YourBalance,
    RecentExchanges,
    NoExchangesYet,
    RecordAnExchange,
    MembersTitle,
    SearchMembersLabel,
    AddMemberTitle,
    MemberNameLabel,
    AddMemberSubmit,
    NoMembersMatch,
    MemberNumberShort,
    Coordinator,
    StatusApplicant,
    StatusAway,
    StatusLeft,
    RecordTitle,
    StepWhoGave,
    StepWhoReceived,
    StepHowLong,
    ChooseMember,
    CommunityFund,
    QuickHalfHour,
    QuickOneHour,
    QuickTwoHours,
    DateLabel,
    DescriptionLabel,
    SlipLabel,
    RecordSubmit,
    BalancesAfter,
    Saved,
    StorageFull,
    StorageUnavailable,
    StorageDamaged,
    FloorWarning,
    DownloadDamaged,
    NavBackup,
    OpenChooseFile,
    OpenChooseHint,
    UnreadableFile,
    WhoTitle,
    WhoIntro,
    BackupTitle,
    ExportHeading,
    ExportIntro,
    ExportButton,
    MergeHeading,
    MergeIntro,
    MergeAdded,
    DifferentTimebank,
    NewerFile,
    ExchangeTitle,
    GaveHelp,
    ReceivedHelp,
    HowLong,
    StatusLabel,
    SignatureLabel,
    SealVerified,
    SealSigned,
    SealSigning,
    SealBeforeFounding,
    SealNotSigned,
    StatusPending,
    StatusConfirmed,
    StatusRejected,
    RecordedBy,
    HistoryHeading,
    LogConfirm,
    LogReject,
    LogOverrideConfirm,
    LogOverrideReject,
    ReversedBy,
    IsReversal,
    ConfirmButton,
    RejectButton,
    ReverseButton,
    ReasonLabel,
    WaitingForYou,
    ExchangeNotFound,
    ViewExchange,
    NavCoordinator,
    AttentionTitle,
    AttentionIntro,
    AttentionEmpty,
    ResolveButton,
    ResolveNoteLabel,
    OverLimitWhat,
    LimitLowest,
    LimitHighest,
    OverLimitDo,
    DuplicateSlipWhat,
    DuplicateSlipOtherDevices,
    DuplicateSlipDo,
    SuspectedDuplicateWhat,
    SuspectedDuplicateDo,
    DuplicateNumberWhat,
    DuplicateNumberDo,
    OverdueWhat,
    OverdueDo,
    DisputedWhat,
    DisputedDo,
    NotForListing,
    ForListingNotice,
    NoListingExchanges,
    ListingExchangesHeading,
    RecordForListing,
    ListingEndedNote,
    ListingWithdrawnNote,
    PostedByLabel,
    FromListing,
    UnitLabelOneHint,
    UnitLabelOneLabel,
    TimebankDetailsHeading,
    CurrencyLabel,
    TimebankLanguageLabel,
    BrowsersLanguage,
    RulesHeading,
    PrintablesTitle,
    PrintablesIntro,
    PrintWhatLegend,
    BlankSlips,
    MemberCards,
    PrintThem,
    SlipNumberBlank,
    DateBlank,
    GaveBlank,
    ReceivedBlank,
    HowLongBlank,
    WhatBlank,
    SignaturesBlank,
    CardQrLabel,
    PrintSlipsLink,
    StatementPeriod,
    StatementOf,
    StatementPrintedOn,
    DownloadStatement,
    NeedAttention,
    NeedAttentionOne,
    AskedToJoin,
    AskedToJoinOne,
    PostForLabel,
    PostForMyself,
    CountMember,
    CountMembers,
    CountExchange,
    CountExchanges,
    CountListing,
    CountListings,
    CountEvent,
    CountEvents,
    CountOpeningBalance,
    CountOpeningBalances,
    GaveReceivedLine,
    EventNotFound,
    EventIsCancelled,
    OrganiserLabel,
    NobodyComingYet,
    EventExchangesHeading,
    ChangeEventHeading,
    CancelEventButton,
    CancelEventQuestion,
    CancelEventYes,
    AnswerForLabel,
    TheyAreComing,
    TheyAreNotComing,
    EventHoursHeading,
    EventHoursHint,
    EventOtherSideLegend,
    TheOrganiser,
    EventDirectionLegend,
    TheyReceivedHelp,
    TheyGaveHelp,
    EachHowLongLabel,
    RecordEventHoursButton,
    EventExchangesDone,
    EventExchangesDoneOne,
    PastEventsHeading,
    EventCancelledTag,
    EventDescriptionLabel,
    SaveChanges,
    FromEvent,
    DonateHeading,
    DonorLabel,
    DonateButton,
    DonatedDone,
    FundTitle,
    FundIntro,
    FundGivesHint,
    BuyHoursHeading,
    BuyHoursHint,
    BuyForLabel,
    CashPaidLabel,
    CashUnreadable,
    ReceiptLabel,
    BoughtByLabel,
    BuyHoursButton,
    BoughtDone,
    FundStatementHeading,
    FundStatementEmpty,
    LeaveWithHours,
    LeaveOwingHours,
    LeaveNothingToSettle,
    LeaveYes,
    LeaveNo,
    ReversalWords,
    ReversalWithReason,
    GivenToFundWords,
    OpeningBalanceWords,
    BoughtWords,
    BoughtByWords,
    DealtWithHeading,
    DealtWithBy,
    DealtWithGone,
    SeeOriginal,
    RecordedTogetherHeading,
    DecideHeading,
    DecideExplain,
    ReasonToDecideLabel,
    OverrideConfirmButton,
    OverrideRejectButton,
    OverrideConfirmExplain,
    OverrideRejectExplain,
    ExchangesOf,
    ExchangesTitle,
    ExchangesIntro,
    ExchangesIntroOwn,
    FilterMemberLabel,
    FilterAnyone,
    FilterFromLabel,
    FilterToLabel,
    FilterNoCategory,
    FilterAnyStatus,
    FilterChannelLabel,
    FilterAnyChannel,
    FilterSlipLabel,
    FilterWordsLabel,
    FilterShowButton,
    FilterClear,
    FilterFromUnreadable,
    FilterToUnreadable,
    FilterMemberUnknown,
    StatusReversed,
    ChannelApp,
    ChannelCoordinator,
    ChannelTally,
    ChannelSlip,
    ChannelImport,
    ChannelQr,
    ExchangesNoneFound,
    ExchangesShowing,
    ExchangesPrintLimit,
    ExchangesPagesLabel,
    PreviousPage,
    NextPage,
    ExchangesPrint,
    ReasonToReverseLabel,
    BalanceThen,
    ReverseQuestion,
    ReverseYes,
    ReverseNeedsReason,
    LineWithNote,
    LockedMonthHint,
    LockHeading,
    LockIntro,
    LockQuestion,
    LockYes,
    ChangedSinceLockHeading,
    LateExchangeWho,
    LateExchangeAdded,
    LateExchangeRemoved,
    EndOfDayWhoWhen,
    RecentYouHelped,
    RecentHelpedYou,
    RecentFromFund,
    RecentToFund,
    RecentReversal,
    MarkWaitsForYou,
    MarkWaitsForOther,
    MarkRejected,
    MarkWithdrawn,
    MarkNotCounted,
    HomeUsingAs,
    HomeNotYou,
    MyStatement,
    DoubtCannotWithdraw,
    WhyCannotWithdraw,
    StatusWithdrawn,
    LogWithdraw,
    LogQuery,
    WithdrawExchangeButton,
    WithdrawExchangeHint,
    WithdrawExchangeQuestion,
    WithdrawExchangeYes,
    WithdrawnDone,
    RecordAgain,
    SomethingWrongHeading,
    SomethingWrongLabel,
    SomethingWrongButton,
    SomethingWrongSent,
    ConfirmExplain,
    RejectExplain,
    ReverseExplain,
    QueriedWhat,
    QueriedDo,
    WithdrawnInVainWhat,
    DoubtNotSigned,
    DoubtUnknownDevice,
    DoubtSignatureDoesNotMatch,
    DoubtNotTheirs,
    DoubtAfterRevocation,
    DoubtChangedAfterSigning,
    DoubtDeletedAfterSigning,
    DoubtNotTheConfirmer,
    DoubtNotACoordinator,
    DoubtNoConfirmationAsked,
    DoubtCoordinatorsOnly,
    DoubtedDo,
    ChangedAfterSigningDo,
    DecisionDoubted,
    DecisionDoubtedDo,
    MissingFromSequenceWhat,
    MissingFromSequenceDo,
    WhyNotSigned,
    WhyUnknownDevice,
    WhySignatureDoesNotMatch,
    WhyNotTheirs,
    WhyAfterRevocation,
    WhyChangedAfterSigning,
    WhyDeletedAfterSigning,
    WhyNotTheConfirmer,
    WhyNotACoordinator,
    WhyNoConfirmationAsked,
    WhyCoordinatorsOnly,
    DuplicateReversalWhat,
    DuplicateReversalDo,
    LockedEntryWhat,
    LockedEntryDo,
    ReportsTitle,
    ReportsIntro,
    ColMonth,
    ColHours,
    ColExchanges,
    ColActive,
    ColNew,
    ColFund,
    ColValue,
    ColLocked,
    LockButton,
    Yes,
    No,
    ChartTitle,
    ByCategoryHeading,
    ColCategory,
    FromMonthLabel,
    ToMonthLabel,
    NavOffers,
    OffersTitle,
    SearchListingsLabel,
    KindLabel,
    AllKinds,
    KindOffer,
    KindRequest,
    KindLend,
    KindGiveAway,
    CategoryLabel,
    AllCategories,
    NoCategory,
    NoListings,
    OnProfilesHeading,
    PostListingTitle,
    TitleLabel,
    ListingDescriptionLabel,
    LastDayLabel,
    PostButton,
    WithdrawButton,
    ShowsUntil,
    NavEvents,
    EventsTitle,
    UpcomingHeading,
    NoUpcoming,
    CalendarHeading,
    PreviousMonth,
    NextMonth,
    EventKindTradingDay,
    EventKindSocial,
    EventKindGroup,
    EventKindMeeting,
    ImComing,
    NotComing,
    ComingCount,
    ComingCountOne,
    YouAreComing,
    PlanEventTitle,
    PlaceLabel,
    EventDateLabel,
    StartsLabel,
    EndsLabel,
    PlanButton,
    WeekdaysShort,
    ContactHeading,
    PhoneLabel,
    EmailLabel,
    NeighbourhoodLabel,
    OffersHeading,
    NeedsHeading,
    StatementHeading,
    ColDate,
    ColWith,
    ColWhat,
    ColChange,
    ColBalance,
    PrintStatement,
    StatusChangeLabel,
    StatusChangeButton,
    StatusActiveOption,
    StatusApplicantOption,
    StatusAwayOption,
    StatusLeftOption,
    MemberNotFound,
    SettingsTitle,
    FloorLabel,
    CeilingLabel,
    ConfirmationLabel,
    ConfirmNobody,
    ConfirmPayer,
    ConfirmOther,
    ConfirmDaysLabel,
    AutoConfirmLabel,
    BalancesVisibleLabel,
    HourlyValueLabel,
    SaveSettings,
    NotANumber,
    StorageUsed,
    NavMore,
    MoreTitle,
    TradingDayTitle,
    TradingDayIntro,
    TradingDayDateLabel,
    EnterSlipHeading,
    SlipNumberLabel,
    GiverNumberLabel,
    ReceiverNumberLabel,
    HoursLabel,
    SaveSlip,
    SlipSaved,
    NoMemberWithNumber,
    MemberNumberShared,
    WriteMemberNumber,
    HoursNotValid,
    StorageRoomPlenty,
    StorageRoomHalf,
    StorageRoomNearlyFull,
    SlipAlreadyEntered,
    SlipSaveAgain,
    RevokeDeviceQuestion,
    RevokeYes,
    KeepIt,
    SyncRevokeQuestion,
    StepWhatHappened,
    IHelpedSomeone,
    SomeoneHelpedMe,
    StepWhoDidYouHelp,
    StepWhoHelpedYou,
    ChooseWhatHappened,
    DurationHint,
    DurationUnderstood,
    DurationZero,
    DurationMoreThanADay,
    DurationDidYouMean,
    DurationFarTooLong,
    SlipsEnteredHeading,
    NoSlipsYet,
    ColSlip,
    ColGave,
    ColReceived,
    SlipStruckOut,
    PerMemberHeading,
    ColMember,
    ColSlips,
    EndOfDayHeading,
    EndOfDayCount,
    EndOfDayTotal,
    EndOfDayStruck,
    PrintSummary,
    AddAnotherGiver,
    AddAnotherReceiver,
    RemovePerson,
    GroupNote,
    AlsoGave,
    AlsoReceived,
    ChooseAPerson,
    CategoriesLabel,
    CategoriesHint,
    EditProfile,
    EditMemberTitle,
    OffersLabel,
    NeedsLabel,
    MemberNumberLabel,
    RoleLabel,
    RoleMember,
    RoleCoordinator,
    OwnFloorLabel,
    OwnCeilingLabel,
    SaveDetails,
    BackToMember,
    ApplicantsHeading,
    NoApplicants,
    ApproveButton,
    JoinedOn,
    AddAsApplicant,
    EditButton,
    RenewNamed,
    NotShowingHeading,
    ListingWithdrawn,
    ListingExpired,
    EditListingTitle,
    ListingNotFound,
    SaveListing,
    BackToBoard,
    SpreadsheetsTitle,
    SpreadsheetsIntro,
    ExportMembersCsv,
    ExportExchangesCsv,
    ImportMembersHeading,
    ImportMembersHelp,
    ImportExchangesHeading,
    ImportExchangesHelp,
    ChooseCsvFile,
    ImportedMembers,
    ImportedExchanges,
    ImportMissingColumn,
    ImportEmpty,
    ImportUnreadable,
    ImportRows,
    ImportRowsOne,
    ImportLine,
    PrintMembersList,
    MembersListTitle,
    PrintThisList,
    PrintedOn,
    TimebanksHeading,
    OpenNow,
    SwitchTo,
    StartAnother,
    OpenAnother,
    LockedNotice,
    PinLabel,
    UnlockButton,
    UnlockedNotice,
    LockNow,
    WrongPin,
    PinWait,
    PinWaitOne,
    SharedTabletHeading,
    SharedTabletIntro,
    NewPinLabel,
    RepeatPinLabel,
    SetPinButton,
    RemovePinButton,
    PinInvalid,
    PinsDiffer,
    PinSet,
    PinRemoved,
    SizeOfTextLabel,
    SizeNormal,
    SizeLarge,
    SizeLargest,
    StorageAllTimebanks,
    StorageSmall,
    StorageHeading,
    AsideHeading,
    AsideDownload,
    ShowingCount,
    ShowMoreButton,
    AllEvents,
    SyncTitle,
    SyncNotShared,
    SyncConnecting,
    SyncSyncing,
    SyncSyncedAt,
    SyncOfflineAllShared,
    SyncOfflineUnshared,
    SyncOfflineOneUnshared,
    SyncRefusedRevoked,
    SyncRefusedUnknown,
    SyncRefusedOther,
    SyncReadOnly,
    SyncRefusedSaid,
    SyncRefusedTooBig,
    SyncRefusedMessage,
    SyncRefusedFull,
    SyncTryAgain,
    SyncRelayIs,
    SyncStop,
    SyncStopped,
    SyncShareHeading,
    SyncShareIntro,
    SyncRelayLabel,
    SyncDeviceLabel,
    SyncDeviceHint,
    SyncShareButton,
    SyncBadAddress,
    SyncUnreachable,
    SyncAlreadyClaimed,
    SyncClosedRelay,
    SyncClaimKeyLabel,
    SyncClaimKeyNeeded,
    SyncRelayFull,
    SyncTooManyClaims,
    SyncStrange,
    SyncAskForInvite,
    SyncInviteHeading,
    SyncInviteIntro,
    SyncInviteLabel,
    SyncInviteCoordinator,
    SyncInviteButton,
    SyncInviteLink,
    SyncInviteWarning,
    SyncInviteQr,
    SyncCopyLink,
    SyncCopied,
    SyncNameNeeded,
    SyncDevicesHeading,
    SyncDeviceRevoked,
    SyncDeviceUsedBy,
    SyncDeviceCoordinator,
    SyncRevokeButton,
    SyncRevokedDone,
    SyncRevokeNote,
    SyncNoPermission,
    SyncLastCoordinator,
    JoinTitle,
    JoinWorking,
    JoinBadLink,
    JoinUnreachable,
    JoinUnavailable,
    JoinNotATimebank,
    JoinRefusedRevoked,
    JoinRefusedUnknown,
    JoinTryAgain,
    PersistGranted,
    PersistRefused,
    PersistUnknown,
    PersistAskAgain,
    UpdateReady,
    UpdateNow,
    OfflineSetupFailed,
    OpeningTimebank,
    InviteMemberLabel,
    InviteMemberHint,
    InviteMemberNeeded,
    UnknownPerson,
    ThisDeviceHeading,
    OnlyCoordinatorDevice,
    ThisDeviceMember,
    ThisDeviceCoordinator,
    ThisDeviceCode,
    ThisDeviceAsked,
    ThisDeviceCompare,
    ThisDeviceQr,
    ThisDeviceCannotWrite,
    ThisDeviceRevoked,
    ThisDeviceNoKey,
    ThisDeviceTag,
    AskHeading,
    AskAgainHeading,
    AskMemberLabel,
    AskDeviceLabel,
    AskButton,
    RequestsHeading,
    NoRequests,
    RequestWhat,
    RequestWhatNamed,
    RequestCode,
    RequestCompare,
    ApproveAsCoordinator,
    ApproveDeviceButton,
    DeclineButton,
    ApprovedDone,
    DeclinedDone,
    WritingDevicesHeading,
    RevokeReasonLabel,
    RevokeDeviceButton,
    DeviceRevokedDone,
    RelayAccessWithdrawn,
    RelayAccessNotReached,
    RelayAccessNotFound,
    InvitationsHeading,
    NoInvitations,
    InvitationOpen,
    InvitationUsed,
    InvitationUsedTwice,
    InvitationWithdrawn,
    InvitationWithdrawnReason,
    InvitationWithdrawnDone,
    WithdrawInvitationButton,
    WhoIntroAsk,
    HomeDeviceAsked,
    HomeDeviceCannotWrite,
    TrustCertificateNotValid,
    TrustCertifyAgainDo,
    TrustCertifiedForTwo,
    TrustCertifiedForTwoDo,
    TrustInvitationNotValid,
    TrustInvitationNotValidDo,
    TrustInviteUsedTwice,
    TrustInviteUsedTwiceDo,
    TrustRevocationNotValid,
    TrustRevokeAgainDo,
    AcceptLateButton,
}

fn english(text: Text) -> &'static str {
    match text {
        Text::AppName => "Tally",
        Text::SkipToContent => "Skip to content",
        Text::MainNavigation => "Main",
        Text::NavStart => "Start",
        Text::NavHome => "Home",
        Text::NavMembers => "Members",
        Text::NavRecord => "Record",
        Text::NavAbout => "About",
        Text::LanguageLabel => "Language",
        Text::WelcomeTitle => "Welcome to Tally",
        Text::WelcomeLead => {
            "Tally keeps your community timebank on this device: an hour of help is worth an hour, whoever gives it. It works with no signal and shares your records with other devices whenever there is a connection."
        }
        Text::WelcomeNoTimebank => "This device has no timebank yet. How would you like to start?",
        Text::CreateTimebank => "Create a timebank",
        Text::OpenFromFile => "Open a timebank from a file",
        Text::AboutTitle => "About Tally",
        Text::AboutIntro => {
            "In a timebank, members earn hours by helping neighbours and spend them to get help. One hour of help is worth one hour, whoever gives it."
        }
        Text::AboutDeviceTitle => "Your records live on your device",
        Text::AboutDevice => {
            "Tally keeps the whole timebank on every device that uses it, so you can record exchanges at a trading day in a hall with no signal. When a device is online again, it shares what it recorded and receives what others recorded, and every device ends up with the same balances."
        }
        Text::AboutHistoryTitle => "Nothing is ever edited away",
        Text::AboutHistory => {
            "An exchange, once recorded, is never changed or deleted. A mistake is put right by recording a reversal, so the history always adds up."
        }
        Text::NotFoundTitle => "Page not found",
        Text::NotFoundBody => {
            "There is no page at this address. Your timebank records are not affected."
        }
        Text::BackToStart => "Go to the start page",
        Text::CreateTitle => "Create a timebank",
        Text::CreateIntro => {
            "Name your timebank and yourself. You will be its first coordinator; you can add members straight away."
        }
        Text::TimebankNameLabel => "Name of the timebank",
        Text::TimebankNameHint => "For example: Riverside Timebank",
        Text::UnitLabelLabel => "What you call an hour",
        Text::UnitLabelHint => "Most timebanks say “hours”; some say “time credits”.",
        Text::DefaultUnit => "hours",
        Text::YourNameLabel => "Your name",
        Text::CreateSubmit => "Create the timebank",
        Text::OpenTitle => "Open a timebank from a file",
        Text::OpenIntro => {
            "A coordinator can save the timebank to a file on Tally’s Backup page and hand it to you. Choose that file here to open the timebank on this device."
        }
        Text::YourBalance => "Your balance",
        Text::RecentExchanges => "Your recent exchanges",
        Text::NoExchangesYet => "No exchanges yet.",
        Text::RecordAnExchange => "Record an exchange",
        Text::MembersTitle => "Members",
        Text::SearchMembersLabel => "Search by name, number or what they offer",
        Text::AddMemberTitle => "Add a member",
        Text::MemberNameLabel => "Name",
        Text::AddMemberSubmit => "Add member",
        Text::NoMembersMatch => "No member matches your search.",
        Text::MemberNumberShort => "No.",
        Text::Coordinator => "coordinator",
        Text::StatusApplicant => "applicant",
        Text::StatusAway => "away",
        Text::StatusLeft => "left",
        Text::RecordTitle => "Record an exchange",
        Text::StepWhoGave => "1. Who gave the help?",
        Text::StepWhatHappened => "1. What happened?",
        Text::IHelpedSomeone => "I helped someone",
        Text::SomeoneHelpedMe => "Someone helped me",
        Text::StepWhoDidYouHelp => "2. Who did you help?",
        Text::StepWhoHelpedYou => "2. Who helped you?",
        Text::ChooseWhatHappened => "Say whether you helped someone or someone helped you.",
        Text::StepWhoReceived => "2. Who received it?",
        Text::StepHowLong => "3. How long?",
        Text::ChooseMember => "Choose a member",
        Text::CommunityFund => "Community fund",
        Text::QuickHalfHour => "Add 30 min",
        Text::QuickOneHour => "Add 1 hour",
        Text::QuickTwoHours => "Add 2 hours",
        Text::DateLabel => "Date of the help",
        Text::DescriptionLabel => "What was done (optional)",
        Text::SlipLabel => "Paper slip number (optional)",
        Text::RecordSubmit => "Save the exchange",
        Text::BalancesAfter => "Balances after this exchange",
        Text::Saved => "Done.",
        Text::StorageFull => {
            "This device’s storage is full. Your latest changes are kept while Tally stays open, but are not saved: export the timebank to a file now."
        }
        Text::StorageUnavailable => {
            "Tally cannot save on this device right now. Your latest changes are kept while Tally stays open."
        }
        Text::StorageDamaged => {
            "The saved copy of a timebank on this device could not be opened. It has been kept aside, untouched."
        }
        Text::FloorWarning => {
            "This takes {name} below their lowest balance. You can still save it; a coordinator will see it."
        }
        Text::DownloadDamaged => "Download the damaged copy",
        Text::NavBackup => "Backup",
        Text::OpenChooseFile => "Timebank file",
        Text::OpenChooseHint => "A file whose name ends in .tally, from Tally’s Backup page.",
        Text::UnreadableFile => "This file could not be read as a timebank. Nothing was changed.",
        Text::WhoTitle => "Who is using this device?",
        Text::WhoIntro => "Choose yourself, so exchanges you record are in your name.",
        Text::BackupTitle => "Backup and sharing",
        Text::ExportHeading => "Save to a file",
        Text::ExportIntro => {
            "Keep a copy of the whole timebank, or hand it to another device with no network: that device adds it from the file."
        }
        Text::ExportButton => "Download the timebank file",
        Text::MergeHeading => "Add from a file",
        Text::MergeIntro => {
            "Adds what another device recorded. Nothing here is replaced or removed."
        }
        Text::MergeAdded => "Added {members}, {exchanges}, {listings} and {events}.",
        Text::DifferentTimebank => {
            "This file holds another timebank ({name}); it cannot be added to this one. Nothing was changed."
        }
        Text::NewerFile => {
            "This file was saved by a newer version of Tally. Update Tally to open it."
        }
        Text::ExchangeTitle => "Exchange",
        Text::GaveHelp => "Gave the help",
        Text::ReceivedHelp => "Received it",
        Text::HowLong => "How long",
        Text::StatusLabel => "Status",
        Text::SignatureLabel => "Signature",
        Text::SealVerified => "Signed by a certified device of the person who recorded it",
        Text::SealSigned => "Signed by the device that recorded it",
        Text::SealSigning => "Being signed by this device",
        Text::SealBeforeFounding => {
            "Recorded before this timebank's devices were certified: it counts as it was then"
        }
        Text::SealNotSigned => {
            "Not signed: recorded before Tally signed entries, or on a device that cannot sign"
        }
        Text::StatusPending => "waiting for confirmation",
        Text::StatusConfirmed => "confirmed",
        Text::StatusRejected => "rejected",
        Text::RecordedBy => "Recorded by {name} on {date}",
        Text::HistoryHeading => "History",
        Text::LogConfirm => "{name} confirmed it on {date}",
        Text::LogReject => "{name} rejected it on {date}",
        Text::LogOverrideConfirm => "{name} (coordinator) confirmed it on {date}",
        Text::LogOverrideReject => "{name} (coordinator) rejected it on {date}",
        Text::ReversedBy => "Put right by a reversal on {date}",
        Text::IsReversal => "This reversal puts right an earlier exchange.",
        Text::ConfirmButton => "Confirm",
        Text::RejectButton => "Reject",
        Text::ReverseButton => "Reverse this exchange",
        Text::ReasonLabel => "Reason (optional)",
        Text::WaitingForYou => "Waiting for you to confirm",
        Text::ExchangeNotFound => "This exchange is not in the timebank.",
        Text::ViewExchange => "Details",
        Text::NavCoordinator => "Coordinator",
        Text::AttentionTitle => "Needs attention",
        Text::AttentionIntro => {
            "What a coordinator should look at, worked out again after every change and every merge. Resolving an item is recorded, so it is resolved on every device."
        }
        Text::AttentionEmpty => "Nothing needs attention.",
        Text::ResolveButton => "Mark as dealt with",
        Text::ResolveNoteLabel => "What was done (optional)",
        Text::OverLimitWhat => "{name} reached {balance}, past their {limit} limit of {amount}.",
        Text::LimitLowest => "lowest",
        Text::LimitHighest => "highest",
        Text::OverLimitDo => "Talk to the member, change their limit, or reverse the exchange.",
        Text::DuplicateSlipWhat => {
            "Paper slip {number} was entered {count} times, on the same device."
        }
        Text::DuplicateSlipOtherDevices => {
            "Paper slip {number} was entered {count} times, on different devices."
        }
        Text::DuplicateSlipDo => "Check the slip and reverse the extra entries.",
        Text::SuspectedDuplicateWhat => {
            "{count} exchanges with the same people, time and date were recorded on different devices."
        }
        Text::SuspectedDuplicateDo => {
            "If it is the same help recorded twice, reverse the extra entry; otherwise mark it as dealt with."
        }
        Text::DuplicateNumberWhat => "{count} members have number {number}.",
        Text::DuplicateNumberDo => "Give all but one of them a new number.",
        Text::OverdueWhat => "An exchange has waited too long for {name} to confirm it.",
        Text::OverdueDo => "Ask them, or confirm or reject it yourself.",
        Text::DisputedWhat => "{name} rejected an exchange.",
        Text::DisputedDo => "Talk to both people, then confirm or reject it as coordinator.",
        Text::NotForListing => "Not for this listing",
        Text::ForListingNotice => "For the listing “{title}”, posted by {name}.",
        Text::NoListingExchanges => "No exchanges recorded for it that you can see.",
        Text::ListingExchangesHeading => "Exchanges for this listing",
        Text::RecordForListing => "Record an exchange for this",
        Text::ListingEndedNote => "Ended on {date}: it no longer shows on the board.",
        Text::ListingWithdrawnNote => "Withdrawn: it no longer shows on the board.",
        Text::PostedByLabel => "Posted by",
        Text::FromListing => "Recorded for the listing",
        Text::UnitLabelOneHint => "For one: “time credit”. Leave it empty if it is the same word.",
        Text::UnitLabelOneLabel => "What you call one of them",
        Text::TimebankDetailsHeading => "The timebank",
        Text::CurrencyLabel => "Currency of cash amounts",
        Text::TimebankLanguageLabel => "Language of a new device (until its user chooses one)",
        Text::BrowsersLanguage => "The browser’s language",
        Text::RulesHeading => "Rules",
        Text::PrintablesTitle => "Slips and member cards",
        Text::PrintablesIntro => {
            "Paper for members without a phone: blank trading-day slips to fill in by hand, and a card for each active member with their number and a QR code of it."
        }
        Text::PrintWhatLegend => "What to print",
        Text::BlankSlips => "Blank slips",
        Text::MemberCards => "Member cards",
        Text::PrintThem => "Print",
        Text::SlipNumberBlank => "Slip No. ________",
        Text::DateBlank => "Date: ________________",
        Text::GaveBlank => "Who gave the help (name and No.): ________________",
        Text::ReceivedBlank => "Who received it (name and No.): ________________",
        Text::HowLongBlank => "How long: ________",
        Text::WhatBlank => "What was done: ________________________",
        Text::SignaturesBlank => "Signatures: ____________  ____________",
        Text::CardQrLabel => "QR code of member number {number}",
        Text::PrintSlipsLink => "Print blank slips and member cards.",
        Text::StatementPeriod => "From {from} to {to}",
        Text::StatementOf => "Statement of {name}, member No. {number}",
        Text::StatementPrintedOn => "Printed on {date}",
        Text::DownloadStatement => "Download as a spreadsheet (CSV)",
        Text::NeedAttention => "{count} things need attention",
        Text::NeedAttentionOne => "{count} thing needs attention",
        Text::AskedToJoin => "{count} people asked to join",
        Text::AskedToJoinOne => "{count} person asked to join",
        Text::PostForLabel => "Whose listing",
        Text::PostForMyself => "Mine",
        Text::CountMember => "{count} member",
        Text::CountMembers => "{count} members",
        Text::CountExchange => "{count} exchange",
        Text::CountExchanges => "{count} exchanges",
        Text::CountListing => "{count} listing",
        Text::CountListings => "{count} listings",
        Text::CountEvent => "{count} event",
        Text::CountEvents => "{count} events",
        Text::CountOpeningBalance => "{count} opening balance",
        Text::CountOpeningBalances => "{count} opening balances",
        Text::GaveReceivedLine => "{gave} helped {received}: {duration}",
        Text::EventNotFound => "This event is not in the timebank.",
        Text::EventIsCancelled => "This event is cancelled.",
        Text::OrganiserLabel => "Organised by",
        Text::NobodyComingYet => "Nobody has said they are coming yet.",
        Text::EventExchangesHeading => "Hours recorded for this event",
        Text::ChangeEventHeading => "Change this event",
        Text::CancelEventButton => "Cancel this event",
        Text::CancelEventQuestion => {
            "Cancel “{title}”? Everyone sees it is cancelled, and nobody can answer any more."
        }
        Text::CancelEventYes => "Yes, cancel it",
        Text::AnswerForLabel => "Answer for a member (one without a phone, say)",
        Text::TheyAreComing => "Coming",
        Text::TheyAreNotComing => "Not coming",
        Text::EventHoursHeading => "Record the hours of everyone who came",
        Text::EventHoursHint => {
            "One exchange for each person who said they were coming, each for the same time, all saved together or none. The organiser is not counted among them."
        }
        Text::EventOtherSideLegend => "On the other side",
        Text::TheOrganiser => "The organiser",
        Text::EventDirectionLegend => "Everyone who came",
        Text::TheyReceivedHelp => "received the help (a workshop, say)",
        Text::TheyGaveHelp => "gave the help (a litter pick, say)",
        Text::EachHowLongLabel => "How long for each person, in hours",
        Text::RecordEventHoursButton => "Record everyone’s hours",
        Text::EventExchangesDone => "Done: {count} exchanges recorded.",
        Text::EventExchangesDoneOne => "Done: {count} exchange recorded.",
        Text::PastEventsHeading => "Recent events",
        Text::EventCancelledTag => "cancelled",
        Text::EventDescriptionLabel => "What it is about (optional)",
        Text::SaveChanges => "Save the changes",
        Text::FromEvent => "Recorded for the event",
        Text::DonateHeading => "A member gives hours to the fund",
        Text::DonorLabel => "Who gives them",
        Text::DonateButton => "Give the hours",
        Text::DonatedDone => "Done. {name} gave {duration} to the community fund.",
        Text::FundTitle => "Community fund",
        Text::FundIntro => {
            "The community fund holds the timebank’s own hours: members give it hours, it gives hours to members and groups, hours are bought from it with cash, and a member who leaves settles their balance with it."
        }
        Text::FundGivesHint => {
            "To pay members from the fund (each one who helped at a community event, say), record an exchange in which they gave the help and the “Community fund” received it:"
        }
        Text::BuyHoursHeading => "Hours bought with cash",
        Text::BuyHoursHint => {
            "The member receives the hours from the fund. The receipt’s number matches the cash to them."
        }
        Text::BuyForLabel => "For which member",
        Text::CashPaidLabel => "Amount paid, in {currency}",
        Text::CashUnreadable => "Write the amount paid in {currency}, like 12.50.",
        Text::ReceiptLabel => "Receipt number",
        Text::BoughtByLabel => "Paid by, if someone else paid (optional)",
        Text::BuyHoursButton => "Save the purchase",
        Text::BoughtDone => {
            "Done. {name} has {duration} more, bought for {cash} (receipt {receipt})."
        }
        Text::FundStatementHeading => "The fund’s statement",
        Text::FundStatementEmpty => "Nothing has gone through the fund yet.",
        Text::LeaveWithHours => {
            "{name} has {balance}. Leaving gives them to the community fund, and {name} is marked as left. Go ahead?"
        }
        Text::LeaveOwingHours => {
            "{name} owes {balance}. The community fund covers it as they leave, and {name} is marked as left. Go ahead?"
        }
        Text::LeaveNothingToSettle => "{name} has nothing to settle. Mark {name} as left?",
        Text::LeaveYes => "Yes, mark as left",
        Text::LeaveNo => "No, keep them",
        Text::ReversalWords => "Reversal",
        Text::ReversalWithReason => "Reversal: {reason}",
        Text::GivenToFundWords => "Given to the community fund",
        Text::OpeningBalanceWords => "Opening balance from the previous system",
        Text::BoughtWords => "Hours bought for {cash}, receipt {receipt}",
        Text::BoughtByWords => "Hours bought for {cash} by {who}, receipt {receipt}",
        Text::DealtWithHeading => "Dealt with ({count})",
        Text::DealtWithBy => "Dealt with by {name} on {date}",
        Text::DealtWithGone => "Something that no longer needs attention (it was put right since).",
        Text::SeeOriginal => "See the exchange it puts right",
        Text::RecordedTogetherHeading => "Recorded together with",
        Text::DecideHeading => "Decide as coordinator",
        Text::DecideExplain => {
            "Your decision outranks what the members said, and both of them see it with your reason. You can change it later."
        }
        Text::ReasonToDecideLabel => "Why you decide (both members see it)",
        Text::OverrideConfirmButton => "It counts",
        Text::OverrideRejectButton => "It does not count",
        Text::OverrideConfirmExplain => {
            "It counts: the hours move as recorded, whatever the members said."
        }
        Text::OverrideRejectExplain => {
            "It does not count: no hours move, and it stays on record, marked rejected."
        }
        Text::ExchangesOf => "Every exchange of {name}",
        Text::ExchangesTitle => "Exchanges",
        Text::ExchangesIntro => {
            "Every exchange of the timebank, newest first. Choose what to look for, then press Show exchanges. The page’s address keeps your choice, so you can share it or come back to it."
        }
        Text::ExchangesIntroOwn => "The exchanges you gave or received help in, newest first.",
        Text::FilterMemberLabel => "Member who gave or received",
        Text::FilterAnyone => "Anyone",
        Text::FilterFromLabel => "From (date)",
        Text::FilterToLabel => "To (date)",
        Text::FilterNoCategory => "No category",
        Text::FilterAnyStatus => "Any status",
        Text::FilterChannelLabel => "How it was recorded",
        Text::FilterAnyChannel => "Any way",
        Text::FilterSlipLabel => "Paper slip number",
        Text::FilterWordsLabel => "Words in the description",
        Text::FilterShowButton => "Show exchanges",
        Text::FilterClear => "Clear the filter",
        Text::FilterFromUnreadable => {
            "The “from” date could not be read, so it is not used. Choose it again."
        }
        Text::FilterToUnreadable => {
            "The “to” date could not be read, so it is not used. Choose it again."
        }
        Text::FilterMemberUnknown => {
            "The member in this address is not in this timebank, so the list shows everyone’s exchanges."
        }
        Text::StatusReversed => "reversed (put right by a reversal)",
        Text::ChannelApp => "In the app, by a member",
        Text::ChannelCoordinator => "By a coordinator",
        Text::ChannelTally => "Trading day tally",
        Text::ChannelSlip => "Paper slip",
        Text::ChannelImport => "From a spreadsheet",
        Text::ChannelQr => "Phone to phone",
        Text::ExchangesNoneFound => "No exchange matches. Try fewer filters.",
        Text::ExchangesShowing => "Exchanges {first} to {last} of {total}.",
        Text::ExchangesPrintLimit => {
            "Only the first {count} go on paper: narrow the list to print the rest."
        }
        Text::ExchangesPagesLabel => "Pages of the list",
        Text::PreviousPage => "Previous page",
        Text::NextPage => "Next page",
        Text::ExchangesPrint => "Print this list",
        Text::ReasonToReverseLabel => "Reason (needed to reverse it)",
        Text::BalanceThen => "{name}: {now} now, {then} after",
        Text::ReverseQuestion => {
            "Reverse this exchange? The balances become: {balances}. The exchange stays in the history, with the reason."
        }
        Text::ReverseYes => "Yes, reverse it",
        Text::ReverseNeedsReason => {
            "Write why it is reversed in the reason box first: both members will see it."
        }
        Text::LineWithNote => "{line}: “{note}”",
        Text::LockedMonthHint => {
            "{month} is locked: this exchange will count in balances, but not in the figures published for {month}. Reports list it under “Changed since the lock”."
        }
        Text::LockHeading => "Lock a month",
        Text::LockIntro => {
            "Lock a month once it is over and its figures are reported: they are then kept as they are."
        }
        Text::LockQuestion => {
            "Lock {month}? Its figures are kept as they are now, for reports to funders. Exchanges dated in {month} that are recorded or put right later still count in balances, but not in these figures: they are listed under “Changed since the lock”. A lock cannot be undone."
        }
        Text::LockYes => "Yes, lock {month}",
        Text::ChangedSinceLockHeading => "Changed since the lock",
        Text::LateExchangeWho => "{giver} helped {receiver}: {duration}",
        Text::LateExchangeAdded => {
            "Recorded or confirmed after {month} was locked: it counts in balances, not in {month}’s figures."
        }
        Text::LateExchangeRemoved => {
            "No longer counts, but is still in the figures published for {month}."
        }
        Text::EndOfDayWhoWhen => "{timebank}, trading day of {date}, slips entered by {name}",
        Text::RecentYouHelped => "You helped {name}",
        Text::RecentHelpedYou => "{name} helped you",
        Text::RecentFromFund => "From the community fund",
        Text::RecentToFund => "To the community fund",
        Text::RecentReversal => "Put right with {name}",
        Text::MarkWaitsForYou => "waits for you to confirm",
        Text::MarkWaitsForOther => "waits for confirmation",
        Text::MarkRejected => "rejected: does not count",
        Text::MarkWithdrawn => "withdrawn: does not count",
        Text::MarkNotCounted => "does not count",
        Text::HomeUsingAs => "This device is used by {name}.",
        Text::HomeNotYou => "Not you?",
        Text::MyStatement => "My statement",
        Text::DoubtCannotWithdraw => {
            "An exchange was withdrawn by someone other than the member who recorded it, so that does not count."
        }
        Text::WhyCannotWithdraw => {
            "only the member who recorded an exchange that waits for confirmation can withdraw it"
        }
        Text::StatusWithdrawn => "withdrawn by the person who recorded it",
        Text::LogWithdraw => "{name} withdrew it on {date}",
        Text::LogQuery => "{name} said something is wrong on {date}",
        Text::WithdrawExchangeButton => "Withdraw this exchange",
        Text::WithdrawExchangeHint => {
            "Nobody has confirmed it yet, so you can take it back if it is wrong: it will no longer count, and nobody is asked to confirm it."
        }
        Text::WithdrawExchangeQuestion => {
            "Withdraw this exchange? It will no longer count. You can record it again with the right details."
        }
        Text::WithdrawExchangeYes => "Yes, withdraw it",
        Text::WithdrawnDone => "Withdrawn: it no longer counts.",
        Text::RecordAgain => "Record it again",
        Text::SomethingWrongHeading => "Something is wrong with this exchange",
        Text::SomethingWrongLabel => "What is wrong? A coordinator will read your words.",
        Text::SomethingWrongButton => "Tell a coordinator",
        Text::SomethingWrongSent => "Sent: a coordinator will look into it and may contact you.",
        Text::ConfirmExplain => "Confirm: it counts as recorded.",
        Text::RejectExplain => {
            "Reject: it stops counting, and the people in it see it marked rejected."
        }
        Text::ReverseExplain => {
            "Reverse: records the same time back the other way, so both balances return to what they were. This exchange stays in the history."
        }
        Text::QueriedWhat => "{name} says something is wrong with an exchange: “{words}”",
        Text::QueriedDo => {
            "Talk to them; reverse or decide the exchange if it needs it, then mark this dealt with."
        }
        Text::WithdrawnInVainWhat => {
            "{name} withdrew an exchange that {other} confirmed at the same time, so it still counts."
        }
        Text::DoubtNotSigned => {
            "An exchange is not signed by the device that recorded it, so it does not count."
        }
        Text::DoubtUnknownDevice => {
            "An exchange was signed by a device no coordinator certified, so it does not count."
        }
        Text::DoubtSignatureDoesNotMatch => {
            "An exchange's signature does not match what it says (it may be forged), so it does not count."
        }
        Text::DoubtNotTheirs => {
            "An exchange was recorded on the device of a member who takes no part in it, so it does not count."
        }
        Text::DoubtAfterRevocation => {
            "An exchange was recorded on a device after the device was revoked, so it does not count."
        }
        Text::DoubtChangedAfterSigning => {
            "An exchange was changed after it was signed: the signed original counts, not the change."
        }
        Text::DoubtDeletedAfterSigning => {
            "An exchange was deleted, or damaged so that it can no longer be read, after it was signed: the signed original still counts."
        }
        Text::DoubtedDo => {
            "Check with the people named in it. If it is right, record it again from a certified device, then mark this dealt with."
        }
        Text::ChangedAfterSigningDo => {
            "Check with the people named in it, then mark this dealt with."
        }
        Text::DoubtNotTheConfirmer => {
            "An exchange was confirmed or rejected by someone other than the person asked to, so that does not count."
        }
        Text::DoubtNotACoordinator => {
            "A coordinator's decision on an exchange came from a device that is not a coordinator's, so it does not count."
        }
        Text::DoubtNoConfirmationAsked => {
            "An exchange recorded on a member's device does not ask the other member to confirm it, as this timebank's rules require, so it does not count."
        }
        Text::DoubtCoordinatorsOnly => {
            "An exchange that only coordinators record (a reversal, bought hours, an opening balance or hours from the community fund) was recorded on a member's device, so it does not count."
        }
        Text::DecisionDoubted => {
            "A step taken on an exchange (confirming, rejecting or withdrawing it, or saying something is wrong) does not count: {why}."
        }
        Text::DecisionDoubtedDo => {
            "Check with the people named in it. If it is right, confirm or reject it again from a certified device, then mark this dealt with."
        }
        Text::MissingFromSequenceWhat => {
            "Records that a device of {name} signed are no longer in the timebank (numbers {numbers}): they may have been deleted."
        }
        Text::MissingFromSequenceDo => {
            "Ask {name} what they recorded on that device and record again what is missing, then mark this dealt with."
        }
        Text::WhyNotSigned => "it is not signed by the device that wrote it",
        Text::WhyUnknownDevice => "it was signed by a device no coordinator certified",
        Text::WhySignatureDoesNotMatch => {
            "its signature does not match what it says (it may be forged)"
        }
        Text::WhyNotTheirs => {
            "it was written on the device of someone else than the person it names"
        }
        Text::WhyAfterRevocation => "it was written on a device after the device was revoked",
        Text::WhyChangedAfterSigning => {
            "it was changed after it was signed (the signed original counts)"
        }
        Text::WhyDeletedAfterSigning => {
            "it was deleted, or damaged so that it can no longer be read, after it was signed (the signed original counts)"
        }
        Text::WhyNotTheConfirmer => "it was made by someone other than the person asked to confirm",
        Text::WhyNotACoordinator => {
            "only a coordinator can decide this, and the device is not a coordinator's"
        }
        Text::WhyNoConfirmationAsked => {
            "it does not ask the other member to confirm it, as this timebank's rules require"
        }
        Text::WhyCoordinatorsOnly => {
            "only a coordinator records this, and the device is a member's"
        }
        Text::DuplicateReversalWhat => {
            "An exchange was reversed {count} times on different devices; only the first reversal counts."
        }
        Text::DuplicateReversalDo => {
            "Nothing is counted twice; mark it as dealt with once checked."
        }
        Text::LockedEntryWhat => {
            "An exchange dated in {month}, which is locked, arrived or changed after the lock."
        }
        Text::LockedEntryDo => {
            "The published figures for {month} stay as they are; note the difference for the next report."
        }
        Text::ReportsTitle => "Reports",
        Text::ReportsIntro => {
            "Figures for funders and the council, month by month. A locked month keeps the figures it had when it was locked."
        }
        Text::ColMonth => "Month",
        Text::ColHours => "Hours exchanged",
        Text::ColExchanges => "Exchanges",
        Text::ColActive => "Active members",
        Text::ColNew => "New members",
        Text::ColFund => "Through the community fund",
        Text::ColValue => "Social value",
        Text::ColLocked => "Locked",
        Text::LockButton => "Lock {month}",
        Text::Yes => "yes",
        Text::No => "no",
        Text::ChartTitle => "Hours exchanged by month",
        Text::ByCategoryHeading => "By category, over these months",
        Text::ColCategory => "Category",
        Text::FromMonthLabel => "From",
        Text::ToMonthLabel => "To",
        Text::NavOffers => "Offers",
        Text::OffersTitle => "Offers and requests",
        Text::SearchListingsLabel => "Search offers and requests",
        Text::KindLabel => "Kind",
        Text::AllKinds => "All kinds",
        Text::KindOffer => "Offer",
        Text::KindRequest => "Request",
        Text::KindLend => "To lend",
        Text::KindGiveAway => "To give away",
        Text::CategoryLabel => "Category",
        Text::AllCategories => "All categories",
        Text::NoCategory => "No category",
        Text::NoListings => "Nothing matches. Try another search, or post the first one.",
        Text::OnProfilesHeading => "On members’ profiles",
        Text::PostListingTitle => "Post an offer or request",
        Text::TitleLabel => "Title",
        Text::ListingDescriptionLabel => "Details (optional)",
        Text::LastDayLabel => "Show until",
        Text::PostButton => "Post it",
        Text::WithdrawButton => "Withdraw",
        Text::ShowsUntil => "Shows until {date}",
        Text::NavEvents => "Events",
        Text::EventsTitle => "Events",
        Text::UpcomingHeading => "Coming up",
        Text::NoUpcoming => "No events are planned.",
        Text::CalendarHeading => "Calendar",
        Text::PreviousMonth => "Previous month",
        Text::NextMonth => "Next month",
        Text::EventKindTradingDay => "Trading day",
        Text::EventKindSocial => "Social",
        Text::EventKindGroup => "Group activity",
        Text::EventKindMeeting => "Meeting",
        Text::ImComing => "I’m coming",
        Text::NotComing => "I can’t come",
        Text::ComingCount => "{count} coming",
        Text::ComingCountOne => "{count} coming",
        Text::YouAreComing => "You are coming.",
        Text::PlanEventTitle => "Plan an event",
        Text::PlaceLabel => "Place",
        Text::EventDateLabel => "Day",
        Text::StartsLabel => "Starts at",
        Text::EndsLabel => "Ends at",
        Text::PlanButton => "Plan it",
        Text::WeekdaysShort => "Mon Tue Wed Thu Fri Sat Sun",
        Text::ContactHeading => "Contact",
        Text::PhoneLabel => "Phone",
        Text::EmailLabel => "Email",
        Text::NeighbourhoodLabel => "Neighbourhood",
        Text::OffersHeading => "Offers",
        Text::NeedsHeading => "Needs",
        Text::StatementHeading => "Statement",
        Text::ColDate => "Date",
        Text::ColWith => "With",
        Text::ColWhat => "What",
        Text::ColChange => "Change",
        Text::ColBalance => "Balance",
        Text::PrintStatement => "Print this statement",
        Text::StatusChangeLabel => "Membership",
        Text::StatusChangeButton => "Change",
        Text::StatusActiveOption => "Active",
        Text::StatusApplicantOption => "Applicant",
        Text::StatusAwayOption => "Away",
        Text::StatusLeftOption => "Left",
        Text::MemberNotFound => "This member is not in the timebank.",
        Text::SettingsTitle => "Settings",
        Text::FloorLabel => "Lowest balance a member may reach, in hours",
        Text::CeilingLabel => "Highest balance a member may reach, in hours",
        Text::ConfirmationLabel => "Who confirms an exchange a member records",
        Text::ConfirmNobody => "Nobody: it counts at once",
        Text::ConfirmPayer => "The member who received the help",
        Text::ConfirmOther => "The other member",
        Text::ConfirmDaysLabel => "Days to confirm",
        Text::AutoConfirmLabel => "Confirm automatically when the days are up",
        Text::BalancesVisibleLabel => "Members see each other’s balances",
        Text::HourlyValueLabel => "Value of an hour for reports, in {currency}",
        Text::SaveSettings => "Save settings",
        Text::NotANumber => "Write a number here.",
        Text::StorageUsed => "{name} takes {size}.",
        Text::NavMore => "More",
        Text::MoreTitle => "More",
        Text::TradingDayTitle => "Trading day",
        Text::TradingDayIntro => {
            "Enter the paper slips one after another: each is saved as soon as you press Enter. The totals below are for checking against the paper tally."
        }
        Text::TradingDayDateLabel => "Date of the trading day",
        Text::EnterSlipHeading => "Enter a slip",
        Text::SlipNumberLabel => "Slip number (optional)",
        Text::GiverNumberLabel => "Who gave: member number",
        Text::ReceiverNumberLabel => "Who received: member number",
        Text::HoursLabel => "How long, in hours",
        Text::SaveSlip => "Save slip",
        Text::SlipSaved => "Saved: {giver} gave {receiver} {duration}.",
        Text::NoMemberWithNumber => "No active member has number {number}.",
        Text::MemberNumberShared => {
            "More than one member has number {number}: give them different numbers on their member pages first."
        }
        Text::WriteMemberNumber => "Write the member’s number, as on the slip.",
        Text::HoursNotValid => {
            "Write how long in hours, for example 1.5 or 1:30, or in minutes, for example 90 min."
        }
        Text::DurationHint => "For example 1.5, 1:30 or 90 min.",
        Text::SlipAlreadyEntered => {
            "Slip {number} is already entered: {giver} gave {receiver} {duration} on {date}."
        }
        Text::SlipSaveAgain => "Save again to enter it a second time.",
        Text::DurationUnderstood => "That is {duration}.",
        Text::DurationZero => "How long must be more than nothing.",
        Text::DurationMoreThanADay => {
            "{duration} is more than a day: an exchange lasts at most 24 hours."
        }
        Text::DurationDidYouMean => "{duration} is more than a day. Did you mean {minutes} min?",
        Text::DurationFarTooLong => "That",
        Text::SlipsEnteredHeading => "Slips entered",
        Text::NoSlipsYet => "No slips for this day yet.",
        Text::ColSlip => "Slip",
        Text::ColGave => "Gave",
        Text::ColReceived => "Received",
        Text::SlipStruckOut => "struck out",
        Text::PerMemberHeading => "Totals per member",
        Text::ColMember => "Member",
        Text::ColSlips => "Slips",
        Text::EndOfDayHeading => "End of day summary",
        Text::EndOfDayCount => "Slips counted: {count}",
        Text::EndOfDayTotal => "Total time: {duration}",
        Text::EndOfDayStruck => "Struck out (reversed or rejected), not in the totals: {count}",
        Text::PrintSummary => "Print the summary",
        Text::AddAnotherGiver => "Add another person who gave",
        Text::AddAnotherReceiver => "Add another person who received",
        Text::RemovePerson => "Remove {name}",
        Text::GroupNote => {
            "A group exchange: each person on one side exchanges the same time with the person on the other side."
        }
        Text::AlsoGave => "Also gave the help ({n})",
        Text::AlsoReceived => "Also received it ({n})",
        Text::ChooseAPerson => "a person",
        Text::CategoriesLabel => "Categories of help, one per line",
        Text::CategoriesHint => "Exchanges and listings already in a category you remove keep it.",
        Text::EditProfile => "Edit details",
        Text::EditMemberTitle => "Edit {name}’s details",
        Text::OffersLabel => "What they can offer",
        Text::NeedsLabel => "What they would like help with",
        Text::MemberNumberLabel => "Member number",
        Text::RoleLabel => "Role",
        Text::RoleMember => "Member",
        Text::RoleCoordinator => "Coordinator",
        Text::OwnFloorLabel => "Their own lowest balance, in hours (empty: the timebank’s)",
        Text::OwnCeilingLabel => "Their own highest balance, in hours (empty: the timebank’s)",
        Text::SaveDetails => "Save details",
        Text::BackToMember => "Back to {name}",
        Text::ApplicantsHeading => "Applicants waiting for approval",
        Text::NoApplicants => "Nobody is waiting for approval.",
        Text::ApproveButton => "Approve {name}",
        Text::JoinedOn => "Asked to join on {date}",
        Text::AddAsApplicant => "Add as an applicant, to approve later",
        Text::EditButton => "Edit",
        Text::RenewNamed => "Put it up again for 90 days",
        Text::NotShowingHeading => "Your listings that no longer show",
        Text::ListingWithdrawn => "Withdrawn",
        Text::ListingExpired => "Showed until {date}",
        Text::EditListingTitle => "Edit a listing",
        Text::ListingNotFound => "This listing does not exist on this device.",
        Text::SaveListing => "Save the listing",
        Text::BackToBoard => "Back to offers and requests",
        Text::SpreadsheetsTitle => "Spreadsheets",
        Text::SpreadsheetsIntro => {
            "Take the timebank’s members and exchanges to a spreadsheet, or bring them in from one (CSV files, as spreadsheets save them)."
        }
        Text::ExportMembersCsv => "Download the members (CSV)",
        Text::ExportExchangesCsv => "Download the exchanges (CSV)",
        Text::ImportMembersHeading => "Bring in members",
        Text::ImportMembersHelp => {
            "The first line names the columns: name (needed), and any of number, phone, email, neighbourhood, offers, needs, status, joined and balance (hours brought over from your previous system)."
        }
        Text::ImportExchangesHeading => "Bring in exchanges",
        Text::ImportExchangesHelp => {
            "The first line names the columns: date, received_by and given_by (member numbers or exact names), hours or minutes; and any of description, category and slip."
        }
        Text::ChooseCsvFile => "Choose a CSV file",
        Text::ImportedMembers => "Added {members}, with {balances}.",
        Text::ImportedExchanges => "Added {exchanges}.",
        Text::ImportMissingColumn => {
            "The file has no “{column}” column. The first line must name the columns."
        }
        Text::ImportEmpty => "The file has no rows after the line of column names.",
        Text::ImportUnreadable => {
            "This file could not be read as CSV. Save it from the spreadsheet as “CSV UTF-8” and try again."
        }
        Text::ImportRows => "Nothing was imported: {count} lines need fixing first.",
        Text::ImportRowsOne => "Nothing was imported: {count} line needs fixing first.",
        Text::ImportLine => "Line {line}: {message}",
        Text::PrintMembersList => "Printable members list",
        Text::MembersListTitle => "Members list",
        Text::PrintThisList => "Print this list",
        Text::PrintedOn => "{name}, {date}",
        Text::TimebanksHeading => "Timebanks on this device",
        Text::OpenNow => "open now",
        Text::SwitchTo => "Switch to {name}",
        Text::StartAnother => "Start another timebank",
        Text::OpenAnother => "Open another from a file",
        Text::LockedNotice => "This is a shared tablet: changes wait for the coordinator’s PIN.",
        Text::PinLabel => "Coordinator PIN",
        Text::UnlockButton => "Unlock",
        Text::UnlockedNotice => "Coordinator mode is unlocked on this shared tablet.",
        Text::LockNow => "Lock now",
        Text::WrongPin => "That PIN is not right.",
        Text::PinWait => "Too many wrong PINs: try again in {count} seconds.",
        Text::PinWaitOne => "Too many wrong PINs: try again in {count} second.",
        Text::SharedTabletHeading => "Shared tablet",
        Text::SharedTabletIntro => {
            "On a tablet that others use too, ask for a PIN before any change. It locks itself after 10 minutes without a change."
        }
        Text::NewPinLabel => "New PIN (4 to 8 digits)",
        Text::RepeatPinLabel => "The same PIN again",
        Text::SetPinButton => "Ask for this PIN",
        Text::RemovePinButton => "Stop asking for a PIN",
        Text::PinInvalid => "A PIN is 4 to 8 digits.",
        Text::PinsDiffer => "The two PINs are not the same.",
        Text::PinSet => "This tablet now asks for the PIN before changes.",
        Text::PinRemoved => "This tablet no longer asks for a PIN.",
        Text::SizeOfTextLabel => "Text size",
        Text::SizeNormal => "Normal",
        Text::SizeLarge => "Large",
        Text::SizeLargest => "Largest",
        Text::StorageRoomPlenty => {
            "There is plenty of room for Tally on this device: {usage} used of about {quota}."
        }
        Text::StorageRoomHalf => {
            "More than half of the room this browser gives Tally is used: {usage} of about {quota}. Keep a backup file."
        }
        Text::StorageRoomNearlyFull => {
            "This device is nearly out of room for Tally: {usage} used of about {quota}. Keep a backup file, sync with a relay, and free some space on the device."
        }
        Text::StorageAllTimebanks => {
            "Timebanks are kept in the browser’s database on this device, which holds as much as the browser allows this site."
        }
        Text::StorageSmall => {
            "This browser keeps Tally in a small store (it refused its database): about {count} more exchanges fit. Keep a backup file, and sync with a relay."
        }
        Text::StorageHeading => "Storage on this device",
        Text::AsideHeading => "Copies set aside",
        Text::AsideDownload => "Download copy {number} set aside ({size})",
        Text::ShowingCount => "Showing {shown} of {total}.",
        Text::ShowMoreButton => "Show {count} more",
        Text::AllEvents => "All events",
        Text::SyncTitle => "Sync between devices",
        Text::SyncNotShared => "On this device only",
        Text::SyncConnecting => "Connecting…",
        Text::SyncSyncing => "Syncing…",
        Text::SyncSyncedAt => "Synced at {time}",
        Text::SyncOfflineAllShared => "Offline: everything is shared",
        Text::SyncOfflineUnshared => "Offline: {count} changes not yet shared",
        Text::SyncOfflineOneUnshared => "Offline: 1 change not yet shared",
        Text::SyncRefusedRevoked => "Not syncing: a coordinator revoked this device's access",
        Text::SyncRefusedUnknown => "Not syncing: the relay does not know this device",
        Text::SyncRefusedOther => "Not syncing: this device's invite is for another timebank",
        Text::SyncReadOnly => "Read-only: this device's changes are not shared",
        Text::SyncRefusedSaid => "Not syncing: the relay said \"{message}\"",
        Text::SyncRefusedTooBig => {
            "Not syncing: this device sent the relay more at once than it takes. Its operator can raise the limit."
        }
        Text::SyncRefusedMessage => {
            "Not syncing: the relay refused a message from this device. Update Tally on this device, then try again."
        }
        Text::SyncRefusedFull => {
            "Not syncing: this timebank takes more room than the relay keeps for one, so it takes no more changes. Everything is still on this device. The relay's operator can raise the limit."
        }
        Text::SyncTryAgain => "Try again now",
        Text::SyncRelayIs => {
            "This timebank syncs through the relay at {url}: a server that keeps a copy of it and passes changes between its devices whenever they are online."
        }
        Text::SyncStop => "Stop syncing on this device",
        Text::SyncStopped => "This device no longer syncs. Everything stays on it.",
        Text::SyncShareHeading => "Share through a relay",
        Text::SyncShareIntro => {
            "A relay keeps a copy of the timebank and passes changes between your devices whenever they are online. The server Tally came from is a relay."
        }
        Text::SyncRelayLabel => "Relay address",
        Text::SyncDeviceLabel => "Name of this device",
        Text::SyncDeviceHint => "So you can tell devices apart later, for example \"Ana's phone\".",
        Text::SyncShareButton => "Share this timebank through the relay",
        Text::SyncBadAddress => {
            "Write the relay's address, like tally.example.org or http://192.168.1.5:8080."
        }
        Text::SyncUnreachable => {
            "Could not reach a relay at that address. Check it, and that this device is online, then try again."
        }
        Text::SyncAlreadyClaimed => {
            "This timebank is already on that relay: ask one of its coordinators for an invite."
        }
        Text::SyncClosedRelay => "That relay does not take new timebanks.",
        Text::SyncClaimKeyLabel => "Key from the relay's operator",
        Text::SyncClaimKeyNeeded => {
            "That relay takes new timebanks only with a key from its operator. Write the key they gave you; if you have none, ask them."
        }
        Text::SyncRelayFull => {
            "That relay holds as many timebanks as its operator allows. Ask them for room, or use another relay."
        }
        Text::SyncTooManyClaims => {
            "That relay has taken many new timebanks from your network lately. Try again later."
        }
        Text::SyncStrange => "That address did not answer like a Tally relay.",
        Text::SyncAskForInvite => {
            "This timebank is only on this device. To sync it with others, ask a coordinator for an invite and open it on this device."
        }
        Text::SyncInviteHeading => "Invite a device",
        Text::SyncInviteIntro => {
            "An invite lets one more device sync this timebank. Open the link, or scan the code, on that device."
        }
        Text::SyncInviteLabel => "Who or which device is it for?",
        Text::SyncInviteCoordinator => {
            "It is for a coordinator: that device will also be able to invite other devices and take their access away"
        }
        Text::SyncInviteButton => "Create invite",
        Text::SyncInviteLink => "Invite link",
        Text::SyncInviteWarning => {
            "Anyone with this link can sync the timebank: give it only to the person it is for."
        }
        Text::SyncInviteQr => "QR code of the invite link",
        Text::SyncCopyLink => "Copy link",
        Text::SyncCopied => "Link copied.",
        Text::SyncNameNeeded => "Write who the invite is for.",
        Text::SyncDevicesHeading => "Devices that can sync",
        Text::SyncDeviceRevoked => "revoked",
        Text::SyncDeviceUsedBy => "used by {name}’s device",
        Text::SyncDeviceCoordinator => "coordinator",
        Text::SyncRevokeButton => "Revoke access of {name}",
        Text::SyncRevokedDone => "{name} can no longer sync.",
        Text::SyncRevokeNote => {
            "Revoking a coordinator's device does not revoke the devices it invited: revoke each of those too if it should no longer sync."
        }
        Text::SyncNoPermission => "Only a coordinator's device can do this.",
        Text::SyncLastCoordinator => {
            "This is the only device left that can invite and revoke devices for this timebank: invite another coordinator's device before revoking it."
        }
        Text::JoinTitle => "Join a timebank",
        Text::JoinWorking => "Fetching the timebank from {relay}…",
        Text::JoinBadLink => "This invite link is not whole. Ask for it again, or copy all of it.",
        Text::JoinUnreachable => {
            "Could not reach the relay. Check that this device is online, then try again."
        }
        Text::JoinUnavailable => {
            "The relay does not have this timebank yet. Ask the coordinator to open Tally on their device while online, then try again."
        }
        Text::JoinNotATimebank => "What the relay sent is not the invited timebank.",
        Text::JoinRefusedRevoked => "This invite was revoked. Ask a coordinator for a new one.",
        Text::JoinRefusedUnknown => {
            "The relay does not know this invite. Ask a coordinator for a new one."
        }
        Text::JoinTryAgain => "Try again",
        Text::PersistGranted => "This browser keeps Tally's data until you delete it.",
        Text::PersistRefused => {
            "This browser may delete Tally's data if the device runs short of space. Keep a backup file or sync with a relay; adding Tally to the home screen usually makes the browser keep it."
        }
        Text::PersistUnknown => "This browser does not say whether it keeps Tally's data.",
        Text::PersistAskAgain => "Ask the browser to keep Tally's data",
        Text::UpdateReady => "A new version of Tally is ready.",
        Text::UpdateNow => "Update now",
        Text::OfflineSetupFailed => "Tally could not get ready to open without a network: {reason}",
        Text::OpeningTimebank => "Opening the whole timebank…",
        Text::InviteMemberLabel => "Who is the invite for?",
        Text::InviteMemberHint => "The device that opens the link writes for this member only.",
        Text::InviteMemberNeeded => "Choose the member.",
        Text::UnknownPerson => "someone no longer in the timebank",
        Text::ThisDeviceHeading => "This device",
        Text::OnlyCoordinatorDevice => {
            "This is the timebank's only coordinator's device: if it is lost, no one can certify or revoke devices. Invite a second coordinator's device (another of yours, or another coordinator's)."
        }
        Text::ThisDeviceMember => "This device writes for {name}.",
        Text::ThisDeviceCoordinator => "This device writes for {name}, as a coordinator.",
        Text::ThisDeviceCode => "Its code: {code}",
        Text::ThisDeviceAsked => {
            "This device asked to write for {name}. A coordinator approves it on their own device. Its code:"
        }
        Text::ThisDeviceCompare => {
            "Read this code to the coordinator, or show it: they check that their screen shows the same code before they approve."
        }
        Text::ThisDeviceQr => "QR code of this device's request",
        Text::ThisDeviceCannotWrite => {
            "This device can read this timebank but not write in it yet: a coordinator must approve it. Say who you are and ask."
        }
        Text::ThisDeviceRevoked => {
            "A coordinator revoked this device: it can read this timebank, but no longer write in it."
        }
        Text::ThisDeviceNoKey => {
            "This browser cannot sign entries, so on this device you can only read this timebank. A recent Chrome, Safari or Firefox can write."
        }
        Text::ThisDeviceTag => "this device",
        Text::AskHeading => "Ask to write",
        Text::AskAgainHeading => "Ask again, for someone else",
        Text::AskMemberLabel => "Who are you?",
        Text::AskDeviceLabel => "Name of this device (optional)",
        Text::AskButton => "Ask a coordinator",
        Text::RequestsHeading => "Devices asking to write",
        Text::NoRequests => "No device is waiting for approval.",
        Text::RequestWhat => "A device asks to write for {name}.",
        Text::RequestWhatNamed => "A device ({device}) asks to write for {name}.",
        Text::RequestCode => "Its code: {code}",
        Text::RequestCompare => {
            "Approve only if the same code shows on that device, in the hands of that person."
        }
        Text::ApproveAsCoordinator => "As a coordinator's device",
        Text::ApproveDeviceButton => "Approve for {name}",
        Text::DeclineButton => "Decline",
        Text::ApprovedDone => "Approved: the device can write once it syncs.",
        Text::DeclinedDone => "Declined.",
        Text::WritingDevicesHeading => "Devices that write",
        Text::RevokeReasonLabel => "Why (optional)",
        Text::RevokeDeviceButton => "Revoke {name}'s device",
        Text::RevokeDeviceQuestion => {
            "Revoke the device of {name} with code {code}? What it writes from now on waits for a coordinator; what it wrote before still counts. It cannot be undone: the device would have to ask again."
        }
        Text::RevokeYes => "Yes, revoke it",
        Text::KeepIt => "No, keep it",
        Text::SyncRevokeQuestion => {
            "Stop {name} from syncing with this relay? That device would need a new invite to sync again."
        }
        Text::DeviceRevokedDone => {
            "Revoked: what it wrote until now still counts; what it writes later waits for a coordinator."
        }
        Text::RelayAccessWithdrawn => "Its access to the sync server is withdrawn too.",
        Text::RelayAccessNotReached => {
            "The sync server could not be reached: withdraw its access on the Sync page once you are online."
        }
        Text::RelayAccessNotFound => {
            "No access to the sync server was found for it: check the devices that can sync, above, and revoke its access there."
        }
        Text::InvitationsHeading => "Invites",
        Text::NoInvitations => "No invite made yet.",
        Text::InvitationOpen => "not opened yet",
        Text::InvitationUsed => "opened on the device with code {code}",
        Text::InvitationUsedTwice => "opened on two devices: neither can write",
        Text::InvitationWithdrawn => "withdrawn",
        Text::InvitationWithdrawnReason => "Invite withdrawn",
        Text::InvitationWithdrawnDone => "Withdrawn: the link lets no one in.",
        Text::WithdrawInvitationButton => "Withdraw the invite for {name}",
        Text::WhoIntroAsk => {
            "Choose yourself: a coordinator then approves this device, and it writes in your name."
        }
        Text::HomeDeviceAsked => {
            "This device is waiting for a coordinator's approval before it can write."
        }
        Text::HomeDeviceCannotWrite => {
            "This device can read this timebank but not write in it yet: ask a coordinator to approve it."
        }
        Text::TrustCertificateNotValid => {
            "The device with code {code} was certified by a device that may not certify, or for someone its invite was not for: it cannot write."
        }
        Text::TrustCertifyAgainDo => {
            "If it is a member's device, approve it from a coordinator's device on the Sync page; then mark this resolved."
        }
        Text::TrustCertifiedForTwo => {
            "The device with code {code} is certified for two members, so it writes for neither."
        }
        Text::TrustCertifiedForTwoDo => {
            "Revoke it on the Sync page, then approve the member's device again."
        }
        Text::TrustInvitationNotValid => {
            "An invite with code {code} was not made on a coordinator's device: it lets no one in."
        }
        Text::TrustInvitationNotValidDo => {
            "Mark this resolved once checked; make a new invite if someone needs one."
        }
        Text::TrustInviteUsedTwice => {
            "The invite with code {code} was opened on two devices: neither can write."
        }
        Text::TrustInviteUsedTwiceDo => {
            "Find out which device is the member's and approve it on the Sync page; revoke the other."
        }
        Text::TrustRevocationNotValid => {
            "A revocation of the device with code {code} does not count: it was not signed by a coordinator's device that could revoke."
        }
        Text::TrustRevokeAgainDo => {
            "If the device should be revoked, revoke it from a coordinator's device; then mark this resolved."
        }
        Text::AcceptLateButton => "Let it count",
    }
}

fn french(text: Text) -> &'static str {
    match text {
        Text::AppName => "Tally",
        Text::SkipToContent => "Aller au contenu",
        Text::MainNavigation => "Principale",
        Text::NavStart => "Accueil",
        Text::NavHome => "Accueil",
        Text::NavMembers => "Membres",
        Text::NavRecord => "Noter",
        Text::NavAbout => "À propos",
        Text::LanguageLabel => "Langue",
        Text::WelcomeTitle => "Bienvenue dans Tally",
        Text::WelcomeLead => {
            "Tally garde votre banque de temps sur cet appareil : une heure d’aide vaut une heure, quelle que soit la personne qui la donne. Il fonctionne sans réseau et partage vos échanges avec les autres appareils dès qu’une connexion existe."
        }
        Text::WelcomeNoTimebank => {
            "Cet appareil n’a pas encore de banque de temps. Comment voulez-vous commencer ?"
        }
        Text::CreateTimebank => "Créer une banque de temps",
        Text::OpenFromFile => "Ouvrir une banque de temps depuis un fichier",
        Text::AboutTitle => "À propos de Tally",
        Text::AboutIntro => {
            "Dans une banque de temps, les membres gagnent des heures en aidant leurs voisins et les dépensent pour se faire aider. Une heure d’aide vaut une heure, quelle que soit la personne qui la donne."
        }
        Text::AboutDeviceTitle => "Vos données restent sur votre appareil",
        Text::AboutDevice => {
            "Tally garde toute la banque de temps sur chaque appareil qui l’utilise : vous pouvez donc noter des échanges lors d’une journée d’échanges dans une salle sans réseau. Quand un appareil retrouve une connexion, il partage ce qu’il a noté et reçoit ce que les autres ont noté, et tous les appareils finissent avec les mêmes soldes."
        }
        Text::AboutHistoryTitle => "Rien n’est jamais effacé",
        Text::AboutHistory => {
            "Un échange noté n’est jamais modifié ni supprimé. Une erreur se corrige en notant une annulation, si bien que l’historique tombe toujours juste."
        }
        Text::NotFoundTitle => "Page introuvable",
        Text::NotFoundBody => {
            "Il n’y a pas de page à cette adresse. Les données de votre banque de temps ne sont pas touchées."
        }
        Text::BackToStart => "Revenir à l’accueil",
        Text::CreateTitle => "Créer une banque de temps",
        Text::CreateIntro => {
            "Donnez un nom à votre banque de temps et indiquez le vôtre. Vous en serez le premier coordinateur et pourrez ajouter des membres tout de suite."
        }
        Text::TimebankNameLabel => "Nom de la banque de temps",
        Text::TimebankNameHint => "Par exemple : Banque de temps du quartier",
        Text::UnitLabelLabel => "Comment vous appelez une heure",
        Text::UnitLabelHint => {
            "La plupart des banques de temps disent « heures » ; certaines disent « crédits temps »."
        }
        Text::DefaultUnit => "heures",
        Text::YourNameLabel => "Votre nom",
        Text::CreateSubmit => "Créer la banque de temps",
        Text::OpenTitle => "Ouvrir une banque de temps depuis un fichier",
        Text::OpenIntro => {
            "Un coordinateur peut enregistrer la banque de temps dans un fichier depuis la page Sauvegarde de Tally et vous le remettre. Choisissez ce fichier ici pour ouvrir la banque de temps sur cet appareil."
        }
        Text::YourBalance => "Votre solde",
        Text::RecentExchanges => "Vos derniers échanges",
        Text::NoExchangesYet => "Aucun échange pour l’instant.",
        Text::RecordAnExchange => "Noter un échange",
        Text::MembersTitle => "Membres",
        Text::SearchMembersLabel => "Chercher par nom, numéro ou offre",
        Text::AddMemberTitle => "Ajouter un membre",
        Text::MemberNameLabel => "Nom",
        Text::AddMemberSubmit => "Ajouter le membre",
        Text::NoMembersMatch => "Aucun membre ne correspond à votre recherche.",
        Text::MemberNumberShort => "N°",
        Text::Coordinator => "coordinateur",
        Text::StatusApplicant => "candidat",
        Text::StatusAway => "absent",
        Text::StatusLeft => "parti",
        Text::RecordTitle => "Noter un échange",
        Text::StepWhoGave => "1. Qui a donné l’aide ?",
        Text::StepWhatHappened => "1. Que s’est-il passé ?",
        Text::IHelpedSomeone => "J’ai aidé quelqu’un",
        Text::SomeoneHelpedMe => "Quelqu’un m’a aidé",
        Text::StepWhoDidYouHelp => "2. Qui avez-vous aidé ?",
        Text::StepWhoHelpedYou => "2. Qui vous a aidé ?",
        Text::ChooseWhatHappened => {
            "Dites si vous avez aidé quelqu’un ou si quelqu’un vous a aidé."
        }
        Text::StepWhoReceived => "2. Qui l’a reçue ?",
        Text::StepHowLong => "3. Combien de temps\u{a0}?",
        Text::ChooseMember => "Choisir un membre",
        Text::CommunityFund => "Fonds commun",
        Text::QuickHalfHour => "Ajouter 30 min",
        Text::QuickOneHour => "Ajouter 1 heure",
        Text::QuickTwoHours => "Ajouter 2 heures",
        Text::DateLabel => "Date de l’aide",
        Text::DescriptionLabel => "Ce qui a été fait (facultatif)",
        Text::SlipLabel => "Numéro du bon papier (facultatif)",
        Text::RecordSubmit => "Enregistrer l’échange",
        Text::BalancesAfter => "Soldes après cet échange",
        Text::Saved => "C’est fait.",
        Text::StorageFull => {
            "Le stockage de cet appareil est plein. Vos dernières modifications sont gardées tant que Tally reste ouvert, mais ne sont pas enregistrées : exportez la banque de temps dans un fichier maintenant."
        }
        Text::StorageUnavailable => {
            "Tally ne peut pas enregistrer sur cet appareil pour le moment. Vos dernières modifications sont gardées tant que Tally reste ouvert."
        }
        Text::StorageDamaged => {
            "La copie enregistrée d’une banque de temps sur cet appareil n’a pas pu être ouverte. Elle a été mise de côté, intacte."
        }
        Text::FloorWarning => {
            "Cet échange fait passer {name} sous son solde minimum. Vous pouvez quand même l’enregistrer ; un coordinateur le verra."
        }
        Text::DownloadDamaged => "Télécharger la copie endommagée",
        Text::NavBackup => "Sauvegarde",
        Text::OpenChooseFile => "Fichier de banque de temps",
        Text::OpenChooseHint => {
            "Un fichier dont le nom finit par .tally, venant de la page Sauvegarde de Tally."
        }
        Text::UnreadableFile => {
            "Ce fichier n’a pas pu être lu comme une banque de temps. Rien n’a été modifié."
        }
        Text::WhoTitle => "Qui utilise cet appareil ?",
        Text::WhoIntro => {
            "Choisissez votre nom, pour que les échanges que vous notez le soient en votre nom."
        }
        Text::BackupTitle => "Sauvegarde et partage",
        Text::ExportHeading => "Enregistrer dans un fichier",
        Text::ExportIntro => {
            "Gardez une copie de toute la banque de temps, ou donnez-la à un autre appareil sans réseau : cet appareil l’ajoute depuis le fichier."
        }
        Text::ExportButton => "Télécharger le fichier de la banque de temps",
        Text::MergeHeading => "Ajouter depuis un fichier",
        Text::MergeIntro => {
            "Ajoute ce qu’un autre appareil a noté. Rien n’est remplacé ni supprimé ici."
        }
        Text::MergeAdded => "Ajouté\u{a0}: {members}, {exchanges}, {listings} et {events}.",
        Text::DifferentTimebank => {
            "Ce fichier contient une autre banque de temps ({name}) ; elle ne peut pas être ajoutée à celle-ci. Rien n’a été modifié."
        }
        Text::NewerFile => {
            "Ce fichier a été enregistré par une version plus récente de Tally. Mettez Tally à jour pour l’ouvrir."
        }
        Text::ExchangeTitle => "Échange",
        Text::GaveHelp => "A donné l’aide",
        Text::ReceivedHelp => "L’a reçue",
        Text::HowLong => "Durée",
        Text::StatusLabel => "État",
        Text::SignatureLabel => "Signature",
        Text::SealVerified => "Signé par un appareil certifié de la personne qui l'a noté",
        Text::SealSigned => "Signé par l'appareil qui l'a noté",
        Text::SealSigning => "En cours de signature par cet appareil",
        Text::SealBeforeFounding => {
            "Noté avant la certification des appareils de cette banque de temps : il compte tel qu'il était"
        }
        Text::SealNotSigned => {
            "Non signé : noté avant que Tally ne signe les saisies, ou sur un appareil qui ne sait pas signer"
        }
        Text::StatusPending => "en attente de confirmation",
        Text::StatusConfirmed => "confirmé",
        Text::StatusRejected => "refusé",
        Text::RecordedBy => "Noté par {name} le {date}",
        Text::HistoryHeading => "Historique",
        Text::LogConfirm => "{name} l’a confirmé le {date}",
        Text::LogReject => "{name} l’a refusé le {date}",
        Text::LogOverrideConfirm => "{name} (coordinateur) l’a confirmé le {date}",
        Text::LogOverrideReject => "{name} (coordinateur) l’a refusé le {date}",
        Text::ReversedBy => "Annulé par un échange du {date}",
        Text::IsReversal => "Cette annulation corrige un échange précédent.",
        Text::ConfirmButton => "Confirmer",
        Text::RejectButton => "Refuser",
        Text::ReverseButton => "Annuler cet échange",
        Text::ReasonLabel => "Motif (facultatif)",
        Text::WaitingForYou => "En attente de votre confirmation",
        Text::ExchangeNotFound => "Cet échange n’est pas dans la banque de temps.",
        Text::ViewExchange => "Détails",
        Text::NavCoordinator => "Coordination",
        Text::AttentionTitle => "À traiter",
        Text::AttentionIntro => {
            "Ce qu’un coordinateur doit examiner, recalculé après chaque modification et chaque fusion. Traiter un point est noté, il est donc traité sur tous les appareils."
        }
        Text::AttentionEmpty => "Rien à traiter.",
        Text::ResolveButton => "Marquer comme traité",
        Text::ResolveNoteLabel => "Ce qui a été fait (facultatif)",
        Text::OverLimitWhat => {
            "{name} a atteint {balance}, au-delà de sa limite {limit} de {amount}."
        }
        Text::LimitLowest => "minimale",
        Text::LimitHighest => "maximale",
        Text::OverLimitDo => "Parlez au membre, changez sa limite ou annulez l’échange.",
        Text::DuplicateSlipWhat => {
            "Le bon papier {number} a été saisi {count} fois, sur le même appareil."
        }
        Text::DuplicateSlipOtherDevices => {
            "Le bon papier {number} a été saisi {count} fois, sur des appareils différents."
        }
        Text::DuplicateSlipDo => "Vérifiez le bon et annulez les saisies en trop.",
        Text::SuspectedDuplicateWhat => {
            "{count} échanges avec les mêmes personnes, la même durée et la même date ont été notés sur des appareils différents."
        }
        Text::SuspectedDuplicateDo => {
            "S’il s’agit de la même aide notée deux fois, annulez la saisie en trop ; sinon marquez-la comme traitée."
        }
        Text::DuplicateNumberWhat => "{count} membres ont le numéro {number}.",
        Text::DuplicateNumberDo => "Donnez un nouveau numéro à tous sauf un.",
        Text::OverdueWhat => "Un échange attend depuis trop longtemps la confirmation de {name}.",
        Text::OverdueDo => "Demandez-lui, ou confirmez ou refusez-le vous-même.",
        Text::DisputedWhat => "{name} a refusé un échange.",
        Text::DoubtNotSigned => {
            "Un échange n'est pas signé par l'appareil qui l'a noté : il ne compte pas."
        }
        Text::DoubtUnknownDevice => {
            "Un échange a été signé par un appareil qu'aucun coordinateur n'a certifié : il ne compte pas."
        }
        Text::DoubtSignatureDoesNotMatch => {
            "La signature d'un échange ne correspond pas à son contenu (il est peut-être falsifié) : il ne compte pas."
        }
        Text::DoubtNotTheirs => {
            "Un échange a été noté sur l'appareil d'un membre qui n'y prend pas part : il ne compte pas."
        }
        Text::DoubtAfterRevocation => {
            "Un échange a été noté sur un appareil après sa révocation : il ne compte pas."
        }
        Text::DoubtChangedAfterSigning => {
            "Un échange a été modifié après sa signature : l'original signé compte, pas la modification."
        }
        Text::DoubtDeletedAfterSigning => {
            "Un échange a été supprimé, ou abîmé au point de ne plus pouvoir être lu, après sa signature : l'original signé compte toujours."
        }
        Text::DoubtedDo => {
            "Vérifiez auprès des personnes concernées. S'il est juste, notez-le de nouveau depuis un appareil certifié, puis marquez ceci comme traité."
        }
        Text::ChangedAfterSigningDo => {
            "Vérifiez auprès des personnes concernées, puis marquez ceci comme traité."
        }
        Text::DoubtNotTheConfirmer => {
            "Un échange a été confirmé ou refusé par quelqu'un d'autre que la personne sollicitée : cela ne compte pas."
        }
        Text::DoubtNotACoordinator => {
            "Une décision de coordinateur sur un échange vient d'un appareil qui n'est pas celui d'un coordinateur : elle ne compte pas."
        }
        Text::DoubtNoConfirmationAsked => {
            "Un échange noté sur l'appareil d'un membre ne demande pas à l'autre membre de le confirmer, comme l'exigent les règles de cette banque de temps : il ne compte pas."
        }
        Text::DoubtCoordinatorsOnly => {
            "Un échange que seuls les coordinateurs notent (une annulation, des heures achetées, un solde d'ouverture ou des heures du fonds commun) a été noté sur l'appareil d'un membre : il ne compte pas."
        }
        Text::DecisionDoubted => {
            "Une étape sur un échange (le confirmer, le refuser, le retirer ou signaler un problème) ne compte pas : {why}."
        }
        Text::DecisionDoubtedDo => {
            "Vérifiez auprès des personnes concernées. Si c'est juste, confirmez ou refusez de nouveau depuis un appareil certifié, puis marquez ceci comme traité."
        }
        Text::MissingFromSequenceWhat => {
            "Des saisies signées par un appareil de {name} ne sont plus dans la banque de temps (numéros {numbers}) : elles ont peut-être été supprimées."
        }
        Text::MissingFromSequenceDo => {
            "Demandez à {name} ce qui a été noté sur cet appareil et notez de nouveau ce qui manque, puis marquez ceci comme traité."
        }
        Text::WhyNotSigned => "il n'est pas signé par l'appareil qui l'a écrit",
        Text::WhyUnknownDevice => {
            "il a été signé par un appareil qu'aucun coordinateur n'a certifié"
        }
        Text::WhySignatureDoesNotMatch => {
            "sa signature ne correspond pas à son contenu (il est peut-être falsifié)"
        }
        Text::WhyNotTheirs => {
            "il a été écrit sur l'appareil d'une autre personne que celle qu'il nomme"
        }
        Text::WhyAfterRevocation => "il a été écrit sur un appareil après sa révocation",
        Text::WhyChangedAfterSigning => {
            "il a été modifié après sa signature (l'original signé compte)"
        }
        Text::WhyDeletedAfterSigning => {
            "il a été supprimé, ou abîmé au point de ne plus pouvoir être lu, après sa signature (l'original signé compte)"
        }
        Text::WhyNotTheConfirmer => {
            "il vient d'une autre personne que celle sollicitée pour confirmer"
        }
        Text::WhyNotACoordinator => {
            "seul un coordinateur peut le décider, et l'appareil n'est pas celui d'un coordinateur"
        }
        Text::WhyNoConfirmationAsked => {
            "il ne demande pas à l'autre membre de le confirmer, comme l'exigent les règles de cette banque de temps"
        }
        Text::WhyCoordinatorsOnly => {
            "seul un coordinateur le note, et l'appareil est celui d'un membre"
        }
        Text::DisputedDo => {
            "Parlez aux deux personnes, puis confirmez ou refusez-le en tant que coordinateur."
        }
        Text::NotForListing => "Pas pour cette annonce",
        Text::ForListingNotice => "Pour l’annonce «\u{a0}{title}\u{a0}», publiée par {name}.",
        Text::NoListingExchanges => "Aucun échange enregistré pour elle que vous puissiez voir.",
        Text::ListingExchangesHeading => "Échanges pour cette annonce",
        Text::RecordForListing => "Enregistrer un échange pour cette annonce",
        Text::ListingEndedNote => "Terminée le {date}\u{a0}: elle n’apparaît plus sur le tableau.",
        Text::ListingWithdrawnNote => "Retirée\u{a0}: elle n’apparaît plus sur le tableau.",
        Text::PostedByLabel => "Publiée par",
        Text::FromListing => "Noté pour l’annonce",
        Text::UnitLabelOneHint => {
            "Pour une seule\u{a0}: «\u{a0}crédit temps\u{a0}». Laissez vide si c’est le même mot."
        }
        Text::UnitLabelOneLabel => "Et pour une seule",
        Text::TimebankDetailsHeading => "La banque de temps",
        Text::CurrencyLabel => "Monnaie des sommes d’argent",
        Text::TimebankLanguageLabel => {
            "Langue d’un nouvel appareil (tant que son utilisateur n’en choisit pas)"
        }
        Text::BrowsersLanguage => "La langue du navigateur",
        Text::RulesHeading => "Règles",
        Text::PrintablesTitle => "Bons et cartes de membre",
        Text::PrintablesIntro => {
            "Du papier pour les membres sans téléphone\u{a0}: des bons vierges de journée d’échanges à remplir à la main, et une carte pour chaque membre actif avec son numéro et un code QR de ce numéro."
        }
        Text::PrintWhatLegend => "Quoi imprimer",
        Text::BlankSlips => "Bons vierges",
        Text::MemberCards => "Cartes de membre",
        Text::PrintThem => "Imprimer",
        Text::SlipNumberBlank => "Bon n°\u{a0}________",
        Text::DateBlank => "Date\u{a0}: ________________",
        Text::GaveBlank => "Qui a donné l’aide (nom et n°)\u{a0}: ________________",
        Text::ReceivedBlank => "Qui l’a reçue (nom et n°)\u{a0}: ________________",
        Text::HowLongBlank => "Durée\u{a0}: ________",
        Text::WhatBlank => "Ce qui a été fait\u{a0}: ________________________",
        Text::SignaturesBlank => "Signatures\u{a0}: ____________  ____________",
        Text::CardQrLabel => "Code QR du numéro de membre {number}",
        Text::PrintSlipsLink => "Imprimer des bons vierges et des cartes de membre.",
        Text::StatementPeriod => "Du {from} au {to}",
        Text::StatementOf => "Relevé de {name}, membre n°\u{a0}{number}",
        Text::StatementPrintedOn => "Imprimé le {date}",
        Text::DownloadStatement => "Télécharger pour un tableur (CSV)",
        Text::NeedAttention => "{count} points à traiter",
        Text::NeedAttentionOne => "{count} point à traiter",
        Text::AskedToJoin => "{count} personnes demandent à adhérer",
        Text::AskedToJoinOne => "{count} personne demande à adhérer",
        Text::PostForLabel => "Annonce de qui",
        Text::PostForMyself => "La mienne",
        Text::CountMember => "{count} membre",
        Text::CountMembers => "{count} membres",
        Text::CountExchange => "{count} échange",
        Text::CountExchanges => "{count} échanges",
        Text::CountListing => "{count} annonce",
        Text::CountListings => "{count} annonces",
        Text::CountEvent => "{count} événement",
        Text::CountEvents => "{count} événements",
        Text::CountOpeningBalance => "{count} solde d’ouverture",
        Text::CountOpeningBalances => "{count} soldes d’ouverture",
        Text::GaveReceivedLine => "{gave} a aidé {received}\u{a0}: {duration}",
        Text::EventNotFound => "Cet événement n’est pas dans la banque de temps.",
        Text::EventIsCancelled => "Cet événement est annulé.",
        Text::OrganiserLabel => "Organisé par",
        Text::NobodyComingYet => "Personne n’a encore dit venir.",
        Text::EventExchangesHeading => "Heures notées pour cet événement",
        Text::ChangeEventHeading => "Modifier cet événement",
        Text::CancelEventButton => "Annuler cet événement",
        Text::CancelEventQuestion => {
            "Annuler «\u{a0}{title}\u{a0}»\u{a0}? Tout le monde voit qu’il est annulé, et plus personne ne peut répondre."
        }
        Text::CancelEventYes => "Oui, l’annuler",
        Text::AnswerForLabel => "Répondre pour un membre (sans téléphone, par exemple)",
        Text::TheyAreComing => "Vient",
        Text::TheyAreNotComing => "Ne vient pas",
        Text::EventHoursHeading => "Noter les heures de chaque personne venue",
        Text::EventHoursHint => {
            "Un échange pour chaque personne qui a dit venir, chacun pour la même durée, tous enregistrés ensemble ou aucun. L’organisateur n’est pas compté parmi elles."
        }
        Text::EventOtherSideLegend => "De l’autre côté",
        Text::TheOrganiser => "L’organisateur",
        Text::EventDirectionLegend => "Chaque personne venue",
        Text::TheyReceivedHelp => "a reçu l’aide (un atelier, par exemple)",
        Text::TheyGaveHelp => "a donné l’aide (un ramassage de déchets, par exemple)",
        Text::EachHowLongLabel => "Durée pour chaque personne, en heures",
        Text::RecordEventHoursButton => "Noter les heures de tous",
        Text::EventExchangesDone => "C’est fait\u{a0}: {count} échanges notés.",
        Text::EventExchangesDoneOne => "C’est fait\u{a0}: {count} échange noté.",
        Text::PastEventsHeading => "Événements récents",
        Text::EventCancelledTag => "annulé",
        Text::EventDescriptionLabel => "De quoi il s’agit (facultatif)",
        Text::SaveChanges => "Enregistrer les modifications",
        Text::FromEvent => "Noté pour l’événement",
        Text::DonateHeading => "Un membre donne des heures au fonds",
        Text::DonorLabel => "Qui les donne",
        Text::DonateButton => "Donner les heures",
        Text::DonatedDone => "C’est fait. {name} a donné {duration} au fonds commun.",
        Text::FundTitle => "Fonds commun",
        Text::FundIntro => {
            "Le fonds commun garde les heures de la banque de temps elle-même\u{a0}: des membres lui donnent des heures, il en donne à des membres et à des groupes, on lui en achète contre de l’argent, et un membre qui part règle son solde avec lui."
        }
        Text::FundGivesHint => {
            "Pour payer des membres avec le fonds (chaque personne qui a aidé lors d’un événement collectif, par exemple), notez un échange où ils ont donné l’aide et où le «\u{a0}Fonds commun\u{a0}» l’a reçue\u{a0}:"
        }
        Text::BuyHoursHeading => "Heures achetées contre de l’argent",
        Text::BuyHoursHint => {
            "Le membre reçoit les heures du fonds. Le numéro du reçu fait correspondre l’argent à ces heures."
        }
        Text::BuyForLabel => "Pour quel membre",
        Text::CashPaidLabel => "Montant payé, en {currency}",
        Text::CashUnreadable => "Écrivez le montant payé en {currency}, par exemple 12,50.",
        Text::ReceiptLabel => "Numéro du reçu",
        Text::BoughtByLabel => "Payé par, si quelqu’un d’autre a payé (facultatif)",
        Text::BuyHoursButton => "Enregistrer l’achat",
        Text::BoughtDone => {
            "C’est fait. {name} a {duration} de plus, achetées pour {cash} (reçu {receipt})."
        }
        Text::FundStatementHeading => "Relevé du fonds",
        Text::FundStatementEmpty => "Rien n’est encore passé par le fonds.",
        Text::LeaveWithHours => {
            "{name} a {balance}. En partant, ces heures vont au fonds commun, et {name} est noté comme parti. Continuer\u{a0}?"
        }
        Text::LeaveOwingHours => {
            "{name} doit {balance}. Le fonds commun couvre ce solde au départ, et {name} est noté comme parti. Continuer\u{a0}?"
        }
        Text::LeaveNothingToSettle => "{name} n’a rien à régler. Noter {name} comme parti\u{a0}?",
        Text::LeaveYes => "Oui, noter le départ",
        Text::LeaveNo => "Non, garder ce membre",
        Text::ReversalWords => "Annulation",
        Text::ReversalWithReason => "Annulation\u{a0}: {reason}",
        Text::GivenToFundWords => "Donné au fonds commun",
        Text::OpeningBalanceWords => "Solde d’ouverture repris de l’ancien système",
        Text::BoughtWords => "Heures achetées pour {cash}, reçu {receipt}",
        Text::BoughtByWords => "Heures achetées pour {cash} par {who}, reçu {receipt}",
        Text::DealtWithHeading => "Traité ({count})",
        Text::DealtWithBy => "Traité par {name} le {date}",
        Text::DealtWithGone => {
            "Un point qui ne demande plus d’attention (il a été corrigé depuis)."
        }
        Text::SeeOriginal => "Voir l’échange qu’elle corrige",
        Text::RecordedTogetherHeading => "Noté en même temps que",
        Text::DecideHeading => "Décider en tant que coordinateur",
        Text::DecideExplain => {
            "Votre décision l’emporte sur ce que les membres ont dit, et tous deux la voient avec votre motif. Vous pourrez la changer plus tard."
        }
        Text::ReasonToDecideLabel => "Pourquoi vous décidez (les deux membres le voient)",
        Text::OverrideConfirmButton => "Il compte",
        Text::OverrideRejectButton => "Il ne compte pas",
        Text::OverrideConfirmExplain => {
            "Il compte : les heures bougent comme noté, quoi qu’aient dit les membres."
        }
        Text::OverrideRejectExplain => {
            "Il ne compte pas : aucune heure ne bouge, et il reste noté, marqué refusé."
        }
        Text::ExchangesOf => "Tous les échanges de {name}",
        Text::ExchangesTitle => "Échanges",
        Text::ExchangesIntro => {
            "Tous les échanges de la banque de temps, du plus récent au plus ancien. Choisissez ce que vous cherchez, puis appuyez sur Afficher les échanges. L’adresse de la page garde votre choix : vous pouvez la partager ou y revenir."
        }
        Text::ExchangesIntroOwn => {
            "Les échanges où vous avez donné ou reçu de l’aide, du plus récent au plus ancien."
        }
        Text::FilterMemberLabel => "Membre qui a donné ou reçu",
        Text::FilterAnyone => "N’importe qui",
        Text::FilterFromLabel => "Du (date)",
        Text::FilterToLabel => "Au (date)",
        Text::FilterNoCategory => "Sans catégorie",
        Text::FilterAnyStatus => "Tous les états",
        Text::FilterChannelLabel => "Comment il a été noté",
        Text::FilterAnyChannel => "De toutes les façons",
        Text::FilterSlipLabel => "Numéro du bon papier",
        Text::FilterWordsLabel => "Mots de la description",
        Text::FilterShowButton => "Afficher les échanges",
        Text::FilterClear => "Tout effacer",
        Text::FilterFromUnreadable => {
            "La date « du » est illisible : elle n’est pas utilisée. Choisissez-la à nouveau."
        }
        Text::FilterToUnreadable => {
            "La date « au » est illisible : elle n’est pas utilisée. Choisissez-la à nouveau."
        }
        Text::FilterMemberUnknown => {
            "Le membre de cette adresse n’est pas dans cette banque de temps : la liste montre les échanges de tout le monde."
        }
        Text::StatusReversed => "annulé (corrigé par une annulation)",
        Text::ChannelApp => "Dans l’application, par un membre",
        Text::ChannelCoordinator => "Par la coordination",
        Text::ChannelTally => "Pointage de journée d’échanges",
        Text::ChannelSlip => "Bon papier",
        Text::ChannelImport => "Depuis un tableur",
        Text::ChannelQr => "De téléphone à téléphone",
        Text::ExchangesNoneFound => "Aucun échange ne correspond. Essayez avec moins de filtres.",
        Text::ExchangesShowing => "Échanges {first} à {last} sur {total}.",
        Text::ExchangesPrintLimit => {
            "Seuls les {count} premiers sont imprimés : affinez la liste pour imprimer le reste."
        }
        Text::ExchangesPagesLabel => "Pages de la liste",
        Text::PreviousPage => "Page précédente",
        Text::NextPage => "Page suivante",
        Text::ExchangesPrint => "Imprimer cette liste",
        Text::ReasonToReverseLabel => "Motif (nécessaire pour l’annuler)",
        Text::BalanceThen => "{name} : {now} maintenant, {then} après",
        Text::ReverseQuestion => {
            "Annuler cet échange ? Les soldes deviennent : {balances}. L’échange reste dans l’historique, avec le motif."
        }
        Text::ReverseYes => "Oui, l’annuler",
        Text::ReverseNeedsReason => {
            "Écrivez d’abord le motif de l’annulation : les deux membres le verront."
        }
        Text::LineWithNote => "{line}\u{a0}: «\u{a0}{note}\u{a0}»",
        Text::LockedMonthHint => {
            "{month} est verrouillé : cet échange comptera dans les soldes, mais pas dans les chiffres publiés pour {month}. Les rapports l’indiquent sous « Modifié depuis le verrouillage »."
        }
        Text::LockHeading => "Verrouiller un mois",
        Text::LockIntro => {
            "Verrouillez un mois une fois terminé et ses chiffres publiés : ils restent alors tels quels."
        }
        Text::LockQuestion => {
            "Verrouiller {month} ? Ses chiffres restent tels qu’ils sont maintenant, pour les rapports aux financeurs. Les échanges datés de {month} notés ou corrigés plus tard comptent toujours dans les soldes, mais pas dans ces chiffres : ils sont indiqués sous « Modifié depuis le verrouillage ». Un verrouillage ne peut pas être annulé."
        }
        Text::LockYes => "Oui, verrouiller {month}",
        Text::ChangedSinceLockHeading => "Modifié depuis le verrouillage",
        Text::LateExchangeWho => "{giver} a aidé {receiver} : {duration}",
        Text::LateExchangeAdded => {
            "Noté ou confirmé après le verrouillage de {month} : il compte dans les soldes, pas dans les chiffres de {month}."
        }
        Text::LateExchangeRemoved => {
            "Ne compte plus, mais figure toujours dans les chiffres publiés pour {month}."
        }
        Text::EndOfDayWhoWhen => {
            "{timebank}, journée d’échanges du {date}, fiches saisies par {name}"
        }
        Text::RecentYouHelped => "Vous avez aidé {name}",
        Text::RecentHelpedYou => "{name} vous a rendu service",
        Text::RecentFromFund => "Du fonds commun",
        Text::RecentToFund => "Au fonds commun",
        Text::RecentReversal => "Correction avec {name}",
        Text::MarkWaitsForYou => "attend votre confirmation",
        Text::MarkWaitsForOther => "en attente de confirmation",
        Text::MarkRejected => "refusé : ne compte pas",
        Text::MarkWithdrawn => "retiré : ne compte pas",
        Text::MarkNotCounted => "ne compte pas",
        Text::HomeUsingAs => "Cet appareil est utilisé par {name}.",
        Text::HomeNotYou => "Ce n’est pas vous ?",
        Text::MyStatement => "Mon relevé",
        Text::DoubtCannotWithdraw => {
            "Un échange a été retiré par quelqu'un d'autre que le membre qui l'a noté : cela ne compte pas."
        }
        Text::WhyCannotWithdraw => {
            "seul le membre qui a noté un échange en attente de confirmation peut le retirer"
        }
        Text::StatusWithdrawn => "retiré par la personne qui l’a noté",
        Text::LogWithdraw => "{name} l’a retiré le {date}",
        Text::LogQuery => "{name} a signalé un problème le {date}",
        Text::WithdrawExchangeButton => "Retirer cet échange",
        Text::WithdrawExchangeHint => {
            "Personne ne l’a encore confirmé : vous pouvez le reprendre s’il est faux. Il ne comptera plus, et personne n’aura à le confirmer."
        }
        Text::WithdrawExchangeQuestion => {
            "Retirer cet échange ? Il ne comptera plus. Vous pourrez le noter de nouveau avec les bons détails."
        }
        Text::WithdrawExchangeYes => "Oui, le retirer",
        Text::WithdrawnDone => "Retiré : il ne compte plus.",
        Text::RecordAgain => "Le noter de nouveau",
        Text::SomethingWrongHeading => "Quelque chose ne va pas dans cet échange",
        Text::SomethingWrongLabel => "Qu’est-ce qui ne va pas ? Un coordinateur lira vos mots.",
        Text::SomethingWrongButton => "Prévenir un coordinateur",
        Text::SomethingWrongSent => {
            "Envoyé : un coordinateur va s’en occuper et pourra vous contacter."
        }
        Text::ConfirmExplain => "Confirmer : il compte tel qu’il a été noté.",
        Text::RejectExplain => {
            "Refuser : il ne compte plus, et les personnes concernées le voient marqué refusé."
        }
        Text::ReverseExplain => {
            "Annuler : note le même temps dans l’autre sens, pour que les deux soldes reviennent à ce qu’ils étaient. Cet échange reste dans l’historique."
        }
        Text::QueriedWhat => {
            "{name} dit que quelque chose ne va pas dans un échange\u{a0}: «\u{a0}{words}\u{a0}»"
        }
        Text::QueriedDo => {
            "Parlez-lui ; annulez ou tranchez l’échange si besoin, puis marquez ceci comme traité."
        }
        Text::WithdrawnInVainWhat => {
            "{name} a retiré un échange que {other} a confirmé au même moment : il compte toujours."
        }
        Text::DuplicateReversalWhat => {
            "Un échange a été annulé {count} fois sur des appareils différents ; seule la première annulation compte."
        }
        Text::DuplicateReversalDo => {
            "Rien n’est compté deux fois ; marquez-le comme traité après vérification."
        }
        Text::LockedEntryWhat => {
            "Un échange daté de {month}, mois verrouillé, est arrivé ou a changé après le verrouillage."
        }
        Text::LockedEntryDo => {
            "Les chiffres publiés pour {month} restent tels quels ; notez l’écart pour le prochain rapport."
        }
        Text::ReportsTitle => "Rapports",
        Text::ReportsIntro => {
            "Les chiffres pour les financeurs et la mairie, mois par mois. Un mois verrouillé garde les chiffres qu’il avait au moment du verrouillage."
        }
        Text::ColMonth => "Mois",
        Text::ColHours => "Heures échangées",
        Text::ColExchanges => "Échanges",
        Text::ColActive => "Membres actifs",
        Text::ColNew => "Nouveaux membres",
        Text::ColFund => "Par le fonds commun",
        Text::ColValue => "Valeur sociale",
        Text::ColLocked => "Verrouillé",
        Text::LockButton => "Verrouiller {month}",
        Text::Yes => "oui",
        Text::No => "non",
        Text::ChartTitle => "Heures échangées par mois",
        Text::ByCategoryHeading => "Par catégorie, sur ces mois",
        Text::ColCategory => "Catégorie",
        Text::FromMonthLabel => "De",
        Text::ToMonthLabel => "À",
        Text::NavOffers => "Annonces",
        Text::OffersTitle => "Offres et demandes",
        Text::SearchListingsLabel => "Chercher dans les annonces",
        Text::KindLabel => "Type",
        Text::AllKinds => "Tous les types",
        Text::KindOffer => "Offre",
        Text::KindRequest => "Demande",
        Text::KindLend => "À prêter",
        Text::KindGiveAway => "À donner",
        Text::CategoryLabel => "Catégorie",
        Text::AllCategories => "Toutes les catégories",
        Text::NoCategory => "Sans catégorie",
        Text::OnProfilesHeading => "Sur les profils des membres",
        Text::NoListings => {
            "Rien ne correspond. Essayez une autre recherche, ou publiez la première annonce."
        }
        Text::PostListingTitle => "Publier une offre ou une demande",
        Text::TitleLabel => "Titre",
        Text::ListingDescriptionLabel => "Détails (facultatif)",
        Text::LastDayLabel => "Afficher jusqu’au",
        Text::PostButton => "Publier",
        Text::WithdrawButton => "Retirer",
        Text::ShowsUntil => "Affichée jusqu’au {date}",
        // Short enough for the navigation at the largest text on a phone.
        Text::NavEvents => "Agenda",
        Text::EventsTitle => "Événements",
        Text::UpcomingHeading => "À venir",
        Text::NoUpcoming => "Aucun événement n’est prévu.",
        Text::CalendarHeading => "Calendrier",
        Text::PreviousMonth => "Mois précédent",
        Text::NextMonth => "Mois suivant",
        Text::EventKindTradingDay => "Journée d’échanges",
        Text::EventKindSocial => "Moment convivial",
        Text::EventKindGroup => "Activité de groupe",
        Text::EventKindMeeting => "Réunion",
        Text::ImComing => "Je viens",
        Text::NotComing => "Je ne viens pas",
        Text::ComingCount => "{count} inscrits",
        Text::ComingCountOne => "{count} inscrit",
        Text::YouAreComing => "Vous venez.",
        Text::PlanEventTitle => "Organiser un événement",
        Text::PlaceLabel => "Lieu",
        Text::EventDateLabel => "Jour",
        Text::StartsLabel => "Commence à",
        Text::EndsLabel => "Finit à",
        Text::PlanButton => "Organiser",
        Text::WeekdaysShort => "lun. mar. mer. jeu. ven. sam. dim.",
        Text::ContactHeading => "Contact",
        Text::PhoneLabel => "Téléphone",
        Text::EmailLabel => "E-mail",
        Text::NeighbourhoodLabel => "Quartier",
        Text::OffersHeading => "Propose",
        Text::NeedsHeading => "Recherche",
        Text::StatementHeading => "Relevé",
        Text::ColDate => "Date",
        Text::ColWith => "Avec",
        Text::ColWhat => "Quoi",
        Text::ColChange => "Mouvement",
        Text::ColBalance => "Solde",
        Text::PrintStatement => "Imprimer ce relevé",
        Text::StatusChangeLabel => "Adhésion",
        Text::StatusChangeButton => "Modifier",
        Text::StatusActiveOption => "Actif",
        Text::StatusApplicantOption => "Candidat",
        Text::StatusAwayOption => "Absent",
        Text::StatusLeftOption => "Parti",
        Text::MemberNotFound => "Ce membre n’est pas dans la banque de temps.",
        Text::SettingsTitle => "Réglages",
        Text::FloorLabel => "Solde minimum d’un membre, en heures",
        Text::CeilingLabel => "Solde maximum d’un membre, en heures",
        Text::ConfirmationLabel => "Qui confirme un échange noté par un membre",
        Text::ConfirmNobody => "Personne : il compte tout de suite",
        Text::ConfirmPayer => "Le membre qui a reçu l’aide",
        Text::ConfirmOther => "L’autre membre",
        Text::ConfirmDaysLabel => "Jours pour confirmer",
        Text::AutoConfirmLabel => "Confirmer automatiquement à la fin du délai",
        Text::BalancesVisibleLabel => "Les membres voient les soldes des autres",
        Text::HourlyValueLabel => "Valeur d’une heure pour les rapports, en {currency}",
        Text::SaveSettings => "Enregistrer les réglages",
        Text::NotANumber => "Indiquez un nombre ici.",
        Text::StorageUsed => "{name} occupe {size}.",
        Text::NavMore => "Plus",
        Text::MoreTitle => "Plus",
        Text::TradingDayTitle => "Journée d’échanges",
        Text::TradingDayIntro => {
            "Saisissez les bons papier l’un après l’autre : chacun est enregistré dès que vous appuyez sur Entrée. Les totaux ci-dessous servent à vérifier le relevé papier."
        }
        Text::TradingDayDateLabel => "Date de la journée d’échanges",
        Text::EnterSlipHeading => "Saisir un bon",
        Text::SlipNumberLabel => "Numéro du bon (facultatif)",
        Text::GiverNumberLabel => "Qui a donné : numéro de membre",
        Text::ReceiverNumberLabel => "Qui a reçu : numéro de membre",
        Text::HoursLabel => "Durée, en heures",
        Text::SaveSlip => "Enregistrer le bon",
        Text::SlipSaved => "Enregistré : {giver} a donné {duration} à {receiver}.",
        Text::NoMemberWithNumber => "Aucun membre actif n’a le numéro {number}.",
        Text::MemberNumberShared => {
            "Plusieurs membres ont le numéro {number} : donnez-leur d’abord des numéros différents sur leur page."
        }
        Text::WriteMemberNumber => "Indiquez le numéro du membre, comme sur le bon.",
        Text::HoursNotValid => {
            "Indiquez la durée en heures, par exemple 1,5 ou 1:30, ou en minutes, par exemple 90 min."
        }
        Text::DurationHint => "Par exemple 1,5, 1:30 ou 90 min.",
        Text::SlipAlreadyEntered => {
            "Le bon {number} est déjà saisi : {giver} a donné {duration} à {receiver} le {date}."
        }
        Text::SlipSaveAgain => "Enregistrez à nouveau pour le saisir une seconde fois.",
        Text::DurationUnderstood => "Soit {duration}.",
        Text::DurationZero => "La durée doit être plus que rien.",
        Text::DurationMoreThanADay => {
            "{duration}, c’est plus d’une journée : un échange dure au plus 24 heures."
        }
        Text::DurationDidYouMean => {
            "{duration}, c’est plus d’une journée. Vouliez-vous dire {minutes} min ?"
        }
        Text::DurationFarTooLong => "Cela",
        Text::SlipsEnteredHeading => "Bons saisis",
        Text::NoSlipsYet => "Aucun bon pour ce jour.",
        Text::ColSlip => "Bon",
        Text::ColGave => "A donné",
        Text::ColReceived => "A reçu",
        Text::SlipStruckOut => "annulé",
        Text::PerMemberHeading => "Totaux par membre",
        Text::ColMember => "Membre",
        Text::ColSlips => "Bons",
        Text::EndOfDayHeading => "Bilan de fin de journée",
        Text::EndOfDayCount => "Bons comptés : {count}",
        Text::EndOfDayTotal => "Durée totale : {duration}",
        Text::EndOfDayStruck => "Barrés (annulés ou refusés), hors totaux : {count}",
        Text::PrintSummary => "Imprimer le bilan",
        Text::AddAnotherGiver => "Ajouter une autre personne qui a donné",
        Text::AddAnotherReceiver => "Ajouter une autre personne qui a reçu",
        Text::RemovePerson => "Retirer {name}",
        Text::GroupNote => {
            "Un échange de groupe : chaque personne d’un côté échange la même durée avec la personne de l’autre côté."
        }
        Text::AlsoGave => "A aussi donné ({n})",
        Text::AlsoReceived => "A aussi reçu ({n})",
        Text::ChooseAPerson => "une personne",
        Text::CategoriesLabel => "Catégories d’aide, une par ligne",
        Text::CategoriesHint => {
            "Les échanges et annonces déjà classés dans une catégorie retirée la gardent."
        }
        Text::EditProfile => "Modifier la fiche",
        Text::EditMemberTitle => "Modifier la fiche de {name}",
        Text::OffersLabel => "Ce que la personne peut offrir",
        Text::NeedsLabel => "L’aide qu’elle aimerait recevoir",
        Text::MemberNumberLabel => "Numéro de membre",
        Text::RoleLabel => "Rôle",
        Text::RoleMember => "Membre",
        Text::RoleCoordinator => "Coordinateur ou coordinatrice",
        Text::OwnFloorLabel => "Son solde le plus bas, en heures (vide : celui de la banque)",
        Text::OwnCeilingLabel => "Son solde le plus haut, en heures (vide : celui de la banque)",
        Text::SaveDetails => "Enregistrer la fiche",
        Text::BackToMember => "Retour à {name}",
        Text::ApplicantsHeading => "Candidatures à approuver",
        Text::NoApplicants => "Personne n’attend d’approbation.",
        Text::ApproveButton => "Approuver {name}",
        Text::JoinedOn => "Candidature du {date}",
        Text::AddAsApplicant => "Ajouter comme candidat, à approuver plus tard",
        Text::EditButton => "Modifier",
        Text::RenewNamed => "Remettre pour 90 jours",
        Text::NotShowingHeading => "Vos annonces qui ne s’affichent plus",
        Text::ListingWithdrawn => "Retirée",
        Text::ListingExpired => "Affichée jusqu’au {date}",
        Text::EditListingTitle => "Modifier une annonce",
        Text::ListingNotFound => "Cette annonce n’existe pas sur cet appareil.",
        Text::SaveListing => "Enregistrer l’annonce",
        Text::BackToBoard => "Retour aux offres et demandes",
        Text::SpreadsheetsTitle => "Tableurs",
        Text::SpreadsheetsIntro => {
            "Emportez les membres et les échanges vers un tableur, ou importez-les depuis un tableur (fichiers CSV)."
        }
        Text::ExportMembersCsv => "Télécharger les membres (CSV)",
        Text::ExportExchangesCsv => "Télécharger les échanges (CSV)",
        Text::ImportMembersHeading => "Importer des membres",
        Text::ImportMembersHelp => {
            "La première ligne nomme les colonnes : name (obligatoire), et au choix number, phone, email, neighbourhood, offers, needs, status, joined et balance (heures reprises de votre ancien système)."
        }
        Text::ImportExchangesHeading => "Importer des échanges",
        Text::ImportExchangesHelp => {
            "La première ligne nomme les colonnes : date, received_by et given_by (numéros ou noms exacts des membres), hours ou minutes ; et au choix description, category et slip."
        }
        Text::ChooseCsvFile => "Choisir un fichier CSV",
        Text::ImportedMembers => "Ajouté\u{a0}: {members}, avec {balances}.",
        Text::ImportedExchanges => "Ajouté\u{a0}: {exchanges}.",
        Text::ImportMissingColumn => {
            "Le fichier n’a pas de colonne « {column} ». La première ligne doit nommer les colonnes."
        }
        Text::ImportEmpty => "Le fichier n’a aucune ligne après celle des noms de colonnes.",
        Text::ImportUnreadable => {
            "Ce fichier n’a pas pu être lu comme CSV. Enregistrez-le depuis le tableur en « CSV UTF-8 » et réessayez."
        }
        Text::ImportRows => "Rien n’a été importé : {count} lignes doivent d’abord être corrigées.",
        Text::ImportRowsOne => "Rien n’a été importé : {count} ligne doit d’abord être corrigée.",
        Text::ImportLine => "Ligne {line} : {message}",
        Text::PrintMembersList => "Liste des membres à imprimer",
        Text::MembersListTitle => "Liste des membres",
        Text::PrintThisList => "Imprimer cette liste",
        Text::PrintedOn => "{name}, {date}",
        Text::TimebanksHeading => "Banques de temps sur cet appareil",
        Text::OpenNow => "ouverte",
        Text::SwitchTo => "Passer à {name}",
        Text::StartAnother => "Créer une autre banque de temps",
        Text::OpenAnother => "En ouvrir une autre depuis un fichier",
        Text::LockedNotice => {
            "Tablette partagée : les modifications attendent le code du coordinateur."
        }
        Text::PinLabel => "Code du coordinateur",
        Text::UnlockButton => "Déverrouiller",
        Text::UnlockedNotice => {
            "Le mode coordinateur est déverrouillé sur cette tablette partagée."
        }
        Text::LockNow => "Verrouiller",
        Text::WrongPin => "Ce code n’est pas le bon.",
        Text::PinWait => "Trop de codes erronés\u{a0}: réessayez dans {count} secondes.",
        Text::PinWaitOne => "Trop de codes erronés\u{a0}: réessayez dans {count} seconde.",
        Text::SharedTabletHeading => "Tablette partagée",
        Text::SharedTabletIntro => {
            "Sur une tablette utilisée par d’autres, demandez un code avant toute modification. Elle se verrouille seule après 10 minutes sans modification."
        }
        Text::NewPinLabel => "Nouveau code (4 à 8 chiffres)",
        Text::RepeatPinLabel => "Le même code à nouveau",
        Text::SetPinButton => "Demander ce code",
        Text::RemovePinButton => "Ne plus demander de code",
        Text::PinInvalid => "Un code compte 4 à 8 chiffres.",
        Text::PinsDiffer => "Les deux codes ne sont pas identiques.",
        Text::PinSet => "Cette tablette demande désormais le code avant toute modification.",
        Text::PinRemoved => "Cette tablette ne demande plus de code.",
        Text::SizeOfTextLabel => "Taille du texte",
        Text::SizeNormal => "Normale",
        Text::SizeLarge => "Grande",
        Text::SizeLargest => "Très grande",
        Text::StorageRoomPlenty => {
            "Il reste largement de la place pour Tally sur cet appareil : {usage} utilisés sur environ {quota}."
        }
        Text::StorageRoomHalf => {
            "Plus de la moitié de la place que ce navigateur donne à Tally est utilisée : {usage} sur environ {quota}. Gardez un fichier de sauvegarde."
        }
        Text::StorageRoomNearlyFull => {
            "Cet appareil n’a presque plus de place pour Tally : {usage} utilisés sur environ {quota}. Gardez un fichier de sauvegarde, synchronisez avec un relais et libérez de la place sur l’appareil."
        }
        Text::StorageAllTimebanks => {
            "Les banques de temps sont gardées dans la base de données du navigateur sur cet appareil, qui contient autant que le navigateur le permet à ce site."
        }
        Text::StorageSmall => {
            "Ce navigateur garde Tally dans un petit stockage (il a refusé sa base de données) : environ {count} échanges de plus y tiennent. Gardez un fichier de sauvegarde et synchronisez avec un relais."
        }
        Text::StorageHeading => "Stockage sur cet appareil",
        Text::AsideHeading => "Copies mises de côté",
        Text::AsideDownload => "Télécharger la copie {number} mise de côté ({size})",
        Text::ShowingCount => "{shown} affichés sur {total}.",
        Text::ShowMoreButton => "En afficher {count} de plus",
        Text::AllEvents => "Tous les événements",
        Text::SyncTitle => "Synchroniser les appareils",
        Text::SyncNotShared => "Sur cet appareil seulement",
        Text::SyncConnecting => "Connexion…",
        Text::SyncSyncing => "Synchronisation…",
        Text::SyncSyncedAt => "Synchronisé à {time}",
        Text::SyncOfflineAllShared => "Hors ligne : tout est partagé",
        Text::SyncOfflineUnshared => "Hors ligne : {count} changements pas encore partagés",
        Text::SyncOfflineOneUnshared => "Hors ligne : 1 changement pas encore partagé",
        Text::SyncRefusedRevoked => {
            "Pas de synchronisation : un coordinateur a retiré l'accès de cet appareil"
        }
        Text::SyncRefusedUnknown => {
            "Pas de synchronisation : le relais ne connaît pas cet appareil"
        }
        Text::SyncRefusedOther => {
            "Pas de synchronisation : l'invitation de cet appareil est pour une autre banque de temps"
        }
        Text::SyncReadOnly => {
            "Lecture seule : les changements de cet appareil ne sont pas partagés"
        }
        Text::SyncRefusedSaid => "Pas de synchronisation : le relais a dit « {message} »",
        Text::SyncRefusedTooBig => {
            "Pas de synchronisation : cet appareil a envoyé au relais plus qu'il n'accepte d'un coup. La personne qui gère le relais peut relever la limite."
        }
        Text::SyncRefusedMessage => {
            "Pas de synchronisation : le relais a refusé un message de cet appareil. Mettez Tally à jour sur cet appareil, puis réessayez."
        }
        Text::SyncRefusedFull => {
            "Pas de synchronisation : cette banque de temps prend plus de place que le relais n'en garde pour une seule, il n'accepte donc plus ses changements. Tout reste sur cet appareil. La personne qui gère le relais peut relever la limite."
        }
        Text::SyncTryAgain => "Réessayer maintenant",
        Text::SyncRelayIs => {
            "Cette banque de temps se synchronise par le relais {url} : un serveur qui en garde une copie et transmet les changements entre ses appareils dès qu’ils sont en ligne."
        }
        Text::SyncStop => "Arrêter la synchronisation sur cet appareil",
        Text::SyncStopped => "Cet appareil ne se synchronise plus. Tout y reste.",
        Text::SyncShareHeading => "Partager par un relais",
        Text::SyncShareIntro => {
            "Un relais garde une copie de la banque de temps et transmet les changements entre vos appareils quand ils sont en ligne. Le serveur d'où vient Tally est un relais."
        }
        Text::SyncRelayLabel => "Adresse du relais",
        Text::SyncDeviceLabel => "Nom de cet appareil",
        Text::SyncDeviceHint => {
            "Pour reconnaître les appareils plus tard, par exemple « téléphone d'Ana »."
        }
        Text::SyncShareButton => "Partager cette banque de temps par le relais",
        Text::SyncBadAddress => {
            "Écrivez l'adresse du relais, comme tally.example.org ou http://192.168.1.5:8080."
        }
        Text::SyncUnreachable => {
            "Impossible de joindre un relais à cette adresse. Vérifiez-la, et que cet appareil est en ligne, puis réessayez."
        }
        Text::SyncAlreadyClaimed => {
            "Cette banque de temps est déjà sur ce relais : demandez une invitation à l'un de ses coordinateurs."
        }
        Text::SyncClosedRelay => "Ce relais n'accepte pas de nouvelles banques de temps.",
        Text::SyncClaimKeyLabel => "Clé donnée par la personne qui gère le relais",
        Text::SyncClaimKeyNeeded => {
            "Ce relais n'accepte de nouvelles banques de temps qu'avec une clé de la personne qui le gère. Écrivez la clé qu'elle vous a donnée ; si vous n'en avez pas, demandez-la-lui."
        }
        Text::SyncRelayFull => {
            "Ce relais garde autant de banques de temps que la personne qui le gère le permet. Demandez-lui de la place, ou utilisez un autre relais."
        }
        Text::SyncTooManyClaims => {
            "Ce relais a accepté beaucoup de nouvelles banques de temps depuis votre réseau ces derniers temps. Réessayez plus tard."
        }
        Text::SyncStrange => "Cette adresse n'a pas répondu comme un relais Tally.",
        Text::SyncAskForInvite => {
            "Cette banque de temps est seulement sur cet appareil. Pour la synchroniser, demandez une invitation à un coordinateur et ouvrez-la sur cet appareil."
        }
        Text::SyncInviteHeading => "Inviter un appareil",
        Text::SyncInviteIntro => {
            "Une invitation permet à un appareil de plus de synchroniser cette banque de temps. Ouvrez le lien, ou scannez le code, sur cet appareil."
        }
        Text::SyncInviteLabel => "Pour qui ou pour quel appareil ?",
        Text::SyncInviteCoordinator => {
            "Il est pour un coordinateur : cet appareil pourra aussi inviter d’autres appareils et leur retirer l’accès"
        }
        Text::SyncInviteButton => "Créer l'invitation",
        Text::SyncInviteLink => "Lien d'invitation",
        Text::SyncInviteWarning => {
            "Toute personne ayant ce lien peut synchroniser la banque de temps : donnez-le seulement à la personne concernée."
        }
        Text::SyncInviteQr => "Code QR du lien d'invitation",
        Text::SyncCopyLink => "Copier le lien",
        Text::SyncCopied => "Lien copié.",
        Text::SyncNameNeeded => "Écrivez pour qui est l'invitation.",
        Text::SyncDevicesHeading => "Appareils qui peuvent se synchroniser",
        Text::SyncDeviceRevoked => "retiré",
        Text::SyncDeviceUsedBy => "utilisé par l’appareil de {name}",
        Text::SyncDeviceCoordinator => "coordinateur",
        Text::SyncRevokeButton => "Retirer l'accès de {name}",
        Text::SyncRevokedDone => "{name} ne peut plus se synchroniser.",
        Text::SyncRevokeNote => {
            "Révoquer l'appareil d'un coordinateur ne révoque pas les appareils qu'il a invités : révoquez aussi chacun d'eux s'il ne doit plus se synchroniser."
        }
        Text::SyncNoPermission => "Seul l'appareil d'un coordinateur peut faire cela.",
        Text::SyncLastCoordinator => {
            "C'est le seul appareil qui peut encore inviter et révoquer des appareils pour cette banque de temps : invitez l'appareil d'un autre coordinateur avant de le révoquer."
        }
        Text::JoinTitle => "Rejoindre une banque de temps",
        Text::JoinWorking => "Récupération de la banque de temps depuis {relay}…",
        Text::JoinBadLink => {
            "Ce lien d'invitation est incomplet. Redemandez-le, ou copiez-le en entier."
        }
        Text::JoinUnreachable => {
            "Impossible de joindre le relais. Vérifiez que cet appareil est en ligne, puis réessayez."
        }
        Text::JoinUnavailable => {
            "Le relais n'a pas encore cette banque de temps. Demandez au coordinateur d'ouvrir Tally sur son appareil en ligne, puis réessayez."
        }
        Text::JoinNotATimebank => {
            "Ce que le relais a envoyé n'est pas la banque de temps de l'invitation."
        }
        Text::JoinRefusedRevoked => {
            "Cette invitation a été retirée. Demandez-en une nouvelle à un coordinateur."
        }
        Text::JoinRefusedUnknown => {
            "Le relais ne connaît pas cette invitation. Demandez-en une nouvelle à un coordinateur."
        }
        Text::JoinTryAgain => "Réessayer",
        Text::PersistGranted => {
            "Ce navigateur garde les données de Tally jusqu’à ce que vous les supprimiez."
        }
        Text::PersistRefused => {
            "Ce navigateur peut supprimer les données de Tally si l'appareil manque de place. Gardez un fichier de sauvegarde ou synchronisez avec un relais ; ajouter Tally à l'écran d'accueil pousse en général le navigateur à les garder."
        }
        Text::PersistUnknown => "Ce navigateur ne dit pas s'il garde les données de Tally.",
        Text::PersistAskAgain => "Demander au navigateur de garder les données de Tally",
        Text::UpdateReady => "Une nouvelle version de Tally est prête.",
        Text::UpdateNow => "Mettre à jour",
        Text::OfflineSetupFailed => {
            "Tally n'a pas pu se préparer à s'ouvrir sans réseau : {reason}"
        }
        Text::OpeningTimebank => "Ouverture de toute la banque de temps…",
        Text::InviteMemberLabel => "Pour qui est l’invitation ?",
        Text::InviteMemberHint => "L’appareil qui ouvre le lien écrit pour ce membre seulement.",
        Text::InviteMemberNeeded => "Choisissez le membre.",
        Text::UnknownPerson => "quelqu’un qui n’est plus dans la banque de temps",
        Text::ThisDeviceHeading => "Cet appareil",
        Text::OnlyCoordinatorDevice => {
            "C’est le seul appareil de coordinateur de la banque de temps : s’il est perdu, personne ne pourra certifier ni révoquer d’appareil. Invitez un second appareil de coordinateur (un autre des vôtres, ou celui d’un autre coordinateur)."
        }
        Text::ThisDeviceMember => "Cet appareil écrit pour {name}.",
        Text::ThisDeviceCoordinator => "Cet appareil écrit pour {name}, comme coordinateur.",
        Text::ThisDeviceCode => "Son code : {code}",
        Text::ThisDeviceAsked => {
            "Cet appareil a demandé à écrire pour {name}. Un coordinateur l’approuve sur son propre appareil. Son code :"
        }
        Text::ThisDeviceCompare => {
            "Lisez ce code au coordinateur, ou montrez-le : il vérifie que son écran affiche le même code avant d’approuver."
        }
        Text::ThisDeviceQr => "Code QR de la demande de cet appareil",
        Text::ThisDeviceCannotWrite => {
            "Cet appareil peut lire cette banque de temps mais pas encore y écrire : un coordinateur doit l’approuver. Dites qui vous êtes et demandez."
        }
        Text::ThisDeviceRevoked => {
            "Un coordinateur a révoqué cet appareil : il peut lire cette banque de temps, mais plus y écrire."
        }
        Text::ThisDeviceNoKey => {
            "Ce navigateur ne sait pas signer les écritures : sur cet appareil, vous pouvez seulement lire cette banque de temps. Un Chrome, Safari ou Firefox récent peut écrire."
        }
        Text::ThisDeviceTag => "cet appareil",
        Text::AskHeading => "Demander à écrire",
        Text::AskAgainHeading => "Redemander, pour quelqu’un d’autre",
        Text::AskMemberLabel => "Qui êtes-vous ?",
        Text::AskDeviceLabel => "Nom de cet appareil (facultatif)",
        Text::AskButton => "Demander à un coordinateur",
        Text::RequestsHeading => "Appareils qui demandent à écrire",
        Text::NoRequests => "Aucun appareil n’attend d’approbation.",
        Text::RequestWhat => "Un appareil demande à écrire pour {name}.",
        Text::RequestWhatNamed => "Un appareil ({device}) demande à écrire pour {name}.",
        Text::RequestCode => "Son code : {code}",
        Text::RequestCompare => {
            "N’approuvez que si le même code s’affiche sur cet appareil, entre les mains de cette personne."
        }
        Text::ApproveAsCoordinator => "Comme appareil de coordinateur",
        Text::ApproveDeviceButton => "Approuver pour {name}",
        Text::DeclineButton => "Refuser",
        Text::ApprovedDone => "Approuvé : l’appareil pourra écrire dès qu’il se synchronise.",
        Text::DeclinedDone => "Refusé.",
        Text::WritingDevicesHeading => "Appareils qui écrivent",
        Text::RevokeReasonLabel => "Pourquoi (facultatif)",
        Text::RevokeDeviceButton => "Révoquer l’appareil de {name}",
        Text::RevokeDeviceQuestion => {
            "Révoquer l’appareil de {name}, code {code} ? Ce qu’il écrira désormais attendra un coordinateur ; ce qu’il a écrit avant compte toujours. C’est définitif : l’appareil devrait refaire une demande."
        }
        Text::RevokeYes => "Oui, le révoquer",
        Text::KeepIt => "Non, le garder",
        Text::SyncRevokeQuestion => {
            "Empêcher {name} de se synchroniser avec ce relais ? Cet appareil aurait besoin d’une nouvelle invitation pour se synchroniser."
        }
        Text::DeviceRevokedDone => {
            "Révoqué : ce qu’il a écrit jusqu’ici compte toujours ; ce qu’il écrira ensuite attendra un coordinateur."
        }
        Text::RelayAccessWithdrawn => "Son accès au serveur de synchronisation est retiré aussi.",
        Text::RelayAccessNotReached => {
            "Le serveur de synchronisation est injoignable : retirez son accès sur la page Synchronisation une fois en ligne."
        }
        Text::RelayAccessNotFound => {
            "Aucun accès au serveur de synchronisation n’a été trouvé pour lui : vérifiez les appareils qui peuvent se synchroniser, plus haut, et retirez-y son accès."
        }
        Text::InvitationsHeading => "Invitations",
        Text::NoInvitations => "Aucune invitation pour l’instant.",
        Text::InvitationOpen => "pas encore ouverte",
        Text::InvitationUsed => "ouverte sur l’appareil au code {code}",
        Text::InvitationUsedTwice => "ouverte sur deux appareils : aucun ne peut écrire",
        Text::InvitationWithdrawn => "retirée",
        Text::InvitationWithdrawnReason => "Invitation retirée",
        Text::InvitationWithdrawnDone => "Retirée : le lien ne fait plus entrer personne.",
        Text::WithdrawInvitationButton => "Retirer l’invitation pour {name}",
        Text::WhoIntroAsk => {
            "Choisissez-vous : un coordinateur approuve ensuite cet appareil, et il écrit en votre nom."
        }
        Text::HomeDeviceAsked => {
            "Cet appareil attend l’approbation d’un coordinateur avant de pouvoir écrire."
        }
        Text::HomeDeviceCannotWrite => {
            "Cet appareil peut lire cette banque de temps mais pas encore y écrire : demandez à un coordinateur de l’approuver."
        }
        Text::TrustCertificateNotValid => {
            "L’appareil au code {code} a été certifié par un appareil qui n’en a pas le droit, ou pour quelqu’un d’autre que la personne invitée : il ne peut pas écrire."
        }
        Text::TrustCertifyAgainDo => {
            "Si c’est l’appareil d’un membre, approuvez-le depuis l’appareil d’un coordinateur, page Synchronisation ; puis marquez ce point comme traité."
        }
        Text::TrustCertifiedForTwo => {
            "L’appareil au code {code} est certifié pour deux membres : il n’écrit pour aucun."
        }
        Text::TrustCertifiedForTwoDo => {
            "Révoquez-le page Synchronisation, puis approuvez à nouveau l’appareil du membre."
        }
        Text::TrustInvitationNotValid => {
            "Une invitation au code {code} n’a pas été faite sur l’appareil d’un coordinateur : elle ne fait entrer personne."
        }
        Text::TrustInvitationNotValidDo => {
            "Marquez ce point comme traité une fois vérifié ; faites une nouvelle invitation si quelqu’un en a besoin."
        }
        Text::TrustInviteUsedTwice => {
            "L’invitation au code {code} a été ouverte sur deux appareils : aucun ne peut écrire."
        }
        Text::TrustInviteUsedTwiceDo => {
            "Trouvez lequel est l’appareil du membre et approuvez-le page Synchronisation ; révoquez l’autre."
        }
        Text::TrustRevocationNotValid => {
            "Une révocation de l’appareil au code {code} ne compte pas : elle n’a pas été signée par l’appareil d’un coordinateur qui pouvait révoquer."
        }
        Text::TrustRevokeAgainDo => {
            "Si l’appareil doit être révoqué, révoquez-le depuis l’appareil d’un coordinateur ; puis marquez ce point comme traité."
        }
        Text::AcceptLateButton => "Le faire compter",
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
