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

/// The lock of `month` as the document stated it at `heads` (as the change
/// of a coordinator's decision to lock it wrote it, say), if there was one.
pub fn lock_at(
    doc: &AutoCommit,
    month: Month,
    heads: &[automerge::ChangeHash],
) -> Option<PeriodLock> {
    use automerge::{ObjType, Value};
    let map_at = |parent: &automerge::ObjId, key: &str| match doc.get_at(parent, key, heads) {
        Ok(Some((Value::Object(ObjType::Map), obj))) => Some(obj),
        _ => None,
    };
    let all = map_at(&ROOT, PERIODS)?;
    let obj = map_at(&all, &month.to_string())?;
    let fields = super::Fields::read_at(doc, &obj, heads);
    let count = |name| fields.uint(name).and_then(|n| u32::try_from(n).ok());
    let by_category = map_at(&obj, BY_CATEGORY)
        .map(|categories| {
            doc.keys_at(&categories, heads)
                .filter_map(|name| {
                    let entry = super::Fields::read_at(doc, &map_at(&categories, &name)?, heads);
                    Some((
                        name,
                        CategoryFigures {
                            minutes: entry.int("minutes")?,
                            exchanges: entry.int("exchanges")?,
                        },
                    ))
                })
                .collect()
        })
        .unwrap_or_default();
    Some(PeriodLock {
        month,
        locked_at: Timestamp(fields.int("locked_at")?),
        locked_by: fields
            .string("locked_by")
            .and_then(|s| MemberId::parse(&s))?,
        figures: Figures {
            minutes_exchanged: fields.int("minutes_exchanged")?,
            exchanges: fields.int("exchanges")?,
            active_members: count("active_members")?,
            new_members: count("new_members")?,
            fund_minutes: fields.int("fund_minutes")?,
            social_value_pence: fields.int("social_value_pence")?,
            by_category,
        },
        included: fields
            .string("included")
            .unwrap_or_default()
            .split(',')
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect(),
    })
}
