//! Locked report periods, with the figures they published.

use automerge::transaction::Transactable;
use automerge::{AutoCommit, ObjType, ROOT, ReadDoc, ScalarValue};

use super::{PERIODS, int, map, string, uint};
use crate::ids::MemberId;
use crate::reports::{CategoryFigures, Figures, PeriodLock};
use crate::time::{Month, Timestamp};

use super::WriteResult;

const BY_CATEGORY: &str = "by_category";

pub fn read_locks(doc: &AutoCommit) -> Vec<PeriodLock> {
    let Some(all) = map(doc, &ROOT, PERIODS) else {
        return Vec::new();
    };
    doc.keys(&all)
        .filter_map(|key| {
            let obj = map(doc, &all, &key)?;
            let count = |name| uint(doc, &obj, name).and_then(|n| u32::try_from(n).ok());
            let by_category = map(doc, &obj, BY_CATEGORY)
                .map(|categories| {
                    doc.keys(&categories)
                        .filter_map(|name| {
                            let entry = map(doc, &categories, &name)?;
                            Some((
                                name,
                                CategoryFigures {
                                    minutes: int(doc, &entry, "minutes")?,
                                    exchanges: int(doc, &entry, "exchanges")?,
                                },
                            ))
                        })
                        .collect()
                })
                .unwrap_or_default();
            Some(PeriodLock {
                month: Month::parse(&key)?,
                locked_at: Timestamp(int(doc, &obj, "locked_at")?),
                locked_by: string(doc, &obj, "locked_by").and_then(|s| MemberId::parse(&s))?,
                figures: Figures {
                    minutes_exchanged: int(doc, &obj, "minutes_exchanged")?,
                    exchanges: int(doc, &obj, "exchanges")?,
                    active_members: count("active_members")?,
                    new_members: count("new_members")?,
                    fund_minutes: int(doc, &obj, "fund_minutes")?,
                    social_value_pence: int(doc, &obj, "social_value_pence")?,
                    by_category,
                },
                included: string(doc, &obj, "included")
                    .unwrap_or_default()
                    .split(',')
                    .filter(|s| !s.is_empty())
                    .map(String::from)
                    .collect(),
            })
        })
        .collect()
}

pub fn write_lock(doc: &mut AutoCommit, lock: &PeriodLock) -> WriteResult<()> {
    let Some(all) = map(doc, &ROOT, PERIODS) else {
        return Ok(());
    };
    let obj = doc.put_object(&all, lock.month.to_string(), ObjType::Map)?;
    let figures = &lock.figures;
    doc.put(&obj, "locked_at", ScalarValue::Timestamp(lock.locked_at.0))?;
    doc.put(&obj, "locked_by", lock.locked_by.as_str())?;
    doc.put(&obj, "minutes_exchanged", figures.minutes_exchanged)?;
    doc.put(&obj, "exchanges", figures.exchanges)?;
    doc.put(&obj, "active_members", u64::from(figures.active_members))?;
    doc.put(&obj, "new_members", u64::from(figures.new_members))?;
    doc.put(&obj, "fund_minutes", figures.fund_minutes)?;
    doc.put(&obj, "social_value_pence", figures.social_value_pence)?;
    let categories = doc.put_object(&obj, BY_CATEGORY, ObjType::Map)?;
    for (name, category) in &figures.by_category {
        let entry = doc.put_object(&categories, name.as_str(), ObjType::Map)?;
        doc.put(&entry, "minutes", category.minutes)?;
        doc.put(&entry, "exchanges", category.exchanges)?;
    }
    let included: Vec<&str> = lock.included.iter().map(String::as_str).collect();
    doc.put(&obj, "included", included.join(","))?;
    Ok(())
}

/// The months locked in the document at `heads` (a founding's).
pub fn locked_at(doc: &AutoCommit, heads: &[automerge::ChangeHash]) -> Vec<Month> {
    let Ok(Some((_, all))) = doc.get_at(ROOT, PERIODS, heads) else {
        return Vec::new();
    };
    doc.keys_at(&all, heads)
        .filter_map(|key| Month::parse(&key))
        .collect()
}
