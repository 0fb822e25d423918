//! Why an exchange is not taken as written, in words for the attention
//! queue.

/// Why an exchange in a founded timebank is not taken as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Doubt {
    /// Written after the trust was founded, with no signature.
    NotSigned,
    /// Signed by a device no coordinator certified.
    UnknownDevice,
    /// The signature does not match the record, nor the record as first
    /// written: forged.
    SignatureDoesNotMatch,
    /// Recorded by a device certified for a member who takes no part in it
    /// (only coordinators' devices record for others).
    NotTheirs,
    /// Recorded by a device after it was revoked: waits for a coordinator.
    AfterRevocation,
    /// Changed after it was signed: the signed original counts.
    ChangedAfterSigning,
    /// Deleted after it was signed (the whole record, or a field it cannot
    /// be read without): the signed original counts. Exchanges the founding
    /// vouched for count as signed by it.
    DeletedAfterSigning,
    /// A confirmation or rejection by someone other than the member asked
    /// to confirm (or a coordinator).
    NotTheConfirmer,
    /// A coordinator's decision (an override) from a device that is not a
    /// coordinator's.
    NotACoordinator,
    /// Recorded on a member's device without asking the member the
    /// timebank's confirmation rule asks (left out, or someone else named).
    NoConfirmationAsked,
    /// What only coordinators record (a reversal, bought hours, an opening
    /// balance, hours paid by the community fund), recorded on a member's
    /// device.
    CoordinatorsOnly,
    /// A withdrawal by someone other than the member who recorded the
    /// exchange, or of one that never waited for a confirmation.
    CannotWithdraw,
}

impl Doubt {
    /// Whether the exchange is kept out of the balances (all but a change
    /// or deletion after signing, where the original counts).
    pub fn withholds(self) -> bool {
        !matches!(
            self,
            Doubt::ChangedAfterSigning | Doubt::DeletedAfterSigning
        )
    }

    /// A short name that is the same on every device (for item keys).
    pub fn code(self) -> &'static str {
        match self {
            Doubt::NotSigned => "not-signed",
            Doubt::UnknownDevice => "unknown-device",
            Doubt::SignatureDoesNotMatch => "signature-does-not-match",
            Doubt::NotTheirs => "not-theirs",
            Doubt::AfterRevocation => "after-revocation",
            Doubt::ChangedAfterSigning => "changed-after-signing",
            Doubt::DeletedAfterSigning => "deleted-after-signing",
            Doubt::NotTheConfirmer => "not-the-confirmer",
            Doubt::NotACoordinator => "not-a-coordinator",
            Doubt::NoConfirmationAsked => "no-confirmation-asked",
            Doubt::CoordinatorsOnly => "coordinators-only",
            Doubt::CannotWithdraw => "cannot-withdraw",
        }
    }

    /// The reason, in plain words, for the attention queue.
    pub fn reason(self) -> &'static str {
        match self {
            Doubt::NotSigned => "it is not signed by the device that recorded it",
            Doubt::UnknownDevice => "it was signed by a device no coordinator certified",
            Doubt::SignatureDoesNotMatch => {
                "its signature does not match what it says: it may be forged"
            }
            Doubt::NotTheirs => "it was recorded on a device of a member who takes no part in it",
            Doubt::AfterRevocation => "it was recorded on a device after the device was revoked",
            Doubt::ChangedAfterSigning => {
                "it was changed after it was signed: the signed original counts"
            }
            Doubt::DeletedAfterSigning => {
                "it was deleted, or damaged so that it can no longer be read, after it was signed: \
                 the signed original counts"
            }
            Doubt::NotTheConfirmer => {
                "it was confirmed or rejected by someone other than the person asked to"
            }
            Doubt::NotACoordinator => "it was decided on a device that is not a coordinator's",
            Doubt::NoConfirmationAsked => {
                "it does not ask the other member to confirm it, as this timebank's rules require"
            }
            Doubt::CoordinatorsOnly => {
                "it was recorded on a member's device, but only coordinators record reversals, \
                 bought hours, opening balances and hours from the community fund"
            }
            Doubt::CannotWithdraw => {
                "it was withdrawn by someone other than the member who recorded it, or it never \
                 waited for a confirmation"
            }
        }
    }
}
