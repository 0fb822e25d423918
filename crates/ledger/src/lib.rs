//! The timebank ledger: every rule of a Tally timebank, over one Automerge
//! document, with no web dependency.
//!
//! A timebank is a [`Timebank`]: open one with [`Timebank::create`] or
//! [`Timebank::load`], change it with its operations (add a member, record an
//! exchange, confirm, reverse, ...), and read what is derived from it
//! (balances, statuses, statements, the attention queue). Every operation
//! checks its input first and either applies completely or returns a
//! [`LedgerError`] whose message a coordinator understands, leaving the
//! document unchanged.
//!
//! Copies of a timebank on different devices are merged with
//! [`Timebank::merge`] or [`Timebank::apply_changes`]; in whatever order and
//! however often copies merge, they end with the same balances and the same
//! attention queue.
//!
//! The ledger never reads the clock or a random source: the current time is
//! passed to each operation as a [`Timestamp`], and randomness (for ids)
//! through an [`Entropy`] given when a timebank is opened.
//!
//! The document layout is described, and only touched, in [`schema`].

// Input from people, the network and storage is never unwrapped.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

mod balances;
mod board;
mod chunks;
mod csv_files;
mod duration;
mod error;
mod ids;
mod model;
mod reports;
pub mod schema;
mod time;
mod timebank;
pub mod trust;

pub use board::{Event, EventKind, Listing, ListingKind, MAX_LISTING_DAYS};
pub use csv_files::{ImportError, RowProblem, RowReason, hours_text, parse_hours};
pub use duration::{DurationProblem, duration_text, parse_duration};
pub use error::{LedgerError, LoadError};
pub use ids::{
    Account, DecisionId, DeviceId, Entropy, EventId, ExchangeId, GroupId, ListingId, LogEntryId,
    MemberId,
};
pub use model::{
    Channel, ConfirmationPolicy, Currency, Exchange, ExchangeKind, LifecycleAction, LifecycleEvent,
    MAX_DESCRIPTION_CHARS, MAX_EXCHANGE_MINUTES, MAX_NAME_CHARS, MAX_TEXT_CHARS, Member,
    MemberStatus, Outcome, Profile, Role, Seal, Settings, Status, TimebankDetails, TimebankInfo,
    Unit,
};
pub use reports::{CategoryFigures, Figures, MonthReport, PeriodLock, UNCATEGORISED};
pub use schema::{Resolution, SchemaError};
pub use time::{Date, Month, Timestamp};
pub use timebank::{
    AcceptanceDraft, AccountTotals, Added, AttentionItem, CHECKPOINT_EVERY, CategoryChoice,
    CertificateDraft, ChannelKind, CheckpointDraft, Doubt, EventCounterpart, EventExchange,
    ExchangeQuery, HoursPurchase, ImportSummary, InvitationDraft, InvitationState, LimitKind,
    LimitWarning, NewEvent, NewExchange, NewGroupExchange, NewListing, NewMember, NewTimebank,
    ProfileMatch, Recorded, RequestDraft, ResolutionDraft, RevocationDraft, SEAL_MESSAGE,
    SealState, SequenceGap, Standing, StatementLine, Timebank, ToSign, TradingDay, Unsealed,
    checked_name, trust_problem_codes,
};
