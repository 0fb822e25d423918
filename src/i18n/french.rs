//! The French words of every text.

use super::Text;

pub(super) fn french(text: Text) -> &'static str {
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
