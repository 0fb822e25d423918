//! What the app says of what the ledger keeps as facts: an exchange's
//! description in the reader's language, from what kind of exchange it is
//! (hours bought, an opening balance, hours given to the fund, a reversal)
//! and the words a person wrote. The ledger writes no sentence of its own
//! into the document; earlier releases did, in English, and those are
//! recognised and worded again here.

use ledger::{Exchange, ExchangeKind};

use crate::i18n::{Language, Text};

/// What earlier releases wrote as the description of bought hours.
const EARLIER_BOUGHT: &str = "Hours bought";
/// ... of an opening balance brought in from a spreadsheet.
const EARLIER_OPENING: &str = "Opening balance from the previous system";
/// ... before a reversal's reason.
const EARLIER_REVERSAL: &str = "Reversal: ";

/// An exchange's description as a reader sees it, in `language`.
pub fn exchange_words(
    exchange: &Exchange,
    language: Language,
    currency: ledger::Currency,
) -> String {
    let written = exchange.description.trim();
    let with_note = |line: String, note: &str| {
        if note.is_empty() {
            line
        } else {
            language.fill(Text::LineWithNote, &[("line", &line), ("note", note)])
        }
    };
    if exchange.reversal_of.is_some() {
        let reason = written
            .strip_prefix(EARLIER_REVERSAL)
            .unwrap_or(written)
            .trim();
        return if reason.is_empty() {
            language.text(Text::ReversalWords).to_string()
        } else {
            language.fill(Text::ReversalWithReason, &[("reason", reason)])
        };
    }
    match &exchange.kind {
        ExchangeKind::Service => written.to_string(),
        ExchangeKind::Donation if written.is_empty() => {
            language.text(Text::GivenToFundWords).to_string()
        }
        ExchangeKind::Donation => written.to_string(),
        ExchangeKind::OpeningBalance => with_note(
            language.text(Text::OpeningBalanceWords).to_string(),
            if written == EARLIER_OPENING {
                ""
            } else {
                written
            },
        ),
        ExchangeKind::TokenPurchase {
            cash_pence,
            receipt,
            bought_by,
        } => {
            let cash = language.money(i64::from(*cash_pence), currency);
            let line = match bought_by {
                Some(who) => language.fill(
                    Text::BoughtByWords,
                    &[("cash", &cash), ("receipt", receipt), ("who", who)],
                ),
                None => language.fill(Text::BoughtWords, &[("cash", &cash), ("receipt", receipt)]),
            };
            with_note(
                line,
                if written == EARLIER_BOUGHT {
                    ""
                } else {
                    written
                },
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ledger::{Account, Channel, DeviceId, ExchangeId, MemberId, Timestamp};

    fn exchange(kind: ExchangeKind, description: &str, reversal: bool) -> Exchange {
        Exchange {
            id: ExchangeId::parse(&"e1".repeat(16)).unwrap(),
            payer: Account::CommunityFund,
            payee: Account::CommunityFund,
            minutes: 60,
            service_date: ledger::Date::parse("2026-11-20").unwrap(),
            description: description.into(),
            category: None,
            kind,
            channel: Channel::Coordinator,
            recorded_by: MemberId::parse(&"a1".repeat(16)).unwrap(),
            device: DeviceId::parse(&"d1".repeat(16)).unwrap(),
            recorded_at: Timestamp(0),
            group: None,
            reversal_of: reversal.then(|| ExchangeId::parse(&"e0".repeat(16)).unwrap()),
            confirmer: None,
            events: Vec::new(),
            seal: None,
        }
    }

    fn bought(bought_by: Option<&str>) -> ExchangeKind {
        ExchangeKind::TokenPurchase {
            cash_pence: 1250,
            receipt: "R-17".into(),
            bought_by: bought_by.map(String::from),
        }
    }

    #[test]
    fn each_kind_of_exchange_reads_in_the_readers_language_old_english_included() {
        use Language::{English, French};
        let cases = [
            (
                exchange(ExchangeKind::Service, "Weeding", false),
                English,
                "Weeding",
            ),
            (
                exchange(ExchangeKind::Service, "Weeding", true),
                English,
                "Reversal: Weeding",
            ),
            (
                exchange(ExchangeKind::Service, "Reversal: Wrong member", true),
                English,
                "Reversal: Wrong member",
            ),
            (
                exchange(ExchangeKind::Service, "Reversal: Wrong member", true),
                French,
                "Annulation\u{a0}: Wrong member",
            ),
            (
                exchange(ExchangeKind::Service, "", true),
                French,
                "Annulation",
            ),
            (
                exchange(bought(None), "Hours bought", false),
                English,
                "Hours bought for £12.50, receipt R-17",
            ),
            (
                exchange(bought(None), "", false),
                French,
                "Heures achetées pour 12,50\u{a0}£, reçu R-17",
            ),
            (
                exchange(bought(Some("Ann’s son")), "", false),
                English,
                "Hours bought for £12.50 by Ann’s son, receipt R-17",
            ),
            (
                exchange(
                    ExchangeKind::OpeningBalance,
                    "Opening balance from the previous system",
                    false,
                ),
                French,
                "Solde d’ouverture repris de l’ancien système",
            ),
            (
                exchange(ExchangeKind::Donation, "", false),
                English,
                "Given to the community fund",
            ),
            (
                exchange(ExchangeKind::Donation, "Left to the fund", false),
                French,
                "Left to the fund",
            ),
        ];
        for (exchange, language, expected) in cases {
            assert_eq!(
                exchange_words(&exchange, language, ledger::Currency::PoundSterling),
                expected,
                "{exchange:?}"
            );
        }
    }
}
