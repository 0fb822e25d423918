//! A timebank's settings (balance limits, categories, who sees balances)
//! and its details (name, unit, currency, language): coordinators change
//! them, once the trust is founded by a decision their device signs (see
//! `decisions`), so a raw write of either changes nothing.

use crate::error::LedgerError;
use crate::ids::MemberId;
use crate::model::{Settings, TimebankDetails};
use crate::schema;
use crate::time::Timestamp;

use super::{Timebank, checked_name};

impl Timebank {
    pub fn update_settings(
        &mut self,
        by: &MemberId,
        settings: Settings,
        now: Timestamp,
    ) -> Result<(), LedgerError> {
        self.require_coordinator(by)?;
        check_settings(&settings)?;
        let decision = self.settings_decision(by, &settings, now)?;
        self.write_deciding(now, "update settings", decision.as_slice(), |doc| {
            schema::write_settings(doc, &settings)
        })?;
        self.settings = schema::read_settings(&self.doc);
        self.apply_decisions();
        Ok(())
    }

    /// A coordinator renames the timebank, or changes the currency its
    /// cash is counted in, or the language new devices show it in.
    pub fn update_details(
        &mut self,
        by: &MemberId,
        details: TimebankDetails,
        now: Timestamp,
    ) -> Result<(), LedgerError> {
        self.require_coordinator(by)?;
        let name = checked_name(&details.name)?;
        let language = details
            .language
            .map(|code| code.trim().to_string())
            .filter(|code| !code.is_empty());
        if let Some(code) = &language
            && (code.len() > 12 || !code.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))
        {
            return Err(LedgerError::UnknownLanguage(code.clone()));
        }
        let unit_label = checked_name(&details.unit_label)?;
        let unit_label_one = match details.unit_label_one.trim() {
            "" => String::new(),
            one => checked_name(one)?,
        };
        let info = self.info.with_details(TimebankDetails {
            name,
            unit_label,
            unit_label_one,
            currency: details.currency,
            language,
        });
        let decision = self.details_decision(by, &info.details(), now)?;
        self.write_deciding(now, "update timebank details", decision.as_slice(), |doc| {
            schema::write_details(doc, &info)
        })?;
        self.info = info;
        self.apply_decisions();
        Ok(())
    }
}

pub(super) fn check_settings(settings: &Settings) -> Result<(), LedgerError> {
    if settings.debit_floor_minutes > 0 || settings.credit_ceiling_minutes < 0 {
        return Err(LedgerError::InvalidLimits);
    }
    for category in &settings.categories {
        checked_name(category)?;
    }
    Ok(())
}
