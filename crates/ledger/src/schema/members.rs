//! Member records.

use automerge::transaction::Transactable;
use automerge::{AutoCommit, ObjId, ObjType, ROOT};

use super::*;
use crate::time::Date;

pub fn member_ids(doc: &AutoCommit) -> Vec<MemberId> {
    ids_in(doc, MEMBERS, MemberId::parse)
}

/// A member as stored, or `None` if the record is missing or unreadable.
pub fn read_member(doc: &AutoCommit, id: &MemberId) -> Option<Member> {
    let members = map(doc, &ROOT, MEMBERS)?;
    let obj = map(doc, &members, id.as_str())?;
    member_from(id, &Fields::read(doc, &obj))
}

/// A member from the fields of its record.
pub(super) fn member_from(id: &MemberId, fields: &Fields) -> Option<Member> {
    let text = |key| fields.string(key).unwrap_or_default();
    let rights = rights_from(fields);
    Some(Member {
        id: id.clone(),
        number: fields.uint("number").and_then(|n| u32::try_from(n).ok())?,
        name: fields.string("name")?,
        profile: Profile {
            phone: text("phone"),
            email: text("email"),
            neighbourhood: text("neighbourhood"),
            offers: text("offers"),
            needs: text("needs"),
        },
        status: rights.status,
        role: rights.role,
        joined_on: fields.string("joined_on").and_then(|s| Date::parse(&s))?,
        debit_floor_minutes: rights.debit_floor_minutes,
        credit_ceiling_minutes: rights.credit_ceiling_minutes,
    })
}

/// A member's rights from the fields of its record. A status or role that
/// is missing or unreadable reads as the least: the member is still shown
/// (and, once the trust is founded, what counts is what coordinators
/// decided: see `decisions`).
pub(super) fn rights_from(fields: &Fields) -> super::Rights {
    super::Rights {
        status: fields
            .string("status")
            .and_then(|s| status_from(&s))
            .unwrap_or(MemberStatus::Applicant),
        role: fields
            .string("role")
            .and_then(|s| role_from(&s))
            .unwrap_or(Role::Member),
        debit_floor_minutes: fields.int("debit_floor_minutes"),
        credit_ceiling_minutes: fields.int("credit_ceiling_minutes"),
    }
}

/// Writes a whole new member record.
pub fn write_new_member(doc: &mut AutoCommit, member: &Member) -> WriteResult<()> {
    let Some(members) = map(doc, &ROOT, MEMBERS) else {
        return Ok(());
    };
    let obj = doc.put_object(&members, member.id.as_str(), ObjType::Map)?;
    doc.put(&obj, "number", u64::from(member.number))?;
    doc.put(&obj, "name", member.name.as_str())?;
    doc.put(&obj, "status", status_name(member.status))?;
    doc.put(&obj, "role", role_name(member.role))?;
    doc.put(&obj, "joined_on", member.joined_on.to_string())?;
    write_member_fields(doc, &obj, None, member)
}

/// Writes the fields of `member` that differ from the stored record, so that
/// concurrent edits of different fields both survive a merge (the whole
/// record, if it is missing).
pub fn write_member_changes(doc: &mut AutoCommit, member: &Member) -> WriteResult<()> {
    let Some(obj) = map(doc, &ROOT, MEMBERS).and_then(|m| map(doc, &m, member.id.as_str())) else {
        // A record deleted since (by a modified app): written whole again.
        return write_new_member(doc, member);
    };
    let stored = read_member(doc, &member.id);
    if let Some(stored) = &stored {
        if stored.number != member.number {
            doc.put(&obj, "number", u64::from(member.number))?;
        }
        if stored.name != member.name {
            doc.put(&obj, "name", member.name.as_str())?;
        }
        if stored.status != member.status {
            doc.put(&obj, "status", status_name(member.status))?;
        }
        if stored.role != member.role {
            doc.put(&obj, "role", role_name(member.role))?;
        }
    }
    write_member_fields(doc, &obj, stored.as_ref(), member)
}

fn write_member_fields(
    doc: &mut AutoCommit,
    obj: &ObjId,
    stored: Option<&Member>,
    member: &Member,
) -> WriteResult<()> {
    let profile = &member.profile;
    let old = stored.map(|m| &m.profile);
    for (key, value, before) in [
        ("phone", &profile.phone, old.map(|p| &p.phone)),
        ("email", &profile.email, old.map(|p| &p.email)),
        (
            "neighbourhood",
            &profile.neighbourhood,
            old.map(|p| &p.neighbourhood),
        ),
        ("offers", &profile.offers, old.map(|p| &p.offers)),
        ("needs", &profile.needs, old.map(|p| &p.needs)),
    ] {
        if before != Some(value) {
            doc.put(obj, key, value.as_str())?;
        }
    }
    for (key, value, before) in [
        (
            "debit_floor_minutes",
            member.debit_floor_minutes,
            stored.map(|m| m.debit_floor_minutes),
        ),
        (
            "credit_ceiling_minutes",
            member.credit_ceiling_minutes,
            stored.map(|m| m.credit_ceiling_minutes),
        ),
    ] {
        if before != Some(value) {
            match value {
                Some(minutes) => doc.put(obj, key, minutes)?,
                None if stored.is_some() => doc.delete(obj, key)?,
                None => {}
            }
        }
    }
    Ok(())
}

/// How a status is written, in the document and in CSV files.
pub(crate) fn status_name(status: MemberStatus) -> &'static str {
    match status {
        MemberStatus::Applicant => "applicant",
        MemberStatus::Active => "active",
        MemberStatus::Away => "away",
        MemberStatus::Left => "left",
    }
}

fn status_from(text: &str) -> Option<MemberStatus> {
    Some(match text {
        "applicant" => MemberStatus::Applicant,
        "active" => MemberStatus::Active,
        "away" => MemberStatus::Away,
        "left" => MemberStatus::Left,
        _ => return None,
    })
}

pub(crate) fn role_name(role: Role) -> &'static str {
    match role {
        Role::Member => "member",
        Role::Coordinator => "coordinator",
    }
}

fn role_from(text: &str) -> Option<Role> {
    Some(match text {
        "member" => Role::Member,
        "coordinator" => Role::Coordinator,
        _ => return None,
    })
}
