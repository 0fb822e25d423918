//! The sync endpoint: `GET /sync?token=…&peer=…` upgraded to a WebSocket
//! that speaks the automerge-repo protocol with samod.
//!
//! Before the upgrade: the token must be good (otherwise 401 or 403 with the
//! reason, or 429 once the caller's address has been refused too often this
//! minute), the token must not have tried too often nor have too many
//! connections open (429; `limits`), and the peer id the device will claim
//! must be `tally-<token id>-<anything>`; samod is then told to expect
//! exactly that peer id, and the share policy lets that peer id reach only
//! its token's timebank.
//!
//! After it (`link`): every frame is read by `wire` before samod sees it; a
//! frame that cannot be read, is too large, is not binary, is `ephemeral`,
//! or names another timebank closes the connection with a logged reason,
//! and so does a device that has not said `join` within the join timeout.
//! Revoking a token closes its open connections. A device that sends
//! changes for a timebank that takes more than `--max-timebank-bytes` in the
//! data folder is closed too (nothing stored is touched, and other devices
//! may still fetch it). Closes say why, with a code the app shows in words
//! (`link`). A device that does not
//! take what is sent to it is dropped, and the bytes held for all devices
//! stay within one budget (`budget`). With `heartbeat=1` the relay sends a
//! text frame `heartbeat` every few seconds, so the app can tell a dead link
//! from a quiet one (browsers cannot send WebSocket pings).

mod budget;
mod link;

pub use budget::Budget;
pub use link::Ending;

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::extract::ws::rejection::WebSocketUpgradeRejection;
use axum::extract::ws::{WebSocket, WebSocketUpgrade};
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use futures::StreamExt;
use samod::{PeerId, ShareConfig, Transport};
use serde::Deserialize;

use crate::api::refused;
use crate::claims::ClaimRate;
use crate::limits::{AttemptLimits, Attempts, ClientAddress, TooMany};
use crate::storage::StoredBytes;
use crate::tokens::{Grant, Tokens};
use link::{End, Quota};

/// Limits a relay keeps to.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub max_message_bytes: usize,
    /// Sync attempts per minute with one good token.
    pub attempts_per_minute: u32,
    /// Refused sync attempts per minute from one address.
    pub refused_per_minute: u32,
    /// Connections of one token open at once.
    pub max_connections_per_token: usize,
    pub heartbeat: Duration,
    /// How long an upgraded connection may stay open without a `join`.
    pub join_timeout: Duration,
    /// How long a send to a device may wait before the device is dropped.
    pub send_timeout: Duration,
    /// How many bytes may wait to be sent to one device before it is dropped.
    pub max_queued_bytes: usize,
    /// How many bytes of messages the relay holds for all devices at once
    /// before it stops reading more.
    pub max_in_flight_bytes: usize,
    /// How many bytes one timebank may take in the data folder before the
    /// relay takes no more changes for it.
    pub max_timebank_bytes: u64,
    /// How many timebanks one address may bring in an hour.
    pub claims_per_hour: u32,
}

/// Open connections by token id: a serial and where each one's end is decided.
type Live = HashMap<String, Vec<(u64, End)>>;

/// What the sync endpoint and the token API share between connections.
#[derive(Clone)]
pub struct SyncState {
    pub tokens: Arc<Tokens>,
    pub repos: crate::repos::Repos,
    pub limits: Limits,
    /// How often each address may claim a timebank.
    pub claim_rate: Arc<ClaimRate>,
    stored: StoredBytes,
    budget: Budget,
    live: Arc<Mutex<Live>>,
    next_connection: Arc<AtomicU64>,
    attempts: Attempts,
}

/// The samod share policy: a peer reaches a document only if its peer id
/// carries a live token for that document.
pub fn share_policy(
    tokens: Arc<Tokens>,
) -> impl Fn(samod::DocumentId, PeerId) -> futures::stream::Iter<std::array::IntoIter<ShareConfig, 1>>
+ Clone
+ Send
+ 'static {
    move |document, peer| {
        let allowed = token_of_peer(peer.as_str())
            .is_some_and(|token_id| tokens.allows(token_id, &document.to_string()));
        let config = if allowed {
            ShareConfig::read_write().with_announce(false)
        } else {
            ShareConfig::none()
        };
        futures::stream::iter([config])
    }
}

/// `tally-<12 hex>-<suffix>` → the token id.
fn token_of_peer(peer: &str) -> Option<&str> {
    let rest = peer.strip_prefix("tally-")?;
    let (id, suffix) = rest.split_once('-')?;
    (id.len() == 12 && !suffix.is_empty()).then_some(id)
}

impl SyncState {
    pub fn new(tokens: Arc<Tokens>, repos: crate::repos::Repos, limits: Limits) -> SyncState {
        // Any message the relay takes must fit in the budget alone.
        let budget = Budget::new(limits.max_in_flight_bytes.max(limits.max_message_bytes));
        SyncState {
            tokens,
            stored: repos.stored_bytes(),
            repos,
            limits,
            claim_rate: Arc::new(ClaimRate::new(limits.claims_per_hour)),
            budget,
            live: Arc::default(),
            next_connection: Arc::default(),
            attempts: Attempts::new(AttemptLimits {
                refused_per_minute: limits.refused_per_minute,
                per_token_per_minute: limits.attempts_per_minute,
            }),
        }
    }

    /// The bytes held for devices (shared with every clone).
    pub fn budget(&self) -> Budget {
        self.budget.clone()
    }

    /// The sync attempts counted (shared with every clone).
    pub fn attempts(&self) -> Attempts {
        self.attempts.clone()
    }

    /// Lists a new connection of `token_id`, so that a revocation reaches
    /// it from now on; `None` when the token has as many open as it may.
    /// The place is given back when the `Ended` is dropped: when the
    /// connection ends, or the upgrade never happens.
    fn hold_place(&self, token_id: &str) -> Option<(End, Ended)> {
        let serial = self.next_connection.fetch_add(1, Ordering::Relaxed);
        let end = End::new(token_id);
        let mut live = self
            .live
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let open = live.entry(token_id.to_string()).or_default();
        if open.len() >= self.limits.max_connections_per_token.max(1) {
            let count = open.len();
            drop(live);
            self.attempts.too_many_open(token_id, count);
            return None;
        }
        open.push((serial, end.clone()));
        drop(live);
        let ended = Ended {
            state: self.clone(),
            token_id: token_id.to_string(),
            serial,
        };
        Some((end, ended))
    }

    /// Closes every open connection of a revoked token.
    pub fn cut_off(&self, token_id: &str) {
        let ends = self
            .live
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .remove(token_id)
            .unwrap_or_default();
        for (_, end) in ends {
            end.with(Ending::Revoked);
        }
    }
}

#[derive(Debug, Deserialize)]
pub struct SyncQuery {
    token: Option<String>,
    peer: Option<String>,
    heartbeat: Option<String>,
}

pub async fn endpoint(
    State(state): State<SyncState>,
    ClientAddress(client): ClientAddress,
    Query(query): Query<SyncQuery>,
    upgrade: Result<WebSocketUpgrade, WebSocketUpgradeRejection>,
) -> Response {
    // The token first: checking it is cheap, and a good one is never held
    // up by what others did from the same address.
    let grant = match state
        .tokens
        .check(query.token.as_deref().unwrap_or_default())
    {
        Ok(grant) => grant,
        Err(refusal) => {
            return match state.attempts.refused(client, &refusal) {
                Ok(()) => refused(&refusal),
                Err(too_many) => too_many.into_response(),
            };
        }
    };
    if let Err(too_many) = state.attempts.with_token(&grant.token_id) {
        return too_many.into_response();
    }
    let peer = query.peer.unwrap_or_default();
    let peer_ok = peer.len() <= 100
        && peer.bytes().all(|b| b.is_ascii_graphic())
        && token_of_peer(&peer) == Some(grant.token_id.as_str());
    if !peer_ok {
        tracing::warn!(token = %grant.token_id, "refused: peer id does not match the token");
        return (
            StatusCode::BAD_REQUEST,
            "the peer id must be tally-<token id>-<anything>",
        )
            .into_response();
    }
    let upgrade = match upgrade {
        Ok(upgrade) => upgrade,
        Err(rejection) => return rejection.into_response(),
    };
    let Some((end, ended)) = state.hold_place(&grant.token_id) else {
        return TooMany::Open.into_response();
    };
    let heartbeat = query.heartbeat.is_some_and(|value| value == "1");
    let limit = state.limits.max_message_bytes;
    upgrade
        .max_message_size(limit)
        .max_frame_size(limit)
        .on_upgrade(move |socket| async move {
            state.run(socket, grant, peer, heartbeat, end, ended).await;
        })
}

/// Ends with the connection: takes it off the live list.
struct Ended {
    state: SyncState,
    token_id: String,
    serial: u64,
}

impl Drop for Ended {
    fn drop(&mut self) {
        let mut live = self
            .state
            .live
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(list) = live.get_mut(&self.token_id) {
            list.retain(|(listed, _)| *listed != self.serial);
            if list.is_empty() {
                live.remove(&self.token_id);
            }
        }
    }
}

impl SyncState {
    async fn run(
        &self,
        mut socket: WebSocket,
        grant: Grant,
        peer: String,
        heartbeat: bool,
        end: End,
        ended: Ended,
    ) {
        // The connection was listed before the upgrade, so a revocation
        // since reaches it; one made since the token was checked is caught
        // just below.
        let acceptor = self.repos.acceptor(grant.document).await;
        let still_allowed = self
            .tokens
            .allows(&grant.token_id, &grant.document.to_string());
        let acceptor = match acceptor {
            Some(acceptor) if still_allowed => acceptor,
            Some(_) => {
                tracing::info!(token = %grant.token_id, "closing a sync connection: access revoked");
                link::say_why(&mut socket, link::REVOKED, self.limits.send_timeout).await;
                return;
            }
            None => {
                link::say_why(&mut socket, link::STOPPING, self.limits.send_timeout).await;
                return;
            }
        };
        tracing::info!(token = %grant.token_id, %peer, "device connected");

        let (socket_tx, socket_rx) = socket.split();
        let (queue, queued) = link::queue(end.clone(), self.budget.clone(), &self.limits);
        tokio::spawn(link::write(
            socket_tx,
            queued,
            end.clone(),
            self.limits,
            heartbeat,
            self.repos.clone(),
        ));
        let quota = Quota {
            stored: self.stored.clone(),
            document: grant.document.to_string(),
            bytes: self.limits.max_timebank_bytes,
        };
        let inbound = link::read(
            socket_rx,
            grant,
            end,
            self.budget.clone(),
            quota,
            self.limits.join_timeout,
            ended,
        );
        let transport =
            Transport::new(inbound, queue).with_expected_peer_id(PeerId::from(peer.as_str()));
        if acceptor.accept(transport).is_err() {
            tracing::warn!("closing a sync connection: the relay is stopping");
        }
    }
}

/// Whether an Automerge sync message brings changes (one that cannot be
/// read counts as bringing them; samod refuses it anyway).
fn carries_changes(data: &[u8]) -> bool {
    !automerge::sync::Message::decode(data).is_ok_and(|message| message.changes.is_empty())
}

#[cfg(test)]
mod tests {
    use super::carries_changes;
    use automerge::sync::{Message, State, SyncDoc};
    use automerge::transaction::Transactable;
    use automerge::{AutoCommit, ROOT};

    #[test]
    fn only_sync_messages_with_changes_bring_changes() {
        let mut device = AutoCommit::new();
        device.put(ROOT, "k", 1).unwrap();
        device.commit();
        let mut relay = AutoCommit::new();
        let (mut on_device, mut on_relay) = (State::new(), State::new());
        // The first message only says what the device has.
        let hello = device.sync().generate_sync_message(&mut on_device).unwrap();
        let hello = hello.encode();
        assert!(!carries_changes(&hello));
        let message = Message::decode(&hello).unwrap();
        relay
            .sync()
            .receive_sync_message(&mut on_relay, message)
            .unwrap();
        let answer = relay.sync().generate_sync_message(&mut on_relay).unwrap();
        assert!(!carries_changes(&answer.clone().encode()));
        device
            .sync()
            .receive_sync_message(&mut on_device, answer)
            .unwrap();
        let changes = device.sync().generate_sync_message(&mut on_device).unwrap();
        assert!(carries_changes(&changes.encode()));
        assert!(carries_changes(b"not a sync message"));
    }
}
