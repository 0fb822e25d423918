//! Identifiers. Everything that two offline devices may create at the same
//! time gets a random 128-bit id, so concurrent additions never collide.
//! Randomness is passed in through [`Entropy`], never taken from the system.

use std::fmt;

/// A source of random bytes: the browser's crypto in the app, a seeded
/// generator in tests.
pub trait Entropy {
    fn fill(&mut self, bytes: &mut [u8]);
}

fn random_hex(entropy: &mut dyn Entropy) -> String {
    let mut bytes = [0u8; 16];
    entropy.fill(&mut bytes);
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

fn is_id(text: &str) -> bool {
    text.len() == 32 && text.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

macro_rules! random_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(String);

        impl $name {
            pub fn random(entropy: &mut dyn Entropy) -> Self {
                $name(random_hex(entropy))
            }

            /// Reads an id as stored or typed; `None` if it is not one.
            pub fn parse(text: &str) -> Option<Self> {
                is_id(text).then(|| $name(text.to_string()))
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

random_id!(
    /// A member, stable for life (their short member number may change if two
    /// devices handed out the same one).
    MemberId
);
random_id!(
    /// An exchange of hours.
    ExchangeId
);
random_id!(
    /// One entry in an exchange's lifecycle log.
    LogEntryId
);
random_id!(
    /// An offer, request, thing to lend or thing to give away.
    ListingId
);
random_id!(
    /// A trading day, social, group activity or meeting.
    EventId
);
random_id!(
    /// A group of exchanges recorded together (one payer to many payees, or many to one).
    GroupId
);
random_id!(
    /// A device that records changes.
    DeviceId
);
random_id!(
    /// A coordinator's decision (a member's status, role or limits), once a
    /// timebank's trust is founded.
    DecisionId
);

/// Whose hours move: a member's account or the community fund.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Account {
    Member(MemberId),
    /// Receives donations and pays for group events and purchased hours.
    CommunityFund,
}

impl Account {
    const FUND: &'static str = "fund";

    pub fn parse(text: &str) -> Option<Account> {
        if text == Self::FUND {
            Some(Account::CommunityFund)
        } else {
            MemberId::parse(text).map(Account::Member)
        }
    }

    pub fn as_str(&self) -> &str {
        match self {
            Account::Member(id) => id.as_str(),
            Account::CommunityFund => Self::FUND,
        }
    }

    pub fn member(&self) -> Option<&MemberId> {
        match self {
            Account::Member(id) => Some(id),
            Account::CommunityFund => None,
        }
    }
}

impl fmt::Display for Account {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
