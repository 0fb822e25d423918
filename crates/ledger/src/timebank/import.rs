//! Importing members and exchanges from CSV: every row is checked first, each
//! bad row is reported with its line number and reason, and nothing is
//! applied unless every row is good.

use std::collections::{BTreeMap, BTreeSet};

use crate::csv_files::{
    ImportError, RowProblem, RowReason, Table, cell, parse_date, parse_hours, status_from,
};
use crate::error::LedgerError;
use crate::ids::{Account, ExchangeId, MemberId};
use crate::model::{Channel, Exchange, ExchangeKind, Member, Profile, Role};
use crate::schema;
use crate::time::Timestamp;

use super::{NewExchange, Timebank, check_profile, checked_name};

/// What an import added.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportSummary {
    pub members_added: usize,
    /// Opening balances brought over from the previous system.
    pub opening_balances: usize,
    pub exchanges_added: usize,
}

impl Timebank {
    /// Imports members. Columns (first line): `name` (required), and any of
    /// `number`, `phone`, `email`, `neighbourhood`, `offers`, `needs`,
    /// `status` (active, applicant, away, left; active if empty), `joined`
    /// (YYYY-MM-DD or DD/MM/YYYY) and `balance` (hours, e.g. 2.5 or -1:30:
    /// brought over as an opening balance from the community fund).
    pub fn import_members_csv(
        &mut self,
        by: &MemberId,
        text: &str,
        now: Timestamp,
    ) -> Result<ImportSummary, ImportError> {
        self.require_coordinator(by)?;
        let table = Table::read(text)?;
        let name_column = table
            .column(&["name", "full name", "member name", "display name"])
            .ok_or(ImportError::MissingColumn("name"))?;
        let column = |names: &[&str]| table.column(names);
        let number_column = column(&[
            "number",
            "member number",
            "member no",
            "no",
            "membership number",
        ]);
        let phone = column(&["phone", "telephone", "mobile", "phone number"]);
        let email = column(&["email", "e-mail", "email address"]);
        let area = column(&["neighbourhood", "neighborhood", "area", "district"]);
        let offers = column(&["offers", "can offer", "skills", "offer"]);
        let needs = column(&["needs", "wants", "requests", "need"]);
        let status = column(&["status", "membership status"]);
        let joined = column(&[
            "joined",
            "joined on",
            "join date",
            "date joined",
            "joined_on",
        ]);
        let balance = column(&["balance", "balance hours", "balance_hours", "hours balance"]);
        table.require_rows()?;

        let mut problems = Vec::new();
        let mut taken: BTreeMap<u32, String> = self
            .members
            .values()
            .map(|m| (m.number, m.name.clone()))
            .collect();
        let mut pending = Vec::new();
        for (line, row) in table.rows() {
            let mut problem = |reason: RowReason| problems.push(RowProblem::new(*line, reason));
            let name = match checked_name(cell(row, Some(name_column))) {
                Ok(name) => name,
                Err(error) => {
                    problem(RowReason::Refused(error));
                    continue;
                }
            };
            let profile = Profile {
                phone: cell(row, phone).to_string(),
                email: cell(row, email).to_string(),
                neighbourhood: cell(row, area).to_string(),
                offers: cell(row, offers).to_string(),
                needs: cell(row, needs).to_string(),
            };
            if let Err(error) = check_profile(&profile) {
                problem(RowReason::Refused(error));
                continue;
            }
            let number = match cell(row, number_column) {
                "" => None,
                text => match text.parse::<u32>() {
                    Ok(0) | Err(_) => {
                        problem(RowReason::NotAMemberNumber(text.to_string()));
                        continue;
                    }
                    Ok(number) => {
                        if let Some(holder) = taken.get(&number) {
                            problem(RowReason::Refused(LedgerError::NumberTaken {
                                number,
                                name: holder.clone(),
                            }));
                            continue;
                        }
                        taken.insert(number, name.clone());
                        Some(number)
                    }
                },
            };
            let Some(status) = status_from(cell(row, status)) else {
                problem(RowReason::NotAStatus(cell(row, status).to_string()));
                continue;
            };
            let joined_on = match cell(row, joined) {
                "" => now.date(),
                text => match parse_date(text) {
                    Some(date) if date <= now.date() => date,
                    Some(_) => {
                        problem(RowReason::JoinedInFuture(text.to_string()));
                        continue;
                    }
                    None => {
                        problem(RowReason::NotADate(text.to_string()));
                        continue;
                    }
                },
            };
            let opening = match cell(row, balance) {
                "" => 0,
                text => match parse_hours(text) {
                    Some(minutes) => minutes,
                    None => {
                        problem(RowReason::NotABalance(text.to_string()));
                        continue;
                    }
                },
            };
            pending.push((name, profile, number, status, joined_on, opening));
        }
        if !problems.is_empty() {
            return Err(ImportError::Rows(problems));
        }

        let mut next_number = taken.keys().max().copied().unwrap_or(0) + 1;
        let mut members = Vec::new();
        let mut openings = Vec::new();
        for (name, profile, number, status, joined_on, opening) in pending {
            let number = number.unwrap_or_else(|| {
                next_number += 1;
                next_number - 1
            });
            let member = Member {
                id: MemberId::random(self.entropy.as_mut()),
                number,
                name,
                profile,
                status,
                role: Role::Member,
                joined_on,
                debit_floor_minutes: None,
                credit_ceiling_minutes: None,
            };
            if opening != 0 {
                openings.push(self.opening_balance(by, &member.id, opening, now));
            }
            members.push(member);
        }
        let mut decisions = Vec::new();
        for member in &members {
            decisions.extend(
                self.decisions_for(by, schema::Rights::NEW, member, now)
                    .map_err(ImportError::NotAllowed)?,
            );
        }
        let message = if decisions.is_empty() {
            "import members"
        } else {
            schema::DECISION_MESSAGE
        };
        self.write(now, message, |doc| {
            for member in &members {
                schema::write_new_member(doc, member)?;
            }
            for decision in &decisions {
                schema::write_decision(doc, decision)?;
            }
            for exchange in &openings {
                schema::write_new_exchange(doc, exchange)?;
            }
            Ok(())
        })?;
        let summary = ImportSummary {
            members_added: members.len(),
            opening_balances: openings.len(),
            exchanges_added: 0,
        };
        for member in members {
            self.members.insert(member.id.clone(), member);
        }
        self.insert_recorded(openings);
        self.apply_decisions();
        Ok(summary)
    }

    /// Imports exchanges between existing members. Columns: `date`
    /// (required), who received the help (`received_by`, `payer` or `from`)
    /// and who gave it (`given_by`, `payee` or `to`) as member numbers, exact
    /// names or `fund`, and `hours` or `minutes`; optionally `description`,
    /// `category` and `slip`.
    pub fn import_exchanges_csv(
        &mut self,
        by: &MemberId,
        text: &str,
        now: Timestamp,
    ) -> Result<ImportSummary, ImportError> {
        self.require_coordinator(by)?;
        let table = Table::read(text)?;
        let date = table
            .column(&["date", "service date", "date of exchange", "when"])
            .ok_or(ImportError::MissingColumn("date"))?;
        let payer = table
            .column(&[
                "received_by_number",
                "received by",
                "received_by",
                "payer",
                "from",
                "recipient",
            ])
            .ok_or(ImportError::MissingColumn("received_by"))?;
        let payee = table
            .column(&[
                "given_by_number",
                "given by",
                "given_by",
                "payee",
                "to",
                "provider",
            ])
            .ok_or(ImportError::MissingColumn("given_by"))?;
        let hours = table.column(&["hours", "time", "hours exchanged"]);
        let minutes = table.column(&["minutes", "mins"]);
        if hours.is_none() && minutes.is_none() {
            return Err(ImportError::MissingColumn("hours"));
        }
        let description = table.column(&["description", "details", "what", "notes"]);
        let category = table.column(&["category", "service category", "type"]);
        let slip = table.column(&["slip", "slip number", "slip no"]);
        table.require_rows()?;

        let mut problems = Vec::new();
        let mut exchanges = Vec::new();
        for (line, row) in table.rows() {
            let checked = self.checked_import_row(
                by,
                row,
                [date, payer, payee],
                [hours, minutes, description, category, slip],
                now,
            );
            match checked {
                Ok(exchange) => exchanges.push(exchange),
                Err(reason) => problems.push(RowProblem::new(*line, reason)),
            }
        }
        if !problems.is_empty() {
            return Err(ImportError::Rows(problems));
        }
        self.write(now, "import exchanges", |doc| {
            exchanges
                .iter()
                .try_for_each(|exchange| schema::write_new_exchange(doc, exchange))
        })?;
        let summary = ImportSummary {
            exchanges_added: exchanges.len(),
            ..ImportSummary::default()
        };
        self.insert_recorded(exchanges);
        Ok(summary)
    }

    fn checked_import_row(
        &mut self,
        by: &MemberId,
        row: &[String],
        [date, payer, payee]: [usize; 3],
        [hours, minutes, description, category, slip]: [Option<usize>; 5],
        now: Timestamp,
    ) -> Result<Exchange, RowReason> {
        let service_date = parse_date(cell(row, Some(date)))
            .ok_or_else(|| RowReason::NotADate(cell(row, Some(date)).to_string()))?;
        let payer = self.account_named(cell(row, Some(payer)))?;
        let payee = self.account_named(cell(row, Some(payee)))?;
        let amount = match (cell(row, minutes), cell(row, hours)) {
            ("", "") => return Err(RowReason::NoTime),
            ("", text) => parse_hours(text).ok_or_else(|| RowReason::NotHours(text.to_string()))?,
            (text, _) => text
                .parse::<i64>()
                .map_err(|_| RowReason::NotMinutes(text.to_string()))?,
        };
        if amount <= 0 {
            return Err(RowReason::NotPositive);
        }
        let minutes = u32::try_from(amount).unwrap_or(u32::MAX);
        let channel = match cell(row, slip) {
            "" => Channel::Import,
            number => Channel::PaperSlip {
                number: number.to_string(),
            },
        };
        let new = NewExchange {
            payer,
            payee,
            minutes,
            service_date,
            description: cell(row, description).to_string(),
            category: Some(cell(row, category).to_string()),
            channel,
        };
        // Historic exchanges may involve members who have since left, so the
        // parties' current status is not checked; everything else is.
        self.checked_exchange_unchecked_parties(by, new, ExchangeKind::Service, None, now)
            .map_err(RowReason::Refused)
    }

    /// A member by number or exact (unique) name, or the community fund.
    fn account_named(&self, text: &str) -> Result<Account, RowReason> {
        let text = text.trim();
        if text.eq_ignore_ascii_case("fund") || text.eq_ignore_ascii_case("community fund") {
            return Ok(Account::CommunityFund);
        }
        if let Ok(number) = text.parse::<u32>() {
            return match &self.member_by_number(number)[..] {
                [member] => Ok(Account::Member(member.id.clone())),
                [] => Err(RowReason::NoSuchNumber(number)),
                _ => Err(RowReason::NumberShared(number)),
            };
        }
        let named: Vec<_> = self
            .members
            .values()
            .filter(|m| m.name.eq_ignore_ascii_case(text))
            .collect();
        match &named[..] {
            [member] => Ok(Account::Member(member.id.clone())),
            [] if text.is_empty() => Err(RowReason::MemberMissing),
            [] => Err(RowReason::NoSuchName(text.to_string())),
            _ => Err(RowReason::NameShared(text.to_string())),
        }
    }

    /// An exchange with the community fund that brings a member's balance
    /// over from a previous system.
    fn opening_balance(
        &mut self,
        by: &MemberId,
        member: &MemberId,
        minutes: i64,
        now: Timestamp,
    ) -> Exchange {
        // What it is, the app says from its kind, in the reader's language.
        self.with_fund(
            by,
            member,
            minutes,
            ExchangeKind::OpeningBalance,
            String::new(),
            now,
        )
    }

    /// Adds freshly written exchanges to the derived state.
    fn insert_recorded(&mut self, exchanges: Vec<Exchange>) {
        let ids: BTreeSet<ExchangeId> = exchanges.iter().map(|e| e.id.clone()).collect();
        for exchange in exchanges {
            self.exchanges.insert(exchange.id.clone(), exchange);
        }
        for id in &ids {
            self.recount(id);
        }
    }
}
