//! What can go wrong, in words a coordinator understands. Every operation
//! either applies completely or returns one of these and changes nothing.

use crate::model::{MAX_DESCRIPTION_CHARS, MAX_EXCHANGE_MINUTES, MAX_NAME_CHARS, MAX_TEXT_CHARS};
use crate::schema::SchemaError;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LedgerError {
    #[error("Only a coordinator can do this.")]
    NotCoordinator,
    #[error("This device has no signing key yet, so it cannot sign what it wrote.")]
    NoDeviceKey,
    #[error("This timebank's devices are already certified by a coordinator's device.")]
    TrustAlreadyFounded,
    #[error(
        "Only a coordinator's certified device can do this. Ask a coordinator to certify this device."
    )]
    NotCoordinatorDevice,
    #[error("This exchange is not waiting for a coordinator's decision.")]
    NotWaiting,
    #[error("Only the device this timebank was created on can found its trust.")]
    NotTheFoundingDevice,
    #[error(
        "This device cannot write in this timebank yet: a coordinator must approve it first. See This device."
    )]
    DeviceNotCertified,
    #[error("A coordinator revoked this device, so it can no longer write in this timebank.")]
    DeviceRevoked,
    #[error("This device can already write in this timebank: it needs no approval.")]
    AlreadyCertified,
    #[error("Only a member who is a coordinator can be given a coordinator's device.")]
    NotACoordinatorMember,
    #[error(
        "A signature did not match what this device wrote, so nothing was signed. Try again; if it happens again, tell a coordinator."
    )]
    BadSignature,
    #[error("You can only record exchanges you took part in. A coordinator can record others.")]
    NotAParty,
    #[error("Only {0} can confirm or reject this exchange, or a coordinator.")]
    NotTheConfirmer(String),
    #[error("Only the member who recorded this exchange can withdraw it.")]
    NotTheRecorder,
    #[error(
        "This exchange no longer waits for confirmation, so it cannot be withdrawn. Say what is wrong with it instead: a coordinator will look into it."
    )]
    CannotWithdraw,
    #[error("{0} withdrew this exchange, so there is nothing to confirm or reject.")]
    Withdrawn(String),
    #[error("Only the members who took part in this exchange can say something is wrong with it.")]
    NotTakingPart,
    #[error("Say in a few words what is wrong, so a coordinator knows what to look into.")]
    SayWhatIsWrong,
    #[error("Say why you decide this: both members see it on the exchange.")]
    SayWhyYouDecide,
    #[error("This member is not in the timebank.")]
    UnknownMember,
    #[error("This exchange is not in the timebank.")]
    UnknownExchange,
    #[error("The person who gave the help and the person who received it must be different.")]
    SameAccount,
    #[error(
        "{name} is {status}, so cannot take part in exchanges until a coordinator makes them active."
    )]
    MemberNotActive { name: String, status: &'static str },
    #[error("An exchange must last from 1 minute to {} hours; {minutes} minutes is not possible.", MAX_EXCHANGE_MINUTES / 60)]
    MinutesOutOfRange { minutes: u64 },
    #[error(
        "The date {date} is in the future. Record an exchange on or after the day it happened."
    )]
    FutureDate { date: String },
    #[error("The date must be a real day, written as year-month-day (for example 2026-03-14).")]
    InvalidDate,
    #[error("The description is too long: keep it under {MAX_DESCRIPTION_CHARS} characters.")]
    DescriptionTooLong,
    #[error("The {field} is too long: keep it under {max} characters.", max = MAX_TEXT_CHARS)]
    TextTooLong { field: &'static str },
    #[error("The name cannot be empty.")]
    EmptyName,
    #[error("The name is too long: keep it under {MAX_NAME_CHARS} characters.")]
    NameTooLong,
    #[error("\"{0}\" is not one of this timebank's categories.")]
    UnknownCategory(String),
    #[error("The paper slip number cannot be empty.")]
    EmptySlipNumber,
    #[error("The lowest balance must be zero or below, and the highest zero or above.")]
    InvalidLimits,
    #[error("Member number {number} already belongs to {name}.")]
    NumberTaken { number: u32, name: String },
    #[error("Member numbers start at 1.")]
    InvalidNumber,
    #[error("This exchange was already reversed.")]
    AlreadyReversed,
    #[error("A reversal cannot itself be reversed; record a new exchange instead.")]
    CannotReverseReversal,
    #[error("This exchange was rejected, so it does not count and needs no reversal.")]
    CannotReverseRejected,
    #[error(
        "{name} still has a balance of {}. Settle it with the community fund as they leave.",
        crate::duration::signed_duration_text(*balance_minutes)
    )]
    BalanceNotSettled { name: String, balance_minutes: i64 },
    #[error("{0} has already left.")]
    AlreadyLeft(String),
    #[error("“{0}” is not a language Tally knows.")]
    UnknownLanguage(String),
    #[error("A group exchange needs at least one person on each side.")]
    EmptyGroup,
    #[error("A group exchange has one person on one side and several on the other.")]
    GroupNeedsOneSide,
    #[error("The cash amount must be more than zero.")]
    NoCash,
    #[error("Write the receipt's number, so the cash can be matched to these hours.")]
    NoReceipt,
    #[error("This item is not in the attention queue, or was already resolved.")]
    UnknownAttentionItem,
    #[error("The title cannot be empty.")]
    EmptyTitle,
    #[error("The last day must be today or later.")]
    ExpiryInPast,
    #[error("A listing can run for at most a year; choose an earlier last day.")]
    ExpiryTooFar,
    #[error("This listing is not in the timebank.")]
    UnknownListing,
    #[error("An exchange for a listing must have the member who posted it on one side.")]
    ListingMemberNotInExchange,
    #[error("This event is not in the timebank.")]
    UnknownEvent,
    #[error("Only the member who posted this, or a coordinator, can change it.")]
    NotTheOwner,
    #[error("An event must end after it starts.")]
    EventEndsBeforeStart,
    #[error("This event was cancelled.")]
    EventCancelled,
    #[error("This event has not begun yet: record its hours once it has.")]
    EventNotStarted,
    #[error("Nobody said they were coming: mark who came first.")]
    NobodyCame,
    #[error("{} has not ended yet; a month can be locked once it is over.", .0.in_words())]
    MonthNotOver(crate::time::Month),
    #[error("{} is already locked.", .0.in_words())]
    MonthAlreadyLocked(crate::time::Month),
    #[error(
        "The timebank could not be changed ({0}). Nothing was saved; export a copy and tell a coordinator."
    )]
    Damaged(String),
}

/// Why a saved timebank could not be opened.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LoadError {
    #[error("The file is damaged or is not a Tally timebank ({0}).")]
    Unreadable(String),
    #[error("{0}")]
    Schema(#[from] SchemaError),
    #[error("This file holds another timebank{}; it cannot be added to this one.", if .0.is_empty() { String::new() } else { format!(" (\"{}\")", .0) })]
    DifferentTimebank(String),
}

impl From<automerge::AutomergeError> for LedgerError {
    fn from(error: automerge::AutomergeError) -> Self {
        LedgerError::Damaged(error.to_string())
    }
}
