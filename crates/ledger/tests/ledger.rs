//! Behaviour of the ledger as members and coordinators meet it.

mod ledger {
    pub mod attacks_merged;
    pub mod attention;
    pub mod board;
    pub mod certificates;
    pub mod checked;
    pub mod checkpoints;
    pub mod counting;
    pub mod csv;
    pub mod decisions;
    pub mod deletions;
    pub mod demotions;
    pub mod details;
    pub mod events;
    pub mod exchanges;
    pub mod finding;
    pub mod founding;
    pub mod fund;
    pub mod invitations;
    pub mod members;
    pub mod merging;
    pub mod reports;
    pub mod resolutions;
    pub mod signing;
    pub mod storage;
    pub mod support;
    pub mod trading_day;
    pub mod withdrawals;
}
