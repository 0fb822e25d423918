//! How often one address may bring new timebanks to the relay: each address
//! (the one a trusted reverse proxy forwarded, if any; an IPv6 /64
//! counting as one, as for connections) has a bucket of
//! `per_hour` claims, refilled evenly over the hour. Every claim takes one,
//! whatever its answer; when the bucket is empty the claim is refused with
//! how long to wait. A community brings its timebank once, so the bucket is
//! far larger than anyone needs who is not flooding the relay.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

use crate::limits::Neighbourhood;

/// Buckets kept before full ones are forgotten (a full bucket is the same
/// as none).
const TRACKED: usize = 10_000;

const HOUR: Duration = Duration::from_secs(3600);

/// The claim buckets of every address that claimed lately.
#[derive(Debug)]
pub struct ClaimRate {
    per_hour: u32,
    buckets: Mutex<HashMap<Neighbourhood, Bucket>>,
}

#[derive(Debug, Clone, Copy)]
struct Bucket {
    /// Claims left (fractions fill up over time).
    left: f64,
    /// When `left` was counted.
    at: Instant,
    /// Whether a refusal was logged since the last claim it took.
    told: bool,
}

/// A claim refused for coming too often.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooOften {
    /// How long until the address may claim again.
    pub wait: Duration,
    /// True for the first refusal since the address last claimed (the one
    /// worth logging).
    pub first: bool,
}

impl ClaimRate {
    /// `per_hour` claims an hour from each address, all at once if it likes
    /// (at least one).
    pub fn new(per_hour: u32) -> ClaimRate {
        ClaimRate {
            per_hour: per_hour.max(1),
            buckets: Mutex::default(),
        }
    }

    fn size(&self) -> f64 {
        f64::from(self.per_hour)
    }

    /// The claims left in `bucket` at `now`.
    fn refilled(&self, bucket: &Bucket, now: Instant) -> f64 {
        let elapsed = now.saturating_duration_since(bucket.at).as_secs_f64();
        (bucket.left + elapsed * self.size() / HOUR.as_secs_f64()).min(self.size())
    }

    /// Takes a claim from the bucket of `ip`, or says how long to wait.
    pub fn take(&self, ip: IpAddr, now: Instant) -> Result<(), TooOften> {
        let mut buckets = self.buckets.lock().unwrap_or_else(PoisonError::into_inner);
        if buckets.len() >= TRACKED {
            buckets.retain(|_, bucket| self.refilled(bucket, now) < self.size());
        }
        let full = Bucket {
            left: self.size(),
            at: now,
            told: false,
        };
        let bucket = buckets.entry(Neighbourhood::of(ip)).or_insert(full);
        bucket.left = self.refilled(bucket, now);
        bucket.at = now;
        if bucket.left >= 1.0 {
            bucket.left -= 1.0;
            bucket.told = false;
            return Ok(());
        }
        let first = !bucket.told;
        bucket.told = true;
        let wait = HOUR.mul_f64(1.0 - bucket.left).div_f64(self.size());
        Err(TooOften { wait, first })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    #[test]
    fn an_address_gets_its_claims_then_waits_for_the_bucket_to_refill() {
        let rate = ClaimRate::new(3);
        let start = Instant::now();
        for _ in 0..3 {
            assert_eq!(rate.take(ip("192.0.2.1"), start), Ok(()));
        }
        let refused = rate.take(ip("192.0.2.1"), start).unwrap_err();
        assert_eq!(refused.wait, Duration::from_secs(1200));
        assert!(refused.first);
        assert!(!rate.take(ip("192.0.2.1"), start).unwrap_err().first);
        // Another address has its own bucket.
        assert_eq!(rate.take(ip("192.0.2.2"), start), Ok(()));
        // One claim back every 20 minutes, and only one.
        let later = start + Duration::from_secs(1200);
        assert_eq!(rate.take(ip("192.0.2.1"), later), Ok(()));
        assert!(rate.take(ip("192.0.2.1"), later).is_err());
        // A full bucket holds no more than its size.
        let much_later = later + 10 * HOUR;
        for _ in 0..3 {
            assert_eq!(rate.take(ip("192.0.2.1"), much_later), Ok(()));
        }
        assert!(rate.take(ip("192.0.2.1"), much_later).is_err());
    }

    #[test]
    fn an_ipv6_64_is_one_address() {
        let rate = ClaimRate::new(1);
        let now = Instant::now();
        assert_eq!(rate.take(ip("2001:db8:1:2::1"), now), Ok(()));
        assert!(rate.take(ip("2001:db8:1:2:ffff::9"), now).is_err());
        assert_eq!(rate.take(ip("2001:db8:1:3::1"), now), Ok(()));
    }

    #[test]
    fn full_buckets_are_forgotten_when_many_are_kept() {
        let rate = ClaimRate::new(2);
        let start = Instant::now();
        for n in 0..TRACKED as u32 {
            rate.take(IpAddr::from(n.to_be_bytes()), start).unwrap();
        }
        let flooded = ip("198.51.100.7");
        rate.take(flooded, start).unwrap();
        rate.take(flooded, start).unwrap();
        // Half an hour on, every bucket that gave one claim is full again
        // and is dropped; the one that gave two keeps its count.
        let later = start + HOUR / 2;
        rate.take(ip("203.0.113.1"), later).unwrap();
        assert_eq!(rate.buckets.lock().unwrap().len(), 2);
        rate.take(flooded, later).unwrap();
        assert!(rate.take(flooded, later).is_err());
    }
}
