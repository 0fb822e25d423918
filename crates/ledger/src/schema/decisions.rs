//! Coordinators' decisions, once a timebank's trust is founded: a member's
//! status, role and limits, the timebank's settings and its details (name,
//! unit, currency, language), and month locks, count as the founding saw
//! them and as coordinators' devices decided and signed since, never as
//! whatever the member's record, the settings or the timebank record say
//! (anyone can write those).
//!
//! ```text
//! decisions: map<decision id, map>        made by the first decision; append-only
//!     id: str, subject: str ("member:<member id>" | "settings" | "details" |
//!     "month:<YYYY-MM>"), what: str ("status" | "role" | "limits" | "settings" |
//!     "details" | "lock"), value: str (a status or role as the member record writes
//!     it; limits "<floor>,<ceiling>", each minutes or empty; settings as
//!     `settings_value` and details as `details_value` write them; a lock's digest),
//!     by: str (member id), at: timestamp, device: str (key hex), seq?: uint, sig?: bytes
//! ```
//!
//! A decision is written with the member record's fields, in a change with
//! [`DECISION_MESSAGE`]; its device's seal follows in a change with
//! [`DECISION_SEAL_MESSAGE`]. Both are read from the history (only the
//! changes with those messages are decoded), so a decision written over or
//! deleted since still counts.

use automerge::transaction::Transactable;
use automerge::{AutoCommit, ChangeHash, ObjId, ObjType, ROOT, ScalarValue, Value};

use super::*;
use crate::ids::DecisionId;
use crate::trust::DeviceKey;

const DECISIONS: &str = "decisions";

/// The message of the change that writes a decision.
pub const DECISION_MESSAGE: &str = "coordinator decision";
/// The message of the change that seals decisions.
pub const DECISION_SEAL_MESSAGE: &str = "seal decisions";

/// A coordinator's decision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    pub id: DecisionId,
    /// What it is about: `member:<member id>`.
    pub subject: String,
    /// Which of the subject's rights: `status`, `role` or `limits`.
    pub what: String,
    pub value: String,
    /// The coordinator it was made for.
    pub by: MemberId,
    pub device: DeviceKey,
    pub at: Timestamp,
    pub seal: Option<Seal>,
}

impl Decision {
    pub fn bytes(&self, timebank: &str, seq: u64) -> crate::trust::Canonical {
        crate::trust::decision_bytes(
            timebank,
            &self.id,
            &self.subject,
            &self.what,
            &self.value,
            &self.by,
            &self.device,
            self.at,
            seq,
        )
    }

    /// Whether its device signed exactly this decision (not whether it may).
    pub fn is_signed(&self, timebank: &str) -> bool {
        self.seal.is_some_and(|seal| {
            crate::trust::verify(
                &self.device,
                self.bytes(timebank, seal.seq).as_bytes(),
                &seal.signature,
            )
        })
    }
}

/// Every `decisions` map (more than one if two devices made it at once).
fn decision_maps(doc: &AutoCommit) -> Vec<ObjId> {
    maps(doc, &ROOT, DECISIONS)
}

fn decision_from(fields: &Fields) -> Option<Decision> {
    Some(Decision {
        id: fields.string("id").and_then(|s| DecisionId::parse(&s))?,
        subject: fields.string("subject")?,
        what: fields.string("what")?,
        value: fields.string("value").unwrap_or_default(),
        by: fields.string("by").and_then(|s| MemberId::parse(&s))?,
        device: fields.string("device").and_then(|s| DeviceKey::parse(&s))?,
        at: Timestamp(fields.int("at")?),
        seal: super::exchanges::read_seal(fields),
    })
}

fn decision_obj(doc: &AutoCommit, id: &DecisionId) -> Option<ObjId> {
    decision_maps(doc)
        .iter()
        .find_map(|all| map(doc, all, id.as_str()))
}

/// Writes a new decision (without its seal).
pub fn write_decision(doc: &mut AutoCommit, decision: &Decision) -> WriteResult<()> {
    let all = match decision_maps(doc).into_iter().next() {
        Some(all) => all,
        None => doc.put_object(ROOT, DECISIONS, ObjType::Map)?,
    };
    let obj = doc.put_object(&all, decision.id.as_str(), ObjType::Map)?;
    doc.put(&obj, "id", decision.id.as_str())?;
    doc.put(&obj, "subject", decision.subject.as_str())?;
    doc.put(&obj, "what", decision.what.as_str())?;
    doc.put(&obj, "value", decision.value.as_str())?;
    doc.put(&obj, "by", decision.by.as_str())?;
    doc.put(&obj, "device", decision.device.to_hex())?;
    doc.put(&obj, "at", ScalarValue::Timestamp(decision.at.0))?;
    Ok(())
}

/// Writes a decision with its device's seal, whole (so the seal reaches
/// every copy even if the record it seals was written over or deleted).
pub fn write_sealed_decision(doc: &mut AutoCommit, decision: &Decision) -> WriteResult<()> {
    write_decision(doc, decision)?;
    if let (Some(obj), Some(seal)) = (decision_obj(doc, &decision.id), &decision.seal) {
        super::exchanges::write_seal(doc, &obj, seal)?;
    }
    Ok(())
}

/// A decision as the change that made it wrote it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    pub decision: Decision,
    pub change: ChangeHash,
}

/// What the changes after some heads wrote: each decision as the change
/// that made it wrote it, and each seal as the change that wrote it.
#[derive(Debug, Clone, Default)]
pub struct DecisionHistory {
    pub made: Vec<Written>,
    /// Each seal, with the change that wrote it.
    pub seals: Vec<(DecisionId, Seal, ChangeHash)>,
    /// Every change read, with its depth: one more than its deepest
    /// dependency's (a change built on another is always deeper; the same
    /// on every copy).
    pub depths: Vec<(ChangeHash, u64)>,
}

/// Reads the decisions and seals the changes after `from` wrote (every
/// change, if `from` is empty). Only changes with [`DECISION_MESSAGE`] or
/// [`DECISION_SEAL_MESSAGE`] are decoded; the rest are read from their
/// metadata alone.
/// `depth_of` gives the depth of a change read before (see
/// [`DecisionHistory::depths`]).
pub fn decisions_written_after(
    doc: &mut AutoCommit,
    from: &[ChangeHash],
    depth_of: impl Fn(&ChangeHash) -> Option<u64>,
) -> DecisionHistory {
    let mut depths: std::collections::HashMap<ChangeHash, u64> = Default::default();
    let mut in_order = Vec::new();
    let written = super::history::records_written_after(
        doc,
        from,
        |message| match message {
            Some(DECISION_MESSAGE) => Some("what"),
            Some(DECISION_SEAL_MESSAGE) => Some("sig"),
            _ => None,
        },
        |meta| {
            let depth = meta
                .deps
                .iter()
                .filter_map(|dep| depths.get(dep).copied().or_else(|| depth_of(dep)))
                .max()
                .map_or(0, |deepest| deepest + 1);
            depths.insert(meta.hash, depth);
            in_order.push((meta.hash, depth));
        },
    );
    let mut history = DecisionHistory {
        depths: in_order,
        ..DecisionHistory::default()
    };
    for (fields, change) in written {
        let Some(decision) = decision_from(&fields) else {
            continue;
        };
        match decision.seal {
            Some(seal) => history.seals.push((decision.id, seal, change)),
            None => history.made.push(Written { decision, change }),
        }
    }
    history
}

/// Member `id`'s record as the document stated it at `heads`.
pub fn member_at(doc: &AutoCommit, id: &MemberId, heads: &[ChangeHash]) -> Option<Member> {
    let Ok(Some((_, members))) = doc.get_at(ROOT, MEMBERS, heads) else {
        return None;
    };
    let Ok(Some((Value::Object(ObjType::Map), obj))) = doc.get_at(&members, id.as_str(), heads)
    else {
        return None;
    };
    super::members::member_from(id, &Fields::read_at(doc, &obj, heads))
}

/// A member's rights as a member record states them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rights {
    pub status: MemberStatus,
    pub role: Role,
    pub debit_floor_minutes: Option<i64>,
    pub credit_ceiling_minutes: Option<i64>,
}

impl Rights {
    /// A member the founding did not see: an applicant until a coordinator
    /// decides otherwise.
    pub const NEW: Rights = Rights {
        status: MemberStatus::Applicant,
        role: Role::Member,
        debit_floor_minutes: None,
        credit_ceiling_minutes: None,
    };

    /// Whether a coordinator's device of a member with these rights has a
    /// coordinator's powers: a coordinator who has not left (one away keeps
    /// them, so the tablet they lent a trading day still records for
    /// everyone).
    pub fn coordinates(&self) -> bool {
        self.role == Role::Coordinator
            && matches!(self.status, MemberStatus::Active | MemberStatus::Away)
    }

    pub fn of(member: &Member) -> Rights {
        Rights {
            status: member.status,
            role: member.role,
            debit_floor_minutes: member.debit_floor_minutes,
            credit_ceiling_minutes: member.credit_ceiling_minutes,
        }
    }
}

/// Every member's rights as the document stated them at `heads` (a
/// founding's).
pub fn rights_at(doc: &AutoCommit, heads: &[ChangeHash]) -> Vec<(MemberId, Rights)> {
    let Ok(Some((_, members))) = doc.get_at(ROOT, MEMBERS, heads) else {
        return Vec::new();
    };
    doc.keys_at(&members, heads)
        .filter_map(|key| {
            let id = MemberId::parse(&key)?;
            let Ok(Some((Value::Object(ObjType::Map), obj))) = doc.get_at(&members, &key, heads)
            else {
                return None;
            };
            let rights = super::members::rights_from(&Fields::read_at(doc, &obj, heads));
            Some((id, rights))
        })
        .collect()
}

/// The settings as a decision states them: one `name=value` line each, the
/// categories sorted (each once, as the settings store them), one line each (a backslash and a line break in a
/// name written `\\` and `\n`).
pub fn settings_value(settings: &Settings) -> String {
    let mut lines = vec![
        format!("debit_floor_minutes={}", settings.debit_floor_minutes),
        format!("credit_ceiling_minutes={}", settings.credit_ceiling_minutes),
        format!("confirmation={}", confirmation_name(settings.confirmation)),
        format!("confirm_within_days={}", settings.confirm_within_days),
        format!("auto_confirm={}", settings.auto_confirm),
        format!("balances_visible={}", settings.balances_visible),
        format!("hourly_value_pence={}", settings.hourly_value_pence),
    ];
    let mut categories: Vec<&String> = settings.categories.iter().collect();
    categories.sort();
    categories.dedup();
    for category in categories {
        lines.push(format!("category={}", escaped(category)));
    }
    lines.join("\n")
}

/// Settings as [`settings_value`] wrote them; `None` if they do not read.
pub fn settings_from_value(value: &str) -> Option<Settings> {
    let mut settings = Settings {
        categories: Vec::new(),
        ..Settings::default()
    };
    for line in value.split('\n') {
        let (name, text) = line.split_once('=')?;
        match name {
            "debit_floor_minutes" => settings.debit_floor_minutes = text.parse().ok()?,
            "credit_ceiling_minutes" => settings.credit_ceiling_minutes = text.parse().ok()?,
            "confirmation" => settings.confirmation = confirmation_from(text)?,
            "confirm_within_days" => settings.confirm_within_days = text.parse().ok()?,
            "auto_confirm" => settings.auto_confirm = text.parse().ok()?,
            "balances_visible" => settings.balances_visible = text.parse().ok()?,
            "hourly_value_pence" => settings.hourly_value_pence = text.parse().ok()?,
            "category" => settings.categories.push(unescaped(text)?),
            _ => return None,
        }
    }
    Some(settings)
}

/// A name written on one line of a decision's value: a backslash and a
/// line break written `\\` and `\n`.
fn escaped(text: &str) -> String {
    text.replace('\\', "\\\\").replace('\n', "\\n")
}

/// A name as [`escaped`] wrote it; `None` if it does not read.
fn unescaped(text: &str) -> Option<String> {
    let mut name = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            name.push(c);
            continue;
        }
        match chars.next()? {
            'n' => name.push('\n'),
            '\\' => name.push('\\'),
            _ => return None,
        }
    }
    Some(name)
}

/// The timebank's details (name, unit, currency, language) as a decision
/// states them: one `name=value` line each, in a fixed order.
pub fn details_value(details: &TimebankDetails) -> String {
    [
        format!("name={}", escaped(&details.name)),
        format!("unit_label={}", escaped(&details.unit_label)),
        format!("unit_label_one={}", escaped(&details.unit_label_one)),
        format!("currency={}", details.currency.code()),
        format!(
            "language={}",
            escaped(details.language.as_deref().unwrap_or_default())
        ),
    ]
    .join("\n")
}

/// Details as [`details_value`] wrote them; `None` if they do not read
/// (every line present once, a currency this release knows).
pub fn details_from_value(value: &str) -> Option<TimebankDetails> {
    let lines: Vec<(&str, String)> = value
        .split('\n')
        .map(|line| {
            let (name, text) = line.split_once('=')?;
            Some((name, unescaped(text)?))
        })
        .collect::<Option<_>>()?;
    let [
        (n, name),
        (u, unit_label),
        (o, unit_label_one),
        (c, currency),
        (l, language),
    ] = <[(&str, String); 5]>::try_from(lines).ok()?;
    if [n, u, o, c, l]
        != [
            "name",
            "unit_label",
            "unit_label_one",
            "currency",
            "language",
        ]
    {
        return None;
    }
    Some(TimebankDetails {
        name,
        unit_label,
        unit_label_one,
        currency: crate::model::Currency::from_code(&currency)?,
        language: (!language.is_empty()).then_some(language),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Any details read back as they were written, whatever characters
    /// their names hold; anything else does not read.
    #[test]
    fn details_read_back_as_written() {
        for (name, one, currency, language) in [
            (
                "Southwark Circle",
                "",
                crate::model::Currency::PoundSterling,
                None,
            ),
            ("a=b\nc\\n", "é ✓", crate::model::Currency::Euro, Some("fr")),
            (
                "",
                "\\",
                crate::model::Currency::PoundSterling,
                Some("pt-BR"),
            ),
        ] {
            let details = TimebankDetails {
                name: name.into(),
                unit_label: "Time Credits".into(),
                unit_label_one: one.into(),
                currency,
                language: language.map(String::from),
            };
            assert_eq!(details_from_value(&details_value(&details)), Some(details));
        }
        let good = "name=X\nunit_label=hours\nunit_label_one=\ncurrency=EUR\nlanguage=";
        assert!(details_from_value(good).is_some());
        for bad in [
            good.replace("EUR", "XYZ"),
            good.replace("name=X\n", ""),
            good.replace("name=X", "title=X"),
            format!("{good}\nname=Y"),
            good.replace("X", "bad\\x"),
        ] {
            assert_eq!(details_from_value(&bad), None, "{bad}");
        }
    }

    /// Any settings read back as they were written (categories in any
    /// order, with any characters in their names).
    #[test]
    fn settings_read_back_as_written() {
        let odd = [
            "Home and garden",
            "a=b",
            "back\\slash",
            "two\nlines",
            "\\n",
            "",
            "é ✓",
        ];
        for (floor, confirmation, auto) in [
            (-600, ConfirmationPolicy::Nobody, true),
            (0, ConfirmationPolicy::Payer, false),
            (i64::MIN, ConfirmationPolicy::OtherParty, true),
        ] {
            let settings = Settings {
                debit_floor_minutes: floor,
                credit_ceiling_minutes: 2_400,
                confirmation,
                confirm_within_days: 3,
                auto_confirm: auto,
                balances_visible: !auto,
                categories: odd.iter().rev().map(ToString::to_string).collect(),
                hourly_value_pence: 1_250,
            };
            let mut read = settings_from_value(&settings_value(&settings)).unwrap();
            read.categories.sort();
            let mut expected = settings.clone();
            expected.categories.sort();
            assert_eq!(read, expected);
        }
        assert_eq!(settings_from_value("confirmation=sometimes"), None);
        assert_eq!(settings_from_value("category=bad\\x"), None);
    }
}
