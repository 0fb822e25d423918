//! The bytes of messages the relay holds between devices at once, across
//! every connection: each received message from the moment it is read
//! until samod has taken it in, and each message for a device until it is
//! written to the device's socket.
//!
//! When the budget is spent, the relay reads no more messages (the devices
//! sending them wait, slowed by TCP) until queued ones are sent or their
//! devices dropped; what samod sends is never held up, since samod would
//! only queue it elsewhere. Sending is what a received message causes, so
//! holding back reading holds back sending too.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use tokio::sync::Notify;

/// The relay's budget of bytes in flight; clones share it.
#[derive(Clone)]
pub struct Budget(Arc<Inner>);

struct Inner {
    limit: usize,
    held: Mutex<usize>,
    peak: AtomicUsize,
    freed: Notify,
}

/// Bytes taken from the budget, given back when dropped.
pub struct Held {
    budget: Budget,
    bytes: usize,
}

impl Budget {
    pub fn new(limit: usize) -> Budget {
        Budget(Arc::new(Inner {
            limit,
            held: Mutex::new(0),
            peak: AtomicUsize::new(0),
            freed: Notify::new(),
        }))
    }

    /// Takes `bytes` once they fit (a message larger than the whole budget
    /// fits when nothing else is held).
    pub async fn take(&self, bytes: usize) -> Held {
        loop {
            let freed = self.0.freed.notified();
            let mut freed = std::pin::pin!(freed);
            freed.as_mut().enable();
            if let Some(held) = self.try_take(bytes) {
                return held;
            }
            freed.await;
        }
    }

    /// Takes `bytes` at once, even past the limit.
    pub fn take_now(&self, bytes: usize) -> Held {
        let mut held = self.lock();
        *held += bytes;
        self.0.peak.fetch_max(*held, Ordering::Relaxed);
        Held {
            budget: self.clone(),
            bytes,
        }
    }

    fn try_take(&self, bytes: usize) -> Option<Held> {
        let mut held = self.lock();
        if *held > 0 && held.saturating_add(bytes) > self.0.limit {
            return None;
        }
        *held += bytes;
        self.0.peak.fetch_max(*held, Ordering::Relaxed);
        Some(Held {
            budget: self.clone(),
            bytes,
        })
    }

    /// Bytes held now.
    pub fn held(&self) -> usize {
        *self.lock()
    }

    /// The most bytes held at once since the relay started.
    pub fn peak(&self) -> usize {
        self.0.peak.load(Ordering::Relaxed)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, usize> {
        self.0.held.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Drop for Held {
    fn drop(&mut self) {
        let mut held = self.budget.lock();
        *held = held.saturating_sub(self.bytes);
        drop(held);
        self.budget.0.freed.notify_waiters();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_message_is_read_once_the_budget_has_room() {
        let budget = Budget::new(10);
        let first = budget.take(6).await;
        let mut second = Box::pin(budget.take(6));
        assert!(futures::poll!(second.as_mut()).is_pending());
        // Sending is never held up.
        let sending = budget.take_now(3);
        assert_eq!(budget.held(), 9);
        drop(first);
        let second = second.await;
        assert_eq!(budget.held(), 9);
        drop((second, sending));
        assert_eq!(budget.held(), 0);
        assert_eq!(budget.peak(), 9);
        // A message larger than the whole budget passes alone.
        let large = budget.take(25).await;
        let mut more = Box::pin(budget.take(1));
        assert!(futures::poll!(more.as_mut()).is_pending());
        drop(large);
        drop(more.await);
        assert_eq!(budget.peak(), 25);
    }
}
