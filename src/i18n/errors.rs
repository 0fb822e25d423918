//! The ledger's refusals and a file's problems, in each language. English
//! is the ledger's own wording; the other languages are written here.

use ledger::{LedgerError, LoadError, SchemaError};

use super::{Language, Text};

impl Language {
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
