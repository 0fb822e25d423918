//! The timebank's settings.

use std::collections::BTreeSet;

use automerge::transaction::Transactable;
use automerge::{AutoCommit, ChangeHash, ObjType, ROOT, ScalarValue, Value};

use super::*;

pub fn read_settings(doc: &AutoCommit) -> Settings {
    let Some(obj) = map(doc, &ROOT, SETTINGS) else {
        return Settings::default();
    };
    let categories = map(doc, &obj, CATEGORIES)
        .map(|set| doc.keys(&set).collect())
        .unwrap_or_default();
    settings_from(&Fields::read(doc, &obj), categories)
}

/// The settings as the document stated them at `heads` (a founding's).
pub fn settings_at(doc: &AutoCommit, heads: &[ChangeHash]) -> Settings {
    let Ok(Some((Value::Object(ObjType::Map), obj))) = doc.get_at(ROOT, SETTINGS, heads) else {
        return Settings::default();
    };
    let categories = match doc.get_at(&obj, CATEGORIES, heads) {
        Ok(Some((Value::Object(ObjType::Map), set))) => doc.keys_at(&set, heads).collect(),
        _ => Vec::new(),
    };
    settings_from(&Fields::read_at(doc, &obj, heads), categories)
}

/// The settings from the fields of the settings record (the default for
/// each one missing or unreadable).
fn settings_from(fields: &Fields, categories: Vec<String>) -> Settings {
    let defaults = Settings::default();
    Settings {
        debit_floor_minutes: fields
            .int("debit_floor_minutes")
            .unwrap_or(defaults.debit_floor_minutes),
        credit_ceiling_minutes: fields
            .int("credit_ceiling_minutes")
            .unwrap_or(defaults.credit_ceiling_minutes),
        confirmation: fields
            .string("confirmation")
            .and_then(|text| confirmation_from(&text))
            .unwrap_or(defaults.confirmation),
        confirm_within_days: fields
            .uint("confirm_within_days")
            .and_then(|days| u32::try_from(days).ok())
            .unwrap_or(defaults.confirm_within_days),
        auto_confirm: fields
            .boolean("auto_confirm")
            .unwrap_or(defaults.auto_confirm),
        balances_visible: fields
            .boolean("balances_visible")
            .unwrap_or(defaults.balances_visible),
        categories,
        hourly_value_pence: fields
            .uint("hourly_value_pence")
            .and_then(|pence| u32::try_from(pence).ok())
            .unwrap_or(defaults.hourly_value_pence),
    }
}

/// The confirmation rule as the document stated it at `heads` (the default
/// where it stated none): what a device whose copy had `heads` applied;
/// with the change that wrote it (`None` if no change did).
pub fn confirmation_written_at(
    doc: &AutoCommit,
    heads: &[ChangeHash],
) -> (ConfirmationPolicy, Option<ChangeHash>) {
    let default = Settings::default().confirmation;
    let Ok(Some((Value::Object(ObjType::Map), settings))) = doc.get_at(&ROOT, SETTINGS, heads)
    else {
        return (default, None);
    };
    match doc.get_at(&settings, "confirmation", heads) {
        Ok(Some((value, op))) => {
            let text = match &value {
                Value::Scalar(scalar) => match scalar.as_ref() {
                    ScalarValue::Str(text) => Some(text.to_string()),
                    _ => None,
                },
                Value::Object(ObjType::Text) => doc.text_at(&op, heads).ok(),
                Value::Object(_) => None,
            };
            let policy = text
                .and_then(|text| confirmation_from(&text))
                .unwrap_or(default);
            (policy, doc.hash_for_opid(&op))
        }
        _ => (default, None),
    }
}

/// Writes only the fields that differ, so concurrent edits of different
/// settings on two devices both survive.
pub fn write_settings(doc: &mut AutoCommit, settings: &Settings) -> WriteResult<()> {
    let Some(obj) = map(doc, &ROOT, SETTINGS) else {
        return Ok(());
    };
    let current = read_settings(doc);
    let fresh = int(doc, &obj, "debit_floor_minutes").is_none();
    if fresh || current.debit_floor_minutes != settings.debit_floor_minutes {
        doc.put(&obj, "debit_floor_minutes", settings.debit_floor_minutes)?;
    }
    if fresh || current.credit_ceiling_minutes != settings.credit_ceiling_minutes {
        doc.put(
            &obj,
            "credit_ceiling_minutes",
            settings.credit_ceiling_minutes,
        )?;
    }
    if fresh || current.confirmation != settings.confirmation {
        doc.put(
            &obj,
            "confirmation",
            confirmation_name(settings.confirmation),
        )?;
    }
    if fresh || current.confirm_within_days != settings.confirm_within_days {
        doc.put(
            &obj,
            "confirm_within_days",
            u64::from(settings.confirm_within_days),
        )?;
    }
    if fresh || current.auto_confirm != settings.auto_confirm {
        doc.put(&obj, "auto_confirm", settings.auto_confirm)?;
    }
    if fresh || current.balances_visible != settings.balances_visible {
        doc.put(&obj, "balances_visible", settings.balances_visible)?;
    }
    if fresh || current.hourly_value_pence != settings.hourly_value_pence {
        doc.put(
            &obj,
            "hourly_value_pence",
            u64::from(settings.hourly_value_pence),
        )?;
    }
    if let Some(set) = map(doc, &obj, CATEGORIES) {
        let wanted: BTreeSet<&str> = settings.categories.iter().map(String::as_str).collect();
        let present: Vec<String> = doc.keys(&set).collect();
        for name in &present {
            if !wanted.contains(name.as_str()) {
                doc.delete(&set, name.as_str())?;
            }
        }
        for name in wanted {
            if !present.iter().any(|p| p == name) {
                doc.put(&set, name, true)?;
            }
        }
    }
    Ok(())
}

pub(super) fn confirmation_name(policy: ConfirmationPolicy) -> &'static str {
    match policy {
        ConfirmationPolicy::Nobody => "nobody",
        ConfirmationPolicy::Payer => "payer",
        ConfirmationPolicy::OtherParty => "other_party",
    }
}

pub(super) fn confirmation_from(text: &str) -> Option<ConfirmationPolicy> {
    Some(match text {
        "nobody" => ConfirmationPolicy::Nobody,
        "payer" => ConfirmationPolicy::Payer,
        "other_party" => ConfirmationPolicy::OtherParty,
        _ => return None,
    })
}
