//! This device's place in a timebank's trust (who may write what), and the
//! coordinator's part in it. Each record is prepared by the ledger, signed
//! with this device's key and written in one change
//! ([`Session::write_signed`]).
//!
//! - The first coordinator's device to open a timebank whose trust is not
//!   founded founds it (a new timebank at once, on the device that created
//!   it): what is in the document then is vouched for, and from then on
//!   only certified devices write.
//! - A device joins certified, by an invite that carries a one-use key
//!   (the coordinator's device wrote the invitation for that key); or it
//!   asks, and a coordinator approves its request after comparing the code
//!   both screens show.

use ledger::trust::{DeviceKey, InviteSecret, Request, Signature};
use ledger::{Entropy, ExchangeId, LedgerError, MemberId, Role, Timebank, Timestamp};

use crate::session::{BrowserEntropy, Session, Signable};

/// The ledger's drafts each carry the bytes their signature covers.
macro_rules! signable {
    ($($draft:ty),+) => {
        $(impl Signable for $draft {
            fn bytes(&self) -> &[u8] {
                &self.bytes
            }
        })+
    };
}

signable!(
    ledger::CertificateDraft,
    ledger::InvitationDraft,
    ledger::RequestDraft,
    ledger::RevocationDraft,
    ledger::AcceptanceDraft,
    ledger::ResolutionDraft,
    ledger::CheckpointDraft
);

/// What this device may do in the open timebank.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Standing {
    /// The timebank's trust is not founded: every device writes, as before
    /// entries were signed.
    Open,
    /// This device writes for `member`, in `role`.
    Certified { member: MemberId, role: Role },
    /// It can read; to write, a coordinator must approve it. `asked`: its
    /// request, once written.
    Waiting { asked: Option<Request> },
    /// A coordinator revoked it.
    Revoked,
    /// This browser cannot sign (no Ed25519), so it only reads.
    NoKey,
}

/// Whether the person using this device can change: not on a member's own
/// certified phone, which is theirs alone.
pub fn can_change_hands(timebank: &Timebank) -> bool {
    !matches!(
        standing_of(timebank),
        Standing::Certified {
            role: ledger::Role::Member,
            ..
        }
    )
}

pub fn standing_of(timebank: &Timebank) -> Standing {
    if !timebank.trust_founded() {
        return Standing::Open;
    }
    if timebank.device_key().is_none() {
        return Standing::NoKey;
    }
    match timebank.own_standing() {
        Some(standing) if standing.is_revoked() => Standing::Revoked,
        Some(standing) => Standing::Certified {
            member: standing.member.clone(),
            role: standing.role,
        },
        None => Standing::Waiting {
            asked: timebank.own_request(),
        },
    }
}

/// This device's short code, to compare on two screens; `None` without a
/// key.
pub fn own_code(timebank: &Timebank) -> Option<String> {
    timebank.device_key().map(DeviceKey::fingerprint)
}

/// Founds the open timebank's trust on this device when it is due: the
/// trust is not founded, this device has its key, and the person using it
/// is a coordinator; or this device founded it before foundings signed the
/// heads they vouch for, and signs them now. Anything that stops it (the
/// timebank was created on another device, say) leaves the timebank as it
/// is.
pub fn found_if_due(session: Session) {
    write_when_due(
        session,
        |timebank, me| {
            timebank.founding_unsigned()
                || (!timebank.trust_founded()
                    && timebank.device_key().is_some()
                    && me.is_some_and(|me| timebank.is_coordinator(me)))
        },
        |timebank, me, now| {
            if timebank.founding_unsigned() {
                return timebank.prepare_founding_again(now);
            }
            let me = me.ok_or(LedgerError::UnknownMember)?;
            timebank.prepare_founding(me, now)
        },
        |timebank, draft, signature, now| timebank.add_certificate(draft, signature, now),
    );
}

/// A coordinator's device writes a checkpoint once many exchanges were
/// written since the last one (the ledger says when): a device opening the
/// timebank for the first time then checks the signatures of what came
/// after it, not of every exchange.
pub fn checkpoint_if_due(session: Session) {
    write_when_due(
        session,
        |timebank, _| timebank.checkpoint_due(),
        |timebank, _, now| timebank.prepare_checkpoint(now),
        |timebank, draft, signature, now| timebank.add_checkpoint(draft, signature, now),
    );
}

/// Writes a record this device signs in the background, if `due` says one
/// is due: asked now, and again just before it is prepared (another run may
/// have written it meanwhile).
fn write_when_due<D: Signable + 'static>(
    session: Session,
    due: fn(&Timebank, Option<&MemberId>) -> bool,
    prepare: fn(&mut Timebank, Option<&MemberId>, Timestamp) -> Result<D, LedgerError>,
    add: fn(&mut Timebank, D, Signature, Timestamp) -> Result<(), LedgerError>,
) {
    if !session.read(due).unwrap_or(false) {
        return;
    }
    leptos::task::spawn_local(async move {
        let _ = session
            .write_signed(
                |timebank, me, now| {
                    if !due(timebank, me) {
                        return Err(LedgerError::NotWaiting);
                    }
                    prepare(timebank, me, now)
                },
                add,
            )
            .await;
    });
}

/// Writes the invitation for an invite for `member` in `role`, and returns
/// the invite's secret, which only the link carries.
pub async fn invite(
    session: Session,
    member: MemberId,
    role: Role,
) -> Result<InviteSecret, LedgerError> {
    let mut seed = [0_u8; 32];
    BrowserEntropy.fill(&mut seed);
    let secret = InviteSecret::from_seed(seed);
    let key = secret.key();
    session
        .write_signed(
            move |timebank, _, now| timebank.prepare_invitation(key, &member, role, now),
            |timebank, draft, signature, now| timebank.add_invitation(draft, signature, now),
        )
        .await?;
    Ok(secret)
}

/// Certifies this device with an invite's secret, for the member and role
/// the invite names, and makes that member the person using it.
pub fn accept_invite(
    session: Session,
    secret: &InviteSecret,
    member: &MemberId,
    role: Role,
) -> Result<(), LedgerError> {
    session.write_as_device(|timebank, now| timebank.accept_invite(secret, member, role, now))?;
    session.choose_me(member.clone());
    Ok(())
}

/// Asks a coordinator to approve this device for `member`; `name` is what
/// the person calls the device.
pub async fn ask(session: Session, member: MemberId, name: String) -> Result<(), LedgerError> {
    session
        .write_signed(
            move |timebank, _, now| timebank.prepare_request(&member, &name, now),
            |timebank, draft, signature, now| timebank.add_request(draft, signature, now),
        )
        .await
}

/// A coordinator's device certifying `device` for `member` in `role`.
pub async fn certify(
    session: Session,
    device: DeviceKey,
    member: MemberId,
    role: Role,
) -> Result<(), LedgerError> {
    session
        .write_signed(
            move |timebank, _, now| timebank.prepare_certificate(device, &member, role, now),
            |timebank, draft, signature, now| timebank.add_certificate(draft, signature, now),
        )
        .await
}

/// A coordinator's device turning down `device`'s request.
pub fn decline(session: Session, device: &DeviceKey) -> Result<(), LedgerError> {
    session.write_as_device(|timebank, now| timebank.decline_request(device, now))
}

/// What became of a revoked device's access to the sync server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RelayAccess {
    /// Its tokens (those handed out with the invite it used) are revoked.
    Withdrawn,
    /// The timebank does not sync through a Tally relay: nothing to
    /// withdraw.
    NoneToWithdraw,
    /// The relay has no token that went with the device's invites or that
    /// the device named as its own (one that has not synced since it was
    /// given its token by another way, such as a request approved): the
    /// coordinator withdraws its access from the list of devices that can
    /// sync.
    NoneFound,
    /// The relay could not be reached, or refused: the coordinator withdraws
    /// it on the Sync page later.
    NotReached,
}

/// A coordinator's device revoking `device` (a lost phone, a departed
/// coordinator) or withdrawing an invite (its key); then, in the same step,
/// the relay tokens handed out with the invites that certified it (or with
/// that invite).
///
/// `shared_since(t)`: whether this device and the relay have held the same
/// changes at some moment after `t` (ms since the epoch). The tokens are
/// revoked once the revocation has reached the relay (or after ten seconds),
/// so the revoked device can still hear of it, and say so.
pub async fn revoke(
    session: Session,
    device: DeviceKey,
    reason: String,
    shared_since: impl Fn(f64) -> bool,
) -> Result<RelayAccess, LedgerError> {
    session
        .write_signed(
            move |timebank, _, now| timebank.prepare_revocation(device, &reason, now),
            |timebank, draft, signature, now| timebank.add_revocation(draft, signature, now),
        )
        .await?;
    // (Taken once the revocation is written: a sync that ended before
    // then did not carry it.)
    let revoked_at = js_sys::Date::now();
    for _ in 0..50 {
        if shared_since(revoked_at) {
            break;
        }
        crate::session::wait(200).await;
    }
    Ok(withdraw_relay_access(session, device).await)
}

/// Revokes the relay tokens that went with `device`'s invite (or with the
/// invite whose key `device` is), and those `device` named as its own when
/// it synced (see `Sync::name_this_device`).
async fn withdraw_relay_access(session: Session, device: DeviceKey) -> RelayAccess {
    let Some((invitations, timebank)) = session.read(|tb, _| {
        let mut keys = vec![device.device_id().to_string()];
        keys.extend(
            tb.invites_of(&device)
                .iter()
                .map(|key| key.device_id().to_string()),
        );
        (keys, tb.info().id.clone())
    }) else {
        return RelayAccess::NoneToWithdraw;
    };
    let Some(setting) = crate::storage::relay_setting(&crate::storage::BrowserStore, &timebank)
    else {
        return RelayAccess::NoneToWithdraw;
    };
    let Ok(document) = wire::DocumentId::for_timebank(&timebank) else {
        return RelayAccess::NoneToWithdraw;
    };
    let document = document.to_string();
    let Ok(tokens) = crate::relay_api::devices(&setting.url, &setting.token, &document).await
    else {
        return RelayAccess::NotReached;
    };
    let mut withdrawn = RelayAccess::NoneFound;
    for token in crate::relay_api::tokens_of(&tokens, &invitations) {
        match crate::relay_api::revoke(&setting.url, &setting.token, &document, &token.id).await {
            Ok(()) if withdrawn != RelayAccess::NotReached => withdrawn = RelayAccess::Withdrawn,
            Ok(()) => {}
            Err(_) => withdrawn = RelayAccess::NotReached,
        }
    }
    withdrawn
}

/// Resolves attention item `key` for the coordinator using this device,
/// with `note`: signed by this device when it has its key (the only way it
/// counts once the timebank's trust is founded), written as it is on a
/// device that cannot sign while the trust is not founded.
pub async fn resolve(session: Session, key: String, note: String) -> Result<(), LedgerError> {
    let signs = session
        .read(|timebank, _| timebank.device_key().is_some())
        .unwrap_or(false);
    if !signs {
        return session.change(|timebank, me, now| timebank.resolve(me, &key, &note, now));
    }
    session
        .write_signed(
            move |timebank, me, now| {
                let me = me.ok_or(LedgerError::UnknownMember)?;
                timebank.prepare_resolution(me, &key, &note, now)
            },
            |timebank, draft, signature, now| timebank.add_resolution(draft, signature, now),
        )
        .await
}

/// A coordinator's device deciding that `exchange`, recorded on a device
/// after it was revoked, counts after all.
pub async fn accept_late(session: Session, exchange: ExchangeId) -> Result<(), LedgerError> {
    session
        .write_signed(
            move |timebank, _, now| timebank.prepare_acceptance(&exchange, now),
            |timebank, draft, signature, now| timebank.add_acceptance(draft, signature, now),
        )
        .await
}
