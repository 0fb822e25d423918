//! An exchange that came from a listing: recorded as any other, and the
//! listing keeps which exchanges were its, so the listing's page and the
//! exchange's page lead to each other.

use crate::board::Listing;
use crate::error::LedgerError;
use crate::ids::{ExchangeId, ListingId, MemberId};
use crate::model::ExchangeKind;
use crate::schema;
use crate::time::Timestamp;

use super::Timebank;
use super::exchanges::{NewExchange, Recorded};

impl Timebank {
    /// Records `new` as an exchange for listing `listing`, whose member
    /// must be one of its two sides.
    pub fn record_for_listing(
        &mut self,
        by: &MemberId,
        new: NewExchange,
        listing: &ListingId,
        now: Timestamp,
    ) -> Result<Recorded, LedgerError> {
        let poster = &self
            .listing(listing)
            .ok_or(LedgerError::UnknownListing)?
            .member;
        if new.payer.member() != Some(poster) && new.payee.member() != Some(poster) {
            return Err(LedgerError::ListingMemberNotInExchange);
        }
        let exchange = self.checked_exchange(by, new, ExchangeKind::Service, None, None, now)?;
        let id = exchange.id.clone();
        let recorded = self
            .write_exchanges_and(vec![exchange], now, "record exchange for listing", |doc| {
                schema::write_listing_exchange(doc, listing, &id)
            })?
            .remove(0);
        if let Some(listing) = self.listings.get_mut(listing) {
            listing.exchanges.insert(recorded.id.clone());
        }
        Ok(recorded)
    }

    /// The listing an exchange was recorded for, if any.
    pub fn listing_of(&self, exchange: &ExchangeId) -> Option<&Listing> {
        self.listings
            .values()
            .find(|listing| listing.exchanges.contains(exchange))
    }
}
